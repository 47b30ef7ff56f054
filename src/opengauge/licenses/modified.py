"""Words added inside a matched license: a known license plus a restriction is not that license.

The matcher names a license despite a few added words (fewer than `match.MAX_ADDED` tokens in
a row), so that a heading, a URL or a project name inside a copy does not hide it. Those words
are read here. A match is *withdrawn* (the text becomes unknown, with the license as
`closest`) when its added words

- hold a restriction: a finding that conflicts with the OSD on a line of added text, of a
  kind the license's own text does not have ("Commercial use of the Work is not permitted."
  inside Apache-2.0), or
- hold a word that limits or forbids ("not", "only", "prohibited", ...) that no rule reads,
  in words the license's published text does not hold: the text then is not judged open
  source either (`unclear`).

Added words that do neither (an extra copyright line, a Markdown heading, a URL) leave the
match as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from opengauge.licenses.align import Segment, gaps
from opengauge.licenses.clauses import Finding
from opengauge.licenses.normalize import Normalized
from opengauge.licenses.vocabulary import LIMITING_WORDS

_WORD = re.compile(r"[^\W_]+")


@dataclass(slots=True)
class Added:
    """The query tokens inside a match's span that its reference text lacks."""

    positions: list[int]
    lines: list[int]
    """The 1-based lines holding them, sorted."""


@dataclass(slots=True)
class Withdrawn:
    """Why a match was withdrawn."""

    added: Added
    restrictions: list[Finding]
    """Findings on added lines the license itself lacks (empty: only limiting words)."""

    @property
    def unclear(self) -> bool:
        return not self.restrictions


def added_positions(seg: Segment, query: Sequence[str], reference: Sequence[str]) -> list[int]:
    """Query positions in the span of `seg` holding a word that the facing stretch of the
    reference text lacks. A stretch that only splits or joins words differently
    ("non exclusive" for "nonexclusive") adds nothing."""
    found: list[int] = []
    for q0, q1, l0, l1 in gaps(seg):
        words, facing = query[q0:q1], reference[l0:l1]
        if "".join(words) == "".join(facing):
            continue
        lacking = Counter(facing)
        for at, word in enumerate(words, q0):
            if lacking[word] > 0:
                lacking[word] -= 1
            else:
                found.append(at)
    return found


def runs(positions: list[int]) -> list[tuple[int, int]]:
    """Sorted positions as [start, end) runs of consecutive ones."""
    found: list[tuple[int, int]] = []
    for at in positions:
        if found and found[-1][1] == at:
            found[-1] = (found[-1][0], at + 1)
        else:
            found.append((at, at + 1))
    return found


def slid(tokens: list[str], start: int, end: int, lo: int, hi: int) -> list[tuple[int, int]]:
    """Every placement of the added run tokens[start:end] that explains the text as well:
    "models. The above" against "conditions: The above" may leave either "the" unexplained.
    Placements stay within [lo, hi)."""
    places = [(start, end)]
    a, b = start, end
    while a > lo and tokens[a - 1] == tokens[b - 1]:
        a, b = a - 1, b - 1
        places.append((a, b))
    a, b = start, end
    while b < hi and tokens[a] == tokens[b]:
        a, b = a + 1, b + 1
        places.append((a, b))
    return places


def added(norm: Normalized, seg: Segment, reference: Sequence[str]) -> Added | None:
    """The added text of a match (`reference`: the words of its reference text), or None
    when the span holds no word the reference lacks.

    Each added run is placed where it spans the fewest lines (an alignment may explain a
    repeated word on either side of it)."""
    if seg.q_end - seg.q_start == seg.matched:
        return None
    positions = added_positions(seg, norm.tokens, reference)
    if not positions:
        return None
    placed: list[int] = []
    lines: set[int] = set()
    for start, end in runs(positions):
        options = slid(norm.tokens, start, end, seg.q_start, seg.q_end)
        where = norm.lines_of({i for a, b in options for i in range(a, b)})
        a, b = min(options, key=lambda o: (len({where[i] for i in range(*o)}), o != (start, end)))
        placed += range(a, b)
        lines.update(where[i] for i in range(a, b))
    return Added(placed, sorted(lines))


def touches(lines: list[int], added_lines: Iterable[int]) -> bool:
    """Whether the inclusive range `lines` holds one of `added_lines`."""
    return any(lines[0] <= line <= lines[1] for line in added_lines)


def limiting(norm: Normalized, text: Added, own_text: Callable[[], str | None]) -> bool:
    """Whether the added words include one that may take a right away, in a run of words
    the license's own text (`own_text()`, as published) does not hold: words the reference
    lacks only because its copy put them on a copyright line, which normalization drops
    ("Copyright (C) 2001 Project Mayo. Everyone is permitted ... changing it is not allowed"),
    are its own words."""
    own: str | None = None
    for start, end in runs(text.positions):
        words = norm.tokens[start:end]
        if not LIMITING_WORDS.intersection(words):
            continue
        if own is None:
            own = " ".join(_WORD.findall((own_text() or "").lower()))
        if f" {' '.join(words)} " not in f" {own} ":
            return True
    return False


def judge(norm: Normalized, text: Added, findings: list[Finding], own_kinds: set[str],
          own_text: Callable[[], str | None]) -> Withdrawn | None:
    """Withdraw a match whose added text restricts (see the module docstring), else None.

    `findings` are those of the whole input; `own_kinds` the kinds of the license's own
    text, `own_text` gives that text."""
    new = [f for f in findings
           if f.osd and f.kind not in own_kinds and touches(f.lines, text.lines)]
    if new or limiting(norm, text, own_text):
        return Withdrawn(text, new)
    return None


def describe(lines: list[int]) -> str:
    """ "line 11" or "lines 11, 14-15" for the added text of a note."""
    parts: list[str] = []
    start = previous = None
    for line in [*lines, None]:
        if line is not None and previous is not None and line == previous + 1:
            previous = line
            continue
        if start is not None:
            parts.append(str(start) if start == previous else f"{start}-{previous}")
        start = previous = line
    label = "line" if len(lines) == 1 else "lines"
    return f"{label} {', '.join(parts)}"
