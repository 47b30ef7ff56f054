"""A bounded pool for web checks: a few worker threads, a queue limit and a time budget.

Checks (which may wait on the Hub) never run on the event loop or in the thread pool that
serves pages, so cached and static pages are answered while checks run. At most
`workers + queue` checks are accepted at once (running or waiting); one more is refused with
HTTP 429 and `Retry-After`. A check not answered within `budget` seconds (waiting included) is
answered 503: if it has not started it is cancelled, otherwise it is abandoned and its thread
finishes on its own (the Hub client's own timeouts bound it), still holding its place, so
abandoned checks can never pile up beyond the limit.
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from opengauge.web.checking import Limited

T = TypeVar("T")

DEFAULT_WORKERS = 4
DEFAULT_QUEUE = 16
DEFAULT_BUDGET = 30.0


class CheckPool:
    """Runs checks on `workers` threads; at most `queue` more wait; each within `budget` s."""

    def __init__(self, workers: int = DEFAULT_WORKERS, queue: int = DEFAULT_QUEUE,
                 budget: float = DEFAULT_BUDGET) -> None:
        if workers < 1 or queue < 0 or budget <= 0:
            raise ValueError("a check pool needs workers >= 1, queue >= 0 and budget > 0")
        self.workers = workers
        self.queue = queue
        self.budget = budget
        self._executor = ThreadPoolExecutor(workers, thread_name_prefix="opengauge-check")
        self._lock = threading.Lock()
        self.in_flight = 0
        """Checks accepted and not finished (running, waiting, or abandoned but running)."""

    def _take(self) -> None:
        with self._lock:
            if self.in_flight >= self.workers + self.queue:
                wait = max(1, math.ceil(self.budget / 2))
                raise Limited(429, f"the server is busy with {self.in_flight} checks; try again in "
                              f"{wait} s", {"retry-after": str(wait)})
            self.in_flight += 1

    def _release(self, _: Future) -> None:
        with self._lock:
            self.in_flight -= 1

    async def run(self, call: Callable[..., T], *args: object) -> T:
        """`call(*args)` on a worker; Limited 429 when full, Limited 503 over the budget."""
        self._take()
        try:
            future = self._executor.submit(call, *args)
        except BaseException:
            self._release(Future())
            raise
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.budget)
        except TimeoutError:
            future.cancel()  # not started: never runs; running: abandoned
            raise Limited(503, f"the check took longer than {self.budget:g} s and was stopped; "
                          "try again later", {"retry-after": str(max(1, math.ceil(self.budget)))}
                          ) from None

    def shutdown(self) -> None:
        """Stop accepting work; running checks are not waited for."""
        self._executor.shutdown(wait=False, cancel_futures=True)
