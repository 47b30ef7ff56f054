"""The European Open Source AI Index: 12 parameters now, 14 from 2024-10 to 2026-03-12.

Score: the unweighted mean of the parameters, open 1, partial 0.5, closed, blank or unknown 0;
group scores likewise. Order: score descending, ties by descending Python string order of the
exact file name (the index's own rule).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from opengauge.frameworks.interface import Criterion, DescendingStr, Group
from opengauge.frameworks.scored import LevelScoredFramework
from opengauge.model import Assessment

CITATION = (
    "Liesenfeld, A. and Dingemanse, M. 2024. Rethinking open source generative AI: "
    "open-washing and the EU AI Act. FAccT '24, pp. 1774-1787."
)


def _read(folder: str, name: str) -> Any:
    text = resources.files("opengauge.frameworks").joinpath("data", folder, name).read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _parameters(folder: str) -> tuple[list[Group], list[Criterion]]:
    groups: list[Group] = []
    criteria: list[Criterion] = []
    descriptions = _read(folder, "_parameters-descriptions.yml") or {}
    for group in _read(folder, "_parameters.yml"):
        refs = []
        for param in group["params"]:
            ref = param["ref"]
            refs.append(ref)
            question = (descriptions.get(ref) or {}).get("en", "").strip()
            criteria.append(
                Criterion(
                    ref=ref,
                    name=str(param["name"]).strip(),
                    group=group["ref"],
                    question=question,
                    extra={"types": list(param.get("types") or [])},
                )
            )
        groups.append(Group(ref=group["ref"], name=group["name"], criteria=tuple(refs)))
    return groups, criteria


class OsaiIndex(LevelScoredFramework):
    """European Open Source AI Index (osai-index.eu)."""

    aggregate = "mean"
    maximum = 1.0
    url = "https://osai-index.eu"
    citation = CITATION

    def __init__(self, framework_id: str, name: str, source: str, folder: str) -> None:
        self.id = framework_id
        self.name = name
        self.source = source
        super().__init__(*_parameters(folder))

    def order_key(self, assessment: Assessment) -> Any:
        return (-(assessment.score or 0.0), DescendingStr(assessment.source_file or ""))


@cache
def current() -> OsaiIndex:
    """The index with its current 12 parameters."""
    return OsaiIndex("osai", "European Open Source AI Index", "osai-index", "osai")


@cache
def fourteen() -> OsaiIndex:
    """The index's 14-parameter set (package and API included), in force until 2026-03-12."""
    return OsaiIndex(
        "osai-14", "European Open Source AI Index (14 parameters, to 2026-03-12)",
        "osai-index-14", "osai-14",
    )
