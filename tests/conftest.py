"""Shared fixtures: the reference data, and an isolated user data/cache directory per test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from opengauge import api
from reference_data import REFERENCE

ROOT = Path(__file__).resolve().parents[1]


if not (REFERENCE / "README.md").is_file():
    raise RuntimeError("reference data not found: set OPENGAUGE_REFERENCE to shared/reference")


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


def run_cli(*args: str, env: dict[str, str] | None = None,
            stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed CLI in a fresh process, as a user would (stdout is a pipe)."""
    return subprocess.run(
        [sys.executable, "-m", "opengauge.cli", *args],
        capture_output=True, text=True, timeout=120, input=stdin,
        env={**os.environ, **(env or {})},
    )
