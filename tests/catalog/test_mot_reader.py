"""The Model Openness Tool reader: upstream files, clear errors, imports and the release shown."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli_process import run_cli
from opengauge import api
from opengauge.catalog.mot import MotReader
from opengauge.errors import BadInput
from reference_data import REFERENCE

MODELS = REFERENCE / "mot" / "models"


def write(tmp_path: Path, text: str, name: str = "release.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def read_error(path: Path) -> str:
    with pytest.raises(BadInput) as info:
        MotReader().read_record(path)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_reads_a_release_as_upstream_holds_it() -> None:
    record = MotReader().read_record(MODELS / "Pythia-6.9B.yml")
    assert record.source == "mot" and record.source_file == "Pythia-6.9B.yml"
    assert record.subject.id == "pythia"
    assert record.subject.name == "Pythia-6.9B" and record.subject.org == "EleutherAI"
    assert record.subject.license == "Apache-2.0"
    assert record.subject.link == "https://github.com/EleutherAI/pythia"
    assert record.subject.release_date == "2025-11-03"
    # Only the listed components are rated; the MOF framework rates the rest.
    assert len(record.ratings) == 15
    paper = record.rating("Research paper")
    assert (paper.evidence[0].quote, paper.evidence[0].note) == ("CC-BY-SA-4.0", "component license")
    assert paper.evidence[1].locator.url == "https://arxiv.org/abs/2304.01373"


def test_unknown_component_names_file_line_and_choices(tmp_path: Path) -> None:
    text = (MODELS / "Llama-2-7B.yml").read_text("utf-8").replace("'Model architecture'",
                                                                   "'Model architcture'", 1)
    message = read_error(write(tmp_path, text))
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "architcture" in t)
    assert f"release.yml:{line}:" in message
    assert "unknown component 'Model architcture'" in message and "Model card" in message


def test_structural_errors_are_one_clear_line(tmp_path: Path) -> None:
    assert "expected a YAML mapping" in read_error(write(tmp_path, "- a\n"))
    assert "field 'release'" in read_error(write(tmp_path, "framework: {}\n"))
    assert "field 'release.name': missing" in read_error(write(tmp_path, "release:\n  name: ''\n"))
    components = "release:\n  name: X\n  components: {a: b}\n"
    assert "expected a list of components" in read_error(write(tmp_path, components))
    twice = ("release:\n  name: X\n  components:\n    - name: Datasets\n    - name: Datasets\n")
    message = read_error(write(tmp_path, twice))
    assert "listed twice" in message and "release.yml:5:" in message
    license_list = "release:\n  name: X\n  license: [MIT]\n"
    assert "field 'release.license'" in read_error(write(tmp_path, license_list))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_give_bad_input_or_a_record(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz.yml"
    path.write_bytes(b"release:\n  name: X\n  components:\n" + raw)
    try:
        MotReader().read_record(path)
    except BadInput as error:
        assert "fuzz.yml" in str(error)


def test_locate_finds_the_models_folder_of_a_clone(tmp_path: Path) -> None:
    clone = tmp_path / "model_openness_tool"
    (clone / "models").mkdir(parents=True)
    shutil.copy(MODELS / "Amber.yml", clone / "models")
    assert MotReader().locate(clone) == clone / "models"
    assert MotReader().locate(REFERENCE / "osai-index" / "current") is None


def test_catalog_import_of_a_clone_replaces_the_bundled_releases(tmp_path: Path) -> None:
    clone = tmp_path / "model_openness_tool"
    (clone / "models").mkdir(parents=True)
    for name in ("Amber.yml", "Llama-2-7B.yml", "Llama-2-13B.yml"):
        shutil.copy(MODELS / name, clone / "models")
    (imported,) = api.import_catalog(clone)
    assert (imported["source"], imported["models"], imported["duplicates"]) == ("mot", 3, [])
    ranking = api.rank("mof")
    # Neither Llama 2 release matches the EU entry's models and both share a date: the first
    # file name is shown and the other listed.
    assert [e.assessment.source_file for e in ranking.entries] == ["Amber.yml", "Llama-2-13B.yml"]
    assert ranking.entries[1].assessment.related == ["Llama-2-7B.yml"]
    assert ranking.entries[0].assessment.layer == "imported"


@pytest.mark.slow
def test_import_of_a_broken_release_changes_nothing(tmp_path: Path) -> None:
    clone = tmp_path / "model_openness_tool"
    (clone / "models").mkdir(parents=True)
    shutil.copy(MODELS / "Amber.yml", clone / "models")
    (clone / "models" / "Broken.yml").write_text(
        "framework:\n  name: 'Model Openness Framework'\nrelease:\n  name: B\n  components: 3\n")
    done = run_cli("catalog", "import", str(clone))
    assert done.returncode == 2
    assert "Broken.yml" in done.stderr and "Traceback" not in done.stderr
    assert len(api.rank("mof").entries) > 100


def test_the_release_matching_the_eu_end_model_is_shown() -> None:
    llama = api.model("llama-2", "mof").frameworks["mof"].assessment
    assert llama.source_file == "Llama-2-chat-70B.yml"  # EU end model: Llama-2-70B-Chat
    assert sorted(llama.related) == ["Llama-2-13B.yml", "Llama-2-70B.yml", "Llama-2-7B.yml",
                                     "Llama-2-chat-13B.yml", "Llama-2-chat-7B.yml"]


def test_else_the_eu_base_model_else_the_newest() -> None:
    t5 = api.model("t5", "mof").frameworks["mof"].assessment
    assert t5.source_file == "T5.yml"  # EU end model T5X matches none; its base model T5 does
    pythia = api.model("pythia", "mof").frameworks["mof"].assessment
    assert pythia.source_file == "Pythia-1.4B.yml"  # no EU entry: the newest, ties by file name
    assert len(pythia.related) == 9
    falcon = api.model("falcon", "mof").frameworks["mof"].assessment
    assert falcon.source_file == "Falcon-180B.yml"  # no EU entry (that is falcon-h1): the newest
    assert falcon.related == ["Falcon-40B.yml"]
    only_mot = api.model("gpt-j", "mof").frameworks["mof"].assessment
    assert only_mot.source_file == "GPT-J.yml" and only_mot.related == []


def test_mot_families_join_the_other_sources() -> None:
    view = api.model("llama-2")
    assert {"osai", "ouc-2023", "mof", "osaid"} <= set(view.frameworks)
    assert api.resolve("Megalogon") == "megalodon"
    assert api.resolve("CodeT5+") == "instructcodet5"


def test_show_json_carries_the_release_and_its_evidence() -> None:
    done = run_cli("show", "llama-2", "--framework", "mof")
    assert done.returncode == 0, done.stderr
    (record,) = json.loads(done.stdout)["models"]
    evidence = record["evidence"]["Model architecture"]["evidence"][0]
    assert evidence["quote"] == "Llama 2 Community License"
    assert evidence["locator"]["file"] == "Llama-2-chat-70B.yml" and evidence["locator"]["line"]
