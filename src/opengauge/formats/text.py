"""Wording shared by the human-readable formats (table, Markdown)."""

from __future__ import annotations

from functools import cache
from typing import Any

from opengauge import frameworks

LEVEL_GLYPH = {"open": "●", "partial": "◐", "closed": "○", "unknown": "?"}
LEVEL_STYLE = {"open": "green", "partial": "yellow", "closed": "red", "unknown": "dim"}

WEIGHTS_PHRASE = {
    "open": "open weights",
    "partial": "weights available with restrictions",
    "closed": "closed weights",
    "unknown": "weights unknown",
}


def abbreviations(framework: Any) -> dict[str, str]:
    """Column headers for a framework's criteria: their position, 1-based."""
    return {c.ref: str(i) for i, c in enumerate(framework.criteria, start=1)}


@cache
def criteria_names(framework_id: str) -> dict[str, str]:
    """Criterion ref -> display name, plus '__name__' -> the framework's name."""
    try:
        framework = frameworks.get(framework_id)
    except Exception:
        return {"__name__": framework_id}
    names = {c.ref: c.name for c in framework.criteria}
    names["__name__"] = framework.name
    return names


def score_text(kind: str, record: dict[str, Any] | None = None, *, header: bool = False,
               long: bool = False) -> str:
    """The result column: a score, a class or a verdict."""
    if header:
        return {"class": "class", "verdict": "verdict"}.get(kind, "score")
    record = record or {}
    if record.get("verdict") is not None:
        text = str(record["verdict"])
    elif record.get("class") is not None:
        text = f"class {record['class']}" if record["class"] else "unclassified"
    elif record.get("score") is not None:
        maximum = 14 if record.get("framework") == "ouc-2023" else 1
        text = f"{record['score']:.2f}" if maximum == 1 else f"{record['score']:g}/{maximum}"
    else:
        text = "unknown"
    if long and record.get("rank"):
        text += f"   rank {record['rank']}/{record['of']}"
        if record.get("coverage") is not None:
            text += f"   coverage {record['coverage']:.0%}"
    return text


def headline(report: dict[str, Any]) -> str:
    """'Llama 2 (Meta) — open weights, NOT open source'."""
    summary = report.get("summary") or {}
    weights = WEIGHTS_PHRASE.get(summary.get("weights") or "unknown", "weights unknown")
    verdict = {True: "open source", False: "NOT open source"}.get(
        summary.get("open_source"), "open source status unknown")
    org = f" ({report['org']})" if report.get("org") else ""
    return f"{report['name']}{org} — {weights}, {verdict}"
