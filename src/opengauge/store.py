"""The embedded SQLite store in the user cache directory.

It keeps Hub answers (so repeated checks and `--offline` work without the network), the
results of batch checks (`check --from FILE`), so an interrupted batch resumes where it
stopped, and the history of checks (`opengauge history`, see `opengauge.history`). The
schema version is SQLite's `user_version`; `migrate` brings an older file up to date.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from opengauge.errors import BadInput
from opengauge.paths import cache_dir

FILE_NAME = "opengauge.sqlite3"
SCHEMA_VERSION = 3

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE hub_answers (
        kind TEXT NOT NULL,          -- model_info, dataset_info, file, range
        key TEXT NOT NULL,           -- endpoint|repo@revision[/path][#range]
        status INTEGER NOT NULL,     -- 200, or 404 / 401 remembered as an answer
        body BLOB,
        fetched_at REAL NOT NULL,
        PRIMARY KEY (kind, key)
    );
    """,
    2: """
    CREATE TABLE batch_results (
        batch TEXT NOT NULL,         -- which batch: the target list and the Hub it asks
        target TEXT NOT NULL,        -- the target as written in the list
        status TEXT NOT NULL,        -- done or failed
        exit_code INTEGER NOT NULL,  -- 0 done; the error's exit code when failed
        record BLOB,                 -- the report record (JSON) when done
        error TEXT,                  -- the error message when failed
        finished_at REAL NOT NULL,
        PRIMARY KEY (batch, target)
    );
    """,
    3: """
    CREATE TABLE history (
        model TEXT NOT NULL,         -- catalog id, Hub repository id (lowercase) or absolute path
        number INTEGER NOT NULL,     -- 1, 2, ... per model, in the order checked
        target TEXT NOT NULL,        -- the target as first written
        subject TEXT,                -- the report's model id
        revision TEXT,               -- Hub commit, sha256: of local files, catalog: of the data
        revision_kind TEXT,          -- hub-commit, local-digest or catalog-snapshot
        snapshots TEXT NOT NULL,     -- the data snapshots (JSON list)
        tool_version TEXT NOT NULL,
        digest TEXT NOT NULL,        -- sha256 of the record without its check time
        record BLOB NOT NULL,        -- the report record (JSON)
        first_checked_at REAL NOT NULL,
        checked_at REAL NOT NULL,    -- the last time this same result was checked
        count INTEGER NOT NULL,      -- how many consecutive checks gave this same result
        PRIMARY KEY (model, number)
    );
    """,
}


@dataclass(frozen=True, slots=True)
class BatchResult:
    """A stored result of one target of a batch."""

    target: str
    status: str
    exit_code: int
    record: bytes | None
    error: str | None
    finished_at: float


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One stored check (or a run of identical consecutive checks) of a model."""

    model: str
    number: int
    target: str
    subject: str | None
    revision: str | None
    revision_kind: str | None
    snapshots: str
    tool_version: str
    digest: str
    record: bytes
    first_checked_at: float
    checked_at: float
    count: int


_HISTORY_COLUMNS = ("model, number, target, subject, revision, revision_kind, snapshots, "
                    "tool_version, digest, record, first_checked_at, checked_at, count")


def _history_row(row: tuple) -> HistoryRow:
    values = list(row)
    values[9] = bytes(values[9] or b"")
    return HistoryRow(*values)


@dataclass(frozen=True, slots=True)
class Answer:
    """A remembered Hub answer."""

    status: int
    body: bytes
    fetched_at: float

    def age(self, now: float | None = None) -> float:
        return (now if now is not None else time.time()) - self.fetched_at


def default_path() -> Path:
    return cache_dir() / FILE_NAME


class Store:
    """One SQLite file; safe to share between threads (one connection behind a lock)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False,
                                       isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise BadInput(f"{self.path}: not a usable opengauge store ({exc}); move it away "
                           "and run again") from None
        except OSError as exc:
            raise BadInput(f"{self.path}: cannot open the store: {exc.strerror or exc}") from None

    def migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise BadInput(f"{self.path}: store schema {version} is newer than this opengauge "
                           f"({SCHEMA_VERSION}); upgrade opengauge or use another cache dir")
        for step in range(version + 1, SCHEMA_VERSION + 1):
            with self._lock:
                self._db.executescript(f"BEGIN; {_MIGRATIONS[step]} PRAGMA user_version={step}; "
                                       "COMMIT;")

    @property
    def version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def hub_get(self, kind: str, key: str) -> Answer | None:
        with self._lock:
            row = self._db.execute(
                "SELECT status, body, fetched_at FROM hub_answers WHERE kind=? AND key=?",
                (kind, key)).fetchone()
        return Answer(row[0], bytes(row[1] or b""), row[2]) if row else None

    def hub_put(self, kind: str, key: str, status: int, body: bytes,
                fetched_at: float | None = None) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO hub_answers (kind, key, status, body, fetched_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (kind, key, status, body, fetched_at if fetched_at is not None else time.time()))

    def hub_count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM hub_answers").fetchone()[0]

    def batch_put(self, batch: str, target: str, status: str, exit_code: int,
                  record: bytes | None = None, error: str | None = None) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO batch_results (batch, target, status, exit_code, record, "
                "error, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (batch, target, status, exit_code, record, error, time.time()))

    def batch_results(self, batch: str) -> dict[str, BatchResult]:
        with self._lock:
            rows = self._db.execute(
                "SELECT target, status, exit_code, record, error, finished_at FROM batch_results "
                "WHERE batch=?", (batch,)).fetchall()
        return {row[0]: BatchResult(row[0], row[1], row[2], bytes(row[3]) if row[3] else None,
                                    row[4], row[5]) for row in rows}

    def batch_clear(self, batch: str) -> int:
        with self._lock:
            return self._db.execute("DELETE FROM batch_results WHERE batch=?", (batch,)).rowcount

    def history_add(self, row: HistoryRow) -> tuple[int, bool]:
        """Store a check of `row.model` (its `number`, `first_checked_at` and `count` are ignored).

        When the model's newest stored check has the same revision, snapshots, tool version and
        record digest, that one is kept: its `checked_at` becomes `row.checked_at` and its
        `count` grows by one. Returns the check's number and whether a new one was added."""
        same = ("revision", "snapshots", "tool_version", "digest")
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                newest = self._db.execute(
                    "SELECT number, revision, snapshots, tool_version, digest FROM history "
                    "WHERE model=? ORDER BY number DESC LIMIT 1", (row.model,)).fetchone()
                if newest is not None and tuple(newest[1:]) == tuple(getattr(row, f) for f in same):
                    self._db.execute("UPDATE history SET checked_at=?, count=count+1 "
                                     "WHERE model=? AND number=?",
                                     (row.checked_at, row.model, newest[0]))
                    number, added = newest[0], False
                else:
                    number, added = (newest[0] + 1 if newest else 1), True
                    self._db.execute(
                        f"INSERT INTO history ({_HISTORY_COLUMNS}) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                        (row.model, number, row.target, row.subject, row.revision,
                         row.revision_kind, row.snapshots, row.tool_version, row.digest,
                         row.record, row.checked_at, row.checked_at))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
        return number, added

    def history(self, model: str) -> list[HistoryRow]:
        """The stored checks of `model`, newest first."""
        with self._lock:
            rows = self._db.execute(f"SELECT {_HISTORY_COLUMNS} FROM history WHERE model=? "
                                    "ORDER BY number DESC", (model,)).fetchall()
        return [_history_row(r) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
