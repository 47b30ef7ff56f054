"""Wording of the EU AI Act exemption section (`check --eu-ai-act`) for table and Markdown.

The section comes from `compliance.eu_ai_act.evaluate` (docs/compliance.md); nothing here decides.
"""

from __future__ import annotations

from typing import Any

STATUS_STYLE = {"likely-exempt": "green", "not-exempt": "red", "unknown": "dim",
                "out-of-scope": "dim"}
RESULT_STYLE = {"met": "green", "found": "green", "below": "green", "not-met": "red",
                "above": "red", "unknown": "dim", "likely-gpai": "", "likely-not-gpai": "dim"}


def headline(section: dict[str, Any]) -> str:
    """'EU AI Act open-source exemption (Art. 53(2)): not-exempt'."""
    return f"EU AI Act open-source exemption (Art. 53(2)): {section.get('status', 'unknown')}"


def where(evidence: dict[str, Any]) -> str:
    """'LICENSE:81', a URL, or a field name."""
    loc = evidence.get("locator") or {}
    if loc.get("url"):
        return str(loc["url"])
    if loc.get("file"):
        return f"{loc['file']}:{loc['line']}" if loc.get("line") else str(loc["file"])
    return str(loc.get("field") or evidence.get("source") or "")


def evidence_line(evidence: dict[str, Any]) -> str:
    """One piece of evidence: where, then the quote and note."""
    quote, note = evidence.get("quote"), evidence.get("note")
    text = f"\"{quote}\" ({note})" if quote and note else (f"\"{quote}\"" if quote else note or "")
    return " — ".join(p for p in (where(evidence), text) if p)


def item_lines(item: dict[str, Any], limit: int = 3) -> tuple[str, list[str]]:
    """A criterion or obligation: its headline and up to `limit` evidence lines."""
    head = f"{item['id']} ({item['article']}): {item['result']}"
    lines = [item["note"]] if item.get("note") else []
    lines += [evidence_line(e) for e in (item.get("evidence") or [])[:limit]]
    more = len(item.get("evidence") or []) - limit
    if more > 0:
        lines.append(f"… {more} more (see --format json)")
    return head, lines


def risk_lines(risk: dict[str, Any]) -> tuple[str, list[str]]:
    """The systemic-risk estimate: headline, the numbers and their sources."""
    head = f"systemic risk (Art. 51(2), > {risk.get('threshold', 1e25):.0e} FLOP): {risk['result']}"
    lines = [risk["note"]] if risk.get("note") else []
    lines += [evidence_line(e) for e in risk.get("evidence") or []]
    return head, lines


def scope_lines(scope: dict[str, Any], exemption: str | None) -> tuple[str, list[str]]:
    """Whether the model is a general-purpose AI model: headline, the reason and its sources."""
    reason = f" ({scope['reason']})" if scope.get("reason") else ""
    head = f"scope (general-purpose AI model, guidelines C(2025) 5045): {scope['result']}{reason}"
    lines = [scope["note"]] if scope.get("note") else []
    if exemption and scope.get("result") != "likely-gpai":
        lines.append(f"the criteria below, were it a general-purpose AI model: {exemption}")
    lines += [evidence_line(e) for e in (scope.get("evidence") or [])[:3]]
    return head, lines


def section_items(section: dict[str, Any]) -> list[tuple[str, list[str], str]]:
    """Every block of the section in order: (headline, lines, result for styling)."""
    blocks = []
    if section.get("scope"):
        scope = section["scope"]
        blocks.append((*scope_lines(scope, section.get("exemption")), scope.get("result", "unknown")))
    blocks += [(*item_lines(c), c["result"]) for c in section.get("criteria") or []]
    risk = section.get("systemic_risk") or {}
    if risk:
        blocks.append((*risk_lines(risk), risk.get("result", "unknown")))
    for item in section.get("remaining_obligations") or []:
        head, lines = item_lines(item)
        blocks.append((f"remains even when exempt: {head}", lines, item["result"]))
    return blocks
