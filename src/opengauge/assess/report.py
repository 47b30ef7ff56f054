"""The report `check` returns and its license section, typed.

A report's `license` is one of two sections:

- `CuratedLicense`, a catalog model's: the curated license name, the analyzer's reading of that
  name, the MOT's literal strings, the governing texts, notes and conflicts;
- `AssessedLicense`, a repository's: every declaration read from its files, the verdict on its
  terms, the analyzer's per-text results, and (when the catalog knows the model) the curated
  section beside it.

Each has `to_dict()`, the JSON contract of `license` (documented in the README), and `from_dict()`
to read a stored report back (`diff`). Analyzer results are the analyzer's own `LicenseResult`s
(governing texts and per-text results carry their extra keys as annotations).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from opengauge.model import Evidence, Finding, Ranked, ReportProvenance, Subject
from opengauge.sources.licensepicture import Declaration

if TYPE_CHECKING:
    from opengauge.licenses.result import LicenseResult


def _result(data: dict[str, Any]) -> LicenseResult:
    """An analyzer result read back from its record (the analyzer loads only when one is)."""
    from opengauge.licenses.result import LicenseResult

    return LicenseResult.from_dict(data)


@dataclass(slots=True)
class LicenseRating:
    """A framework's rating of the license (the EU index's `licenses` parameter)."""

    level: str
    framework: str
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"rating": self.level, "framework": self.framework,
                "evidence": [e.to_dict() for e in self.evidence]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LicenseRating | None:
        if data.get("rating") is None:
            return None
        return cls(str(data["rating"]), str(data.get("framework") or ""),
                   [Evidence.from_dict(e) for e in data.get("evidence") or []])


@dataclass(slots=True)
class CuratedLicense:
    """A catalog model's license section."""

    name: str | None
    """The curated license name (the records' own string)."""
    analysis: LicenseResult | None = None
    """The analyzer's reading of `name`, beside it, never instead of it."""
    mot: dict[str, Any] | None = None
    """The MOT release's literal license strings and the MOF's reading of each."""
    texts: list[LicenseResult] = field(default_factory=list)
    """The governing texts (licenses and use policies), each with `label`, `origin`, `why`,
    `kind` and `grants` as annotations."""
    text_notes: list[str] = field(default_factory=list)
    conflicts: list[Finding] = field(default_factory=list)
    rating: LicenseRating | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name,
                                "analysis": self.analysis.to_dict() if self.analysis else None}
        if self.mot is not None:
            data["mot"] = self.mot
        data.update({"texts": [t.to_dict() for t in self.texts], "text_notes": self.text_notes,
                     "conflicts": [c.to_dict() for c in self.conflicts]})
        return {**data, **(self.rating.to_dict() if self.rating else {})}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CuratedLicense:
        analysis = data.get("analysis")
        return cls(data.get("name"),
                   _result(analysis) if isinstance(analysis, dict) else None,
                   data.get("mot"),
                   [_result(t) for t in data.get("texts") or []],
                   list(data.get("text_notes") or []),
                   [Finding.from_dict(f) for f in data.get("conflicts") or []],
                   LicenseRating.from_dict(data))


@dataclass(slots=True)
class AssessedLicense:
    """A repository's license section (an automatic assessment)."""

    name: str | None
    """The license as the release declares it (card id or name, GGUF, or a file name)."""
    open_source: bool | None = None
    confidence: str | None = None
    basis: str | None = None
    results: list[LicenseResult] = field(default_factory=list)
    """The analyzer's result per governing text (`analysis.results[]`), each annotated with
    its `source`, `scope` and, for a base model's, `base_model`."""
    declared: list[Declaration] = field(default_factory=list)
    texts_by_scope: dict[str, list[str]] = field(default_factory=dict)
    base_models: list[Declaration] = field(default_factory=list)
    datasets: list[Declaration] = field(default_factory=list)
    rating: LicenseRating | None = None
    curated: CuratedLicense | None = None
    """The catalog's section, when the catalog knows the model."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name, "open_source": self.open_source, "confidence": self.confidence,
            "basis": self.basis,
            "analysis": {"results": [r.to_dict() for r in self.results]} if self.results else None,
            "declared": [d.to_dict() for d in self.declared],
            "texts_by_scope": self.texts_by_scope,
            "base_models": [d.to_dict() for d in self.base_models],
            "datasets": [d.to_dict() for d in self.datasets]}
        if self.rating is not None:
            data.update(self.rating.to_dict())
        if self.curated is not None:
            data["curated"] = self.curated.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AssessedLicense:
        analysis = data.get("analysis") or {}
        curated = data.get("curated")
        return cls(data.get("name"), data.get("open_source"), data.get("confidence"),
                   data.get("basis"),
                   [_result(r) for r in analysis.get("results") or []],
                   [Declaration.from_dict(d) for d in data.get("declared") or []],
                   dict(data.get("texts_by_scope") or {}),
                   [Declaration.from_dict(d) for d in data.get("base_models") or []],
                   [Declaration.from_dict(d) for d in data.get("datasets") or []],
                   LicenseRating.from_dict(data),
                   CuratedLicense.from_dict(curated) if isinstance(curated, dict) else None)


LicenseSection = CuratedLicense | AssessedLicense
_ASSESSED_KEYS = ("declared", "texts_by_scope", "confidence", "base_models", "datasets")


def license_section(data: dict[str, Any] | None) -> LicenseSection | None:
    """A stored report's `license` read back (None for an empty one)."""
    if not data:
        return None
    if any(k in data for k in _ASSESSED_KEYS):
        return AssessedLicense.from_dict(data)
    return CuratedLicense.from_dict(data)


@dataclass(slots=True)
class Report:
    """What `check` answers: the subject and every section later stages fill in."""

    subject: Subject
    license: LicenseSection | None = None
    frameworks: dict[str, Ranked] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    provenance: ReportProvenance = field(default_factory=ReportProvenance)
    context: dict[str, Any] = field(default_factory=dict)

    def license_results(self) -> list[LicenseResult]:
        """The license analyzer's per-text results: a catalog model's governing texts when it
        has them, else its reading of the license name; a repository's per-text results."""
        section = self.license
        if isinstance(section, CuratedLicense):
            if section.texts:
                return list(section.texts)
            return [section.analysis] if section.analysis is not None else []
        return list(section.results) if section is not None else []

    def license_dict(self) -> dict[str, Any]:
        """The license section's JSON form (`{}` when the report has none)."""
        return self.license.to_dict() if self.license is not None else {}
