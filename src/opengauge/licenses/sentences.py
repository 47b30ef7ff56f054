"""Split a text into sentences that keep their line range, for quoting clauses.

Paragraphs end at blank lines, headings and list items; inside a paragraph, sentences end
after `.`, `;`, `!` or `?` followed by a capital letter, digit, quote or bracket. Each
sentence has its original wording (white space collapsed) for quotes, and a matching form:
lower case, straight quotes, Markdown emphasis (`*`, `_`, backquotes), escapes and tags removed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

_LIST_START = re.compile(r"^\s*(?:[-*+•·▪◦‣]\s|#{1,6}\s|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{2,5})[.)]\s"
                         r"|\d{1,2}(?:\.\d{1,2})+\.?\s|(?:section|article)\s+\d)", re.IGNORECASE)
_SPLIT = re.compile(r"(?<=[.;!?])[\"'”’)\]]*\s+(?=[A-Z0-9“\"'(\[])|(?<=:)\s+(?=[-*•]\s)")
_PLAIN = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "´": "'", "`": "",
                        "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " ", "*": "", "_": " ",
                        "\\": ""})
_TAG = re.compile(r"<[^<>\n]+>")
_SPACES = re.compile(r"\s+")
MAX_SENTENCE = 1200
"""Longer stretches without punctuation are cut, so a quote stays readable."""


@dataclass(slots=True)
class Sentence:
    """A sentence with its 1-based inclusive line range."""

    text: str
    """Original wording, white space collapsed."""
    plain: str
    """Lower case, straight quotes, no Markdown: what the clause rules read."""
    start: int
    end: int


def plain(text: str) -> str:
    """The matching form of `text`."""
    text = text.translate(_PLAIN)
    if "<" in text:
        text = _TAG.sub("", text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip().lower()


def _paragraphs(lines: list[str]) -> list[list[int]]:
    blocks: list[list[int]] = []
    current: list[int] = []
    for number, line in enumerate(lines):
        if not line.strip():
            if current:
                blocks.append(current)
            current = []
            continue
        if current and _LIST_START.match(line):
            blocks.append(current)
            current = []
        current.append(number)
    if current:
        blocks.append(current)
    return blocks


def split(text: str) -> list[Sentence]:
    """The sentences of `text`, in order."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    sentences: list[Sentence] = []
    for block in _paragraphs(lines):
        joined, starts = "", []
        for number in block:
            starts.append(len(joined))
            joined += lines[number].strip() + " "
        pieces = _pieces(joined)
        for start, end in pieces:
            piece = joined[start:end].strip()
            if not piece:
                continue
            first = block[bisect_right(starts, start) - 1] + 1
            last = block[bisect_right(starts, max(start, end - 2)) - 1] + 1
            wording = " ".join(piece.split())
            sentences.append(Sentence(wording, plain(wording), first, last))
    return sentences


def _pieces(joined: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.end() for m in _SPLIT.finditer(joined)] + [len(joined)]
    pieces = []
    for start, end in pairwise(cuts):
        while end - start > MAX_SENTENCE:
            cut = joined.rfind(" ", start, start + MAX_SENTENCE)
            cut = cut if cut > start else start + MAX_SENTENCE
            pieces.append((start, cut))
            start = cut
        pieces.append((start, end))
    return pieces
