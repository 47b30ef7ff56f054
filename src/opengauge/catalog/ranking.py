"""Leaderboards: a framework's ranking of the catalog, filtered by type, organisation, license
family, criterion levels and free text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from opengauge import frameworks as framework_registry
from opengauge.catalog.catalog import Catalog
from opengauge.errors import BadInput
from opengauge.frameworks.interface import Framework
from opengauge.model import LEVELS, Assessment, DataSnapshot, Ranked, Subject

DEFAULT_FRAMEWORK = framework_registry.DEFAULT


@dataclass
class Ranking:
    """A framework's ranking after filters, with the data it was computed from."""

    framework: Framework
    entries: list[Ranked]
    snapshots: list[DataSnapshot]
    filters: dict[str, Any] = field(default_factory=dict)


def snapshots_of(catalog: Catalog, sources: list[str] | None = None) -> list[DataSnapshot]:
    """The catalog's data snapshots (of `sources` only, when given)."""
    return [s for s in catalog.snapshots() if sources is None or s.source in sources]


def rank(
    catalog: Catalog,
    framework: str = DEFAULT_FRAMEWORK,
    *,
    type: str | None = None,
    org: str | None = None,
    top: int | None = None,
    license_family: str | None = None,
    levels: dict[str, str] | None = None,
    query: str | None = None,
    releases: bool = False,
) -> Ranking:
    """Models of `catalog` ranked by `framework`; `type` and `org` filter, `top` keeps the first N.

    `license_family` keeps one family of `license_family_of`; `levels` maps a criterion ref
    to the levels wanted (`{"trainingcode": "open,partial"}`); `query` is free text matched
    against id, name, organisation and license. Ranks are ordinals within the filtered view
    (1 is the best shown). `releases` ranks every MOT release instead of one per family.
    """
    if top is not None and top < 1:
        raise BadInput(f"--top must be a positive number, not {top}")
    fw = framework_registry.get(framework)
    wanted_levels = _level_filters(fw, levels or {})
    if releases and fw.source != "mot":
        rated = ", ".join(f for f in framework_registry.ids()
                          if framework_registry.get(f).source == "mot")
        raise BadInput(f"--releases: framework '{framework}' does not rate MOT releases "
                       f"(expected one of: {rated})")
    records = catalog.assessments(framework, releases=releases)
    if type:
        typed = [a for a in records if _type_matches(a.subject.type, type)]
        if not typed:
            _check_type(type, catalog)
        records = typed
    if org:
        records = [a for a in records if _org_matches(a.subject.org, org)]
    if license_family:
        records = [a for a in records if license_family_of(a.subject) == license_family]
    for ref, accepted in wanted_levels.items():
        records = [a for a in records if _level_of(a, ref) in accepted]
    if query and query.strip():
        records = [a for a in records if _text_matches(a.subject, query)]
    entries = fw.rank(records)
    if top is not None:
        entries = entries[:top]
    filters = {k: v for k, v in {"type": type, "org": org, "top": top,
                                 "license_family": license_family, "query": query}.items()
               if v is not None}
    filters.update({ref: ",".join(sorted(accepted)) for ref, accepted in wanted_levels.items()})
    return Ranking(fw, entries, snapshots_of(catalog, [fw.source]), filters)


def _type_matches(record_types: list[str], wanted: str) -> bool:
    wanted_parts = {p.strip().lower() for p in wanted.split(",") if p.strip()}
    return bool(record_types) and bool(wanted_parts & set(record_types))


def _check_type(wanted: str, catalog: Catalog) -> None:
    """Refuse a `--type` that no record of any framework has (a typo, not an empty view)."""
    known = {t for fid in framework_registry.ids() for a in catalog.assessments(fid)
             for t in a.subject.type}
    parts = [p.strip().lower() for p in wanted.split(",") if p.strip()]
    unknown = [p for p in parts if p not in known]
    if unknown or not parts:
        raise BadInput(f"--type '{wanted}': expected one or more of {', '.join(sorted(known))} "
                       "(comma-separated)")


def _org_matches(org: str | None, wanted: str) -> bool:
    if not org:
        return False
    return re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", org, re.IGNORECASE) is not None


def _level_filters(fw: Framework, levels: dict[str, str]) -> dict[str, set[str]]:
    """Validate `{criterion: "open,partial"}` against the framework's criteria and the levels."""
    wanted: dict[str, set[str]] = {}
    for ref, value in levels.items():
        if fw.criterion(ref) is None:
            refs = ", ".join(c.ref for c in fw.criteria)
            raise BadInput(f"'{ref}' is not a criterion of framework '{fw.id}' (expected one of: {refs})")
        accepted = {part.strip().lower() for part in str(value).split(",") if part.strip()}
        unknown = sorted(accepted - set(LEVELS))
        if unknown or not accepted:
            raise BadInput(f"{ref}: level must be open, partial, closed or unknown "
                           f"(comma-separated), not '{value}'")
        wanted[ref] = accepted
    return wanted


def _level_of(assessment: Assessment, ref: str) -> str:
    rating = assessment.rating(ref)
    return rating.level if rating else "unknown"


def _text_matches(subject: Subject, query: str) -> bool:
    needle = query.strip().casefold()
    haystack = " ".join(p for p in (subject.id, subject.name, subject.org, subject.license) if p)
    return needle in haystack.casefold()


def license_family_of(subject: Subject) -> str:
    """The license family a leaderboard filters by (from the curated license string for now)."""
    from opengauge.licenses.curated_family import family

    return family(subject.license)
