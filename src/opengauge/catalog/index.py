"""Prebuilt indexes of catalog records, so a cold start never parses hundreds of YAML files.

The bundled index ships in package data (`data/index.json`, written by
`python -m opengauge.catalog.build`). Imported and own records get an index in the user's cache
directory. Each index entry carries a fingerprint of the folder it was built from (file names
and sizes, plus modification times for user folders); when the folder changes, the entry is
rebuilt automatically.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from opengauge import __version__
from opengauge.atomic import write_atomic
from opengauge.catalog.readers import reader
from opengauge.model import Assessment

INDEX_FORMAT = 1


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


def _payload(text: str) -> dict[str, Any]:
    try:
        payload = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(payload, dict) or payload.get("format") != INDEX_FORMAT:
        return {}
    return payload


def parse(text: str) -> dict[str, IndexedDataset]:
    """Index entries by source; an unreadable or outdated index yields none."""
    payload = _payload(text)
    return {
        d["source"]: IndexedDataset(d["source"], d["fingerprint"], d["records"], d["skipped"])
        for d in payload.get("datasets", [])
    }


def bundled_text() -> str:
    """The text of the bundled index in package data ("" when absent)."""
    try:
        return resources.files("opengauge.catalog").joinpath("data", "index.json").read_text("utf-8")
    except OSError:
        return ""


@cache
def bundled_payload() -> dict[str, Any]:
    """The parsed bundled index (read once per process)."""
    return _payload(bundled_text())


def bundled_identity(digest: str) -> Any:
    """The parsed alias table stored in the bundled index, if it matches `digest`."""
    identity = bundled_payload().get("identity") or {}
    return identity.get("data") if identity.get("sha1") == digest else None


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
