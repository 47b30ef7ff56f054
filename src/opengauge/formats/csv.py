"""CSV: one row per model and framework; ratings become one column per dimension."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from opengauge.formats.inert import csv_cell
from opengauge.formats.interface import Format
from opengauge.formats.records import Document

FIXED = ["id", "name", "org", "type", "framework", "source", "source_file", "layer",
         "provenance", "rank", "score", "coverage", "class", "progress", "verdict", "reasons",
         "blockers", "related"]


def _cell(value: Any) -> Any:
    """A cell's value, neutralised against formula injection (`inert.csv_cell`)."""
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return csv_cell(",".join(str(v) for v in value))
    if isinstance(value, list | dict):
        return csv_cell(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return "" if value is None else csv_cell(value)


def rows(document: Document) -> list[dict[str, Any]]:
    """Flat rows: framework records as they are; a report contributes one row per framework."""
    if document.kind == "reports":  # curated rows, then automatic ones beside them
        return [r for report in document.records
                for r in (*report["frameworks"].values(), *(report.get("automatic") or {}).values())]
    if document.kind == "batch":
        from opengauge.formats.batchview import row

        return [row(r) for r in document.records]
    if document.kind == "history":
        from opengauge.formats.historyview import row as history_row

        return [{"model": r["model"], **history_row(r, full=True), "revision_kind": r["revision_kind"],
                 "tool_version": r["tool_version"], "target": r["target"]}
                for r in document.records]
    if document.kind == "frameworks":
        return [{"framework": f["id"], **c} for f in document.records for c in f["criteria"]]
    return document.records


class CsvFormat(Format):
    name = "csv"

    def render(self, document: Document) -> str:
        records = rows(document)
        out = io.StringIO()
        if not records:
            return ""
        if document.kind == "answers":
            from opengauge.formats.answers import CSV_COLUMNS as ANSWER_COLUMNS
            from opengauge.formats.answers import csv_rows

            writer = csv.DictWriter(out, fieldnames=ANSWER_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for record in document.records:
                for row in csv_rows(record):
                    writer.writerow({k: _cell(v) for k, v in row.items()})
            return out.getvalue()
        if document.kind == "licenses":
            from opengauge.formats.licenses import CSV_COLUMNS, csv_row

            writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for record in document.records:
                writer.writerow({k: _cell(v) for k, v in csv_row(record).items()})
            return out.getvalue()
        if document.kind in ("frameworks", "datasets", "batch", "history"):
            columns = list(dict.fromkeys(k for r in records for k in r))
            writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            for record in records:
                writer.writerow({k: _cell(record.get(k)) for k in columns})
            return out.getvalue()
        dims = list(dict.fromkeys(d for r in records for d in r.get("ratings", {})))
        columns = [c for c in FIXED if any(c in r for r in records)] + dims
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for record in records:
            row = {c: _cell(record.get(c)) for c in columns if c not in dims}
            if record.get("reasons"):
                row["reasons"] = csv_cell(" | ".join(record["reasons"]))
            row.update({d: csv_cell(record.get("ratings", {}).get(d, "")) for d in dims})
            writer.writerow(row)
        return out.getvalue()
