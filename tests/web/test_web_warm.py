"""`serve` renders nothing before its first request; the rest is warmed after the first answer."""

from __future__ import annotations

import threading

from fastapi.testclient import TestClient

from opengauge.web.app import AfterFirstAnswer, WarmAfterFirst, create_app


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

