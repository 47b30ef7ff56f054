"""License intelligence: identify any license text, judge it clause by clause against the OSD.

    from opengauge import licenses
    result = licenses.analyze_text(open("LICENSE").read(), path="LICENSE")
    result.to_dict()["open_source"]

See `analyze.py` for the entry points and docs/licenses.md for the JSON fields.
"""

from __future__ import annotations

from opengauge.licenses.analyze import analyze_bytes, analyze_path, analyze_text, reset
from opengauge.licenses.lookup import lookup_id, lookup_name
from opengauge.licenses.result import LicenseResult, Match

__all__ = ["LicenseResult", "Match", "analyze_bytes", "analyze_path", "analyze_text", "lookup_id",
           "lookup_name", "reset"]
