"""`opengauge export` of any target `check` accepts: a publisher's release folder and a Hub id
(answered by a real HTTP server on 127.0.0.1 that speaks the Hub's protocol), to both AI-BOM
formats with schema validation and to the upstream YAML records."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from assess.conftest import apache_text, hub, needs_cards, release, run_cli  # noqa: F401 (hub: fixture)
from opengauge.catalog.readers import reader
from opengauge.formats import cyclonedx, spdx3

CARD = """---
license: apache-2.0
pipeline_tag: text-generation
datasets:
- allenai/dolma
---
# Tiny release

A small decoder model.

## Intended uses & limitations

Research on language models. It may produce false statements.
"""


def _folder(tmp_path: Path) -> Path:
    return release(tmp_path, card=CARD, files={"LICENSE": apache_text()})


def _properties(document: dict) -> Counter:
    return Counter((p["name"], p["value"]) for p in document["metadata"]["component"]["properties"])


def _spdx_properties(document: dict) -> Counter:
    (package,) = [n for n in document["@graph"] if n.get("type") == "ai_AIPackage"]
    return Counter((e["extension_cdxPropName"], e.get("extension_cdxPropValue"))
                   for ext in package.get("extension", []) for e in ext["extension_cdxProperty"])


@pytest.mark.slow
def test_a_release_folder_exports_to_both_bom_formats_with_its_card_facts(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    boms = {}
    for fmt in ("cyclonedx", "spdx3"):
        done = run_cli("export", str(folder), "-f", fmt, "--validate", "--offline")
        assert done.returncode == 0, done.stderr
        boms[fmt] = json.loads(done.stdout)
    cdx, spdx = boms["cyclonedx"], boms["spdx3"]
    assert cyclonedx.schema_errors(cdx) == []
    assert spdx3.model_errors(spdx) == [] and spdx3.structure_errors(spdx) == []
    component = cdx["metadata"]["component"]
    assert component["modelCard"]["modelParameters"]["task"] == "text-generation"
    assert "allenai/dolma" in {c["name"] for c in cdx.get("components", [])}
    assert {"acknowledgement": "concluded", "id": "Apache-2.0"} in [e["license"] for e in
                                                                   component["licenses"]]
    props = _properties(cdx)
    assert props == _spdx_properties(spdx)
    assert ("opengauge:osai:provenance", "automatic") in props
    assert ("opengauge:license:open_source", "true") in props
    assert any(name == "opengauge:finding" for name, _ in props)
    (package,) = [n for n in spdx["@graph"] if n.get("type") == "ai_AIPackage"]
    assert "allenai/dolma" in {n["name"] for n in spdx["@graph"]
                               if n.get("type") == "dataset_DatasetPackage"}
    assert package["name"] == folder.name


@pytest.mark.slow
def test_a_release_folder_exports_upstream_records_from_its_automatic_ratings(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "records"
    for fmt in ("osai-yaml", "mot-yaml"):
        done = run_cli("export", str(folder), "-f", fmt, "--offline", "--out", str(out))
        assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["release.mot.yml", "release.osai.yaml"]
    text = (out / "release.osai.yaml").read_text("utf-8")
    assert "from automatic" in text and "(None)" not in text
    record = yaml.safe_load(text)
    assert record["system"]["name"] == "release"
    assert record["system"]["endmodellicense"] == "apache-2.0"
    read = reader("osai-index").read_record(out / "release.osai.yaml")
    assert read.rating("modelcard").level == record["modelcard"]["class"]
    mot = yaml.safe_load((out / "release.mot.yml").read_text("utf-8"))
    names = [c["name"] for c in mot["release"]["components"]]
    assert "Model parameters (Final)" in names  # the weights file is in the folder
    # listed exactly when the automatic assessment rates the card open or partial
    assert ("Model card" in names) == (record["modelcard"]["class"] in ("open", "partial"))
    assert mot["release"]["license"]["distribution"]["name"] == "apache-2.0"


def test_a_missing_folder_is_one_line_and_exit_3(tmp_path: Path) -> None:
    done = run_cli("export", str(tmp_path / "gone") + "/", "-f", "cyclonedx")
    assert done.returncode == 3 and "no such file or folder" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


@pytest.mark.slow
@needs_cards
def test_a_hub_id_exports_its_assessment_from_the_local_hub(hub, tmp_path: Path) -> None:  # noqa: F811
    env = {"OPENGAUGE_HUB_ENDPOINT": hub.url}
    repo = "mistralai/Mistral-7B-Instruct-v0.2"
    done = run_cli("export", repo, "-f", "cyclonedx", "--validate", env=env)
    assert done.returncode == 0, done.stderr
    assert hub.requests_to("/api/models/") >= 1
    bom = json.loads(done.stdout)
    assert cyclonedx.schema_errors(bom) == []
    props = _properties(bom)
    provenance = {v for n, v in props if n.endswith("osai:provenance")}
    assert "automatic" in provenance
    assert ("opengauge:license:open_source", "true") in props
    out = tmp_path / "boms"
    saved = run_cli("export", repo, "-f", "spdx3", "--validate", "--out", str(out), env=env)
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.split() == [str(out / "mistralai__Mistral-7B-Instruct-v0.2.spdx3.json")]
    # the same repository again, from the store only: no further Hub request is needed
    before = hub.requests_to("/api/models/")
    offline = run_cli("export", repo, "-f", "mot-yaml", "--offline", env=env)
    assert offline.returncode == 0, offline.stderr
    assert hub.requests_to("/api/models/") == before
    assert "automatic" in offline.stdout.splitlines()[0]


def test_an_unknown_hub_id_in_a_list_names_its_line(hub, tmp_path: Path) -> None:  # noqa: F811
    targets = tmp_path / "targets.txt"
    targets.write_text("olmo\nnobody/no-such-model\n", "utf-8")
    out = tmp_path / "out"
    done = run_cli("export", "--from", str(targets), "--out", str(out),
                   env={"OPENGAUGE_HUB_ENDPOINT": hub.url})
    assert done.returncode == 3, done.stderr
    assert f"{targets}:2: " in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()
