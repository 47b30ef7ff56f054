"""`serve` renders nothing before its first request; the rest is warmed after the first answer."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from opengauge.web.app import AfterFirstAnswer, WarmAfterFirst, create_app, serve


def test_the_warm_job_waits_for_the_first_answer_and_runs_once() -> None:
    ran: list[str] = []
    done = threading.Event()
    warmer = AfterFirstAnswer(lambda: (ran.append(threading.current_thread().name), done.set()))
    app = create_app(warm=False)
    app.add_middleware(WarmAfterFirst, warmer=warmer)
    with TestClient(app) as client:
        assert ran == [] and not warmer.started.is_set()  # nothing before the first request
        assert client.get("/frameworks").status_code == 200
        assert done.wait(10)
        client.get("/frameworks")
    assert ran == ["opengauge-warm"]



def test_after_first_runs_after_the_first_answer_even_without_warming() -> None:
    done = threading.Event()
    app = create_app(warm=False, after_first=done.set)
    with TestClient(app) as client:
        assert not done.is_set()
        assert client.get("/check").status_code == 200
        assert done.wait(10)


@pytest.mark.slow
def test_serve_collects_cycles_only_after_its_first_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cycle collector is off while `serve` starts and answers its first request, on after."""
    import uvicorn

    seen: dict[str, bool] = {}

    def run(app: Any, **_: Any) -> None:  # stands in for uvicorn's server loop
        seen["at start"] = gc.isenabled()
        with TestClient(app) as client:
            assert client.get("/").status_code == 200
            seen["after the first answer"] = wait_until(gc.isenabled, 120)

    monkeypatch.setattr(uvicorn, "run", run)
    try:
        serve(port=0)
    finally:
        gc.unfreeze()
        gc.enable()
    assert seen == {"at start": False, "after the first answer": True}


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.slow
def test_the_first_page_loads_neither_the_license_analyzer_nor_the_findings() -> None:
    """`/` needs the catalog, the ranking and the templates; the analyzer (its index and
    clause rules) and the report findings wait for the pages that use them."""
    program = ("import sys\n"
               "from fastapi.testclient import TestClient\n"
               "from opengauge.web.app import create_app\n"
               "with TestClient(create_app(warm=False)) as client:\n"
               "    assert client.get('/').status_code == 200\n"
               "print(' '.join(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=120, check=True)
    loaded = set(done.stdout.split())
    assert {"opengauge.catalog.ranking", "opengauge.licenses.curated_family"} <= loaded
    assert not {"opengauge.licenses.analyze", "opengauge.licenses.index", "opengauge.assess.findings",
                "opengauge.sources.dossier"} & loaded
