"""Catalog license strings the analyzer cannot read by name (`data/license-strings.yml`): the
registry text each `resolves` to, or why it is known to be `missing`."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import yaml


def _file() -> Path:
    return Path(str(resources.files("opengauge.catalog").joinpath("data", "license-strings.yml")))


@cache
def _table() -> dict[str, dict[str, str]]:
    data = yaml.safe_load(_file().read_text("utf-8")) or {}
    return {"resolves": dict(data.get("resolves") or {}), "missing": dict(data.get("missing") or {})}


def resolves(value: str) -> str | None:
    """The registry key a catalog license string names, when the table says so."""
    return _table()["resolves"].get(value)


def missing(value: str) -> str | None:
    """Why no registry text stands for a catalog license string, when it is known missing."""
    return _table()["missing"].get(value)


def table() -> dict[str, dict[str, str]]:
    """Both parts of the table (for tests and docs)."""
    return {k: dict(v) for k, v in _table().items()}
