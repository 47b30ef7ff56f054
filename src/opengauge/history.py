"""Stored checks: every `opengauge check` is kept in the store's `history` table.

A check is stored under its model key: the catalog id for a catalog name, the Hub repository id
(lowercase) for a Hub id, the absolute path for a local folder or file. Beside it: the target as
written, the assessed revision (the Hub commit; a digest of a local target's files, sizes and
modification times; a digest of the catalog data for a catalog name), the data snapshots, the
date, the tool version and the full report record (the JSON contract's, without a release
gate's outcome, which belongs to the options and not to the model).

A check identical to the model's newest stored one (same revision, snapshots, tool version and
record, apart from the time it was made and whether Hub answers came from the store) is not
stored again: that entry's `checked_at` moves and its `count` grows. Docs: docs/compliance.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from opengauge import __version__
from opengauge.assess.report import Report
from opengauge.errors import BadInput, NotFound
from opengauge.filenames import looks_like_path
from opengauge.store import HistoryRow, Store, default_path

NO_HISTORY_ENV = "OPENGAUGE_NO_HISTORY"
VOLATILE = ("assessed_at", "cached")
"""Provenance fields that change from one identical check to the next."""
_HEX_REF = re.compile(r"(?:sha256:|catalog:)?[0-9a-f]{7,64}")


def enabled(no_history: bool = False) -> bool:
    """False with `--no-history` or when $OPENGAUGE_NO_HISTORY is set (to anything but 0)."""
    value = os.environ.get(NO_HISTORY_ENV, "").strip().lower()
    return not no_history and value in ("", "0", "false", "no", "off")


# -- what is stored -----------------------------------------------------------------------------

def model_key(report: Report) -> str:
    """The key a report is stored under (see the module docstring)."""
    target = report.provenance.target
    if isinstance(target, dict):
        if target.get("kind") == "hub" and target.get("repo_id"):
            return str(target["repo_id"]).lower()
        if target.get("kind") == "path" and target.get("path"):
            return str(Path(target["path"]).expanduser().resolve())
    return report.subject.id


def revision_of(report: Report) -> tuple[str, str]:
    """(revision, kind): the report's assessed revision, or a digest of the catalog data and
    record files a catalog report was read from."""
    provenance = report.provenance
    if provenance.revision:
        return str(provenance.revision), str(provenance.revision_kind or "revision")
    basis = json.dumps({"data": provenance.data, "records": provenance.records},
                       sort_keys=True, default=str)
    return "catalog:" + hashlib.sha256(basis.encode()).hexdigest()[:16], "catalog-snapshot"


def snapshots_of(report: Report) -> list[dict[str, Any]]:
    """The data snapshots the report was computed from (its provenance `data`)."""
    return [{k: d.get(k) for k in ("source", "snapshot", "date", "layer")}
            for d in report.provenance.data or [] if isinstance(d, dict)]


def stored_record(record: dict[str, Any]) -> dict[str, Any]:
    """The record as stored: without a release gate's outcome."""
    return {k: v for k, v in record.items() if k != "gate"}


def digest_of(record: dict[str, Any]) -> str:
    """sha256 of the record without the fields that change between identical checks."""
    provenance = {k: v for k, v in (record.get("provenance") or {}).items() if k not in VOLATILE}
    stable = {**record, "provenance": provenance}
    return hashlib.sha256(json.dumps(stable, sort_keys=True, ensure_ascii=False,
                                     default=str).encode()).hexdigest()


def row_of(target: str, report: Report, record: dict[str, Any],
           now: float | None = None) -> HistoryRow:
    """The history row for one check of `report` (its `record` as the JSON contract has it)."""
    record = json.loads(json.dumps(stored_record(record), ensure_ascii=False, default=str))
    revision, kind = revision_of(report)
    when = now if now is not None else time.time()
    return HistoryRow(
        model=model_key(report), number=0, target=target, subject=report.subject.id,
        revision=revision, revision_kind=kind,
        snapshots=json.dumps(snapshots_of(report)),
        tool_version=__version__, digest=digest_of(record),
        record=json.dumps(record, ensure_ascii=False).encode("utf-8"),
        first_checked_at=when, checked_at=when, count=1)


def record(store: Store, target: str, report: Report, shown: dict[str, Any]) -> tuple[int, bool]:
    """Store one check with `shown`, the record `check -f json` shows for it (see
    `app.recording`); (its number, whether it was added rather than merged into the newest)."""
    return store.history_add(row_of(target, report, shown))


# -- reading it back ----------------------------------------------------------------------------

@dataclass
class Entry:
    """One stored check as `history` shows it."""

    row: HistoryRow

    @property
    def record(self) -> dict[str, Any]:
        return json.loads(self.row.record)

    @property
    def label(self) -> str:
        return f"{self.row.model} #{self.row.number} ({iso(self.row.checked_at)[:10]}, " \
               f"{short_revision(self.row.revision)})"

    def to_record(self) -> dict[str, Any]:
        record, row = self.record, self.row
        return {
            "model": row.model, "number": row.number, "id": record.get("id"),
            "name": record.get("name"), "target": row.target,
            "checked_at": iso(row.checked_at), "first_checked_at": iso(row.first_checked_at),
            "count": row.count, "revision": row.revision, "revision_kind": row.revision_kind,
            "data": json.loads(row.snapshots), "tool_version": row.tool_version,
            "summary": record.get("summary"),
            "license": license_names(record),
            "results": results_of(record),
        }


@dataclass
class HistoryView:
    """The stored checks of one model, newest first."""

    model: str
    entries: list[Entry]


def short_revision(revision: str | None) -> str:
    """A revision for display: the first 12 hex digits, after its `sha256:`/`catalog:` prefix."""
    if not revision:
        return "—"
    prefix, sep, rest = revision.rpartition(":")
    return f"{prefix}{sep}{rest[:12]}"


def iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


def license_names(record: dict[str, Any]) -> str | None:
    """The licenses the check identified, as the license analyzer names them ('Apache License
    2.0', 'Llama 3.2 Community License Agreement 2024; Llama 3.2 Acceptable Use Policy'): from
    the governing texts when the record has them, else the analyzer's results; `not recognized`
    for a text it could not identify; None when the check ran no analysis."""
    section = record.get("license") or {}
    results = section.get("texts")
    if not results:
        analysis = section.get("analysis")
        results = analysis.get("results", [analysis]) if isinstance(analysis, dict) else analysis
    names: dict[str, None] = {}
    for result in results or []:
        if not isinstance(result, dict):
            continue
        matches = [m for m in result.get("matches") or [] if isinstance(m, dict)]
        found = [str(m.get("name") or m.get("key")) for m in matches if m.get("name") or m.get("key")]
        for name in found if result.get("identified", True) and found else ["not recognized"]:
            names.setdefault(name)
    return "; ".join(names) or None


def results_of(record: dict[str, Any]) -> dict[str, Any]:
    """Each framework's headline: score, class or verdict; the automatic result where the check
    made one (a repository), else the curated one."""
    automatic = record.get("automatic") or {}
    frameworks = {**(record.get("frameworks") or {}), **automatic}
    found: dict[str, Any] = {}
    for framework_id, entry in frameworks.items():
        if not isinstance(entry, dict):
            continue
        if entry.get("verdict") is not None:
            found[framework_id] = entry["verdict"]
        elif entry.get("class") is not None or entry.get("progress") is not None:
            found[framework_id] = entry.get("class")
        else:
            found[framework_id] = entry.get("score")
    return found


def lookup_key(text: str, resolve: Callable[[str], str]) -> tuple[str, NotFound | None]:
    """The model key `text` names (the way `check` reads a target, without needing the path or
    repository to exist now; `resolve` names a catalog model); with the catalog's NotFound when
    it is no catalog name."""
    from opengauge.sources.target import is_repo_id

    raw = text.strip()
    if not raw:
        raise BadInput("history needs a model: a catalog name, org/name or a path")
    forced, _, rest = raw.partition(":") if raw.startswith(("path:", "hub:", "catalog:")) \
        else ("", "", raw)
    rest = rest.strip()
    path = Path(rest).expanduser()
    if forced == "path" or (not forced and (_exists(path) or looks_like_path(rest))):
        return str(path.resolve()), None
    repo = rest.split("@", 1)[0]
    if forced == "hub" or (not forced and is_repo_id(repo)):
        if not is_repo_id(repo):
            raise BadInput(f"'{raw}': expected a Hub id 'org/name'")
        return repo.lower(), None
    try:
        return resolve(rest), None
    except NotFound as error:
        return rest, error


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def view(text: str, resolve: Callable[[str], str], *, limit: int | None = None) -> HistoryView:
    """The stored checks of the model `text` names (`resolve`: a catalog name to its id),
    newest first; NotFound when there are none."""
    if limit is not None and limit < 1:
        raise BadInput(f"--limit must be a positive number, not {limit}")
    key, unknown = lookup_key(text, resolve)
    rows: list[HistoryRow] = []
    if default_path().exists():
        with Store() as store:
            rows = store.history(key)
    if not rows:
        if unknown is not None:
            raise unknown
        raise NotFound(f"no stored checks of '{key}' (`opengauge check {text.strip()}` stores one)")
    return HistoryView(key, [Entry(r) for r in rows[:limit]])


def check_ref(ref: str) -> str:
    """`ref` normalized; BadInput unless it is a check number, latest, previous or 7 or more hex
    digits of a revision."""
    wanted = ref.strip().lower()
    if not (re.fullmatch(r"[0-9]{1,9}", wanted) or wanted in ("latest", "previous")
            or _HEX_REF.fullmatch(wanted)):
        raise BadInput(f"history ref {ref!r}: expected a check number (1, 2, ...), latest, "
                       "previous, or 7 or more hex digits of a revision")
    return wanted


def find(text: str, ref: str, resolve: Callable[[str], str]) -> Entry:
    """The stored check `ref` of the model `text` names: its number (1 is the oldest), `latest`,
    `previous` or a prefix (7 or more hex digits) of its revision (the newest such check)."""
    wanted = check_ref(ref)
    number = re.fullmatch(r"[0-9]{1,9}", wanted)
    entries = view(text, resolve).entries
    found: Entry | None = None
    if wanted == "latest":
        found = entries[0]
    elif wanted == "previous":
        found = entries[1] if len(entries) > 1 else None
    elif number:
        found = next((e for e in entries if e.row.number == int(wanted)), None)
    if found is None and _HEX_REF.fullmatch(wanted):
        found = next((e for e in entries if _revision_matches(e.row.revision, wanted)), None)
    if found is None:
        model = entries[0].row.model
        raise NotFound(f"{model}: no stored check {ref!r} (stored: "
                       f"{', '.join(str(e.row.number) for e in reversed(entries))}; "
                       f"see `opengauge history {text.strip()}`)")
    return found


def _revision_matches(revision: str | None, wanted: str) -> bool:
    if not revision:
        return False
    revision = revision.lower()
    return revision.startswith(wanted) or revision.rpartition(":")[2].startswith(wanted)
