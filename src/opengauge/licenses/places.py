"""Where the license library lives: the bundled folders and a user's own folder.

Kept apart from `library.py` (which parses the files, at build time only) so that loading
the prebuilt index imports nothing heavy.
"""

from __future__ import annotations

import os
from pathlib import Path

from opengauge.paths import data_dir

SUFFIX = ".LICENSE"


def data_root() -> Path:
    """The bundled library (package data)."""
    return Path(__file__).resolve().parent / "data"


def folders(extra: Path | None = None) -> list[tuple[Path, str]]:
    """(folder, source) pairs the library is read from, in order."""
    root = data_root()
    found = [(root / "scancode", "scancode"), (root / "ai", "opengauge")]
    if extra is not None:
        found.append((extra, "user"))
    return found


def license_names(folder: Path) -> list[str]:
    """The names of the `.LICENSE` files of `folder` (not recursive), sorted."""
    try:
        return sorted(name for name in os.listdir(folder) if name.endswith(SUFFIX))
    except OSError:
        return []


def user_folder() -> Path | None:
    """A user's own `.LICENSE` files: `$OPENGAUGE_LICENSES`, else `<data dir>/licenses`."""
    env = os.environ.get("OPENGAUGE_LICENSES")
    folder = Path(env) if env else data_dir() / "licenses"
    return folder if folder.is_dir() and license_names(folder) else None
