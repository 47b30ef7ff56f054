"""The 2023 "Opening up ChatGPT" table: 14 features, score = sum out of 14.

Order: score descending, ties by project name in ascending Python string order (this
reproduces the table as its authors' build published it).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from opengauge.frameworks.interface import Criterion, Group
from opengauge.frameworks.scored import LevelScoredFramework
from opengauge.model import Assessment


class OpeningUpChatGPT(LevelScoredFramework):
    """Liesenfeld, Lopez & Dingemanse (2023)."""

    id = "ouc-2023"
    source = "ouc-2023"
    aggregate = "sum"

    def __init__(self) -> None:
        text = resources.files("opengauge.frameworks").joinpath("data", "ouc-2023.yml")
        data = yaml.load(text.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        self.name = data["name"]
        self.url = data["url"]
        self.citation = " ".join(data["citation"].split())
        groups: list[Group] = []
        criteria: list[Criterion] = []
        for group in data["groups"]:
            for param in group["params"]:
                criteria.append(
                    Criterion(param["ref"], param["name"], group["ref"], param["question"])
                )
            refs = tuple(p["ref"] for p in group["params"])
            groups.append(Group(ref=group["ref"], name=group["name"], criteria=refs))
        self.maximum = float(len(criteria))
        super().__init__(groups, criteria)

    def order_key(self, assessment: Assessment) -> Any:
        return (-(assessment.score or 0.0), assessment.subject.name, assessment.source_file or "")


@cache
def table() -> OpeningUpChatGPT:
    """The framework instance."""
    return OpeningUpChatGPT()
