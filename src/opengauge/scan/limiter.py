"""The rate limiter every scan worker obeys: separate budgets of API calls and file downloads
per sliding window, held once per scan (a Dask actor) so all workers draw from one budget.

A grant is a timestamp; a request is granted only while fewer than `budget` grants of its kind
fall in the last `window` seconds (widened by `margin` so that arrival jitter at the Hub cannot
fit budget + 1 requests into one of its windows). A 429 pauses every kind until its Retry-After.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from opengauge.errors import BadInput
from opengauge.sources.hub import HubClient, HubDataset, HubModel, HubOptions
from opengauge.store import Store

KINDS = ("api", "download")
FREE = {"api": 1000, "download": 5000}
WINDOW = 300.0


@dataclass(frozen=True)
class Budgets:
    """Requests allowed per window, by kind (defaults: a free Hub account's)."""

    api: int = FREE["api"]
    download: int = FREE["download"]
    window: float = WINDOW

    def __post_init__(self) -> None:
        if self.api < 1 or self.download < 1:
            raise BadInput("--api-budget and --download-budget must be at least 1 request")
        if not self.window > 0:
            raise BadInput("--window must be a positive number of seconds")


class SlidingWindow:
    """Grants requests within the budgets (run as a Dask actor, or in-process)."""

    def __init__(self, api: int, download: int, window: float, margin: float = 0.05) -> None:
        self.budgets = {"api": api, "download": download}
        self.window = window * (1 + margin) + 0.05
        self.granted: dict[str, deque[float]] = {k: deque() for k in KINDS}
        self.paused_until = 0.0
        self.total = dict.fromkeys(KINDS, 0)

    def take(self, kind: str) -> float:
        """0.0 when one request of `kind` is granted now, else the seconds to wait first."""
        now = time.monotonic()
        if now < self.paused_until:
            return self.paused_until - now
        grants = self.granted[kind]
        while grants and grants[0] <= now - self.window:
            grants.popleft()
        if len(grants) < self.budgets[kind]:
            grants.append(now)
            self.total[kind] += 1
            return 0.0
        return grants[0] + self.window - now

    def pause(self, seconds: float) -> None:
        """Grant nothing for `seconds` (the Hub said 429 with Retry-After)."""
        self.paused_until = max(self.paused_until, time.monotonic() + seconds)

    def totals(self) -> dict[str, int]:
        return dict(self.total)


def _value(answer: Any) -> Any:
    """An actor call's value (a Dask ActorFuture) or a plain method's."""
    return answer.result() if hasattr(answer, "result") and callable(answer.result) else answer


class Limiter:
    """A worker's handle on the shared SlidingWindow (an actor proxy or a local instance)."""

    def __init__(self, window: Any, sleep: Callable[[float], None] = time.sleep) -> None:
        self.window = window
        self.sleep = sleep

    def acquire(self, kind: str) -> None:
        while True:
            wait = float(_value(self.window.take(kind)))
            if wait <= 0:
                return
            self.sleep(min(wait, 1.0))

    def pause(self, seconds: float) -> None:
        _value(self.window.pause(seconds))


class LimitedClient(HubClient):
    """A HubClient whose every HTTP request first takes a token of its kind from the Limiter:
    model and dataset info are API calls, files and byte ranges are downloads. Retries (429
    with Retry-After, 5xx) are HubClient's, each attempt paying for its token."""

    def __init__(self, options: HubOptions, store: Store, limiter: Limiter | None) -> None:
        super().__init__(options, store, sleep=limiter.sleep if limiter else time.sleep)
        self.limiter = limiter
        self.kind = "api"

    def _call(self, call: Callable[[], Any]) -> Any:
        from opengauge.sources.hub import _Retry

        if self.limiter is not None:
            self.limiter.acquire(self.kind)
        try:
            return super()._call(call)
        except _Retry as retry:
            if self.limiter is not None and retry.wait is not None:
                self.limiter.pause(retry.wait)
            raise

    def model_info(self, repo_id: str, revision: str | None = None) -> tuple[HubModel, bool]:
        self.kind = "api"
        return super().model_info(repo_id, revision)

    def dataset_info(self, repo_id: str) -> tuple[HubDataset | None, bool]:
        self.kind = "api"
        return super().dataset_info(repo_id)

    def file(self, *args: Any, **kwargs: Any) -> Any:
        self.kind = "download"
        return super().file(*args, **kwargs)

    def range(self, *args: Any, **kwargs: Any) -> Any:
        self.kind = "download"
        return super().range(*args, **kwargs)
