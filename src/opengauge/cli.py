"""The command line: parse arguments, call one API function, pick a format.

Exit codes: 0 success, 1 a requested check failed, 2 bad input or usage, 3 model or target
not found, 4 network failure, 70 internal error.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click.exceptions import ClickException, UsageError  # typer vendors click from 0.26 on

from opengauge import __version__
from opengauge import frameworks as framework_registry
from opengauge.errors import BadInput, CheckFailed, OpengaugeError
from opengauge.formats import get as get_format
from opengauge.formats.records import (
    Document,
    batch_document,
    diff_document,
    frameworks_document,
    licenses_document,
    models_document,
    ranking_document,
    reports_document,
)

EXIT_INTERNAL = 70


class _Api:
    """`opengauge.api`, imported on first use: `opengauge license` never loads the catalog."""

    def __getattr__(self, name: str) -> Any:
        from opengauge import api as module

        return getattr(module, name)


if TYPE_CHECKING:
    from opengauge import api
else:
    api = _Api()

app = typer.Typer(
    name="opengauge",
    help="Is this AI model really open source? Openness ratings with their evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
catalog_app = typer.Typer(help="The curated catalog: list what is loaded, import a clone.",
                          no_args_is_help=True)
app.add_typer(catalog_app, name="catalog")


def _scan_app() -> typer.Typer:
    from opengauge.scan.cli import scan_app

    return scan_app


app.add_typer(_scan_app(), name="scan")


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option("--format", "-f", help="table on a terminal, json when piped, unless given."),
]
CatalogOption = Annotated[
    Path | None,
    typer.Option("--catalog", help="Your own records (EU index YAML); also $OPENGAUGE_CATALOG."),
]
OfflineOption = Annotated[bool, typer.Option(
    "--offline", help="Answer Hub questions from the store only (also $HF_HUB_OFFLINE).")]
EndpointOption = Annotated[str | None, typer.Option(
    help="The Hub to ask (default $HF_ENDPOINT, else https://huggingface.co).")]
TokenOption = Annotated[str | None, typer.Option(
    help="Hub token for gated repositories (default $HF_TOKEN or your stored login).")]
TimeoutOption = Annotated[float | None, typer.Option(help="Seconds per Hub request (default 10).")]
FrameworkChoice = Annotated[
    str | None,
    typer.Option("--framework", help="Framework id: " + ", ".join(framework_registry.ids())),
]


def warn(line: str) -> None:
    """One `opengauge: ...` line on stderr, its control characters shown as visible escapes."""
    from opengauge.formats.inert import terminal

    print(f"opengauge: {terminal(line, line=True)}", file=sys.stderr)


def emit(document: Document, fmt: OutputFormat | None) -> None:
    """Render `document` in the chosen (or default) format on stdout."""
    tty = sys.stdout.isatty()
    name = fmt.value if fmt else ("table" if tty else "json")
    color = tty and "NO_COLOR" not in os.environ
    width = shutil.get_terminal_size((120, 24)).columns if tty else 160
    text = get_format(name, color=color, width=width).render(document)
    if tty and name != "table":  # the table makes its cells inert itself (and adds colour)
        from opengauge.formats.inert import terminal

        text = terminal(text)
    sys.stdout.write(text)


def version_callback(value: bool) -> None:
    if value:
        print(f"opengauge {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=version_callback,
                                          is_eager=True, help="Show the version.")] = False,
) -> None:
    """opengauge: is this AI model really open source?"""


@app.command()
def check(
    target: Annotated[str | None, typer.Argument(
        help="A folder, .gguf or .safetensors file, shard index, org/name[@revision] Hub id or "
             "catalog name (path:, hub:, catalog: force the choice).")] = None,
    format: FormatOption = None,
    catalog: CatalogOption = None,
    offline: OfflineOption = False,
    endpoint: EndpointOption = None,
    token: TokenOption = None,
    timeout: TimeoutOption = None,
    require: Annotated[list[str] | None, typer.Option(
        "--require", help="Fail (exit 1) unless met: open-source, osaid, mof-class=N, osai>=0.5, "
        "FRAMEWORK:DIMENSION=LEVEL. Repeatable.")] = None,
    deny: Annotated[list[str] | None, typer.Option(
        "--deny", help="Fail (exit 1) when a finding with this id is present. Repeatable.")] = None,
    from_file: Annotated[Path | None, typer.Option(
        "--from", help="Check every target in FILE (one per line); resumes an interrupted run.")]
    = None,
    jobs: Annotated[int, typer.Option("--jobs", min=1, max=64, help="Targets checked at once (--from).")]
    = 4,
    fresh: Annotated[bool, typer.Option("--fresh", help="With --from: check every target again.")]
    = False,
    eu_ai_act: Annotated[bool, typer.Option(
        "--eu-ai-act", help="Show the EU AI Act open-source exemption check (always in JSON).")]
    = False,
    no_history: Annotated[bool, typer.Option(
        "--no-history", help="Do not store this check in the history (also $OPENGAUGE_NO_HISTORY=1).")]
    = False,
) -> None:
    """Everything known about a model: license, every framework's result, findings.

    Catalog names show the curated records; repositories (Hub ids, folders, weights files) are
    assessed automatically, side by side with the catalog when the model is in it."""
    rules = api.gate_rules(require, deny)
    hub: dict[str, Any] = {"offline": True if offline else None, "endpoint": endpoint,
                           "token": token, "timeout": timeout}
    if from_file is not None:
        if target is not None:
            raise BadInput("give either TARGET or --from FILE, not both")
        if eu_ai_act:
            raise BadInput("--eu-ai-act shows one TARGET; with --from FILE every JSON record "
                           "carries eu_ai_act")
        _batch(from_file, rules, jobs, fresh, format, api.session(catalog, **hub),
               history_enabled(no_history))
        return
    if target is None:
        raise BadInput("check needs a TARGET (a path, org/name or catalog name) or --from FILE")
    session = api.session(catalog, **hub)  # one per command, passed to every call
    report = api.check_target(target, session)
    say_unreachable(api.unreachable_messages([report]))
    if history_enabled(no_history):
        problem = api.record_check(target, report)
        if problem:
            warn(f"warning: check not stored in the history: {problem}")
    outcome = api.judge(report, rules) if rules else None
    if outcome is not None:
        report.context["gate"] = outcome
    snapshots = api.catalog(session).snapshots()
    used = {r.assessment.source for r in report.frameworks.values()}
    document = reports_document([report], [s for s in snapshots if s.source in used])
    if eu_ai_act:
        from opengauge.compliance import NOTICE

        document.sections, document.notice = ("eu_ai_act",), NOTICE
    emit(document, format)
    if outcome is not None and not outcome["passed"]:
        raise CheckFailed("requirements not met: " + "; ".join(api.gate_failures(outcome)))


def say_unreachable(messages: list[str]) -> None:
    """Say once on stderr that the Hub could not be reached (finding `hub-unreachable`)."""
    if messages:
        print(f"opengauge: warning: {messages[0]}", file=sys.stderr)


def history_enabled(no_history: bool) -> bool:
    from opengauge.history import enabled

    return enabled(no_history)


def _batch(path: Path, rules: list, jobs: int, fresh: bool, format: OutputFormat | None,
           session: api.Session, history: bool = False) -> None:
    """`check --from FILE`: every target, a progress bar on a terminal, a summary, resume."""
    from opengauge.assess.batch import progress_bar

    with progress_bar(enabled=sys.stderr.isatty()) as progress:
        run = api.check_batch(path, session, rules=rules, jobs=jobs, fresh=fresh,
                              progress=progress, history=history)
    emit(batch_document(run), format)
    for line in run.notes():
        warn(line)
    if run.exit_code:
        sys.exit(run.exit_code)


@app.command()
def rank(
    framework: Annotated[str, typer.Option(
        help="Framework id: " + ", ".join(framework_registry.ids()))] = framework_registry.DEFAULT,
    type: Annotated[str | None, typer.Option("--type", help="text, code, image, video, audio")]
    = None,
    org: Annotated[str | None, typer.Option(help="Organisation name (case-insensitive).")] = None,
    top: Annotated[int | None, typer.Option(help="Show the first N.")] = None,
    format: FormatOption = None,
    catalog: CatalogOption = None,
    releases: Annotated[bool, typer.Option(
        "--releases", help="Every MOT release (mof, osaid), not one row per family.")] = False,
) -> None:
    """Rank models by a framework's published formula and order."""
    emit(ranking_document(api.rank(framework, type=type, org=org, top=top, own=catalog,
                                   releases=releases)), format)


@app.command()
def show(
    model: Annotated[str, typer.Argument(help="A model id or name from the catalog.")],
    framework: FrameworkChoice = None,
    format: FormatOption = None,
    catalog: CatalogOption = None,
) -> None:
    """Each dimension's level with its link and note."""
    emit(models_document([api.model(model, framework, own=catalog)]), format)


@app.command()
def compare(
    models: Annotated[list[str], typer.Argument(help="Two or more model ids or names.")],
    framework: FrameworkChoice = None,
    format: FormatOption = None,
    catalog: CatalogOption = None,
) -> None:
    """Several models side by side."""
    emit(models_document(api.compare(models, framework, own=catalog), "comparison"), format)


@app.command()
def frameworks(format: FormatOption = None) -> None:
    """The frameworks and their criteria."""
    emit(frameworks_document(api.describe_frameworks(), api.data_snapshots()), format)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    catalog: CatalogOption = None,
    scan: Annotated[Path | None, typer.Option("--scan", help="Show this scan dataset's census "
                                              "at /scan.")] = None,
    check_workers: Annotated[int, typer.Option(
        min=1, max=64, help="Web checks run at once (threads of the check pool).")] = 4,
    check_queue: Annotated[int, typer.Option(
        min=0, max=1000, help="Web checks waiting beyond those; more are answered 429.")] = 16,
    check_budget: Annotated[float, typer.Option(
        min=1, max=600, help="Seconds a web check may take (waiting included); then 503.")] = 30.0,
    check_rate: Annotated[int, typer.Option(
        min=1, max=100_000, help="Web checks per client per minute; more are answered 429.")] = 10,
) -> None:
    """Run the leaderboard web app and its JSON API (FastAPI on uvicorn)."""
    from opengauge.web.app import serve as run_server

    # a long-running process: the web app turns the cycle collector (which main() switches off
    # for one-shots) back on once it has answered its first request
    run_server(host, port, str(catalog) if catalog else None, str(scan) if scan else None,
               check_workers=check_workers, check_queue=check_queue, check_budget=check_budget,
               check_rate=check_rate)


@app.command()
def site(
    outdir: Annotated[Path, typer.Argument(help="Folder to write (new, empty or an earlier site).")],
    catalog: CatalogOption = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Write into a non-empty folder that holds no site; its files are kept.")]
    = False,
    scan: Annotated[Path | None, typer.Option("--scan", help="Add this scan dataset's census "
                                              "as scan/index.html.")] = None,
) -> None:
    """Write the leaderboard as a static site: every leaderboard, model and framework page."""
    from opengauge.web.site import build

    summary = build(outdir, catalog, force=force, scan=scan)
    print(f"opengauge: wrote {summary.pages} pages and {summary.files} other files to {summary.path}")


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="A model id or name (A).")],
    b: Annotated[str | None, typer.Argument(help="Another model (B); default A with two --snapshot.")]
    = None,
    snapshot: Annotated[list[str] | None, typer.Option(
        "--snapshot", help="A dataset snapshot: a framework (osai-14) or source (osai-index), "
        "optionally @bundled|@imported|@own. Twice: A from the first, B from the second.")] = None,
    history: Annotated[list[str] | None, typer.Option(
        "--history", help="A stored check (see `opengauge history`): its number, latest, previous "
        "or a revision prefix. Twice: A from the first, B from the second.")] = None,
    format: FormatOption = None,
    catalog: CatalogOption = None,
) -> None:
    """What changed between two models, two snapshots or two stored checks: ratings, scores,
    license, restrictions, findings."""
    if format is OutputFormat.csv:
        raise BadInput("diff is shown as table, json, jsonl or markdown, not csv")
    emit(diff_document([api.diff(a, b, catalog, snapshots=snapshot, history=history)]), format)


@app.command("history")
def history_command(
    model: Annotated[str, typer.Argument(help="A catalog name, org/name Hub id or path, as checked.")],
    show: Annotated[str | None, typer.Option(
        "--show", help="Show one stored check's full report: its number, latest, previous or a "
        "revision prefix.")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Show the newest N.")] = None,
    format: FormatOption = None,
    catalog: CatalogOption = None,
) -> None:
    """The stored checks of a model, newest first: date, revision, data snapshot, results."""
    from opengauge.formats.records import history_document

    if show is not None:
        entry = api.history_entry(model, show, catalog)
        emit(Document("reports", [entry.record], entry.to_record()["data"], entry.label), format)
        return
    emit(history_document(api.history(model, catalog, limit=limit)), format)


class ExportFormat(StrEnum):
    cyclonedx = "cyclonedx"
    spdx3 = "spdx3"
    osai_yaml = "osai-yaml"
    mot_yaml = "mot-yaml"


@app.command()
def export(
    models: Annotated[list[str] | None, typer.Argument(
        help="Targets as check takes them: catalog names, folders, .gguf/.safetensors files, "
             "org/name[@revision] Hub ids.")] = None,
    format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="cyclonedx, spdx3 (AI-BOMs) or osai-yaml, mot-yaml (upstream records).")]
    = ExportFormat.cyclonedx,
    from_file: Annotated[Path | None, typer.Option("--from", help="A file with one target per line.")]
    = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write one file per model into this folder.")]
    = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files in --out.")] = False,
    validate: Annotated[bool, typer.Option("--validate", help="Check each BOM against its schema.")]
    = False,
    framework: Annotated[str | None, typer.Option(
        "--framework", help="osai-yaml only: the parameter set, osai (default) or osai-14.")] = None,
    catalog: CatalogOption = None,
    offline: OfflineOption = False,
    endpoint: EndpointOption = None,
    token: TokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """An AI-BOM or an upstream record per model; several models give a JSON array (or YAML stream).

    Takes every target check takes: repositories are assessed automatically, so their model-card
    facts and findings reach the BOM."""
    targets: list = list(models or [])
    if from_file is not None:
        targets += api.read_targets(from_file)
    if not targets:
        raise BadInput("export needs a model or --from FILE")
    warnings: list[str] = []
    items = api.export(targets, format.value, catalog, framework=framework, validate=validate,
                       offline=True if offline else None, endpoint=endpoint, token=token,
                       timeout=timeout, warnings=warnings)
    say_unreachable(warnings)
    from opengauge.formats.inert import terminal

    if out is not None:
        for path in api.save_exports(items, out, force=force):
            print(terminal(str(path), line=True))
    elif from_file is None and len(items) == 1:
        sys.stdout.write(terminal(items[0].text) if sys.stdout.isatty() else items[0].text)
    elif items[0].is_json:
        sys.stdout.write(json.dumps([i.data for i in items], indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("".join(i.text if i.text.startswith("---") else "---\n" + i.text for i in items))


@app.command("license")
def license_command(
    paths: Annotated[list[str] | None, typer.Argument(
        help="License files, folders (every license-like file in them) or - for standard input.",
        show_default=False)] = None,
    id: Annotated[str | None, typer.Option(
        "--id", help="An SPDX id, ScanCode key or Hugging Face license id, e.g. llama3.1.")] = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", min=1, help="Worker processes for folders (default: one per CPU).")] = None,
    format: FormatOption = None,
) -> None:
    """Which license is this, is it open source, and what restricts you (quoted, with lines)."""
    if id is not None and paths:
        raise BadInput("give either PATH... or --id ID, not both")
    from opengauge import licenses  # not through api: it would load the catalog

    if id is not None:
        results = [licenses.lookup_id(id)]
    elif paths:
        results = [result for path in paths for result in licenses.analyze_path(path, jobs)]
    else:
        raise BadInput("give a license file or folder, - for standard input, or --id ID")
    emit(licenses_document(results), format)


@app.command("can-i")
def can_i(
    model: Annotated[str, typer.Argument(help="A catalog model, a license file or a folder of "
                                               "license files (or any target check accepts).")],
    commercial: Annotated[bool, typer.Option("--commercial", help="Use it commercially?")] = False,
    users: Annotated[int | None, typer.Option("--users", min=0, help="Serve N monthly active users?")]
    = None,
    revenue: Annotated[float | None, typer.Option("--revenue", min=0, help="With this annual revenue "
                                                                           "in US dollars?")] = None,
    region: Annotated[list[str] | None, typer.Option("--region", help="Use it in EU, EEA or an ISO "
                                                                       "country code (DE, US, ...)?")] = None,
    fine_tune: Annotated[bool, typer.Option("--fine-tune", help="Fine-tune or modify it?")] = False,
    redistribute: Annotated[bool, typer.Option("--redistribute", help="Redistribute it?")] = False,
    train_on_outputs: Annotated[bool, typer.Option("--train-on-outputs",
                                                   help="Train other models on its outputs?")] = False,
    military: Annotated[bool, typer.Option("--military", help="Use it for military purposes?")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 unless every answer is yes or "
                                                          "conditional.")] = False,
    format: FormatOption = None,
    catalog: CatalogOption = None,
    offline: OfflineOption = False,
    endpoint: EndpointOption = None,
    token: TokenOption = None,
    timeout: TimeoutOption = None,
) -> None:
    """Can I use it commercially, with N users, in a region, ...? Answers with the deciding clauses.

    With no question given, answers those that need no number: --commercial, --fine-tune,
    --redistribute, --train-on-outputs, --military. Not legal advice."""
    from opengauge.formats.records import answers_document

    if region and len(region) > 1:
        raise BadInput(f"--region given {len(region)} times ({', '.join(region)}): ask about one "
                       "region at a time")
    record = api.can_i(model, catalog, commercial=commercial, users=users, revenue=revenue,
                       region=region[0] if region else None, fine_tune=fine_tune, redistribute=redistribute,
                       train_on_outputs=train_on_outputs, military=military,
                       offline=True if offline else None, endpoint=endpoint, token=token,
                       timeout=timeout)
    say_unreachable(record.get("hub_unreachable") or [])
    emit(answers_document([record]), format)
    failed = [f"{a['answer']} for {a['question']}" for a in record["answers"]
              if a["answer"] in ("no", "unknown")]
    if strict and failed:
        raise CheckFailed("strict: " + ", ".join(failed))


@catalog_app.command("list")
def catalog_list(format: FormatOption = None, catalog: CatalogOption = None) -> None:
    """Datasets in use, their snapshots and precedence notes."""
    listing = api.list_catalog(catalog)
    emit(Document("datasets", listing["datasets"], payload=listing), format)
    for note in listing["notes"]:
        warn(note)


@catalog_app.command("import")
def catalog_import(
    path: Annotated[str, typer.Argument(help="A clone of a catalog repository.")],
    format: FormatOption = None,
) -> None:
    """Refresh a source from a clone of its upstream repository."""
    imported = api.import_catalog(path)
    emit(Document("datasets", imported, payload={"notes": []}), format)
    for item in imported:
        for dupe in item["duplicates"]:
            warn(f"duplicate in {item['source']}: {dupe}")


ALONE: dict[str, Any] = {"license": license_command, "serve": serve}
"""Commands run in an app of their own (`_app_for`)."""


def _app_for(argv: list[str]) -> typer.Typer:
    """The app to run: for `opengauge license ...` and `opengauge serve ...` one with that
    command only, the same for it (building every command's options costs a new process about
    70 ms: more than reading a license, and much of the time `serve` takes to its first answer)."""
    command = ALONE.get(argv[1]) if len(argv) > 1 else None
    if command is None:
        return app
    alone = typer.Typer(name=app.info.name, help=app.info.help, no_args_is_help=True,
                        add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)
    alone.callback()(main_options)
    alone.command(argv[1])(command)
    return alone


def main() -> None:
    """Console entry point: run the app, turning errors into one line and an exit code."""
    # A short-lived process: reference counting frees what it can, and the cycle collector's
    # passes over the catalog's tens of thousands of small objects cost more than they free
    # (see benchmarks/README.md).
    gc.disable()
    try:
        code = _app_for(sys.argv)(prog_name="opengauge", standalone_mode=False)
    except UsageError as error:  # a bad option or argument: one line, like our own errors
        if type(error).__name__ == "NoArgsIsHelpError":  # a command group run without a command
            print(error.format_message(), file=sys.stderr)
            sys.exit(2)
        where = error.ctx.command_path if error.ctx else "opengauge"
        warn(f"error: {error.format_message()} (see '{where} --help')")
        sys.exit(2)
    except ClickException as error:
        warn(f"error: {error.format_message()}")
        sys.exit(error.exit_code)
    except typer.Abort:
        print("opengauge: interrupted", file=sys.stderr)
        sys.exit(130)
    except OpengaugeError as error:
        warn(f"error: {error}")
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("opengauge: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except Exception as error:  # the last line of defence: one line, no traceback
        if os.environ.get("OPENGAUGE_DEBUG"):
            raise
        warn(f"internal error: {type(error).__name__}: {error} (set OPENGAUGE_DEBUG=1 for details)")
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
