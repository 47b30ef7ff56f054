"""A plain column grid for long tables: rich's `Table` measures every cell several times, which
costs about a second for a 200-row leaderboard; this lays the columns out once."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.text import Text

Cell = str | Text


@dataclass(frozen=True)
class Column:
    """A column: its header, alignment (`left`, `right`, `center`) and widest cell."""

    header: str
    justify: str = "left"
    max_width: int | None = None


def _plain(cell: Cell) -> str:
    return cell.plain if isinstance(cell, Text) else cell


def _fit(text: str, width: int | None) -> str:
    """`text` cut to `width` cells with an ellipsis (None: as it is)."""
    if width is None or cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1) + "…"


def _place(text: str, width: int, justify: str) -> tuple[str, str]:
    """The padding before and after `text` in a cell `width` wide."""
    room = width - cell_len(text)
    if justify == "right":
        return " " * room, ""
    if justify == "center":
        return " " * (room // 2), " " * (room - room // 2)
    return "", " " * room


def grid(columns: list[Column], rows: list[list[Cell]], gap: int = 2,
         spanning: frozenset[int] = frozenset()) -> Text:
    """The header and rows as one `Text`, columns `gap` cells apart, styles kept. Rows whose
    index is in `spanning` are a heading: their first cell, whole, across the columns."""
    fitted = [[_fit(_plain(cell), col.max_width) for cell, col in zip(row, columns, strict=True)]
              for row in rows]
    widths = [max([cell_len(col.header)] + [cell_len(r[i]) for n, r in enumerate(fitted)
                                            if n not in spanning])
              for i, col in enumerate(columns)]
    out = Text()
    header = [Text(col.header, style="bold") for col in columns]
    lines: list[tuple[list[Cell], list[str]]] = [(list(header), [c.header for c in columns]),
                                                 *zip(rows, fitted, strict=True)]
    for index, (cells, texts) in enumerate(lines):
        if index - 1 in spanning:
            first = cells[0]
            out.append_text(first if isinstance(first, Text) else Text(first))
            out.append("\n")
            continue
        line = Text()
        for i, (cell, text, col) in enumerate(zip(cells, texts, columns, strict=True)):
            before, after = _place(text, widths[i], col.justify)
            line.append(before)
            line.append(text, style=cell.style if isinstance(cell, Text) else "")
            line.append(after + " " * gap)
        line.rstrip()
        out.append_text(line)
        out.append("\n")
    return out
