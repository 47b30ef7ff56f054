"""Rows of a diff record for the human-readable formats: (section, item, A, B)."""

from __future__ import annotations

import json
from typing import Any


def value_text(value: Any) -> str:
    """A compared value as short text ('—' for absent)."""
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value) or "—"
    if isinstance(value, dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)


def _restriction(item: dict[str, Any]) -> str:
    lines = item.get("lines") or []
    where = f" (lines {lines[0]}–{lines[-1]})" if lines else ""
    quote = f' "{item["quote"]}"' if item.get("quote") else ""
    value = f" {value_text(item['value'])}" if item.get("value") else ""
    return f"{item.get('kind')}{where}{value}{quote}"


def rows(record: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Every difference in `record` (a `Diff.to_dict()`), in display order."""
    out: list[tuple[str, str, str, str]] = []
    for change in record["subject"]:
        out.append(("subject", change["field"], value_text(change["a"]), value_text(change["b"])))
    for framework in record["frameworks"]:
        name = framework["framework"]
        if framework["a"] is None or framework["b"] is None:
            present = framework["a"] or framework["b"]
            side = "A" if framework["a"] else "B"
            text = f"only in {side}: score {value_text(present.get('score'))}"
            out.append((name, "record", text if side == "A" else "—", text if side == "B" else "—"))
            continue
        for change in framework["changes"]:
            out.append((name, change["field"], value_text(change["a"]), value_text(change["b"])))
        for rating in framework["ratings"]:
            out.append((name, rating["dimension"], value_text(rating["a"]), value_text(rating["b"])))
        if framework["same"]:
            out.append((name, "no change", "", ""))
    for change in record["license"]:
        out.append(("license", change["field"], value_text(change["a"]), value_text(change["b"])))
    out += [("license", "restriction added", "—", _restriction(r)) for r in record["restrictions_added"]]
    out += [("license", "restriction removed", _restriction(r), "—")
            for r in record["restrictions_removed"]]
    out += [("findings", "added", "—", f"{f.get('id')}: {f.get('message', '')}")
            for f in record["findings_added"]]
    out += [("findings", "removed", f"{f.get('id')}: {f.get('message', '')}", "—")
            for f in record["findings_removed"]]
    return out
