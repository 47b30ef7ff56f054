"""The verdict and the JSON contract of one result."""

from __future__ import annotations

from license_fixtures import library_text

from opengauge.licenses import analyze_text, lookup_id, lookup_name
from opengauge.licenses.sentences import split
from opengauge.licenses.verdict import grants

FIELDS = ["path", "identified", "matches", "closest", "restrictions", "open_source", "basis",
          "osd_violations", "text_coverage", "unexplained", "contains", "note", "warnings"]
MATCH_FIELDS = {"key", "spdx", "name", "family", "version", "kind", "score", "lines", "truncated"}


def test_result_json_has_every_contract_field() -> None:
    data = analyze_text(library_text("llama-3.1-license-2024"), path="LICENSE").to_dict()
    assert list(data)[:len(FIELDS)] == FIELDS
    assert data["path"] == "LICENSE" and data["identified"] is True
    assert set(data["matches"][0]) >= MATCH_FIELDS
    assert 0 <= data["matches"][0]["score"] <= 1


def test_osi_approved_license_is_open_source_on_that_basis() -> None:
    result = analyze_text(library_text("apache-2.0"))
    assert (result.open_source, result.basis, result.osd_violations) == (True, "osi-approved", [])


def test_a_license_with_restrictions_is_not_open_source_with_each_criterion_and_finding() -> None:
    result = analyze_text(library_text("llama-3.2-license-2024"))
    assert result.open_source is False and result.basis == "clause-analysis"
    by_criterion = {v["osd"]: v for v in result.osd_violations}
    assert set(by_criterion) == {5, 6, 7}
    assert by_criterion[5]["name"] == "No Discrimination Against Persons or Groups"
    assert by_criterion[5]["findings"][0]["kind"] == "user-threshold"
    lines = {tuple(f.lines) for f in result.restrictions}
    assert all(tuple(f["lines"]) in lines for v in result.osd_violations for f in v["findings"])


def test_a_free_license_not_osi_approved_is_open_on_the_fsf_basis() -> None:
    result = analyze_text(library_text("cc-by-4.0"))
    assert (result.open_source, result.basis) == (True, "fsf-libre")
    assert result.text_coverage == 1.0 and result.unexplained == []


def test_a_permissive_text_never_seen_is_unknown_not_open() -> None:
    """Unexplained text is never `true`, even when it grants everything: it is read clause by
    clause, and with no restriction found it is unknown, with its lines."""
    never_seen = ("Permission is granted to anyone to use, copy, modify and redistribute this "
                  "model, for any purpose, provided this notice is kept.\n")
    result = analyze_text(never_seen)
    assert not result.identified and result.open_source is None
    assert result.unexplained == [[1, 1]] and result.text_coverage == 0.0
    assert result.note.endswith("unknown: line 1 is not a known license")


def test_a_known_license_neither_osi_nor_fsf_without_restriction_is_unknown() -> None:
    from opengauge.licenses.verdict import judge_text

    class Known:
        name, osi_approved, fsf_libre = "Some License", False, False

    verdict, reason = judge_text([], [Known()], False)
    assert verdict.open_source is None
    assert reason == "unknown: Some License is neither OSI-approved nor FSF-libre"


def test_unknown_when_nothing_grants_or_restricts() -> None:
    result = analyze_text("This file describes the model architecture and nothing else.\n")
    assert (result.open_source, result.basis) == (None, None)


def test_grants_need_use_modification_and_redistribution() -> None:
    assert grants(split("You may use and copy the Software.")) == {"use"}
    assert grants(split("You may not modify or distribute the Software.")) == set()
    assert grants(split("The author dedicates this work to the public domain.")) == \
        {"use", "modify", "redistribute"}


def test_lookup_of_a_license_analyzes_its_reference_text() -> None:
    result = lookup_id("cc-by-nc-4.0")
    assert result.open_source is False
    assert {f.kind for f in result.restrictions if f.osd} == {"non-commercial"}
    assert all(f.source == "cc-by-nc-4.0" for f in result.restrictions)
    assert lookup_id("MIT").to_dict()["matches"][0]["spdx"] == "MIT"


def test_lookup_of_a_curated_name_reads_every_part() -> None:
    result = lookup_name("Apache 2.0 and CC-BY-NC-4.0")
    assert [m.key for m in result.matches] == ["apache-2.0", "cc-by-nc-4.0"]
    assert result.open_source is False
    assert lookup_name("Llama 3.1 Community License Agreement").matches[0].key == \
        "llama-3.1-license-2024"
    unknown = lookup_name("Purposely left ambiguous")
    assert not unknown.identified and unknown.open_source is None


def test_lookup_of_an_spdx_expression() -> None:
    result = lookup_id("MIT OR Apache-2.0")
    assert [m.key for m in result.matches] == ["mit", "apache-2.0"]
    assert (result.open_source, result.basis) == (True, "osi-approved")
    result = lookup_id("GPL-2.0-only WITH Classpath-exception-2.0")
    assert [m.key for m in result.matches] == ["gpl-2.0", "classpath-exception-2.0"]
    assert (result.open_source, result.basis) == (True, "osi-approved")


def test_spdx_or_is_a_choice_that_follows_the_more_permissive_branch_and_names_the_other() -> None:
    result = lookup_id("MIT OR CC-BY-NC-4.0")
    assert result.open_source is True and result.restrictions == []
    assert "the answer follows MIT" in result.note and "CC-BY-NC-4.0" in result.note
    assert [m.key for m in result.matches] == ["mit", "cc-by-nc-4.0"]
    reversed_order = lookup_id("CC-BY-NC-4.0 OR MIT")
    assert reversed_order.open_source is True and "follows MIT" in reversed_order.note


def test_spdx_and_binds_both() -> None:
    result = lookup_id("MIT AND CC-BY-NC-4.0")
    assert result.open_source is False
    assert {f.kind for f in result.restrictions} == {"non-commercial"}
    nested = lookup_id("CC-BY-NC-4.0 AND (MIT OR Apache-2.0)")
    assert nested.open_source is False and "follows" in nested.note


def test_spdx_with_reads_the_exception_and_keeps_the_license() -> None:
    result = lookup_id("GPL-2.0-only WITH Classpath-exception-2.0")
    assert [m.key for m in result.matches] == ["gpl-2.0", "classpath-exception-2.0"]
    assert result.open_source is True and result.basis == "osi-approved"
