"""Clause analysis: finding kinds, quotes, lines, values and OSD criteria on real texts."""

from __future__ import annotations

import pytest
from license_fixtures import library_text

from opengauge.licenses.clauses import KINDS, OSD, analyze, revenue_threshold, users_threshold
from opengauge.licenses.registry import registry


def kinds(text: str, osd_only: bool = True) -> set[str]:
    return {f.kind for f in analyze(text) if f.osd or not osd_only}


def test_kinds_and_their_criteria_are_exactly_the_contract() -> None:
    assert OSD == {
        "user-threshold": [5], "revenue-threshold": [5], "territorial": [5], "field-of-use": [6],
        "non-commercial": [1, 6], "no-model-training": [6, 9], "no-derivatives": [3],
        "remote-restriction": [6], "click-through": [7], "updatable-terms": [], "flow-down": [],
        "attribution-display": [], "non-production": [6], "paid-production": [1, 6],
        "circumvention-termination": [3, 6], "revocable-grant": [], "licensor-ethics-terms": [6],
        "hosting-agreement": [6], "derivative-naming": [],
    }
    assert len(KINDS) == 19


def test_llama_user_threshold_is_quoted_with_its_line_and_value() -> None:
    text = library_text("llama-3.2-license-2024")
    finding = next(f for f in analyze(text) if f.kind == "user-threshold")
    assert finding.value == {"amount": 700000000, "unit": "monthly active users"}
    assert finding.osd == [5]
    line = text.splitlines()[finding.lines[0] - 1]
    assert "700 million monthly active users" in line
    assert "700 million" in finding.quote
    assert finding.to_dict().keys() == {"kind", "quote", "lines", "value", "osd"}


def test_lines_are_one_based_and_inclusive_across_wrapped_sentences() -> None:
    text = ("Intro line.\n\nYou will not use the Model or any output of the Model to improve\n"
            "any other large language model.\n")
    finding = next(f for f in analyze(text) if f.kind == "no-model-training")
    assert finding.lines == [3, 4]
    assert finding.osd == [6, 9]


@pytest.mark.parametrize(("key", "expected"), [
    ("llama-2-license-2023", {"click-through", "field-of-use", "no-model-training", "user-threshold"}),
    ("llama-3.1-license-2024", {"click-through", "field-of-use", "user-threshold"}),
    ("llama-3.2-aup", {"field-of-use", "territorial"}),
    ("gemma-tou-2025-03-24", {"field-of-use", "remote-restriction"}),
    ("tongyi-qianwen-research", {"click-through", "no-model-training", "non-commercial"}),
    ("tongyi-qianwen-2023", {"click-through", "no-model-training", "user-threshold"}),
    ("stability-ai-community-2024", {"click-through", "field-of-use", "no-model-training",
                                     "revenue-threshold"}),
    ("cc-by-nc-4.0", {"non-commercial"}),
    ("cc-by-nd-4.0", {"no-derivatives"}),
    ("bigscience-open-rail-m", {"field-of-use", "remote-restriction"}),
    ("mistral-research-0.1", {"non-commercial"}),
])
def test_restrictions_of_ai_and_content_licenses(key: str, expected: set[str]) -> None:
    assert kinds(library_text(key)) == expected


@pytest.mark.parametrize("key", ["mit", "apache-2.0", "bsd-new", "bsd-simplified", "isc", "zlib",
                                 "openmdw-1.0", "openmdw-1.1", "unlicense", "cc0-1.0", "cc-by-4.0",
                                 "mpl-2.0", "boost-1.0", "postgresql"])
def test_permissive_texts_yield_no_finding_that_conflicts_with_the_osd(key: str) -> None:
    assert kinds(library_text(key)) == set()


@pytest.mark.parametrize("key", ["gpl-2.0", "gpl-3.0", "agpl-3.0", "lgpl-2.1", "lgpl-3.0", "mpl-2.0",
                                 "epl-2.0", "cc-by-sa-4.0"])
def test_copyleft_is_no_violation_and_share_alike_is_not_flow_down(key: str) -> None:
    assert kinds(library_text(key), osd_only=False) <= {"updatable-terms"}
    assert kinds(library_text(key)) == set()


@pytest.mark.slow
def test_every_osi_approved_text_but_a_few_click_acceptances_is_clean() -> None:
    from opengauge.licenses.lookup import reference_text

    reg = registry()
    flagged = {}
    for position in range(len(reg)):
        entry = reg.at(position)
        if entry.osi_approved and not entry.deprecated and entry.has_text:
            found = kinds(reference_text(entry) or "")
            if found:
                flagged[entry.key] = found
    assert all(found == {"click-through"} for found in flagged.values()), flagged
    assert len(flagged) <= 8


def test_modified_mit_display_obligation_is_informational_with_its_thresholds() -> None:
    findings = analyze(library_text("kimi-k2-modified-mit"))
    assert {f.kind for f in findings} == {"attribution-display"}
    assert [f.value for f in findings] == [{"amount": 100000000, "unit": "monthly active users"},
                                           {"amount": 20000000, "unit": "USD revenue",
                                            "currency": "USD", "period": "month"}]
    assert all(f.osd == [] for f in findings)


def test_a_never_seen_text_is_analyzed_too() -> None:
    text = ("FOOBAR MODEL LICENSE\n\nYou may use, copy, modify and distribute the Model. You may not use "
            "the Model for any military purpose. If your annual revenue exceeds US $5 million you must "
            "obtain a commercial license from us. The Model is licensed for non-commercial purposes "
            "only in the European Union. We may update these terms from time to time.\n")
    found = {f.kind: f for f in analyze(text)}
    assert {"field-of-use", "revenue-threshold", "non-commercial", "updatable-terms"} <= set(found)
    assert found["revenue-threshold"].value == {"amount": 5000000, "unit": "USD revenue",
                                                "currency": "USD", "period": "year"}


def test_names_and_trademarks_and_conditional_clauses_are_not_restrictions() -> None:
    assert kinds("Neither the name of the University nor the names of its contributors may be "
                 "used to endorse or promote products derived from this software.") == set()
    assert kinds("You may not copy, modify, sublicense, or distribute the Program except as "
                 "expressly provided under this License.") == set()
    assert kinds("Redistribution and use in source and binary forms, with or without "
                 "modification, are permitted.") == set()
    assert kinds("This alternative is allowed only occasionally and noncommercially.") == set()


def test_thresholds_parse_amounts_and_units() -> None:
    assert users_threshold("more than 100 million monthly active users") == \
        {"amount": 100000000, "unit": "monthly active users"}
    assert revenue_threshold("annual revenue of more than USD $1,000,000") == \
        {"amount": 1000000, "unit": "USD revenue", "currency": "USD", "period": "year"}
    assert revenue_threshold("revenue exceeding rmb 1 billion") == \
        {"amount": 1000000000, "unit": "RMB revenue", "currency": "RMB", "period": None}
    assert revenue_threshold("monthly turnover above €2 million")["period"] == "month"
    assert revenue_threshold("revenue was great") is None


def test_list_items_under_a_prohibition_read_as_prohibited() -> None:
    text = ("You will not, and will not permit any third party to:\n"
            "- a. use the Model for commercial purposes;\n")
    assert "non-commercial" in kinds(text)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Commercial use of the Model is prohibited.", {"non-commercial"}),
    ("Commercial use of the Work is not permitted.", {"non-commercial"}),
    ("Commercial usage of these weights is strictly forbidden.", {"non-commercial"}),
    ("The Software may not be used for commercial purposes.", {"non-commercial"}),
    ("You may not use the Model for commercial purposes without prior written permission.",
     {"non-commercial"}),
    ("You may not use the Model for commercial or military purposes.",
     {"non-commercial", "field-of-use"}),
    ("You may not distribute modified versions of the Software.", {"no-derivatives"}),
    ("You may not distribute modified versions", {"no-derivatives"}),
    ("Modified versions of the Model may not be distributed.", {"no-derivatives"}),
    ("The Software shall not be used to train other AI models.", {"no-model-training"}),
    ("You may not use this software for military purposes.", {"field-of-use"}),
])
def test_short_restrictions_in_new_wording(sentence: str, expected: set[str]) -> None:
    assert kinds(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Commercial use of these trademarks is prohibited without permission.",
    "You may not distribute modified versions unless you state that you changed the files.",
    "You may distribute modified versions under the terms of this License.",
    "Permission is granted to use the Software for commercial and non-commercial purposes.",
    "Modified versions must be plainly marked as such, and must not be misrepresented as "
    "being the original software.",
])
def test_permissive_wording_near_the_new_patterns_is_no_restriction(sentence: str) -> None:
    assert kinds(sentence) == set()


def test_military_uses_inside_any_binding_text_are_field_of_use_with_the_topic() -> None:
    for text in ("You may not use this software for military purposes.",
                 "Licensee will not use the Model for warfare, weapons development, or surveillance."):
        (finding,) = analyze(text)
        assert finding.kind == "field-of-use" and finding.value == {"topics": ["military"]}
    (other,) = analyze("You may not use the Model for surveillance of individuals.")
    assert other.kind == "field-of-use" and other.value is None
    assert analyze("The Software is provided for military and civilian use alike.") == []


@pytest.mark.parametrize(("text", "currency", "period"), [
    ("annual turnover above EUR 10 million", "EUR", "year"),
    ("more than 20 million US dollars (or equivalent in other currencies) in monthly revenue",
     "USD", "month"),
    ("a turnover exceeding CHF 5,000,000 per year", "CHF", "year"),
    ("revenue of more than ¥100,000,000 in any fiscal year", "RMB", "year"),
    ("monthly sales over 50 million yen", "JPY", "month"),
    ("annual revenue exceeding ₹ 10 crore or INR 100 million", "INR", "year"),
    ("gross revenue above £2m", "GBP", None),
])
def test_revenue_thresholds_in_any_currency_and_period(text: str, currency: str, period: str | None) -> None:
    value = revenue_threshold(text.lower())
    assert value is not None and value["currency"] == currency and value["period"] == period
    assert value["unit"] == f"{currency} revenue"


def test_a_count_of_visits_is_no_count_of_users() -> None:
    assert users_threshold("exceeds 1 million visits per month") == {"amount": 1000000,
                                                                    "unit": "visits per month"}
    text = ("If the number of service users (visits) for your commercial activities exceeds 1 "
            "million visits per month, you need to contact our business team to obtain more "
            "commercial licenses.")
    (finding,) = [f for f in analyze(text) if f.kind == "user-threshold"]
    assert finding.value == {"amount": 1000000, "unit": "visits per month"}


def test_a_list_item_split_from_its_marker_stays_under_its_prohibition() -> None:
    text = ("2.  You must not use nor allow others to use:\n"
            "    1.  AlphaFold 3 model parameters in connection with any commercial activities; or\n"
            "    2.  AlphaFold 3 output to train machine learning models for structure prediction.\n"
            "\n"
            "Other organizations may use the outputs to train machine learning models.\n")
    found = {(f.kind, f.lines[0]) for f in analyze(text)}
    assert ("no-model-training", 3) in found
    assert not any(line == 5 for _, line in found)
