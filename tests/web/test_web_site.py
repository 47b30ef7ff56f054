"""`opengauge site OUTDIR`: the static site, its links, its CSVs, and what it refuses."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from typer.testing import CliRunner

from opengauge import api
from opengauge.cli import app as cli_app


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        for name in ("href", "src", "action"):
            if found.get(name):
                self.links.append(found[name])


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from opengauge.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "public"
    result = CliRunner().invoke(cli_app, ["site", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("opengauge: wrote ")
    return out


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text("utf-8"))
    return parser


@pytest.mark.slow
def test_site_has_every_leaderboard_model_and_framework_page(site: Path) -> None:
    assert (site / "index.html").is_file()
    assert (site / ".opengauge-site").is_file()
    for framework_id in api.framework_ids():
        assert (site / "leaderboard" / f"{framework_id}.html").is_file()
        assert (site / "frameworks" / f"{framework_id}.html").is_file()
        for entry in api.rank(framework_id).entries:
            assert (site / "badge" / framework_id / f"{entry.assessment.subject.id}.svg").is_file()
    pages = {p.stem for p in (site / "models").glob("*.html")} - {"index"}
    assert pages == set(api.model_ids()) | set(api.release_ids())


@pytest.mark.slow  # the whole static site (module fixture)
def test_site_csv_is_the_full_cli_ranking(site: Path) -> None:
    for framework_id in api.framework_ids():
        result = CliRunner().invoke(cli_app, ["rank", "--framework", framework_id, "-f", "csv"])
        written = (site / "leaderboard" / f"{framework_id}.csv").read_text("utf-8")
        assert written == result.output
        assert len(list(csv.DictReader(io.StringIO(written)))) == len(api.rank(framework_id).entries)


@pytest.mark.slow
def test_every_link_in_the_site_resolves(site: Path) -> None:
    ids: dict[Path, set[str]] = {}
    links: dict[Path, list[str]] = {}
    for page in site.rglob("*.html"):
        parsed = parse(page)
        ids[page.resolve()] = parsed.ids
        links[page] = parsed.links
    checked = 0
    for page, found in links.items():
        for link in found:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                continue
            assert not link.startswith("/"), f"{page}: server-only link {link}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page.resolve()
            assert target.is_file(), f"{page.relative_to(site)}: broken link {link}"
            assert site.resolve() in target.parents, f"{page}: link leaves the site: {link}"
            if parts.fragment and target.suffix == ".html":
                assert parts.fragment in ids[target], f"{page.relative_to(site)}: no #{parts.fragment}"
            checked += 1
    assert checked > 3_000


@pytest.mark.slow  # the whole static site (module fixture)
def test_static_pages_carry_citation_and_a_content_security_policy(site: Path) -> None:
    html = (site / "models" / "llama-2.html").read_text("utf-8")
    assert 'http-equiv="Content-Security-Policy"' in html
    for snapshot in api.data_snapshots():
        assert snapshot.snapshot in html
    assert 'data-mode="static"' in html
    assert "/compare" not in html and "/check" not in html


def test_site_refuses_a_folder_with_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    result = run_cli("site", str(folder))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "holds no opengauge site" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    assert (folder / "notes.txt").read_text("utf-8") == "keep me"


@pytest.mark.slow
def test_site_replaces_an_earlier_site(tmp_path: Path) -> None:
    out = tmp_path / "public"
    assert CliRunner().invoke(cli_app, ["site", str(out)]).exit_code == 0
    (out / "index.html").write_text("old", encoding="utf-8")
    marker = out / ".opengauge-site"
    marker.write_text(marker.read_text("utf-8") + "models/stale.html\n", encoding="utf-8")
    (out / "models" / "stale.html").write_text("old", encoding="utf-8")  # an earlier site's page
    assert CliRunner().invoke(cli_app, ["site", str(out)]).exit_code == 0
    assert not (out / "models" / "stale.html").exists()
    assert (out / "index.html").read_text("utf-8") != "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]  # no temporary folders left


@pytest.mark.slow
def test_serve_on_a_taken_port_is_one_clear_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--host", "127.0.0.1", "--port", str(port))
    assert result.returncode == 2
    assert f"--port {port}: cannot listen there" in result.stderr
    assert "Traceback" not in result.stderr
