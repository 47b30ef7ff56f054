"""The server's own paths are never shown to visitors.

`serve --catalog DIR` (or `$OPENGAUGE_CATALOG`) is read from the server's disk; the data
snapshot of those records names the folder (`own:/srv/records`), which the CLI shows but a
server must not. The app resolves the folder to an absolute path once and every answer is
passed through `PathHider`: the folder's text (as written, HTML-escaped and JSON-escaped) is
replaced by `HIDDEN`. Cached answers are hidden before they are stored; the rest by `HidePaths`.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

HIDDEN = "(folder not shown)"


class PathHider:
    """Replaces the absolute and resolved text of the given folders in an answer (the app and
    the site resolve the folder before use, so that is the text that can appear)."""

    def __init__(self, folders: list[Path]) -> None:
        forms: set[str] = set()
        for folder in folders:
            for form in {os.path.abspath(folder), str(folder.resolve())}:  # never a bare name
                if len(form.strip("/\\")) < 2:  # never blank out "/" everywhere
                    continue
                forms |= {form, html.escape(form), html.escape(form, quote=False),
                          json.dumps(form, ensure_ascii=False)[1:-1], json.dumps(form)[1:-1]}
        self.forms = sorted(forms, key=len, reverse=True)
        self._bytes = [(f.encode("utf-8"), HIDDEN.encode("utf-8")) for f in self.forms]

    def __bool__(self) -> bool:
        return bool(self.forms)

    def text(self, text: str) -> str:
        for form in self.forms:
            if form in text:
                text = text.replace(form, HIDDEN)
        return text

    def data(self, body: bytes) -> bytes:
        for form, hidden in self._bytes:
            if form in body:
                body = body.replace(form, hidden)
        return body


class HidePaths:
    """ASGI middleware: hides the folders in every answer not already hidden (an answer with a
    content-encoding comes from the page cache, which hides before compressing)."""

    def __init__(self, app: Any, hider: PathHider) -> None:
        self.app = app
        self.hider = hider

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not self.hider or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        start: dict | None = None
        parts: list[bytes] = []
        passthrough = False

        async def hiding_send(message: dict) -> None:
            nonlocal start, passthrough
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                if any(k.lower() == b"content-encoding" for k, _ in headers):
                    passthrough = True
                    await send(message)
                else:
                    start = message
                return
            if passthrough or message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            parts.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = self.hider.data(b"".join(parts))
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(body)).encode()))
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body, "more_body": False})

        await self.app(scope, receive, hiding_send)
