"""The "check a model" form and `/api/check`: what a server accepts, and how often.

A server checks Hub ids (`organisation/name`) and catalog names only, never a path on the
server's disk: anything with path syntax, or naming an existing file or folder, is refused, and
a Hub id is passed on as `hub:organisation/name`, so it can never resolve to a local path.
Hub ids are assessed automatically (`AUTOMATIC_HUB_CHECKS`; switched off, they get a clear
"not available" answer, HTTP 501). The Hub asked is the server's `$OPENGAUGE_HUB_ENDPOINT`
or `$HF_ENDPOINT` (default the public Hub), with its answers cached in the server's store.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from opengauge import api
from opengauge.errors import BadInput, OpengaugeError
from opengauge.model import Report

MAX_TARGET_LENGTH = 200
MAX_FORM_BYTES = 2048
AUTOMATIC_HUB_CHECKS = True
"""Hub ids are assessed automatically (`api.check_target`); False answers them with HTTP 501."""

HUB_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,95}/[A-Za-z0-9][A-Za-z0-9_.-]{0,95}$")
CATALOG_NAME = re.compile(r"^[\w][\w .,:+()'-]{0,199}$")


class NotAvailable(OpengaugeError):
    """A check this server cannot run yet (answered with HTTP 501)."""


class Limited(Exception):
    """A request refused before it reaches the API (too large, too frequent, wrong type)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


def classify(target: str) -> str:
    """`hub` or `catalog` for an acceptable target; BadInput naming the problem otherwise."""
    text = target.strip()
    if not text:
        raise BadInput("target: enter a Hub id (organisation/name) or a catalog name")
    if len(text) > MAX_TARGET_LENGTH:
        raise BadInput(f"target: at most {MAX_TARGET_LENGTH} characters")
    if _looks_like_path(text):
        raise BadInput("target: local paths are not checked on this server; enter a Hub id "
                       "(organisation/name) or a catalog name, or run `opengauge check PATH` "
                       "on your own machine")
    if "/" in text:
        if not HUB_ID.match(text) or ".." in text or "--" in text:
            raise BadInput(f"target: '{text[:60]}' is not a Hub id (expected organisation/name)")
        return "hub"
    if not CATALOG_NAME.match(text):
        raise BadInput(f"target: '{text[:60]}' is not a catalog name (letters, digits, spaces "
                       "and . , : + ( ) ' - only)")
    return "catalog"


def _looks_like_path(text: str) -> bool:
    if text.startswith(("/", "~", ".", "\\")) or "\\" in text or "\0" in text or ".." in text:
        return True
    if re.match(r"^[A-Za-z]:", text) or text.count("/") > 1 or "://" in text:
        return True
    if any(part in ("..", ".") for part in text.split("/")):
        return True
    try:
        return Path(text).exists()
    except (OSError, ValueError):
        return True


def run_check(target: str, own: str | None = None) -> Report:
    """The report for an accepted target (raises BadInput, NotFound or NotAvailable)."""
    kind = classify(target)
    if kind == "hub":
        if not AUTOMATIC_HUB_CHECKS:
            raise NotAvailable(f"'{target.strip()}': automatic assessment of Hub repositories is "
                               "not available on this server; catalog names (for example llama-2) "
                               "can be checked")
        return api.check_target("hub:" + target.strip(), own, allow_paths=False)
    return api.check(target.strip(), own=own)


@dataclass
class RateLimiter:
    """At most `limit` requests per `window` seconds per client (a sliding window)."""

    limit: int = 10
    window: float = 60.0
    max_clients: int = 10_000
    _seen: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def retry_after(self, client: str, now: float | None = None) -> int:
        """0 when `client` may go ahead (and counts the request), else seconds to wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._seen) >= self.max_clients and client not in self._seen:
                self._forget_idle(now)
            hits = self._seen.setdefault(client, deque())
            while hits and hits[0] <= now - self.window:
                hits.popleft()
            if len(hits) >= self.limit:
                return max(1, int(hits[0] + self.window - now + 0.999))
            hits.append(now)
            return 0

    def _forget_idle(self, now: float) -> None:
        for client in [c for c, hits in self._seen.items() if not hits or hits[-1] <= now - self.window]:
            del self._seen[client]
        if len(self._seen) >= self.max_clients:
            self._seen.clear()


def enforce_rate(limiter: RateLimiter, client: str) -> None:
    """Limited (HTTP 429 with Retry-After) when `client` has used up its checks."""
    wait = limiter.retry_after(client)
    if wait:
        raise Limited(429, f"too many checks from this address; try again in {wait} s",
                      {"retry-after": str(wait)})
