"""`compare` in the terminal and in Markdown: one grid, models as columns, each framework's result
and dimensions as rows, the FMTI line once per developer; JSON stays one record per model and
framework."""

from __future__ import annotations

import json

from cli_process import run_cli
from opengauge.formats.comparison import comparison


def _lines(*args: str) -> list[str]:
    result = run_cli("compare", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_models_are_columns_and_dimensions_rows():
    lines = _lines("llama-2", "olmo-3", "-f", "table", "--framework", "osai")
    header = lines[0]
    assert header.index("Llama 2") < header.index("OLMo")
    licenses = next(line for line in lines if line.strip().startswith("Licenses"))
    assert licenses.index("closed") < licenses.index("open")  # Llama 2 closed, OLMo open
    score = next(line for line in lines if line.strip().startswith("score"))
    assert "0.25 (162/193)" in score and "0.96 (4/193)" in score
    assert sum("European Open Source AI Index" in line for line in lines) == 1


def test_every_framework_is_a_block_and_a_missing_one_is_a_dash():
    lines = _lines("llama-2", "olmo", "mistral-7b", "-f", "table")
    headings = [line for line in lines if line and not line.startswith(" ")]
    assert any(h.startswith("Model Openness Framework") for h in headings)
    assert any(h.startswith("OSI Open Source AI Definition") for h in headings)
    # Mistral 7B has no EU-index record: its column shows a dash, not a level
    score = next(line for line in lines if line.strip().startswith("score"))
    assert score.rstrip().endswith("—")


def test_the_developers_fmti_score_appears_once_per_developer():
    lines = _lines("llama-2", "llama-3.1", "olmo", "-f", "table")
    meta = [line for line in lines if "FMTI score of the developer (Meta)" in line]
    assert len(meta) == 1


def test_markdown_is_one_table_with_a_column_per_model():
    lines = _lines("llama-2", "olmo", "-f", "markdown", "--framework", "osaid")
    table = [line for line in lines if line.startswith("|")]
    widths = {line.count("|") for line in table}
    assert widths == {4}  # label + two models on every row, headings included
    assert any("OSI OPEN SOURCE AI DEFINITION" in line for line in table)


def test_json_records_are_unchanged_one_per_model_and_framework():
    result = run_cli("compare", "llama-2", "olmo-3", "--framework", "osai", "-f", "json")
    records = json.loads(result.stdout)["models"]
    assert [(r["id"], r["framework"]) for r in records] == [("llama-2", "osai"), ("olmo-3", "osai")]
    assert all("evidence" in r for r in records)


def test_the_grid_keeps_the_asked_order_and_marks_levels():
    records = [
        {"id": "b", "name": "B", "org": None, "framework": "osai", "kind": "score", "score": 0.5,
         "rank": 2, "of": 2, "source_file": "b.yaml", "layer": "own",
         "ratings": {"licenses": "open"}},
        {"id": "a", "name": "A", "org": "Org", "framework": "osai", "kind": "score", "score": 0.9,
         "rank": 1, "of": 2, "source_file": "a.yaml", "layer": "own", "ratings": {}},
    ]
    grid = comparison(records)
    assert [m["id"] for m in grid.models] == ["b", "a"]
    licenses = next(row for row in grid.rows if row.label == "Licenses")
    assert licenses.levels == ["open", "unknown"]
    assert grid.rows[0].cells == ["unknown", "Org"]
