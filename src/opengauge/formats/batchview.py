"""The summary row of one batch target, shared by the table, Markdown and CSV formats."""

from __future__ import annotations

from typing import Any

from opengauge.model import tri_state

COLUMNS = ("target", "status", "weights", "open source", "osai", "mof", "osaid", "license",
           "findings", "gate")


def _entry(record: dict[str, Any], framework_id: str) -> dict[str, Any]:
    automatic = record.get("automatic") or {}
    return automatic.get(framework_id) or (record.get("frameworks") or {}).get(framework_id) or {}


def row(record: dict[str, Any]) -> dict[str, str]:
    """Display values of one batch record (`batch_document`)."""
    if record.get("status") != "done":
        return {"target": record["target"], "status": f"failed ({record.get('exit_code')})",
                "weights": "", "open source": "", "osai": "", "mof": "", "osaid": "",
                "license": (record.get("error") or "")[:80], "findings": "", "gate": ""}
    summary = record.get("summary") or {}
    osai = _entry(record, "osai").get("score")
    klass = _entry(record, "mof").get("class")
    findings = record.get("findings") or []
    errors = sum(1 for f in findings if f.get("severity") == "error")
    gate = record.get("gate")
    return {
        "target": record["target"],
        "status": "done" + (" (earlier run)" if record.get("resumed") else ""),
        "weights": str(summary.get("weights") or "unknown"),
        "open source": tri_state(summary.get("open_source"), "yes", "no", "unknown"),
        "osai": f"{osai:.2f}" if isinstance(osai, int | float) else "",
        "mof": ("unclassified" if klass == 0 else f"Class {'I' * klass}") if isinstance(klass, int)
        else "",
        "osaid": str(_entry(record, "osaid").get("verdict") or ""),
        "license": str((record.get("license") or {}).get("name") or "unknown"),
        "findings": f"{len(findings)} ({errors} errors)" if findings else "0",
        "gate": "" if gate is None else ("pass" if gate.get("passed") else "FAIL"),
    }
