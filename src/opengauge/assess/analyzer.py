"""The one place the assessment asks the license analyzer (`opengauge.licenses`), with a cache
of its answers by id and name (a batch asks the same ids again and again).

Answers are the analyzer's typed `LicenseResult`s; an id the analyzer refuses (a malformed
expression) is an unidentified result whose note says why. The analyzer is imported on the first
question, so that commands which ask none (`rank`, `show`) never load it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from opengauge.errors import OpengaugeError

if TYPE_CHECKING:
    from opengauge.licenses.result import LicenseResult

_lock = threading.Lock()
_cache: dict[tuple[str, str], LicenseResult] = {}
_REFUSED_LAYOUT = ("identified", "matches", "restrictions", "open_source", "basis",
                   "osd_violations", "note")
"""The keys the report shows for a refused id."""


def _lookup(kind: str, text: str) -> LicenseResult:
    from opengauge import licenses

    key = (kind, text)
    with _lock:
        if key in _cache:
            return _cache[key]
    try:
        answer = licenses.lookup_id(text) if kind == "id" else licenses.lookup_name(text)
    except OpengaugeError as error:  # an id the analyzer does not know
        answer = licenses.LicenseResult(None, note=str(error), layout=_REFUSED_LAYOUT)
    with _lock:
        _cache[key] = answer
    return answer


def lookup_id(identifier: str) -> LicenseResult:
    """The analyzer's reading of a license id (SPDX, Hub `license:` value, ScanCode key)."""
    return _lookup("id", identifier)


def lookup_name(name: str) -> LicenseResult:
    """The analyzer's reading of a license name as people write it."""
    return _lookup("name", name)


def analyze_text(text: str, path: str | None = None) -> LicenseResult:
    """The analyzer's reading of a license text."""
    from opengauge import licenses

    return licenses.analyze_text(text, path)


def warm() -> None:
    """Load the analyzer's index once (before threads share it)."""
    lookup_id("mit")
