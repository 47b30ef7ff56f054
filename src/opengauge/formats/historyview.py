"""The row of one stored check (`history`), shared by the table, Markdown and CSV formats."""

from __future__ import annotations

from typing import Any

from opengauge.history import short_revision
from opengauge.model import tri_state

COLUMNS = ("#", "checked at", "revision", "data", "weights", "open source", "osai", "mof", "osaid",
           "license", "times")


def _snapshot(data: dict[str, Any]) -> str:
    text = str(data.get("snapshot") or data.get("layer") or "")
    commit = text.rsplit("@", 1)[1] if "@" in text else text
    return f"{data.get('source')}@{commit}" if commit else str(data.get("source"))


def _result(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "mof" and isinstance(value, int):
        return "unclassified" if value == 0 else f"Class {'I' * value}"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def row(record: dict[str, Any], *, full: bool = False) -> dict[str, str]:
    """Display values of one `history` record; `full` keeps whole revisions (CSV)."""
    summary = record.get("summary") or {}
    results = record.get("results") or {}
    return {
        "#": str(record["number"]),
        "checked at": record["checked_at"],
        "revision": (record.get("revision") or "") if full else short_revision(record.get("revision")),
        "data": ", ".join(_snapshot(d) for d in record.get("data") or []) or "—",
        "weights": str(summary.get("weights") or "unknown"),
        "open source": tri_state(summary.get("open_source"), "yes", "no", "unknown"),
        "osai": _result(results.get("osai"), "osai"),
        "mof": _result(results.get("mof"), "mof"),
        "osaid": _result(results.get("osaid"), "osaid"),
        "license": str(record.get("license") or "unknown"),
        "times": str(record.get("count", 1)),
    }
