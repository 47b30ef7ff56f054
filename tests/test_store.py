"""The embedded SQLite store: schema versions, Hub answers, bad files."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from opengauge.errors import BadInput
from opengauge.store import SCHEMA_VERSION, Store, default_path


def test_answers_round_trip_and_replace(tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        assert store.version == SCHEMA_VERSION
        assert store.hub_get("file", "k") is None
        store.hub_put("file", "k", 200, b"one", fetched_at=10.0)
        store.hub_put("file", "k", 404, b"", fetched_at=20.0)
        answer = store.hub_get("file", "k")
        assert (answer.status, answer.body, answer.fetched_at) == (404, b"", 20.0)
        assert answer.age(now=25.0) == 5.0
    with Store(tmp_path / "s.sqlite3") as again:
        assert again.hub_count() == 1


def test_default_location_is_the_user_cache(isolated_user_dirs):
    assert default_path() == isolated_user_dirs / "cache" / "opengauge.sqlite3"


def test_a_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(BadInput, match="not a usable opengauge store"):
        Store(path)
    assert path.read_bytes() == b"this is not sqlite" * 100  # left as it was


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(BadInput, match="newer than this opengauge"):
        Store(path)


def test_threads_share_one_store(tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        def work(n: int) -> None:
            for i in range(50):
                store.hub_put("file", f"{n}-{i}", 200, b"x")
                assert store.hub_get("file", f"{n}-{i}").body == b"x"
        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert store.hub_count() == 200
