"""The OSI Open Source AI Definition 1.0 from MOT records: OSI's 2024 validation verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from opengauge.catalog.mot import MotReader
from opengauge.frameworks import mof, osaid
from opengauge.model import Assessment

BUNDLED = Path(mof.__file__).parents[1] / "catalog" / "data" / "mot"
LLAMA_2 = ["Llama-2-7B.yml", "Llama-2-13B.yml", "Llama-2-70B.yml", "Llama-2-chat-7B.yml",
           "Llama-2-chat-13B.yml", "Llama-2-chat-70B.yml"]


def judge(path: Path) -> Assessment:
    return osaid.framework().evaluate(MotReader().read_record(path))


def release(tmp_path: Path, entries: dict[str, str | None], name: str = "T") -> Path:
    lines = [f"    - name: '{n}'" + (f"\n      license: '{lic}'" if lic else "")
             for n, lic in entries.items()]
    text = ("framework:\n  name: 'Model Openness Framework'\nrelease:\n"
            f"  name: {name}\n  components:\n" + "\n".join(lines) + "\n")
    path = tmp_path / f"{name}.yml"
    path.write_text(text, "utf-8")
    return path


PASSING = {
    "Datasets": "CC-BY-4.0", "Data preprocessing code": "MIT", "Training code": "MIT",
    "Inference code": "Apache-2.0", "Model architecture": "Apache-2.0",
    "Model parameters (Final)": "Apache-2.0",
}


@pytest.mark.parametrize("name", ["Pythia-6.9B.yml", "OLMo-7B.yml", "Amber.yml"])
def test_models_osi_validated_pass(name: str) -> None:
    result = judge(BUNDLED / name)
    assert result.verdict == "pass", result.reasons
    assert result.score is None and result.blockers == {}
    assert [r.level for r in result.ratings] == ["open", "open", "open"]


@pytest.mark.parametrize("name", LLAMA_2)
def test_llama_2_fails(name: str) -> None:
    result = judge(BUNDLED / name)
    assert result.verdict == "fail"
    reasons = " ".join(result.reasons or [])
    for element in ("Data information fails", "Code fails", "Parameters fails"):
        assert element in reasons
    assert result.blockers["Model parameters (Final)"]["status"] == "not-osi-approved"
    assert result.blockers["Model parameters (Final)"]["element"] == "Parameters"


def test_failure_names_element_components_and_terms() -> None:
    result = judge(BUNDLED / "Llama-2-7B.yml")
    code = next(r for r in result.reasons if r.startswith("Code fails"))
    assert "Training code missing" in code
    assert "Model architecture under 'Llama 2 Community License', which is not OSI-approved" in code
    data = next(r for r in result.reasons if r.startswith("Data information fails"))
    assert "Research paper listed without a license" in data and "Datasets missing" in data
    assert result.blockers["Training code"] == {"status": "missing", "license": None, "element": "Code"}
    assert result.rating("Code").level == "closed"


def test_absent_supporting_libraries_do_not_fail_and_the_reasons_say_so() -> None:
    result = judge(BUNDLED / "OLMo-7B.yml")
    assert result.verdict == "pass"
    assert any(r.startswith("Supporting libraries and tools not recorded") and "OLMo" in r
               for r in result.reasons)


def test_recorded_supporting_libraries_count(tmp_path: Path) -> None:
    assert judge(release(tmp_path, PASSING, "ok")).verdict == "pass"
    tools = {**PASSING, "Supporting libraries and tools": "Llama 2 Community License"}
    result = judge(release(tmp_path, tools, "tools"))
    assert result.verdict == "fail"
    assert result.blockers["Supporting libraries and tools"]["element"] == "Code"


def test_code_needs_osi_approved_but_data_information_accepts_open_data_terms(tmp_path: Path) -> None:
    cc_code = {**PASSING, "Training code": "CC-BY-4.0"}
    result = judge(release(tmp_path, cc_code, "cc"))
    assert result.verdict == "fail"
    assert result.blockers == {"Training code": {"status": "not-osi-approved", "license": "CC-BY-4.0",
                                                 "element": "Code"}}
    assert judge(release(tmp_path, PASSING, "data")).rating("Data information").level == "open"


def test_one_data_information_component_is_enough(tmp_path: Path) -> None:
    only_card = {k: v for k, v in PASSING.items() if k != "Datasets"} | {"Data card": "CC-BY-4.0"}
    assert judge(release(tmp_path, only_card, "card")).verdict == "pass"
    none = {k: v for k, v in PASSING.items() if k != "Datasets"}
    result = judge(release(tmp_path, none, "none"))
    assert result.verdict == "fail" and result.rating("Data information").level == "unknown"


def test_license_strings_are_literal(tmp_path: Path) -> None:
    spaced = {**PASSING, "Model parameters (Final)": "Apache 2.0"}
    assert judge(release(tmp_path, spaced, "spaced")).verdict == "fail"


def test_order_passes_first_then_closest_to_passing() -> None:
    framework = osaid.framework()
    ranked = framework.rank(judge(BUNDLED / n) for n in ("Llama-2-7B.yml", "BLOOM.yml", "Amber.yml"))
    assert [r.assessment.source_file for r in ranked] == ["Amber.yml", "BLOOM.yml", "Llama-2-7B.yml"]
