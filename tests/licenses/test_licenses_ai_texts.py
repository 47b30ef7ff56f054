"""Publisher texts added to licenses/data/ai/ for catalog license strings (issue 12, item 3):
each copy is named as itself, and the analyzer finds the restrictions its publisher wrote."""

from __future__ import annotations

import pytest
from license_fixtures import library_text, rewrap

from opengauge.licenses import analyze_text

# key -> restriction kinds the text contains (read by hand from each text)
ADDED = {
    "databricks-open-model": {"user-threshold", "field-of-use", "no-model-training",
                              "remote-restriction"},
    "exaone-1.2-nc": {"non-commercial", "no-model-training", "field-of-use", "revocable-grant",
                      "updatable-terms"},
    "ltx-2-community-2026-01-05": {"revenue-threshold", "field-of-use", "flow-down",
                                   "remote-restriction"},
}


@pytest.mark.parametrize("key", sorted(ADDED))
def test_an_added_text_is_named_as_itself_with_its_restrictions(key: str) -> None:
    result = analyze_text(library_text(key))
    assert [m.key for m in result.matches] == [key]
    assert result.matches[0].score == 1.0
    assert ADDED[key] <= {f.kind for f in result.restrictions}
    assert result.open_source is False


@pytest.mark.parametrize("key", sorted(ADDED))
def test_a_rewrapped_copy_is_still_named_as_itself(key: str) -> None:
    assert [m.key for m in analyze_text(rewrap(library_text(key))).matches] == [key]


def test_the_exaone_versions_are_told_apart() -> None:
    # 1.1 - NC and 1.2 - NC share most sentences; each copy is named as its own version
    assert [m.key for m in analyze_text(library_text("exaone-ai-model-1.1-nc")).matches] == [
        "exaone-ai-model-1.1-nc"]
    assert [m.key for m in analyze_text(library_text("exaone-1.2-nc")).matches] == ["exaone-1.2-nc"]
