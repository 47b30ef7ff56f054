"""The one place the assessment asks the license analyzer (`opengauge.licenses`).

The analyzer is optional here: while `opengauge.licenses` has no `analyze_text`/`lookup_id`,
`available()` is False, every answer is None, and the rules rate whatever depends on a license
as `unknown`. Answers are plain dicts (the analyzer's `to_dict()` contract: `identified`,
`matches`, `restrictions`, `open_source`, `basis`, `osd_violations`, `note`, ...).
"""

from __future__ import annotations

import importlib
import threading
from typing import Any

MODULE = "opengauge.licenses"
_lock = threading.Lock()
_cache: dict[tuple[str, str], dict[str, Any] | None] = {}


def _module() -> Any:
    try:
        module = importlib.import_module(MODULE)
    except ImportError:
        return None
    wanted = ("analyze_text", "lookup_id", "lookup_name")
    return module if all(callable(getattr(module, name, None)) for name in wanted) else None


def available() -> bool:
    """True when the license analyzer is installed."""
    return _module() is not None


def as_dict(answer: Any) -> dict[str, Any] | None:
    """An analyzer answer (a LicenseResult or its dict) as a dict; None for None."""
    if answer is None:
        return None
    if isinstance(answer, dict):
        return answer
    to_dict = getattr(answer, "to_dict", None)
    return to_dict() if callable(to_dict) else None


def _lookup(kind: str, text: str) -> dict[str, Any] | None:
    module = _module()
    if module is None:
        return None
    key = (kind, text)
    with _lock:
        if key in _cache:
            return _cache[key]
    from opengauge.errors import OpengaugeError

    try:
        answer = as_dict(getattr(module, kind)(text))
    except OpengaugeError as error:  # an id the analyzer does not know
        answer = {"identified": False, "matches": [], "restrictions": [], "open_source": None,
                  "basis": None, "osd_violations": [], "note": str(error)}
    with _lock:
        _cache[key] = answer
    return answer


def lookup_id(identifier: str) -> dict[str, Any] | None:
    """The analyzer's reading of a license id (SPDX, Hub `license:` value, ScanCode key)."""
    return _lookup("lookup_id", identifier)


def lookup_name(name: str) -> dict[str, Any] | None:
    """The analyzer's reading of a license name as people write it."""
    return _lookup("lookup_name", name)


def analyze_text(text: str, path: str | None = None) -> dict[str, Any] | None:
    """The analyzer's reading of a license text."""
    module = _module()
    return as_dict(module.analyze_text(text, path)) if module is not None else None


def warm() -> None:
    """Load the analyzer's index once (before threads share it)."""
    if available():
        lookup_id("mit")
