"""`opengauge site OUTDIR`: the leaderboard as static files for any static host.

Written: `index.html` (the default framework's leaderboard), `leaderboard/<framework>.html`
and `.csv` (the full ranking), `models/index.html` and `models/<id>.html`,
`frameworks/index.html` and `frameworks/<framework>.html`, `badge/<framework>/<id>.svg`, and
`static/`. Filtering and sorting run in the browser. The site is built in a temporary folder
beside OUTDIR and swapped in at the end; an existing OUTDIR is replaced only when it holds an
earlier opengauge site (its `.opengauge-site` marker), so nothing else is ever overwritten.
"""

from __future__ import annotations

import contextlib
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
from opengauge.web.badge import model_badge
from opengauge.web.links import Links
from opengauge.web.pages import Pages
from opengauge.web.views import Filters, Views

MARKER = ".opengauge-site"


@dataclass
class SiteSummary:
    """What was written."""

    path: Path
    pages: int
    files: int


def _check_outdir(outdir: Path) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise BadInput(f"{outdir}: exists and is not a folder")
    if outdir.is_dir() and any(outdir.iterdir()) and not (outdir / MARKER).is_file():
        raise BadInput(f"{outdir}: folder is not empty and holds no opengauge site "
                       f"(no {MARKER}); choose a new or empty folder")


def build(outdir: str | Path, own: str | Path | None = None,
          scan: str | Path | None = None) -> SiteSummary:
    """Write the static site for the catalog (with `own` records) to `outdir`; with `scan`, the
    census of that scan dataset as scan/index.html."""
    target = Path(outdir)
    census = None
    if scan is not None:
        from opengauge.scan.census import compute

        census = compute(scan).to_dict()
    _check_outdir(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        pages, files = _write(work, Pages(Views(own), Links("static")), own, census)
        _swap(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return SiteSummary(target, pages, files)


def _swap(work: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{work.name[-8:]}")
        target.rename(old)
    work.chmod(0o755)
    work.rename(target)
    if old is not None:
        with contextlib.suppress(OSError):
            shutil.rmtree(old)


def _write(root: Path, pages: Pages, own: str | Path | None,
           census: dict | None = None) -> tuple[int, int]:
    written = {"pages": 0, "files": 0}

    def put(relative: str, text: str, *, page: bool = True) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
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
        put(f"models/{_safe_id(model_id)}.html", pages.model(model_id))
    static = resources.files("opengauge.web").joinpath("static")
    for name in ("style.css", "app.js", "favicon.svg"):
        put(f"static/{name}", static.joinpath(name).read_text("utf-8"), page=False)
    put(MARKER, f"opengauge {__version__}\n", page=False)
    return written["pages"], written["files"]


def _safe_id(model_id: str) -> str:
    """Model ids become file names: only slugs are allowed."""
    if not ID_PATTERN.match(model_id) or len(model_id) > 120:
        raise BadInput(f"model id '{model_id[:60]}': not a slug, cannot be a file name")
    return model_id
