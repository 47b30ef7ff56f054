"""What changed between two reports: `diff(a, b)`.

The two reports may be two models, two snapshots of one model's record (the 14-parameter and the
current EU index; an imported and the bundled copy), or later two stored revisions: the function
only compares what the reports hold. Frameworks are paired by id; when each report holds exactly
one framework under different ids (two snapshots of one index), those two are compared.

Compared: subject facts; per framework the score, rank, class, progress and verdict, and every
dimension whose level changed (or that only one side rates); the license name, curated rating,
the analyzer's identified licenses and versions and its verdict; restrictions added or removed
(by finding kind and value, with their quotes); findings added or removed (by id and value).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from opengauge.assess.report import Report
from opengauge.model import Ranked, Rating

SUBJECT_FIELDS = ("name", "org", "base_model", "end_model", "release_date", "link", "type")
RESULT_FIELDS = ("score", "rank", "of", "coverage", "class", "progress", "verdict")


@dataclass
class Change:
    """One value that differs: `field`, its value in A and in B (None when absent)."""

    field: str
    a: Any
    b: Any


@dataclass
class RatingChange:
    """A dimension whose level differs (None: not rated on that side), with each side's note."""

    dimension: str
    a: str | None
    b: str | None
    a_note: str | None = None
    b_note: str | None = None


@dataclass
class FrameworkDiff:
    """One framework (or a pair of snapshots of it) compared."""

    framework: str
    a: dict[str, Any] | None
    b: dict[str, Any] | None
    changes: list[Change] = field(default_factory=list)
    ratings: list[RatingChange] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return self.a is not None and self.b is not None and not self.changes and not self.ratings


@dataclass
class Diff:
    """Everything that differs between report A and report B."""

    a: dict[str, Any]
    b: dict[str, Any]
    subject: list[Change] = field(default_factory=list)
    frameworks: list[FrameworkDiff] = field(default_factory=list)
    license: list[Change] = field(default_factory=list)
    restrictions_added: list[dict[str, Any]] = field(default_factory=list)
    restrictions_removed: list[dict[str, Any]] = field(default_factory=list)
    findings_added: list[dict[str, Any]] = field(default_factory=list)
    findings_removed: list[dict[str, Any]] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not (self.subject or self.license or self.restrictions_added or self.restrictions_removed
                    or self.findings_added or self.findings_removed) \
            and all(f.same for f in self.frameworks)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for framework, diff in zip(data["frameworks"], self.frameworks, strict=True):
            framework["same"] = diff.same
        data["same"] = self.same
        return data


def side(report: Report, label: str | None = None) -> dict[str, Any]:
    """How a report is named in a diff: id, name, a label, and the data it was computed from."""
    return {"id": report.subject.id, "name": report.subject.name, "label": label or report.subject.id,
            "data": [{k: d.get(k) for k in ("source", "snapshot", "date", "layer")}
                     for d in report.provenance.data or []]}


def _result(entry: Ranked) -> dict[str, Any]:
    a = entry.assessment
    return {"framework": a.framework, "source": a.source, "source_file": a.source_file,
            "layer": a.layer, "snapshot": a.snapshot, "provenance": a.provenance,
            "score": a.score, "rank": entry.rank, "of": entry.of, "coverage": a.coverage,
            "class": a.klass, "progress": a.progress, "verdict": a.verdict}


def _note(rating: Rating | None) -> str | None:
    if rating is None:
        return None
    notes = [str(e.quote or e.note) for e in rating.evidence if e.quote or e.note]
    return " ".join(notes) if notes else None


def _ratings(a: Ranked, b: Ranked) -> list[RatingChange]:
    levels_a, levels_b = a.assessment.levels(), b.assessment.levels()
    changed = []
    for dimension in dict.fromkeys([*levels_a, *levels_b]):
        level_a, level_b = levels_a.get(dimension), levels_b.get(dimension)
        if level_a != level_b:
            changed.append(RatingChange(dimension, level_a, level_b,
                                        _note(a.assessment.rating(dimension)),
                                        _note(b.assessment.rating(dimension))))
    return changed


def _framework(key: str, a: Ranked | None, b: Ranked | None) -> FrameworkDiff:
    result_a = _result(a) if a else None
    result_b = _result(b) if b else None
    diff = FrameworkDiff(key, result_a, result_b)
    if a and b and result_a is not None and result_b is not None:
        diff.changes = [Change(f, result_a[f], result_b[f]) for f in RESULT_FIELDS
                        if result_a[f] != result_b[f]]
        diff.ratings = _ratings(a, b)
    return diff


def _pairs(a: Report, b: Report) -> list[tuple[str, Ranked | None, Ranked | None]]:
    if len(a.frameworks) == 1 and len(b.frameworks) == 1 and a.frameworks.keys() != b.frameworks.keys():
        (key_a, entry_a), (key_b, entry_b) = *a.frameworks.items(), *b.frameworks.items()
        return [(f"{key_a} → {key_b}", entry_a, entry_b)]
    keys = dict.fromkeys([*a.frameworks, *b.frameworks])
    return [(k, a.frameworks.get(k), b.frameworks.get(k)) for k in keys]


def _identified(report: Report) -> list[str]:
    """The analyzer's identified licenses as 'name version' texts, sorted."""
    found = set()
    for result in report.license_results():
        for match in result.matches:
            name = match.name or match.key or match.spdx
            version = match.version
            found.add(f"{name} ({match.kind}{f', version {version}' if version else ''})")
    return sorted(found)


def _license_name(report: Report) -> str | None:
    return report.license.name if report.license is not None else None


def _license_rating(report: Report) -> str | None:
    rating = report.license.rating if report.license is not None else None
    return rating.level if rating is not None else None


def _verdict(report: Report) -> Any:
    verdicts = [r.open_source for r in report.license_results()]
    return verdicts[0] if len(set(verdicts)) == 1 else (verdicts or None)


def _key(item: dict[str, Any], name: str) -> str:
    return json.dumps([item.get(name), item.get("value")], sort_keys=True, default=str)


def _added_removed(a: list[dict], b: list[dict], name: str) -> tuple[list[dict], list[dict]]:
    keys_a = {_key(x, name) for x in a}
    keys_b = {_key(x, name) for x in b}
    return [x for x in b if _key(x, name) not in keys_a], [x for x in a if _key(x, name) not in keys_b]


def _restrictions(report: Report) -> list[dict[str, Any]]:
    return [r.to_dict() for result in report.license_results() for r in result.restrictions]


def _findings(report: Report) -> list[dict[str, Any]]:
    return [f.to_dict() for f in report.findings]


def diff(a: Report, b: Report, *, labels: tuple[str, str] | None = None) -> Diff:
    """What differs from report `a` to report `b`."""
    result = Diff(side(a, labels[0] if labels else None), side(b, labels[1] if labels else None))
    subject_a, subject_b = a.subject.to_dict(), b.subject.to_dict()
    result.subject = [Change(f, subject_a[f], subject_b[f]) for f in SUBJECT_FIELDS
                      if subject_a[f] != subject_b[f]]
    result.frameworks = [_framework(k, x, y) for k, x, y in _pairs(a, b)]
    for key, value in (("name", _license_name), ("rating", _license_rating)):
        if value(a) != value(b):
            result.license.append(Change(key, value(a), value(b)))
    if _identified(a) != _identified(b):
        result.license.append(Change("identified", _identified(a), _identified(b)))
    if _verdict(a) != _verdict(b):
        result.license.append(Change("open_source", _verdict(a), _verdict(b)))
    result.restrictions_added, result.restrictions_removed = _added_removed(
        _restrictions(a), _restrictions(b), "kind")
    result.findings_added, result.findings_removed = _added_removed(_findings(a), _findings(b), "id")
    return result
