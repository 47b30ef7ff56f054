"""Prebuilt indexes of catalog records, so a cold start never parses hundreds of YAML files.

The bundled index ships in package data (`data/index.json`, written by
`python -m opengauge.catalog.build`, read by `opengauge.bundledindex`). Imported and own records
get an index in the user's cache directory. Each index entry carries a fingerprint of the folder
it was built from (file names and sizes, plus modification times for user folders); when the
folder changes, the entry is rebuilt automatically.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from opengauge import __version__
from opengauge.atomic import write_atomic
from opengauge.bundledindex import INDEX_FORMAT, payload_of
from opengauge.catalog.readers import reader
from opengauge.model import Assessment


@dataclass
class IndexedDataset:
    """The records of one folder as stored in an index."""

    source: str
    fingerprint: str
    records: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def assessments(self) -> list[Assessment]:
        """The stored records as Assessments."""
        return [Assessment.from_dict(r) for r in self.records]


def fingerprint(folder: Path, source: str, *, with_mtime: bool) -> str:
    """A digest of the record files of `folder` (names, sizes, optionally mtimes)."""
    digest = hashlib.sha1(f"{INDEX_FORMAT}:{__version__}:{source}".encode())
    with os.scandir(folder) as entries:
        files = sorted(
            (e.name, e.stat()) for e in entries
            if e.name.endswith((".yaml", ".yml")) and not e.name.startswith("_") and e.is_file()
        )
    for name, stat in files:
        digest.update(f"{name}\0{stat.st_size}".encode())
        if with_mtime:
            digest.update(f"\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def build(folder: Path, source: str, *, with_mtime: bool, strict: bool = True) -> IndexedDataset:
    """Read `folder` with the reader of `source` into an index entry."""
    result = reader(source).read(folder, strict=strict)
    records = [r.to_index() for r in result.records]
    return IndexedDataset(
        source=source,
        fingerprint=fingerprint(folder, source, with_mtime=with_mtime),
        records=records,
        skipped=result.skipped,
    )


def dump(datasets: list[IndexedDataset], identity: dict[str, Any] | None = None) -> str:
    """Serialize index entries (stable output, so the bundled index diffs cleanly)."""
    payload = {
        "format": INDEX_FORMAT,
        "identity": identity,
        "datasets": [
            {"source": d.source, "fingerprint": d.fingerprint, "skipped": d.skipped,
             "records": d.records}
            for d in datasets
        ],
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def parse(text: str) -> dict[str, IndexedDataset]:
    """Index entries by source; an unreadable or outdated index yields none."""
    payload = payload_of(text)
    return {
        d["source"]: IndexedDataset(d["source"], d["fingerprint"], d["records"], d["skipped"])
        for d in payload.get("datasets", [])
    }


def cached(folder: Path, source: str, cache_file: Path) -> IndexedDataset:
    """The index entry of a user folder, rebuilt (and re-cached) when the folder changed."""
    current = fingerprint(folder, source, with_mtime=True)
    try:
        entry = parse(cache_file.read_text("utf-8")).get(source)
    except OSError:
        entry = None
    if entry is not None and entry.fingerprint == current:
        return entry
    entry = build(folder, source, with_mtime=True)
    with contextlib.suppress(OSError):
        write_atomic(cache_file, dump([entry]))
    return entry
