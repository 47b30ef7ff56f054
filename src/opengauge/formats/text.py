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


CLASS_NUMERALS = {1: "I", 2: "II", 3: "III"}
CLASS_NAMES = {1: "Open Science Model", 2: "Open Tooling Model", 3: "Open Model"}


def class_text(klass: int | None, *, long: bool = False) -> str:
    """'Class II' (long: 'Class II (Open Tooling Model)'), or 'unclassified'."""
    if not klass:
        return "unclassified"
    text = f"Class {CLASS_NUMERALS.get(klass, klass)}"
    return f"{text} ({CLASS_NAMES[klass]})" if long and klass in CLASS_NAMES else text


def progress_text(progress: dict[str, float] | None) -> str:
    """'III 100% · II 60% · I 0%' (the MOT's gated per-class progress)."""
    if not progress:
        return ""
    return " · ".join(f"{CLASS_NUMERALS[int(k)]} {progress[k]:.0f}%"
                      for k in ("3", "2", "1") if k in progress)


def blockers_text(record: dict[str, Any]) -> str:
    """'blocks Class II: Training code (missing), Evaluation data (not-open: CC-BY-NC-4.0)'."""
    blockers = record.get("blockers") or {}
    if not blockers:
        return ""
    parts = []
    for name, b in blockers.items():
        status = b.get("status", "?")
        lic = b.get("license")
        parts.append(f"{name} ({status}: {lic})" if lic and status != "unlicensed" else f"{name} ({status})")
    if record.get("verdict") is not None:
        return "blocks a pass: " + ", ".join(parts)
    target = record.get("next_class")
    return f"blocks {class_text(target)}: " + ", ".join(parts)


def result_lines(record: dict[str, Any]) -> list[str]:
    """What explains a class or verdict: blockers, reasons, warnings, other releases."""
    lines = []
    if record.get("verdict") is not None:
        lines += list(record.get("reasons") or [])
    elif record.get("class") is not None and record.get("blockers"):
        lines.append(blockers_text(record))
    lines += [f"warning: {w}" for w in record.get("warnings") or []]
    if record.get("related"):
        lines.append("other releases in the catalog: " + ", ".join(record["related"]))
    return lines


def transparency_text(context: dict[str, Any] | None) -> str:
    """'FMTI score of the developer (Meta), not of this model: 2023 54/100, 2024 60/100, ...'."""
    if not context:
        return ""
    scores = ", ".join(f"{s['edition']} {s['score']}/{s['max']} (rank {s['rank']} of {s['of']})"
                       for s in context.get("scores") or [])
    return f"{context.get('label', 'FMTI score of the developer')}: {scores}"


def score_text(kind: str, record: dict[str, Any] | None = None, *, header: bool = False,
               long: bool = False) -> str:
    """The result column: a score, a class or a verdict."""
    if header:
        return {"class": "class", "verdict": "verdict"}.get(kind, "score")
    record = record or {}
    if record.get("verdict") is not None:
        text = str(record["verdict"])
    elif record.get("class") is not None:
        text = class_text(record["class"], long=long)
        if long and record.get("progress"):
            text += f"   progress {progress_text(record['progress'])}"
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
    """'Llama 2 (Meta) — weights available under ... (MOT Model parameters (Final)), NOT open
    source' (`verdict.headline_text`)."""
    from opengauge.verdict import headline_text

    return headline_text(report["name"], report.get("org"), report.get("summary") or {})


def disagreement_lines(comparison: dict[str, Any] | None) -> list[str]:
    """Where the curated record and the automatic assessment disagree, one line."""
    if not comparison:
        return []
    parts = [f"{d['dimension']} {d['curated']} → {d['automatic']}" for d in comparison["disagree"]]
    head = (f"curated vs automatic: {comparison['agree']} agree, {len(parts)} disagree, "
            f"{comparison['unrated']} not rated automatically")
    return [head + (f": {', '.join(parts)}" if parts else "")]


def gate_lines(gate: dict[str, Any] | None) -> list[str]:
    """The release gate's outcome, one line per requirement."""
    if not gate:
        return []
    return [f"{'pass' if r['passed'] else 'FAIL'}  {r['requirement']}: {r['reason']}"
            for r in gate.get("requirements") or []]
