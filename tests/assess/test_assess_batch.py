"""`check --from FILE`: bounded concurrency, Hub faults survived, resume, summary and JSON Lines."""

from __future__ import annotations

import json

import pytest

from opengauge.app.session import Session, SessionConfig
from opengauge.assess.batch import batch_id, run
from opengauge.assess.gate import parse

from .conftest import needs_cards, release, run_cli

pytestmark = needs_cards
TINY = "TinyLlama/TinyLlama-1.1B-Chat-v1.0"
HUB_IDS = ["TinyLlama/TinyLlama-1.1B-Chat-v1.0", "LLM360/Amber", "epfl-llm/meditron-7b",
           "dreamlike-art/dreamlike-photoreal-2.0", "microsoft/Orca-2-13b",
           "deepseek-ai/deepseek-llm-7b-chat"]


@pytest.fixture
def options(hub):
    return SessionConfig.of(endpoint=hub.url, token=False, timeout=1.0, retries=2, backoff=0.01)


def write_list(tmp_path, lines):
    path = tmp_path / "targets.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_mixed_list_is_checked_in_order_and_failures_are_recorded(hub, store, options, tmp_path):
    folder = release(tmp_path, "LLM360__Amber")
    path = write_list(tmp_path, ["# models to ship", TINY, "", str(folder), "llama-2",
                                 "nobody/nothing", str(tmp_path / "gone.gguf"), TINY])
    result = run(path, Session(options, store=store), jobs=3)
    assert [i.target for i in result.items] == [TINY, str(folder), "llama-2", "nobody/nothing",
                                                str(tmp_path / "gone.gguf")]
    assert [i.status for i in result.items] == ["done", "done", "done", "failed", "failed"]
    assert [i.origin for i in result.items][:2] == [f"{path}:2", f"{path}:4"]
    assert result.items[3].exit_code == 3 and "not found" in result.items[3].error
    assert result.exit_code == 3
    stored = store.batch_results(result.batch)
    assert {t: r.status for t, r in stored.items()} == {i.target: i.status for i in result.items}
    assert json.loads(stored[TINY].record)["id"] == TINY


@pytest.mark.slow
def test_hub_faults_are_survived_and_nothing_is_lost(hub, store, options, tmp_path):
    hub.fault(f"/api/models/{HUB_IDS[1]}", "status", status=429, headers={"Retry-After": "0"})
    hub.fault(f"/api/models/{HUB_IDS[2]}", "cut-json")
    hub.fault(f"/api/models/{HUB_IDS[3]}", "status", status=500, times=999)
    hub.fault(f"/api/models/{HUB_IDS[4]}", "delay", delay=1.5, times=999)
    hub.fault(f"/{HUB_IDS[5]}/resolve/", "truncate")
    result = run(write_list(tmp_path, HUB_IDS), Session(options, store=store), jobs=4)
    status = {i.target: (i.status, i.exit_code) for i in result.items}
    assert status[HUB_IDS[0]] == ("done", 0)
    assert status[HUB_IDS[1]] == ("done", 0)  # 429 then a retry
    assert status[HUB_IDS[2]] == ("done", 0)  # JSON cut short, then a retry
    assert status[HUB_IDS[3]] == ("failed", 4)
    assert status[HUB_IDS[4]] == ("failed", 4)
    assert status[HUB_IDS[5]] == ("done", 0)  # a body cut short, then a retry
    failed = next(i for i in result.items if i.target == HUB_IDS[4])
    assert "timed out" in failed.error
    assert result.exit_code == 4
    assert len(store.batch_results(result.batch)) == len(HUB_IDS)


@pytest.mark.slow
def test_a_rerun_resumes_and_retries_only_the_failures(hub, store, options, tmp_path):
    fault = hub.fault(f"/api/models/{HUB_IDS[3]}", "status", status=503, times=999)
    path = write_list(tmp_path, HUB_IDS)
    first = run(path, Session(options, store=store))
    assert first.checked == len(HUB_IDS) and first.exit_code == 4
    fault.times = 0
    before = len(hub.log)
    second = run(path, Session(options, store=store))
    assert second.checked == 1 and second.exit_code == 0
    assert sum(i.resumed for i in second.items) == len(HUB_IDS) - 1
    # a kept target only asks for its current commit (model_info), never for a file
    assert all(f"/{t}/" not in p for _, p, _ in hub.log[before:] for t in HUB_IDS[:3])
    third = run(path, Session(options, store=store))
    assert third.checked == 0 and all(i.resumed for i in third.items)
    assert third.items[0].record == first.items[0].record
    fresh = run(path, Session(options, store=store), fresh=True)
    assert fresh.checked == len(HUB_IDS) and not any(i.resumed for i in fresh.items)


def test_an_interrupted_batch_keeps_what_was_done(hub, store, options, tmp_path):
    class Interrupt:
        seen = 0

        def start(self, total):
            pass

        def advance(self, label):
            self.seen += 1
            if self.seen == 2:
                raise KeyboardInterrupt

    path = write_list(tmp_path, HUB_IDS)
    with pytest.raises(KeyboardInterrupt):
        run(path, Session(options, store=store), jobs=1, progress=Interrupt())
    kept = store.batch_results(batch_id(path, options.hub_options()))
    assert len(kept) >= 2 and all(r.status == "done" for r in kept.values())
    resumed = run(path, Session(options, store=store), jobs=2)
    assert resumed.checked == len(HUB_IDS) - len(kept)
    assert all(i.status == "done" for i in resumed.items)


@pytest.mark.slow
def test_concurrency_is_bounded_by_jobs(hub, store, options, tmp_path):
    for repo_id in HUB_IDS:
        hub.fault(f"/api/models/{repo_id}", "delay", delay=0.2)
    run(write_list(tmp_path, HUB_IDS), Session(options, store=store), jobs=2)
    assert hub.max_active <= 2


def test_release_gates_apply_to_every_target(hub, store, options, tmp_path):
    path = write_list(tmp_path, [TINY, "meta-llama/Llama-2-7b-chat-hf"])
    result = run(path, Session(options, store=store), rules=parse([], ["gated-access"]))
    assert [i.gate["passed"] for i in result.items] == [True, False]
    assert [i.exit_code for i in result.items] == [0, 1] and result.exit_code == 1
    assert result.items[1].to_record()["gate"]["requirements"][0]["actual"] == 1


@pytest.mark.slow
def test_batch_from_the_command_line(hub, tmp_path):
    path = write_list(tmp_path, [TINY, "nobody/nothing", "llama-2"])
    env = {"OPENGAUGE_HUB_ENDPOINT": hub.url}
    done = run_cli("check", "--from", str(path), "-f", "jsonl", "--jobs", "2", env=env)
    assert done.returncode == 3, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["target"], r["status"]) for r in lines] == [
        (TINY, "done"), ("nobody/nothing", "failed"), ("llama-2", "done")]
    assert lines[0]["frameworks"]["osai"]["provenance"] == "automatic"
    assert lines[1]["exit_code"] == 3 and lines[1]["error"]
    assert "3 targets: 2 done, 1 failed" in done.stderr
    assert "\r" not in done.stderr and "━" not in done.stderr  # no progress bar off a terminal
    again = run_cli("check", "--from", str(path), "-f", "table", env=env)
    assert "2 kept from an earlier run" in again.stderr
    assert "target" in again.stdout and "earlier run" in again.stdout
    csv = run_cli("check", "--from", str(path), "-f", "csv", env=env)
    assert csv.stdout.splitlines()[0].startswith("target,status,weights")
    assert run_cli("check", "--from", str(tmp_path / "none.txt"), env=env).returncode == 3
    (tmp_path / "empty.txt").write_text("# nothing\n")
    assert run_cli("check", "--from", str(tmp_path / "empty.txt"), env=env).returncode == 2


@pytest.mark.slow
def test_a_progress_bar_on_a_terminal(hub, tmp_path):
    import os
    import pty
    import subprocess
    import sys

    path = write_list(tmp_path, HUB_IDS[:3])
    leader, follower = pty.openpty()
    done = subprocess.run([sys.executable, "-m", "opengauge.cli", "check", "--from", str(path),
                           "-f", "jsonl"], stdout=subprocess.PIPE, stderr=follower, timeout=120,
                          env={**os.environ, "OPENGAUGE_HUB_ENDPOINT": hub.url, "TERM": "xterm"})
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 3  # the records stay clean on stdout
    text = seen.decode("utf-8", "replace")
    assert "checking" in text and "3/3" in text


def test_a_changed_folder_is_checked_again_and_says_why(store, options, tmp_path):
    folder = release(tmp_path, card="---\nlicense: apache-2.0\n---\n# M\n",
                     files={"LICENSE": "Apache License 2.0"})
    path = write_list(tmp_path, [str(folder)])
    assert run(path, Session(options, store=store)).checked == 1
    kept = run(path, Session(options, store=store))
    assert kept.checked == 0 and kept.items[0].resumed
    (folder / "LICENSE").write_text("Creative Commons Attribution-NonCommercial 4.0 changed")
    again = run(path, Session(options, store=store))
    assert again.checked == 1 and not again.items[0].resumed
    assert again.items[0].rechecked.startswith("the target changed (sha256:")
    assert again.items[0].to_record()["rechecked"] == again.items[0].rechecked
    assert "1 checked again because they changed" in again.notes()[0]


def test_a_new_hub_commit_is_checked_again(hub, store, options, tmp_path):
    hub.add_model("org/moving", {"README.md": "---\nlicense: mit\n---\n# M\n"}, sha="a" * 40)
    path = write_list(tmp_path, ["org/moving"])
    run(path, Session(options, store=store))
    assert run(path, Session(options, store=store)).items[0].resumed
    hub.add_model("org/moving", {"README.md": "---\nlicense: mit\n---\n# M2\n"}, sha="b" * 40)
    again = run(path, Session(options, store=store))
    assert again.checked == 1
    assert again.items[0].rechecked == f"the target changed (hub:{'a' * 20} -> hub:{'b' * 20})"


def test_a_new_tool_version_or_catalog_is_checked_again(store, options, tmp_path, monkeypatch):
    import opengauge
    from opengauge.assess import batch

    folder = release(tmp_path, card="---\nlicense: mit\n---\n# M\n")
    path = write_list(tmp_path, [str(folder)])
    run(path, Session(options, store=store))
    monkeypatch.setattr(opengauge, "__version__", "99.0")
    again = run(path, Session(options, store=store))
    assert again.checked == 1 and "the opengauge version changed" in again.items[0].rechecked
    monkeypatch.setattr(batch, "catalog_fingerprint", lambda own=None: "another")
    assert "the catalog snapshot changed" in run(path, Session(options, store=store)).items[0].rechecked
