"""The 2023 "Opening up ChatGPT" table: 46 published scores and the published order."""

from __future__ import annotations

import csv

from opengauge import api
from reference_data import REFERENCE


def published_rows() -> list[dict[str, str]]:
    with (REFERENCE / "opening-up-chatgpt-2023" / "published-table.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_every_published_score_is_reproduced() -> None:
    rows = published_rows()
    ranking = {e.assessment.source_file: e.assessment for e in api.ranked("ouc-2023")}
    assert len(rows) == len(ranking) == 46
    for row in rows:
        name = row["source.file"].rsplit("/", 1)[-1]
        assert ranking[name].score == float(row["openness"]), name


def test_the_published_order_is_reproduced() -> None:
    expected = [r["source.file"].rsplit("/", 1)[-1] for r in published_rows()]
    assert [e.assessment.source_file for e in api.ranked("ouc-2023")] == expected


def test_template_and_nameless_records_are_not_models() -> None:
    files = {e.assessment.source_file for e in api.ranked("ouc-2023")}
    assert "A_sample.yaml" not in files
    assert "text-generation-webui.yaml" not in files
