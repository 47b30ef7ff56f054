"""The web app under abuse: bounded check pool, 429/503 answers, Hub failures, HEAD, no paths.

Slow checks come from the local Hub (tests/hubserver.py) holding its answers; the app runs on
a real uvicorn server on loopback. These tests assert behaviour only (which answer, while what
is blocked); latency is measured in benchmarks/web/checkload.py.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from hubserver import HubServer
from opengauge.errors import NetworkError
from opengauge.web.app import create_app
from opengauge.web.checking import HubFailure
from opengauge.web.private import HIDDEN

CARD = "---\nlicense: apache-2.0\n---\n# A model\n"


@contextlib.contextmanager
def running(app: Any) -> Iterator[tuple[str, int]]:
    """The app on a real uvicorn server on a free loopback port (stopped on exit)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error",
                                           lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(300):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(timeout=20)


def get(address: tuple[str, int], method: str, path: str) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection(*address, timeout=60)
    try:
        connection.request(method, path)
        answer = connection.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read().decode()
    finally:
        connection.close()


def wait_until(condition: Any, what: str) -> None:
    for _ in range(600):
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"never happened: {what} ({condition.__doc__ or ''})")


@pytest.fixture
def slow_hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[HubServer]:
    """A local Hub whose model_info answers are held until released."""
    hub = HubServer()
    for number in range(8):
        hub.add_model(f"org/slow-{number}", {"README.md": CARD})
    hub.fault("/api/models/org/slow", "hold", times=1000, delay=60)
    hub.start()
    monkeypatch.setenv("OPENGAUGE_HUB_ENDPOINT", hub.url)
    yield hub
    hub.stop()


def start_checks(address: tuple[str, int], count: int) -> tuple[list[threading.Thread], list[int]]:
    statuses: list[int] = []

    def one(number: int) -> None:
        status, _, body = get(address, "GET", f"/api/check?target=org/slow-{number}")
        statuses.append(status if status == 200 else (status, body[:300]))

    threads = [threading.Thread(target=one, args=(n,), daemon=True) for n in range(count)]
    for thread in threads:
        thread.start()
    return threads, statuses


@pytest.mark.slow
def test_cached_pages_are_answered_while_checks_are_blocked(slow_hub: HubServer) -> None:
    app = create_app(check_limit=100, check_workers=2, check_queue=2, check_budget=120)
    with running(app) as address:
        threads, statuses = start_checks(address, 4)
        def blocked() -> bool:
            blocked.__doc__ = f"hub {slow_hub.active}, pool {app.state.pool.in_flight}, {statuses}"
            return slow_hub.active == 2 and app.state.pool.in_flight == 4

        wait_until(blocked, "two checks held by the Hub and two waiting")
        for path in ("/", "/models/llama-2", "/api/models/llama-2", "/static/style.css",
                     "/badge/llama-2.svg"):
            assert get(address, "GET", path)[0] == 200, path
        assert slow_hub.active == 2 and not statuses  # the checks were still blocked
        status, headers, body = get(address, "GET", "/api/check?target=org/slow-5")
        assert status == 429  # the queue is full
        assert int(headers["retry-after"]) >= 1 and "busy" in body
        form = get(address, "GET", "/check")
        assert form[0] == 200
        slow_hub.release()
        for thread in threads:
            thread.join(timeout=60)
        assert sorted(statuses) == [200, 200, 200, 200]
        assert app.state.pool.in_flight == 0


@pytest.mark.slow
def test_a_check_over_its_budget_is_answered_503(slow_hub: HubServer) -> None:
    app = create_app(check_limit=100, check_workers=1, check_queue=0, check_budget=1)
    with running(app) as address:
        status, headers, body = get(address, "GET", "/api/check?target=org/slow-0")
        assert status == 503
        assert "took longer than 1 s" in body and int(headers["retry-after"]) >= 1
        # the abandoned check keeps its place until it ends: the pool stays bounded
        assert app.state.pool.in_flight == 1
        assert get(address, "GET", "/api/check?target=org/slow-1")[0] == 429
        slow_hub.release()
        wait_until(lambda: app.state.pool.in_flight == 0, "the abandoned check ended")
        assert get(address, "GET", "/api/check?target=org/slow-1")[0] == 200


@pytest.mark.slow
def test_the_form_answers_503_over_the_budget(slow_hub: HubServer) -> None:
    app = create_app(check_limit=100, check_workers=1, check_queue=0, check_budget=1)
    with TestClient(app) as client:
        answer = client.post("/check", data={"target": "org/slow-2"})
        assert answer.status_code == 503 and "took longer than" in answer.text
        slow_hub.release()


# -- Hub failures ------------------------------------------------------------------------

def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


@pytest.mark.parametrize("endpoint", [f"http://127.0.0.1:{closed_port()}",
                                      "http://hub.opengauge-test.invalid"],
                         ids=["refused", "dns-failure"])
def test_an_unreachable_hub_is_503_without_its_address(endpoint: str, monkeypatch) -> None:
    monkeypatch.setenv("OPENGAUGE_HUB_ENDPOINT", endpoint)
    with TestClient(create_app(check_limit=100, warm=False)) as client:
        answer = client.get("/api/check", params={"target": "org/model"})
        assert answer.status_code == 503
        assert "Hub unreachable" in answer.json()["error"]["message"]
        texts = [answer.text]
        if "127.0.0.1" in endpoint:  # the form too (once: each costs the Hub client's retries)
            form = client.post("/check", data={"target": "org/model"})
            assert form.status_code == 503 and "Hub unreachable" in form.text
            texts.append(form.text)
        for text in texts:
            assert endpoint not in text and "127.0.0.1" not in text and ".invalid" not in text


@pytest.mark.parametrize(("status", "headers", "expected"), [
    (403, {}, 502),  # an error the Hub should not send: bad gateway
    (429, {"Retry-After": "3600"}, 503),  # the Hub asks to wait longer than a check may
])
def test_hub_errors_are_502_or_503_without_its_address(status: int, headers: dict[str, str],
                                                        expected: int, monkeypatch) -> None:
    hub = HubServer()
    hub.add_model("org/model", {"README.md": CARD})
    hub.fault("/api/models/org/model", "status", status=status, headers=headers, times=100)
    hub.start()
    url = hub.url
    monkeypatch.setenv("OPENGAUGE_HUB_ENDPOINT", url)
    try:
        with TestClient(create_app(check_limit=100, warm=False)) as client:
            answer = client.get("/api/check", params={"target": "org/model"})
            form = client.post("/check", data={"target": "org/model"})
    finally:
        hub.stop()
    assert answer.status_code == expected and form.status_code == expected
    for text in (answer.text, form.text):
        assert url not in text and "127.0.0.1" not in text and "injected" not in text


def test_a_missing_hub_repository_is_404_without_the_hub_address(monkeypatch) -> None:
    hub = HubServer().start()
    url = hub.url
    monkeypatch.setenv("OPENGAUGE_HUB_ENDPOINT", url)
    try:
        with TestClient(create_app(check_limit=100, warm=False)) as client:
            answer = client.get("/api/check", params={"target": "nobody/nothing"})
    finally:
        hub.stop()
    assert answer.status_code == 404 and "nobody/nothing" in answer.text
    assert url not in answer.text and "127.0.0.1" not in answer.text


@pytest.mark.parametrize(("message", "status"), [
    ("Hub http://10.0.0.2: model_info a/b failed after 5 attempts: timed out after 10 s", 504),
    ("Hub http://10.0.0.2: model_info a/b failed after 5 attempts: ConnectError: [Errno 111] "
     "Connection refused", 503),
    ("Hub http://10.0.0.2: model_info a/b: HTTP 429; asked to wait 3600 s (more than 60 s)", 503),
    ("Hub http://10.0.0.2: HTTP 418: I'm a teapot", 502),
])
def test_hub_failures_are_classified_with_plain_messages(message: str, status: int) -> None:
    failure = HubFailure.of(NetworkError(message))
    assert failure.status == status
    assert "10.0.0.2" not in str(failure) and "http" not in str(failure)


# -- no dependence on the server's file system -------------------------------------------

def test_answers_do_not_depend_on_the_working_directory(app_client, tmp_path: Path,
                                                        monkeypatch) -> None:
    targets = ["no-such-model", "llama-2", "README.md"]
    before = [app_client.get("/api/check", params={"target": t}) for t in targets]
    for target in targets:
        (tmp_path / target).mkdir()
    monkeypatch.chdir(tmp_path)
    after = [app_client.get("/api/check", params={"target": t}) for t in targets]
    assert [a.status_code for a in before] == [a.status_code for a in after] == [404, 200, 404]
    assert before[0].json()["error"] == after[0].json()["error"]
    assert app_client.post("/check", data={"target": "llama-2"}).status_code == 200


# -- HEAD ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/leaderboard/osai", "/leaderboard/osai.csv", "/models",
                                  "/models/llama-2", "/models/Llama%202", "/compare?models=llama-2,olmo",
                                  "/frameworks", "/frameworks/osai", "/check", "/badge/llama-2.svg",
                                  "/static/app.js", "/api/models/llama-2", "/api/frameworks",
                                  "/api/ranking?framework=osai", "/api/check?target=llama-2",
                                  "/api/openapi.json", "/no-such-page", "/models/no-such-model"])
def test_head_answers_wherever_get_does(app_client, path: str) -> None:
    got = app_client.get(path, follow_redirects=False)
    head = app_client.head(path, follow_redirects=False)
    assert head.status_code == got.status_code != 405
    assert head.headers.get("content-type") == got.headers.get("content-type")
    assert head.content == b""


# -- paths given to serve ------------------------------------------------------------------

PAGES = ["/", "/models", "/models/my-model", "/models/llama-2", "/compare?models=my-model,llama-2",
         "/frameworks", "/frameworks/osai", "/check", "/leaderboard/osai.csv", "/api/models",
         "/api/models/my-model", "/api/frameworks", "/api/frameworks/osai", "/api/ranking",
         "/api/check?target=my-model", "/no-such-page", "/models/nothing-like-it"]


@pytest.mark.parametrize("given", ["absolute", "environment"])
@pytest.mark.slow
def test_paths_given_to_serve_are_never_shown(own_catalog: Path, given: str, monkeypatch) -> None:
    if given == "environment":
        monkeypatch.setenv("OPENGAUGE_CATALOG", str(own_catalog))
        app = create_app(check_limit=1000)
    else:
        app = create_app(str(own_catalog), check_limit=1000)
    secret = own_catalog.name
    with TestClient(app) as client:
        for path in PAGES:
            for encoding in ("gzip", "identity"):
                answer = client.get(path, headers={"accept-encoding": encoding})
                assert secret not in answer.text, (path, encoding)
        form = client.post("/check", data={"target": "my-model"})
        assert form.status_code == 200 and secret not in form.text
        home = client.get("/").text
        assert f"own:{HIDDEN}" in home  # the footer still says there are own records
        assert client.get("/models/my-model").status_code == 200


@pytest.mark.slow  # builds the whole static site
def test_a_relative_catalog_folder_is_hidden_and_nothing_else(own_catalog: Path, tmp_path: Path,
                                                              monkeypatch) -> None:
    from opengauge.web.site import build

    monkeypatch.chdir(own_catalog.parent)
    relative = own_catalog.name
    with TestClient(create_app(relative, check_limit=1000, warm=False)) as client:
        home = client.get("/").text
    assert str(own_catalog) not in home and f"own:{HIDDEN}" in home
    assert "European Open Source AI Index" in home  # ordinary text untouched
    build(tmp_path / "site", relative)
    for page in (tmp_path / "site").rglob("*.html"):
        assert str(own_catalog) not in page.read_text(encoding="utf-8"), page
    assert f"own:{HIDDEN}" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
