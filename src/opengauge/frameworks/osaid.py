"""The OSI Open Source AI Definition 1.0: pass or fail, from MOF-style component records.

The three required elements (data information, code, parameters) and the MOF components
behind each come from `data/osaid.yml`. An element is met when its components are listed under
acceptable terms (`osi`: an OSI-approved license; `osd`: the MOT's open lists, which add FSF-libre
and open data/document licenses). Components under `when_recorded` count when a release lists
them, but their absence alone does not fail the element. A release passes when all three
elements are met. Each failure names the element, its components and whether they are missing,
unlicensed or under terms that are not OSI-approved. License strings are read literally.

Order: pass before fail; then more elements met; then fewer blocking components; then name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from opengauge.frameworks import mof
from opengauge.frameworks.interface import Criterion, Framework, Group
from opengauge.model import Assessment, Evidence, Level, Rating

STATUS_TEXT = {"missing": "missing", "unlicensed": "listed without a license"}
TERMS_TEXT = {"osi": "OSI-approved", "osd": "OSI-approved or OSD-conformant"}


@dataclass(frozen=True)
class Element:
    """One required element of the definition and the components that satisfy it."""

    ref: str
    question: str
    rule: str
    terms: str
    components: tuple[str, ...]
    when_recorded: tuple[str, ...] = ()
    absent_note: str = ""


@cache
def _definition() -> dict[str, Any]:
    text = resources.files("opengauge.frameworks").joinpath("data", "osaid.yml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def elements() -> tuple[Element, ...]:
    """The three elements, in the definition's order."""
    return tuple(
        Element(ref=e["ref"], question=" ".join(e["question"].split()), rule=e["rule"],
                terms=e["terms"], components=tuple(e["components"]),
                when_recorded=tuple(e.get("when_recorded") or ()),
                absent_note=" ".join(str(e.get("absent_note") or "").split()))
        for e in _definition()["elements"]
    )


def acceptable(license_id: str | None, terms: str) -> bool:
    """Whether `license_id` (literal) meets `terms` (`osi` or `osd`)."""
    lists = mof.license_lists()
    if license_id is None:
        return False
    return license_id in lists.osi if terms == "osi" else lists.is_open(license_id)


def component_status(fact: mof.Listed | None, terms: str) -> str | None:
    """None when the component meets `terms`; else missing, unlicensed or not-osi-approved."""
    if fact is None or not fact.listed:
        return "missing"
    if mof.status_of(fact.license) == "unlicensed":
        return "unlicensed"
    return None if acceptable(fact.license, terms) else "not-osi-approved"


def _describe(name: str, status: str, license_id: str | None, terms: str) -> str:
    if status == "not-osi-approved":
        return f"{name} under '{license_id}', which is not {TERMS_TEXT[terms]}"
    return f"{name} {STATUS_TEXT[status]}"


@dataclass
class ElementResult:
    """How one release fares on one element."""

    element: Element
    met: bool
    blocking: dict[str, dict[str, Any]]
    satisfied: list[str]
    notes: list[str]

    def reason(self) -> str:
        ref = self.element.ref
        if self.met:
            return f"{ref}: met by {', '.join(self.satisfied)}"
        terms = self.element.terms
        parts = [_describe(n, b["status"], b["license"], terms) for n, b in self.blocking.items()]
        if self.element.rule == "any" and all(n in self.blocking for n in self.element.components):
            listed = ", ".join(self.element.components)
            return f"{ref} fails: none of {listed} is available under {TERMS_TEXT[terms]} " \
                   f"terms ({'; '.join(parts)})"
        return f"{ref} fails: {'; '.join(parts)}"


def judge(element: Element, facts: dict[str, mof.Listed]) -> ElementResult:
    """Apply one element's rule to a release's components."""
    statuses = {n: component_status(facts.get(n), element.terms) for n in element.components}
    good = [n for n, s in statuses.items() if s is None]
    if element.rule == "any":
        failing = {} if good else statuses
    else:
        failing = {n: s for n, s in statuses.items() if s is not None}
    notes = []
    for name in element.when_recorded:
        status = component_status(facts.get(name), element.terms)
        if status is None:
            good.append(name)
        elif status == "missing":
            notes.append(element.absent_note or f"{name} not recorded; its absence alone does not fail")
        else:
            failing[name] = status
    blocking = {
        n: {"status": s, "license": facts[n].license if n in facts and s != "missing" else None,
            "element": element.ref}
        for n, s in failing.items()
    }
    satisfied = [f"{n} ('{facts[n].license}')" for n in good]
    return ElementResult(element, not blocking, blocking, satisfied, notes)


def _evidence(element: Element, facts: dict[str, mof.Listed]) -> list[Evidence]:
    found = []
    for name in (*element.components, *element.when_recorded):
        first = facts[name].evidence[0]
        note = f"{name}: {first.note}" if first.note else name
        found.append(Evidence(first.source, first.locator, first.quote, note))
    return found


def _level(result: ElementResult) -> Level:
    if result.met:
        return "open"
    if any(b["status"] != "missing" for b in result.blocking.values()):
        return "closed"
    return "unknown"


class OpenSourceAIDefinition(Framework):
    """OSI's Open Source AI Definition 1.0, judged from Model Openness Tool records."""

    id = "osaid"
    source = "mot"
    kind = "verdict"
    citation = "Open Source Initiative. 2024. The Open Source AI Definition 1.0 (2024-10-28)."

    def __init__(self) -> None:
        definition = _definition()
        self.name = definition["name"]
        self.url = definition["url"]

    @property
    def criteria(self) -> list[Criterion]:
        return [
            Criterion(ref=e.ref, name=e.ref, group="required", question=e.question,
                      extra={"rule": e.rule, "terms": e.terms, "components": list(e.components),
                             "when_recorded": list(e.when_recorded)})
            for e in elements()
        ]

    @property
    def groups(self) -> list[Group]:
        return [Group(ref="required", name="Preferred form to make modifications",
                      criteria=tuple(e.ref for e in elements()))]

    def evaluate(self, assessment: Assessment) -> Assessment:
        facts = mof.listed_components(assessment)
        results = [judge(e, facts) for e in elements()]
        passed = all(r.met for r in results)
        reasons = [r.reason() for r in results if not r.met] + [r.reason() for r in results if r.met]
        reasons += [note for r in results for note in r.notes]
        blockers = {n: b for r in results for n, b in r.blocking.items()}
        ratings = [Rating(r.element.ref, _level(r), _evidence(r.element, facts)) for r in results]
        return assessment.evolve(
            framework=self.id, ratings=ratings, score=None, groups={}, coverage=None,
            klass=None, progress=None, blockers=blockers, warnings=[],
            verdict="pass" if passed else "fail", reasons=reasons,
        )

    def order_key(self, assessment: Assessment) -> Any:
        met = sum(1 for r in assessment.ratings if r.level == "open")
        return (0 if assessment.verdict == "pass" else 1, -met, len(assessment.blockers or {}),
                assessment.subject.name.casefold(), assessment.source_file or "")

    def describe(self) -> dict[str, Any]:
        described = super().describe()
        described["result"] = {"verdict": "pass or fail", "terms": {
            "osi": "an OSI-approved license (licenses.json)",
            "osd": "OSI-approved, FSF-libre or an open data/document license (the MOT's open lists)"}}
        return described


@cache
def framework() -> OpenSourceAIDefinition:
    """The framework instance."""
    return OpenSourceAIDefinition()
