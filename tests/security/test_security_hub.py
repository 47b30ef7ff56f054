"""Hub requests under attack: a total deadline per request, answers capped before they are
read, a missing file behind a redirect, and a bounded header read (and cache) per file."""

from __future__ import annotations

import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from opengauge import limits
from opengauge.errors import BadInput, NetworkError
from opengauge.sources import hub as hubmodule
from opengauge.sources import hubrepo
from opengauge.sources.gather import GatherOptions, gather

from .bounded import cli_bounded
from .conftest import gguf, gguf_string, gguf_text

CARD = "---\nlicense: apache-2.0\n---\n# Model\n"


class _Plain404(BaseHTTPRequestHandler):
    """Another host that knows nothing of the Hub: every GET is a bare 404."""

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        body = b"<html>Not Found</html>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def other_host():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Plain404)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.slow
def test_a_download_trickling_one_byte_at_a_time_hits_the_total_deadline(hub, client):
    hub.add_model("org/slow", {"README.md": CARD})
    hub.fault("/org/slow/resolve/", "trickle", delay=0.4, size=200, times=5)
    with pytest.raises(NetworkError, match="deadline"):
        client(deadline=1.5, timeout=5.0).file("org/slow", "README.md", "main")


@pytest.mark.slow
def test_a_model_info_trickling_hits_the_total_deadline(hub, client):
    hub.add_model("org/slow", {"README.md": CARD})
    hub.fault("/api/models/org/slow", "trickle", delay=0.4, size=200, times=5)
    with pytest.raises(NetworkError, match="deadline"):
        client(deadline=1.5, timeout=5.0).model_info("org/slow")


def test_a_model_info_declaring_10_gb_is_refused_unread(hub, client):
    hub.add_model("org/huge", {"README.md": CARD})
    hub.fault("/api/models/org/huge", "declare", size=10 << 30)
    with pytest.raises(BadInput, match=f"declares {10 << 30} bytes, over the "
                                       f"{limits.MAX_HUB_JSON_BYTES}-byte limit"):
        client().model_info("org/huge")


def test_a_model_info_over_the_cap_is_refused_and_not_stored(hub, client, store, monkeypatch):
    monkeypatch.setattr(hubmodule, "MAX_HUB_JSON_BYTES", 100)
    hub.add_model("org/big", {"README.md": CARD, **{f"f{n}.txt": "x" for n in range(50)}})
    with pytest.raises(BadInput, match="100-byte limit"):
        client().model_info("org/big")
    assert store.hub_get("model_info", f"{hub.url}|model:org/big|") is None


@pytest.mark.slow
def test_check_of_a_hub_model_declaring_10_gb_is_exit_2_in_one_line(hub):
    hub.add_model("org/huge", {"README.md": CARD})
    hub.fault("/api/models/org/huge", "declare", size=10 << 30)
    done = cli_bounded("check", "org/huge", "--endpoint", hub.url, "--no-history",
                       memory=2 << 30, timeout=120)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "limit for a Hub answer" in done.stderr


@pytest.mark.slow
def test_a_file_redirected_to_a_host_answering_404_is_a_missing_file(hub, other_host):
    hub.add_model("org/moved", {"README.md": CARD, "LICENSE": "Moved-license-text 42"})
    hub.fault("/org/moved/resolve/", "redirect", location=f"{other_host}/x/LICENSE", times=0)
    hub.fault("/LICENSE", "redirect", location=f"{other_host}/x/LICENSE", times=10)
    done = cli_bounded("check", "org/moved", "--endpoint", hub.url, "--format", "json",
                       "--no-history", timeout=120)
    assert done.returncode in (0, 1), done.stderr  # not 4: the check completes
    assert "Moved-license-text" not in done.stdout
    assert hub.requests_to("/LICENSE") >= 1


def test_a_redirect_to_404_reads_as_absent(hub, client, other_host):
    hub.add_model("org/moved", {"README.md": CARD, "LICENSE": "text"})
    repo = hub.repos[("model", "org/moved")]
    hub.fault(f"/org/moved/resolve/{repo.sha}/LICENSE", "redirect",
              location=f"{other_host}/x/LICENSE")
    answer = client().file("org/moved", "LICENSE", repo.sha)
    assert answer.status == 404 and answer.data == b""


def test_a_hub_gguf_header_is_read_and_cached_only_up_to_its_budget(hub, client, store,
                                                                      monkeypatch):
    monkeypatch.setattr(hubrepo, "MAX_HUB_HEADER_BYTES", 2 << 20)
    tokens = b"".join(gguf_string(f"tok{n:07d}") for n in range(400_000))  # ~7 MiB
    header = gguf([gguf_text("general.name", "m"),
                   gguf_string("tokenizer.ggml.tokens") + struct.pack("<IIQ", 9, 8, 400_000)
                   + tokens])
    hub.add_model("org/gguf", {"README.md": CARD, "model.gguf": header})
    facts = gather("org/gguf", GatherOptions(lookups=False), client=client(), store=store)
    problems = [p.message for p in facts.problems]
    assert any("model.gguf" in m and "Hub header read and cache limit" in m for m in problems)
    ranges = [h for command, path, h in hub.log if path.endswith("/model.gguf") and "Range" in h]
    assert len(ranges) <= 2


def test_a_check_stops_asking_the_hub_when_its_wall_time_budget_is_spent(hub, client):
    hub.add_model("org/m", {"README.md": CARD})
    spent = client(check_seconds=0.0)
    spent.begin_check()
    with pytest.raises(BadInput, match="0 s wall-time budget for Hub requests is spent"):
        spent.model_info("org/m")
    assert hub.requests_to("/api/models/org/m") == 0
    fresh = client()
    fresh.begin_check()
    assert fresh.model_info("org/m")[0].id == "org/m"


def test_gzip_encoded_api_answers_are_read_within_the_cap(hub, client):
    from opengauge.errors import NotFound

    hub.gzip_json = True
    hub.add_model("org/zipped", {"README.md": CARD})
    assert client().model_info("org/zipped")[0].id == "org/zipped"
    with pytest.raises(NotFound):
        client().model_info("org/absent")
    assert client().dataset_info("org/absent")[0] is None
