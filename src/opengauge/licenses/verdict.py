"""Is it open source? The verdict against the Open Source Definition.

- `true`, basis `osi-approved`: every license found is OSI-approved (SPDX license list) and
  nothing else in the text restricts.
- `true`, basis `clause-analysis`: the text grants use, modification and redistribution (or
  dedicates the work to the public domain) and no finding conflicts with an OSD criterion.
- `false`, basis `clause-analysis`: findings conflict with OSD criteria (`osd_violations`
  lists each criterion and the findings behind it).
- `null`: not enough to tell (no license text, no grant, a license known by name only).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from opengauge.licenses.clauses import Finding
from opengauge.licenses.lazyre import Lazy
from opengauge.licenses.sentences import Sentence

OSD_NAMES = {
    1: "Free Redistribution",
    2: "Source Code",
    3: "Derived Works",
    4: "Integrity of The Author's Source Code",
    5: "No Discrimination Against Persons or Groups",
    6: "No Discrimination Against Fields of Endeavor",
    7: "Distribution of License",
    8: "License Must Not Be Specific to a Product",
    9: "License Must Not Restrict Other Software",
    10: "License Must Be Technology-Neutral",
}

_GRANT = Lazy(
    r"\b(?:hereby\s+grants?|(?:is|are)\s+(?:hereby\s+)?granted|grants?\s+(?:to\s+)?(?:you|licensee|"
    r"the\s+licensee|each\s+recipient|recipients?)|you\s+(?:may|can|are\s+free\s+to)\b(?!\s+not)|"
    r"permission\s+to|licensor\s+grants|(?:is|are)\s+permitted|free\s+to|anyone\s+is\s+free|right\s+to|"
    r"license\s+to)")
_NEGATED = Lazy(r"\b(?:may|shall|must|will|do|does|can|are|is)\s+not\b[^.;]*|\bcannot\b[^.;]*")
_USE = Lazy(r"\b(?:use|using|run|execute|reproduce|copy|copies|deal\s+in|perform|display)\b")
_MODIFY = Lazy(r"\b(?:modify|modifications?|modified|adapt|adaptations?|adapted|derivative\s+works?|"
                     r"derivatives?|alter|remix|transform|build\s+upon|merge|translate|improve)\b")
_SHARE = Lazy(r"\b(?:distribute|redistribute|redistribution|distribution|sublicense|publish|"
                    r"share|convey|propagate|make\s+available)\b")
_PUBLIC_DOMAIN = Lazy(
    r"\bdedicate[sd]?\b[^.;]{0,100}\bpublic\s+domain|\breleased?\s+(?:in)?to\s+the\s+public\s+domain|"
    r"\bwaives?\b[^.;]{0,100}\b(?:copyright|related\s+rights)|public\s+domain\s+dedication|"
    r"\bno\s+rights\s+reserved\b")


def _has(text: str, *words: str) -> bool:
    return any(word in text for word in words)


def grants(sentences: Iterable[Sentence]) -> set[str]:
    """Which of `use`, `modify`, `redistribute` the text grants (all three for a dedication)."""
    found: set[str] = set()
    for sentence in sentences:
        text = sentence.plain
        if _has(text, "public domain", "waive", "no rights reserved") and _PUBLIC_DOMAIN.search(text):
            return {"use", "modify", "redistribute"}
        if not _has(text, "grant", "you may", "you can", "free to", "permi", "right to",
                    "license to") or not _GRANT.search(text):
            continue
        text = _NEGATED.sub(" ", text)
        for name, pattern in (("use", _USE), ("modify", _MODIFY), ("redistribute", _SHARE)):
            if pattern.search(text):
                found.add(name)
    return found


@dataclass
class Verdict:
    """The answer and what it rests on."""

    open_source: bool | None = None
    basis: str | None = None
    violations: list[dict[str, Any]] = field(default_factory=list)


def violations(findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """Each OSD criterion in conflict, with the findings behind it (by kind and lines)."""
    by_criterion: dict[int, list[dict[str, Any]]] = {}
    for finding in findings:
        for criterion in finding.osd:
            entry: dict[str, Any] = {"kind": finding.kind, "lines": list(finding.lines)}
            if getattr(finding, "source", None):
                entry["source"] = finding.source
            if entry not in by_criterion.setdefault(criterion, []):
                by_criterion[criterion].append(entry)
    return [{"osd": c, "name": OSD_NAMES[c], "findings": by_criterion[c]} for c in sorted(by_criterion)]


def decide(findings: list[Finding], osi_approved: list[bool], granted: set[str]) -> Verdict:
    """The verdict from the restricting findings, the OSI flags of the licenses found (one per
    license-kind match) and the rights the text grants."""
    restricting = [f for f in findings if f.osd]
    if restricting:
        return Verdict(False, "clause-analysis", violations(restricting))
    if osi_approved and all(osi_approved):
        return Verdict(True, "osi-approved")
    if {"use", "modify", "redistribute"} <= granted:
        return Verdict(True, "clause-analysis")
    return Verdict()


def judge_text(findings: list[Finding], licenses: list[Any], unexplained: bool | list,
               where: str = "") -> tuple[Verdict, str | None]:
    """The verdict on a text from all its parts, and the reason when it is unknown.

    `licenses`: the license texts found in it or named by it (objects with `name`,
    `osi_approved`, `fsf_libre`); `unexplained`: whether some of it is no known text
    (`where` names those lines). In order: a restricting finding anywhere makes it `false`;
    unexplained text makes it `null`, never `true`; so does a license that is neither
    OSI-approved nor FSF-libre; a text wholly explained by OSI-approved or FSF-libre
    licenses is `true` (basis `osi-approved` when all are OSI-approved, else `fsf-libre`).
    """
    restricting = [f for f in findings if f.osd]
    if restricting:
        return Verdict(False, "clause-analysis", violations(restricting)), None
    if unexplained:
        verb = "is" if where.startswith("line ") else "are"
        return Verdict(), f"unknown: {where} {verb} not a known license"
    if not licenses:
        return Verdict(), None
    for item in licenses:
        if not (item.osi_approved or item.fsf_libre):
            return Verdict(), f"unknown: {item.name} is neither OSI-approved nor FSF-libre"
    if all(item.osi_approved for item in licenses):
        return Verdict(True, "osi-approved"), None
    return Verdict(True, "fsf-libre"), None
