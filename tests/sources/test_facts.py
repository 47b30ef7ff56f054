"""The Facts bundle: every fact carries evidence; the license analyzer seam."""

from __future__ import annotations

import shutil

import pytest

import opengauge.licenses
from opengauge.sources.gather import GatherOptions, gather
from opengauge.sources.licensefiles import analyze_license_text

from .conftest import CARDS

LOCAL = GatherOptions(lookups=False)


@pytest.mark.skipif(not CARDS.is_dir(), reason="reference cards not present")
@pytest.mark.parametrize("slug", ["meta-llama__Llama-3.2-1B", "HuggingFaceH4__zephyr-7b-beta",
                                  "beita6969__deepseek-r1-medical-finetune"])
def test_every_piece_of_evidence_points_somewhere(slug):
    facts = gather(str(CARDS / slug), LOCAL)
    evidence = list(facts.evidence())
    assert len(evidence) > 5
    for item in evidence:
        assert item.source
        assert item.locator.file or item.locator.url
        assert item.locator.file.startswith(str(CARDS / slug))


@pytest.mark.skipif(not CARDS.is_dir(), reason="reference cards not present")
def test_license_link_names_a_license_file(tmp_path):
    folder = tmp_path / "m"
    shutil.copytree(CARDS / "deepseek-ai__deepseek-llm-7b-chat", folder)
    (folder / "LICENSE").write_text("DEEPSEEK LICENSE AGREEMENT\n")
    facts = gather(str(folder), LOCAL)
    assert facts.card.license_link.value == "LICENSE"
    assert facts.license_file(facts.card.license_link.value).text.startswith("DEEPSEEK")
    assert facts.license_file("./license") is facts.license_file("LICENSE")
    assert facts.license_file("LICENSE.md") is None


def test_the_analyzer_seam(tmp_path, monkeypatch):
    (tmp_path / "LICENSE").write_text("MIT License\n")
    monkeypatch.delattr(opengauge.licenses, "analyze_text", raising=False)
    assert analyze_license_text("MIT License", "LICENSE") is None  # no analyzer wired
    assert gather(str(tmp_path), LOCAL).license_files[0].analysis is None
    seen = []

    def analyze_text(text: str, name: str) -> dict:
        seen.append(name)
        return {"spdx": "MIT"}

    monkeypatch.setattr(opengauge.licenses, "analyze_text", analyze_text, raising=False)
    facts = gather(str(tmp_path), LOCAL)
    assert facts.license_files[0].analysis == {"spdx": "MIT"}
    assert seen == ["LICENSE"]
    no_analysis = gather(str(tmp_path), GatherOptions(lookups=False, analyze_licenses=False))
    assert no_analysis.license_files[0].analysis is None
