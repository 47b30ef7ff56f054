"""Normalization along the SPDX matching guidelines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from license_fixtures import library_text, rewrap

from opengauge.licenses.normalize import (
    _HAS_CJK,
    _TOKEN,
    _TOKEN_NO_CJK,
    _words,
    clean,
    normalize,
    tokens,
)


def test_case_whitespace_and_line_breaks_do_not_matter() -> None:
    assert tokens("Permission  is\nHEREBY\tgranted") == tokens("permission is hereby granted")


def test_quotes_apostrophes_and_dashes_are_equivalent() -> None:
    assert tokens("the “Software” – Licensor’s") == tokens('the "Software" - Licensor\'s')
    assert tokens("non-exclusive") == tokens("non‑exclusive") == tokens("nonexclusive")


def test_word_broken_by_a_hyphen_at_a_line_end_is_joined() -> None:
    assert tokens("a non-\n   exclusive license") == tokens("a nonexclusive license")
    assert normalize("a non-\nexclusive license").tokens == tokens("a non-exclusive license")


def test_bullets_and_list_numbering_are_ignored_anywhere_on_a_line() -> None:
    listed = "1. Grant.\n  (a) You may copy.\n  iv. You may share.\n* Item"
    inline = "Grant. You may copy. You may share. Item"
    assert tokens(listed) == tokens(inline)


def test_version_numbers_are_kept_as_one_token() -> None:
    assert "3.1" in tokens("Llama 3.1 Community License")
    assert "2.0" in tokens("Apache License, Version 2.0.")


def test_markdown_and_html_markup_is_removed() -> None:
    plain = "Llama 3.2 Acceptable Use Policy see llama.com/llama3_2/use-policy"
    marked = ("**Llama 3.2** **Acceptable Use Policy** see "
              "[https://www.llama.com/llama3\\_2/use-policy](https://www.llama.com/llama3_2/use-policy)")
    assert tokens(marked) == tokens(plain)
    assert tokens("<span style='x'>Policy</span>") == tokens("Policy")


def test_copyright_notice_lines_are_ignored_but_not_sentences_about_copyright() -> None:
    assert tokens("Copyright (c) 2024 Acme Corp.\nAll rights reserved.\nPermission granted") == \
        tokens("Permission granted")
    assert tokens("copyright notice and this permission notice shall be included") == \
        ["copyright", "notice", "and", "this", "permission", "notice", "shall", "be", "included"]


def test_url_schemes_are_ignored() -> None:
    assert tokens("see https://www.apache.org/licenses/") == tokens("see apache.org/licenses/")


def test_british_spellings_are_equivalent() -> None:
    assert tokens("this Licence") == tokens("this License")


def test_lines_are_reported_per_token() -> None:
    norm = normalize("First line\n\nThird line here\r\nfourth")
    assert norm.lines == [1, 1, 3, 3, 3, 4]
    assert norm.line_range(2, 5) == [3, 3]


def test_rewrapping_a_real_license_keeps_its_tokens() -> None:
    text = library_text("apache-2.0")
    assert tokens(rewrap(text, 50)) == tokens(text)
    assert tokens(text.replace("\n", "\r\n")) == tokens(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_both_tokenizers_agree_on_any_text(text: str) -> None:
    assert normalize(text).tokens == tokens(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.from_regex(r"[A-Za-z][a-z]{0,8}(?:-[a-z]{1,5})?[.,;]?", fullmatch=True),
                min_size=1, max_size=40), st.integers(min_value=10, max_value=80))
def test_rewrapping_never_changes_tokens(words: list[str], width: int) -> None:
    text = " ".join(words)
    assert tokens(rewrap(text, width)) == tokens(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_every_token_has_a_line_within_the_text(text: str) -> None:
    norm = normalize(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    assert len(norm.tokens) == len(norm.lines)
    assert all(1 <= line <= lines for line in norm.lines)
    assert norm.lines == sorted(norm.lines)


_PIECES = st.sampled_from(["ꀀ", "a.", "(iv)", "12.", "2.0", "v1.2a.", "x)", "中", "中文", "ab中", "文a.",
                           "ii.", " ", "\n", "\t", "\x1c", "(", ")", ".", "-", "_", "é", "²", "word"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join))
def test_chunked_tokenizer_agrees_with_the_token_pattern(text: str) -> None:
    # the fast path (plain chunks between white space taken as they stand) must find exactly
    # the words of _TOKEN over the whole text, list markers and CJK characters included
    cleaned = clean(text)
    assert _words(cleaned) == [w for w in _TOKEN.findall(cleaned) if w]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join))
def test_the_token_pattern_without_cjk_finds_the_same_tokens_in_a_text_without_cjk(
        text: str) -> None:
    # the quick-to-compile pattern stands for _TOKEN only where no CJK character occurs
    cleaned = _HAS_CJK.sub("", clean(text))
    assert _TOKEN_NO_CJK.findall(cleaned) == _TOKEN.findall(cleaned)
