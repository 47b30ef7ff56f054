"""Release gates: `--require` and `--deny`, judged on a `check` report record.

Requirements (docs/rating-rules.md, "Release gates"):

- `open-source`: the summary says open source (`summary.open_source` is true);
- `osaid`: the OSAID verdict is `pass`;
- `mof-class=N` (N = 1, 2 or 3, or I, II, III): MOF Class N or better (1 is best);
- `FRAMEWORK>=X` (also `>`, `<=`, `<`, `=`): a scored framework's score, e.g. `osai>=0.5`;
- `FRAMEWORK:DIMENSION=LEVEL[,LEVEL]`: one rating's level, e.g. `osai:licenses=open`;
- `--deny ID`: no finding with that id.

An automatic assessment is judged when the report has one (it describes this very revision),
otherwise the curated record. A value that is unknown never satisfies a requirement.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import Any

from opengauge.errors import BadInput
from opengauge.model import LEVELS, tri_state

OPERATORS = {">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt,
             "=": operator.eq}
_SCORE = re.compile(r"^([a-z0-9-]+)\s*(>=|<=|>|<|=)\s*([0-9]*\.?[0-9]+)$")
_LEVEL = re.compile(r"^([a-z0-9-]+):(.+?)\s*=\s*([a-z,]+)$")
_CLASS = re.compile(r"^mof-class\s*=\s*(1|2|3|i|ii|iii)$", re.IGNORECASE)
ROMAN = {"i": 1, "ii": 2, "iii": 3}
SYNTAX = ("open-source, osaid, mof-class=1|2|3, FRAMEWORK>=SCORE (e.g. osai>=0.5) or "
          "FRAMEWORK:DIMENSION=LEVEL[,LEVEL] (e.g. osai:licenses=open)")


@dataclass(frozen=True)
class Requirement:
    """One parsed `--require` or `--deny`."""

    text: str
    kind: str
    """`open-source`, `osaid`, `mof-class`, `score`, `level` or `deny`."""
    framework: str | None = None
    op: str | None = None
    value: Any = None
    dimension: str | None = None


def parse(requires: list[str] | None = None, denies: list[str] | None = None) -> list[Requirement]:
    """Parse every requirement; BadInput (exit 2) naming the first malformed one."""
    from opengauge import frameworks
    from opengauge.assess.findings import FINDINGS

    parsed = []
    for raw in requires or []:
        text = raw.strip()
        lower = text.lower()
        if lower in ("open-source", "osaid"):
            parsed.append(Requirement(text, lower))
        elif match := _CLASS.match(text):
            number = match.group(1).lower()
            parsed.append(Requirement(text, "mof-class", "mof", "<=",
                                      ROMAN.get(number) or int(number)))
        elif lower.startswith("mof-class"):
            raise BadInput(f"--require '{text}': expected mof-class=1|2|3 (or I|II|III)")
        elif match := _SCORE.match(lower):
            framework_id, op, number = match.groups()
            if framework_id not in frameworks.ids() or frameworks.get(framework_id).kind != "score":
                scored = [f for f in frameworks.ids() if frameworks.get(f).kind == "score"]
                raise BadInput(f"--require '{text}': '{framework_id}' has no score (scored "
                               f"frameworks: {', '.join(scored)})")
            parsed.append(Requirement(text, "score", framework_id, op, float(number)))
        elif match := _LEVEL.match(text):
            framework_id, dimension, levels = match.groups()
            if framework_id not in frameworks.ids():
                raise BadInput(f"--require '{text}': unknown framework '{framework_id}' (expected "
                               f"one of: {', '.join(frameworks.ids())})")
            if frameworks.get(framework_id).criterion(dimension.strip()) is None:
                refs = ", ".join(c.ref for c in frameworks.get(framework_id).criteria)
                raise BadInput(f"--require '{text}': '{dimension.strip()}' is not a criterion of "
                               f"{framework_id} (expected one of: {refs})")
            wanted = tuple(level for level in levels.split(",") if level)
            if not wanted or any(level not in LEVELS for level in wanted):
                raise BadInput(f"--require '{text}': levels are open, partial, closed or unknown")
            parsed.append(Requirement(text, "level", framework_id, "in", wanted, dimension.strip()))
        else:
            raise BadInput(f"--require '{raw}': expected {SYNTAX}")
    for raw in denies or []:
        text = raw.strip()
        if text not in FINDINGS:
            raise BadInput(f"--deny '{raw}': unknown finding id (expected one of: "
                           f"{', '.join(FINDINGS)})")
        parsed.append(Requirement(text, "deny", value=text))
    return parsed


def _assessment(record: dict[str, Any], framework_id: str) -> dict[str, Any] | None:
    automatic = record.get("automatic") or {}
    if isinstance(automatic.get(framework_id), dict):
        return automatic[framework_id]
    return (record.get("frameworks") or {}).get(framework_id)


def check(record: dict[str, Any], requirement: Requirement) -> tuple[bool, Any, str]:
    """(passed, actual value, reason) of one requirement on one report record."""
    kind = requirement.kind
    if kind == "open-source":
        value = (record.get("summary") or {}).get("open_source")
        words = tri_state(value, "open source", "not open source", "open source status unknown")
        return value is True, value, words
    if kind == "deny":
        ids = [f.get("id") for f in record.get("findings") or []]
        hits = ids.count(requirement.value)
        return hits == 0, hits, f"{hits} finding(s) {requirement.value}" if hits else "none found"
    entry = _assessment(record, requirement.framework or "osaid")
    if entry is None:
        return False, None, f"no {requirement.framework or 'osaid'} assessment"
    if kind == "osaid":
        verdict = entry.get("verdict")
        return verdict == "pass", verdict, f"OSAID verdict: {verdict or 'unknown'}"
    if kind == "mof-class":
        klass = entry.get("class")
        passed = bool(klass) and klass <= requirement.value
        return passed, klass, f"MOF class: {klass or 'unclassified'}"
    if kind == "score":
        score = entry.get("score")
        passed = score is not None and OPERATORS[requirement.op or ">="](score, requirement.value)
        return passed, score, f"{requirement.framework} score {score if score is None else round(score, 3)}"
    level = (entry.get("ratings") or {}).get(requirement.dimension, "unknown")
    return level in requirement.value, level, f"{requirement.framework}:{requirement.dimension} {level}"


def evaluate(record: dict[str, Any], requirements: list[Requirement]) -> dict[str, Any]:
    """Every requirement's outcome and whether all passed."""
    results = []
    for requirement in requirements:
        passed, actual, reason = check(record, requirement)
        results.append({"requirement": requirement.text, "passed": passed, "actual": actual,
                        "reason": reason})
    return {"passed": all(r["passed"] for r in results), "requirements": results}


def failures(outcome: dict[str, Any]) -> list[str]:
    """'osai>=0.5 (osai score 0.25)' for every failed requirement."""
    return [f"{r['requirement']} ({r['reason']})" for r in outcome["requirements"] if not r["passed"]]
