"""The contract every framework fulfils: criteria, and rules from ratings to a result."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from opengauge.model import Assessment, Ranked

LEVEL_VALUE: dict[str, float] = {"open": 1.0, "partial": 0.5, "closed": 0.0, "unknown": 0.0}
RATED_LEVELS = frozenset({"open", "partial", "closed"})


@dataclass(frozen=True)
class Criterion:
    """One dimension a framework rates (an EU parameter, a 2023 feature, a MOF component)."""

    ref: str
    name: str
    group: str
    question: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Group:
    """A named group of criteria (Availability, Documentation, Access, ...)."""

    ref: str
    name: str
    criteria: tuple[str, ...]


class Framework(ABC):
    """Data (criteria) plus the small rule module turning ratings into a result."""

    id: str
    name: str
    source: str
    """The curated dataset whose records this framework scores (`osai-index`, `mot`, ...)."""
    kind: str = "score"
    """`score`, `class` or `verdict`: what `result` the framework produces."""
    url: str = ""
    citation: str = ""

    @property
    @abstractmethod
    def criteria(self) -> list[Criterion]:
        """The criteria in their published order."""

    @property
    def groups(self) -> list[Group]:
        """Groups of criteria, in order; empty when the framework has none."""
        return []

    @abstractmethod
    def evaluate(self, assessment: Assessment) -> Assessment:
        """Fill in the score, class or verdict of `assessment` from its ratings."""

    @abstractmethod
    def order_key(self, assessment: Assessment) -> Any:
        """Sort key: ascending order of this key is the framework's ranking order."""

    def rank(self, assessments: Iterable[Assessment]) -> list[Ranked]:
        """Rank assessments by the framework's published order (1 is best)."""
        ordered = sorted(assessments, key=self.order_key)
        total = len(ordered)
        return [Ranked(assessment=a, rank=i, of=total) for i, a in enumerate(ordered, start=1)]

    def criterion(self, ref: str) -> Criterion | None:
        """The criterion named `ref`, if any."""
        return next((c for c in self.criteria if c.ref == ref), None)

    def describe(self) -> dict[str, Any]:
        """A JSON-ready description of the framework and its criteria."""
        return {
            "id": self.id,
            "name": self.name,
            "source": self.source,
            "kind": self.kind,
            "url": self.url,
            "citation": self.citation,
            "groups": [{"ref": g.ref, "name": g.name, "criteria": list(g.criteria)} for g in self.groups],
            "criteria": [
                {"ref": c.ref, "name": c.name, "group": c.group, "question": c.question, **c.extra}
                for c in self.criteria
            ],
        }


class DescendingStr(str):
    """A string that sorts in descending Python string order (for tie-breaks)."""

    __slots__ = ()

    def __lt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__lt__(self, other)

    def __le__(self, other: str) -> bool:  # type: ignore[override]
        return str.__ge__(self, other)

    def __ge__(self, other: str) -> bool:  # type: ignore[override]
        return str.__le__(self, other)
