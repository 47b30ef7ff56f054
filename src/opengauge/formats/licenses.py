"""Wording of `opengauge license` results for the human-readable formats and CSV.

Records are `LicenseResult.to_dict()` (see docs/licenses.md); nothing here decides anything.
"""

from __future__ import annotations

import re
from typing import Any

from opengauge.model import tri_state

QUOTE_WIDTH = 80
KIND_WIDTH = 20
_NUMBER = re.compile(r"\b(\d[\d,]*(?:\.\d+)?)\s*(million|billion|thousand)?")
_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9}


def _value(match: re.Match[str]) -> float | None:
    try:
        return float(match.group(1).replace(",", "")) * _SCALE.get(match.group(2) or "", 1)
    except ValueError:
        return None


def analysis_phrase(record: dict[str, Any]) -> str:
    """The analyzer's reading of a curated license name, for `check`; for an automatic
    assessment (`{"results": [...]}`, one per declaration) every license named, and NOT open
    source as soon as one declaration is not."""
    found = record.get("results")
    results: list[dict[str, Any]] = found if isinstance(found, list) else [record]
    names = ", ".join(dict.fromkeys(m["name"] for r in results for m in r.get("matches") or []))
    verdicts = [r.get("open_source") for r in results]
    verdict = "NOT open source" if False in verdicts else (
        "open source" if True in verdicts else "open source status unknown")
    return f"{names or 'not recognized'} — {verdict}"


def governing_phrase(record: dict[str, Any]) -> str:
    """A governing text of a catalog model (`license.texts`): what it is, the verdict, the
    restrictions by kind and line, and why it applies."""
    names = ", ".join(dict.fromkeys(m["name"] for m in record.get("matches") or [])) \
        or str(record.get("label") or "not recognized")
    verdict = tri_state(record.get("open_source"), "open source", "NOT open source",
                        "open source status unknown")
    found = [f"{r['kind']} (line {r['lines'][0]})" if r.get("lines") else r["kind"]
             for r in record.get("restrictions") or []]
    phrase = f"{names} ({record.get('kind') or 'license'}) — {verdict}"
    if found:
        phrase += ": " + ", ".join(found)
    return phrase + (f"; from {record['why']}" if record.get("why") else "")


def title(record: dict[str, Any]) -> str:
    """The input the result is about: its path, the id looked up, or standard input."""
    if record.get("id") is not None and record.get("path") is None:
        return f"--id {record['id']}"
    return "(standard input)" if record.get("path") == "-" else str(record.get("path"))


def match_how(match: dict[str, Any]) -> str:
    """How the license was found: 'exact match', '93% match, lines 3-40', 'named, line 2: ...'."""
    lines = match.get("lines")
    where = ""
    if lines:
        where = f", line {lines[0]}" if lines[0] == lines[1] else f", lines {lines[0]}-{lines[1]}"
    via = match.get("via")
    if via == "exact":
        how = "exact match"
    elif via == "text":
        how = f"{match['score']:.0%} match{where}"
        if match.get("coverage") is not None and match["coverage"] < 0.95:
            how += f" ({match['coverage']:.0%} of the text)"
    elif via == "reference":
        how = f"named{where}" + (f": {match['statement'][:60]}" if match.get("statement") else "")
    else:
        how = "registry entry"
    return how


def match_line(match: dict[str, Any]) -> str:
    """'Llama 3.2 Community License Agreement (Meta) — exact match'."""
    owner = f" ({match['owner']})" if match.get("owner") else ""
    name = match["name"]
    if match.get("members") is not None:
        name += " (family; version unknown)"
    spdx = f" [{match['spdx']}]" if match.get("spdx") else ""
    return f"{name}{owner}{spdx} — {match_how(match)}"


def verdict_line(record: dict[str, Any]) -> str:
    """'NOT open source — conflicts with OSD 5, 6', 'open source — OSI approved', ..."""
    value, basis = record.get("open_source"), record.get("basis")
    if value is True:
        reason = {"osi-approved": "OSI approved",
                  "fsf-libre": "FSF free (libre)"}.get(basis or "",
                                                      "grants use, modification and redistribution; "
                                                      "no conflicting clause")
        return f"open source — {reason}"
    if value is False:
        criteria = ", ".join(str(v["osd"]) for v in record.get("osd_violations") or [])
        return f"NOT open source — conflicts with OSD {criteria}"
    return "open source status unknown"


def short_quote(finding: dict[str, Any], width: int = QUOTE_WIDTH) -> str:
    """The quote cut to `width` characters, centred on the threshold when there is one."""
    quote = finding.get("quote") or ""
    if len(quote) <= width:
        return f'"{quote}"'
    centre = 0
    amount = (finding.get("value") or {}).get("amount")
    if amount:
        centre = next((m.start() for m in _NUMBER.finditer(quote) if _value(m) == amount), 0)
    start = max(0, min(centre - width // 2, len(quote) - width))
    text = quote[start:start + width].strip()
    return f'"{"..." if start else ""}{text}{"..." if start + width < len(quote) else ""}"'


def finding_line(finding: dict[str, Any]) -> str:
    lines = finding["lines"]
    where = f"line {lines[0]}" if lines[0] == lines[1] else f"lines {lines[0]}-{lines[1]}"
    if finding.get("source"):
        where += f" of {finding['source']}"
    osd = "OSD " + ", ".join(map(str, finding["osd"])) if finding["osd"] else "informational"
    return f"{finding['kind']:<{KIND_WIDTH}} {where:<10} {short_quote(finding)}  {osd}"


def ordered_findings(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Restrictions that conflict with the OSD first, then the informational ones."""
    return sorted(record.get("restrictions") or [], key=lambda f: (not f["osd"], f["lines"][0]))


def text_lines(record: dict[str, Any]) -> list[str]:
    """The plain-text block of one result (used by the table format)."""
    lines = [title(record)]
    if record.get("error"):
        return [*lines, f"  error: {record['error']}"]
    lines += [match_line(m) for m in record.get("matches") or []]
    if not record.get("matches"):
        lines.append(record.get("note") or "no license found")
    elif record.get("note"):
        lines.append(f"also {record['note']}")
    elif record.get("closest"):
        closest = record["closest"]
        lines.append(f"also unknown text (lines {closest['lines'][0]}-{closest['lines'][1]}), "
                     f"closest: {closest['name']} ({closest['score']:.2f})")
    lines.append(verdict_line(record))
    lines += [f"  {finding_line(f)}" for f in ordered_findings(record)]
    lines += [f"  warning: {w}" for w in record.get("warnings") or []]
    return lines


CSV_COLUMNS = ["path", "id", "identified", "licenses", "spdx", "names", "score", "lines",
               "open_source", "basis", "osd_violations", "restrictions", "closest", "note",
               "error"]


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """One CSV row per result; several matches are joined with ';'."""
    matches = record.get("matches") or []
    closest = record.get("closest") or {}
    return {
        "path": record.get("path"),
        "id": record.get("id"),
        "identified": record.get("identified"),
        "licenses": ";".join(m["key"] or m.get("family") or "" for m in matches),
        "spdx": ";".join(m["spdx"] or "" for m in matches),
        "names": ";".join(m["name"] for m in matches),
        "score": ";".join(f"{m['score']:g}" for m in matches),
        "lines": ";".join(f"{m['lines'][0]}-{m['lines'][1]}" if m.get("lines") else ""
                          for m in matches),
        "open_source": record.get("open_source"),
        "basis": record.get("basis"),
        "osd_violations": ";".join(str(v["osd"]) for v in record.get("osd_violations") or []),
        "restrictions": ";".join(f"{f['kind']}@{f['lines'][0]}" for f in
                                 record.get("restrictions") or []),
        "closest": f"{closest['key']} ({closest['score']:.2f})" if closest else "",
        "note": record.get("note"),
        "error": record.get("error"),
    }
