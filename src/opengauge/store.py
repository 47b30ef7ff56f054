"""The embedded SQLite store in the user cache directory.

It keeps Hub answers (so repeated checks and `--offline` work without the network) and the
results of batch checks (`check --from FILE`), so an interrupted batch resumes where it
stopped. The schema version is SQLite's `user_version`; `migrate` brings an older file up to
date.
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
SCHEMA_VERSION = 2

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

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
