"""Developer transparency: the Stanford Foundation Model Transparency Index (FMTI).

The FMTI scores a *developer* on 100 indicators (1 point each) about one flagship model; it is
context for a model's openness, never a score of the model itself. Package data under
`sources/data/fmti/`: the three editions' published score CSVs (October 2023, May 2024,
December 2025; stanford-crfm/fmti @ f4500c5, CC-BY-4.0) and `developers.yml`, the reviewed map
from catalog organisation names to FMTI developers.

A developer's score in an edition is the sum of its indicator rows (each 0 or 1). The 2023 and
2024 CSVs also publish a `Total` row, which that sum reproduces (a test checks it); the 2025 CSV
has none, so its totals are computed the same way.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

ATTRIBUTION = (
    "Stanford Foundation Model Transparency Index (stanford-crfm/fmti @ f4500c5), CC-BY-4.0: "
    "Bommasani et al. 2023, The Foundation Model Transparency Index (arXiv:2310.12941); "
    "Bommasani et al. 2024, The Foundation Model Transparency Index v1.1 (arXiv:2407.12929); "
    "the December 2025 edition, https://crfm.stanford.edu/fmti"
)


@dataclass(frozen=True)
class Edition:
    """One published edition of the index and the CSV that holds its scores."""

    year: str
    published: str
    file: str


EDITIONS = (
    Edition("2023", "2023-10", "October2023_scores.csv"),
    Edition("2024", "2024-05", "May2024_scores.csv"),
    Edition("2025", "2025-12", "Dec2025_scores.csv"),
)
META_COLUMNS = frozenset({"Domain", "Subdomain", "Indicator", "Total"})


@dataclass(frozen=True)
class EditionScores:
    """Totals computed from indicator rows, and the published Total row where there is one."""

    edition: Edition
    indicators: int
    totals: dict[str, int]
    published_totals: dict[str, int]


def _data(name: str) -> str:
    return resources.files("opengauge.sources").joinpath("data", "fmti", name).read_text("utf-8-sig")


def parse_scores(text: str, edition: Edition) -> EditionScores:
    """Sum each developer column over the indicator rows of one scores CSV."""
    rows = list(csv.DictReader(io.StringIO(text)))
    developers = [c for c in rows[0] if c and c.strip() not in META_COLUMNS] if rows else []
    totals = dict.fromkeys(developers, 0)
    published: dict[str, int] = {}
    indicators = 0
    for row in rows:
        name = (row.get("Indicator") or "").strip()
        if not name:
            continue
        if name == "Total":
            published = {d: int(float(row[d])) for d in developers if (row.get(d) or "").strip()}
            continue
        indicators += 1
        for developer in developers:
            totals[developer] += int(float(row[developer] or 0))
    return EditionScores(edition, indicators, totals, published)


@cache
def editions() -> tuple[EditionScores, ...]:
    """Every edition's scores (parsed once per process)."""
    return tuple(parse_scores(_data(e.file), e) for e in EDITIONS)


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


@cache
def developers() -> dict[str, dict[str, Any]]:
    """`developers.yml`: developer -> {columns: {year: csv column}, orgs: [...]}."""
    return yaml.load(_data("developers.yml"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def _by_org() -> dict[str, str]:
    return {_fold(org): developer for developer, entry in developers().items()
            for org in entry.get("orgs") or []}


def developer_for(org: str | None) -> str | None:
    """The FMTI developer an organisation name refers to, if the reviewed map lists it."""
    return _by_org().get(_fold(org)) if org else None


def lookup(org: str | None) -> dict[str, Any] | None:
    """The FMTI scores of the developer behind `org`, per edition; None when never scored."""
    developer = developer_for(org)
    if developer is None:
        return None
    columns = developers()[developer].get("columns") or {}
    scores = []
    for scored in editions():
        column = columns.get(scored.edition.year)
        if column is None or column not in scored.totals:
            continue
        ranking = sorted(scored.totals.values(), reverse=True)
        total = scored.totals[column]
        scores.append({
            "edition": scored.edition.year, "published": scored.edition.published,
            "score": total, "max": scored.indicators,
            "rank": ranking.index(total) + 1, "of": len(ranking),
        })
    if not scores:
        return None
    return {
        "developer": developer,
        "org": org,
        "scope": "developer",
        "label": f"FMTI score of the developer ({developer}), not of this model",
        "scores": scores,
        "source": "fmti",
        "attribution": ATTRIBUTION,
    }
