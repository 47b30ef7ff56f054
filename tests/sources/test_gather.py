"""gather() end to end: Hub ids through the local Hub, and local folders looking up the Hub."""

from __future__ import annotations

import shutil

import pytest

from opengauge.errors import BadInput, NotFound
from opengauge.sources.gather import gather

from .conftest import CARDS
from .test_gguf import write_gguf

pytestmark = pytest.mark.skipif(not CARDS.is_dir(), reason="reference cards not present")

ZEPHYR = "HuggingFaceH4/zephyr-7b-beta"


def run(target, client, **options):
    made = client(**options)
    return gather(target, client=made)


@pytest.mark.slow
def test_hub_model_with_base_model_and_datasets(hub, client):
    hub.add_model("mistralai/Mistral-7B-v0.1", {"README.md": "---\nlicense: apache-2.0\n---\n"})
    hub.add_dataset("HuggingFaceH4/ultrachat_200k", {"license": "mit"})
    facts = run(ZEPHYR, client)
    sha = hub.repos[("model", ZEPHYR)].sha
    assert facts.problems == []
    assert facts.hub.sha == sha and facts.hub.gated.value is False
    assert facts.card.license.value == "mit"
    locator = facts.card.license.evidence.locator
    assert locator.url == f"{hub.url}/{ZEPHYR}/blob/{sha}/README.md#L{locator.line}"
    assert (locator.file, locator.field) == ("README.md", "license")
    base = facts.base_models[0]
    assert (base.repo_id, base.found, base.license.value) == ("mistralai/Mistral-7B-v0.1", True,
                                                              "apache-2.0")
    assert base.license.evidence.locator.url == f"{hub.url}/api/models/mistralai/Mistral-7B-v0.1"
    datasets = {d.repo_id: d for d in facts.datasets}
    assert datasets["HuggingFaceH4/ultrachat_200k"].license.value == "mit"
    assert datasets["HuggingFaceH4/ultrafeedback_binarized"].found is False
    assert {s.kind for s in facts.card.sections} >= {"training_data", "evaluation"}
    assert any(link.kind == "paper" for link in facts.links)


def test_gated_hub_model_without_and_with_a_token(hub, client):
    facts = run("meta-llama/Llama-3.2-1B", client)
    assert facts.hub.gated.value == "manual"
    assert facts.card.gated and facts.card.license.value == "llama3.2"
    assert facts.license_files == []
    assert [(p.kind, p.source) for p in facts.problems] == [("gated", "hub")]
    facts = run("meta-llama/Llama-3.2-1B", client, token="granted")
    assert [f.name for f in facts.license_files] == ["LICENSE.txt"]
    assert facts.license_files[0].evidence.locator.url.endswith("/LICENSE.txt#L1")


def test_gguf_repository_header_read_by_range(hub, client, tmp_path):
    write_gguf(tmp_path / "q4.gguf", tokens=20_000)
    readme = (CARDS / "Mungert__Qwen2.5-0.5B-Instruct-GGUF" / "README.md").read_bytes()
    data = (tmp_path / "q4.gguf").read_bytes()
    hub.add_model("org/model-GGUF", {"README.md": readme, "m-q4.gguf": data, "m-q8.gguf": data})
    facts = run("org/model-GGUF", client)
    read = [f for f in facts.weights.files if f.gguf is not None]
    assert len(read) == 1  # one GGUF header per Hub repository
    assert read[0].gguf.license.value == "apache-2.0"
    assert facts.card.license.value == "apache-2.0"
    assert facts.weights.parameters.value == 136
    gguf_requests = [h for _, path, h in hub.log if path.endswith(".gguf")]
    assert gguf_requests and all("Range" in h for h in gguf_requests)


def test_safetensors_totals_come_from_the_hub(hub, client):
    hub.add_model("org/st", {"README.md": "---\nlicense: mit\n---\n", "model.safetensors": b"x"},
                  extra={"safetensors": {"parameters": {"BF16": 1000}, "total": 1000}})
    facts = run("org/st", client)
    assert facts.weights.parameters.value == 1000
    assert facts.weights.parameters.evidence.locator.field == "safetensors.total"
    assert facts.hub.safetensors.value["parameters"] == {"BF16": 1000}


def test_offline_gather_after_an_online_one(hub, client):
    online = run(ZEPHYR, client, token=False)
    offline_client = client(offline=True)
    hub.stop()
    offline = gather(ZEPHYR, client=offline_client)
    assert offline.card.license.value == online.card.license.value
    assert [d.repo_id for d in offline.datasets] == [d.repo_id for d in online.datasets]
    assert offline.hub.cached


def test_related_lookups_failing_are_problems_not_failures(hub, client, tmp_path):
    folder = tmp_path / "release"
    shutil.copytree(CARDS / "upstage__SOLAR-10.7B-Instruct-v1.0", folder)
    hub.fault("/api/", "status", status=503, times=999)
    facts = run(str(folder), client, retries=1)
    assert facts.card.license.value == "cc-by-nc-4.0"
    assert facts.problems and all(p.kind == "network" for p in facts.problems)
    assert facts.base_models == [] and facts.datasets == []


def test_local_folder_looks_up_its_base_model(hub, client, tmp_path):
    hub.add_model("upstage/SOLAR-10.7B-v1.0", {"README.md": "---\nlicense: apache-2.0\n---\n"})
    facts = run(str(CARDS / "upstage__SOLAR-10.7B-Instruct-v1.0"), client)
    assert facts.base_models[0].license.value == "apache-2.0"
    assert [d.found for d in facts.datasets] == [False] * len(facts.card.datasets)


def test_unknown_hub_model(client):
    with pytest.raises(NotFound):
        run("nobody/nothing", client)


def test_catalog_names_have_nothing_to_gather(client, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(BadInput, match="catalog names have no repository"):
        run("llama-2", client)


def test_api_gather_reads_a_local_folder_offline(tmp_path):
    from opengauge import api

    (tmp_path / "README.md").write_text("---\nlicense: mit\nbase_model: org/base\n---\n# Uses\nChat.\n")
    facts = api.gather(str(tmp_path), offline=True)
    assert facts.card.license.value == "mit"
    assert facts.target.kind == "path"
    # the base model cannot be looked up offline with an empty store: a problem, not a failure
    assert [p.kind for p in facts.problems] == ["network"]
    assert "offline: no stored Hub answer for model_info org/base" in facts.problems[0].message


def test_base_model_files_are_kept_to_tell_whether_weights_are_published(hub, client):
    hub.add_model("mistralai/Mistral-7B-v0.1", {"README.md": "---\nlicense: apache-2.0\n---\n",
                                                "model.safetensors": b"x"})
    facts = run(ZEPHYR, client)
    assert facts.base_models[0].files == ["README.md", "model.safetensors"]


def test_names_that_are_no_hub_ids_are_not_looked_up_or_retried(hub, client, sleeps):
    facts = run("nvidia/stt_en_conformer_transducer_large", client)
    invalid = [d for d in facts.datasets if "(" in d.repo_id]
    assert [d.repo_id for d in invalid] == ["VoxPopuli-(EN)", "Europarl-ASR-(EN)",
                                            "Multilingual-LibriSpeech-(2000-hours)"]
    assert all(not d.found and "not a Hub repository id" in d.evidence.note for d in invalid)
    assert sleeps == []
    assert not any("(" in path for _, path, _ in hub.log)


def test_a_malformed_id_is_bad_input_at_once(client, sleeps):
    from opengauge.errors import BadInput

    with pytest.raises(BadInput, match="not a Hub repository id"):
        client().dataset_info("bad-(id)")
    assert sleeps == []
