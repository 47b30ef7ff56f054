"""Shared fixtures: the reference data, and an isolated user data/cache directory per test."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from cli_process import run_cli  # noqa: F401 (re-exported)
from hubserver import HubServer
from opengauge import api
from opengauge.store import Store
from reference_data import REFERENCE

ROOT = Path(__file__).resolve().parents[1]


if not (REFERENCE / "README.md").is_file():
    raise RuntimeError("reference data not found: set OPENGAUGE_REFERENCE to shared/reference")


_SESSION_HOME: Path | None = None


def pytest_configure(config: pytest.Config) -> None:
    """Session-wide user folders too, so that fixtures built before any test (a web app
    over a catalog, a server) never write into the real user cache."""
    global _SESSION_HOME
    _SESSION_HOME = Path(tempfile.mkdtemp(prefix="opengauge-tests-"))
    os.environ["OPENGAUGE_CACHE_DIR"] = str(_SESSION_HOME / "cache")
    os.environ["OPENGAUGE_DATA_DIR"] = str(_SESSION_HOME / "data")


def pytest_unconfigure(config: pytest.Config) -> None:
    if _SESSION_HOME is not None:
        shutil.rmtree(_SESSION_HOME, ignore_errors=True)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets empty user data and cache directories and no own catalog."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("OPENGAUGE_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("OPENGAUGE_CACHE_DIR", str(base / "cache"))
    monkeypatch.delenv("OPENGAUGE_CATALOG", raising=False)
    monkeypatch.delenv("OPENGAUGE_LICENSES", raising=False)
    api.reset()
    yield base
    api.reset()


@pytest.fixture
def store(tmp_path):
    """A fresh SQLite store of the test's own."""
    with Store(tmp_path / "store.sqlite3") as opened:
        yield opened


@pytest.fixture
def hub():
    """An empty local Hub on 127.0.0.1 (test packages with reference cards override it)."""
    server = HubServer()
    server.start()
    yield server
    server.stop()
