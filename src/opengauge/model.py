"""Core types: evidence, ratings, assessments, findings and a report's provenance.

Every rating carries the evidence it rests on. Levels are `open`, `partial`, `closed` or
`unknown`; `unknown` means no evidence was found, never "probably closed".

The types are plain dataclasses (cheap to import and build, so a cold start stays fast); each
has `to_dict()` for the JSON contract and `from_dict()` to read it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

Level = Literal["open", "partial", "closed", "unknown"]
Confidence = Literal["high", "medium", "low"]
Provenance = Literal["curated", "automatic"]

LEVELS: tuple[str, ...] = ("open", "partial", "closed", "unknown")
CONFIDENCES: tuple[str, ...] = ("high", "medium", "low")


def tri_state(value: object, yes: str, no: str, unknown: str) -> str:
    """Words for a verdict that is True, False or anything else (unknown)."""
    return yes if value is True else no if value is False else unknown


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    """Drop keys whose value is None or an empty container."""
    return {k: v for k, v in data.items() if v is not None and v != [] and v != {}}


@dataclass(slots=True)
class Locator:
    """Where a fact was found: any of a URL, a file (with line), a field name."""

    url: str | None = None
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "file": self.file, "line": self.line, "field": self.field}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Locator:
        return cls(data.get("url"), data.get("file"), data.get("line"), data.get("field"))


@dataclass(slots=True)
class Evidence:
    """One fact with its locator and the quoted text or a note explaining it."""

    source: str
    locator: Locator = field(default_factory=Locator)
    quote: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "locator": self.locator.to_dict(),
                "quote": self.quote, "note": self.note}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(data["source"], Locator.from_dict(data.get("locator") or {}),
                   data.get("quote"), data.get("note"))


@dataclass(slots=True)
class Rating:
    """The level of one dimension of a framework, with its evidence."""

    dimension: str
    level: Level
    evidence: list[Evidence] = field(default_factory=list)
    confidence: Confidence | None = None

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {self.level!r}")
        if self.confidence is not None and self.confidence not in CONFIDENCES:
            raise ValueError(f"confidence must be high, medium, low or null, not {self.confidence!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"dimension": self.dimension, "level": self.level,
                "evidence": [e.to_dict() for e in self.evidence], "confidence": self.confidence}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rating:
        return cls(data["dimension"], data["level"],
                   [Evidence.from_dict(e) for e in data.get("evidence") or []],
                   data.get("confidence"))


@dataclass(slots=True)
class Subject:
    """What is being assessed: a model family or a release."""

    id: str
    name: str
    org: str | None = None
    org_link: str | None = None
    type: list[str] = field(default_factory=list)
    link: str | None = None
    base_model: str | None = None
    end_model: str | None = None
    license: str | None = None
    release_date: str | None = None
    notes: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Subject:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(slots=True)
class Assessment:
    """A framework's judgement of one subject: ratings plus a score, class or verdict."""

    subject: Subject
    framework: str
    ratings: list[Rating] = field(default_factory=list)
    score: float | None = None
    groups: dict[str, float] = field(default_factory=dict)
    coverage: float | None = None
    klass: int | None = None
    progress: dict[str, float] | None = None
    blockers: dict[str, Any] | None = None
    verdict: str | None = None
    reasons: list[str] | None = None
    warnings: list[str] = field(default_factory=list)
    provenance: Provenance = "curated"
    source: str | None = None
    source_file: str | None = None
    snapshot: str | None = None
    date: str | None = None
    layer: str | None = None
    related: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def rating(self, dimension: str) -> Rating | None:
        """The rating of `dimension`, if this assessment has one."""
        return next((r for r in self.ratings if r.dimension == dimension), None)

    def levels(self) -> dict[str, str]:
        """Dimension -> level, in rating order."""
        return {r.dimension: r.level for r in self.ratings}

    def evolve(self, **changes: Any) -> Assessment:
        """A copy with `changes` applied."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["subject"] = self.subject.to_dict()
        data["ratings"] = [r.to_dict() for r in self.ratings]
        data["class"] = data.pop("klass")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Assessment:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "class" in data:
            values["klass"] = data["class"]
        values["subject"] = Subject.from_dict(data["subject"])
        values["ratings"] = [Rating.from_dict(r) for r in data.get("ratings") or []]
        return cls(**values)

    def to_index(self) -> dict[str, Any]:
        """A compact form for indexes: empty values dropped."""
        data = _compact(self.to_dict())
        data["subject"] = _compact(data["subject"])
        data["ratings"] = [
            _compact({**r.to_dict(), "evidence": [
                _compact({**e.to_dict(), "locator": _compact(e.locator.to_dict())})
                for e in r.evidence
            ]})
            for r in self.ratings
        ]
        return data


@dataclass(slots=True)
class Ranked:
    """An assessment with its ordinal position in a ranking."""

    assessment: Assessment
    rank: int
    of: int


@dataclass(slots=True)
class DataSnapshot:
    """Which upstream snapshot a dataset comes from."""

    source: str
    snapshot: str | None = None
    date: str | None = None
    layer: str = "bundled"
    attribution: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(slots=True)
class Finding:
    """What a release's files, the catalog or the verdict table say that contradicts itself.

    `id` is stable (listed in `assess.findings.FINDINGS`), `severity` is `error`, `warning` or
    `info`; `details` are the finding's own fields (candidates, releases, ...), in order.
    """

    id: str
    severity: str
    message: str
    evidence: list[Evidence] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    _KEYS = ("id", "severity", "message", "evidence")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "severity": self.severity, "message": self.message,
                "evidence": [e.to_dict() for e in self.evidence], **self.details}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """Read a finding record back (an old record's `kind` stands for its id)."""
        return cls(data.get("id") or data.get("kind") or "", data.get("severity") or "",
                   data.get("message") or "",
                   [Evidence.from_dict(e) for e in data.get("evidence") or []],
                   {k: v for k, v in data.items() if k not in cls._KEYS})


@dataclass(slots=True)
class ReportProvenance:
    """Where a report comes from: `kind` (`curated`, `automatic`, `curated+automatic`), the
    catalog data and records of a curated report, the target and revision of an automatic one.

    The JSON keys follow the field order; a field that is None is left out, unless it is named
    in `nulls` (written as null: the revision a report could not read).
    """

    kind: str | None = None
    data: list[dict[str, Any]] | None = None
    """The catalog data snapshots (`DataSnapshot.to_dict()`)."""
    records: dict[str, Any] | None = None
    """Framework id -> the record a curated result was read from."""
    target: dict[str, Any] | None = None
    """The target as resolved (`Target.to_dict()`)."""
    revision: str | None = None
    revision_kind: str | None = None
    requested_revision: str | None = None
    modified: str | None = None
    revision_note: str | None = None
    assessed_at: str | None = None
    tool: dict[str, Any] | None = None
    analyzer: Any = None
    frameworks: list[str] | None = None
    files: int | None = None
    listing_truncated: bool | None = None
    problems: list[dict[str, Any]] | None = None
    url: str | None = None
    cached: bool | None = None
    last_modified: str | None = None
    nulls: frozenset[str] = frozenset()
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys of a stored record this version does not know, kept as they were."""

    _OWN = ("nulls", "extra")

    def set(self, **values: Any) -> ReportProvenance:
        """A copy with `values` set; those given as None are written as null."""
        return replace(self, **values,
                       nulls=self.nulls | {k for k, v in values.items() if v is None})

    def merged(self, other: ReportProvenance) -> ReportProvenance:
        """This provenance with every field `other` has (a value or a null) taken from it."""
        taken = {f.name: getattr(other, f.name) for f in fields(other) if f.name not in self._OWN
                 and (getattr(other, f.name) is not None or f.name in other.nulls)}
        return replace(self, **taken, nulls=self.nulls | other.nulls,
                       extra={**self.extra, **other.extra})

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in self._OWN}
        return {**{k: v for k, v in data.items() if v is not None or k in self.nulls},
                **self.extra}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportProvenance:
        known = {f.name for f in fields(cls)} - set(cls._OWN)
        return cls(**{k: v for k, v in data.items() if k in known},
                   nulls=frozenset(k for k, v in data.items() if k in known and v is None),
                   extra={k: v for k, v in data.items() if k not in known})
