"""License intelligence: identify any license text, judge it clause by clause against the OSD.

    from opengauge import licenses
    result = licenses.analyze_text(open("LICENSE").read(), path="LICENSE")
    result.to_dict()["open_source"]

See `analyze.py` for the entry points and docs/licenses.md for the JSON fields. The names below
are imported on first use: a submodule that needs none of them (`curated_family`, which the
leaderboard's first page uses) does not load the analyzer and its index.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opengauge.licenses.analyze import analyze_bytes, analyze_path, analyze_text, reset
    from opengauge.licenses.lookup import lookup_id, lookup_name
    from opengauge.licenses.result import LicenseResult, Match

_HOMES = {"analyze_bytes": "analyze", "analyze_path": "analyze", "analyze_text": "analyze",
          "reset": "analyze", "lookup_id": "lookup", "lookup_name": "lookup",
          "LicenseResult": "result", "Match": "result"}

__all__ = ["LicenseResult", "Match", "analyze_bytes", "analyze_path", "analyze_text", "lookup_id",
           "lookup_name", "reset"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
