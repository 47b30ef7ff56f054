"""The curated report of a catalog model: its records in every framework, the license section
from its governing texts, the headline verdict and the EU AI Act estimate."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from opengauge import frameworks as framework_registry
from opengauge.assess.report import CuratedLicense, LicenseRating, Report
from opengauge.errors import BadInput, NotFound
from opengauge.identity import table
from opengauge.model import Assessment, DataSnapshot, Finding, Ranked, ReportProvenance, Subject

if TYPE_CHECKING:
    from opengauge.app.session import Session
    from opengauge.assess.licensing import CatalogTerms
    from opengauge.licenses.result import LicenseResult
    from opengauge.verdict import Headline


@dataclass
class ModelView:
    """One model across frameworks: its subject and its ranked assessment per framework."""

    subject: Subject
    frameworks: dict[str, Ranked]
    snapshots: list[DataSnapshot]
    context: dict[str, Any] = field(default_factory=dict)
    """Facts about the model that are not a framework's rating (developer transparency)."""


def model(session: Session, name: str, framework: str | None = None) -> ModelView:
    """One model with its ranked assessment in every framework (or just `framework`)."""
    model_id = session.resolve(name)
    release = session.catalog.is_release(model_id)
    wanted = [framework] if framework else framework_registry.ids()
    found: dict[str, Ranked] = {}
    for framework_id in wanted:
        for entry in session.ranked(framework_id, releases=release):
            if entry.assessment.subject.id == model_id:
                found[framework_id] = entry
                break
    if framework and not found:
        raise BadInput(f"model '{model_id}' has no record in framework '{framework}'")
    subject = _best_subject(model_id, found)
    sources = sorted({framework_registry.get(f).source for f in found})
    context = {**session.catalog.release_context(model_id), **_context(subject, found)}
    return ModelView(subject, found, session.snapshots(sources), context)


def _context(subject: Subject, found: dict[str, Ranked]) -> dict[str, Any]:
    """Developer transparency: the FMTI score of the model's developer, where it was scored."""
    from opengauge.sources import fmti

    orgs = [subject.org, *(r.assessment.subject.org for r in found.values())]
    scored = next((s for s in (fmti.lookup(o) for o in dict.fromkeys(orgs) if o) if s), None)
    return {"developer_transparency": scored} if scored else {}


def _best_subject(model_id: str, found: dict[str, Ranked]) -> Subject:
    for framework_id in framework_registry.ids():
        if framework_id in found:
            return found[framework_id].assessment.subject
    family = table().families.get(model_id)
    return Subject(id=model_id, name=family.name if family else model_id)


def check(session: Session, target: str) -> Report:
    """Everything known about catalog model `target`: subject, license, frameworks, findings,
    provenance."""
    view = model(session, target)
    if "mof" in view.frameworks:
        # check runs the license analyzer anyway: its reading of each MOT license string goes
        # beside the literal one (`rank` and `show` leave `normalized` null, for speed).
        from opengauge.frameworks.mof import with_normalized_readings

        entry = view.frameworks["mof"]
        view.frameworks["mof"] = Ranked(with_normalized_readings(entry.assessment), entry.rank,
                                        entry.of)
    different = releases(view)
    section = catalog_license(view)
    report = Report(subject=view.subject, frameworks=view.frameworks, license=section)
    report.findings = different
    report.provenance = ReportProvenance(
        kind="curated",
        data=[s.to_dict() for s in view.snapshots],
        records={f: record_origin(r.assessment) for f, r in view.frameworks.items()},
    )
    verdict = headline_of(view.frameworks, section.texts)
    report.context["summary"] = verdict.summary
    report.findings = [*report.findings, *section.conflicts, *verdict.findings]
    report.context.update(view.context)
    from opengauge.compliance.eu_ai_act import evaluate

    report.context["eu_ai_act"] = evaluate(report, catalog=session.catalog)
    return report


def record_origin(assessment: Assessment) -> dict[str, Any]:
    return {"source": assessment.source, "source_file": assessment.source_file,
            "layer": assessment.layer}


def catalog_license(view: ModelView) -> CuratedLicense:
    """The catalog's license facts: the curated license name and the EU `licenses` rating.

    `analysis` is the license analyzer's reading of the curated name (`licenses.lookup_name`),
    shown beside it; it never replaces the curated value.
    """
    section = CuratedLicense(view.subject.license)
    mof = view.frameworks.get("mof")
    if mof is not None:
        # The MOT's literal license strings and how the MOF reads them; each reading's
        # `normalized` is the license analyzer's reading beside it, never instead of it.
        section.mot = {"release": mof.assessment.source_file,
                       "readings": mof.assessment.extra.get("license_readings", {})}
    from opengauge.compliance.texts import catalog_texts
    from opengauge.licenses import lookup_name

    if view.subject.license:
        section.analysis = lookup_name(view.subject.license)

    governing = catalog_texts(view.subject, view.frameworks)
    section.texts = [t.result for t in governing.texts]
    section.text_notes = governing.notes
    section.conflicts = [Finding.from_dict(f) for f in governing.findings]
    for framework_id in ("osai", "osai-14", "ouc-2023"):
        entry = view.frameworks.get(framework_id)
        rating = entry.assessment.rating("licenses" if framework_id != "ouc-2023" else "license") \
            if entry else None
        if rating is not None:
            section.rating = LicenseRating(rating.level, framework_id, list(rating.evidence))
            break
    return section


def releases(view: ModelView) -> list[Finding]:
    """Name each framework's release (`frameworks.<id>.release`); a warning finding
    `frameworks-rate-different-releases` when one of them rates another generation than the
    model shown (`compliance.texts.same_release`)."""
    from opengauge.compliance.texts import release_name, same_release

    shown = release_name(view.subject)
    for framework_id, entry in list(view.frameworks.items()):
        a = entry.assessment
        view.frameworks[framework_id] = Ranked(
            a.evolve(extra={**a.extra, "release": release_name(a.subject)}), entry.rank, entry.of)
    others = [f"{fid}: {release_name(r.assessment.subject)} ({r.assessment.source_file})"
              for fid, r in view.frameworks.items()
              if not same_release([shown], [release_name(r.assessment.subject)])]
    if not others:
        return []
    return [Finding("frameworks-rate-different-releases", "warning",
                    f"the frameworks rate different releases: the model shown is {shown}, but "
                    + "; ".join(others),
                    [], {"releases": {fid: release_name(r.assessment.subject)
                                      for fid, r in view.frameworks.items()}})]


def summarize(found: dict[str, Ranked],
              texts: list[LicenseResult] | list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The headline of a catalog model by the one verdict table (`opengauge.verdict`), from its
    governing texts (`license.texts`) and its records."""
    return headline_of(found, texts).summary


def headline_of(found: dict[str, Ranked],
                texts: list[LicenseResult] | list[dict[str, Any]] | None = None) -> Headline:
    """The verdict table's answer (summary and findings) for a catalog model; `texts` are the
    governing texts, typed or as their JSON records (`license.texts[]`)."""
    from opengauge.licenses.result import LicenseResult
    from opengauge.verdict import Text, decide

    typed = [t if isinstance(t, LicenseResult) else LicenseResult.from_dict(t) for t in texts or []]
    return decide([Text.of(t) for t in typed], {f: r.assessment for f, r in found.items()})


def snapshot_report(session: Session, name: str, framework_id: str, layer: str | None,
                    spec: str) -> Report:
    """A report holding one model's record in one dataset snapshot (`spec`, for messages): the
    whole catalog's when `layer` is None, else that layer's alone."""
    from opengauge.catalog.catalog import load_layer

    model_id = session.resolve(name)
    cat = session.catalog if layer is None else load_layer(layer, session.own)
    framework = framework_registry.get(framework_id)
    release = session.catalog.is_release(model_id)
    entry = next((e for e in framework.rank(cat.assessments(framework_id, releases=release))
                  if e.assessment.subject.id == model_id), None)
    if entry is None:
        raise NotFound(f"model '{model_id}' has no record in {spec}")
    snaps = [s for s in cat.snapshots() if s.source == framework.source]
    view = ModelView(entry.assessment.subject, {framework_id: entry}, snaps)
    report = Report(subject=view.subject, frameworks=view.frameworks, license=catalog_license(view))
    report.provenance = ReportProvenance(kind="curated", data=[s.to_dict() for s in snaps],
                                         records={framework_id: record_origin(entry.assessment)})
    return report


def catalog_terms(session: Session) -> CatalogTerms:
    """The catalog's ids and each family's governing texts, for the license reading."""
    from opengauge.assess.licensing import CatalogTerms

    def family_texts(family: str) -> list[dict[str, Any]]:
        from opengauge.compliance.texts import catalog_texts

        try:
            view = model(session, family)
        except Exception:  # a family with no catalog record: nothing known about its terms
            return []
        return [dict(t.record) for t in catalog_texts(view.subject, view.frameworks).texts]

    return CatalogTerms(ids=lambda: set(session.ids()), family_texts=family_texts)
