"""Record the JSON outputs of the CLI over everything it knows, to prove a refactor changes none.

    python benchmarks/outputs/snapshot.py record OUT_DIR [--only check,show,...]
    python benchmarks/outputs/snapshot.py compare BEFORE_DIR AFTER_DIR

`record` runs, in one process (typer's CliRunner), with empty user folders and no history:
- `check`, `show`, `can-i` (all eight questions) and `export -f cyclonedx|spdx3` for every
  catalog id;
- `check` on each of the shared model cards as a folder and as a Hub id on a local Hub server;
- one `check --from` run over the card folders;
- `license` on every text of shared/reference/licenses/ai.
Each output is one file, named by the command. Timestamps, dates of today, temporary paths, the
local server's port, CycloneDX serial numbers and SPDX element ids are normalised before writing,
so `compare` reports only real differences (exit 1 when there are any).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

REFERENCE = Path(os.environ.get("OPENGAUGE_REFERENCE") or ROOT.parent / "shared" / "reference")
CANI = ["--commercial", "--users", "800000000", "--revenue", "2000000000", "--region", "EU",
        "--fine-tune", "--redistribute", "--train-on-outputs", "--military"]
KINDS = ("check", "show", "can-i", "export", "card-folder", "card-hub", "batch", "license")

_UUID = re.compile(r"urn:uuid:[0-9a-f-]{36}")
_SPDX_ID = re.compile(r"(https://opengauge\.invalid/spdx/|SPDXRef-)[A-Za-z0-9._-]+-[0-9a-f]{8,}")
_URN = re.compile(r"(urn:opengauge:[^\s\"#]+:)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
"""SPDX 3 element ids (`urn:opengauge:MODEL:UUID#...`): a random UUID per document."""
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")
_PORT = re.compile(r"127\.0\.0\.1:\d+")


def normalise(text: str, replacements: dict[str, str]) -> str:
    """The output with everything that differs between two identical runs replaced."""
    for old, new in replacements.items():
        text = text.replace(old, new)
    text = _UUID.sub("urn:uuid:UUID", text)
    text = _SPDX_ID.sub(lambda m: m.group(1) + "ID", text)
    text = _URN.sub(r"\1UUID", text)
    text = _STAMP.sub("TIMESTAMP", text)
    text = _PORT.sub("127.0.0.1:PORT", text)
    return text.replace(datetime.now(UTC).date().isoformat(), "TODAY")


def commands(kinds: set[str], cards: Path, hub_url: str, batch_file: Path) -> Iterator[
        tuple[str, list[str]]]:
    """(file name, CLI arguments) for every recorded output."""
    from opengauge import api

    ids = sorted(api.model_ids()) if kinds & {"check", "show", "can-i", "export"} else []
    for model in ids:
        if "check" in kinds:
            yield f"check/{model}.json", ["check", model, "-f", "json"]
        if "show" in kinds:
            yield f"show/{model}.json", ["show", model, "-f", "json"]
        if "can-i" in kinds:
            yield f"can-i/{model}.json", ["can-i", model, *CANI, "-f", "json"]
        if "export" in kinds:
            yield f"export/{model}.cdx.json", ["export", model, "-f", "cyclonedx"]
            yield f"export/{model}.spdx.json", ["export", model, "-f", "spdx3"]
    folders = sorted(p for p in cards.iterdir() if p.is_dir())
    for folder in folders:
        if "card-folder" in kinds:
            yield f"card-folder/{folder.name}.json", ["check", str(folder), "-f", "json", "--offline"]
        if "card-hub" in kinds:
            repo = folder.name.replace("__", "/", 1)
            yield f"card-hub/{folder.name}.json", ["check", f"hub:{repo}", "-f", "json",
                                                   "--endpoint", hub_url]
    if "batch" in kinds:
        yield "batch/check-from.jsonl", ["check", "--from", str(batch_file), "-f", "jsonl",
                                         "--offline", "--jobs", "1", "--fresh"]
    if "license" in kinds:
        for text in sorted((REFERENCE / "licenses" / "ai").iterdir()):
            if text.suffix in (".txt", ".md"):
                yield f"license/{text.name}.json", ["license", str(text), "-f", "json"]


def record(out: Path, kinds: set[str]) -> int:
    from typer.testing import CliRunner

    from hubserver import HubServer
    from opengauge import api
    from opengauge.cli import app

    home = Path(tempfile.mkdtemp(prefix="opengauge-snapshot-"))
    os.environ.update(OPENGAUGE_DATA_DIR=str(home / "data"), OPENGAUGE_CACHE_DIR=str(home / "cache"),
                      OPENGAUGE_NO_HISTORY="1")
    os.environ.pop("OPENGAUGE_CATALOG", None)
    cards = REFERENCE / "hub" / "cards"
    batch_file = home / "targets.txt"
    batch_file.write_text("".join(f"{p}\n" for p in sorted(cards.iterdir()) if p.is_dir()))
    server = HubServer()
    server.load_cards(cards)
    server.start()
    replacements = {str(home): "HOME", str(REFERENCE): "REFERENCE"}
    runner = CliRunner()
    written = 0
    try:
        for name, args in commands(kinds, cards, server.url, batch_file):
            api.reset()
            result = runner.invoke(app, args, catch_exceptions=True)
            text = f"exit {result.exit_code}\n" + normalise(result.stdout, replacements)
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
            written += 1
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)
    print(f"{written} outputs written to {out}")
    return 0


def digest(path: Path) -> str:
    """The digest of a recorded output, its SPDX element ids normalised (recordings made before
    `_URN` was normalised at record time compare too)."""
    text = path.read_bytes().decode("utf-8", "surrogateescape")
    return hashlib.sha256(_URN.sub(r"\1UUID", text).encode("utf-8", "surrogateescape")).hexdigest()


def compare(before: Path, after: Path) -> int:
    old = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    new = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    changed = sorted(p for p in old & new if digest(before / p) != digest(after / p))
    for path in sorted(old - new):
        print(f"missing after: {path}")
    for path in sorted(new - old):
        print(f"new after: {path}")
    for path in changed:
        print(f"changed: {path}")
    print(f"{len(old & new) - len(changed)} identical, {len(changed)} changed, "
          f"{len(old - new)} missing, {len(new - old)} new")
    return 1 if changed or old != new else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    rec.add_argument("--only", default=",".join(KINDS),
                     help=f"comma-separated kinds of output: {', '.join(KINDS)}")
    cmp = sub.add_parser("compare")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "compare":
        return compare(args.before, args.after)
    kinds = {k.strip() for k in args.only.split(",") if k.strip()}
    if kinds - set(KINDS):
        parser.error(f"--only: unknown kinds {sorted(kinds - set(KINDS))}; expected {', '.join(KINDS)}")
    return record(args.out, kinds)


if __name__ == "__main__":
    raise SystemExit(main())
