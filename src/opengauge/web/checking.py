"""The "check a model" form and `/api/check`: what a server accepts, and how often.

A server checks Hub ids (`organisation/name`) and catalog names only, never a path on the
server's disk: anything with path syntax is refused, a Hub id is passed on as
`hub:organisation/name` and anything else is a catalog name, so no answer depends on the
server's file system (the same target gets the same answer wherever the server runs).
Hub ids are assessed automatically (`AUTOMATIC_HUB_CHECKS`; switched off, they get a clear
"not available" answer, HTTP 501). The Hub asked is the server's `$OPENGAUGE_HUB_ENDPOINT`
or `$HF_ENDPOINT` (default the public Hub), with its answers cached in the server's store.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from opengauge import api
from opengauge.assess.report import Report
from opengauge.errors import BadInput, NetworkError, NotFound, OpengaugeError
from opengauge.filenames import written_as_path

_log = logging.getLogger("opengauge.web")

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
    """Written as a local path, or anything else this server refuses to resolve: dot names,
    `..`, NUL, a drive-like prefix, a URL. (A bare file name is looked up as a catalog name.)"""
    if written_as_path(text) or text.startswith(".") or "\0" in text or ".." in text:
        return True
    if re.match(r"^[A-Za-z]:", text) or "://" in text:
        return True
    return any(part in ("..", ".") for part in text.split("/"))


def run_check(target: str, own: api.Own = None, store: Any = None) -> Report:
    """The report for an accepted target (raises BadInput, NotFound, NotAvailable or
    HubFailure). A server passes its one session, whose store its concurrent checks share (or
    a catalog folder and a `store`)."""
    kind = classify(target)
    if kind == "hub":
        if not AUTOMATIC_HUB_CHECKS:
            raise NotAvailable(f"'{target.strip()}': automatic assessment of Hub repositories is "
                               "not available on this server; catalog names (for example llama-2) "
                               "can be checked")
        repo_id = target.strip()
        try:
            return api.check_target("hub:" + repo_id, own, allow_paths=False, store=store)
        except NetworkError as error:
            _log.warning("Hub failure while checking %s: %s", repo_id, error)  # details: log only
            raise HubFailure.of(error) from None
        except NotFound as error:
            if "Hub model" in str(error):
                raise NotFound(f"Hub model '{repo_id}' not found (private and gated repositories "
                               "cannot be checked on this server)") from None
            raise NotFound(_without_endpoint(str(error))) from None
    return api.check(target.strip(), own=own)


def _without_endpoint(message: str) -> str:
    from opengauge.sources.hub import HubOptions

    return message.replace(HubOptions().resolved_endpoint(), "the Hub")


class HubFailure(OpengaugeError):
    """The Hub failed during a web check: a plain message and an HTTP status (502/503/504),
    never the Hub endpoint or the underlying error text (they may name internal hosts)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status

    @classmethod
    def of(cls, error: NetworkError) -> HubFailure:
        """504 when the Hub did not answer in time, 503 when it cannot be reached (DNS failure,
        refused or reset connection, offline) or asks to wait, 502 for any other failure."""
        from opengauge.sources.hub import HubUnreachable

        text = str(error).lower()
        if isinstance(error, HubUnreachable):
            return cls(503, "Hub unreachable: this server cannot reach the Hugging Face Hub "
                       "right now; try again later")
        if any(word in text for word in _TIMEOUT_WORDS):
            return cls(504, "the Hugging Face Hub did not answer in time; try again later")
        if any(word in text for word in _UNREACHABLE_WORDS):
            return cls(503, "Hub unreachable: this server cannot reach the Hugging Face Hub "
                       "right now; try again later")
        if any(word in text for word in _BUSY_WORDS):
            return cls(503, "the Hugging Face Hub is busy; try again later")
        return cls(502, "the Hugging Face Hub answered with an error; try again later")


_TIMEOUT_WORDS = ("timed out", "timeout", "deadline")
_UNREACHABLE_WORDS = ("could not be reached", "cannot connect", "connecterror", "connection refused",
                      "name or service", "name resolution",
                      "nodename", "getaddrinfo", "unreachable", "offline", "remoteprotocolerror",
                      "readerror", "connection reset", "networkerror", "no route")
_BUSY_WORDS = ("http 429", "http 503", "asked to wait")


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
