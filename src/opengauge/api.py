"""The public Python API: the CLI and the web app call these functions and nothing else.

A thin facade: each call builds (or reuses) a `Session` for the catalog folder `own` and the
Hub options given (`app.session`), and delegates to the layer that does the work.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opengauge import frameworks as framework_registry
from opengauge.app.curated import ModelView, headline_of, summarize
from opengauge.app.files import export_stem, read_targets, save_exports
from opengauge.app.session import Session, SessionConfig, forget
from opengauge.assess.report import Report
from opengauge.catalog.catalog import Catalog
from opengauge.catalog.ranking import DEFAULT_FRAMEWORK, Ranking, license_family_of
from opengauge.catalog.ranking import rank as rank_catalog
from opengauge.errors import BadInput, NotFound
from opengauge.model import DataSnapshot, Ranked

if TYPE_CHECKING:
    from opengauge.assess.batch import BatchRun
    from opengauge.assess.gate import Requirement
    from opengauge.diff import Diff
    from opengauge.formats.exports import Exported
    from opengauge.history import Entry, HistoryView
    from opengauge.licenses.result import LicenseResult
    from opengauge.sources.facts import Facts
    from opengauge.store import Store

Own = str | Path | Session | None
"""The user's own records folder (else `$OPENGAUGE_CATALOG`), or a session already built."""

__all__ = ["DEFAULT_FRAMEWORK", "ModelView", "Own", "Ranking", "Session", "SessionConfig", "export_stem",
           "headline_of", "license_family_of", "read_targets", "save_exports", "summarize",
           "unreachable_messages"]


def unreachable_messages(reports: list[Report]) -> list[str]:
    """The `hub-unreachable` messages of `reports` (`assess.findings`, imported on first use:
    the web app's first page needs no findings)."""
    from opengauge.assess.findings import unreachable_messages as messages

    return messages(reports)


def session(own: Own = None, *, store: Store | None = None, **hub: Any) -> Session:
    """The session for the own records `own` (else `$OPENGAUGE_CATALOG`) and the Hub options
    `hub` (`offline`, `endpoint`, `token`, `timeout`); catalogs are loaded once per folder.

    Every function here takes a `Session` where it takes `own`: a command builds one and
    passes it to each call (it carries its Hub options and store; none may be given again)."""
    if isinstance(own, Session):
        if store is not None or any(v is not None for v in hub.values()):
            raise TypeError("a Session carries its Hub options and store: give them when it is built")
        return own
    return Session(SessionConfig.of(own, **hub), store=store)


def catalog(own: Own = None) -> Catalog:
    """The catalog with the user's own records (`own`, else `$OPENGAUGE_CATALOG`)."""
    return session(own).catalog


def reset() -> None:
    """Forget loaded catalogs (after an import, or in tests)."""
    forget()


def framework_ids() -> list[str]:
    """Every framework id."""
    return framework_registry.ids()


def describe_frameworks() -> list[dict[str, Any]]:
    """Each framework with its groups and criteria."""
    return [framework_registry.get(i).describe() for i in framework_registry.ids()]


def ranked(framework_id: str, own: Own = None, *, releases: bool = False) -> list[Ranked]:
    """The full ranking of `framework_id` (of every MOT release with `releases`), before any filter."""
    return session(own).ranked(framework_id, releases=releases)


def rank(framework: str = DEFAULT_FRAMEWORK, *, type: str | None = None, org: str | None = None,
         top: int | None = None, own: Own = None, license_family: str | None = None,
         levels: dict[str, str] | None = None, query: str | None = None,
         releases: bool = False) -> Ranking:
    """Models ranked by `framework`, filtered (see `catalog.ranking.rank`); `releases` ranks
    every MOT release instead of one per family."""
    return rank_catalog(catalog(own), framework, type=type, org=org, top=top,
                        license_family=license_family, levels=levels, query=query,
                        releases=releases)


def license_families() -> list[str]:
    """Every license family name, in display order."""
    from opengauge.licenses.curated_family import names

    return names()


def resolve(name: str, own: Own = None) -> str:
    """The model id `name` refers to; NotFound with suggestions otherwise.

    An exact model id always names that model, whatever the alias table says.
    """
    return session(own).resolve(name)


def model(name: str, framework: str | None = None, own: Own = None) -> ModelView:
    """One model with its ranked assessment in every framework (or just `framework`)."""
    return session(own).model(name, framework)


def compare(names: list[str], framework: str | None = None,
            own: Own = None) -> list[ModelView]:
    """Several models side by side."""
    if len(names) < 2:
        raise BadInput("compare needs at least two models")
    found = session(own)
    return [found.model(n, framework) for n in names]


def check(target: str, own: Own = None) -> Report:
    """Everything known about `target`: subject, license, frameworks, findings, provenance."""
    return session(own).check(target)


def check_target(target: str, own: Own = None, *, offline: bool | None = None,
                 endpoint: str | None = None, token: str | None = None,
                 timeout: float | None = None, store: Store | None = None,
                 allow_paths: bool = True) -> Report:
    """The report for any target: an existing path (folder, .gguf, .safetensors, shard index),
    a Hub id `org/name[@revision]`, or a catalog name (`path:`, `hub:`, `catalog:` force the
    choice). Repositories are assessed automatically (docs/rating-rules.md); catalog names
    give `check`'s curated report. `allow_paths=False` refuses local paths (servers)."""
    found = session(own, store=store, offline=offline, endpoint=endpoint, token=token,
                    timeout=timeout)
    return found.check_target(target, allow_paths=allow_paths)


def gate_rules(requires: list[str] | None = None,
               denies: list[str] | None = None) -> list[Requirement]:
    """Parsed release-gate rules (`--require`, `--deny`); BadInput naming a malformed one."""
    if not requires and not denies:
        return []
    from opengauge.assess.gate import parse

    return parse(requires, denies)


def judge(report: Report, rules: list[Requirement]) -> dict[str, Any]:
    """The release-gate outcome of `report`: `{"passed", "requirements": [...]}`."""
    from opengauge.assess.gate import evaluate
    from opengauge.formats.records import report_record

    return evaluate(report_record(report), rules)


def check_batch(path: str | Path, own: Own = None, *,
                rules: list[Requirement] | None = None, jobs: int = 4, fresh: bool = False,
                progress: Any = None, store: Store | None = None, offline: bool | None = None,
                endpoint: str | None = None, token: str | None = None,
                timeout: float | None = None, history: bool = False) -> BatchRun:
    """`check --from FILE`: every listed target, resumable (`assess.batch.BatchRun`); `history`
    stores each target checked now in the history."""
    from opengauge.assess.batch import run

    found = session(own, store=store, offline=offline, endpoint=endpoint, token=token,
                    timeout=timeout)
    return run(path, found, rules=rules, jobs=jobs, fresh=fresh, progress=progress,
               history=history)


def gate_failures(outcome: dict[str, Any]) -> list[str]:
    """Each failed requirement with the reason ('osai>=0.5 (osai score 0.25)')."""
    from opengauge.assess.gate import failures

    return failures(outcome)


def gather(target: str, offline: bool = False) -> Facts:
    """The evidence the sources find about `target` (a path or a Hub id), without ratings
    (`check_target` rates it). `offline=True` answers Hub questions from the store only
    ($HF_HUB_OFFLINE also does)."""
    from opengauge.sources.gather import gather as run
    from opengauge.sources.hub import HubOptions

    return run(target, hub=HubOptions(offline=True if offline else None))


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


def list_catalog(own: Own = None) -> dict[str, Any]:
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


def export(targets: list[str] | list[tuple[str, str]], fmt: str, own: Own = None, *,
           framework: str | None = None, validate: bool = False, offline: bool | None = None,
           endpoint: str | None = None, token: str | None = None,
           timeout: float | None = None, warnings: list[str] | None = None) -> list[Exported]:
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

    found_session = session(own, offline=offline, endpoint=endpoint, token=token, timeout=timeout)
    pairs = [t if isinstance(t, tuple) else (None, t) for t in targets]
    found: dict[str, Report | None] = {}  # model key -> its report (None: a catalog id)
    for origin, name in pairs:
        try:
            resolved = resolve_target(name)
            if resolved.kind == "catalog":
                found.setdefault(found_session.resolve(str(resolved.name)))
            else:
                report = found_session.check_target(name)
                found.setdefault(model_key(report), report)
        except OpengaugeError as error:
            if origin is None:
                raise
            raise type(error)(f"{origin}: {error}") from None
    if warnings is not None:
        warnings += unreachable_messages([r for r in found.values() if r is not None])
    items = []
    for key, assessed in found.items():
        item = export_report(assessed or found_session.check(key), fmt, framework=framework,
                             validate=validate)
        item.stem = export_stem(key, assessed)
        items.append(item)
    return items


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


def snapshot_report(name: str, spec: str, own: Own = None) -> Report:
    """A report holding one model's record in one dataset snapshot (see `_snapshot_spec`)."""
    from opengauge.app.curated import snapshot_report as report_of

    framework_id, layer = _snapshot_spec(spec)
    return report_of(session(own), name, framework_id, layer, spec)


def diff(a: str, b: str | None = None, own: Own = None, *,
         snapshots: list[str] | None = None, history: list[str] | None = None) -> Diff:
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


def _diff_history(a: str, b: str | None, refs: list[str], own: Own) -> Diff:
    from opengauge.diff import diff as diff_reports
    from opengauge.formats.records import report_from_record

    if len(refs) > 2:
        raise BadInput("diff compares two stored checks at most (give --history once or twice)")
    from opengauge.history import check_ref

    for ref in refs:  # a malformed ref is the mistake to report, before any count of models
        check_ref(ref)
    if b is None and len(refs) < 2:
        raise BadInput("diff needs two models, or one model and two --history options")
    ref_a, ref_b = refs if len(refs) == 2 else refs * 2
    entry_a, entry_b = history_entry(a, ref_a, own), history_entry(b or a, ref_b, own)
    return diff_reports(report_from_record(entry_a.record), report_from_record(entry_b.record),
                        labels=(entry_a.label, entry_b.label))


def record_check(target: str, report: Report) -> str | None:
    """Store a check in the history (`opengauge.history`); None, or why it was not stored (an
    unusable store never fails the check)."""
    from opengauge.app.recording import record_safely

    return record_safely(target, report)


def history(name: str, own: Own = None, *, limit: int | None = None) -> HistoryView:
    """`opengauge history MODEL`: its stored checks, newest first (`history.HistoryView`)."""
    from opengauge import history as stored

    return stored.view(name, session(own).resolve, limit=limit)


def history_entry(name: str, ref: str, own: Own = None) -> Entry:
    """One stored check of a model: its number, `latest`, `previous` or a revision prefix."""
    from opengauge import history as stored

    return stored.find(name, ref, session(own).resolve)


def data_snapshots(own: Own = None, sources: list[str] | None = None) -> list[DataSnapshot]:
    """The data snapshot (upstream commit, date, attribution) of each dataset in use."""
    return session(own).snapshots(sources)


def model_ids(own: Own = None) -> list[str]:
    """Every model id in the catalog (any framework)."""
    return session(own).ids()


def release_ids(own: Own = None) -> list[str]:
    """Every MOT release's id (`catalog.releases`): each is a model of its own."""
    return list(catalog(own).release_index().releases)


def pin_snapshots(pins: list[str], own: Own = None) -> list[DataSnapshot]:
    """Check permalink pins `source@commit` against the loaded data; the pinned snapshots.

    BadInput for a malformed pin, NotFound when the loaded data is not that snapshot.
    """
    loaded = {s.source: s for s in data_snapshots(own)}
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


def can_i(target: str, own: Own = None, *, commercial: bool = False,
          users: float | None = None, revenue: float | None = None, region: str | None = None,
          fine_tune: bool = False, redistribute: bool = False, train_on_outputs: bool = False,
          military: bool = False, **hub: Any) -> dict[str, Any]:
    """`opengauge can-i`: each question answered yes, no, conditional or unknown from the
    target's governing license texts, with the deciding clauses (docs/compliance.md)."""
    from opengauge.compliance.can_i import Questions
    from opengauge.compliance.can_i import can_i as answer

    questions = Questions(commercial, users, revenue, region, fine_tune, redistribute,
                          train_on_outputs, military)
    return answer(target, questions, session(own, **hub))


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
