"""Clause rules as data (licenses/rules/*.yml): every example of every rule file is run."""

from __future__ import annotations

import pytest

from opengauge.licenses import clauses, rulebook

RULES = rulebook.rules()
CASES = [(rule.kind, polarity, example) for rule in RULES
         for polarity in ("positive", "negative") for example in rule.examples.get(polarity, [])]


def test_every_rule_file_is_complete() -> None:
    assert {r.kind for r in RULES} == set(rulebook.OSD)
    for rule in RULES:
        assert list(rule.osd) == rulebook.OSD[rule.kind] == clauses.OSD[rule.kind]
        assert rule.summary and rule.match
        assert rule.gate or all(w.gate for w in rule.match), rule.kind
        assert len(rule.examples.get("positive") or []) >= 2, rule.kind
        assert len(rule.examples.get("negative") or []) >= 1, rule.kind
        for example in [*rule.examples["positive"], *rule.examples["negative"]]:
            assert example.get("text") and example.get("source"), rule.kind


@pytest.mark.parametrize(("kind", "polarity", "example"), CASES,
                         ids=[f"{k}-{p}-{i}" for i, (k, p, _) in enumerate(CASES)])
def test_rule_examples(kind: str, polarity: str, example: dict) -> None:
    """Each example read alone, or after its `context` (the lead-in of a list item): the kind
    is found (or not) on the example's own lines."""
    context = example.get("context") or ""
    first = context.count("\n") + 1
    kinds = {f.kind for f in clauses.analyze(context + example["text"]) if f.lines[1] >= first}
    if polarity == "positive":
        assert kind in kinds, example["text"]
    else:
        assert kind not in kinds, example["text"]


def test_a_finding_of_a_data_kind_carries_its_criteria() -> None:
    text = ("Subject to Section 9.4, you are not licensed to use the Work or Derivative Work under "
            "this license for Hosting Use.")
    (finding,) = [f for f in clauses.analyze(text) if f.kind == "hosting-agreement"]
    assert finding.osd == [6] and finding.lines == [1, 1]


def test_every_kind_is_a_rule_file_read_in_order() -> None:
    """No kind is left in code: each has its file, and a rule cancelled by another kind's
    finding (`unless_found`) reads after it."""
    order = [r.kind for r in RULES]
    assert set(order) == set(clauses.KINDS) and len(order) == len(clauses.KINDS)
    for rule in RULES:
        cancelling = set(rule.unless_found) | {k for w in rule.match for k in w.unless_found}
        assert all(order.index(k) < order.index(rule.kind) for k in cancelling), rule.kind
        assert set(rule.extract) | set(rule.unless_value) <= set(clauses.EXTRACTORS), rule.kind


def test_a_sentence_without_gate_words_is_read_by_no_rule() -> None:
    assert rulebook.book().present("the quick brown fox jumps") == frozenset()
    assert rulebook.read("the quick brown fox jumps") == []


def test_can_i_reads_the_same_places_and_list_markers() -> None:
    """Places and list markers are defined once (vocabulary.py) for the clause reader and can-i."""
    from opengauge.compliance import rules as can_i
    from opengauge.licenses import vocabulary

    assert set(can_i.PLACES) == set(vocabulary.PLACE_NAMES)
    assert can_i._MARKER.pattern == vocabulary.LIST_MARKER
    assert rulebook.read("the rights are not being granted to you if you are domiciled in the "
                         "european union") == ["territorial"]
