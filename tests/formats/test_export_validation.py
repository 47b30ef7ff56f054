"""Exports that other tools accept: EU-index records that `--catalog` reads back as the same
model, SPDX 3.0.1 documents that pass the official validator (JSON schema and SHACL), and a
license-only folder's BOM naming the license rather than its file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import spdx_offline
from cli_process import run_cli
from opengauge import api
from opengauge.formats import cyclonedx
from opengauge.identity import id_of_file
from reference_data import REFERENCE

APACHE = REFERENCE / "licenses" / "scancode" / "apache-2.0.LICENSE"
LLAMA_31 = REFERENCE / "licenses" / "ai" / "llama3_1-license.txt"


def _rank(*extra: str) -> list[list[str]]:
    result = run_cli("rank", "-f", "csv", *extra)
    assert result.returncode == 0, result.stderr
    rows = [line.split(",") for line in result.stdout.splitlines()[1:]]
    return [[r[0], r[9], r[10]] for r in rows]  # id, rank, score


@pytest.mark.parametrize("framework", ["osai", "osai-14"])
@pytest.mark.slow
def test_exported_eu_records_are_read_back_as_the_same_models(tmp_path, framework):
    # olmo-3 and bloomz tie on the score: the tie-break on the file name must not move them
    out = tmp_path / "records"
    result = run_cli("export", "olmo-3", "bloomz", "llama-2", "-f", "osai-yaml",
                     "--framework", framework, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["OLMo.yaml", "bloomz.yaml", "llama-2-chat.yaml"]
    before = _rank("--framework", framework)
    listing = run_cli("catalog", "list", "--catalog", str(out), "-f", "json")
    assert "duplicate" not in listing.stderr
    assert listing.stderr.count("overrides") == 3
    assert _rank("--framework", framework, "--catalog", str(out)) == before


def test_an_automatic_record_file_names_its_model():
    assert id_of_file("my-release.osai.yaml") == "my-release"
    assert id_of_file("OLMo.yaml") == "olmo"
    assert id_of_file("osai.yaml") == "osai"  # only a suffix is taken off


@pytest.mark.slow
def test_spdx_documents_pass_spdx3_validate(tmp_path):
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "LICENSE").write_text(APACHE.read_text().split("---", 2)[2])
    paths = []
    for target in ("olmo-3", str(folder)):  # olmo-3 has training datasets (the dataset profile)
        result = run_cli("export", target, "-f", "spdx3", "--offline")
        assert result.returncode == 0, result.stderr
        path = tmp_path / f"{len(paths)}.spdx3.json"
        path.write_text(result.stdout)
        paths.append(path)
    assert spdx_offline.validate(paths) == []


def test_the_extension_profile_is_not_claimed_where_shacl_reads_it_as_a_property():
    from opengauge.formats import spdx3

    document = spdx3.build(api.check("llama-2"))
    (doc,) = [n for n in document["@graph"] if n.get("type") == "SpdxDocument"]
    assert "extension" not in doc["profileConformance"]
    assert any(n.get("type") == "extension_CdxPropertiesExtension"
               for node in document["@graph"] for n in node.get("extension") or [])


@pytest.mark.slow
def test_a_broken_spdx_document_fails_the_validator(tmp_path):
    from opengauge.formats import spdx3

    document = spdx3.build(api.check("llama-2"))
    for node in document["@graph"]:
        if node.get("type") == "SpdxDocument":
            node["profileConformance"] = ["not-a-profile"]
    path = tmp_path / "broken.spdx3.json"
    path.write_text(json.dumps(document))
    assert any("profileConformance" in e for e in spdx_offline.validate([path]))


def _licenses(folder: Path) -> list[dict]:
    result = run_cli("export", str(folder), "-f", "cyclonedx", "--offline")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert cyclonedx.schema_errors(document) == []
    return document["metadata"]["component"].get("licenses") or []


@pytest.mark.parametrize(("text", "declared"), [
    (APACHE.read_text().split("---", 2)[2], {"id": "Apache-2.0"}),
    (LLAMA_31.read_text(), {"name": "Llama 3.1 Community License Agreement 2024"}),
])
@pytest.mark.slow
def test_a_license_only_folder_declares_the_license_not_the_file_name(tmp_path, text, declared):
    (tmp_path / "LICENSE").write_text(text)
    found = [entry["license"] for entry in _licenses(tmp_path)
             if entry["license"]["acknowledgement"] == "declared"]
    assert found == [{"acknowledgement": "declared", **declared}]


@pytest.mark.slow
def test_an_unidentified_license_file_declares_nothing(tmp_path):
    (tmp_path / "LICENSE").write_text("Terms of our own.\nYou may look at the model.\n")
    assert all(entry["license"].get("name") != "LICENSE" for entry in _licenses(tmp_path))
    assert not [e for e in _licenses(tmp_path) if e["license"]["acknowledgement"] == "declared"]
