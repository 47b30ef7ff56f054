"""How much of the input the licenses found explain (issue 11: name a license only when the
text is that license).

A line of the input is *explained* when every word on it lies in the span of a license text
found in it, or when it is neutral: a line without words after normalization (blank,
Markdown or HTML markup only, a copyright or "all rights reserved" line), a model card's
front matter, a line naming a license (an SPDX line, a notice), a URL alone, or a short
title line ("Apache License", "## Llama 3.2 Acceptable Use Policy", "Last updated: May
2025") that holds no word limiting or obliging anyone. Everything else is *unexplained*.

`text_coverage` is the share of the input's non-blank lines that are explained;
`unexplained` lists the [first, last] ranges of the other lines (lines without words between
two unexplained lines join their range).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from opengauge.licenses.normalize import Normalized
from opengauge.licenses.vocabulary import BINDING_WORDS

TITLE_WORDS = 14
"""A title line has at most this many words."""
_WORD = re.compile(r"[^\W_]+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_COPYRIGHT = re.compile(r"^[\s#*>|-]*(?:copyright\b|©|\(c\)\s*\d)", re.IGNORECASE)
COPYRIGHT_TAIL = 6
"""A line of at most this many words after a copyright line may be its wrapped end."""
_URL_ONLY = re.compile(r"^\W*(?:<)?(?:https?://|www\.)\S+\W*$", re.IGNORECASE)
_TITLE_SIGN = re.compile(
    r"\b(?:licen[cs](?:e|es|ed|ing)|dual|agreement|terms|conditions|policy|policies|version|"
    r"v\d[\w.]*|effective|updated|release[d]?|notice|notices|appendix|exhibit|schedule|addendum|"
    r"preamble|definitions?|contents|license\s+text|spdx|eula|copying|readme)\b",
    re.IGNORECASE)


@dataclass
class Coverage:
    """The explained share of the input and its unexplained line ranges."""

    share: float = 1.0
    unexplained: list[list[int]] = field(default_factory=list)
    nonblank: list[int] = field(default_factory=list)
    """Prefix counts of non-blank lines (`nonblank[n]`: non-blank lines among the first n)."""

    def lines_share(self, lines: list[int]) -> float:
        """The share of the input's non-blank lines inside the inclusive range `lines`."""
        if not self.nonblank or self.nonblank[-1] == 0:
            return 0.0
        last = len(self.nonblank) - 1
        first, end = max(1, lines[0]), min(last, lines[1])
        if end < first:
            return 0.0
        return (self.nonblank[end] - self.nonblank[first - 1]) / self.nonblank[-1]

    def describe(self) -> str:
        """ "lines 12-20" or "lines 3-4, 12-20" for the notes."""
        parts = [str(a) if a == b else f"{a}-{b}" for a, b in self.unexplained]
        label = "line" if len(self.unexplained) == 1 and self.unexplained[0][0] == \
            self.unexplained[0][1] else "lines"
        return f"{label} {', '.join(parts)}"


def neutral(line: str, previous: str = "") -> bool:
    """Whether a raw line is neutral text: a URL alone, a short pointer to a source ("[For the
    original copy, see https://...]"), a short title line, or the wrapped end of a copyright
    line (`previous`)."""
    stripped = line.strip().strip("#*_=>|-` \t")
    if not stripped:
        return True
    if _URL_ONLY.match(stripped):
        return True
    has_url = _URL.search(stripped) is not None
    words = [w.lower() for w in _WORD.findall(_URL.sub(" ", stripped))]
    if len(words) > TITLE_WORDS or BINDING_WORDS.intersection(words):
        return False
    if has_url or (len(words) <= COPYRIGHT_TAIL and _COPYRIGHT.match(previous)):
        return True
    heading = line.lstrip().startswith("#") or (stripped.isupper() and len(words) <= 8)
    return heading or _TITLE_SIGN.search(stripped) is not None


CUT_WORDS = 2
"""Words before the first or after the last explained word, on its line, that a copy cut
short mid-word may leave ("may be constr")."""


def _cut_words(covered: bytearray, lines: list[int]) -> None:
    """Count a word cut in half at the start or the end of the input as explained."""
    size = len(covered)
    first = covered.find(1)
    if first < 0:
        return
    last = covered.rfind(1)
    if 0 < first <= CUT_WORDS and lines[0] == lines[first]:
        covered[:first] = b"\x01" * first
    if 0 < size - 1 - last <= CUT_WORDS and lines[-1] == lines[last]:
        covered[last + 1:] = b"\x01" * (size - 1 - last)


def whole(raw: str) -> Coverage:
    """The coverage of an input that is entirely one known text."""
    return Coverage(1.0, [], _nonblank(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")))


def _nonblank(rows: list[str]) -> list[int]:
    counts = [0]
    for row in rows:
        counts.append(counts[-1] + (1 if row.strip() else 0))
    return counts


def measure(raw: str, norm: Normalized, explained_tokens: Iterable[tuple[int, int]],
            unexplained_tokens: Iterable[int] = (), neutral_lines: Iterable[int] = ()
            ) -> Coverage:
    """The coverage of `raw` (normalized as `norm`) given the token spans [start, end) that
    known texts explain, token positions inside them that they do not (words added to a
    license), and lines known to be neutral (front matter, reference statements)."""
    rows = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    nonblank = _nonblank(rows)
    total = nonblank[-1]
    if not norm.tokens or total == 0:
        return Coverage(1.0 if total == 0 else 0.0, [], nonblank)
    size = len(norm.tokens)
    covered = bytearray(size)
    for start, end in explained_tokens:
        start, end = min(max(0, start), size), min(max(0, end), size)
        if end > start:
            covered[start:end] = b"\x01" * (end - start)
    _cut_words(covered, norm.lines)
    for position in unexplained_tokens:
        if 0 <= position < len(covered):
            covered[position] = 0
    skip = set(neutral_lines)
    token_lines = norm.lines
    open_lines: set[int] = set()
    for position, flag in enumerate(covered):
        if not flag:
            line = token_lines[position]
            if line not in skip and line not in open_lines:
                if line - 1 < len(rows) and neutral(rows[line - 1],
                                                    rows[line - 2] if line >= 2 else ""):
                    skip.add(line)
                else:
                    open_lines.add(line)
    with_words = set(token_lines)
    ranges: list[list[int]] = []
    for line in sorted(open_lines):
        if ranges and all(n not in with_words for n in range(ranges[-1][1] + 1, line)):
            ranges[-1][1] = line
        else:
            ranges.append([line, line])
    share = 1.0 - len(open_lines) / total if total else 1.0
    return Coverage(round(max(0.0, share), 4), ranges, nonblank)
