"""Automatic OSI Open Source AI Definition verdicts from a model's repository.

The verdict comes from the same component record as the automatic MOF class
(`mof_rules.find`), judged by the same rules as the curated MOT records (`frameworks.osaid`).
One difference: a curated record that does not list a component means the curators found none,
so the release fails; in a repository, a component we could not find (or whose license we could
not read) is simply not known. So an automatic verdict is `pass`, `fail` when some element is
demonstrably not met (a component under terms that do not qualify), and otherwise `unknown`.
"""

from __future__ import annotations

from opengauge.frameworks import mof_rules, osaid
from opengauge.model import Assessment, Level, Rating, Subject
from opengauge.sources.dossier import Dossier

UNKNOWN_VERDICT = "unknown"


def _confidence(rating: Rating, found: dict[str, mof_rules.Found], element: osaid.Element) -> str | None:
    if rating.level == "unknown":
        return None
    names = (*element.components, *element.when_recorded)
    levels = [str(found[n].confidence) for n in names
              if n in found and found[n].license is not None and found[n].confidence]
    order = {"high": 2, "medium": 1, "low": 0}
    return min(levels, key=order.__getitem__) if levels else "low"


def _shown(level: Level, element: osaid.Element, found: dict[str, mof_rules.Found]) -> Level:
    """An element met by any one of its components fails only when every one of them is known
    not to qualify; while one is not known, the element is not known either."""
    if level == "closed" and element.rule == "any" and any(
            found[name].license is None for name in element.components):
        return "unknown"
    return level


def _reworded(reason: str, unshown: set[str]) -> str:
    """A curated reason in the words of a repository: 'not found', and 'not shown' for an
    element that is not known to fail."""
    reason = reason.replace(" missing", " not found")
    for element in unshown:
        if reason.startswith(f"{element} fails"):
            return f"{element} not shown" + reason[len(f"{element} fails"):]
    return reason


def assess(d: Dossier, subject: Subject) -> Assessment:
    """The OSAID verdict of the release: pass, fail or unknown, with reasons."""
    found = mof_rules.find(d)
    record = Assessment(subject=subject, framework="osaid",
                        ratings=mof_rules.component_ratings(found), provenance="automatic")
    judged = osaid.framework().evaluate(record)
    elements = {e.ref: e for e in osaid.elements()}
    ratings = [Rating(r.dimension, _shown(r.level, elements[r.dimension], found), r.evidence,
                      _confidence(r, found, elements[r.dimension]))  # type: ignore[arg-type]
               for r in judged.ratings]
    ratings = [Rating(r.dimension, r.level, r.evidence, None if r.level == "unknown" else
                      r.confidence) for r in ratings]
    blockers = {name: ({**b, "status": mof_rules.LICENSE_UNKNOWN}
                       if found.get(name) and found[name].present and b.get("status") == "missing"
                       else b)
                for name, b in (judged.blockers or {}).items()}
    verdict = judged.verdict
    unshown = {r.dimension for r in ratings if r.level == "unknown"}
    reasons = [_reworded(reason, unshown) for reason in judged.reasons or []]
    if verdict == "fail" and not any(r.level == "closed" for r in ratings):
        verdict = UNKNOWN_VERDICT
        reasons.insert(0, "not enough evidence for a verdict: no element is shown to fail, but "
                          "not every element is shown to be met")
    return judged.evolve(ratings=ratings, blockers=blockers, verdict=verdict, reasons=reasons)
