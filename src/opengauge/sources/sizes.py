"""Model sizes and the per-size rows of a model card's tables.

A family card often lists every size in one table (`| OLMo 2 7B | 4 Trillion |`, `|Llama 2|...|7B|
...|2.0T|`): the training-token count of one release is the cell of the row for its size, never
another row's. This module reads

- size labels (`7B`, `1.5B`, `450M`, `70 billion`) in names and cells, see `size_labels`;
- Markdown and HTML tables (`rowspan` cells fill the rows they span), see `tables`,
  `html_tables`; the size a row is about, see `row_size`;
- counts written with a unit, with or without the word "tokens" (`2.0T`, `4 Trillion`,
  `Up to 9T tokens`, `300B`), see `cell_count`.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from itertools import pairwise

UNITS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "b": 1e9,
         "trillion": 1e12, "t": 1e12}
_SIZE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(billion|million|[BM])(?![a-zA-Z])"
                   r"(?!-?\s*(?:[\w-]{1,40}\s+){0,2}(?:tokens?|examples|samples|images|words|documents|pairs"
                   r"|hours|instructions|conversations|users|rows)\b)", re.IGNORECASE)
_COUNT = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(trillion|billion|million|[TBM])"
                    r"(?![a-zA-Z])\+?", re.IGNORECASE)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_TOKEN_HEADER = re.compile(r"\btokens?\b|\btoken count\b", re.IGNORECASE)
_NOT_TRAINING = re.compile(r"context|length|/\s*s\b|per sec|second|vocab|batch|first|window|max",
                           re.IGNORECASE)
_PARAM_HEADER = re.compile(r"\bparam|\bsize\b", re.IGNORECASE)
SIZE_TOLERANCE = 1.35
"""A parameter count matches a size label within this factor (13.7B is a `13B` model)."""


@dataclass(slots=True)
class Row:
    """One body row of a Markdown table: its cleaned cells and its line in the text (1-based)."""

    line: int
    cells: list[str]
    raw: str


@dataclass(slots=True)
class Table:
    """A Markdown table: header cells and body rows."""

    line: int
    header: list[str]
    rows: list[Row]

    def column(self, pattern: re.Pattern[str], avoid: re.Pattern[str] | None = None) -> int | None:
        """The first column whose header matches `pattern` (and not `avoid`)."""
        for index, name in enumerate(self.header):
            if pattern.search(name) and not (avoid is not None and avoid.search(name)):
                return index
        return None


def clean(cell: str) -> str:
    """A cell's text: link text for links, no tags, emphasis or entities."""
    text = _LINK.sub(r"\1", cell)
    text = _TAG.sub(" ", text)
    text = html.unescape(text).replace("**", "").replace("__", "").replace("*", "")
    return " ".join(text.split())


def size_labels(text: str) -> list[float]:
    """Model sizes written in `text` (`7B`, `1.5B`, `450M`, `70 billion`), in order; counts
    followed by "tokens" are not sizes."""
    found = []
    for match in _SIZE.finditer(text):
        value = float(match.group(1)) * UNITS[match.group(2).lower()]
        if math.isfinite(value) and value > 0:
            found.append(value)
    return found


def name_size(name: str | None) -> float | None:
    """The one size a model name states (`OLMo-2-1124-13B` -> 13e9), or None (none or several)."""
    if not name:
        return None
    sizes = set(size_labels(name.replace("_", " ")))
    return sizes.pop() if len(sizes) == 1 else None


_HEADER_UNIT = re.compile(r"\(\s*(trillions?|billions?|[TB])\s*\)", re.IGNORECASE)


def header_unit(header: str) -> float | None:
    """The unit a column header gives its bare numbers (`Tokens (Billion)` -> 1e9)."""
    found = _HEADER_UNIT.search(header)
    return UNITS[found.group(1).lower().rstrip("s")] if found else None


def cell_count(cell: str, unit: float | None = None) -> float | None:
    """A count written with a unit in a cell, the word "tokens" optional (`2.0T`, `4 Trillion`,
    `Up to 9T tokens`, `1,000,000,000,000 tokens`), or a bare number in the column's `unit`;
    None when the cell has none or several."""
    if unit is not None:
        bare = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*", cell)
        if bare:
            return float(bare.group(1)) * unit
    counts = {float(m.group(1).replace(",", "")) * UNITS[m.group(2).lower()]
              for m in _COUNT.finditer(cell)}
    if not counts:
        plain = re.fullmatch(r"\s*(\d{1,3}(?:,\d{3})+)\s*tokens?\s*", cell, re.IGNORECASE)
        counts = {float(plain.group(1).replace(",", ""))} if plain else set()
    return counts.pop() if len(counts) == 1 else None


def _cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [c.strip() for c in body.split("|")]


_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def tables(text: str) -> list[Table]:
    """The Markdown tables of `text` (a header line, a `---` rule, then `|` rows)."""
    lines = text.split("\n")
    found = []
    index = 0
    while index < len(lines) - 1:
        if "|" in lines[index] and _RULE.match(lines[index + 1]):
            header = [clean(c) for c in _cells(lines[index])]
            table = Table(index + 1, header, [])
            index += 2
            while index < len(lines) and "|" in lines[index] and lines[index].strip():
                table.rows.append(Row(index + 1, [clean(c) for c in _cells(lines[index])],
                                      lines[index]))
                index += 1
            found.append(table)
        else:
            index += 1
    return found


_ROW = re.compile(r"<tr\b[^>]*>", re.IGNORECASE)
_CELL = re.compile(r"<t([dh])\b([^>]*)>", re.IGNORECASE)
_ROWSPAN = re.compile(r"rowspan\s*=\s*[\"']?(\d{1,3})", re.IGNORECASE)


def html_tables(text: str) -> list[Table]:
    """The HTML `<table>`s of `text` (as model cards embed them), first row as the header;
    a cell with `rowspan` fills the rows it spans, as the table shows it."""
    found = []
    lower = text.lower()
    start = lower.find("<table")
    while start != -1:
        end = lower.find("</table>", start)
        if end == -1:
            break
        found.append(_html_table(text, start, end))
        start = lower.find("<table", end)
    return [t for t in found if t.header]


def _html_table(text: str, start: int, end: int) -> Table:
    body = text[start:end]
    first_line = text.count("\n", 0, start) + 1
    rows: list[tuple[int, list[str], str]] = []
    starts = [m.start() for m in _ROW.finditer(body)] + [len(body)]
    spans: dict[int, tuple[int, str]] = {}
    for here, after in pairwise(starts):
        chunk = body[here:after]
        cells: list[str] = []
        marks = list(_CELL.finditer(chunk))
        column = 0
        for index, mark in enumerate(marks):
            column = _fill(spans, column, cells)
            stop = marks[index + 1].start() if index + 1 < len(marks) else len(chunk)
            value = clean(re.sub(r"</t[dhr]>", " ", chunk[mark.end():stop], flags=re.IGNORECASE))
            span = _ROWSPAN.search(mark.group(2))
            if span and int(span.group(1)) > 1:
                spans[column] = (int(span.group(1)) - 1, value)
            cells.append(value)
            column += 1
        _fill(spans, column, cells)
        line = first_line + body.count("\n", 0, here)
        rows.append((line, cells, " | ".join(c for c in cells if c)))
    if not rows:
        return Table(first_line, [], [])
    header = rows[0][1]
    return Table(rows[0][0], header, [Row(line, cells, raw) for line, cells, raw in rows[1:]])


def _fill(spans: dict[int, tuple[int, str]], column: int, cells: list[str]) -> int:
    """Cells a `rowspan` above carries into this row from `column` on; the next free column."""
    while column in spans:
        left, value = spans[column]
        cells.append(value)
        if left <= 1:
            del spans[column]
        else:
            spans[column] = (left - 1, value)
        column += 1
    return column


def matches(label: float, size: float, exact: bool) -> bool:
    """Whether a row's size label is the asked size: equal for a size from a name, within
    `SIZE_TOLERANCE` for a parameter count."""
    if exact:
        return math.isclose(label, size, rel_tol=1e-9)
    return 1 / SIZE_TOLERANCE <= size / label <= SIZE_TOLERANCE


def row_size(table: Table, row: Row, skip: int) -> float | None:
    """The size a row is about: the first size label in its parameter column, else in its
    other cells (the token column `skip` left out); None when the row names none or several."""
    column = table.column(_PARAM_HEADER)
    if column is not None and column < len(row.cells):
        labels = size_labels(row.cells[column])
        if labels:
            return labels[0]
    others = {s for i, c in enumerate(row.cells) if i != skip for s in size_labels(c)[:1]}
    return others.pop() if len(others) == 1 else None


def precise_parameters(cell: str) -> float | None:
    """The most precise size a parameter cell gives (`1B (1.23B)` -> 1.23e9)."""
    labels = size_labels(cell)
    return max(labels, key=lambda v: len(f"{v:g}")) if labels else None


def token_tables(text: str) -> list[tuple[Table, int]]:
    """The tables with a training-token column (`Tokens`, `Training Tokens`, `Token count`),
    with that column's index; context lengths, speeds and batch sizes are not it."""
    found = []
    for table in tables(text) + html_tables(text):
        column = table.column(_TOKEN_HEADER, _NOT_TRAINING)
        if column is not None:
            found.append((table, column))
    return found
