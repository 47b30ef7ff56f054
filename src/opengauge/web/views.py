"""What each page shows, built from `opengauge.api` and the JSON contract's records.

Pages render records exactly as the JSON API returns them (`formats.records`), so the HTML,
the JSON and the CLI never disagree. Nothing here scores or rates: levels, scores, classes,
verdicts and ranks all come from the frameworks through the API. Per-framework leaderboard
rows are built once per process and kept (the catalog does not change while serving).
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, replace
from typing import Any

from opengauge import __version__, api
from opengauge.errors import BadInput
from opengauge.formats.records import ranked_record, reports_document, snapshot_records
from opengauge.model import LEVELS, DataSnapshot

LEVEL_RANK = {"open": 3, "partial": 2, "closed": 1, "unknown": 0}
LEVEL_GLYPH = {"open": "●", "partial": "◐", "closed": "○", "unknown": "?"}
FILTER_NAMES = ("type", "org", "license_family", "q")
RELEASES = "releases"
RELEASES_ON = ("1", "true")
RELEASES_OFF = ("0", "false")
VIEW_NAMES = ("sort", "order")
MAX_PARAM_LENGTH = 200
MAX_PINS = 10
BOARD_COLUMNS = ("rank", "name", "org", "type", "license", "result")
KNOWN_REPORT_KEYS = frozenset({"id", "name", "org", "subject", "summary", "license", "frameworks",
                               "findings", "provenance", "developer_transparency", "automatic",
                               "family", "releases", "related_families"})


@dataclass(frozen=True)
class Filters:
    """A leaderboard view: filters (the same as `opengauge rank`'s) plus sort order."""

    type: str | None = None
    org: str | None = None
    license_family: str | None = None
    query: str | None = None
    levels: tuple[tuple[str, str], ...] = ()
    sort: str | None = None
    order: str | None = None
    releases: bool = False
    """Every MOT release (`opengauge rank --releases`), not one row per family."""

    @property
    def active(self) -> bool:
        return any((self.type, self.org, self.license_family, self.query, self.levels))

    def api_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for `api.rank`."""
        return {"type": self.type, "org": self.org, "license_family": self.license_family,
                "levels": dict(self.levels) or None, "query": self.query,
                "releases": self.releases}

    def params(self, *, with_view: bool = True) -> dict[str, str]:
        """The view as query parameters (what a shareable URL carries)."""
        named = {"type": self.type, "org": self.org, "license_family": self.license_family,
                 "q": self.query}
        found = {k: v for k, v in named.items() if v}
        found.update(dict(self.levels))
        if self.releases:
            found[RELEASES] = RELEASES_ON[0]
        if with_view:
            found.update({k: v for k, v in (("sort", self.sort), ("order", self.order)) if v})
        return found

    def key(self) -> tuple:
        return (self.type, self.org, self.license_family, self.query, self.levels, self.sort,
                self.order, self.releases)


def parse_filters(items: list[tuple[str, str]], criteria: list[str], *,
                  strict: bool) -> tuple[Filters, list[str]]:
    """Query parameters -> Filters; unknown names are errors (`strict`) or notices."""
    values: dict[str, str] = {}
    levels: dict[str, str] = {}
    notices: list[str] = []
    for name, raw in items:
        value = raw.strip()
        if len(value) > MAX_PARAM_LENGTH:
            raise BadInput(f"parameter '{name[:40]}': at most {MAX_PARAM_LENGTH} characters")
        if name in FILTER_NAMES or name in VIEW_NAMES or name == RELEASES:
            if value:
                values[name] = value
        elif name in criteria:
            if value:
                levels[name] = value
        elif strict:
            raise BadInput(f"unknown parameter '{name[:40]}' (expected type, org, license_family, "
                           f"q, releases, sort, order or a criterion: {', '.join(criteria)})")
        else:
            notices.append(f"ignored unknown parameter '{name[:40]}'")
    order = values.get("order")
    if order not in (None, "asc", "desc"):
        raise BadInput(f"order must be asc or desc, not '{order}'")
    sort = values.get("sort")
    if sort is not None and sort not in BOARD_COLUMNS and sort not in criteria:
        raise BadInput(f"sort must be {', '.join(BOARD_COLUMNS)} or a criterion "
                       f"({', '.join(criteria)}), not '{sort[:40]}'")
    for ref, value in levels.items():
        parts = [p.strip() for p in value.split(",")]
        if not all(p in LEVELS for p in parts):
            raise BadInput(f"{ref}: level must be open, partial, closed or unknown "
                           f"(comma-separated), not '{value}'")
    filters = Filters(values.get("type"), values.get("org"), values.get("license_family"),
                      values.get("q"), tuple(sorted(levels.items())), values.get("sort"), order,
                      _releases(values.get(RELEASES)))
    return filters, notices


def _releases(value: str | None) -> bool:
    """The `releases` parameter: 1 or true for every MOT release, 0, false or none for families."""
    if value is None or value.lower() in RELEASES_OFF:
        return False
    if value.lower() in RELEASES_ON:
        return True
    raise BadInput(f"releases must be 1 or true (every MOT release) or 0 or false (one row per "
                   f"family), not {value[:40]!r}")


def check_pins(pins: list[str], own: api.Own) -> list[DataSnapshot]:
    """Permalink pins (`snapshot=SOURCE@COMMIT`) checked against the loaded data
    (`api.pin_snapshots`): BadInput for too many or malformed pins, NotFound for other data."""
    if len(pins) > MAX_PINS:
        raise BadInput(f"snapshot: at most {MAX_PINS} pins")
    return api.pin_snapshots(pins, own)


def safe_url(url: Any) -> str | None:
    """`url` when it is an http(s) link; None for anything else (javascript:, data:, ...)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if re.match(r"^https?://[^\s\"'<>]+$", url, re.IGNORECASE) else None


def first_evidence(detail: dict[str, Any]) -> tuple[str | None, str | None]:
    """The first safe link and the first note or quote of a rating's evidence."""
    url = note = None
    for item in detail.get("evidence") or []:
        url = url or safe_url((item.get("locator") or {}).get("url"))
        note = note or item.get("note") or item.get("quote")
    return url, note


def roman(number: int) -> str:
    return {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V"}.get(number, str(number))


def result_of(record: dict[str, Any], framework: dict[str, Any]) -> dict[str, Any]:
    """How a framework's result shows: text, a value for the bar (0..1) and a sort value."""
    kind = framework.get("kind", "score")
    fraction = None
    if kind == "class":
        klass = record.get("class")
        text = f"Class {roman(klass)}" if klass else "not classified"
    elif kind == "verdict":
        text = str(record.get("verdict") or "unknown")
    elif record.get("score") is not None:
        maximum = float((framework.get("score") or {}).get("max") or 1)
        score = float(record["score"])
        text = f"{score:.2f}" if maximum == 1 else f"{score:g}/{maximum:g}"
        fraction = max(0.0, min(1.0, score / maximum)) if maximum else None
    else:
        text = "unknown"
    rank, of = record.get("rank"), record.get("of")
    bar = int(round(fraction * 20) * 5) if fraction is not None else None
    return {"kind": kind, "text": text, "fraction": fraction, "bar": bar,
            "sort": (of - rank + 1) if rank and of else 0}


def _snapshot_view(snapshot: DataSnapshot) -> dict[str, Any]:
    commit = api.snapshot_commit(snapshot)
    repo = (snapshot.snapshot or "").rsplit("@", 1)[0]
    link = None
    if commit and re.fullmatch(r"[\w.-]+/[\w.-]+", repo):
        link = f"https://github.com/{repo}/tree/{commit}"
    return {**snapshot.to_dict(), "commit": commit, "link": link,
            "pin": f"{snapshot.source}@{commit}" if commit else None}


@dataclass
class Board:
    """One framework's full leaderboard, in the framework's order (built once)."""

    framework: dict[str, Any]
    rows: list[dict[str, Any]]
    options: dict[str, list[str]]
    snapshots: list[dict[str, Any]]


@dataclass
class Views:
    """Page data for one catalog (`own` records or none), with its caches."""

    own: api.Own = None
    """The session (or the user's own records folder) every page reads."""
    _boards: dict[tuple[str, bool], Board] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _citation: dict[str, Any] | None = None
    _frameworks: list[dict[str, Any]] | None = None

    # -- shared ---------------------------------------------------------------------------
    def citation(self) -> dict[str, Any]:
        """Tool version, every data snapshot and the attribution each source requires."""
        if self._citation is None:
            snaps = api.data_snapshots(self.own)
            self._citation = {"version": __version__,
                              "snapshots": [_snapshot_view(s) for s in snaps]}
        return self._citation

    def frameworks(self) -> list[dict[str, Any]]:
        if self._frameworks is None:
            self._frameworks = api.describe_frameworks()
        return self._frameworks

    def framework(self, framework_id: str) -> dict[str, Any]:
        for described in self.frameworks():
            if described["id"] == framework_id:
                return described
        raise BadInput(f"unknown framework '{framework_id[:60]}' "
                       f"(expected one of: {', '.join(api.framework_ids())})")

    def criteria_refs(self, framework_id: str) -> list[str]:
        return [c["ref"] for c in self.framework(framework_id)["criteria"]]

    # -- leaderboard ----------------------------------------------------------------------
    def board(self, framework_id: str, releases: bool = False) -> Board:
        """The framework's full board: one row per family, or per MOT release (`releases`)."""
        key = (framework_id, releases)
        board = self._boards.get(key)
        if board is None:
            with self._lock:
                board = self._boards.get(key) or self._build_board(framework_id, releases)
                self._boards[key] = board
        return board

    def _build_board(self, framework_id: str, releases: bool) -> Board:
        described = self.framework(framework_id)
        ranking = api.rank(framework_id, own=self.own, releases=releases)
        rows = []
        for entry in ranking.entries:
            record = ranked_record(entry, evidence=True)
            subject = entry.assessment.subject
            family = api.license_family_of(subject)
            cells = []
            for criterion in described["criteria"]:
                detail = record["evidence"].get(criterion["ref"]) or {"level": "unknown"}
                url, note = first_evidence(detail)
                cells.append({"ref": criterion["ref"], "name": criterion["name"],
                              "level": detail["level"], "url": url, "note": note,
                              "sort": LEVEL_RANK[detail["level"]]})
            rows.append({
                "record": record, "id": record["id"], "name": record["name"],
                "org": record["org"] or "", "types": record["type"] or [],
                "license": subject.license or "", "family": family,
                "result": result_of(record, described), "cells": cells,
                "text": " ".join(p for p in (subject.id, subject.name, subject.org or "",
                                             subject.license or "") if p).casefold(),
            })
        options = {
            "types": sorted({t for r in rows for t in r["types"]}),
            "orgs": sorted({r["org"] for r in rows if r["org"]}, key=lambda org: (org.casefold(), org)),
            "families": [f for f in api.license_families() if any(r["family"] == f for r in rows)],
        }
        return Board(described, rows, options, snapshot_records(ranking.snapshots))

    def leaderboard(self, framework_id: str, filters: Filters) -> dict[str, Any]:
        board = self.board(framework_id, filters.releases)
        visible: dict[str, int] | None = None
        if filters.active:
            ranking = api.rank(framework_id, own=self.own, **filters.api_kwargs())
            visible = {e.assessment.subject.id: e.rank for e in ranking.entries}
        rows = list(board.rows)
        columns = {*BOARD_COLUMNS, *(c["ref"] for c in board.framework["criteria"])}
        notices = []
        sort = filters.sort
        if sort and sort not in columns:
            notices.append(f"ignored unknown sort column '{sort[:40]}'")
            sort = None
        if sort and sort != "rank":
            rows = _sorted_rows(rows, sort, filters.order or _default_order(sort))
        elif sort == "rank" and filters.order == "desc":
            rows.reverse()
        shown = [{"row": r, "view_rank": (visible.get(r["id"]) if visible is not None
                                          else r["record"]["rank"])} for r in rows]
        count = len(visible) if visible is not None else len(rows)
        return {"board": board, "framework": board.framework, "rows": shown, "count": count,
                "total": len(board.rows), "filters": filters, "sort": sort,
                "release_switch": self._release_switch(framework_id, filters),
                "view_base": Filters(releases=filters.releases).params(),
                "order": filters.order or (_default_order(sort) if sort else "asc"),
                "notices": notices, "params": filters.params(),
                "filter_params": filters.params(with_view=False),
                "level_choices": [("open", "open"), ("partial", "partial"), ("closed", "closed"),
                                  ("unknown", "unknown"), ("open,partial", "open or partial")]}

    def _release_switch(self, framework_id: str, filters: Filters) -> dict[str, Any] | None:
        """For a framework that rates MOT releases: the release count and the query of each
        view (families, releases) with the current filters and sort; None otherwise."""
        count = len(api.ranked(framework_id, self.own, releases=True))
        if not count:
            return None
        return {"count": count, "on": filters.releases,
                "families": replace(filters, releases=False).params(),
                "releases": replace(filters, releases=True).params()}

    # -- models ---------------------------------------------------------------------------
    def model_page(self, name: str, pins: list[str] | None = None) -> dict[str, Any]:
        model_id = api.resolve(name, self.own)
        pinned = [_snapshot_view(s) for s in api.pin_snapshots(pins or [], self.own)]
        report = api.check(model_id, own=self.own)
        return {**self.report(report), "pinned": pinned}

    def report(self, report: Any) -> dict[str, Any]:
        """A `check` report as the page shows it: the JSON record plus display helpers."""
        used = sorted({r.assessment.source for r in report.frameworks.values() if r.assessment.source})
        snaps = api.data_snapshots(self.own, used)
        record = reports_document([report], snaps).records[0]
        by_framework = []
        for described in self.frameworks():
            fid = described["id"]
            assessments = [record["frameworks"][fid]] if fid in record["frameworks"] else []
            automatic = record.get("automatic")
            if isinstance(automatic, dict) and isinstance(automatic.get(fid), dict):
                assessments.append(automatic[fid])
            by_framework.append({
                "framework": described,
                "assessments": [self._assessment_view(a, described) for a in assessments],
            })
        views = [_snapshot_view(s) for s in snaps]
        pins = [v["pin"] for v in views if v["pin"]]
        extra = {k: v for k, v in record.items() if k not in KNOWN_REPORT_KEYS}
        return {"record": record, "by_framework": by_framework, "snapshots": views,
                "pins": pins, "extra": extra}

    def _assessment_view(self, record: dict[str, Any], described: dict[str, Any]) -> dict[str, Any]:
        names = {c["ref"]: c for c in described["criteria"]}
        ratings = []
        for ref, detail in (record.get("evidence") or {}).items():
            criterion = names.get(ref, {"ref": ref, "name": ref})
            ratings.append({"ref": ref, "name": criterion["name"],
                            "question": criterion.get("question"), "level": detail["level"],
                            "confidence": detail.get("confidence"),
                            "evidence": detail.get("evidence") or []})
        groups = {g["ref"]: g["name"] for g in described.get("groups") or []}
        return {"record": record, "result": result_of(record, described), "ratings": ratings,
                "groups": [(groups.get(k, k), v) for k, v in (record.get("groups") or {}).items()]}

    def models_index(self) -> dict[str, Any]:
        entries: dict[str, dict[str, Any]] = {}
        for described in self.frameworks():
            for row in self.board(described["id"]).rows:
                entry = entries.setdefault(row["id"], {"id": row["id"], "name": row["name"],
                                                       "org": row["org"], "frameworks": []})
                entry["frameworks"].append({"id": described["id"], "result": row["result"]})
        models = sorted(entries.values(), key=lambda m: (m["name"].casefold(), m["id"]))
        return {"models": models}

    def compare(self, names: list[str]) -> dict[str, Any]:
        wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        if not 2 <= len(wanted) <= 4:
            raise BadInput(f"compare needs 2 to 4 models (got {len(wanted)})")
        views = api.compare(wanted, own=self.own)
        ids = [v.subject.id for v in views]
        if len(set(ids)) != len(ids):
            raise BadInput("compare needs 2 to 4 different models")
        sections = []
        for described in self.frameworks():
            fid = described["id"]
            records = [ranked_record(v.frameworks[fid], evidence=True) if fid in v.frameworks else None
                       for v in views]
            if not any(records):
                continue
            rows = []
            for criterion in described["criteria"]:
                cells: list[dict[str, Any] | None] = []
                for rec in records:
                    if rec is None:
                        cells.append(None)
                        continue
                    detail = rec["evidence"].get(criterion["ref"]) or {"level": "unknown"}
                    url, note = first_evidence(detail)
                    cells.append({"level": detail["level"], "url": url, "note": note})
                rows.append({"criterion": criterion, "cells": cells})
            results = [result_of(r, described) if r else None for r in records]
            sections.append({"framework": described, "records": records, "results": results,
                             "rows": rows})
        sources = sorted({s.source for v in views for s in v.snapshots})
        return {"models": [v.subject for v in views], "ids": ids, "sections": sections,
                "snapshots": [_snapshot_view(s) for s in api.data_snapshots(self.own, sources)]}

    def all_model_ids(self) -> list[str]:
        return api.model_ids(self.own) + api.release_ids(self.own)


def _default_order(column: str | None) -> str:
    return "asc" if column in ("rank", "name", "org", "type", "license") else "desc"


def _sorted_rows(rows: list[dict[str, Any]], column: str, order: str) -> list[dict[str, Any]]:
    def key(row: dict[str, Any]) -> Any:
        if column in ("name", "org"):
            return str(row[column]).casefold()
        if column == "license":  # as the cell shows it
            return (row["license"] or "unknown").casefold()
        if column == "type":
            return ", ".join(row["types"])
        if column == "result":
            return row["result"]["sort"]
        cell = next((c for c in row["cells"] if c["ref"] == column), None)
        return cell["sort"] if cell else 0

    in_rank_order = sorted(rows, key=lambda r: r["record"]["rank"])
    return sorted(in_rank_order, key=key, reverse=order == "desc")  # stable: ties stay in rank order
