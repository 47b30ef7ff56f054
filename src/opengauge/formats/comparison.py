"""`compare` side by side: models as columns; each framework's result and dimensions as rows;
the FMTI score once per developer. Used by the table and Markdown formats (the JSON records are
the same as `show`'s)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from opengauge.formats.text import criteria_names, score_text, transparency_text

ABSENT = "—"


@dataclass
class Row:
    """One row of the grid: a label and one cell per model; `heading` rows name a framework."""

    label: str
    cells: list[str] = field(default_factory=list)
    heading: bool = False
    levels: list[str | None] = field(default_factory=list)
    """The rating level behind each cell (dimension rows), for glyphs and colours."""


@dataclass
class Comparison:
    """The models (id, name, org) in the asked order, the rows, and the developers' FMTI lines."""

    models: list[dict[str, Any]]
    rows: list[Row]
    developers: list[str]


def comparison(records: list[dict[str, Any]]) -> Comparison:
    """The grid of `compare`'s records (one per model and framework)."""
    models: dict[str, dict[str, Any]] = {}
    by_model: dict[str, dict[str, dict[str, Any]]] = {}
    frameworks: list[str] = []
    for r in records:
        models.setdefault(r["id"], {"id": r["id"], "name": r["name"], "org": r.get("org")})
        by_model.setdefault(r["id"], {})[r["framework"]] = r
        if r["framework"] not in frameworks:
            frameworks.append(r["framework"])
    ids = list(models)
    rows = [Row("organisation", [models[i]["org"] or "unknown" for i in ids])]
    for fid in frameworks:
        names = criteria_names(fid)
        entries = [by_model[i].get(fid) for i in ids]
        rows.append(Row(names.get("__name__", fid), heading=True))
        kind = next(e.get("kind", "score") for e in entries if e)
        rows.append(Row(score_text(kind, header=True),
                        [_result(e) if e else ABSENT for e in entries]))
        rows.append(Row("source", [f"{e['source_file']} ({e['layer']})" if e else ABSENT
                                   for e in entries]))
        dims = list(dict.fromkeys(d for e in entries if e for d in e.get("ratings") or {}))
        for dim in dims:
            levels = [(e.get("ratings") or {}).get(dim, "unknown") if e else None for e in entries]
            rows.append(Row(names.get(dim, dim), [lv or ABSENT for lv in levels], levels=levels))
    developers: dict[str, str] = {}
    for i in ids:
        context = next((r.get("developer_transparency") for r in by_model[i].values()
                        if r.get("developer_transparency")), None)
        if context:
            developers.setdefault(str(context.get("label")), transparency_text(context))
    return Comparison(list(models.values()), rows, list(developers.values()))


def _result(record: dict[str, Any]) -> str:
    text = score_text(record.get("kind", "score"), record=record)
    if record.get("rank") is not None and record.get("of"):
        text += f" ({record['rank']}/{record['of']})"
    return text
