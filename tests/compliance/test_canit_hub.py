"""`opengauge can-i` on Hub ids, answered from a real HTTP server on 127.0.0.1 that speaks the
Hub's protocol and serves the reference model cards."""

from __future__ import annotations

import json

import pytest

from assess.conftest import hub, needs_cards, run_cli  # noqa: F401 (hub is a fixture)


def ask(server, repo: str, *args: str) -> dict:
    done = run_cli("can-i", repo, *args, "-f", "json",
                   env={"OPENGAUGE_HUB_ENDPOINT": server.url})
    assert done.returncode == 0, done.stderr
    (record,) = json.loads(done.stdout)["targets"]
    return record


@pytest.mark.slow
@needs_cards
def test_llama_2_on_the_hub_is_no_above_700_million_users(hub) -> None:  # noqa: F811
    record = ask(hub, "meta-llama/Llama-2-7b-chat-hf", "--users", "800000000", "--region", "EU")
    assert record["kind"] == "repository"
    answers = {a["question"]: a for a in record["answers"]}
    assert answers["users"]["answer"] == "no"
    (threshold,) = answers["users"]["thresholds"]
    assert threshold["limit"] == 700_000_000 and threshold["result"] == "above"
    # Above the threshold the license withholds every right: no to the other questions too.
    assert answers["region"]["answer"] == "no"
    assert "withholds every right" in answers["region"]["reason"]
    assert hub.requests_to("/api/models/") >= 1


@pytest.mark.slow
@needs_cards
def test_apache_model_on_the_hub_is_yes_to_everything(hub) -> None:  # noqa: F811
    record = ask(hub, "mistralai/Mistral-7B-Instruct-v0.2", "--commercial", "--users", "800000000",
                 "--revenue", "1e12", "--region", "EU", "--fine-tune", "--redistribute",
                 "--train-on-outputs", "--military")
    assert [a["answer"] for a in record["answers"]] == ["yes"] * 8
    assert record["texts"][0]["licenses"][0]["key"] == "apache-2.0"


def test_unknown_hub_repo_is_one_line_and_exit_3(hub) -> None:  # noqa: F811
    done = run_cli("can-i", "nobody/nothing", env={"OPENGAUGE_HUB_ENDPOINT": hub.url})
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
