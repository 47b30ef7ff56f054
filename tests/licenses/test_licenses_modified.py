"""A known license with words added inside it: restricting words withdraw the name, harmless
ones (a copyright line, a heading, a URL) do not."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from license_fixtures import RESTRICTED, insert_paragraph, library_text, restricted

from opengauge.licenses import analyze_text
from opengauge.licenses.align import Segment
from opengauge.licenses.modified import LIMITING_WORDS, added_positions, describe, gaps, runs


@pytest.mark.parametrize("name", sorted(RESTRICTED))
def test_a_short_restriction_inside_an_osi_license_withdraws_its_name(name: str) -> None:
    key, _, sentence, kind = RESTRICTED[name]
    text, line = restricted(name)
    result = analyze_text(text)
    assert not result.identified and result.matches == []
    assert result.closest["key"] == key and result.closest["added_lines"] == [line]
    assert result.note.endswith(f"with added text at line {line}")
    assert result.open_source is False and result.basis == "clause-analysis"
    finding = next(f for f in result.restrictions if f.osd)
    assert (finding.kind, finding.lines) == (kind, [line, line])
    assert sentence.removeprefix("4. ") in finding.quote
    assert [v["findings"][0]["lines"] for v in result.osd_violations] == \
        [[line, line]] * len(result.osd_violations)


@pytest.mark.parametrize("key", ["mit", "bsd-new", "apache-2.0", "isc"])
@pytest.mark.parametrize("extra", [
    "Copyright (c) 2024 Foo Bar and contributors",
    "Copyright (c) 2024 Foo",
    "## Conditions",
    "See https://example.com/project/license for details.",
    "https://github.com/example/project",
])
def test_harmless_added_text_keeps_the_exact_license(key: str, extra: str) -> None:
    text = library_text(key)
    middle = text.strip().splitlines()[len(text.strip().splitlines()) // 2]
    result = analyze_text(insert_paragraph(text, middle, extra))
    assert [m.key for m in result.matches] == [key]
    assert result.open_source is True and result.basis == "osi-approved"
    assert result.restrictions == [] and result.note is None


def test_limiting_words_no_rule_reads_withdraw_the_name_and_the_verdict() -> None:
    text = insert_paragraph(library_text("mit"), "The above copyright notice",
                            "Use in Canada is not allowed.")
    result = analyze_text(text)
    assert not result.identified and result.closest["key"] == "mit"
    assert result.open_source is None and result.basis is None
    assert any("not judged open source" in w for w in result.warnings)


def test_a_restriction_the_license_already_has_does_not_withdraw_it_again() -> None:
    """An added word inside a sentence of a non-OSI license that the license itself restricts
    with: the license stays named, its own findings stay."""
    text = library_text("llama-3.1-license-2024").replace("greater than 700 million",
                                                          "greater than the 700 million")
    result = analyze_text(text)
    assert [m.key for m in result.matches] == ["llama-3.1-license-2024"]
    assert "user-threshold" in {f.kind for f in result.restrictions}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["the", "project", "zeta", "version", "see", "website", "readme",
                                 "for", "details", "example", "org"]), min_size=1, max_size=8),
       st.integers(min_value=0, max_value=30))
def test_harmless_words_anywhere_never_cost_the_name(words: list[str], where: int) -> None:
    lines = library_text("mit").strip().splitlines()
    at = where % len(lines)
    text = "\n".join([*lines[:at], " ".join(words).capitalize() + ".", *lines[at:]])
    result = analyze_text(text)
    assert [m.key for m in result.matches] in (["mit"], [])
    if result.matches:
        assert result.open_source is True


@settings(max_examples=25, deadline=None)
@given(st.sampled_from([r[2] for r in RESTRICTED.values()]
                       + ["The Software may not be used for commercial purposes.",
                          "Commercial use of the Model is prohibited.",
                          "You may not distribute modified versions."]),
       st.sampled_from(["mit", "bsd-new", "isc", "apache-2.0"]), st.integers(0, 200))
def test_a_restricting_sentence_anywhere_is_never_open_source(sentence: str, key: str,
                                                              where: int) -> None:
    lines = library_text(key).strip().splitlines()
    at = where % (len(lines) + 1)
    text = "\n".join([*lines[:at], "", sentence, "", *lines[at:]])
    result = analyze_text(text)
    assert result.open_source is False
    assert any(f.osd for f in result.restrictions)


@given(st.lists(st.integers(0, 60), unique=True).map(sorted))
def test_runs_cover_exactly_the_positions(positions: list[int]) -> None:
    found = runs(positions)
    assert [i for a, b in found for i in range(a, b)] == positions
    assert all(b < c for (_, b), (c, _) in pairwise(found))


@given(st.lists(st.integers(1, 300), min_size=1, unique=True).map(sorted))
def test_describe_names_every_line_once(lines: list[int]) -> None:
    text = describe(lines)
    assert text.startswith("line " if len(lines) == 1 else "lines ")
    named = []
    for part in text.split(" ", 1)[1].split(", "):
        first, _, last = part.partition("-")
        named += range(int(first), int(last or first) + 1)
    assert named == lines


def test_added_positions_are_words_the_facing_reference_stretch_lacks() -> None:
    reference = list("abcdefghijklmno")
    # outside the span: x y; then a-e, two inserted words, f-i, "no" for "j", k, "lm" for
    # "l m" (the same text split differently), n o
    query = ["x", "y", *"abcde", "not", "only", *"fghi", "no", "k",
             "lm", "n", "o"]
    blocks = [[2, 0, 5], [9, 5, 4], [14, 10, 1], [16, 13, 2]]
    seg = Segment(0, 2, 18, 0, 15, 12, 15, blocks)
    assert gaps(seg) == [(7, 9, 5, 5), (13, 14, 9, 10), (15, 16, 11, 13)]
    assert added_positions(seg, query, reference) == [7, 8, 13]


@given(st.lists(st.sampled_from("ab"), min_size=1, max_size=6),
       st.lists(st.sampled_from("abc"), max_size=6))
def test_a_stretch_adds_the_words_its_facing_stretch_lacks(words: list[str], facing: list[str]
                                                           ) -> None:
    query, reference = ["s", *words, "e"], ["s", *facing, "e"]
    seg = Segment(0, 0, len(query), 0, len(reference), 2, len(reference),
                  [[0, 0, 1], [len(query) - 1, len(reference) - 1, 1]])
    found = added_positions(seg, query, reference)
    assert all(1 <= i <= len(words) for i in found)
    if "".join(words) == "".join(facing):
        assert found == []
    else:
        assert Counter(query[i] for i in found) == Counter(words) - Counter(facing)


def test_limiting_words_are_normalized_tokens() -> None:
    from opengauge.licenses.normalize import tokens

    assert all(tokens(word) == [word] for word in LIMITING_WORDS)


def test_limiting_words_the_license_itself_holds_are_its_own() -> None:
    """A copy that puts the license's own "changing it is not allowed" off its copyright line
    has those words added only in token terms: they are not a restriction added to it."""
    from opengauge.licenses.modified import Added, limiting
    from opengauge.licenses.normalize import normalize

    norm = normalize("Permission is given. Changing it is not allowed. Enjoy.")
    run = list(range(3, 8))
    assert norm.tokens[3:8] == ["changing", "it", "is", "not", "allowed"]
    text = Added(run, [1])
    own = "Copyright (C) 2001 Mayo. Everyone may copy it, but changing it is NOT allowed.\n"
    assert not limiting(norm, text, lambda: own)
    assert limiting(norm, text, lambda: "Permission is given. Enjoy.")
    assert limiting(norm, text, lambda: None)


def test_a_modified_license_beside_an_intact_one_is_withdrawn_alone() -> None:
    from opengauge.formats.licenses import text_lines

    modified_mit, line = restricted("mit")
    head = "Dual licensed.\n\n" + library_text("apache-2.0") + "\n\n-----\n\n"
    result = analyze_text(head + modified_mit)
    line += head.count("\n")
    assert result.matches == [] and [c["key"] for c in result.contains] == ["apache-2.0", "mit"]
    assert result.closest["key"] == "mit" and result.closest["added_lines"] == [line]
    assert result.note.endswith(f"closest: MIT License (0.97), with added text at line {line}")
    assert result.open_source is False and result.unexplained == [[line, line]]
    assert [(f.kind, f.lines) for f in result.restrictions] == [("no-model-training", [line, line])]
    shown = text_lines(result.to_dict())
    assert shown[1] == result.note and shown[2].startswith("NOT open source")
