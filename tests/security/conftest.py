"""Fixtures for the hostile-input tests: a local Hub client and hostile files built here."""

from __future__ import annotations

import struct

import pytest

from opengauge.sources.hub import HubClient, HubOptions


@pytest.fixture
def client(hub, store):
    def make(**options) -> HubClient:
        defaults = {"endpoint": hub.url, "token": False, "offline": False, "timeout": 2.0,
                    "retries": 0, "backoff": 0.0}
        return HubClient(HubOptions(**{**defaults, **options}), store, sleep=lambda _: None)
    return make


def gguf_string(text: str) -> bytes:
    data = text.encode()
    return struct.pack("<Q", len(data)) + data


def gguf(entries: list[bytes], kv_count: int | None = None, tensors: int = 0,
         tail: bytes = b"") -> bytes:
    """A GGUF v3 header with the given raw metadata entries (and a claimed key count)."""
    count = len(entries) if kv_count is None else kv_count
    return b"GGUF" + struct.pack("<IQQ", 3, tensors, count) + b"".join(entries) + tail


def gguf_u8(key: str, value: int = 1) -> bytes:
    return gguf_string(key) + struct.pack("<IB", 0, value)


def gguf_u8_array(key: str, count: int) -> bytes:
    return gguf_string(key) + struct.pack("<IIQ", 9, 0, count) + bytes(count)


def gguf_text(key: str, text: str) -> bytes:
    return gguf_string(key) + struct.pack("<I", 8) + gguf_string(text)
