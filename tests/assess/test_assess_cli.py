"""`opengauge check TARGET` as a user runs it: a fresh process, the local Hub, exit codes."""

from __future__ import annotations

import json

import pytest

from .conftest import needs_cards, release, run_cli

pytestmark = needs_cards
TINY = "TinyLlama/TinyLlama-1.1B-Chat-v1.0"


def cli(hub, *args, **env):
    return run_cli(*args, env={"OPENGAUGE_HUB_ENDPOINT": hub.url, **env})


@pytest.mark.slow
def test_check_a_hub_id_as_json(hub):
    done = cli(hub, "check", TINY, "-f", "json")
    assert done.returncode == 0, done.stderr
    model = json.loads(done.stdout)["models"][0]
    assert model["id"] == TINY
    assert model["provenance"]["kind"] == "automatic"
    assert model["provenance"]["revision"] == hub.repos[("model", TINY)].sha
    assert set(model["frameworks"]) == {"osai", "osai-14", "mof", "osaid"}
    rating = model["frameworks"]["osai"]["evidence"]["modelcard"]
    assert rating["confidence"] in ("high", "medium", "low")
    assert rating["evidence"][0]["locator"]["url"].startswith(hub.url)


@pytest.mark.slow
def test_check_a_folder_as_a_table(hub, tmp_path):
    folder = release(tmp_path, "LLM360__Amber")
    done = cli(hub, "check", str(folder), "-f", "table")
    assert done.returncode == 0, done.stderr
    assert "European Open Source AI Index" in done.stdout
    assert "revision   sha256:" in done.stdout
    assert "opengauge show" not in done.stdout  # no catalog page for a folder


@pytest.mark.slow
def test_catalog_names_still_work(hub):
    done = cli(hub, "check", "llama-2", "-f", "json")
    assert done.returncode == 0
    assert json.loads(done.stdout)["models"][0]["provenance"]["kind"] == "curated"


@pytest.mark.slow
def test_release_gate_fails_with_the_requirements_listed(hub):
    done = cli(hub, "check", "meta-llama/Llama-2-7b-chat-hf", "-f", "json", "--require",
               "open-source", "--require", "osai>=0.9", "--deny", "gated-access",
               "--require", "osai>=0")
    assert done.returncode == 1
    line = done.stderr.strip().splitlines()[-1]
    assert line.startswith("opengauge: error: requirements not met: open-source (")
    assert "osai>=0.9 (osai score" in line and "gated-access (1 finding(s)" in line
    assert "osai>=0 " not in line
    gate = json.loads(done.stdout)["models"][0]["gate"]
    assert [r["passed"] for r in gate["requirements"]] == [False, False, True, False]
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_release_gate_passes(hub):
    done = cli(hub, "check", TINY, "--require", "osai>=0", "--deny", "license-other-without-file",
               "-f", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["models"][0]["gate"]["passed"] is True


@pytest.mark.slow
def test_bad_requirement_syntax_exits_2_before_any_network(hub):
    for args in (["--require", "osai>>0.5"], ["--deny", "no-such-finding"],
                 ["--require", "mof-class=5"]):
        done = cli(hub, "check", TINY, *args)
        assert done.returncode == 2, args
        assert done.stderr.startswith("opengauge: error: --")
    assert hub.requests_to("/api/models/") == 0


@pytest.mark.slow
def test_options_and_their_errors(hub, tmp_path):
    assert cli(hub, "check", TINY, "--timeout", "0").returncode == 2
    assert cli(hub, "check", "nobody/nothing").returncode == 3
    assert cli(hub, "check", str(tmp_path / "none.gguf")).returncode == 3
    offline = cli(hub, "check", "hub:org/never-fetched", "--offline")
    assert offline.returncode == 4 and "offline" in offline.stderr
    other = run_cli("check", TINY, "--endpoint", hub.url, "-f", "json",
                    env={"OPENGAUGE_HUB_ENDPOINT": "http://127.0.0.1:9"})
    assert other.returncode == 0, other.stderr
    assert cli(hub, "check").returncode == 2
    assert cli(hub, "check", TINY, "--from", str(tmp_path / "x")).returncode == 2


@pytest.mark.slow
def test_offline_uses_what_an_earlier_run_stored(hub):
    assert cli(hub, "check", TINY, "-f", "json").returncode == 0
    done = run_cli("check", TINY, "--offline", "-f", "json",
                   env={"OPENGAUGE_HUB_ENDPOINT": hub.url})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["models"][0]["provenance"]["cached"] is True
