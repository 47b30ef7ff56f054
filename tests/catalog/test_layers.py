"""Own, imported and bundled records: precedence, duplicates, imports and index refresh."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cli_process import run_cli
from opengauge import api
from opengauge.errors import BadInput
from reference_data import REFERENCE

CURRENT = REFERENCE / "osai-index" / "current"


def own_llama(folder: Path, level: str = "open") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = (CURRENT / "llama-2-chat.yaml").read_text("utf-8")
    text = text.replace("trainingcode:\n    class: closed", f"trainingcode:\n    class: {level}")
    path = folder / "llama-2-chat.yaml"
    path.write_text(text, "utf-8")
    return path


def test_own_record_overrides_the_bundled_one_and_is_reported(tmp_path: Path) -> None:
    own_llama(tmp_path / "mine")
    view = api.model("llama-2", "osai", own=tmp_path / "mine")
    entry = view.frameworks["osai"]
    assert entry.assessment.layer == "own"
    assert entry.assessment.score == pytest.approx(0.25 + 1 / 12)
    notes = api.list_catalog(tmp_path / "mine")["notes"]
    assert any("override" in n and "llama-2" in n for n in notes)


def test_environment_variable_names_the_own_catalog(tmp_path: Path) -> None:
    own_llama(tmp_path / "mine")
    done = run_cli("show", "llama-2", "--framework", "osai",
                   env={"OPENGAUGE_CATALOG": str(tmp_path / "mine")})
    assert done.returncode == 0, done.stderr
    (record,) = json.loads(done.stdout)["models"]
    assert record["layer"] == "own"
    assert record["ratings"]["trainingcode"] == "open"


def test_duplicates_in_one_layer_are_reported_not_merged(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(CURRENT / "Zephyr.yaml", folder / "Foo.yaml")
    shutil.copy(CURRENT / "OLMo.yaml", folder / "foo.yaml")
    ranking = api.rank("osai", own=folder)
    foo = [e for e in ranking.entries if e.assessment.subject.id == "foo"]
    assert len(foo) == 1 and foo[0].assessment.source_file == "Foo.yaml"
    notes = api.list_catalog(folder)["notes"]
    assert any("duplicate" in n and "Foo.yaml" in n and "foo.yaml" in n for n in notes)


def test_invalid_own_record_is_a_clear_error_with_exit_2(tmp_path: Path) -> None:
    path = own_llama(tmp_path / "mine")
    path.write_text(path.read_text("utf-8").replace("class: partial", "class: half", 1), "utf-8")
    done = run_cli("rank", "--catalog", str(tmp_path / "mine"))
    assert done.returncode == 2
    assert "llama-2-chat.yaml:" in done.stderr and "unknown level 'half'" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_changed_own_record_is_picked_up_without_a_manual_rebuild(tmp_path: Path) -> None:
    path = own_llama(tmp_path / "mine", "closed")
    first = api.model("llama-2", "osai", own=tmp_path / "mine").frameworks["osai"].assessment.score
    path.write_text(path.read_text("utf-8").replace("paper:\n    class: closed",
                                                    "paper:\n    class: open"), "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    api.reset()
    second = api.model("llama-2", "osai", own=tmp_path / "mine").frameworks["osai"].assessment.score
    assert second == pytest.approx(first + 1 / 12)


def git_clone_of(folder: Path, target: Path) -> Path:
    shutil.copytree(folder, target)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "GIT_COMMITTER_DATE": "2026-07-01T00:00:00Z", "GIT_AUTHOR_DATE": "2026-07-01T00:00:00Z"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "snapshot"]):
        subprocess.run(["git", "-C", str(target), *args], check=True, env=env, capture_output=True)
    return target


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to make a clone")
def test_import_replaces_the_bundled_snapshot_and_records_the_commit(tmp_path: Path) -> None:
    clone = git_clone_of(CURRENT, tmp_path / "main-database")
    (clone / "Zephyr.yaml").unlink()
    subprocess.run(["git", "-C", str(clone), "commit", "-qam", "drop"], check=True,
                   capture_output=True)
    (imported,) = api.import_catalog(clone)
    assert imported["source"] == "osai-index" and imported["models"] == 192
    assert imported["snapshot"].startswith("main-database@")
    listing = api.list_catalog()["datasets"]
    eu = [d for d in listing if d["source"] == "osai-index"]
    assert [d["layer"] for d in eu] == ["imported"]
    assert "zephyr" not in {e.assessment.subject.id for e in api.ranked("osai")}


@pytest.mark.slow
def test_a_failed_import_keeps_the_previous_data(tmp_path: Path) -> None:
    good = shutil.copytree(CURRENT, tmp_path / "good")
    api.import_catalog(good)
    bad = shutil.copytree(CURRENT, tmp_path / "bad")
    (bad / "Zephyr.yaml").write_text("system: [unclosed\n", "utf-8")
    with pytest.raises(BadInput, match=r"Zephyr\.yaml:\d+: invalid YAML"):
        api.import_catalog(bad)
    assert len(api.ranked("osai")) == 193


@pytest.mark.slow
def test_import_of_a_folder_without_records_is_bad_input(tmp_path: Path) -> None:
    done = run_cli("catalog", "import", str(tmp_path))
    assert done.returncode == 2
    assert "no catalog records found" in done.stderr
    done = run_cli("catalog", "import", str(tmp_path / "missing"))
    assert done.returncode == 3
