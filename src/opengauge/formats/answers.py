"""Wording of `can-i` answers for the human-readable formats and CSV.

Records come from `compliance.can_i.can_i` (docs/compliance.md); nothing here decides.
"""

from __future__ import annotations

import json
from typing import Any

from opengauge.model import tri_state

ANSWER_STYLE = {"yes": "green", "conditional": "yellow", "no": "red", "unknown": "dim"}
CSV_COLUMNS = ["target", "id", "question", "asked", "value", "answer", "scope", "reason",
               "conditions", "exceptions", "thresholds", "clauses", "texts", "notice"]


def title(record: dict[str, Any]) -> str:
    """'Llama 2 (catalog): can I ...?'."""
    name = record.get("name") or record.get("target")
    return f"Can I ...? {name} ({record.get('kind')})"


def where(clause: dict[str, Any]) -> str:
    """'LICENSE:65-71'."""
    lines = clause.get("lines") or []
    span = "" if not lines else (f":{lines[0]}" if lines[0] == lines[-1] else f":{lines[0]}-{lines[-1]}")
    return f"{clause.get('file') or clause.get('text')}{span}"


def text_line(text: dict[str, Any]) -> str:
    """One governing text: its licenses, kind, and why it was used."""
    names = ", ".join(dict.fromkeys(str(m.get("name") or m.get("key")) for m in text.get("licenses") or []))
    verdict = tri_state(text.get("open_source"), "open source", "not open source",
                        "open source status unknown")
    what = names or text.get("note") or "not identified"
    where = text.get("path") or text.get("label")
    return f"{text.get('kind')}: {what} — {verdict}; {text.get('why')} [{where}]"


def answer_lines(answer: dict[str, Any]) -> list[str]:
    """The answer's details under its headline: reason, thresholds, conditions, clauses."""
    lines = [answer.get("reason") or ""]
    lines += [f"threshold: {t['text']}" + (f" ({t['note']})" if t.get("note") else "")
              for t in answer.get("thresholds") or [] if t.get("text")]
    lines += [f"exception: {e}" for e in answer.get("exceptions") or []]
    for clause in answer.get("clauses") or []:
        lines.append(f"{where(clause)} [{clause.get('kind')}] \"{clause.get('quote')}\"")
    return [line for line in lines if line]


def headline(answer: dict[str, Any]) -> str:
    """'users (serve 800,000,000 monthly active users): NO'."""
    scope = f" — for {answer['scope']}" if answer.get("scope") else ""
    return f"{answer['question']} ({answer['asked']}): {answer['answer'].upper()}{scope}"


def csv_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per answer, every row with the notice."""
    texts = "; ".join(f"{t.get('label')} ({t.get('kind')})" for t in record.get("texts") or [])
    rows = []
    for answer in record.get("answers") or []:
        rows.append({
            "target": record.get("target"), "id": record.get("id"), "question": answer["question"],
            "asked": answer["asked"], "value": answer.get("value"), "answer": answer["answer"],
            "scope": answer.get("scope"), "reason": answer.get("reason"),
            "conditions": " | ".join(answer.get("conditions") or []),
            "exceptions": " | ".join(answer.get("exceptions") or []),
            "thresholds": " | ".join(t.get("text") or json.dumps(t.get("limit"))
                                     for t in answer.get("thresholds") or []),
            "clauses": " | ".join(f"{where(c)} {c.get('kind')}" for c in answer.get("clauses") or []),
            "texts": texts, "notice": record.get("notice")})
    return rows
