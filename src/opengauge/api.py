"""The public Python API. The CLI and the web app both call these functions and nothing else."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opengauge import frameworks as framework_registry
from opengauge.catalog.catalog import Catalog, load
from opengauge.errors import BadInput
from opengauge.frameworks.interface import Framework
from opengauge.identity import require_id, table
from opengauge.model import Assessment, DataSnapshot, Ranked, Report, Subject

if TYPE_CHECKING:
    from opengauge.licenses.result import LicenseResult
from opengauge.paths import own_catalog_dir

DEFAULT_FRAMEWORK = "osai"


@dataclass
class Ranking:
    """A framework's ranking after filters, with the data it was computed from."""

    framework: Framework
    entries: list[Ranked]
    snapshots: list[DataSnapshot]
    filters: dict[str, Any] = field(default_factory=dict)


@dataclass
class ModelView:
    """One model across frameworks: its subject and its ranked assessment per framework."""

    subject: Subject
    frameworks: dict[str, Ranked]
    snapshots: list[DataSnapshot]


@cache
def _catalog(own: Path | None) -> Catalog:
    return load(own)


def catalog(own: str | Path | None = None) -> Catalog:
    """The catalog with the user's own records (`own`, else `$OPENGAUGE_CATALOG`)."""
    folder = own_catalog_dir(own)
    return _catalog(folder.resolve() if folder else None)


def reset() -> None:
    """Forget loaded catalogs (after an import, or in tests)."""
    _catalog.cache_clear()


def framework_ids() -> list[str]:
    """Every framework id."""
    return framework_registry.ids()


def describe_frameworks() -> list[dict[str, Any]]:
    """Each framework with its groups and criteria."""
    return [framework_registry.get(i).describe() for i in framework_registry.ids()]


def _type_matches(record_types: list[str], wanted: str) -> bool:
    wanted_parts = {p.strip().lower() for p in wanted.split(",") if p.strip()}
    return bool(record_types) and bool(wanted_parts & set(record_types))


def _org_matches(org: str | None, wanted: str) -> bool:
    return bool(org) and re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", org, re.IGNORECASE) is not None


def ranked(framework_id: str, own: str | Path | None = None) -> list[Ranked]:
    """The full ranking of `framework_id`, before any filter."""
    framework = framework_registry.get(framework_id)
    return framework.rank(catalog(own).assessments(framework_id))


def rank(
    framework: str = DEFAULT_FRAMEWORK,
    *,
    type: str | None = None,
    org: str | None = None,
    top: int | None = None,
    own: str | Path | None = None,
) -> Ranking:
    """Models ranked by `framework`; `type` and `org` filter, `top` keeps the first N.

    Ranks are ordinals within the filtered view (1 is the best shown).
    """
    if top is not None and top < 1:
        raise BadInput(f"--top must be a positive number, not {top}")
    fw = framework_registry.get(framework)
    records = catalog(own).assessments(framework)
    if type:
        records = [a for a in records if _type_matches(a.subject.type, type)]
    if org:
        records = [a for a in records if _org_matches(a.subject.org, org)]
    entries = fw.rank(records)
    if top is not None:
        entries = entries[:top]
    filters = {k: v for k, v in {"type": type, "org": org, "top": top}.items() if v is not None}
    return Ranking(fw, entries, _snapshots(own, [fw.source]), filters)


def _snapshots(own: str | Path | None, sources: list[str] | None = None) -> list[DataSnapshot]:
    snaps = catalog(own).snapshots()
    return [s for s in snaps if sources is None or s.source in sources]


def resolve(name: str, own: str | Path | None = None) -> str:
    """The model id `name` refers to; NotFound with suggestions otherwise."""
    return require_id(name, catalog(own).ids())


def model(name: str, framework: str | None = None, own: str | Path | None = None) -> ModelView:
    """One model with its ranked assessment in every framework (or just `framework`)."""
    model_id = resolve(name, own)
    wanted = [framework] if framework else framework_registry.ids()
    found: dict[str, Ranked] = {}
    for framework_id in wanted:
        for entry in ranked(framework_id, own):
            if entry.assessment.subject.id == model_id:
                found[framework_id] = entry
                break
    if framework and not found:
        raise BadInput(f"model '{model_id}' has no record in framework '{framework}'")
    subject = _best_subject(model_id, found)
    sources = sorted({framework_registry.get(f).source for f in found})
    return ModelView(subject, found, _snapshots(own, sources))


def _best_subject(model_id: str, found: dict[str, Ranked]) -> Subject:
    for framework_id in framework_registry.ids():
        if framework_id in found:
            return found[framework_id].assessment.subject
    family = table().families.get(model_id)
    return Subject(id=model_id, name=family.name if family else model_id)


def compare(names: list[str], framework: str | None = None,
            own: str | Path | None = None) -> list[ModelView]:
    """Several models side by side."""
    if len(names) < 2:
        raise BadInput("compare needs at least two models")
    return [model(n, framework, own) for n in names]


def check(target: str, own: str | Path | None = None) -> Report:
    """Everything known about `target`: subject, license, frameworks, findings, provenance."""
    view = model(target, None, own)
    report = Report(subject=view.subject, frameworks=view.frameworks)
    report.license = _catalog_license(view)
    report.provenance = {
        "kind": "curated",
        "data": [s.to_dict() for s in view.snapshots],
        "records": {f: _record_origin(r.assessment) for f, r in view.frameworks.items()},
    }
    report.context["summary"] = summarize(view.frameworks)
    return report


def _record_origin(assessment: Assessment) -> dict[str, Any]:
    return {"source": assessment.source, "source_file": assessment.source_file,
            "layer": assessment.layer}


def _catalog_license(view: ModelView) -> dict[str, Any]:
    """The catalog's license facts: the curated license name and the EU `licenses` rating.

    `analysis` is the license analyzer's reading of the curated name (see `license_name`),
    shown beside it; it never replaces the curated value.
    """
    section: dict[str, Any] = {"name": view.subject.license, "analysis": None}
    if view.subject.license:
        section["analysis"] = license_name(view.subject.license).to_dict()
    for framework_id in ("osai", "osai-14", "ouc-2023"):
        entry = view.frameworks.get(framework_id)
        rating = entry.assessment.rating("licenses" if framework_id != "ouc-2023" else "license") \
            if entry else None
        if rating is not None:
            section["rating"] = rating.level
            section["framework"] = framework_id
            section["evidence"] = [e.to_dict() for e in rating.evidence]
            break
    return section


def summarize(found: dict[str, Ranked]) -> dict[str, Any]:
    """The headline: are the weights available, and is the model open source?

    Weights come from the EU index's end-model weights rating (open or partial = available).
    Open source: yes when the EU `licenses` rating is open and the end-model weights and
    training code are open; no when the licenses or the weights are closed; otherwise null.
    """
    summary: dict[str, Any] = {"weights": "unknown", "open_source": None, "basis": None}
    entry = found.get("osai") or found.get("osai-14")
    if entry is None:
        entry = found.get("ouc-2023")
        keys = ("rlweights", "license", "opencode")
    else:
        keys = ("weights_endmodel", "licenses", "trainingcode")
    if entry is None:
        return summary
    levels = entry.assessment.levels()
    weights, licenses, code = (levels.get(k, "unknown") for k in keys)
    summary["weights"] = weights
    summary["basis"] = f"{entry.assessment.framework}: {', '.join(keys)}"
    if licenses == "open" and weights == "open" and code == "open":
        summary["open_source"] = True
    elif "closed" in (licenses, weights):
        summary["open_source"] = False
    return summary


def import_catalog(path: str | Path) -> list[dict[str, Any]]:
    """Import every catalog format found in the clone at `path`; see `catalog.importer`."""
    from opengauge.catalog.importer import import_clone

    results = import_clone(Path(path))
    reset()
    return [
        {"source": r.source, "layer": "imported", "snapshot": r.snapshot, "date": r.date,
         "models": r.models, "path": str(r.folder), "skipped": r.skipped,
         "duplicates": r.duplicates}
        for r in results
    ]


def list_catalog(own: str | Path | None = None) -> dict[str, Any]:
    """Datasets in use (source, layer, snapshot, model count) and precedence notes."""
    cat = catalog(own)
    cat.check_all()
    datasets = [
        {"source": d.source, "layer": d.layer, "snapshot": d.snapshot.snapshot,
         "date": d.snapshot.date, "models": d.size, "path": str(d.path),
         "skipped": d.skipped}
        for d in cat.datasets
    ]
    notes = [f"duplicate: {m}" for m in cat.duplicates] + [f"override: {m}" for m in cat.overrides]
    return {"datasets": datasets, "notes": notes}


def license_analyze(paths: list[str | Path], jobs: int | None = None) -> list[LicenseResult]:
    """`opengauge license PATH...`: every file, every license-like file of a folder, or `-`.

    Folders are analyzed by `jobs` worker processes (default: one per CPU)."""
    from opengauge import licenses

    results: list[LicenseResult] = []
    for path in paths:
        results += licenses.analyze_path(path, jobs)
    return results


def license_text(text: str, path: str | None = None) -> LicenseResult:
    """Identify and judge one license text (any text: LICENSE, USE_POLICY, model card)."""
    from opengauge import licenses

    return licenses.analyze_text(text, path)


def license_lookup(identifier: str) -> LicenseResult:
    """`opengauge license --id ID`: an SPDX id, ScanCode key or Hugging Face license id."""
    from opengauge import licenses

    return licenses.lookup_id(identifier)


def license_name(name: str) -> LicenseResult:
    """The licenses a free-form name refers to ("Apache 2.0 and CC-BY-NC-4.0")."""
    from opengauge import licenses

    return licenses.lookup_name(name)
