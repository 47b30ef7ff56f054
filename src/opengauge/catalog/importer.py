"""`opengauge catalog import PATH`: refresh a curated source from a clone of its repository.

Every record is validated before anything is replaced, so a failed import leaves the previous
data untouched. The import replaces the bundled snapshot of its source (it is a complete, newer
snapshot); the user's own records still take precedence over it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from opengauge.catalog.catalog import imported_root
from opengauge.catalog.readers import all_readers
from opengauge.errors import BadInput, NotFound
from opengauge.identity import slugify, table


@dataclass
class Imported:
    """What one import brought in."""

    source: str
    folder: Path
    models: int
    snapshot: str | None
    date: str | None
    skipped: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)


def _git(path: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(path), *args], capture_output=True, text=True,
                              timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None


def _head_from_files(path: Path) -> str | None:
    head = path / ".git" / "HEAD"
    try:
        text = head.read_text().strip()
        if text.startswith("ref: "):
            ref = text[5:]
            loose = path / ".git" / ref
            if loose.is_file():
                return loose.read_text().strip()
            packed = path / ".git" / "packed-refs"
            for line in packed.read_text().splitlines():
                if line.endswith(" " + ref):
                    return line.split()[0]
            return None
        return text or None
    except OSError:
        return None


def describe_clone(path: Path) -> tuple[str | None, str | None]:
    """(`repository@commit`, commit date) of a git clone; (folder name, None) otherwise."""
    commit = _git(path, "rev-parse", "--short=7", "HEAD")
    if commit is None:
        full = _head_from_files(path)
        commit = full[:7] if full else None
    if commit is None:
        return None, None
    remote = _git(path, "config", "--get", "remote.origin.url") or path.name
    remote = remote.removesuffix(".git").removeprefix("https://github.com/")
    remote = remote.removeprefix("git@github.com:")
    return f"{remote}@{commit}", _git(path, "log", "-1", "--format=%cs")


def _duplicates(source: str, files: list[tuple[str, str]]) -> list[str]:
    seen: dict[str, str] = {}
    found = []
    for file_name, stem in files:
        family = table().id_for_record(source, file_name) or slugify(stem)
        if family in seen:
            found.append(f"{seen[family]} and {file_name} are both model '{family}'")
        seen.setdefault(family, file_name)
    return found


def import_clone(path: Path) -> list[Imported]:
    """Validate and copy every published catalog format found under `path`."""
    if not path.exists():
        raise NotFound(f"{path}: no such folder")
    if not path.is_dir():
        raise BadInput(f"{path}: expected a folder (a clone of a catalog repository)")
    found = [(r, folder) for r in all_readers() if (folder := r.locate(path)) is not None]
    if not found:
        formats = ", ".join(r.format_name for r in all_readers())
        raise BadInput(f"{path}: no catalog records found (expected a clone of one of: {formats})")
    snapshot, date = describe_clone(path)
    results = []
    for reader, folder in found:
        read = reader.read(folder, strict=True)
        if not read.records:
            raise BadInput(f"{folder}: no model records found")
        target = imported_root() / reader.source
        staging = imported_root() / f".{reader.source}.new"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        for file in reader.record_files(folder):
            shutil.copy2(file, staging / file.name)
        for extra in folder.glob("_*.yml"):
            shutil.copy2(extra, staging / extra.name)
        snapshot_name = snapshot or f"{path.resolve()}"
        meta = {
            "source": reader.source,
            "snapshot": snapshot_name,
            "date": date,
            "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "origin": str(path.resolve()),
            "models": len(read.records),
        }
        (staging / "_snapshot.json").write_text(json.dumps(meta, indent=2), "utf-8")
        old = imported_root() / f".{reader.source}.old"
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        dupes = [] if getattr(reader, "releases_per_family", False) else \
            _duplicates(reader.source, [(p.name, p.stem) for p in reader.record_files(target)])
        results.append(Imported(reader.source, target, len(read.records), snapshot_name,
                                date, read.skipped, dupes))
    return results
