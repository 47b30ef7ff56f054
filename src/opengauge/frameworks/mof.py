"""The Model Openness Framework (MOF) as the Model Openness Tool (MOT) applies it.

Data (package data under `frameworks/data/mot/`, copied from lfai/model_openness_tool):
`mof.settings.yml` (the 17 components, their content type, class and whether a class requires
them), `licenses.json` (SPDX ids flagged OSI-approved / FSF-libre), `mof-licenses.json` (the
type-appropriate licenses per content type) and `open-licenses-beyond-osi-fsf.txt` (open data
and document licenses the MOT also counts as open).

Rules (they reproduce the MOT's own results on its 27 test files):
- a component's license resolves component -> type-wide (`release.license.<content type>`) ->
  distribution -> unlicensed; license strings are compared literally, so "Apache 2.0" with a
  space is not open;
- a license is open when licenses.json flags it OSI-approved or FSF-libre, or it is in the
  open-licenses list; an open license of the wrong content type still counts, with a warning;
- a class counts the required components of that class and every class above it (III needs 6,
  II 10, I 14); when the Technical report is not counted, a listed Research paper stands in for
  it in Classes III and II and Class I needs one component fewer;
- progress is gated: a class shows 0 % until every class above it is complete; the class is
  the lowest complete one (0 = unclassified).

Ratings: one per component, `open` (listed, open license), `closed` (listed under a license
that is not open, or none) or `unknown` (not listed). A MOT record (catalog/mot.py) rates only
the components it lists, and the first evidence of each of its ratings quotes the resolved
license string literally (None when there is none); the components it does not list are rated
`unknown` here, with evidence naming the file's component list.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from opengauge.frameworks.interface import Criterion, Framework, Group
from opengauge.model import Assessment, Evidence, Level, Locator, Rating

CONTENT_TYPES = ("code", "data", "document")
CLASS_LABELS = {1: "Class I - Open Science Model", 2: "Class II - Open Tooling Model",
                3: "Class III - Open Model", 0: "Unclassified"}
TECHNICAL_REPORT = "Technical report"
RESEARCH_PAPER = "Research paper"
UNLICENSED = "unlicensed"
"""The MOT's word for a component included without a license."""

_CLASS_ORDER = {1: 0, 2: 1, 3: 2, 0: 3}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _data(name: str) -> str:
    return resources.files("opengauge.frameworks").joinpath("data", "mot", name).read_text("utf-8")


@dataclass(frozen=True)
class Component:
    """One MOF component as `mof.settings.yml` defines it."""

    name: str
    content_type: str
    klass: int
    required: bool
    description: str
    weight: int


@cache
def components() -> tuple[Component, ...]:
    """The 17 components, Class III first, each class in the MOT's display (weight) order."""
    settings = yaml.load(_data("mof.settings.yml"), Loader=_LOADER)
    found = [
        Component(name=c["name"], content_type=c["content_type"], klass=int(c["class"]),
                  required=bool(c["required"]), description=str(c.get("description") or ""),
                  weight=int(c.get("weight") or 0))
        for c in settings["components"]
    ]
    return tuple(sorted(found, key=lambda c: (-c.klass, c.weight)))


@cache
def component_names() -> frozenset[str]:
    """The 17 component names, for validating records."""
    return frozenset(c.name for c in components())


@dataclass(frozen=True)
class LicenseLists:
    """The MOT's license data: which ids are open, and which suit each content type."""

    osi: frozenset[str]
    fsf: frozenset[str]
    open_data: frozenset[str]
    by_type: dict[str, frozenset[str]]

    def is_open(self, license_id: str | None) -> bool:
        return license_id is not None and (
            license_id in self.osi or license_id in self.fsf or license_id in self.open_data)

    def basis(self, license_id: str) -> str:
        """Why `license_id` is open or not, naming the list that decided it."""
        if license_id in self.osi:
            return "OSI-approved (licenses.json)"
        if license_id in self.fsf:
            return "FSF-libre (licenses.json)"
        if license_id in self.open_data:
            return "open data or document license (open-licenses-beyond-osi-fsf.txt)"
        if license_id.strip().lower() == UNLICENSED:
            return "no license"
        return "not an id the MOT counts as open (compared literally)"

    def type_appropriate(self, license_id: str, content_type: str) -> bool:
        return license_id in self.by_type.get(content_type, frozenset())


@cache
def license_lists() -> LicenseLists:
    """Read the bundled license data once."""
    spdx = json.loads(_data("licenses.json"))["licenses"]
    osi = frozenset(x["licenseId"] for x in spdx if x.get("isOsiApproved") is True)
    fsf = frozenset(x["licenseId"] for x in spdx if x.get("isFsfLibre") is True)
    extra = frozenset(line.strip() for line in _data("open-licenses-beyond-osi-fsf.txt").splitlines()
                      if line.strip() and not line.startswith("#"))
    by_type: dict[str, set[str]] = {t: set() for t in CONTENT_TYPES}
    for entry in json.loads(_data("mof-licenses.json"))["licenses"]:
        kinds = entry.get("ContentType") or []
        for kind in [kinds] if isinstance(kinds, str) else kinds:
            by_type.setdefault(kind, set()).add(entry["licenseId"])
    return LicenseLists(osi, fsf, extra, {k: frozenset(v) for k, v in by_type.items()})


def license_reading(license_id: str) -> dict[str, Any]:
    """How the MOF reads one literal license string.

    `normalized` stays None here (ranking every record must not pay for the license analyzer);
    `with_normalized_readings` fills it in `check`. It never changes `open`.
    """
    lists = license_lists()
    return {"open": lists.is_open(license_id), "basis": lists.basis(license_id), "normalized": None}


def normalized_reading(license_id: str) -> dict[str, Any]:
    """The license analyzer's reading of a literal license string (an automatic result shown
    beside the MOT's literal one): the licenses it names (SPDX id, registry key, name), its
    open-source verdict and the basis of that verdict."""
    from opengauge import licenses  # the analyzer: imported only where a model is shown

    result = licenses.lookup_name(license_id)
    return {"licenses": [{"spdx": m.spdx, "key": m.key, "name": m.name} for m in result.matches],
            "open_source": result.open_source, "basis": result.basis, "note": result.note,
            "provenance": "automatic"}


def with_normalized_readings(assessment: Assessment) -> Assessment:
    """A copy of a MOF assessment whose `license_readings` carry the analyzer's `normalized`
    reading beside the literal one; `open`, the class and the blockers are unchanged."""
    readings = assessment.extra.get("license_readings")
    if not readings:
        return assessment
    filled = {lic: {**reading, "normalized": normalized_reading(lic)}
              for lic, reading in readings.items()}
    return assessment.evolve(extra={**assessment.extra, "license_readings": filled})


@dataclass(frozen=True)
class Resolved:
    """A component's license after inheritance, and where it came from."""

    license: str | None
    origin: str
    """`component`, `type` (release.license.<content type>), `distribution` or `none`."""
    field: str


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def license_name(entry: Any) -> Any:
    return entry.get("name") if isinstance(entry, dict) else entry


def resolve_license(component: dict[str, Any], index: int, content_type: str,
                    release_licenses: dict[str, Any]) -> Resolved:
    """Component license, else the type-wide one, else the distribution one, else none.

    A `license` key that is absent or null inherits; an explicit empty string means the
    component is unlicensed (as the MOT's form treats a blank field).
    """
    field = f"release.components[{index}].license"
    raw = component.get("license")
    if raw is not None:
        text = str(raw)
        return Resolved(text if text.strip() else None, "component", field)
    typed = license_name(release_licenses.get(content_type))
    if not _blank(typed):
        return Resolved(str(typed), "type", f"release.license.{content_type}.name")
    distribution = license_name(release_licenses.get("distribution"))
    if not _blank(distribution):
        return Resolved(str(distribution), "distribution", "release.license.distribution.name")
    return Resolved(None, "none", field.removesuffix(".license"))


def status_of(license_id: str | None) -> str | None:
    """None when the license counts; else `unlicensed` or `not-open`."""
    if license_id is None or license_id.strip().lower() == UNLICENSED:
        return "unlicensed"
    return None if license_lists().is_open(license_id) else "not-open"


def level_of(listed: bool, license_id: str | None) -> Level:
    """The rating level of a component: open, closed, or unknown when not listed."""
    if not listed:
        return "unknown"
    return "open" if license_lists().is_open(license_id) else "closed"


@dataclass(frozen=True)
class Listed:
    """What a MOT record says about one component."""

    listed: bool
    license: str | None
    evidence: tuple[Evidence, ...]


def listed_components(assessment: Assessment) -> dict[str, Listed]:
    """Every component: whether the record lists it, its resolved license, its evidence."""
    found: dict[str, Listed] = {}
    for rating in assessment.ratings:
        listed = rating.level != "unknown"
        quote = rating.evidence[0].quote if rating.evidence and listed else None
        found[rating.dimension] = Listed(listed, quote, tuple(rating.evidence))
    missing = [c.name for c in components() if c.name not in found]
    if missing:
        where = Locator(file=assessment.source_file, field="release.components")
        unlisted = Listed(False, None, (Evidence(assessment.source or "mot", where, None,
                                                 "not listed among the release's components"),))
        found.update(dict.fromkeys(missing, unlisted))
    return found


@cache
def _slots(klass: int, substitute: bool) -> tuple[str, ...]:
    """The components class `klass` requires (its own and every class above it)."""
    names = [c.name for c in components() if c.required and c.klass >= klass]
    if substitute:
        names = list(dict.fromkeys(RESEARCH_PAPER if n == TECHNICAL_REPORT else n for n in names))
    return tuple(names)


@dataclass(frozen=True)
class Classification:
    """The result of the MOF rules on one release."""

    klass: int
    progress: dict[str, float]
    blockers: dict[str, dict[str, Any]]
    next_class: int | None
    """The class the blockers stand in the way of (None for Class I)."""
    substitute: bool


def classify(facts: dict[str, Listed]) -> Classification:
    """Class, gated progress and the blockers of the next class, from listed components."""
    def counted(name: str) -> bool:
        fact = facts.get(name)
        return fact is not None and fact.listed and status_of(fact.license) is None

    research = facts.get(RESEARCH_PAPER)
    substitute = not counted(TECHNICAL_REPORT) and research is not None and research.listed
    raw = {}
    for klass in (3, 2, 1):
        slots = _slots(klass, substitute)
        raw[klass] = sum(counted(n) for n in slots) / len(slots) * 100
    progress: dict[str, float] = {}
    complete_above = True
    for klass in (3, 2, 1):
        progress[str(klass)] = raw[klass] if complete_above else 0.0
        complete_above = complete_above and raw[klass] >= 100
    complete = [k for k in (3, 2, 1) if progress[str(k)] >= 100]
    klass = min(complete) if complete else 0
    target = {0: 3, 3: 2, 2: 1}.get(klass)
    blockers: dict[str, dict[str, Any]] = {}
    for name in _slots(target, substitute) if target else []:
        if counted(name):
            continue
        fact = facts.get(name)
        if fact is None or not fact.listed:
            blockers[name] = {"status": "missing", "license": None}
        else:
            blockers[name] = {"status": status_of(fact.license), "license": fact.license}
    return Classification(klass, progress, blockers, target, substitute)


def _warnings(facts: dict[str, Listed], substitute: bool) -> list[str]:
    lists = license_lists()
    warnings = []
    for component in components():
        fact = facts.get(component.name)
        if fact is None or not fact.listed or not lists.is_open(fact.license):
            continue
        if not lists.type_appropriate(fact.license or "", component.content_type):
            warnings.append(
                f"{component.name}: '{fact.license}' is open but not a type-appropriate "
                f"{component.content_type} license (mof-licenses.json); it still counts")
    if substitute:
        warnings.append("Technical report not counted: the listed Research paper stands in for it "
                        "in Classes III and II, and Class I needs one component fewer")
    return warnings


class ModelOpennessFramework(Framework):
    """The MOF's three classes, computed as the Model Openness Tool computes them."""

    id = "mof"
    name = "Model Openness Framework"
    source = "mot"
    kind = "class"
    url = "https://github.com/lfai/model_openness_tool"
    citation = ("White, M., Haddad, I., Osborne, C., Liu, X.-Y., Abdelmonsef, A., Varghese, S. "
                "and Le Hors, A. 2024. The Model Openness Framework: Promoting Completeness and "
                "Openness for Reproducibility, Transparency, and Usability in Artificial "
                "Intelligence. arXiv:2403.13784.")

    @property
    def criteria(self) -> list[Criterion]:
        return [
            Criterion(ref=c.name, name=c.name, group=f"class-{c.klass}", question=c.description,
                      extra={"content_type": c.content_type, "class": c.klass,
                             "required": c.required})
            for c in components()
        ]

    @property
    def groups(self) -> list[Group]:
        return [
            Group(ref=f"class-{k}", name=CLASS_LABELS[k],
                  criteria=tuple(c.name for c in components() if c.klass == k))
            for k in (3, 2, 1)
        ]

    def evaluate(self, assessment: Assessment) -> Assessment:
        facts = listed_components(assessment)
        ratings = [Rating(c.name, level_of(facts[c.name].listed, facts[c.name].license),
                          list(facts[c.name].evidence)) for c in components()]
        result = classify(facts)
        licenses = sorted({f.license for f in facts.values() if f.listed and f.license is not None})
        extra = {**assessment.extra, "next_class": result.next_class,
                 "license_readings": {lic: license_reading(lic) for lic in licenses}}
        return assessment.evolve(
            framework=self.id, ratings=ratings, score=None, groups={},
            coverage=sum(1 for f in facts.values() if f.listed) / len(facts),
            klass=result.klass, progress=result.progress, blockers=result.blockers,
            verdict=None, reasons=None, warnings=_warnings(facts, result.substitute), extra=extra,
        )

    def order_key(self, assessment: Assessment) -> Any:
        """Class I first, then II, III, unclassified; then progress of I, II, III; then name."""
        progress = assessment.progress or {}
        return (_CLASS_ORDER.get(assessment.klass or 0, 4),
                -progress.get("1", 0.0), -progress.get("2", 0.0), -progress.get("3", 0.0),
                assessment.subject.name.casefold(), assessment.source_file or "")

    def describe(self) -> dict[str, Any]:
        described = super().describe()
        described["classes"] = {str(k): CLASS_LABELS[k] for k in (1, 2, 3, 0)}
        described["result"] = {"class": "0 unclassified, else 1 (best), 2 or 3",
                               "progress": "percent per class, gated"}
        return described


@cache
def framework() -> ModelOpennessFramework:
    """The framework instance."""
    return ModelOpennessFramework()
