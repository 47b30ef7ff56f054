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
        assert rule.summary and rule.gate and rule.match
        assert set(rule.gate) <= set(rulebook.GATE_WORDS), rule.kind
        assert len(rule.examples.get("positive") or []) >= 2, rule.kind
        assert len(rule.examples.get("negative") or []) >= 1, rule.kind
        for example in [*rule.examples["positive"], *rule.examples["negative"]]:
            assert example.get("text") and example.get("source"), rule.kind


@pytest.mark.parametrize(("kind", "polarity", "example"), CASES,
                         ids=[f"{k}-{p}-{i}" for i, (k, p, _) in enumerate(CASES)])
def test_rule_examples(kind: str, polarity: str, example: dict) -> None:
    kinds = {f.kind for f in clauses.analyze(example["text"])}
    if polarity == "positive":
        assert kind in kinds, example["text"]
    else:
        assert kind not in kinds, example["text"]


def test_a_finding_of_a_data_kind_carries_its_criteria() -> None:
    text = ("Subject to Section 9.4, you are not licensed to use the Work or Derivative Work under "
            "this license for Hosting Use.")
    (finding,) = [f for f in clauses.analyze(text) if f.kind == "hosting-agreement"]
    assert finding.osd == [6] and finding.lines == [1, 1]


def test_common_open_licenses_load_no_rule_file() -> None:
    """The gate keeps the rule files unread on Apache-2.0, MIT and BSD sentences (speed)."""
    for sentence in ("each Contributor hereby grants to You a perpetual, worldwide, irrevocable "
                     "copyright license", "Neither the name of the copyright holder nor the names "
                     "of its contributors may be used to endorse or promote products"):
        assert rulebook._GATE.search(sentence.lower()) is None
