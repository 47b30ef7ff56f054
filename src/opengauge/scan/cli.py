"""The `opengauge scan` command group: `scan` itself and `scan report DIR`."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from opengauge.errors import BadInput

scan_app = typer.Typer(help="Scan many Hub repositories into a Parquet dataset (Dask), and "
                            "report its census.", invoke_without_command=True)


@scan_app.callback()
def scan(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Option("--out", help="Dataset folder (storage every "
                                             "worker sees).")] = None,
    hub: Annotated[bool, typer.Option("--hub", help="Scan the Hub's model listing.")] = False,
    from_file: Annotated[Path | None, typer.Option("--from", help="Hub ids, one per line.")]
    = None,
    cards: Annotated[str | None, typer.Option("--cards", help="Parquet model-card snapshot: a "
                                              "file, folder or glob.")] = None,
    depth: Annotated[str, typer.Option(help="metadata, card or files.")] = "card",
    author: Annotated[str | None, typer.Option(help="--hub: only this author's models.")] = None,
    filter: Annotated[list[str] | None, typer.Option(help="--hub: a tag filter (repeatable).")]
    = None,
    search: Annotated[str | None, typer.Option(help="--hub: ids containing this text.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="--hub: at most this many models.")]
    = None,
    endpoint: Annotated[str | None, typer.Option(help="The Hub to ask (default $HF_ENDPOINT).")]
    = None,
    token: Annotated[str | None, typer.Option(help="Hub token (default $HF_TOKEN).")] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Send no request (a --cards "
                                          "snapshot at depth metadata or card).")] = False,
    timeout: Annotated[float | None, typer.Option(help="Seconds per Hub request.")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Address of a running Dask scheduler "
                                                  "(default: a LocalCluster).")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="LocalCluster worker processes "
                                                "(default: one per core).")] = None,
    shard_size: Annotated[int, typer.Option(min=1, help="Repositories per shard (Dask task).")]
    = 500,
    api_budget: Annotated[int, typer.Option(min=1, help="API calls per window (free: 1000).")]
    = 1000,
    download_budget: Annotated[int, typer.Option(min=1, help="File downloads per window "
                                                 "(free: 5000).")] = 5000,
    window: Annotated[float, typer.Option(help="Rate-limit window in seconds.")] = 300.0,
    fresh: Annotated[bool, typer.Option("--fresh", help="Start over instead of resuming.")]
    = False,
) -> None:
    """Scan repositories (resumes an interrupted scan of --out unless --fresh)."""
    if ctx.invoked_subcommand is not None:
        return
    from opengauge.scan import inputs
    from opengauge.scan.limiter import Budgets
    from opengauge.scan.run import HubSettings, ScanOptions
    from opengauge.scan.run import scan as run_scan
    from opengauge.sources.hub import HubOptions

    chosen = [name for name, given in (("--hub", hub), ("--from", from_file is not None),
                                       ("--cards", cards is not None)) if given]
    if len(chosen) != 1:
        raise BadInput("scan needs exactly one of --hub, --from FILE or --cards PATH"
                       + (f" (got {', '.join(chosen)})" if chosen else ""))
    if out is None:
        raise BadInput("scan needs --out DIR (the dataset folder)")
    if not hub and (author or filter or search or limit):
        raise BadInput("--author, --filter, --search and --limit apply to --hub only")
    if hub and offline:
        raise BadInput("--hub lists the Hub; it cannot run --offline")
    settings = HubSettings(endpoint=endpoint, token=token, offline=True if offline else None,
                           timeout=timeout)
    options = ScanOptions(out=out, depth=depth, shard_size=shard_size, fresh=fresh,
                          scheduler=scheduler, workers=workers, hub=settings,
                          budgets=Budgets(api_budget, download_budget, window))
    resolved = HubOptions(endpoint=endpoint).resolved_endpoint()
    if hub:
        query = inputs.HubQuery(author, list(filter or []), search, limit)
        source = f"hub {resolved} " + " ".join(f"{k}={v}" for k, v in vars(query).items() if v)

        def listing(limiter: Any) -> Any:
            return inputs.from_hub(query, resolved, token, limiter)
    elif from_file is not None:
        source = f"from {from_file.resolve()}"
        ids = list(inputs.from_file(from_file))  # bad lines fail before any work starts

        def listing(limiter: Any) -> Any:
            return iter(ids)
    else:
        assert cards is not None
        source = f"cards {cards}"
        inputs.card_files(cards)

        def listing(limiter: Any) -> Any:
            return inputs.from_cards(cards)
    summary = run_scan(listing, source, options, report=_progress_printer())
    print(f"opengauge: {summary.repos} repositories in {summary.shards} shards at {out} "
          f"({summary.done_before} shards done before, {summary.ran} run now, {summary.errors} "
          f"rows with errors, {summary.seconds:.1f} s; requests {summary.requests or 'none'})",
          file=sys.stderr)


def progress_line(ran: int, total: int, rate: float, end: str, errors: int, shard: Any,
                  width: int = 24) -> str:
    """A progress bar of the shards done, the repositories per second and the projected end."""
    filled = width * ran // max(total, 1)
    return (f"[{'#' * filled}{'-' * (width - filled)}] shards {ran}/{total}  {rate:.1f} repos/s  "
            f"{errors} errors in shard {shard}  ends ~{end}")


def _progress_printer() -> Any:
    """Shards done, repositories per second and the projected end, on stderr."""
    started = time.monotonic()
    done = {"repos": 0}

    def report(result: dict[str, Any], ran: int, total: int) -> None:
        done["repos"] += result["repos"]
        elapsed = max(time.monotonic() - started, 1e-6)
        rate = done["repos"] / elapsed
        left = elapsed / ran * (total - ran)
        end = time.strftime("%H:%M:%S", time.localtime(time.time() + left))
        line = progress_line(ran, total, rate, end, result["errors"], result["shard"])
        if sys.stderr.isatty():
            print("\r" + line, end="\n" if ran == total else "", file=sys.stderr, flush=True)
        elif ran == total or ran % max(1, total // 20) == 0:
            print(f"opengauge: {line}", file=sys.stderr)

    return report


@scan_app.command("report")
def report(
    directory: Annotated[Path, typer.Argument(help="A scan's --out folder.")],
    format: Annotated[str | None, typer.Option("--format", "-f", help="table, markdown or json "
                                               "(table on a terminal, json when piped).")] = None,
) -> None:
    """The census of a scan dataset (DuckDB SQL over its Parquet files)."""
    from opengauge.scan import census

    name = format or ("table" if sys.stdout.isatty() else "json")
    renderers = {"table": census.render_table, "markdown": census.render_markdown,
                 "json": census.render_json}
    if name not in renderers:
        raise BadInput(f"--format must be table, markdown or json, not '{name}'")
    sys.stdout.write(renderers[name](census.compute(directory)))
