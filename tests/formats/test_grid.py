"""The column grid of long tables: widths, cut cells, wide characters and styles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from opengauge.formats.grid import Column, grid


def test_columns_line_up_and_long_cells_are_cut() -> None:
    columns = [Column("#", "right"), Column("org", max_width=10), Column("x", "center")]
    rows = [["1", "Beijing Academy of Artificial Intelligence（BAAl）", Text("●", style="green")],
            ["10", "Ai2", "?"]]
    lines = grid(columns, rows).plain.splitlines()
    assert lines[0] == " #  org         x"
    assert lines[1] == " 1  Beijing A…  ●"
    assert lines[2] == "10  Ai2         ?"


def test_styles_survive() -> None:
    text = grid([Column("a"), Column("b")], [["x", Text("●", style="green")]])
    styled = [text.plain[s.start:s.end] for s in text.spans if str(s.style) == "green"]
    assert styled == ["●"]


@settings(max_examples=60)
@given(st.lists(st.lists(st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
                         min_size=3, max_size=3), max_size=8))
def test_every_row_is_as_wide_as_its_cells_allow(rows: list[list[str]]) -> None:
    rows = [[" ".join(c.split()) for c in row] for row in rows]  # cells are single lines
    columns = [Column("a", max_width=12), Column("b", "right"), Column("c", "center")]
    lines = grid(columns, rows).plain.split("\n")[:-1]
    assert len(lines) == len(rows) + 1
    widths = [max([1] + [min(cell_len(r[0]), 12) for r in rows]),
              max([1] + [cell_len(r[1]) for r in rows])]
    for line, row in zip(lines[1:], rows, strict=True):
        assert cell_len(line) <= sum(widths) + 4 + max([1] + [cell_len(r[2]) for r in rows])
        if row[1]:
            assert row[1] in line
