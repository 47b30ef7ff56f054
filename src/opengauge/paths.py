"""Where opengauge keeps user data and caches (XDG base directories)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

APP = "opengauge"


def data_dir() -> Path:
    """User data: imported catalog snapshots and the assessment store."""
    override = os.environ.get("OPENGAUGE_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP, appauthor=False))


def cache_dir() -> Path:
    """Rebuildable caches: catalog indexes of imported and own records, Hub answers."""
    override = os.environ.get("OPENGAUGE_CACHE_DIR")
    return Path(override) if override else Path(user_cache_dir(APP, appauthor=False))


def own_catalog_dir(explicit: str | Path | None = None) -> Path | None:
    """The user's own records: `--catalog DIR`, else `$OPENGAUGE_CATALOG`, else none."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("OPENGAUGE_CATALOG")
    return Path(env) if env else None
