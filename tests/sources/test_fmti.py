"""Developer transparency: FMTI totals per edition and the reviewed organisation map."""

from __future__ import annotations

import pytest

from cli_process import run_cli
from opengauge import api
from opengauge.sources import fmti
from reference_data import REFERENCE


def test_computed_totals_reproduce_the_published_total_rows() -> None:
    for scored in fmti.editions():
        assert scored.indicators == 100
        if scored.edition.year in ("2023", "2024"):
            assert scored.published_totals == scored.totals
        else:
            assert scored.published_totals == {}  # the 2025 CSV publishes no Total row


def test_bundled_csvs_are_the_published_ones() -> None:
    for edition in fmti.EDITIONS:
        shipped = fmti._data(edition.file)
        published = (REFERENCE / "fmti" / edition.file).read_text("utf-8-sig")
        assert shipped == published


def test_known_scores() -> None:
    totals = {s.edition.year: s.totals for s in fmti.editions()}
    assert totals["2023"]["Meta"] == 54 and totals["2023"]["Amazon"] == 12
    assert totals["2024"]["BigCode"] == 85 and totals["2024"]["Stability"] == 58
    assert totals["2025"]["IBM"] == 95 and totals["2025"]["xAI"] == 14


def test_parse_scores_sums_indicator_rows_only() -> None:
    text = "Indicator,A,B\nx,1,0\ny,1,1\nTotal,2,1\n"
    parsed = fmti.parse_scores(text, fmti.EDITIONS[0])
    assert (parsed.indicators, parsed.totals, parsed.published_totals) == (2, {"A": 2, "B": 1},
                                                                           {"A": 2, "B": 1})


def test_every_mapped_column_exists_in_its_edition() -> None:
    columns = {s.edition.year: set(s.totals) for s in fmti.editions()}
    for developer, entry in fmti.developers().items():
        for year, column in entry["columns"].items():
            assert column in columns[year], (developer, year)
    scored = {c for cols in columns.values() for c in cols}
    mapped = {c for e in fmti.developers().values() for c in e["columns"].values()}
    assert scored == mapped  # every scored developer is in the map


def test_lookup_by_organisation_name() -> None:
    meta = fmti.lookup("Meta")
    assert meta["scope"] == "developer" and "not of this model" in meta["label"]
    assert [(s["edition"], s["score"], s["max"]) for s in meta["scores"]] == [
        ("2023", 54, 100), ("2024", 60, 100), ("2025", 31, 100)]
    assert meta["scores"][0]["rank"] == 1 and meta["scores"][0]["of"] == 10
    assert fmti.lookup("Google AI")["developer"] == "Google"
    assert fmti.lookup("deepseek  ")["developer"] == "DeepSeek"
    assert fmti.lookup("StabilityAI")["scores"][1]["score"] == 58
    for unscored in ("Mistral AI and NVIDIA", "Allen Institute for AI", "", None):
        assert fmti.lookup(unscored) is None


def test_check_shows_the_developer_score_as_context() -> None:
    report = api.check("llama-2")
    context = report.context["developer_transparency"]
    assert context["developer"] == "Meta" and context["scope"] == "developer"
    assert "developer_transparency" not in api.check("olmo").context


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.slow
def test_text_formats_label_it_as_the_developers(fmt: str) -> None:
    done = run_cli("check", "gemma", "--format", fmt)
    assert "FMTI score of the developer (Google), not of this model" in done.stdout
    assert "2025 41/100" in done.stdout

