"""Fixtures for the web tests: isolated user folders, an own catalog, apps and a live server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from opengauge import api

CRITERIA = ["datasources_basemodel", "datasources_endmodel", "weights_basemodel", "weights_endmodel",
            "trainingcode", "code", "hardware_architecture", "preprint", "paper", "modelcard",
            "datasheet", "licenses"]
HOSTILE_NAME = '<script>window.__xss = 1</script>Evil<img src=x onerror="window.__xss=2">'
HOSTILE_NOTE = '"><img src=x onerror=alert(1)> <script>alert(2)</script>'


def record_yaml(name: str, org: str, note: str, link: str, level: str = "open",
                license_name: str = "Apache-2.0", model_type: str = "text") -> str:
    """One record in the EU index format (as an own-catalog file)."""
    def q(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    lines = ["system:", f"    name: {q(name)}", f"    link: {q(link)}", f"    type: {model_type}",
             f"    endmodellicense: {q(license_name)}", f"    notes: {q(note)}", "org:",
             f"    name: {q(org)}", f"    link: {q(link)}", f"    notes: {q(note)}"]
    for ref in CRITERIA:
        lines += [f"{ref}:", f"    class: {level}", f"    link: {q(link)}", f"    notes: {q(note)}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory,
                          monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Caches and data in a temporary folder; no own catalog unless a test sets one."""
    base = tmp_path_factory.getbasetemp()
    monkeypatch.setenv("OPENGAUGE_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("OPENGAUGE_DATA_DIR", str(base / "data"))
    monkeypatch.delenv("OPENGAUGE_CATALOG", raising=False)
    api.reset()
    yield
    api.reset()


@pytest.fixture(scope="session")
def hostile_text() -> dict[str, str]:
    """The hostile strings the hostile record carries."""
    return {"name": HOSTILE_NAME, "note": HOSTILE_NOTE}


@pytest.fixture(scope="session")
def hostile_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An own catalog whose one record carries markup, event handlers and a javascript: link."""
    folder = tmp_path_factory.mktemp("hostile-catalog")
    (folder / "xss-model.yaml").write_text(
        record_yaml(HOSTILE_NAME, '<b onmouseover="window.__xss=3">Org</b>', HOSTILE_NOTE,
                    "javascript:window.__xss=4", license_name="<svg onload=alert(5)>"),
        encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def own_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An own catalog with one plain record, in a folder whose name must never be shown."""
    folder = tmp_path_factory.mktemp("srv-private-records")
    (folder / "my-model.yaml").write_text(record_yaml("My Model", "Org", "a note",
                                                      "https://example.org"), encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def app_client():
    """A TestClient of the app over the bundled catalog (built once; it is read-only)."""
    from fastapi.testclient import TestClient

    from opengauge.web.app import create_app

    os.environ.pop("OPENGAUGE_CATALOG", None)
    api.reset()
    with TestClient(create_app(check_limit=1000)) as client:
        yield client


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.stderr.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server did not answer {url} within {timeout} s")


def start_server(env_extra: dict[str, str], tmp: Path) -> tuple[subprocess.Popen, str]:
    """`opengauge serve` on a free loopback port, as a user runs it."""
    port = free_port()
    env = {**os.environ, "OPENGAUGE_CACHE_DIR": str(tmp / "cache"),
           "OPENGAUGE_DATA_DIR": str(tmp / "data"), **env_extra}
    if "OPENGAUGE_CATALOG" not in env_extra:
        env.pop("OPENGAUGE_CATALOG", None)
    process = subprocess.Popen(
        [sys.executable, "-c", "from opengauge.cli import main; main()", "serve",
         "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/api/frameworks", process)
    except Exception:
        process.kill()
        raise
    return process, base


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stderr:
        process.stderr.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn server (`opengauge serve`) over the bundled catalog."""
    process, base = start_server({}, tmp_path_factory.mktemp("server"))
    yield base
    stop_server(process)


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory: pytest.TempPathFactory, hostile_catalog: Path) -> Iterator[str]:
    """A real server whose catalog includes the hostile own record."""
    process, base = start_server({"OPENGAUGE_CATALOG": str(hostile_catalog)},
                                 tmp_path_factory.mktemp("hostile-server"))
    yield base
    stop_server(process)
