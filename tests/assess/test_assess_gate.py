"""Release gates: requirement syntax, outcomes on report records, and fuzzed requirement text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengauge.assess.gate import Requirement, evaluate, failures, parse
from opengauge.errors import BadInput

RECORD = {
    "summary": {"weights": "partial", "open_source": False},
    "frameworks": {
        "osai": {"score": 0.25, "ratings": {"licenses": "closed", "modelcard": "partial"}},
        "mof": {"class": 0},
        "osaid": {"verdict": "fail"},
    },
    "automatic": {
        "osai": {"score": 0.42, "ratings": {"licenses": "open", "modelcard": "open"}},
        "mof": {"class": 3},
        "osaid": {"verdict": "unknown"},
    },
    "findings": [{"id": "gated-access"}, {"id": "license-mismatch"}],
}


def outcome(*requires, deny=()):
    return evaluate(RECORD, parse(list(requires), list(deny)))


def test_the_automatic_assessment_is_judged_when_there_is_one():
    assert outcome("osai>=0.4")["passed"]
    assert outcome("mof-class=3")["passed"] and outcome("mof-class=III")["passed"]
    assert not outcome("mof-class=2")["passed"]
    assert outcome("osai:licenses=open")["passed"]
    curated_only = {k: v for k, v in RECORD.items() if k != "automatic"}
    assert not evaluate(curated_only, parse(["osai>=0.4"]))["passed"]


def test_each_failure_is_listed_with_its_reason():
    result = outcome("open-source", "osaid", "osai>0.5", "osai:modelcard=open,partial",
                     deny=["license-mismatch"])
    assert not result["passed"]
    assert failures(result) == [
        "open-source (not open source)", "osaid (OSAID verdict: unknown)",
        "osai>0.5 (osai score 0.42)", "license-mismatch (1 finding(s) license-mismatch)"]
    assert [r["passed"] for r in result["requirements"]] == [False, False, False, True, False]


def test_unknown_never_satisfies():
    record = {"summary": {"open_source": None}, "frameworks": {"osai": {"score": None}}}
    result = evaluate(record, parse(["open-source", "osai>=0", "mof-class=3"]))
    assert [r["passed"] for r in result["requirements"]] == [False, False, False]
    assert result["requirements"][2]["reason"] == "no mof assessment"


@pytest.mark.parametrize("bad", ["open source", "osai>=", "osai>=x", "mof-class=4", "mof-class>=3",
                                 "osaid>=0.5", "nope>=0.5", "osai:nothing=open",
                                 "osai:licenses=opened", "", "osai=>0.5"])
def test_bad_requirement_syntax_is_bad_input(bad):
    with pytest.raises(BadInput, match="--require"):
        parse([bad])


@pytest.mark.parametrize("bad", ["mof-class=4", "mof-class=0", "mof-class>=3", "mof-class=IV",
                                 "MOF-CLASS<2", "mof-class"])
def test_a_bad_mof_class_names_the_expected_values(bad):
    with pytest.raises(BadInput) as caught:
        parse([bad])
    assert str(caught.value) == f"--require '{bad}': expected mof-class=1|2|3 (or I|II|III)"


def test_unknown_finding_ids_are_bad_input():
    with pytest.raises(BadInput, match="--deny 'licence-mismatch': unknown finding id"):
        parse([], ["licence-mismatch"])


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=3), st.lists(st.text(max_size=30), max_size=2))
def test_any_requirement_text_parses_or_is_bad_input(requires, denies):
    try:
        parsed = parse(requires, denies)
    except BadInput as error:
        assert str(error).startswith(("--require", "--deny"))
        return
    assert all(isinstance(r, Requirement) for r in parsed)
    result = evaluate(RECORD, parsed)
    assert isinstance(result["passed"], bool)
