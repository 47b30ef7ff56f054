"""Identification: exact copies, variants, near-identical versions, several licenses, abstention."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from license_fixtures import DATA, library_text, rewrap

from opengauge.licenses import analyze_text
from opengauge.licenses.match import matcher
from opengauge.licenses.normalize import normalize

AI_FILES = sorted(p.stem for p in (DATA / "ai").glob("*.LICENSE"))


def keys(text: str) -> list[str]:
    return [m.key for m in analyze_text(text).matches]


def markdown(text: str) -> str:
    """A license as a model card shows it: heading, bold title, bullets, CRLF line ends."""
    lines = text.strip().splitlines()
    body = [f"**{lines[0].strip()}**", *[f"- {line}" if line[:2].strip().isdigit() else line
                                        for line in lines[1:]]]
    return "# License\r\n\r\n" + "\r\n".join(body) + "\r\n"


@pytest.mark.parametrize("ident", AI_FILES)
def test_every_ai_text_is_identified_exactly(ident: str) -> None:
    from opengauge.licenses.registry import registry

    result = analyze_text(library_text(ident))
    assert [m.key for m in result.matches] == [registry().get(ident).key]
    assert result.matches[0].via == "exact" and result.matches[0].score == 1.0


@pytest.mark.parametrize("key", ["llama-2-license-2023", "llama-3-community", "llama-3.1-license-2024",
                                 "llama-3.2-license-2024", "llama-3.3-license-2024", "llama-4-cla-2025"])
def test_llama_versions_are_told_apart_in_variants(key: str) -> None:
    text = library_text(key)
    assert keys(rewrap(text, 72)) == [key]
    assert keys(markdown(text)) == [key]


@pytest.mark.parametrize("key", ["gemma-terms-2024-02-21", "gemma-tou-2024-04-01",
                                 "gemma-tou-2025-03-24"])
def test_gemma_terms_versions_are_told_apart(key: str) -> None:
    assert keys(rewrap(library_text(key), 66)) == [key]


def test_tongyi_qianwen_commercial_and_research_are_told_apart() -> None:
    assert keys(rewrap(library_text("tongyi-qianwen"), 70)) == ["tongyi-qianwen-2023"]
    assert keys(rewrap(library_text("tongyi-qianwen-research"), 70)) == ["tongyi-qianwen-research"]


def test_falcon_is_not_apache_and_apache_is_not_falcon() -> None:
    assert keys(rewrap(library_text("falcon-2-11b-1.0"), 80)) == ["falcon-2-11b-1.0"]
    assert keys(rewrap(library_text("apache-2.0"), 80)) == ["apache-2.0"]


def test_modified_mit_texts_are_not_mit() -> None:
    holder = "Copyright (c) 2021 Someone Else\n\n"
    assert keys(holder + library_text("kimi-k2-modified-mit")) == ["moonshot-ai-modified-mit-2025"]
    assert keys(library_text("minimax-m2")) == ["minimax-m2"]
    assert keys(holder + rewrap(library_text("mit"), 70)) == ["mit"]


@pytest.mark.parametrize("share", [0.25, 0.5, 0.8])
def test_truncated_cc_by_and_cc_by_nc_are_told_apart(share: float) -> None:
    for key in ("cc-by-nc-4.0", "cc-by-4.0"):
        text = library_text(key)
        assert keys(text[: int(len(text) * share)]) == [key]


def test_license_and_use_policy_in_one_file_each_get_their_lines() -> None:
    license_text = library_text("llama-3.2-license-2024").strip()
    policy = library_text("llama-3.2-aup").strip()
    combined = f"{license_text}\n\n\n{policy}\n"
    result = analyze_text(combined)
    assert [m.key for m in result.matches] == ["llama-3.2-license-2024", "llama-3.2-aup"]
    first, second = result.matches
    license_lines = license_text.count("\n") + 1
    assert first.lines[0] <= 2 and license_lines - 2 <= first.lines[1] <= license_lines
    assert second.lines[0] >= license_lines + 3 and second.lines[1] >= combined.count("\n") - 2
    assert result.open_source is False


def test_dual_licensed_file_finds_both_licenses() -> None:
    text = ("This project is dual-licensed; choose either.\n\n" + library_text("mit")
            + "\n\n-----\n\n" + library_text("apache-2.0"))
    result = analyze_text(text)
    assert [m.key for m in result.matches] == ["mit", "apache-2.0"]
    assert result.open_source is True and result.basis == "osi-approved"


def test_license_inside_a_model_card_is_found_with_its_lines() -> None:
    intro = "---\nlanguage: en\n---\n# My model\n\nA fine-tuned model.\n\n## License\n\n"
    text = intro + library_text("llama-3.3-license-2024")
    result = analyze_text(text)
    assert result.matches[0].key == "llama-3.3-license-2024"
    assert result.matches[0].lines[0] >= intro.count("\n")


def test_a_version_the_library_lacks_is_not_given_the_nearest_version() -> None:
    text = library_text("llama-3.1-license-2024").replace("3.1", "3.7")
    result = analyze_text(text)
    assert not result.identified
    assert result.closest["family"] == "llama"
    assert result.note.startswith("unknown license, closest: ")


def test_a_clause_added_to_a_known_license_makes_it_unknown() -> None:
    text = library_text("mit").replace(
        "The above copyright notice",
        "The Software may not be used for any military purpose, nor by any company that makes "
        "weapons or sells services to the armed forces of any country.\n\nThe above copyright notice")
    result = analyze_text(text)
    assert not result.identified
    assert result.closest["key"] == "mit"
    assert result.open_source is False
    assert [f.kind for f in result.restrictions if f.osd] == ["field-of-use"]


def test_a_restriction_after_a_complete_license_keeps_its_lines_and_the_verdict_is_false() -> None:
    """MIT followed by a sentence that happens to start like Embedthis's last sentence: the
    complete MIT beats the partial Embedthis text, the file is not named MIT (the sentence is
    no part of it), and the restriction is reported."""
    text = library_text("mit").rstrip() + "\n\nThe Software may not be used for commercial purposes.\n"
    result = analyze_text(text)
    assert result.matches == [] and not result.identified
    assert [c["key"] for c in result.contains] == ["mit"] and result.closest["key"] == "mit"
    last = text.count("\n")
    assert result.contains[0]["lines"][1] < last and result.unexplained == [[last, last]]
    assert result.note.startswith("unknown license; contains text of MIT License at lines ")
    assert [(f.kind, f.lines) for f in result.restrictions] == [("non-commercial", [last, last])]
    assert result.open_source is False


def test_unrelated_text_is_no_license() -> None:
    result = analyze_text("The quick brown fox jumps over the lazy dog. " * 20)
    assert not result.identified and result.closest is None
    assert result.open_source is None


def test_empty_text() -> None:
    result = analyze_text("")
    assert not result.identified and result.note == "empty input"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc def ghi license the software you may use\n.,")),
               max_size=600))
def test_matcher_answers_any_text_with_consistent_spans(text: str) -> None:
    norm = normalize(text)
    found = matcher().identify(norm)
    for item in found.matches + found.unknown:
        seg = item.segment
        assert 0 <= seg.q_start < seg.q_end <= len(norm.tokens)
        assert 0 < seg.matched <= min(seg.q_end - seg.q_start, seg.l_end - seg.l_start)
        assert 0.0 < item.score <= 1.0


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=20, max_value=400))
def test_any_slice_of_a_known_license_is_that_license_or_nothing(start: int, size: int) -> None:
    text = library_text("llama-3.3-license-2024")
    start = start % max(1, len(text) - size)
    result = analyze_text(text[start:start + size * 10])
    assert all(m.key == "llama-3.3-license-2024" for m in result.matches if m.via != "reference")


@pytest.mark.parametrize(("key", "start", "size"), [
    ("mit", 360, 400),             # the end of MIT is also the middle of MIT-plus-a-clause texts
    ("lgpl-2.1", 22275, 3200),     # the LGPL's how-to-apply notice is a ScanCode text of its own
    ("gpl-2.0", 13975, 800),
    ("gpl-3.0", 33274, 400),
    ("llama-3.3-license-2024", 3693, 360),  # starts inside "3.3": the "3" must not say Llama 3
])
def test_fragments_are_never_given_another_license(key: str, start: int, size: int) -> None:
    result = analyze_text(library_text(key)[start:start + size])
    assert all(m.key == key for m in result.matches)


@pytest.mark.parametrize(("key", "base"), [("x11-r75", "mit"), ("cmr-no", "mit-old-style"),
                                           ("gpl-2.0-autoconf", "gpl-2.0-plus")])
def test_a_deprecated_variant_copied_word_for_word_is_named_as_itself(key: str, base: str) -> None:
    """ScanCode's deprecated variants differ from the license that replaced them in words
    (a party's name, "including the next paragraph", an exception): an exact copy is that
    variant, not its replacement; the replacement's own text is still the replacement."""
    result = analyze_text(rewrap(library_text(key)))
    assert [m.key for m in result.matches] == [key]
    assert result.matches[0].via == "exact"
    assert keys(library_text(base))[:1] == [base]


def test_a_deprecated_variant_is_named_only_as_an_exact_copy() -> None:
    changed = library_text("x11-r75").replace("including the next", "including the following")
    assert "x11-r75" not in keys(changed)


def test_a_deprecated_text_equal_to_a_current_one_gives_the_current_key() -> None:
    # nunit-v2 is zlib-acknowledgement with other copyright years (neutral lines)
    assert keys(library_text("nunit-v2")) == ["zlib-acknowledgement"]
