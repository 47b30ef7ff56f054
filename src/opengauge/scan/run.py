"""A scan's life: list the repositories into shard manifests, run every shard without output
as one Dask task, write each shard's rows to a temp file and rename it into place.

Files in `--out` (docs/scan.md): `scan.json` (parameters; written when the listing is complete),
`manifests/shard-<n>.parquet` (the repositories of shard n, with what the listing said),
`part-<n>.parquet` (the rows; present only when the shard is done).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from opengauge.errors import BadInput
from opengauge.scan.limiter import Budgets, LimitedClient, Limiter, SlidingWindow
from opengauge.scan.rows import Listed, row_of, shallow_facts
from opengauge.scan.schema import DEPTHS, SCHEMA_VERSION

STATE = "scan.json"
MANIFESTS = "manifests"
ROW_BATCH = 100
"""Repositories a worker holds at once (manifest records in, rows out): a shard streams
through in batches of this size, so a worker's memory does not grow with the shard size or
with how many shards it has run (cards of a snapshot can be large)."""


@dataclass
class HubSettings:
    """How workers reach the Hub (picklable: it travels to every worker)."""

    endpoint: str | None = None
    token: str | None = None
    offline: bool | None = None
    timeout: float | None = None
    retries: int = 6


@dataclass
class ScanOptions:
    out: Path
    depth: str = "card"
    shard_size: int = 500
    fresh: bool = False
    scheduler: str | None = None
    workers: int | None = None
    hub: HubSettings = field(default_factory=HubSettings)
    budgets: Budgets = field(default_factory=Budgets)
    progress: bool = False

    def __post_init__(self) -> None:
        if self.depth not in DEPTHS:
            raise BadInput(f"--depth must be one of {', '.join(DEPTHS)}, not '{self.depth}'")
        if self.shard_size < 1:
            raise BadInput("--shard-size must be at least 1")
        if self.workers is not None and self.workers < 1:
            raise BadInput("--workers must be at least 1")


@dataclass
class ScanSummary:
    out: Path
    shards: int
    repos: int
    done_before: int
    ran: int
    errors: int
    seconds: float
    requests: dict[str, int] = field(default_factory=dict)


def part_path(out: Path, shard: int) -> Path:
    return out / f"part-{shard:05d}.parquet"


def manifest_path(out: Path, shard: int) -> Path:
    return out / MANIFESTS / f"shard-{shard:05d}.parquet"


# -- the listing -----------------------------------------------------------------------------

def prepare(out: Path, depth: str, source: str, fresh: bool) -> dict[str, Any] | None:
    """The finished listing of an earlier scan of `out` to resume, or None to list anew."""
    state_file = out / STATE
    if out.exists() and not out.is_dir():
        raise BadInput(f"--out {out}: exists and is not a folder")
    if out.is_dir() and not state_file.exists() and any(
            p.name not in (MANIFESTS,) for p in out.iterdir()):
        raise BadInput(f"--out {out}: a folder that holds no scan (no {STATE}); give a new or "
                       "empty folder")
    state = None
    if state_file.exists():
        try:
            state = json.loads(state_file.read_text())
        except ValueError:
            raise BadInput(f"{state_file}: not valid JSON; remove it or use --fresh") from None
    if fresh:
        _clear(out)
        return None
    if state is not None and (state.get("depth"), state.get("input")) != (depth, source):
        raise BadInput(f"--out {out}: holds a scan of {state.get('input')} at depth "
                       f"{state.get('depth')}; use --fresh to start over or another --out")
    return state if state is not None and state.get("complete") else None


def _clear(out: Path) -> None:
    """Remove only the files a scan writes."""
    for path in out.glob("part-*.parquet"):
        path.unlink()
    for path in out.glob(".part-*.tmp"):
        path.unlink()
    shutil.rmtree(out / MANIFESTS, ignore_errors=True)
    (out / STATE).unlink(missing_ok=True)


def write_manifests(out: Path, listed: Iterable[Listed], shard_size: int, depth: str,
                    source: str) -> dict[str, Any]:
    """Write the listing as shard manifests, then scan.json (the listing is complete)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    shutil.rmtree(out / MANIFESTS, ignore_errors=True)
    (out / MANIFESTS).mkdir(parents=True)
    seen: set[str] = set()
    shards = repos = 0
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal shards
        if batch:
            target = manifest_path(out, shards)
            temp = target.with_suffix(".tmp")
            pq.write_table(pa.Table.from_pylist(batch), temp, row_group_size=ROW_BATCH)
            os.replace(temp, target)
            shards += 1
            batch.clear()

    for item in listed:
        if item.id in seen:  # a listing that shifts while paged can repeat a repository
            continue
        seen.add(item.id)
        batch.append(item.to_record())
        repos += 1
        if len(batch) >= shard_size:
            flush()
    flush()
    state = {"schema_version": SCHEMA_VERSION, "depth": depth, "input": source,
             "shards": shards, "repos": repos, "complete": True,
             "listed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    _atomic_text(out / STATE, json.dumps(state, indent=2) + "\n")
    return state


def _atomic_text(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(text)
    os.replace(temp, path)


# -- one shard -------------------------------------------------------------------------------

def run_shard(out: str, shard: int, depth: str, hub: HubSettings, window: Any) -> dict[str, Any]:
    """Scan the repositories of one shard's manifest into part-<shard>.parquet (a Dask task).

    Every repository gives exactly one row; one that fails is a row with `error`. The Hub store
    is a private temporary SQLite file: workers never share a store, and nothing goes to
    `check`'s history."""
    import pyarrow.parquet as pq

    from opengauge.scan.schema import SCHEMA, table
    from opengauge.sources.hub import HubOptions
    from opengauge.store import Store

    root = Path(out)
    kind = str(json.loads((root / STATE).read_text()).get("input", "")).split(" ")[0] or None
    limiter = Limiter(window) if window is not None else None
    repos = errors = 0
    final = part_path(root, shard)
    temp = root / f".part-{shard:05d}.{os.getpid()}.tmp"
    with tempfile.TemporaryDirectory(prefix="opengauge-scan-") as scratch:
        store = Store(Path(scratch) / "hub.sqlite")
        options = HubOptions(endpoint=hub.endpoint, token=hub.token, offline=hub.offline,
                             retries=hub.retries, max_retry_after=900.0)
        if hub.timeout is not None:
            options.timeout = hub.timeout
        client = LimitedClient(options, store, limiter)
        manifest = pq.ParquetFile(manifest_path(root, shard))
        try:
            with pq.ParquetWriter(temp, SCHEMA) as writer:
                for batch in manifest.iter_batches(batch_size=ROW_BATCH):
                    rows = [{**scan_one(Listed.from_record(record), depth, client),
                             "input": kind, "shard": shard} for record in batch.to_pylist()]
                    writer.write_table(table(rows))
                    repos += len(rows)
                    errors += sum(1 for r in rows if r.get("error"))
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        finally:
            manifest.close()
            store.close()
    os.replace(temp, final)
    return {"shard": shard, "repos": repos, "errors": errors, "requests": client.requests}


def scan_one(listed: Listed, depth: str, client: LimitedClient) -> dict[str, Any]:
    """One repository's row; a failure becomes a row with `error`."""
    from opengauge.errors import OpengaugeError

    try:
        return {**row_of(facts_of(listed, depth, client), depth, listed), "error": None}
    except (OpengaugeError, OSError, ValueError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        return {"id": listed.id, "depth": depth, "error": f"{type(error).__name__}: {message}"[:500],
                "nulls": []}
    except Exception as error:  # one repository never stops a scan
        return {"id": listed.id, "depth": depth,
                "error": f"internal: {type(error).__name__}: {error}"[:500], "nulls": []}


def facts_of(listed: Listed, depth: str, client: LimitedClient) -> Any:
    """The Facts of one repository at `depth`: at `files` exactly what `check` gathers."""
    from opengauge.sources.gather import GatherOptions, gather
    from opengauge.sources.target import resolve_target

    if depth == "files":
        return gather(resolve_target(f"hub:{listed.id}"),
                      GatherOptions(lookups=True), client=client)
    if not listed.known:  # a bare id (--from): model_info says what a listing would
        model, _ = client.model_info(listed.id)
        listed = Listed(id=model.id, sha=model.sha, gated=model.gated, tags=model.tags,
                        card_data=model.card_data, pipeline_tag=model.pipeline_tag,
                        library_name=model.library_name, last_modified=model.last_modified,
                        known={"card_data", "sha", "gated", "tags", "last_modified"})
    return shallow_facts(listed, depth, client)


# -- the whole scan --------------------------------------------------------------------------

def scan(listing: Callable[[Limiter | None], Iterator[Listed]], source: str,
         options: ScanOptions, report: Callable[[dict[str, Any], int, int], None] | None = None
         ) -> ScanSummary:
    """List (unless resuming), then run every shard without output on Dask."""
    from distributed import Client, LocalCluster, as_completed

    started = time.monotonic()
    out = options.out
    state = prepare(out, options.depth, source, options.fresh)
    out.mkdir(parents=True, exist_ok=True)
    budgets = options.budgets
    cluster = None
    if options.scheduler:
        try:
            client = Client(options.scheduler, timeout="20s")
        except OSError as error:
            from opengauge.errors import NetworkError

            raise NetworkError(f"--scheduler {options.scheduler}: cannot connect: {error}") from None
    else:
        import logging

        cluster = LocalCluster(n_workers=options.workers or os.cpu_count() or 1,
                               threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        # an actor proxy of SlidingWindow: its calls return futures (Dask types it as the class)
        window: Any = None
        if not options.hub.offline:
            window = client.submit(SlidingWindow, budgets.api, budgets.download, budgets.window,
                                   actor=True).result()
        if state is None:
            state = write_manifests(out, listing(Limiter(window) if window else None),
                                    options.shard_size, options.depth, source)
        shards = int(state["shards"])
        todo = [s for s in range(shards) if not part_path(out, s).exists()]
        futures = [client.submit(run_shard, str(out), s, options.depth, options.hub, window,
                                 pure=False, key=f"opengauge-shard-{s:05d}-{os.getpid()}-{time.time_ns()}")
                   for s in todo]
        ran = errors = 0
        requests = {}
        for future in as_completed(futures):
            result = future.result()
            ran += 1
            errors += result["errors"]
            if report is not None:
                report(result, ran, len(todo))
        if window is not None:
            requests = dict(window.totals().result())
        repos = int(state["repos"])
        return ScanSummary(out, shards, repos, shards - len(todo), ran, errors,
                           time.monotonic() - started, requests)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def settings_dict(options: ScanOptions) -> dict[str, Any]:
    return asdict(options.hub)
