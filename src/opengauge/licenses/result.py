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
        if self.statement is not None:
            data["statement"] = self.statement
        if self.members is not None:
            data["members"] = self.members
        return data


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

    def to_dict(self) -> dict[str, Any]:
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
