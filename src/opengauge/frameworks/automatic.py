"""Which frameworks rate a repository automatically, and the rule module each uses.

A rater turns a `Dossier` (the evidence gathered about one target) and the target's Subject
into an evaluated Assessment with provenance `automatic`. Adding a framework's automatic
ratings means writing its `*_rules.py` beside it and registering it here; the sources are not
touched. The 2023 "Opening up ChatGPT" table is a closed historical snapshot and is not rated
automatically.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

_RATERS: dict[str, str | Callable[..., Any]] = {
    "osai": "opengauge.frameworks.osai_rules:assess",
    "osai-14": "opengauge.frameworks.osai_rules:assess_fourteen",
    "mof": "opengauge.frameworks.mof_rules:assess",
    "osaid": "opengauge.frameworks.osaid_rules:assess",
}


def register(framework_id: str, rater: str | Callable[..., Any]) -> None:
    """Rate `framework_id` automatically with `rater` (a callable or 'module:function')."""
    _RATERS[framework_id] = rater


def ids() -> list[str]:
    """The frameworks rated automatically, in display order."""
    return list(_RATERS)


def rater(framework_id: str) -> Callable[..., Any]:
    """The rater of `framework_id` (KeyError when it has none)."""
    found = _RATERS[framework_id]
    if isinstance(found, str):
        module, _, name = found.partition(":")
        found = getattr(importlib.import_module(module), name)
        _RATERS[framework_id] = found
    return found
