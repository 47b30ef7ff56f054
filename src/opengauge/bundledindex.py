"""The prebuilt catalog index shipped in package data (`catalog/data/index.json`, written by
`python -m opengauge.catalog.build`), read once per process.

It holds the bundled records (read by `catalog/`) and the parsed identity table (read by
`identity.py`), so a cold start parses no YAML. Reading it lives here, below both, so the
identity table needs nothing from the catalog layer.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

INDEX_FORMAT = 1


def payload_of(text: str) -> dict[str, Any]:
    """The index's JSON object; {} when unreadable or of another format."""
    try:
        payload = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(payload, dict) or payload.get("format") != INDEX_FORMAT:
        return {}
    return payload


def bundled_text() -> str:
    """The text of the bundled index in package data ("" when absent)."""
    try:
        return resources.files("opengauge.catalog").joinpath("data", "index.json").read_text("utf-8")
    except OSError:
        return ""


@cache
def bundled_payload() -> dict[str, Any]:
    """The parsed bundled index (read once per process)."""
    return payload_of(bundled_text())


def bundled_identity(digest: str) -> Any:
    """The parsed alias table stored in the bundled index, if it matches `digest`."""
    identity = bundled_payload().get("identity") or {}
    return identity.get("data") if identity.get("sha1") == digest else None
