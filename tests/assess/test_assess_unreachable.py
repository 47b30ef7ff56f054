"""A Hub that cannot be reached (DNS failure, refused connection): no retries, one
`hub-unreachable` finding, local evidence still answers, catalog fallback for known Hub ids
(docs/sources.md, "When the Hub cannot be reached")."""

from __future__ import annotations

import json
import socket

import pytest

from opengauge.sources.hub import HubClient, HubOptions, HubUnreachable

from .conftest import finding_ids, release, run_cli

DNS_FAILURE = "http://nonexistent.invalid"
MESSAGE = "answered from local evidence; use --offline to skip it"


def closed_port() -> str:
    """An endpoint on 127.0.0.1 whose port nobody listens on (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


ENDPOINTS = [pytest.param(DNS_FAILURE, "DNS lookup of nonexistent.invalid failed", id="dns"),
             pytest.param(None, "refused", id="refused")]


@pytest.mark.parametrize(("endpoint", "reason"), ENDPOINTS)
def test_a_failed_connection_is_not_retried_and_is_remembered(store, endpoint, reason):
    client = HubClient(HubOptions(endpoint=endpoint or closed_port(), token=False, offline=False,
                                  retries=4, backoff=0.01), store, sleep=lambda _: None)
    with pytest.raises(HubUnreachable) as raised:
        client.model_info("org/model")
    assert reason in raised.value.reason
    assert client.requests == 1
    with pytest.raises(HubUnreachable):
        client.dataset_info("org/data")
    assert client.requests == 1  # no second attempt in the same run


def fine_tune(tmp_path):
    card = ("---\nlicense: apache-2.0\nbase_model: someone/unknown-base\ndatasets:\n- a/one\n"
            "- b/two\n---\n# A fine-tune\n")
    return release(tmp_path, card=card)


@pytest.mark.parametrize(("endpoint", "reason"), ENDPOINTS)
def test_a_local_folder_answers_from_local_evidence(check, tmp_path, endpoint, reason):
    report = check(str(fine_tune(tmp_path)), endpoint=endpoint or closed_port(), retries=4)
    ids = finding_ids(report)
    assert ids.count("hub-unreachable") == 1
    assert "evidence-unreadable" not in ids
    found = next(f for f in report.findings if f.id == "hub-unreachable")
    assert found.message.startswith("the Hub could not be reached (")
    assert reason in found.message and found.message.endswith(MESSAGE)
    assert report.license_dict()["declared"][0]["declared"] == "apache-2.0"


def test_a_reachable_hub_raises_no_unreachable_finding(check, tmp_path):
    assert "hub-unreachable" not in finding_ids(check(str(fine_tune(tmp_path))))


def test_offline_makes_no_attempt_and_raises_no_finding(check, tmp_path):
    report = check(str(fine_tune(tmp_path)), endpoint=DNS_FAILURE, offline=True)
    assert "hub-unreachable" not in finding_ids(report)


def test_a_known_hub_id_falls_back_to_the_catalog(check):
    report = check("meta-llama/Llama-2-7b-hf", endpoint=closed_port())
    assert report.subject.id == "llama-2"
    assert report.provenance.kind == "curated"
    found = next(f for f in report.findings if f.id == "hub-unreachable")
    assert "revision was not assessed" in found.details["note"]
    assert report.provenance.revision is None


def test_an_unknown_hub_id_fails_clearly_when_unreachable(check):
    from opengauge.errors import NetworkError

    with pytest.raises(NetworkError, match="no local evidence for someone/nothing-known"):
        check("someone/nothing-known", endpoint=DNS_FAILURE)


def test_cli_says_it_once_on_stderr(tmp_path):
    folder = fine_tune(tmp_path)
    done = run_cli("check", str(folder), "--endpoint", DNS_FAILURE, "--no-history", "-f", "json")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("the Hub could not be reached") == 1
    record = json.loads(done.stdout)["models"][0]
    assert [f["id"] for f in record["findings"]].count("hub-unreachable") == 1


def test_cli_catalog_fallback_exits_0():
    done = run_cli("check", "meta-llama/Llama-2-7b-hf", "--endpoint", closed_port(),
                   "--no-history", "-f", "json")
    assert done.returncode == 0, done.stderr
    assert "the Hub could not be reached (connection to 127.0.0.1 refused)" in done.stderr


def test_can_i_takes_offline_and_the_environment(tmp_path):
    folder = fine_tune(tmp_path)
    for args, env in ((["--offline"], {}), ([], {"HF_HUB_OFFLINE": "1"})):
        done = run_cli("can-i", f"hub:{folder.name}/x", *args, "--endpoint", DNS_FAILURE,
                       "-f", "json", env=env)
        assert done.returncode == 4
        assert "offline: no stored Hub answer" in done.stderr
        assert "could not be reached" not in done.stderr


def test_can_i_falls_back_to_the_catalog_when_unreachable():
    done = run_cli("can-i", "meta-llama/Llama-2-7b-hf", "--users", "800000000", "--endpoint",
                   closed_port(), "-f", "json")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("the Hub could not be reached") == 1
    record = json.loads(done.stdout)["targets"][0]
    assert record["answers"][0]["answer"] == "no"
    assert any("could not be reached" in n for n in record["notes"])
