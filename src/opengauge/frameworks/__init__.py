"""Frameworks: data plus a small rule module each, turning ratings into a result."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from opengauge.errors import BadInput

if TYPE_CHECKING:
    from opengauge.frameworks.interface import Framework

_FACTORIES: dict[str, Callable[[], Framework]] = {}
DEFAULT = "osai"
"""The framework a ranking uses unless told otherwise."""


def register(framework_id: str, factory: Callable[[], Framework]) -> None:
    """Make a framework available under `framework_id`."""
    _FACTORIES[framework_id] = factory


def _builtin() -> None:
    # each module is imported when its framework is first asked for, not to list the ids
    # (the `license` command's help and start-up need the ids only)
    register("osai", _lazy("osai", "current"))
    register("osai-14", _lazy("osai", "fourteen"))
    register("ouc-2023", _lazy("ouc2023", "table"))
    register("mof", _lazy("mof", "framework"))
    register("osaid", _lazy("osaid", "framework"))


def _lazy(module: str, factory: str) -> Callable[[], Framework]:
    """A factory that imports `opengauge.frameworks.<module>` and calls its `factory`."""
    def make() -> Framework:
        from importlib import import_module

        built: Framework = getattr(import_module(f"opengauge.frameworks.{module}"), factory)()
        return built

    return make


def ids() -> list[str]:
    """Every framework id, in display order."""
    if not _FACTORIES:
        _builtin()
    return list(_FACTORIES)


def get(framework_id: str) -> Framework:
    """The framework named `framework_id`; BadInput naming the choices otherwise."""
    known = ids()
    if framework_id not in _FACTORIES:
        raise BadInput(f"unknown framework '{framework_id}' (expected one of: {', '.join(known)})")
    return _FACTORIES[framework_id]()


def by_source(source: str) -> list[Framework]:
    """The frameworks that score records of the curated dataset `source`."""
    return [get(i) for i in ids() if get(i).source == source]
