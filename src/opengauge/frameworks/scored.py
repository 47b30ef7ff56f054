"""Frameworks whose result is a number computed from open / partial / closed levels."""

from __future__ import annotations

from typing import Any

from opengauge.frameworks.interface import (
    LEVEL_VALUE,
    RATED_LEVELS,
    Criterion,
    Framework,
    Group,
)
from opengauge.model import Assessment


class LevelScoredFramework(Framework):
    """Open counts 1, partial 0.5, closed, blank or unknown 0; `mean` or `sum` them."""

    kind = "score"
    aggregate = "mean"
    maximum = 1.0

    def __init__(self, groups: list[Group], criteria: list[Criterion]) -> None:
        self._groups = groups
        self._criteria = criteria

    @property
    def criteria(self) -> list[Criterion]:
        return self._criteria

    @property
    def groups(self) -> list[Group]:
        return self._groups

    def _combine(self, values: list[float]) -> float:
        if not values:
            return 0.0
        total = sum(values)
        return total / len(values) if self.aggregate == "mean" else total

    def evaluate(self, assessment: Assessment) -> Assessment:
        levels = {r.dimension: r.level for r in assessment.ratings}
        values = {c.ref: LEVEL_VALUE[levels.get(c.ref, "unknown")] for c in self.criteria}
        rated = sum(1 for c in self.criteria if levels.get(c.ref) in RATED_LEVELS)
        groups = {g.ref: self._combine([values[ref] for ref in g.criteria]) for g in self.groups}
        return assessment.evolve(
            framework=self.id,
            score=self._combine(list(values.values())),
            groups=groups,
            coverage=rated / len(self.criteria) if self.criteria else 0.0,
        )

    def describe(self) -> dict[str, Any]:
        described = super().describe()
        described["score"] = {"aggregate": self.aggregate, "min": 0, "max": self.maximum}
        return described
