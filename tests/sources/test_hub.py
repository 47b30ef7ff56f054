"""The Hub client against a real HTTP server on 127.0.0.1: answers, cache, offline, faults."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from opengauge.errors import EXIT_NETWORK, NetworkError, NotFound
from opengauge.sources.hub import HubClient, HubOptions, retry_after

from .conftest import CARDS

pytestmark = pytest.mark.skipif(not CARDS.is_dir(), reason="reference cards not present")

ZEPHYR = "HuggingFaceH4/zephyr-7b-beta"


def test_model_info_in_the_hubs_shape(hub, client):
    model, cached = client().model_info(ZEPHYR)
    assert not cached
    assert model.id == ZEPHYR and model.sha == hub.repos[("model", ZEPHYR)].sha
    assert model.card_data["license"] == "mit"
    assert model.card_data["base_model"] == "mistralai/Mistral-7B-v0.1"
    assert ("README.md", len((CARDS / "HuggingFaceH4__zephyr-7b-beta" / "README.md").read_bytes())) \
        in model.siblings
    assert model.gated is False
    gated, _ = client().model_info("meta-llama/Llama-3.2-1B")
    assert gated.gated == "manual"


def test_unknown_repo_and_revision_are_not_found(client):
    with pytest.raises(NotFound, match="Hub model 'nobody/nothing' not found"):
        client().model_info("nobody/nothing")
    with pytest.raises(NotFound, match="no revision 'v9'"):
        client().model_info(ZEPHYR, "v9")


def test_revision_by_branch_and_sha(hub, client):
    repo = hub.repos[("model", ZEPHYR)]
    model, _ = client().model_info(ZEPHYR, "main")
    assert model.sha == repo.sha
    assert hub.requests_to(f"/api/models/{ZEPHYR}/revision/main") == 1
    model, _ = client().model_info(ZEPHYR, repo.sha)
    assert model.sha == repo.sha


def test_answers_are_kept_in_the_store(hub, client, store):
    first = client()
    first.model_info(ZEPHYR)
    again, cached = client().model_info(ZEPHYR)
    assert cached and again.card_data["license"] == "mit"
    assert hub.requests_to(f"/api/models/{ZEPHYR}") == 1
    client(ttl=0).model_info(ZEPHYR)  # a branch answer past its ttl is asked again
    assert hub.requests_to(f"/api/models/{ZEPHYR}") == 2
    assert store.hub_count() == 1


def test_answers_for_a_commit_never_expire(hub, client):
    sha = hub.repos[("model", ZEPHYR)].sha
    client(ttl=0).model_info(ZEPHYR, sha)
    client(ttl=0).model_info(ZEPHYR, sha)
    assert hub.requests_to(f"/revision/{sha}") == 1


def test_refresh_asks_again(hub, client):
    client().model_info(ZEPHYR)
    client(refresh=True).model_info(ZEPHYR)
    assert hub.requests_to(f"/api/models/{ZEPHYR}") == 2


def test_offline_answers_from_the_store_only(hub, client):
    client().model_info(ZEPHYR)
    offline = client(offline=True)
    hub.stop()
    model, cached = offline.model_info(ZEPHYR)
    assert cached and model.id == ZEPHYR
    with pytest.raises(NetworkError, match=r"offline: no stored Hub answer for model_info "
                       r"LLM360/Amber; run once without --offline") as caught:
        offline.model_info("LLM360/Amber")
    assert caught.value.exit_code == EXIT_NETWORK


def test_offline_from_the_environment(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert HubOptions().is_offline()
    assert not HubOptions(offline=False).is_offline()
    monkeypatch.setenv("OPENGAUGE_HUB_ENDPOINT", "http://127.0.0.1:9/")
    assert HubOptions().resolved_endpoint() == "http://127.0.0.1:9"


def test_429_waits_as_long_as_retry_after_says(hub, client, sleeps):
    hub.fault("/api/models/", "status", status=429, headers={"Retry-After": "3"})
    model, _ = client().model_info(ZEPHYR)
    assert model.id == ZEPHYR
    assert sleeps == [3.0]
    assert hub.requests_to(f"/api/models/{ZEPHYR}") == 2


def test_retry_after_beyond_the_limit_fails_at_once(hub, client, sleeps):
    hub.fault("/api/models/", "status", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(NetworkError, match="asked to wait 3600 s"):
        client(max_retry_after=60).model_info(ZEPHYR)
    assert sleeps == []


def test_server_errors_back_off_exponentially(hub, client, sleeps):
    hub.fault("/api/models/", "status", status=500, times=2)
    client().model_info(ZEPHYR)
    assert sleeps == [0.25, 0.5]


def test_persistent_failure_is_a_network_error(hub, client, sleeps):
    hub.fault("/api/models/", "status", status=503, times=99)
    with pytest.raises(NetworkError, match="failed after 4 attempts: HTTP 503"):
        client().model_info(ZEPHYR)
    assert hub.requests_to(f"/api/models/{ZEPHYR}") == 4
    assert sleeps == [0.25, 0.5, 1.0]


def test_timeouts_are_retried(hub, client):
    hub.fault("/api/models/", "delay", delay=1.5)
    model, _ = client(timeout=0.3).model_info(ZEPHYR)
    assert model.id == ZEPHYR
    assert hub.requests_to(f"/api/models/{ZEPHYR}") == 2


@pytest.mark.parametrize("kind", ["truncate", "cut-json", "close"])
def test_broken_answers_are_retried(hub, client, sleeps, kind):
    hub.fault("/api/models/", kind)
    model, _ = client().model_info(ZEPHYR)
    assert model.card_data["license"] == "mit"
    assert len(sleeps) == 1


def test_broken_file_downloads_are_retried(hub, client):
    sha = hub.repos[("model", ZEPHYR)].sha
    hub.fault("/resolve/", "truncate")
    answer = client().file(ZEPHYR, "README.md", sha)
    assert answer.status == 200
    assert answer.data == (CARDS / "HuggingFaceH4__zephyr-7b-beta" / "README.md").read_bytes()


def test_a_stale_answer_beats_no_answer(hub, client):
    client().model_info(ZEPHYR)
    hub.fault("/api/models/", "status", status=503, times=99)
    fallback = client(ttl=0, retries=1)
    model, cached = fallback.model_info(ZEPHYR)
    assert cached and model.id == ZEPHYR
    assert "using the answer stored" in fallback.warnings[0]


def test_files_gated_absent_and_limited(hub, client):
    repo = hub.repos[("model", "meta-llama/Llama-3.2-1B")]
    assert client().file(repo.id, "LICENSE.txt", repo.sha).status == 401
    allowed = client(token="granted").file(repo.id, "LICENSE.txt", repo.sha)
    assert allowed.status == 200 and allowed.data.startswith(b"LLAMA 3.2 COMMUNITY LICENSE")
    assert client().file(repo.id, "README.md", repo.sha).status == 200
    assert client().file(repo.id, "nope.txt", repo.sha).status == 404
    cut = client().file(repo.id, "README.md", repo.sha, limit=100)
    assert len(cut.data) == 100 and cut.truncated


def test_gated_answers_are_remembered_per_commit(hub, client):
    repo = hub.repos[("model", "meta-llama/Llama-3.2-1B")]
    client().file(repo.id, "LICENSE.txt", repo.sha)
    client().file(repo.id, "LICENSE.txt", repo.sha)
    assert hub.requests_to("/LICENSE.txt") == 1


def test_byte_ranges(hub, client):
    hub.add_model("org/bin", {"blob.bin": bytes(range(256)) * 10})
    sha = hub.repos[("model", "org/bin")].sha
    assert client().range("org/bin", "blob.bin", sha, 250, 10) == bytes(range(250, 256)) + bytes(range(4))
    headers = [h for _, path, h in hub.log if path.endswith("blob.bin")]
    assert headers[0]["Range"] == "bytes=250-259"


def test_dataset_info_license(hub, client):
    hub.add_dataset("org/data", {"license": "cc-by-nc-4.0"})
    dataset, _ = client().dataset_info("org/data")
    assert dataset.card_data["license"] == "cc-by-nc-4.0"
    assert client().dataset_info("org/missing")[0] is None


def test_huggingface_hub_downloads_from_the_test_server(hub, tmp_path):
    """The server speaks the download protocol (HEAD with X-Repo-Commit and ETag, then GET)."""
    from huggingface_hub import hf_hub_download

    path = hf_hub_download(ZEPHYR, "README.md", endpoint=hub.url, cache_dir=tmp_path, token=False)
    assert Path(path).read_bytes() == (CARDS / "HuggingFaceH4__zephyr-7b-beta" / "README.md").read_bytes()
    assert any(method == "HEAD" for method, _, _ in hub.log)


def test_retry_after_formats():
    assert retry_after({"Retry-After": "7"}) == 7.0
    assert retry_after({}) is None
    assert retry_after({"Retry-After": "soon"}) is None
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= retry_after({"Retry-After": later}) <= 30


def test_client_without_store_uses_the_user_cache(hub, isolated_user_dirs):
    HubClient(HubOptions(endpoint=hub.url, token=False, offline=False)).model_info(ZEPHYR)
    assert (isolated_user_dirs / "cache" / "opengauge.sqlite3").exists()
