"""Escaping of catalog text, no path traversal, and the check form's limits."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from opengauge.errors import BadInput
from opengauge.web import checking
from opengauge.web.app import create_app
from opengauge.web.checking import MAX_FORM_BYTES, RateLimiter, classify


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


@pytest.fixture(scope="module")
def hostile_client(hostile_catalog: Path):
    with TestClient(create_app(str(hostile_catalog), check_limit=1000)) as client:
        yield client


def assert_inert(text: str) -> None:
    """No event handler, no script but ours, no javascript: link, no hostile element."""
    parser = Tags()
    parser.feed(text)
    for tag, attrs in parser.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            assert not (attrs.get(name) or "").strip().lower().startswith(("javascript:", "data:")), attrs
        if tag == "script":
            assert attrs.get("src", "").endswith("/static/app.js"), attrs
        assert tag != "svg" and not (tag == "img" and "src" in attrs and attrs["src"] == "x")
    assert len([t for t, _ in parser.tags if t == "script"]) == 1


@pytest.mark.parametrize("path", ["/", "/leaderboard/osai?q=evil", "/models/xss-model", "/models",
                                  "/compare?models=xss-model&models=llama-2",
                                  "/leaderboard/osai?type=text&sort=name"])
def test_hostile_catalog_text_renders_inert(hostile_client, path: str) -> None:
    answer = hostile_client.get(path)
    assert answer.status_code == 200
    assert_inert(answer.text)
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;Evil" in answer.text


def test_hostile_text_is_shown_escaped_on_the_model_page(hostile_client) -> None:
    html = hostile_client.get("/models/xss-model").text
    assert "&lt;img src=x onerror=&#34;window.__xss=2&#34;&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert '<span class="unsafe-url">javascript:window.__xss=4</span>' in html
    assert "&lt;svg onload=alert(5)&gt;" in html


def test_hostile_text_in_check_report_and_json(hostile_client, hostile_text) -> None:
    form = hostile_client.post("/check", data={"target": "xss-model"})
    assert form.status_code == 200
    assert_inert(form.text)
    body = hostile_client.get("/api/models/xss-model").json()
    assert body["models"][0]["name"] == hostile_text["name"]  # JSON carries the text as it is
    assert hostile_client.get("/api/models/xss-model").headers["content-type"] == "application/json"
    assert hostile_text["note"] in hostile_client.get("/api/check?target=xss-model").text.replace('\\"', '"')


def test_hostile_badge_text_is_escaped(hostile_client, hostile_text) -> None:
    svg = hostile_client.get("/badge/xss-model.svg?framework=osai").text
    root = ET.fromstring(svg)  # well-formed: nothing broke out of the text
    title = root.find("{http://www.w3.org/2000/svg}title").text
    assert title.startswith(hostile_text["name"])
    assert "<script>" not in svg and "&lt;script&gt;" in svg


@pytest.mark.parametrize("path", [
    "/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2f..%2fapi.py",
    "/static/%2e%2e%2fapp.py", "/static//etc/passwd", "/static/..\\..\\app.py",
    "/models/..%2f..%2fetc%2fpasswd", "/models/%2e%2e", "/leaderboard/..%2f..%2fetc%2fpasswd",
    "/leaderboard/..%2fosai.csv", "/frameworks/..%2f..%2fetc%2fpasswd",
    "/badge/..%2f..%2fetc%2fpasswd.svg", "/api/models/..%2f..%2fetc%2fpasswd",
    "/api/frameworks/..%2f__init__.py", "/%2e%2e/%2e%2e/etc/passwd",
])
def test_no_path_traversal_through_routes(app_client, path: str) -> None:
    answer = app_client.get(path)
    assert answer.status_code in (400, 404)
    assert "root:" not in answer.text
    assert "[build-system]" not in answer.text
    assert "def create_app" not in answer.text and "import " not in answer.text


def test_static_files_are_served(app_client) -> None:
    assert app_client.get("/static/app.js").status_code == 200
    assert app_client.get("/static/style.css").headers["content-type"].startswith("text/css")


# -- the check form ----------------------------------------------------------------------

@pytest.mark.parametrize("target", [
    "/etc/passwd", "~/models", "./model", "../model", "C:\\models\\x", "models\\x", "a/b/c",
    "file:///etc/passwd", "https://huggingface.co/org/name", "org/..", "../../etc/passwd", ".",
    "org/na\0me",
])
def test_paths_are_never_checked(app_client, target: str) -> None:
    answer = app_client.post("/check", data={"target": target})
    assert answer.status_code == 400
    assert "local paths are not checked" in answer.text or "is not a Hub id" in answer.text
    assert app_client.get("/api/check", params={"target": target}).status_code == 400


def test_catalog_names_are_checked(app_client) -> None:
    answer = app_client.post("/check", data={"target": "Llama 2"})
    assert answer.status_code == 200
    assert "<h1>Llama 2</h1>" in answer.text
    assert 'href="/models/llama-2"' in answer.text


@pytest.fixture
def local_hub(monkeypatch):
    """A local Hub serving one real card; the app's Hub checks go to it."""

    from hubserver import HubServer
    from reference_data import REFERENCE

    card = REFERENCE / "hub" / "cards" / "TinyLlama__TinyLlama-1.1B-Chat-v1.0" / "README.md"
    if not card.is_file():
        pytest.skip("reference cards not present")
    server = HubServer()
    server.add_model("TinyLlama/TinyLlama-1.1B-Chat-v1.0", {"README.md": card.read_bytes(),
                                                            "model.safetensors": b"\0" * 8})
    llama = card.parent.parent / "meta-llama__Llama-2-7b-chat-hf" / "README.md"
    server.add_model("meta-llama/Llama-2-7b-chat-hf", {"README.md": llama.read_bytes()},
                     gated="manual")
    server.start()
    monkeypatch.setenv("OPENGAUGE_HUB_ENDPOINT", server.url)
    yield server
    server.stop()


def test_hub_ids_are_assessed_automatically(app_client, local_hub) -> None:
    repo = local_hub.repos[("model", "TinyLlama/TinyLlama-1.1B-Chat-v1.0")]
    answer = app_client.post("/check", data={"target": "TinyLlama/TinyLlama-1.1B-Chat-v1.0"})
    assert answer.status_code == 200
    assert f"Assessed revision: <code>{repo.sha}</code>" in answer.text
    assert 'class="prov prov-automatic"' in answer.text
    assert "Permanent page" not in answer.text  # no catalog page for a repository
    api_answer = app_client.get("/api/check", params={"target": "TinyLlama/TinyLlama-1.1B-Chat-v1.0"})
    assert api_answer.status_code == 200
    model = api_answer.json()["models"][0]
    assert model["provenance"]["kind"] == "automatic"
    assert model["frameworks"]["osai"]["provenance"] == "automatic"
    unknown = app_client.get("/api/check", params={"target": "nobody/nothing"})
    assert unknown.status_code == 404


def test_a_hub_id_in_the_catalog_shows_curated_and_automatic(app_client, local_hub) -> None:
    answer = app_client.post("/check", data={"target": "meta-llama/Llama-2-7b-chat-hf"})
    assert answer.status_code == 200
    assert "<h1>Llama 2</h1>" in answer.text
    assert 'class="prov prov-curated"' in answer.text and 'class="prov prov-automatic"' in answer.text
    assert 'id="osai-licenses-automatic"' in answer.text
    assert 'href="/models/llama-2"' in answer.text


def test_a_hub_id_never_reaches_a_local_path(app_client, local_hub, tmp_path, monkeypatch) -> None:
    (tmp_path / "TinyLlama").mkdir()
    monkeypatch.chdir(tmp_path / "TinyLlama")  # "TinyLlama/x" would not exist relative to here
    answer = app_client.get("/api/check", params={"target": "TinyLlama/TinyLlama-1.1B-Chat-v1.0"})
    assert answer.json()["models"][0]["provenance"]["target"]["kind"] == "hub"


def test_hub_ids_get_a_clear_answer_when_switched_off(app_client, monkeypatch) -> None:
    monkeypatch.setattr(checking, "AUTOMATIC_HUB_CHECKS", False)
    answer = app_client.post("/check", data={"target": "meta-llama/Llama-2-7b-hf"})
    assert answer.status_code == 501
    assert "automatic assessment of Hub repositories is not available" in answer.text
    assert app_client.get("/api/check", params={"target": "meta-llama/Llama-2-7b-hf"}).status_code \
        == 501


def test_check_form_size_limits(app_client) -> None:
    too_long = app_client.post("/check", data={"target": "x" * 201})
    assert too_long.status_code == 400 and "at most 200 characters" in too_long.text
    big = app_client.post("/check", content=b"target=" + b"a" * MAX_FORM_BYTES,
                          headers={"content-type": "application/x-www-form-urlencoded"})
    assert big.status_code == 413
    wrong_type = app_client.post("/check", json={"target": "llama-2"})
    assert wrong_type.status_code == 415
    two = app_client.post("/check", content=b"target=a&target=b",
                          headers={"content-type": "application/x-www-form-urlencoded"})
    assert two.status_code == 400
    assert app_client.get("/api/check", params={"target": "x" * 201}).status_code == 400


def test_check_form_rate_limit() -> None:
    with TestClient(create_app(check_limit=3, check_window=60, warm=False)) as client:
        answers = [client.post("/check", data={"target": "llama-2"}) for _ in range(3)]
        assert [a.status_code for a in answers] == [200, 200, 200]
        limited = client.post("/check", data={"target": "llama-2"})
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        assert "too many checks" in limited.text
        api_limited = client.get("/api/check", params={"target": "llama-2"})
        assert api_limited.status_code == 429
        assert client.get("/models/llama-2").status_code == 200  # pages are not limited


def test_rate_limiter_window_slides() -> None:
    limiter = RateLimiter(limit=2, window=10)
    assert limiter.retry_after("a", now=0) == 0
    assert limiter.retry_after("a", now=1) == 0
    assert limiter.retry_after("a", now=2) == 8
    assert limiter.retry_after("b", now=2) == 0
    assert limiter.retry_after("a", now=10.5) == 0


def test_rate_limiter_memory_is_bounded() -> None:
    limiter = RateLimiter(limit=1, window=10, max_clients=100)
    for i in range(1000):
        limiter.retry_after(f"client-{i}", now=float(i))
    assert len(limiter._seen) <= 100


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=240))
def test_classify_never_accepts_path_syntax(text: str) -> None:
    try:
        kind = classify(text)
    except BadInput:
        return
    stripped = text.strip()
    assert kind in ("hub", "catalog")
    assert not stripped.startswith(("/", "~", ".", "\\"))
    assert "\\" not in stripped and ".." not in stripped and "\0" not in stripped
    assert stripped.count("/") == (1 if kind == "hub" else 0)
    assert len(stripped) <= 200
