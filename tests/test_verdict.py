"""The one headline table (opengauge.verdict) for catalog and automatic reports."""

from __future__ import annotations

import pytest

from cli_process import run_cli
from opengauge import api
from opengauge import frameworks as registry
from opengauge.compliance.texts import catalog_texts
from opengauge.model import Assessment, Ranked, Rating, Subject
from opengauge.verdict import Text, decide, weights_of


def summary(name: str) -> dict:
    return api.check(name).context["summary"]


def eu(licenses: str, weights: str, code: str, framework: str = "osai",
       provenance: str = "curated") -> Assessment:
    ratings = [Rating("licenses", licenses), Rating("weights_endmodel", weights),
               Rating("trainingcode", code)]
    return Assessment(Subject("m", "M"), framework, ratings, provenance=provenance,  # type: ignore[arg-type]
                      source_file="M.yaml")


def osaid(verdict: str) -> Assessment:
    return Assessment(Subject("m", "M"), "osaid", verdict=verdict, source_file="M.yml")


NC = Text("CC-BY-NC-4.0", identified=True, open_source=False)
APACHE = Text("Apache-2.0", identified=True, open_source=True)
UNREAD = Text("Some license", identified=False, open_source=False)


# -- the table, row by row ---------------------------------------------------------------------

def test_an_identified_text_that_is_not_open_source_decides_before_any_rating() -> None:
    answer = decide([APACHE, NC], {"osaid": osaid("pass"), "osai": eu("open", "open", "open")})
    assert answer.summary["open_source"] is False and answer.summary["rule"] == "texts"
    assert "CC-BY-NC-4.0" in answer.summary["basis"]
    [finding] = answer.findings
    assert finding.id == "curated-rating-disagrees"
    assert "osaid: pass" in finding.message and "CC-BY-NC-4.0" in finding.message


def test_an_unidentified_text_does_not_decide_and_no_finding_without_an_open_rating() -> None:
    answer = decide([UNREAD], {"osaid": osaid("pass")})
    assert answer.summary["rule"] == "osaid" and answer.summary["open_source"] is True
    answer = decide([NC], {"osaid": osaid("fail")})
    assert answer.summary["rule"] == "texts" and answer.findings == []


def test_osaid_then_eu_rule_then_unknown_naming_what_is_missing() -> None:
    assert decide([APACHE], {"osaid": osaid("fail"), "osai": eu("open", "open", "open")}
                  ).summary["open_source"] is False
    eu_open = decide([APACHE], {"osai": eu("open", "open", "open")}).summary
    assert eu_open["open_source"] is True and eu_open["rule"] == "eu-index"
    assert decide([], {"osai": eu("closed", "open", "open")}).summary["open_source"] is False
    unknown = decide([], {"osai": eu("open", "open", "partial")}).summary
    assert unknown["open_source"] is None and unknown["rule"] == "unknown"
    assert "no governing license text identified" in unknown["missing"]
    assert any("trainingcode partial" in m for m in unknown["missing"])
    assert "no EU index or 2023 table record" in decide([], {}).summary["missing"]


def test_automatic_open_ratings_raise_no_curated_finding() -> None:
    answer = decide([NC], {"osai": eu("open", "open", "open", provenance="automatic")})
    assert answer.summary["open_source"] is False and answer.findings == []


# -- weights wording -----------------------------------------------------------------------------

def test_weights_eu_level_first_then_mot_parameters_then_llm_weights() -> None:
    level, source, text = weights_of({"osai": eu("open", "partial", "open")})
    assert level == "partial" and source.startswith("osai: weights_endmodel") and "EU index" in text
    gptj = summary("gpt-j")  # MOT only: Model parameters (Final) under Apache-2.0
    assert gptj["weights"] == "open" and gptj["weights_source"].startswith("mot:")
    assert "'Apache-2.0'" in gptj["weights_text"]
    bloom = summary("bloom")  # MOT lists the parameters under a restrictive license
    assert bloom["weights"] == "partial" and "BigScience-BLOOM-RAIL-1.0" in bloom["weights_text"]


@pytest.mark.parametrize("name", ["mpt-7b-instruct", "falcon-40b-instruct"])
def test_the_2023_table_weights_are_its_llm_weights_not_its_rl_weights(name: str) -> None:
    found = summary(name)
    assert found["weights"] == "open"  # llmweights open; rlweights closed
    assert found["weights_source"].startswith("ouc-2023: llmweights")


# -- catalog examples from the issue -----------------------------------------------------------

def test_catalog_headlines_follow_their_texts() -> None:
    audioldm = api.check("audioldm")
    assert audioldm.context["summary"]["open_source"] is False
    assert "NonCommercial" in audioldm.context["summary"]["basis"]
    assert [f.id for f in audioldm.findings] == ["curated-rating-disagrees"]
    for name in ("bloomz", "mistral-large-2", "llama-2"):
        found = summary(name)
        assert found["open_source"] is False and found["rule"] == "texts", name
    assert summary("amber")["rule"] == "osaid" and summary("amber")["open_source"] is True
    chatgpt = summary("chatgpt")  # only in the 2023 table
    assert chatgpt["weights"] == "closed" and chatgpt["open_source"] is False
    assert chatgpt["basis"].startswith("ouc-2023: llmweights, license, opencode")


@pytest.mark.slow
def test_no_headline_contradicts_its_texts_for_any_catalog_id() -> None:
    checked = 0
    for model_id in api.model_ids():
        report = api.check(model_id)
        found = report.context["summary"]
        closed = [t for t in report.license_dict().get("texts") or []
                  if t.get("identified") and t.get("open_source") is False]
        if closed:
            assert found["open_source"] is False, model_id
        if found["open_source"] is None:
            assert found["missing"], model_id
        checked += 1
    assert checked == len(api.model_ids()) > 300


def test_no_headline_contradicts_its_texts_for_any_mot_release() -> None:
    cat = api.catalog()
    mof, osaid_fw = registry.get("mof"), registry.get("osaid")
    releases = 0
    for family in {a.subject.id for a in cat.assessments("mof")}:
        for record in cat.releases("mot", family):
            found = {"mof": Ranked(mof.evaluate(record), 1, 1),
                     "osaid": Ranked(osaid_fw.evaluate(record), 1, 1)}
            texts = catalog_texts(record.subject, found).texts
            answer = decide([Text.of(t.result) for t in texts],
                            {k: v.assessment for k, v in found.items()})
            if any(t.identified and t.record.get("open_source") is False for t in texts):
                assert answer.summary["open_source"] is False, record.source_file
            releases += 1
    assert releases == 273


def test_the_analyzer_line_shows_only_when_no_governing_text_was_identified() -> None:
    out = run_cli("check", "llama-2", "-f", "table").stdout
    assert "not recognized" not in out and "terms: Llama 2 Community License" in out
    assert "verdict    governing text: Llama 2 Community License" in out
