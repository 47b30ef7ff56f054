"""Identification by coverage of the input (issue 11, items 1 and 2): a license is named only
when it (plus neutral lines) explains the whole input; the verdict follows every part."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from license_fixtures import library_text

from opengauge.licenses import analyze_text
from opengauge.licenses.coverage import measure, neutral
from opengauge.licenses.normalize import normalize


def paragraphs(key: str) -> list[str]:
    """The paragraphs of a library text (blank or white-space-only lines between them)."""
    found, current = [], []
    for line in library_text(key).strip().splitlines():
        if line.strip():
            current.append(line)
        elif current:
            found.append("\n".join(current))
            current = []
    return [*found, "\n".join(current)] if current else found


def test_a_copy_cut_short_at_its_end_is_still_the_license_marked_truncated() -> None:
    parts = paragraphs("apache-2.0")
    text = "\n\n".join(parts[: len(parts) * 9 // 10]) + "\n"
    result = analyze_text(text)
    assert [m.key for m in result.matches] == ["apache-2.0"]
    match = result.matches[0]
    assert match.truncated is True and 0.6 < match.coverage < 0.95
    assert result.text_coverage == 1.0 and result.unexplained == []
    assert result.open_source is True


def test_a_copy_cut_short_at_its_start_is_still_the_license_marked_truncated() -> None:
    parts = paragraphs("llama-3.2-license-2024")
    text = "\n\n".join(parts[len(parts) // 4:]) + "\n"
    result = analyze_text(text)
    assert [m.key for m in result.matches] == ["llama-3.2-license-2024"]
    assert result.matches[0].truncated is True and result.identified
    assert result.text_coverage == 1.0 and result.open_source is False


def test_a_whole_copy_is_not_truncated() -> None:
    result = analyze_text(library_text("apache-2.0"))
    assert result.matches[0].truncated is False and result.text_coverage == 1.0
    assert result.contains[0]["key"] == "apache-2.0" and result.contains[0]["share"] == 1.0


def test_a_passage_missing_inside_the_license_makes_it_modified_not_named() -> None:
    parts = paragraphs("apache-2.0")
    longest = max(range(3, len(parts) - 3), key=lambda i: len(parts[i]))
    text = "\n\n".join(parts[:longest] + parts[longest + 1:]) + "\n"
    result = analyze_text(text)
    assert not result.identified and result.matches == []
    assert result.open_source is not True


def test_another_license_body_with_commercial_terms_added_is_not_named() -> None:
    """A vendor license reusing a license's body and adding its own terms: the body is listed
    in `contains`, the added terms are unexplained and read clause by clause."""
    body = library_text("mit").strip()
    extra = ("\n\nAdditional Commercial Terms\n\nIf the Licensee's products or services have more "
             "than 100 million monthly active users, or more than 20 million US dollars in "
             "monthly revenue, the Licensee must prominently display \"Acme Model\" on the user "
             "interface of such product or service.\n\nAcme may revise these terms at any time "
             "and the licensee shall comply with the revised version.\n")
    text = body + extra
    result = analyze_text(text)
    assert not result.identified and result.matches == []
    assert result.closest["key"] == "mit"
    assert [c["key"] for c in result.contains] == ["mit"]
    first_extra = body.count("\n") + 3
    assert result.unexplained and result.unexplained[0][0] >= first_extra
    assert result.text_coverage < 1
    assert result.note.startswith("unknown license; contains text of MIT License at lines ")
    assert "% of the file)" in result.note
    assert result.open_source is not True


def test_unexplained_text_without_restriction_is_unknown_with_its_lines() -> None:
    text = library_text("mit").strip() + ("\n\nThe weights were trained on a cluster in Paris "
                                          "and took three weeks to finish training.\n")
    result = analyze_text(text)
    last = text.count("\n")
    assert result.open_source is None and result.basis is None
    assert result.unexplained == [[last, last]]
    assert result.note.endswith(f"unknown: line {last} is not a known license")


def test_unexplained_text_with_a_restriction_is_not_open_source() -> None:
    text = library_text("apache-2.0").strip() + (
        "\n\nThe Work may not be used for military purposes or to develop weapons.\n")
    result = analyze_text(text)
    assert result.open_source is False
    assert {f.kind for f in result.restrictions} >= {"field-of-use"}
    assert not result.identified


def test_titles_copyright_lines_and_urls_are_neutral() -> None:
    head = ("# Acme Model License\n\nCopyright (c) 2025 Acme Corp. All rights reserved.\n\n"
            "https://acme.example/license\n\nVersion 1.0, last updated May 2025\n\n")
    result = analyze_text(head + library_text("mit"))
    assert [m.key for m in result.matches] == ["mit"]
    assert result.text_coverage == 1.0 and result.open_source is True


def test_two_whole_texts_are_each_named() -> None:
    text = ("This project is dual-licensed; choose either.\n\n" + library_text("mit")
            + "\n\n-----\n\n" + library_text("apache-2.0"))
    result = analyze_text(text)
    assert [m.key for m in result.matches] == ["mit", "apache-2.0"]
    assert [c["key"] for c in result.contains] == ["mit", "apache-2.0"]
    assert result.text_coverage == 1.0 and result.open_source is True


def test_a_license_inside_a_model_card_is_named_and_its_prose_reported() -> None:
    card = ("---\nlicense: mit\n---\n# Acme 7B\n\nA model fine-tuned on instructions; it writes "
            "code and answers questions about it.\n\n## License\n\n" + library_text("mit"))
    result = analyze_text(card, path="README.md")
    assert "mit" in [m.key for m in result.matches] and result.identified
    assert result.unexplained and result.text_coverage < 1
    assert result.open_source is True


def test_neutral_lines() -> None:
    for line in ("# Llama 3.2 Acceptable Use Policy", "MIT License", "Last updated: May 2025",
                 "https://example.com/license", "TERMS AND CONDITIONS", "   ", "----",
                 "[For the original copy, see https://ai.google.dev/gemma/terms]"):
        assert neutral(line), line
    assert neutral("Esser and contributors", "Copyright (c) 2022 Robin Rombach and Patrick")
    assert not neutral("Esser and contributors", "The model was trained by Robin Rombach")
    assert not neutral("Use is not allowed, see https://example.com/terms")
    for line in ("Commercial use is not permitted.", "You may use it for research only",
                 "The Licensee shall pay a fee", "Military use prohibited",
                 "This model was trained on a cluster of graphics cards in Paris last year"):
        assert not neutral(line), line


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cd\n\n#-.xyz"), max_size=300),
       st.lists(st.tuples(st.integers(-3, 60), st.integers(-3, 60)), max_size=3))
def test_coverage_is_a_share_with_ranges_inside_the_text(text: str, spans: list) -> None:
    norm = normalize(text)
    cover = measure(text, norm, spans)
    assert 0.0 <= cover.share <= 1.0
    rows = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    previous = 0
    for first, last in cover.unexplained:
        assert previous < first <= last <= rows
        previous = last


def test_a_clause_is_reported_once_not_also_from_the_registry_copy() -> None:
    """A notice naming a license above a text of that family: the file's own clauses are
    reported with its lines; the registry copy of the named license does not repeat them."""
    text = library_text("llama-3.1-license-2024").replace("3.1", "3.7")
    result = analyze_text("Llama 3.7 is licensed under the Llama 3.1 Community License.\n\n" + text)
    kinds = [f.kind for f in result.restrictions]
    assert len(kinds) == len(set(kinds))
    assert all(f.source is None for f in result.restrictions)
    assert "user-threshold" in kinds and result.open_source is False
