"""`rank --framework mof|osaid` and the MOF and OSAID columns of check, show and compare."""

from __future__ import annotations

import csv
import io
import json

import pytest

from cli_process import run_cli

CLASS_ORDER = {1: 0, 2: 1, 3: 2, 0: 3}


def rank_json(framework: str) -> list[dict]:
    done = run_cli("rank", "--framework", framework)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert [d["source"] for d in doc["data"]] == ["mot"]
    return doc["models"]


def test_rank_mof_json_contract_and_order() -> None:
    models = rank_json("mof")
    assert len(models) == models[0]["of"] > 100
    for m in models:
        assert m["score"] is None and m["kind"] == "class"
        assert m["class"] in (0, 1, 2, 3)
        assert set(m["progress"]) == {"1", "2", "3"}
        assert isinstance(m["blockers"], dict)
        for blocker in m["blockers"].values():
            assert blocker["status"] in ("missing", "unlicensed", "not-open")
            assert blocker["license"] is None or isinstance(blocker["license"], str)
        assert len(m["ratings"]) == 17
    order = [CLASS_ORDER[m["class"]] for m in models]
    assert order == sorted(order)
    assert models[0]["class"] == 1 and models[-1]["class"] == 0
    unclassified = [m["progress"]["3"] for m in models if m["class"] == 0]
    assert unclassified == sorted(unclassified, reverse=True)
    pythia = next(m for m in models if m["id"] == "pythia")
    assert pythia["source_file"] == "Pythia-1.4B.yml" and len(pythia["related"]) == 9


def test_rank_osaid_json_contract_and_order() -> None:
    models = rank_json("osaid")
    verdicts = [m["verdict"] for m in models]
    assert set(verdicts) == {"pass", "fail"}
    assert verdicts == sorted(verdicts, key=lambda v: v != "pass")
    for m in models:
        assert m["score"] is None and m["kind"] == "verdict" and m["reasons"]
        assert set(m["ratings"]) == {"Data information", "Code", "Parameters"}
        if m["verdict"] == "fail":
            assert m["blockers"] and any(" fails" in r for r in m["reasons"])
    passing = {m["id"] for m in models if m["verdict"] == "pass"}
    assert {"pythia", "amber", "olmo"} <= passing
    assert "llama-2" not in passing


@pytest.mark.slow
def test_rank_mof_table_and_csv() -> None:
    table = run_cli("rank", "--framework", "mof", "--top", "3", "--format", "table").stdout
    assert "Class I " in table and "III %" in table and "Model architecture" in table
    rows = list(csv.DictReader(io.StringIO(
        run_cli("rank", "--framework", "mof", "--top", "3", "--format", "csv").stdout)))
    assert rows[0]["class"] == "1" and json.loads(rows[0]["progress"])["1"] == 100.0


@pytest.mark.slow
def test_check_shows_mof_and_osaid_beside_the_eu_index() -> None:
    done = run_cli("check", "llama-2")
    (report,) = json.loads(done.stdout)["models"]
    mof, osaid = report["frameworks"]["mof"], report["frameworks"]["osaid"]
    assert (mof["class"], mof["score"], mof["next_class"]) == (0, None, 3)
    assert mof["blockers"]["Model architecture"] == {"status": "not-open",
                                                     "license": "Llama 2 Community License"}
    assert osaid["verdict"] == "fail" and osaid["score"] is None
    reading = report["license"]["mot"]["readings"]["Llama 2 Community License"]
    assert {k: reading[k] for k in ("open", "basis")} == {
        "open": False, "basis": "not an id the MOT counts as open (compared literally)"}
    assert reading["normalized"]["licenses"][0]["key"] == "llama-2-license-2023"
    assert reading["normalized"]["open_source"] is False
    assert report["developer_transparency"]["developer"] == "Meta"
    table = run_cli("check", "llama-2", "--format", "table").stdout
    assert "Model Openness Framework" in table and "unclassified" in table
    assert "blocks Class III: Model architecture (not-open: Llama 2 Community License)" in table
    assert "Code fails:" in table


@pytest.mark.slow
def test_show_and_compare_gain_the_columns() -> None:
    shown = run_cli("show", "olmo", "--format", "markdown").stdout
    assert "Class I (Open Science Model)" in shown and "## OLMo-1B-hf — OSI Open Source AI" in shown
    done = run_cli("compare", "pythia", "llama-2", "--framework", "osaid")
    verdicts = {m["id"]: m["verdict"] for m in json.loads(done.stdout)["models"]}
    assert verdicts == {"pythia": "pass", "llama-2": "fail"}


def test_model_only_in_the_mot_is_found() -> None:
    done = run_cli("check", "gpt-j", "--format", "json")
    (report,) = json.loads(done.stdout)["models"]
    assert set(report["frameworks"]) == {"mof", "osaid"}
