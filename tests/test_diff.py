"""`diff(a, b)`: two models, two snapshots of one record (14-parameter vs current index; an import
vs the bundled copy), license versions, restrictions and findings; and `opengauge diff`."""

from __future__ import annotations

import copy
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from cli_process import run_cli
from opengauge import api
from opengauge.assess.report import CuratedLicense, Report
from opengauge.diff import diff
from opengauge.errors import BadInput, NotFound
from opengauge.formats.diffview import rows
from opengauge.licenses.result import LicenseResult
from opengauge.model import Finding
from reference_data import REFERENCE


def _ratings(result, framework: str) -> dict[str, tuple]:
    (fw,) = [f for f in result.frameworks if f.framework == framework]
    return {r.dimension: (r.a, r.b) for r in fw.ratings}


def _changes(result, framework: str) -> dict[str, tuple]:
    (fw,) = [f for f in result.frameworks if f.framework == framework]
    return {c.field: (c.a, c.b) for c in fw.changes}


def test_a_report_against_itself_has_no_differences() -> None:
    report = api.check("llama-2")
    result = diff(report, report)
    assert result.same and all(f.same for f in result.frameworks)
    assert rows(result.to_dict()) == [(f, "no change", "", "")
                                      for f in ("osai", "osai-14", "ouc-2023", "mof", "osaid")]


def test_two_models_llama_31_and_33() -> None:
    result = api.diff("llama-3.1", "llama-3.3")
    assert not result.same
    assert _ratings(result, "osai") == {"weights_basemodel": ("partial", "closed"),
                                        "weights_endmodel": ("closed", "partial"),
                                        "preprint": ("open", "closed")}
    assert _changes(result, "osai")["rank"] == (143, 175)
    assert _changes(result, "osai")["score"] == pytest.approx((3.5 / 12, 2.5 / 12))
    (ouc,) = [f for f in result.frameworks if f.framework == "ouc-2023"]
    assert ouc.a is not None and ouc.b is None  # Llama 3.3 is not in the 2023 table
    assert {c.field: (c.a, c.b) for c in result.license}["name"] == (
        "Meta Llama 3 Community License", "Llama 3.3 Community License Agreement")
    assert {c.field for c in result.subject} >= {"name", "end_model", "release_date"}


def test_the_14_parameter_and_current_records_of_deepseek_v3() -> None:
    result = api.diff("deepseek-v3", snapshots=["osai-14", "osai"])
    assert [f.framework for f in result.frameworks] == ["osai-14 → osai"]
    assert _ratings(result, "osai-14 → osai") == {
        "trainingcode": ("partial", "closed"), "package": ("open", None), "api": ("open", None),
        "licenses": ("open", "closed")}
    changes = _changes(result, "osai-14 → osai")
    assert changes["score"] == pytest.approx((8 / 14, 4.5 / 12))
    assert changes["of"] == (192, 193)
    assert {c.field: (c.a, c.b) for c in result.license}["rating"] == ("open", "closed")
    assert result.a["label"] == "deepseek-v3 @ osai-14"
    assert result.a["data"][0]["snapshot"].endswith("@e39b4ed")
    assert result.b["data"][0]["snapshot"].endswith("@5a388e8")


def test_mpt_weights_closed_in_the_current_index() -> None:
    result = api.diff("mpt", snapshots=["osai-index-14@bundled", "osai-index@bundled"])
    ratings = _ratings(result, "osai-14 → osai")
    assert ratings["weights_endmodel"] == ("open", "closed")
    assert ratings["weights_basemodel"] == ("open", "closed")


@pytest.mark.slow
def test_an_imported_snapshot_against_the_bundled_one(tmp_path: Path) -> None:
    clone = shutil.copytree(REFERENCE / "osai-index" / "current", tmp_path / "main-database")
    record = clone / "llama-3.1.yaml"
    text = record.read_text("utf-8")
    assert "weights_endmodel:\n    class: closed" in text
    record.write_text(text.replace("weights_endmodel:\n    class: closed",
                                   "weights_endmodel:\n    class: partial"), "utf-8")
    api.import_catalog(clone)
    result = api.diff("llama-3.1", snapshots=["osai-index@bundled", "osai-index@imported"])
    (fw,) = result.frameworks
    assert fw.framework == "osai" and fw.a["layer"] == "bundled" and fw.b["layer"] == "imported"
    assert _ratings(result, "osai") == {"weights_endmodel": ("closed", "partial")}
    assert _changes(result, "osai")["score"] == pytest.approx((3.5 / 12, 4 / 12))
    unchanged = api.diff("olmo-3", snapshots=["osai-index@bundled", "osai-index@imported"])
    assert unchanged.same


def _analysis(version: str, restrictions: list[dict]) -> dict:
    return {"identified": True, "open_source": False, "basis": "clause-analysis",
            "matches": [{"key": f"llama-{version}", "spdx": f"LicenseRef-opengauge-llama-{version}",
                         "name": f"Llama {version} Community License Agreement", "family": "llama",
                         "version": version, "kind": "license", "score": 1.0, "lines": [1, 90]}],
            "restrictions": restrictions, "osd_violations": []}


USERS = {"kind": "user-threshold", "quote": "greater than 700 million monthly active users",
         "lines": [46, 46], "value": {"amount": 700000000, "unit": "monthly active users"}, "osd": [5]}
EU = {"kind": "territorial", "lines": [12, 13], "value": None, "osd": [5],
      "quote": "the rights granted under Section 1(a) are not being granted to you if you are an "
               "individual domiciled in, or a company with a principal place of business in, the "
               "European Union"}


def _report(version: str, restrictions: list[dict], findings: list[dict]) -> Report:
    report = copy.deepcopy(api.check("llama-3.1"))
    assert isinstance(report.license, CuratedLicense)
    report.license = replace(report.license, texts=[], text_notes=[],  # the name's reading alone
                             analysis=LicenseResult.from_dict(_analysis(version, restrictions)))
    report.findings = [Finding.from_dict(f) for f in findings]
    return report


def test_restrictions_and_license_versions_added_or_removed() -> None:
    older = _report("3.1", [USERS], [{"id": "license-mismatch", "message": "card says llama3.1"}])
    newer = _report("3.2", [USERS, EU], [{"id": "gated-eu-excluded", "message": "EU excluded"}])
    result = diff(older, newer)
    assert [r["kind"] for r in result.restrictions_added] == ["territorial"]
    assert result.restrictions_added[0]["quote"].endswith("European Union")
    assert result.restrictions_removed == []
    changes = {c.field: (c.a, c.b) for c in result.license}
    assert changes["identified"] == (["Llama 3.1 Community License Agreement (license, version 3.1)"],
                                     ["Llama 3.2 Community License Agreement (license, version 3.2)"])
    assert "open_source" not in changes  # both not open source
    assert [f["id"] for f in result.findings_added] == ["gated-eu-excluded"]
    assert [f["id"] for f in result.findings_removed] == ["license-mismatch"]
    table = rows(result.to_dict())
    assert ("license", "restriction added", "—",
            f'territorial (lines 12–13) "{EU["quote"]}"') in table


def test_a_changed_threshold_is_one_removed_and_one_added() -> None:
    lower = {**USERS, "value": {"amount": 100000000, "unit": "monthly active users"}}
    result = diff(_report("3.1", [USERS], []), _report("3.1", [lower], []))
    assert result.restrictions_added == [lower] and result.restrictions_removed == [USERS]


def test_snapshot_errors() -> None:
    with pytest.raises(BadInput, match="two models"):
        api.diff("olmo")
    with pytest.raises(BadInput, match="at most"):
        api.diff("olmo", snapshots=["osai", "osai-14", "ouc-2023"])
    with pytest.raises(BadInput, match="expected a framework"):
        api.diff("olmo", snapshots=["nonsense", "osai"])
    with pytest.raises(BadInput, match="unknown layer"):
        api.diff("olmo", snapshots=["osai@somewhere", "osai"])
    with pytest.raises(NotFound, match="no record in osai-14"):
        api.diff("chatgpt", snapshots=["osai-14", "ouc-2023"])


@pytest.mark.slow
def test_diff_command_formats() -> None:
    done = run_cli("diff", "llama-3.1", "llama-3.3")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    (record,) = doc["diffs"]
    assert doc["schema_version"] == "1.0" and record["same"] is False
    assert {d["source"] for d in doc["data"]} == {"osai-index", "osai-index-14", "ouc-2023", "mot"}
    markdown = run_cli("diff", "deepseek-v3", "--snapshot", "osai-14", "--snapshot", "osai",
                       "-f", "markdown").stdout
    assert markdown.startswith("## deepseek-v3 @ osai-14 → deepseek-v3 @ osai")
    assert "| osai-14 → osai | licenses | open | closed |" in markdown
    table = run_cli("diff", "llama-3.1", "llama-3.3", "-f", "table").stdout
    assert "weights_endmodel" in table and "only in A" in table
    assert run_cli("diff", "olmo", "pythia", "-f", "csv").returncode == 2
