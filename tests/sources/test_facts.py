"""The Facts bundle: every fact carries evidence; license files carry the analyzer's answer."""

from __future__ import annotations

import shutil

import pytest

from opengauge.licenses.result import LicenseResult
from opengauge.sources.gather import GatherOptions, gather
from reference_data import REFERENCE

from .conftest import CARDS

LOCAL = GatherOptions(lookups=False)
MIT_TEXT = (REFERENCE / "licenses" / "scancode" / "mit.LICENSE").read_text().split("---\n", 2)[2]


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


def test_license_files_carry_the_analyzers_typed_answer(tmp_path):
    (tmp_path / "LICENSE").write_text(MIT_TEXT)
    analysis = gather(str(tmp_path), LOCAL).license_files[0].analysis
    assert isinstance(analysis, LicenseResult)
    assert analysis.identified and [m.spdx for m in analysis.licenses] == ["MIT"]
    assert analysis.path == "LICENSE"
    no_analysis = gather(str(tmp_path), GatherOptions(lookups=False, analyze_licenses=False))
    assert no_analysis.license_files[0].analysis is None
