"""The JSON contract: how API results become records (documented in the README).

Version 1: top level `{"schema_version", "tool": {"name", "version"}, "data": [...],
"models": [...]}`; frameworks and datasets listings use `frameworks` / `datasets` instead of
`models`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from opengauge import __version__
from opengauge.assess.report import Report, license_section
from opengauge.model import Assessment, DataSnapshot, Finding, Ranked, Rating, ReportProvenance, Subject

SCHEMA_VERSION = "1.0"


@dataclass
class Document:
    """What a command shows, ready for any format."""

    kind: str
    """`ranking`, `models`, `comparison`, `reports`, `frameworks`, `datasets`, `diff`, `licenses`,
    `batch` or `history`."""
    records: list[dict[str, Any]]
    data: list[dict[str, Any]] = field(default_factory=list)
    title: str = ""
    payload: Any = None
    """The API object itself, for formats that render more than the records."""
    notice: str | None = None
    """A line every format shows (`can-i`: not legal advice)."""
    sections: tuple[str, ...] = ()
    """Optional report sections the human-readable formats show (`eu_ai_act`)."""

    @property
    def records_key(self) -> str:
        return {"frameworks": "frameworks", "datasets": "datasets", "diff": "diffs",
                "licenses": "licenses", "answers": "targets",
                "history": "checks"}.get(self.kind, "models")

    def envelope(self) -> dict[str, Any]:
        head: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "opengauge", "version": __version__},
        }
        if self.notice:
            head["notice"] = self.notice
        return {**head, "data": self.data, self.records_key: self.records}


def snapshot_records(snapshots: list[DataSnapshot]) -> list[dict[str, Any]]:
    """The `data` array: one entry per dataset in use."""
    return [{"source": s.source, "snapshot": s.snapshot, "date": s.date, "layer": s.layer}
            for s in snapshots]


def ranked_record(entry: Ranked, *, evidence: bool = False) -> dict[str, Any]:
    """One model in one framework, as the contract names it."""
    a = entry.assessment
    record: dict[str, Any] = {
        "id": a.subject.id,
        "name": a.subject.name,
        "org": a.subject.org,
        "type": a.subject.type,
        "framework": a.framework,
        "source": a.source,
        "source_file": a.source_file,
        "layer": a.layer,
        "provenance": a.provenance,
        "rank": entry.rank,
        "of": entry.of,
        "score": a.score,
        "coverage": a.coverage,
        "groups": a.groups,
        "ratings": a.levels(),
    }
    if a.klass is not None or a.progress is not None:
        record.update({"class": a.klass, "progress": a.progress, "blockers": a.blockers})
    if a.verdict is not None:
        record.update({"verdict": a.verdict, "reasons": a.reasons})
        if a.blockers is not None:
            record["blockers"] = a.blockers
    if a.warnings:
        record["warnings"] = a.warnings
    if a.related:
        record["related"] = a.related
    if a.extra:
        record.update(a.extra)
    if evidence:
        record["license"] = a.subject.license
        record["link"] = a.subject.link
        record["evidence"] = {
            r.dimension: {"level": r.level, "confidence": r.confidence,
                          "evidence": [e.to_dict() for e in r.evidence]}
            for r in a.ratings
        }
    return record


def report_record(report: Report) -> dict[str, Any]:
    """A `check` report: the subject and its sections (automatic assessments beside curated
    ones, in `context["automatic"]`, become model records like `frameworks`)."""
    context = dict(report.context)
    if isinstance(context.get("automatic"), dict):
        context["automatic"] = {f: {**ranked_record(r, evidence=True), "kind": kind_of(f)}
                                if isinstance(r, Ranked) else r
                                for f, r in context["automatic"].items()}
    return {
        "id": report.subject.id,
        "name": report.subject.name,
        "org": report.subject.org,
        "subject": report.subject.to_dict(),
        "summary": report.context.get("summary"),
        "license": report.license_dict(),
        "frameworks": {f: ranked_record(r, evidence=True) for f, r in report.frameworks.items()},
        "findings": [f.to_dict() for f in report.findings],
        "provenance": report.provenance.to_dict(),
        **{k: v for k, v in context.items() if k != "summary"},
    }


_RANKED_KEYS = frozenset((
    "id", "name", "org", "type", "framework", "source", "source_file", "layer", "provenance",
    "rank", "of", "score", "coverage", "groups", "ratings", "class", "progress", "blockers",
    "verdict", "reasons", "warnings", "related", "license", "link", "evidence", "kind"))
_REPORT_KEYS = ("id", "name", "org", "subject", "summary", "license", "frameworks", "findings",
                "provenance")


def ranked_from_record(record: dict[str, Any]) -> Ranked:
    """The `Ranked` a `ranked_record(entry, evidence=True)` was made from (its rating evidence,
    subject facts and `extra` keys; the assessment's date and snapshot are not in the record)."""
    subject = Subject(id=record["id"], name=record.get("name") or record["id"],
                      org=record.get("org"), type=list(record.get("type") or []),
                      link=record.get("link"), license=record.get("license"))
    detail = record.get("evidence") or {}
    levels = record.get("ratings") or {}
    ratings = [Rating.from_dict({"dimension": d, **detail[d]}) if d in detail
               else Rating(d, levels[d]) for d in dict.fromkeys([*levels, *detail])]
    assessment = Assessment(
        subject=subject, framework=record["framework"], ratings=ratings, score=record.get("score"),
        groups=record.get("groups") or {}, coverage=record.get("coverage"),
        klass=record.get("class"), progress=record.get("progress"), blockers=record.get("blockers"),
        verdict=record.get("verdict"), reasons=record.get("reasons"),
        warnings=list(record.get("warnings") or []), provenance=record.get("provenance", "curated"),
        source=record.get("source"), source_file=record.get("source_file"),
        layer=record.get("layer"), related=list(record.get("related") or []),
        extra={k: v for k, v in record.items() if k not in _RANKED_KEYS})
    return Ranked(assessment, record.get("rank") or 0, record.get("of") or 0)


def report_from_record(record: dict[str, Any]) -> Report:
    """The `Report` a `report_record` was made from, for `diff` of stored checks; the other
    sections (`automatic`, `comparison`, ...) come back in `context` as records."""
    return Report(
        subject=Subject.from_dict(record.get("subject") or {"id": record["id"],
                                                            "name": record.get("name") or record["id"]}),
        license=license_section(record.get("license")),
        frameworks={f: ranked_from_record(r) for f, r in (record.get("frameworks") or {}).items()},
        findings=[Finding.from_dict(f) for f in record.get("findings") or []],
        provenance=ReportProvenance.from_dict(record.get("provenance") or {}),
        context={"summary": record.get("summary"),
                 **{k: v for k, v in record.items() if k not in _REPORT_KEYS}})


def ranking_document(ranking: Any) -> Document:
    """`rank`: one record per ranked model."""
    fw = ranking.framework
    filters = ", ".join(f"{k}={v}" for k, v in ranking.filters.items())
    title = f"{fw.name}" + (f" ({filters})" if filters else "")
    records = [{**ranked_record(e), "kind": fw.kind} for e in ranking.entries]
    return Document("ranking", records, snapshot_records(ranking.snapshots), title, ranking)


def models_document(views: list[Any], kind: str = "models") -> Document:
    """`show` and `compare` (kind `comparison`, shown side by side): one record per model and
    framework, with evidence."""
    records = [
        {**ranked_record(entry, evidence=True), "kind": kind_of(fid),
         **{k: v for k, v in getattr(view, "context", {}).items() if v is not None}}
        for view in views for fid, entry in view.frameworks.items()
    ]
    snaps = {s.source: s for view in views for s in view.snapshots}
    return Document(kind, records, snapshot_records(list(snaps.values())), "", views)


def reports_document(reports: list[Report], snapshots: list[DataSnapshot]) -> Document:
    """`check`: one report per target."""
    records = [report_record(r) for r in reports]
    for record in records:
        for fid, f in record["frameworks"].items():
            f["kind"] = kind_of(fid)
    return Document("reports", records, snapshot_records(snapshots), "", reports)


def batch_document(run: Any) -> Document:
    """`check --from FILE`: one record per target (its report record, or its error)."""
    return Document("batch", [item.to_record() for item in run.items], [],
                    f"{run.path}: {len(run.items)} targets", run)


def frameworks_document(described: list[dict[str, Any]], snapshots: list[DataSnapshot]) -> Document:
    """`frameworks`: each framework with its criteria, and the data snapshots in use."""
    return Document("frameworks", described, snapshot_records(snapshots), "Frameworks")


def kind_of(framework_id: str) -> str:
    """`score`, `class` or `verdict` for a framework id."""
    from opengauge import frameworks

    return frameworks.get(framework_id).kind


def diff_document(diffs: list[Any]) -> Document:
    """`diff`: one record per comparison (`opengauge.diff.Diff.to_dict()`)."""
    records = [d.to_dict() for d in diffs]
    snaps = {json.dumps(s, sort_keys=True): s for r in records for s in (*r["a"]["data"], *r["b"]["data"])}
    title = "; ".join(f"{r['a']['label']} → {r['b']['label']}" for r in records)
    return Document("diff", records, list(snaps.values()), title, diffs)
def history_document(view: Any) -> Document:
    """`history`: one record per stored check of a model, newest first (`history.HistoryView`)."""
    records = [entry.to_record() for entry in view.entries]
    snaps = {json.dumps(s, sort_keys=True): s for r in records for s in r["data"]}
    return Document("history", records, list(snaps.values()),
                    f"{view.model}: {len(records)} stored check{'s' * (len(records) != 1)}", view)


def answers_document(records: list[dict[str, Any]], snapshots: list[DataSnapshot] | None = None
                     ) -> Document:
    """`can-i`: one record per target (`compliance.can_i.can_i`), with the notice."""
    from opengauge.compliance import NOTICE

    return Document("answers", records, snapshot_records(snapshots or []), "", records, NOTICE)


def licenses_document(results: list[Any]) -> Document:
    """`license`: one record per input (file, folder entry, standard input or id)."""
    return Document("licenses", [r.to_dict() for r in results], [], "", results)
