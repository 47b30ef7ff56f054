"""`opengauge scan report DIR`: what a scan dataset shows, computed by DuckDB SQL over its
Parquet files. Every number comes with up to 20 example ids and the SQL that lists them all."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from opengauge.errors import BadInput, NotFound
from opengauge.scan.schema import SCHEMA_VERSION

EXAMPLES = 20


@dataclass
class Number:
    """One count of the census, its denominator, examples and the query listing every id."""

    key: str
    title: str
    count: int
    total: int
    examples: list[str]
    sql: str
    breakdown: list[dict[str, Any]] = field(default_factory=list)

    @property
    def share(self) -> float | None:
        return round(self.count / self.total, 4) if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title, "count": self.count, "total": self.total,
                "share": self.share, "examples": self.examples, "sql": self.sql,
                **({"breakdown": self.breakdown} if self.breakdown else {})}


@dataclass
class Census:
    dataset: str
    schema_version: str
    repositories: int
    errors: int
    depths: dict[str, int]
    numbers: list[Number]

    def to_dict(self) -> dict[str, Any]:
        return {"dataset": self.dataset, "schema_version": self.schema_version,
                "repositories": self.repositories, "errors": self.errors, "depths": self.depths,
                "numbers": [n.to_dict() for n in self.numbers]}


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# Each question: (key, title, denominator WHERE, numerator WHERE); `t` is the scanned rows
# without errors, `derivative`/`base_open` come from the self-join below.
QUESTIONS: list[tuple[str, str, str, str]] = [
    ("no-license", "Repositories without any license (none declared, no license file)",
     "TRUE", "len(declared_licenses) = 0 AND len(license_files) = 0 AND len(licenses) = 0"),
    ("declared-without-text", "License declared but no license text in the repository "
     "(depth files)", "depth = 'files' AND len(declared_licenses) > 0",
     "len(license_files) = 0"),
    ("text-without-declaration", "License text present but no license declared (depth files)",
     "depth = 'files' AND len(license_files) > 0", "len(declared_licenses) = 0"),
    ("declared-contradicts-text", "Declared license contradicting the license text or base "
     "(finding license-mismatch)", "TRUE", "list_contains(findings, 'license-mismatch')"),
    ("laundering", "Derivatives more permissive than their base (license laundering), among "
     "derivatives", "len(base_models) > 0",
     "list_contains(findings, 'more-permissive-than-base') OR (license_open_source AND "
     "base_open = FALSE)"),
    ("not-open-source", "Not open source (verdict false) among repositories", "TRUE",
     "open_source = FALSE"),
    ("gated", "Gated (the Hub's gated flag, or a card asking for access terms; null = unknown)",
     "TRUE", "gated IS NOT NULL AND gated <> 'no'"),
    ("region-excluded", "Region-excluded (the card or the license excludes regions)", "TRUE",
     "len(excluded_regions) > 0"),
    ("unknown-verdict", "Open-source verdict unknown (null)", "TRUE", "open_source IS NULL"),
]


def _source(parts: str) -> str:
    """The rows of the dataset plus, per derivative, whether any base model in the dataset or
    in the row itself is not open source (`base_open` false), true when all known are."""
    return (f"WITH rows AS (SELECT * FROM read_parquet({parts}) WHERE error IS NULL), "
            "bases AS (SELECT r.id, b.unnest AS base FROM rows r, unnest(r.base_models) b), "
            "judged AS (SELECT bases.id, bool_and(coalesce(bases.base.open_source, "
            "other.license_open_source)) AS base_open FROM bases LEFT JOIN rows other "
            "ON other.id = bases.base.id GROUP BY bases.id), "
            "t AS (SELECT rows.*, judged.base_open FROM rows LEFT JOIN judged USING (id))")


def compute(directory: str | Path) -> Census:
    """The census of the scan dataset in `directory` (its part-*.parquet files)."""
    import duckdb

    root = Path(directory)
    files = sorted(root.glob("part-*.parquet"))
    if not root.is_dir():
        raise NotFound(f"{root}: no such folder")
    if not files:
        raise NotFound(f"{root}: no part-*.parquet files (run `opengauge scan --out {root}` first)")
    version = _schema_version(files[0])
    parts = _quote(str(root.resolve() / "part-*.parquet"))
    source = _source(parts)
    db = duckdb.connect()
    try:
        total, errors = db.execute(f"SELECT count(*), count(error) FROM read_parquet({parts})"
                                   ).fetchone() or (0, 0)
        depths = dict(db.execute(f"SELECT depth, count(*) FROM read_parquet({parts}) "
                                 "GROUP BY depth ORDER BY depth").fetchall())
        numbers = []
        for key, title, scope, where in QUESTIONS:
            listing = f"{source} SELECT id FROM t WHERE ({scope}) AND ({where}) ORDER BY id"
            count, denominator = db.execute(
                f"{source} SELECT count(*) FILTER (WHERE {where}), count(*) FROM t "
                f"WHERE {scope}").fetchone() or (0, 0)
            examples = [r[0] for r in db.execute(f"{listing} LIMIT {EXAMPLES}").fetchall()]
            numbers.append(Number(key, title, int(count or 0), int(denominator or 0), examples,
                                  listing))
        numbers.append(_by_license(db, source))
        numbers.append(_unidentified(db, source))
    finally:
        db.close()
    return Census(str(root), version, int(total), int(errors), {str(k): int(v) for k, v in
                                                                 depths.items()}, numbers)


def _by_license(db: Any, source: str) -> Number:
    """Not-open-source share per declared license (the first declared id)."""
    group = "coalesce(declared_licenses[1], '(none)')"
    rows = db.execute(f"{source} SELECT {group} AS license, count(*) AS n, "
                      "count(*) FILTER (WHERE open_source = FALSE) AS not_open "
                      "FROM t GROUP BY 1 ORDER BY n DESC, license LIMIT 50").fetchall()
    breakdown = []
    for license_, n, not_open in rows:
        ids = [r[0] for r in db.execute(
            f"{source} SELECT id FROM t WHERE {group} = ? AND open_source = FALSE ORDER BY id "
            f"LIMIT {EXAMPLES}", [license_]).fetchall()]
        breakdown.append({"license": license_, "repositories": int(n), "not_open_source":
                          int(not_open), "share": round(not_open / n, 4) if n else None,
                          "examples": ids})
    listing = (f"{source} SELECT {group} AS license, id FROM t WHERE open_source = FALSE "
               "ORDER BY license, id")
    count = sum(b["not_open_source"] for b in breakdown)
    total = sum(b["repositories"] for b in breakdown)
    examples = [i for b in breakdown for i in b["examples"]][:EXAMPLES]
    return Number("not-open-source-by-license", "Not-open-source share by declared license "
                  "(top 50 licenses)", count, total, examples, listing, breakdown)


def _unidentified(db: Any, source: str) -> Number:
    """The most common license strings the analyzer could not identify."""
    rows = db.execute(f"{source} SELECT u.unnest AS text, count(*) AS n FROM t, "
                      "unnest(t.unidentified_licenses) u GROUP BY 1 ORDER BY n DESC, text "
                      f"LIMIT {EXAMPLES}").fetchall()
    breakdown = []
    for text, n in rows:
        ids = [r[0] for r in db.execute(
            f"{source} SELECT id FROM t WHERE list_contains(unidentified_licenses, ?) "
            f"ORDER BY id LIMIT {EXAMPLES}", [text]).fetchall()]
        breakdown.append({"license": text, "repositories": int(n), "examples": ids})
    count, total = db.execute(f"{source} SELECT count(*) FILTER (WHERE "
                              "len(unidentified_licenses) > 0), count(*) FROM t").fetchone()
    listing = (f"{source} SELECT u.unnest AS license, t.id FROM t, "
               "unnest(t.unidentified_licenses) u ORDER BY license, id")
    examples = [i for b in breakdown for i in b["examples"]][:EXAMPLES]
    return Number("unidentified-licenses", "Most common unidentified license strings",
                  int(count), int(total), examples, listing, breakdown)


def _schema_version(path: Path) -> str:
    import pyarrow.parquet as pq

    try:
        metadata = pq.read_schema(path).metadata or {}
    except Exception as error:
        raise BadInput(f"{path}: not a readable Parquet file ({error})") from None
    version = metadata.get(b"schema_version", b"").decode()
    if version != SCHEMA_VERSION:
        raise BadInput(f"{path}: schema_version '{version or 'missing'}', this opengauge reads "
                       f"'{SCHEMA_VERSION}' (rescan with --fresh)")
    return version


# -- rendering -------------------------------------------------------------------------------

def _pct(number: Number) -> str:
    return f"{number.share:.1%}" if number.share is not None else "-"


def render_json(census: Census) -> str:
    return json.dumps(census.to_dict(), indent=2) + "\n"


def escape(text: str) -> str:
    """Text safe inside a Markdown table cell or line (no markup, no line breaks)."""
    return "".join("\\" + c if c in "\\`*_[]<>|#" else (" " if c in "\r\n" else c) for c in text)


def render_markdown(census: Census) -> str:
    lines = [f"# Scan census: {escape(census.dataset)}", "",
             f"{census.repositories} repositories ({census.errors} with errors; depths: "
             + ", ".join(f"{k} {v}" for k, v in census.depths.items()) + ")", "",
             "| Question | Count | Of | Share | Examples |", "|---|---:|---:|---:|---|"]
    for n in census.numbers:
        lines.append(f"| {escape(n.title)} | {n.count} | {n.total} | {_pct(n)} | "
                     f"{escape(', '.join(n.examples[:5]))} |")
    for n in census.numbers:
        lines += ["", f"## {escape(n.title)}", "", f"{n.count} of {n.total} ({_pct(n)}).", ""]
        for item in n.breakdown:
            lines.append(f"- {escape(str(item['license']))}: {item['repositories']}"
                         + (f", not open source {item['not_open_source']}"
                            if "not_open_source" in item else ""))
        if n.examples:
            lines += ["", "Examples: " + ", ".join(f"{escape(i)}" for i in n.examples), ""]
        lines += ["All of them (DuckDB):", "", "```sql", n.sql, "```"]
    return "\n".join(lines) + "\n"


def render_table(census: Census) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Scan census of {census.dataset}: {census.repositories} repositories, "
                        f"{census.errors} errors")
    for name in ("Question", "Count", "Of", "Share", "Examples (up to 3)"):
        table.add_column(name, justify="right" if name in ("Count", "Of", "Share") else "left")
    for n in census.numbers:
        table.add_row(n.title, str(n.count), str(n.total), _pct(n), ", ".join(n.examples[:3]))
    console = Console(width=160, record=True, file=io.StringIO())
    console.print(table)
    return console.export_text() + "Full lists: `opengauge scan report DIR --format json` " \
        "gives each question's SQL.\n"
