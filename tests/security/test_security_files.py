"""Only the files asked for: symlinks leaving the folder are not followed, special files are
never opened, and the secret such a link points at reaches no report, history or export."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from opengauge.sources.local import LocalRepository, walk

from .bounded import cli_bounded

SECRET = "root:$6$opengauge-test-secret-hash:19000:0:99999:7:::"
CARD = "---\nlicense: apache-2.0\n---\n# Model\n\n## Limitations\nIt is a test model.\n"


def release_with_card(tmp_path: Path) -> Path:
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "README.md").write_text(CARD, "utf-8")
    return folder


def secret_file(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    path = outside / "shadow"
    path.write_text(SECRET + "\n", "utf-8")
    return path


def files_holding(folder: Path, text: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and text.encode() in p.read_bytes()]


@pytest.mark.slow
def test_license_symlink_out_of_the_folder_reaches_no_report_history_or_export(tmp_path):
    folder = release_with_card(tmp_path)
    os.symlink(secret_file(tmp_path), folder / "LICENSE")
    checked = cli_bounded("check", str(folder), "--format", "json", "--offline", timeout=120)
    assert checked.returncode in (0, 1), checked.stderr
    assert "opengauge-test-secret" not in checked.stdout + checked.stderr
    problems = json.loads(checked.stdout)["models"][0]["provenance"]["problems"]
    assert any("LICENSE" in p["message"] and "leaves the folder" in p["message"]
               for p in problems)
    history = cli_bounded("history", str(folder), "--show", "latest", "--format", "json")
    assert history.returncode == 0, history.stderr
    assert "opengauge-test-secret" not in history.stdout
    exported = cli_bounded("export", str(folder), "--format", "cyclonedx", "--offline")
    assert exported.returncode == 0, exported.stderr
    assert "opengauge-test-secret" not in exported.stdout
    assert files_holding(Path(os.environ["OPENGAUGE_DATA_DIR"]), "opengauge-test-secret") == []
    assert files_holding(Path(os.environ["OPENGAUGE_CACHE_DIR"]), "opengauge-test-secret") == []


def test_a_symlinked_folder_leaving_the_target_is_not_walked(tmp_path):
    folder = release_with_card(tmp_path)
    secret = secret_file(tmp_path)
    os.symlink(secret.parent, folder / "more")
    os.symlink(folder / "README.md", folder / "MODEL_CARD.md")  # inside: still followed
    listing = walk(folder)
    names = [f.name for f in listing.files]
    assert "more/shadow" not in names and "MODEL_CARD.md" in names
    assert "more: skipped (symlink that leaves the folder; not followed)" in listing.notes


def test_reading_a_name_through_an_outside_link_gives_nothing(tmp_path):
    folder = release_with_card(tmp_path)
    os.symlink(secret_file(tmp_path), folder / "NOTICE")
    repo = LocalRepository(folder)
    assert repo.read("NOTICE", 1000) is None
    assert repo.read("../outside/shadow", 1000) is None
    assert any("NOTICE" in note and "leaves the folder" in note for note in repo.notes)


def test_a_fifo_as_target_is_refused_before_it_is_opened(tmp_path):
    fifo = tmp_path / "model.gguf"
    os.mkfifo(fifo)
    done = cli_bounded("check", str(fifo), "--no-history", "--offline", timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "FIFO" in done.stderr


@pytest.mark.slow
def test_a_fifo_as_license_file_is_skipped_not_waited_on(tmp_path):
    folder = release_with_card(tmp_path)
    os.mkfifo(folder / "LICENSE")
    done = cli_bounded("check", str(folder), "--format", "json", "--no-history", "--offline",
                       timeout=60)
    assert done.returncode in (0, 1), done.stderr
    problems = json.loads(done.stdout)["models"][0]["provenance"]["problems"]
    assert any("LICENSE" in p["message"] and "FIFO" in p["message"] for p in problems)


def test_a_fifo_given_to_license_is_refused(tmp_path):
    fifo = tmp_path / "LICENSE"
    os.mkfifo(fifo)
    done = cli_bounded("license", str(fifo), timeout=60)
    assert done.returncode == 2
    assert "FIFO" in done.stderr and "Traceback" not in done.stderr


def test_a_fifo_given_as_from_file_is_refused(tmp_path):
    fifo = tmp_path / "targets.txt"
    os.mkfifo(fifo)
    done = cli_bounded("check", "--from", str(fifo), timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "FIFO" in done.stderr


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_as_target_is_refused(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is absent")
    done = cli_bounded("check", f"path:{device}", "--no-history", "--offline", timeout=60)
    assert done.returncode == 2
    assert "device" in done.stderr and "Traceback" not in done.stderr


def test_a_socket_in_the_folder_is_noted_not_opened(tmp_path):
    folder = release_with_card(tmp_path)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(folder / "config.json"))
        listing = walk(folder)
    finally:
        server.close()
    assert "config.json" not in [f.name for f in listing.files]
    assert any(n.startswith("config.json: skipped (is a socket") for n in listing.notes)


def test_a_file_named_as_target_is_read_through_its_link_but_not_as_part_of_a_folder(tmp_path):
    from opengauge.sources.gather import GatherOptions, gather

    store = tmp_path / "store"
    store.mkdir()
    weights = store / "real.gguf"
    weights.write_bytes(b"GGUF" + (3).to_bytes(4, "little") + bytes(16))
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "README.md").write_text(CARD, "utf-8")
    os.symlink(weights, folder / "model.gguf")
    asked = gather(str(folder / "model.gguf"), GatherOptions(lookups=False))
    assert [f.name for f in asked.weights.files] == ["model.gguf"]
    assert asked.weights.files[0].gguf is not None
    walked = gather(str(folder), GatherOptions(lookups=False))
    assert walked.weights.files == []
    assert any("model.gguf" in p.message and "leaves the folder" in p.message
               for p in walked.problems)
