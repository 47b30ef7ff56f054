"""What the analyzer answers for one text (or one id): the JSON contract of `opengauge license`.

Per result: `path`, `identified`, `matches[]` ({`key`, `spdx`, `name`, `family`, `version`,
`kind`, `score`, `lines`, ...}), `closest`, `restrictions[]` ({`kind`, `quote`, `lines`,
`value`, `osd`}), `open_source`, `basis`, `osd_violations[]`, plus `note` and `warnings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from opengauge.licenses.clauses import Finding
from opengauge.licenses.registry import License


@dataclass
class Match:
    """A license found in the text, or named by it."""

    key: str | None
    spdx: str | None
    name: str
    family: str | None
    version: str | None
    kind: str
    score: float
    lines: list[int] | None
    via: str
    """`exact` (the whole text), `text` (a span of it), `reference` (named) or `id` (a lookup)."""
    coverage: float | None = None
    owner: str | None = None
    category: str | None = None
    osi_approved: bool | None = None
    fsf_libre: bool | None = None
    statement: str | None = None
    truncated: bool = False
    """A copy cut short at its start or end: part of the license is missing (`coverage`)."""
    members: list[str] | None = None
    """For a family known only by name (`gpl`, `gemma`): the licenses it may be."""
    layout: tuple[str, ...] | None = field(default=None, compare=False)
    """The keys of the record it was read from (`from_dict`), written back the same way."""

    @classmethod
    def of(cls, entry: License, score: float, lines: list[int] | None, via: str,
           **extra: Any) -> Match:
        return cls(entry.key, entry.spdx, entry.name, entry.family, entry.version, entry.kind,
                   score, lines, via, owner=entry.owner, category=entry.category,
                   osi_approved=entry.osi_approved, fsf_libre=entry.fsf_libre, **extra)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
                "key": self.key, "spdx": self.spdx, "name": self.name, "family": self.family,
                "version": self.version, "kind": self.kind, "score": self.score,
                "lines": self.lines, "via": self.via, "coverage": self.coverage,
                "truncated": self.truncated,
                "owner": self.owner, "category": self.category,
                "osi_approved": self.osi_approved, "fsf_libre": self.fsf_libre}
        optional = {"statement": self.statement, "members": self.members}
        if self.layout is None:
            return {**data, **{k: v for k, v in optional.items() if v is not None}}
        data.update(optional)
        return {**{k: data[k] for k in self.layout if k in data},
                **{k: v for k, v in optional.items() if v is not None and k not in self.layout}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Match:
        """The match a `to_dict()` was made from."""
        return cls(data.get("key"), data.get("spdx"), str(data.get("name") or ""),
                   data.get("family"), data.get("version"), str(data.get("kind") or "license"),
                   float(data.get("score") or 0.0), data.get("lines"), str(data.get("via") or ""),
                   coverage=data.get("coverage"), owner=data.get("owner"),
                   category=data.get("category"), osi_approved=data.get("osi_approved"),
                   fsf_libre=data.get("fsf_libre"), statement=data.get("statement"),
                   truncated=bool(data.get("truncated")), members=data.get("members"),
                   layout=tuple(data))


@dataclass
class LicenseResult:
    """The analyzer's answer for one input."""

    path: str | None
    identified: bool = False
    matches: list[Match] = field(default_factory=list)
    closest: dict[str, Any] | None = None
    restrictions: list[Finding] = field(default_factory=list)
    open_source: bool | None = None
    basis: str | None = None
    osd_violations: list[dict[str, Any]] = field(default_factory=list)
    text_coverage: float | None = None
    """Share (0-1) of the input's non-blank lines explained by known texts or neutral lines."""
    unexplained: list[list[int]] = field(default_factory=list)
    """[first, last] line ranges no known text explains."""
    contains: list[dict[str, Any]] = field(default_factory=list)
    """Every known license text found in the input: `key`, `name`, `lines`, `share`."""
    note: str | None = None
    warnings: list[str] = field(default_factory=list)
    id: str | None = None
    """The id looked up (`opengauge license --id`)."""
    error: str | None = None
    """Why a file of a folder could not be read (the other fields are then empty)."""
    annotations: dict[str, Any] = field(default_factory=dict)
    """Keys a later stage added to the answer (a governing text's `label`, `origin`, `why`,
    `kind`, `grants`); written after the analyzer's own."""
    layout: tuple[str, ...] | None = None
    """The keys, in order, of the record this result was read from (`from_dict`): it is written
    back with exactly those keys, plus annotations added since."""

    @property
    def licenses(self) -> list[Match]:
        """The matches of kind `license` (use policies and exceptions apart)."""
        return [m for m in self.matches if m.kind == "license"]

    def to_dict(self) -> dict[str, Any]:
        data = {**self._fields(), **self.annotations}
        if self.layout is None:
            return data
        kept = {k: data[k] for k in self.layout if k in data}
        added = {k: v for k, v in data.items() if k not in kept and (
            k in self.annotations or _set_since_read(v))}
        return {**kept, **added}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LicenseResult:
        """The result a `to_dict()` was made from: typed fields, other keys as annotations,
        and the record's key order (`layout`) so that it is written back unchanged."""
        own = {k: data[k] for k in _RESULT_KEYS if k in data}
        return cls(
            path=own.get("path"), identified=bool(own.get("identified")),
            matches=[Match.from_dict(m) for m in own.get("matches") or []],
            closest=own.get("closest"),
            restrictions=[Finding.from_dict(r) for r in own.get("restrictions") or []],
            open_source=own.get("open_source"), basis=own.get("basis"),
            osd_violations=list(own.get("osd_violations") or []),
            text_coverage=own.get("text_coverage"), unexplained=list(own.get("unexplained") or []),
            contains=list(own.get("contains") or []), note=own.get("note"),
            warnings=list(own.get("warnings") or []), id=own.get("id"), error=own.get("error"),
            annotations={k: v for k, v in data.items() if k not in _RESULT_KEYS},
            layout=tuple(data))

    def _fields(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "identified": self.identified,
            "matches": [m.to_dict() for m in self.matches],
            "closest": self.closest,
            "restrictions": [f.to_dict() for f in self.restrictions],
            "open_source": self.open_source,
            "basis": self.basis,
            "osd_violations": self.osd_violations,
            "text_coverage": self.text_coverage,
            "unexplained": self.unexplained,
            "contains": self.contains,
            "note": self.note,
            "warnings": self.warnings,
        }
        if self.id is not None:
            data = {"id": self.id, **data}
        if self.error is not None:
            data["error"] = self.error
        return data


def _set_since_read(value: Any) -> bool:
    """Whether a field missing from the record it was read from has been given a value since
    (a path set on a refused id's answer): then it is written, after the record's keys."""
    return value is not None and value is not False and value != []


_RESULT_KEYS = frozenset(("id", "path", "identified", "matches", "closest", "restrictions",
                          "open_source", "basis", "osd_violations", "text_coverage", "unexplained",
                          "contains", "note", "warnings", "error"))
