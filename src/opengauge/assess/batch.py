"""`check --from FILE`: check many targets with bounded concurrency, and resume.

Every target's result (its report record, or its error and exit code) is written to the
SQLite store as soon as it is known, keyed by the batch (the list file and the Hub it asks),
with its fingerprint: the target's (the Hub commit, or the local digest `history` stores), the
tool version and the catalog snapshot. Running the same list again keeps a target already done
only when all three are unchanged (else it is checked again, and `rechecked` says why), unless
`fresh`; failed targets are tried again. A target that fails never stops the others. The
batch's exit code is the largest of its targets' (0 done, 1 a release gate failed, 2 bad input, 3 not found,
4 network, 70 internal error).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from opengauge.app.session import Session
from opengauge.errors import OpengaugeError
from opengauge.sources.hub import HubOptions
from opengauge.store import Store

EXIT_INTERNAL = 70


@dataclass
class Item:
    """One target of a batch and what became of it."""

    origin: str
    target: str
    status: str = "pending"
    """`done` or `failed`."""
    exit_code: int = 0
    record: dict[str, Any] | None = None
    error: str | None = None
    resumed: bool = False
    """True when the result comes from an earlier run of the same batch."""
    gate: dict[str, Any] | None = None
    history_problem: str | None = None
    """Why the check was not stored in the history (None: stored, or not asked to)."""
    rechecked: str | None = None
    """Why an earlier result was not kept (the target, tool or catalog changed)."""

    def to_record(self) -> dict[str, Any]:
        head = {"target": self.target, "origin": self.origin, "status": self.status,
                "exit_code": self.exit_code, "resumed": self.resumed,
                **({"rechecked": self.rechecked} if self.rechecked else {})}
        if self.record is None:
            return {**head, "error": self.error}
        return {**head, **self.record, **({"gate": self.gate} if self.gate is not None else {})}


@dataclass
class BatchRun:
    """The outcome of a batch."""

    path: str
    batch: str
    items: list[Item] = field(default_factory=list)
    elapsed: float = 0.0
    checked: int = 0

    @property
    def exit_code(self) -> int:
        return max((item.exit_code for item in self.items), default=0)

    def counts(self) -> dict[str, int]:
        found = {"targets": len(self.items), "checked": self.checked,
                 "resumed": sum(1 for i in self.items if i.resumed),
                 "done": sum(1 for i in self.items if i.status == "done"),
                 "failed": sum(1 for i in self.items if i.status == "failed"),
                 "gate_failed": sum(1 for i in self.items if i.gate and not i.gate["passed"])}
        return found

    def notes(self) -> list[str]:
        c = self.counts()
        line = (f"{c['targets']} targets: {c['done']} done, {c['failed']} failed"
                + (f", {c['gate_failed']} failed the release gate" if c["gate_failed"] else "")
                + f"; {c['checked']} checked now in {self.elapsed:.1f} s")
        if c["resumed"]:
            line += f", {c['resumed']} kept from an earlier run (--fresh checks them again)"
        again = [i for i in self.items if i.rechecked]
        if again:
            line += (f"; {len(again)} checked again because they changed "
                     f"({again[0].target}: {again[0].rechecked})")
        problems = [i.history_problem for i in self.items if i.history_problem]
        return [line] + ([f"warning: {len(problems)} checks not stored in the history: "
                          f"{problems[0]}"] if problems else [])


def batch_id(path: Path, hub: HubOptions) -> str:
    """The key of a batch in the store: the list file and the Hub it asks."""
    endpoint = hub.resolved_endpoint()
    key = f"{path.resolve()}\0{endpoint}"
    return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:24]


class _NoProgress:
    def start(self, total: int) -> None:
        pass

    def advance(self, label: str) -> None:
        pass


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Any]:
    """A rich progress bar on stderr when `enabled` (a terminal), else a silent stand-in."""
    if not enabled:
        yield _NoProgress()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from opengauge.formats.inert import terminal

    columns = (TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.description}", markup=False))
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:

        class _Bar:
            task: Any = None

            def start(self, total: int) -> None:
                self.task = bar.add_task("", total=total)

            def advance(self, label: str) -> None:
                bar.update(self.task, advance=1, description=terminal(label[:60], line=True))

        yield _Bar()


RESUME_KEY = "_resume"
"""Where a stored batch result keeps its fingerprint (removed before it is shown)."""


def catalog_fingerprint(session: Session) -> str:
    """The catalog snapshot a result was computed with: every dataset's source@snapshot."""
    snaps = sorted(f"{s.source}@{s.layer}:{s.snapshot}" for s in session.snapshots())
    return hashlib.sha256("\n".join(snaps).encode()).hexdigest()[:16]


def target_fingerprint(text: str, options: HubOptions, store: Store | None = None) -> str:
    """The target's current fingerprint: the Hub commit (asked again, not from the cache), the
    local digest the history stores (`engine.revision_of`), or `catalog` for a catalog name."""
    from opengauge.assess.engine import revision_of
    from opengauge.sources.gather import GatherOptions, gather
    from opengauge.sources.hub import HubClient
    from opengauge.sources.target import resolve_target

    target = resolve_target(text)
    if target.kind == "catalog":
        return "catalog"
    hub = replace(options)
    if target.kind == "hub":
        hub.refresh = True
        model, _ = HubClient(hub, store).model_info(str(target.repo_id), target.revision)
        return f"hub:{model.sha}"
    hub.offline = True
    facts = gather(target, GatherOptions(lookups=False, analyze_licenses=False), store=store,
                   hub=hub)
    return str(revision_of(facts)["revision"])


def fingerprint(text: str, session: Session, store: Store | None) -> dict[str, str]:
    """The target's, the tool's and the catalog's fingerprints (a failure is a fingerprint too:
    it never matches, so the target is checked again)."""
    from opengauge import __version__

    try:
        target = target_fingerprint(text, session.hub, store)
    except OpengaugeError as error:
        target = f"unknown ({error})"
    return {"target": target, "tool": __version__, "catalog": catalog_fingerprint(session)}


def changed(earlier: dict[str, Any] | None, now: dict[str, str]) -> str | None:
    """Why an earlier result may not be kept, or None when nothing changed."""
    if not earlier:
        return "no fingerprint was stored with the earlier result"
    if now["target"].startswith("unknown"):
        return f"its fingerprint could not be read: {now['target'][9:-1]}"
    names = {"target": "the target", "tool": "the opengauge version",
             "catalog": "the catalog snapshot"}
    for key, name in names.items():
        if earlier.get(key) != now[key]:
            return f"{name} changed ({str(earlier.get(key))[:24]} -> {now[key][:24]})"
    return None


def _check_one(text: str, session: Session, store: Store, batch: str,
               history: bool = False) -> Item:
    from opengauge.formats.records import report_record

    item = Item(origin="", target=text)
    try:
        prints = fingerprint(text, session, store)
        report = session.check_target(text)
        record = report_record(report)
        data = json.dumps({**record, RESUME_KEY: prints}, ensure_ascii=False,
                          default=str).encode("utf-8")
        item.status, item.record = "done", record
        if history:
            from opengauge.app.recording import record_safely

            item.history_problem = record_safely(text, report, store)
    except OpengaugeError as error:
        item.status, item.exit_code, item.error = "failed", error.exit_code, str(error)
        data = None
    except Exception as error:  # one target's bug must not lose the batch
        item.status, item.exit_code = "failed", EXIT_INTERNAL
        item.error = f"internal error: {type(error).__name__}: {error}"[:500]
        data = None
    store.batch_put(batch, text, item.status, item.exit_code, data, item.error)
    return item


def run(path: str | Path, session: Session, *, rules: list[Any] | None = None, jobs: int = 4,
        fresh: bool = False, progress: Any = None, history: bool = False) -> BatchRun:
    """Check every target listed in `path` with `session` (its catalog, Hub options and store,
    else the default store; see the module docstring); with `history`, each target checked now
    is also stored in the history (`opengauge.history`)."""
    from opengauge.app.files import read_targets
    from opengauge.assess import analyzer
    from opengauge.assess.gate import evaluate
    from opengauge.frameworks import automatic

    progress = progress or _NoProgress()
    listed = read_targets(path)
    store = session.store or Store()
    session = session.with_store(store)
    batch = batch_id(Path(path), session.hub)
    if fresh:
        store.batch_clear(batch)
    stored = store.batch_results(batch)
    items: dict[str, Item] = {}
    for origin, text in listed:
        items.setdefault(text, Item(origin=origin, target=text))
    todo = []
    for text, item in items.items():
        earlier = stored.get(text)
        if earlier is not None and earlier.status == "done" and earlier.record:
            record = json.loads(earlier.record)
            why = changed(record.pop(RESUME_KEY, None), fingerprint(text, session, store))
            if why is None:
                item.status, item.resumed, item.record = "done", True, record
                continue
            item.rechecked = why
        todo.append(text)
    result = BatchRun(str(path), batch)
    started = time.perf_counter()
    progress.start(len(todo))
    if todo:
        catalog = session.catalog  # load shared state once, before threads use it
        for framework_id in automatic.ids():
            catalog.assessments(framework_id)
        analyzer.warm()
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(_check_one, text, session, store, batch, history): text
                       for text in todo}
            try:
                for future in as_completed(futures):
                    done = future.result()
                    item = items[futures[future]]
                    item.status, item.exit_code = done.status, done.exit_code
                    item.record, item.error = done.record, done.error
                    item.history_problem = done.history_problem
                    result.checked += 1
                    progress.advance(item.target)
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    for item in items.values():
        if item.record is not None and rules:
            item.gate = evaluate(item.record, rules)
            if not item.gate["passed"]:
                item.exit_code = max(item.exit_code, 1)
    result.items = list(items.values())
    result.elapsed = time.perf_counter() - started
    return result
