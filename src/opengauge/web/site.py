"""`opengauge site OUTDIR`: the leaderboard as static files for any static host.

Written: `index.html` (the default framework's leaderboard), `leaderboard/<framework>.html`
and `.csv` (the full ranking), `models/index.html` and `models/<id>.html` (a model whose id is
a page name, such as `index`, gets `models/_<id>.html`: ids never hold `_`),
`frameworks/index.html` and `frameworks/<framework>.html`, `badge/<framework>/<id>.svg`, and
`static/`. Filtering and sorting run in the browser.

The site is built in a temporary folder beside OUTDIR and moved in file by file at the end.
OUTDIR must be new, empty, or an earlier opengauge site (its `.opengauge-site` marker lists
the files site wrote); `force=True` accepts any folder. Only site's own files are replaced or
removed: every other file in OUTDIR (`.git`, `CNAME`, your notes) is kept.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from opengauge import __version__, api
from opengauge.errors import BadInput
from opengauge.formats.csv import CsvFormat
from opengauge.formats.records import ranking_document
from opengauge.identity import ID_PATTERN
from opengauge.paths import own_catalog_dir
from opengauge.web.badge import model_badge
from opengauge.web.links import Links, model_page
from opengauge.web.pages import Pages
from opengauge.web.private import PathHider
from opengauge.web.views import Filters, Views

MARKER = ".opengauge-site"


@dataclass
class SiteSummary:
    """What was written."""

    path: Path
    pages: int
    files: int


def _check_outdir(outdir: Path, force: bool) -> set[str]:
    """The files an earlier site wrote in `outdir` (empty for a new or empty folder)."""
    if outdir.is_symlink() or (outdir.exists() and not outdir.is_dir()):
        raise BadInput(f"{outdir}: exists and is not a folder")
    if not outdir.is_dir():
        return set()
    marker = outdir / MARKER
    if marker.is_file() and not marker.is_symlink():
        return _manifest(marker)
    if any(outdir.iterdir()) and not force:
        raise BadInput(f"{outdir}: folder is not empty and holds no opengauge site "
                       f"(no {MARKER}); choose a new or empty folder, or give --force to add "
                       "the site and keep the files there")
    return set()


def _manifest(marker: Path) -> set[str]:
    """The relative paths a marker lists (its first line is the version)."""
    lines = marker.read_text("utf-8", errors="replace").splitlines()[1:]
    return {line for line in lines if line and not line.startswith("/")
            and ".." not in line.split("/")}


def build(outdir: str | Path, own: str | Path | None = None, force: bool = False,
          scan: str | Path | None = None) -> SiteSummary:
    """Write the static site for the catalog (with `own` records) to `outdir`; with `scan`, the
    census of that scan dataset as scan/index.html."""
    target = Path(outdir)
    census = None
    if scan is not None:
        from opengauge.scan.census import compute

        census = compute(scan).to_dict()
    folder = own_catalog_dir(own)
    own = str(folder.resolve()) if folder is not None else None  # one form, hidden everywhere
    earlier = _check_outdir(target, force)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        pages, files, written = _write(work, Pages(Views(own), Links("static")), own, census)
        if target.exists():
            _install(work, target, written, earlier)
        else:
            work.chmod(0o755)
            work.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return SiteSummary(target, pages, files)


def _install(work: Path, target: Path, written: list[str], earlier: set[str]) -> None:
    """Move the new files in, remove the earlier site's files it no longer has; nothing else
    in `target` is touched (the marker goes last, so an interrupted run is redone)."""
    for relative in written:
        destination = target / relative
        for parent in reversed(destination.relative_to(target).parents[:-1]):
            folder = target / parent
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                raise BadInput(f"{folder}: is not a folder opengauge site can write into; "
                               "move it away or choose another folder")
            folder.mkdir(exist_ok=True)
        if destination.is_dir() and not destination.is_symlink():
            raise BadInput(f"{destination}: is a folder where the site writes a file")
        os.replace(work / relative, destination)
    for relative in sorted(earlier - set(written)):
        stale = target / relative
        if stale.is_file() and not stale.is_symlink() and _no_symlink_between(target, stale):
            stale.unlink()
            _remove_empty_parents(target, stale.parent)


def _no_symlink_between(root: Path, path: Path) -> bool:
    folder = path.parent
    while folder != root:
        if folder.is_symlink():
            return False
        folder = folder.parent
    return True


def _remove_empty_parents(root: Path, folder: Path) -> None:
    while folder != root:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _write(root: Path, pages: Pages, own: str | Path | None,
           census: dict | None = None) -> tuple[int, int, list[str]]:
    written = {"pages": 0, "files": 0}
    folder = own_catalog_dir(own)
    hide = PathHider([folder] if folder is not None else []).text  # a published site names no local folder
    paths: list[str] = []

    def put(relative: str, text: str, *, page: bool = True) -> None:
        path = root / relative
        if relative in paths:
            raise BadInput(f"site: two pages would be written to {relative}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(hide(text), encoding="utf-8")
        paths.append(relative)
        written["pages" if page else "files"] += 1

    views = pages.views
    framework_ids = [f["id"] for f in views.frameworks()]
    put("index.html", pages.leaderboard(api.DEFAULT_FRAMEWORK, Filters(), depth=0))
    for framework_id in framework_ids:
        put(f"leaderboard/{framework_id}.html", pages.leaderboard(framework_id, Filters()))
        ranking = api.rank(framework_id, own=own)
        put(f"leaderboard/{framework_id}.csv", CsvFormat().render(ranking_document(ranking)), page=False)
        put(f"frameworks/{framework_id}.html", pages.framework(framework_id))
        board = views.board(framework_id)
        for row in board.rows:
            _safe_id(row["id"])
            put(f"badge/{framework_id}/{row['id']}.svg",
                model_badge(framework_id, row["record"], row["result"], row["name"]), page=False)
    put("frameworks/index.html", pages.frameworks())
    if census is not None:
        put("scan/index.html", pages.scan(census))
    put("models/index.html", pages.models())
    for model_id in views.all_model_ids():
        put(f"models/{model_page(_safe_id(model_id))}.html", pages.model(model_id))
    static = resources.files("opengauge.web").joinpath("static")
    for name in ("style.css", "app.js", "favicon.svg"):
        put(f"static/{name}", static.joinpath(name).read_text("utf-8"), page=False)
    put(MARKER, "".join(f"{line}\n" for line in [f"opengauge {__version__}", *paths, MARKER]),
        page=False)
    return written["pages"], written["files"], paths


def _safe_id(model_id: str) -> str:
    """Model ids become file names: only slugs are allowed."""
    if not ID_PATTERN.match(model_id) or len(model_id) > 120:
        raise BadInput(f"model id '{model_id[:60]}': not a slug, cannot be a file name")
    return model_id
