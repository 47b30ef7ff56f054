"""Where the published reference data is: $OPENGAUGE_REFERENCE, else shared/reference beside
the clone, else the workplace's usual place. Imported by name from any test (a unique module
name, unlike conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def find_reference() -> Path:
    """The reference folder (the one holding README.md); the first candidate if none has it."""
    candidates = [os.environ.get("OPENGAUGE_REFERENCE"), ROOT.parent / "shared" / "reference",
                  "/work/shared/reference"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "README.md").is_file():
            return Path(candidate)
    return Path(candidates[0] or candidates[1])


REFERENCE = find_reference()
