"""`site OUT` writes only its own files: no model page over another page, nothing of the
user's in OUT removed or replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from opengauge import api
from opengauge.cli import app as cli_app
from opengauge.web.site import MARKER
from reference_data import REFERENCE

from .bounded import cli_bounded

CURRENT = REFERENCE / "osai-index" / "current"


def site(*args: str) -> int:
    return CliRunner().invoke(cli_app, ["site", *args]).exit_code


@pytest.mark.slow  # builds the whole static site
def test_a_record_named_index_does_not_overwrite_the_models_index(tmp_path: Path) -> None:
    own = tmp_path / "mine"
    own.mkdir()
    shutil.copy(CURRENT / "OLMo.yaml", own / "index.yaml")
    out = tmp_path / "public"
    assert site(str(out), "--catalog", str(own)) == 0
    listing = (out / "models" / "index.html").read_text("utf-8")
    assert "llama-2" in listing  # still the list of every model
    page = (out / "models" / "_index.html").read_text("utf-8")
    assert "OLMo" in page
    assert 'href="_index.html"' in listing or 'href="../models/_index.html"' in listing \
        or "_index.html" in listing


@pytest.mark.slow  # builds the whole static site
def test_rebuilding_keeps_git_cname_and_other_files(tmp_path: Path) -> None:
    out = tmp_path / "public"
    assert site(str(out)) == 0
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n", "utf-8")
    (out / "CNAME").write_text("models.example.org\n", "utf-8")
    (out / "models" / "notes.txt").write_text("mine", "utf-8")
    assert site(str(out)) == 0
    assert (out / ".git" / "HEAD").read_text("utf-8") == "ref: refs/heads/main\n"
    assert (out / "CNAME").read_text("utf-8") == "models.example.org\n"
    assert (out / "models" / "notes.txt").read_text("utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]  # no temporary folders left


@pytest.mark.slow  # builds the whole static site
def test_pages_of_models_gone_from_the_catalog_are_removed(tmp_path: Path) -> None:
    own = tmp_path / "mine"
    own.mkdir()
    shutil.copy(CURRENT / "OLMo.yaml", own / "gone-soon.yaml")
    out = tmp_path / "public"
    assert site(str(out), "--catalog", str(own)) == 0
    assert (out / "models" / "gone-soon.html").is_file()
    (own / "gone-soon.yaml").unlink()
    api.reset()  # the catalog is read once per process
    assert site(str(out), "--catalog", str(own)) == 0
    assert not (out / "models" / "gone-soon.html").exists()
    assert "models/gone-soon.html" not in (out / MARKER).read_text("utf-8")


@pytest.mark.slow  # builds the whole static site
def test_a_foreign_folder_needs_force_and_keeps_its_files(tmp_path: Path) -> None:
    out = tmp_path / "public"
    out.mkdir()
    (out / ".git").mkdir()
    (out / ".git" / "config").write_text("[core]\n", "utf-8")
    (out / "CNAME").write_text("example.org\n", "utf-8")
    refused = cli_bounded("site", str(out))
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert sorted(p.name for p in out.iterdir()) == [".git", "CNAME"]
    assert site(str(out), "--force") == 0
    assert (out / ".git" / "config").read_text("utf-8") == "[core]\n"
    assert (out / "CNAME").read_text("utf-8") == "example.org\n"
    assert (out / "index.html").is_file() and (out / MARKER).is_file()
