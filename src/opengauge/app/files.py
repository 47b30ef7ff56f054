"""Files a command reads or writes around its reports: a list of targets (`check --from`,
`export --from`) and exported documents (`export --out`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from opengauge.assess.report import Report
from opengauge.errors import BadInput, NotFound

if TYPE_CHECKING:
    from opengauge.formats.exports import Exported


def read_targets(path: str | Path) -> list[tuple[str, str]]:
    """Targets listed in `path`, one per line (blank lines and `#` comments skipped), each with
    its origin `FILE:LINE` for error messages."""
    from opengauge.limits import MAX_TARGETS_BYTES, read_regular

    file = Path(path)
    try:
        raw, more = read_regular(file, MAX_TARGETS_BYTES)
        text = raw.decode("utf-8")
    except FileNotFoundError:
        raise NotFound(f"{file}: no such file (expected one target per line)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{file}: cannot read the target list ({error})") from None
    if more:
        raise BadInput(f"{file}: over the {MAX_TARGETS_BYTES}-byte limit for a target list; "
                       "split it into several files")
    found = [(f"{file}:{n}", line.strip()) for n, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.strip().startswith("#")]
    if not found:
        raise BadInput(f"{file}: no targets (expected one model per line)")
    return found


def export_stem(key: str, report: Report | None) -> str:
    """The file name (before the suffix) of an export: the catalog id; `org__name` for a Hub
    repository; the folder's or file's name for a local target."""
    target = (report.provenance.target if report else None) or {}
    if target.get("kind") == "hub":
        return str(target.get("repo_id") or key).replace("/", "__")
    if target.get("kind") == "path":
        path = Path(key)
        return path.stem if path.suffix.lower() in (".gguf", ".safetensors", ".json") else path.name
    return key


def save_exports(items: list[Exported], folder: str | Path, *, force: bool = False) -> list[Path]:
    """Write each export to `folder/<stem><suffix>` (a curated EU-index record under its upstream
    file name); existing files are kept unless `force`."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise BadInput(f"{out}: not a folder (--out takes a folder)")
    paths = [out / item.file_name for item in items]
    clash = next((p for i, p in enumerate(paths) if p in paths[:i]), None)
    if clash is not None:
        raise BadInput(f"{clash}: two targets would be written to this file (export them to "
                       "different --out folders)")
    existing = [str(p) for p in paths if p.exists()]
    if existing and not force:
        raise BadInput(f"{existing[0]}: already exists (use --force to overwrite"
                       f"{f'; {len(existing)} files in all' if len(existing) > 1 else ''})")
    out.mkdir(parents=True, exist_ok=True)
    for path, item in zip(paths, items, strict=True):
        path.write_text(item.text, "utf-8")
    return paths
