"""The scan dataset's schema: one row per repository, Arrow types, `schema_version` in the
file metadata of every `part-<shard>.parquet` (documented in docs/scan.md)."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = "1"
DEPTHS = ("metadata", "card", "files")

LICENSE = pa.struct([("key", pa.string()), ("name", pa.string()), ("version", pa.string()),
                     ("scope", pa.string())])
BASE_MODEL = pa.struct([("id", pa.string()), ("licenses", pa.list_(pa.string())),
                        ("open_source", pa.bool_())])

FIELDS = [
    ("id", pa.string()),
    ("revision", pa.string()),
    ("depth", pa.string()),
    ("input", pa.string()),
    ("declared_licenses", pa.list_(pa.string())),
    ("license_name", pa.string()),
    ("licenses", pa.list_(LICENSE)),
    ("unidentified_licenses", pa.list_(pa.string())),
    ("license_files", pa.list_(pa.string())),
    ("license_open_source", pa.bool_()),
    ("open_source", pa.bool_()),
    ("restrictions", pa.list_(pa.string())),
    ("base_models", pa.list_(BASE_MODEL)),
    ("gated", pa.string()),
    ("excluded_regions", pa.list_(pa.string())),
    ("findings", pa.list_(pa.string())),
    ("eu_score", pa.float64()),
    ("mof_class", pa.string()),
    ("last_modified", pa.string()),
    ("downloads", pa.int64()),
    ("likes", pa.int64()),
    ("nulls", pa.list_(pa.string())),
    ("error", pa.string()),
    ("shard", pa.int32()),
]
SCHEMA = pa.schema(FIELDS, metadata={"schema_version": SCHEMA_VERSION,
                                     "producer": "opengauge scan"})


def table(rows: list[dict[str, object]]) -> pa.Table:
    """The rows as one Arrow table of SCHEMA (missing fields are null)."""
    columns = {name: [row.get(name) for row in rows] for name, _ in FIELDS}
    return pa.Table.from_pydict(columns, schema=SCHEMA)
