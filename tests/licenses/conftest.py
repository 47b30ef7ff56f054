"""Fixtures for the license tests (helpers live in license_fixtures.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user license folder and a private cache, so tests see the bundled library only."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("OPENGAUGE_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("OPENGAUGE_CACHE_DIR", str(base / "cache"))
    monkeypatch.delenv("OPENGAUGE_LICENSES", raising=False)
