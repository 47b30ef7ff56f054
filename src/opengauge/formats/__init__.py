"""Formats render Documents; they compute nothing a framework should."""

from __future__ import annotations

from opengauge.errors import BadInput
from opengauge.formats.interface import Format

NAMES = ("table", "json", "jsonl", "csv", "markdown")


def get(name: str, *, color: bool = False, width: int | None = None) -> Format:
    """The format called `name`."""
    if name == "table":
        from opengauge.formats.table import TableFormat

        return TableFormat(color=color, width=width)
    if name == "json":
        from opengauge.formats.json import JsonFormat

        return JsonFormat()
    if name == "jsonl":
        from opengauge.formats.json import JsonLinesFormat

        return JsonLinesFormat()
    if name == "csv":
        from opengauge.formats.csv import CsvFormat

        return CsvFormat()
    if name == "markdown":
        from opengauge.formats.markdown import MarkdownFormat

        return MarkdownFormat()
    raise BadInput(f"unknown format '{name}' (expected one of: {', '.join(NAMES)})")
