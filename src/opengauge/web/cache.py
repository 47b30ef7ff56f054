"""Answers kept per URL: the catalog does not change while a server runs."""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from starlette.responses import Response


class PageCache:
    """Rendered answers by key, least recently used out first, within a byte budget;
    the gzip form is kept beside the plain bytes."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024,
                 scrub: Callable[[str], str] | None = None) -> None:
        self.max_bytes = max_bytes
        self.scrub = scrub or (lambda text: text)
        """Applied to every answer before it is stored (hides the server's paths)."""
        self.used = 0
        self._pages: OrderedDict[Any, tuple[bytes, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any, build: Callable[[], str]) -> tuple[bytes, bytes]:
        """The answer for `key`, built (outside the lock) on first use."""
        with self._lock:
            found = self._pages.get(key)
            if found is not None:
                self._pages.move_to_end(key)
                return found
        body = self.scrub(build()).encode("utf-8")
        entry = (body, gzip.compress(body, compresslevel=6, mtime=0))
        with self._lock:
            if key not in self._pages:
                self._pages[key] = entry
                self.used += len(body) + len(entry[1])
            while self.used > self.max_bytes and len(self._pages) > 1:
                _, (old, packed) = self._pages.popitem(last=False)
                self.used -= len(old) + len(packed)
        return entry

    def response(self, accept_encoding: str, key: Any, build: Callable[[], str], media_type: str) -> Response:
        """The cached answer for `key` (built on first use), gzip-compressed when accepted."""
        body, packed = self.get(key, build)
        if "gzip" in accept_encoding:
            return Response(packed, media_type=media_type,
                            headers={"content-encoding": "gzip", "vary": "Accept-Encoding"})
        return Response(body, media_type=media_type, headers={"vary": "Accept-Encoding"})
