"""The public Python API. The CLI and the web app both call these functions and nothing else."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opengauge import frameworks as framework_registry
from opengauge.catalog.catalog import Catalog, load
from opengauge.errors import BadInput, NotFound
from opengauge.frameworks.interface import Framework
from opengauge.identity import require_id, table
from opengauge.model import LEVELS, Assessment, DataSnapshot, Ranked, Report, Subject

if TYPE_CHECKING:
    from opengauge.licenses.result import LicenseResult
from opengauge.paths import own_catalog_dir

DEFAULT_FRAMEWORK = framework_registry.DEFAULT


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
    context: dict[str, Any] = field(default_factory=dict)
    """Facts about the model that are not a framework's rating (developer transparency)."""


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


def _check_type(wanted: str, own: str | Path | None) -> None:
    """Refuse a `--type` that no record of any framework has (a typo, not an empty view)."""
    known = {t for fid in framework_registry.ids() for a in catalog(own).assessments(fid)
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
    license_family: str | None = None,
    levels: dict[str, str] | None = None,
    query: str | None = None,
) -> Ranking:
    """Models ranked by `framework`; `type` and `org` filter, `top` keeps the first N.

    `license_family` keeps one family of `license_family_of`; `levels` maps a criterion ref
    to the levels wanted (`{"trainingcode": "open,partial"}`); `query` is free text matched
    against id, name, organisation and license. Ranks are ordinals within the filtered view
    (1 is the best shown).
    """
    if top is not None and top < 1:
        raise BadInput(f"--top must be a positive number, not {top}")
    fw = framework_registry.get(framework)
    wanted_levels = _level_filters(fw, levels or {})
    records = catalog(own).assessments(framework)
    if type:
        typed = [a for a in records if _type_matches(a.subject.type, type)]
        if not typed:
            _check_type(type, own)
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
    return Ranking(fw, entries, _snapshots(own, [fw.source]), filters)


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


def license_families() -> list[str]:
    """Every license family name, in display order."""
    from opengauge.licenses.curated_family import names

    return names()


def _snapshots(own: str | Path | None, sources: list[str] | None = None) -> list[DataSnapshot]:
    snaps = catalog(own).snapshots()
    return [s for s in snaps if sources is None or s.source in sources]


def resolve(name: str, own: str | Path | None = None) -> str:
    """The model id `name` refers to; NotFound with suggestions otherwise.

    An exact model id always names that model, whatever the alias table says.
    """
    known = catalog(own).ids()
    return name if name in known else require_id(name, known)


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
    return ModelView(subject, found, _snapshots(own, sources), _context(subject, found))


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


def compare(names: list[str], framework: str | None = None,
            own: str | Path | None = None) -> list[ModelView]:
    """Several models side by side."""
    if len(names) < 2:
        raise BadInput("compare needs at least two models")
    return [model(n, framework, own) for n in names]


def check(target: str, own: str | Path | None = None) -> Report:
    """Everything known about `target`: subject, license, frameworks, findings, provenance."""
    view = model(target, None, own)
    if "mof" in view.frameworks:
        # check runs the license analyzer anyway: its reading of each MOT license string goes
        # beside the literal one (`rank` and `show` leave `normalized` null, for speed).
        from opengauge.frameworks.mof import with_normalized_readings

        entry = view.frameworks["mof"]
        view.frameworks["mof"] = Ranked(with_normalized_readings(entry.assessment), entry.rank,
                                        entry.of)
    different = _releases(view)
    report = Report(subject=view.subject, frameworks=view.frameworks)
    report.license = _catalog_license(view)
    report.findings = different
    report.provenance = {
        "kind": "curated",
        "data": [s.to_dict() for s in view.snapshots],
        "records": {f: _record_origin(r.assessment) for f, r in view.frameworks.items()},
    }
    verdict = headline_of(view.frameworks, report.license.get("texts"))
    report.context["summary"] = verdict.summary
    report.findings = [*report.findings, *report.license.get("conflicts", []), *verdict.findings]
    report.context.update(view.context)
    from opengauge.compliance.eu_ai_act import evaluate

    report.context["eu_ai_act"] = evaluate(report, own=own)
    return report


def check_target(target: str, own: str | Path | None = None, *, offline: bool | None = None,
                 endpoint: str | None = None, token: str | None = None,
                 timeout: float | None = None, store: Any = None,
                 allow_paths: bool = True) -> Report:
    """The report for any target: an existing path (folder, .gguf, .safetensors, shard index),
    a Hub id `org/name[@revision]`, or a catalog name (`path:`, `hub:`, `catalog:` force the
    choice). Repositories are assessed automatically (docs/rating-rules.md); catalog names
    give `check`'s curated report. `allow_paths=False` refuses local paths (servers)."""
    from opengauge.sources.target import resolve_target

    resolved = resolve_target(target)
    if resolved.kind == "catalog":  # no repository to read: stay on the fast catalog path
        return check(str(resolved.name), own)
    from opengauge.assess.engine import CheckOptions
    from opengauge.assess.engine import check_target as run

    options = CheckOptions(offline=offline, endpoint=endpoint, token=token, timeout=timeout)
    return run(target, own, options, store=store, allow_paths=allow_paths)


def unreachable_messages(reports: list[Report]) -> list[str]:
    """The distinct `hub-unreachable` messages of `reports` (to say once on stderr)."""
    found = [f["message"] for r in reports for f in r.findings if f.get("id") == "hub-unreachable"]
    return list(dict.fromkeys(found))


def gate_rules(requires: list[str] | None = None, denies: list[str] | None = None) -> list[Any]:
    """Parsed release-gate rules (`--require`, `--deny`); BadInput naming a malformed one."""
    if not requires and not denies:
        return []
    from opengauge.assess.gate import parse

    return parse(requires, denies)


def judge(report: Report, rules: list[Any]) -> dict[str, Any]:
    """The release-gate outcome of `report`: `{"passed", "requirements": [...]}`."""
    from opengauge.assess.gate import evaluate
    from opengauge.formats.records import report_record

    return evaluate(report_record(report), rules)


def check_batch(path: str | Path, own: str | Path | None = None, *, rules: list[Any] | None = None,
                jobs: int = 4, fresh: bool = False, progress: Any = None, store: Any = None,
                offline: bool | None = None, endpoint: str | None = None,
                token: str | None = None, timeout: float | None = None,
                history: bool = False) -> Any:
    """`check --from FILE`: every listed target, resumable (`assess.batch.BatchRun`); `history`
    stores each target checked now in the history."""
    from opengauge.assess.batch import run
    from opengauge.assess.engine import CheckOptions

    options = CheckOptions(offline=offline, endpoint=endpoint, token=token, timeout=timeout)
    return run(path, own, options, rules=rules, jobs=jobs, fresh=fresh, progress=progress,
               store=store, history=history)


def gate_failures(outcome: dict[str, Any]) -> list[str]:
    """Each failed requirement with the reason ('osai>=0.5 (osai score 0.25)')."""
    from opengauge.assess.gate import failures

    return failures(outcome)


def gather(target: str, offline: bool = False) -> Any:
    """The evidence the sources find about `target` (a path or a Hub id), as
    `opengauge.sources.facts.Facts`, without ratings (`check_target` rates it).
    `offline=True` answers Hub questions from the store only ($HF_HUB_OFFLINE also does)."""
    from opengauge.sources.gather import GatherOptions
    from opengauge.sources.gather import gather as run
    from opengauge.sources.hub import HubOptions

    return run(target, GatherOptions(hub=HubOptions(offline=True if offline else None)))


def _record_origin(assessment: Assessment) -> dict[str, Any]:
    return {"source": assessment.source, "source_file": assessment.source_file,
            "layer": assessment.layer}


def _catalog_license(view: ModelView) -> dict[str, Any]:
    """The catalog's license facts: the curated license name and the EU `licenses` rating.

    `analysis` is the license analyzer's reading of the curated name (see `license_name`),
    shown beside it; it never replaces the curated value.
    """
    section: dict[str, Any] = {"name": view.subject.license, "analysis": None}
    mof = view.frameworks.get("mof")
    if mof is not None:
        # The MOT's literal license strings and how the MOF reads them; each reading's
        # `normalized` is the license analyzer's reading beside it, never instead of it.
        section["mot"] = {"release": mof.assessment.source_file,
                          "readings": mof.assessment.extra.get("license_readings", {})}
    if view.subject.license:
        section["analysis"] = license_name(view.subject.license).to_dict()
    from opengauge.compliance.texts import catalog_texts

    governing = catalog_texts(view.subject, view.frameworks)
    section["texts"] = [t.record for t in governing.texts]
    section["text_notes"] = governing.notes
    section["conflicts"] = governing.findings
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


def _releases(view: ModelView) -> list[dict[str, Any]]:
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
    return [{"id": "frameworks-rate-different-releases", "severity": "warning",
             "message": f"the frameworks rate different releases: the model shown is {shown}, but "
                        + "; ".join(others),
             "evidence": [], "releases": {fid: release_name(r.assessment.subject)
                                          for fid, r in view.frameworks.items()}}]


def summarize(found: dict[str, Ranked], texts: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The headline of a catalog model by the one verdict table (`opengauge.verdict`), from its
    governing texts (`license.texts`) and its records."""
    return headline_of(found, texts).summary


def headline_of(found: dict[str, Ranked], texts: list[dict[str, Any]] | None = None) -> Any:
    """The verdict table's answer (`verdict.Headline`: summary and findings) for a catalog model."""
    from opengauge.verdict import Text, decide

    return decide([Text.of(t) for t in texts or []],
                  {f: r.assessment for f, r in found.items()})


def import_catalog(path: str | Path) -> list[dict[str, Any]]:
    """Import every catalog format found in the clone at `path`; see `catalog.importer`."""
    from opengauge.catalog.importer import import_clone

    if not str(path).strip():
        raise BadInput("catalog import: expected the folder of a clone, not an empty path")
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


def read_targets(path: str | Path) -> list[tuple[str, str]]:
    """Targets listed in `path`, one per line (blank lines and `#` comments skipped), each with
    its origin `FILE:LINE` for error messages."""
    from opengauge.limits import MAX_TARGETS_BYTES, read_regular

    file = Path(path)
    try:
        raw, more = read_regular(file, MAX_TARGETS_BYTES)
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise NotFound(f"{file}: no such file (expected one target per line)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{file}: cannot read the target list ({error})") from None
    if more:
        raise BadInput(f"{file}: over the {MAX_TARGETS_BYTES}-byte limit for a target list; "
                       "split it into several files")
    found = [(f"{file}:{n}", line.strip()) for n, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.strip().startswith("#")]
    if not found:
        raise BadInput(f"{file}: no targets (expected one model per line)")
    return found


def export(targets: list[str] | list[tuple[str, str]], fmt: str, own: str | Path | None = None, *,
           framework: str | None = None, validate: bool = False, offline: bool | None = None,
           endpoint: str | None = None, token: str | None = None,
           timeout: float | None = None, warnings: list[str] | None = None) -> list[Any]:
    """Each target's report in export format `fmt` (see `formats.exports`), one per model.

    Targets are anything `check` accepts (a catalog name, a folder or weights file, an
    `org/name[@revision]` Hub id; `check_target`), or `(origin, target)` pairs from
    `read_targets`. Every target is resolved first (a repository is assessed then) and an
    unknown one raises naming its origin before anything is built; targets naming the same
    model (the history's model key: catalog id, Hub repository, absolute path) count once.
    `warnings` receives the `hub-unreachable` messages of the reports (`unreachable_messages`).
    """
    from opengauge.errors import OpengaugeError
    from opengauge.formats.exports import export as export_report
    from opengauge.history import model_key
    from opengauge.sources.target import resolve_target

    pairs = [t if isinstance(t, tuple) else (None, t) for t in targets]
    found: dict[str, Report | None] = {}  # model key -> its report (None: a catalog id)
    for origin, name in pairs:
        try:
            resolved = resolve_target(name)
            if resolved.kind == "catalog":
                found.setdefault(resolve(str(resolved.name), own))
            else:
                report = check_target(name, own, offline=offline, endpoint=endpoint, token=token,
                                      timeout=timeout)
                found.setdefault(model_key(report), report)
        except OpengaugeError as error:
            if origin is None:
                raise
            raise type(error)(f"{origin}: {error}") from None
    if warnings is not None:
        warnings += unreachable_messages([r for r in found.values() if r is not None])
    items = []
    for key, assessed in found.items():
        item = export_report(assessed or check(key, own), fmt, framework=framework,
                             validate=validate)
        item.stem = export_stem(key, assessed)
        items.append(item)
    return items


def export_stem(key: str, report: Report | None) -> str:
    """The file name (before the suffix) of an export: the catalog id; `org__name` for a Hub
    repository; the folder's or file's name for a local target."""
    target = ((report.provenance or {}).get("target") if report else None) or {}
    if target.get("kind") == "hub":
        return str(target.get("repo_id") or key).replace("/", "__")
    if target.get("kind") == "path":
        path = Path(key)
        return path.stem if path.suffix.lower() in (".gguf", ".safetensors", ".json") else path.name
    return key


def save_exports(items: list[Any], folder: str | Path, *, force: bool = False) -> list[Path]:
    """Write each export to `folder/<stem><suffix>` (a curated EU-index record under its upstream
    file name); existing files are kept unless `force`."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise BadInput(f"{out}: not a folder (--out takes a folder)")
    paths = [out / item.file_name for item in items]
    clash = next((p for i, p in enumerate(paths) if p in paths[:i]), None)
    if clash is not None:
        raise BadInput(f"{clash}: two targets would be written to this file (export them to "
                       "different --out folders)")
    existing = [str(p) for p in paths if p.exists()]
    if existing and not force:
        raise BadInput(f"{existing[0]}: already exists (use --force to overwrite"
                       f"{f'; {len(existing)} files in all' if len(existing) > 1 else ''})")
    out.mkdir(parents=True, exist_ok=True)
    for path, item in zip(paths, items, strict=True):
        path.write_text(item.text, "utf-8")
    return paths


def _snapshot_spec(spec: str) -> tuple[str, str | None]:
    """`osai-14`, `osai-index@imported`, `osai@bundled` -> (framework id, layer or None)."""
    from opengauge.catalog.catalog import LAYERS

    name, _, layer = spec.partition("@")
    if name in framework_registry.ids():
        framework_id = name
    else:
        found = framework_registry.by_source(name)
        if not found:
            raise BadInput(f"--snapshot '{spec}': expected a framework ({', '.join(framework_ids())}) "
                           "or a dataset such as osai-index-14, optionally @bundled, @imported or @own")
        framework_id = found[0].id
    if layer and layer not in LAYERS:
        raise BadInput(f"--snapshot '{spec}': unknown layer '{layer}' (expected {', '.join(LAYERS)})")
    return framework_id, layer or None


def snapshot_report(name: str, spec: str, own: str | Path | None = None) -> Report:
    """A report holding one model's record in one dataset snapshot (see `_snapshot_spec`)."""
    from opengauge.catalog.catalog import load_layer

    framework_id, layer = _snapshot_spec(spec)
    model_id = resolve(name, own)
    cat = catalog(own) if layer is None else load_layer(layer, own_catalog_dir(own))
    framework = framework_registry.get(framework_id)
    entry = next((e for e in framework.rank(cat.assessments(framework_id))
                  if e.assessment.subject.id == model_id), None)
    if entry is None:
        raise NotFound(f"model '{model_id}' has no record in {spec}")
    snaps = [s for s in cat.snapshots() if s.source == framework.source]
    view = ModelView(entry.assessment.subject, {framework_id: entry}, snaps)
    report = Report(subject=view.subject, frameworks=view.frameworks, license=_catalog_license(view))
    report.provenance = {"kind": "curated", "data": [s.to_dict() for s in snaps],
                         "records": {framework_id: _record_origin(entry.assessment)}}
    return report


def diff(a: str, b: str | None = None, own: str | Path | None = None, *,
         snapshots: list[str] | None = None, history: list[str] | None = None) -> Any:
    """What changed from model `a` to model `b` (`opengauge.diff.Diff`).

    With two `snapshots`, `a` is read from the first and `b` (default: `a` again) from the
    second; with one, both models are read from it; without, both are full `check` reports.
    `history` does the same with stored checks (`history_entry` refs) instead of snapshots.
    """
    from opengauge.diff import diff as diff_reports

    if history:
        if snapshots:
            raise BadInput("give --snapshot or --history, not both")
        return _diff_history(a, b, list(history), own)
    snapshots = list(snapshots or [])
    if len(snapshots) > 2:
        raise BadInput("diff compares two snapshots at most (give --snapshot once or twice)")
    if b is None and len(snapshots) < 2:
        raise BadInput("diff needs two models, or one model and two --snapshot options")
    b = b or a
    if not snapshots:
        return diff_reports(check(a, own), check(b, own))
    spec_a, spec_b = snapshots if len(snapshots) == 2 else snapshots * 2
    report_a, report_b = snapshot_report(a, spec_a, own), snapshot_report(b, spec_b, own)
    labels = (f"{report_a.subject.id} @ {spec_a}", f"{report_b.subject.id} @ {spec_b}")
    return diff_reports(report_a, report_b, labels=labels)


def _diff_history(a: str, b: str | None, refs: list[str], own: str | Path | None) -> Any:
    from opengauge.diff import diff as diff_reports

    if len(refs) > 2:
        raise BadInput("diff compares two stored checks at most (give --history once or twice)")
    from opengauge.history import check_ref

    for ref in refs:  # a malformed ref is the mistake to report, before any count of models
        check_ref(ref)
    if b is None and len(refs) < 2:
        raise BadInput("diff needs two models, or one model and two --history options")
    ref_a, ref_b = refs if len(refs) == 2 else refs * 2
    entry_a, entry_b = history_entry(a, ref_a, own), history_entry(b or a, ref_b, own)
    return diff_reports(entry_a.report(), entry_b.report(), labels=(entry_a.label, entry_b.label))


def record_check(target: str, report: Report) -> str | None:
    """Store a check in the history (`opengauge.history`); None, or why it was not stored (an
    unusable store never fails the check)."""
    from opengauge import history

    return history.record_safely(target, report)


def history(name: str, own: str | Path | None = None, *, limit: int | None = None) -> Any:
    """`opengauge history MODEL`: its stored checks, newest first (`history.HistoryView`)."""
    from opengauge import history as stored

    return stored.view(name, own, limit=limit)


def history_entry(name: str, ref: str, own: str | Path | None = None) -> Any:
    """One stored check of a model: its number, `latest`, `previous` or a revision prefix."""
    from opengauge import history as stored

    return stored.find(name, ref, own)
def data_snapshots(own: str | Path | None = None, sources: list[str] | None = None) -> list[DataSnapshot]:
    """The data snapshot (upstream commit, date, attribution) of each dataset in use."""
    return _snapshots(own, sources)


def model_ids(own: str | Path | None = None) -> list[str]:
    """Every model id in the catalog (any framework)."""
    return catalog(own).ids()


def pin_snapshots(pins: list[str], own: str | Path | None = None) -> list[DataSnapshot]:
    """Check permalink pins `source@commit` against the loaded data; the pinned snapshots.

    BadInput for a malformed pin, NotFound when the loaded data is not that snapshot.
    """
    loaded = {s.source: s for s in _snapshots(own)}
    pinned: list[DataSnapshot] = []
    for pin in pins:
        source, sep, commit = pin.partition("@")
        if not sep or not source or not re.fullmatch(r"[0-9a-fA-F]{4,40}", commit):
            raise BadInput(f"snapshot '{pin}': expected SOURCE@COMMIT, e.g. osai-index@5a388e8")
        snapshot = loaded.get(source)
        if snapshot is None:
            raise NotFound(f"snapshot '{pin}': no dataset '{source}' is loaded here "
                           f"(loaded: {', '.join(loaded)})")
        if snapshot_commit(snapshot) != commit.lower():
            raise NotFound(f"snapshot '{pin}': this data is {source}@{snapshot_commit(snapshot)} "
                           f"({snapshot.date or 'undated'}), not @{commit}")
        pinned.append(snapshot)
    return pinned


def snapshot_commit(snapshot: DataSnapshot) -> str | None:
    """The upstream commit of a snapshot ('org/repo@5a388e8' -> '5a388e8'); None for own data."""
    text = snapshot.snapshot or ""
    if snapshot.layer == "own" or "@" not in text:
        return None
    return text.rsplit("@", 1)[1].lower()
def can_i(target: str, own: str | Path | None = None, *, commercial: bool = False,
          users: float | None = None, revenue: float | None = None, region: str | None = None,
          fine_tune: bool = False, redistribute: bool = False, train_on_outputs: bool = False,
          military: bool = False, **hub: Any) -> dict[str, Any]:
    """`opengauge can-i`: each question answered yes, no, conditional or unknown from the
    target's governing license texts, with the deciding clauses (docs/compliance.md)."""
    from opengauge.compliance.can_i import Questions
    from opengauge.compliance.can_i import can_i as answer

    questions = Questions(commercial, users, revenue, region, fine_tune, redistribute,
                          train_on_outputs, military)
    return answer(target, questions, own, **hub)


def license_analyze(paths: Sequence[str | Path], jobs: int | None = None) -> list[LicenseResult]:
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
