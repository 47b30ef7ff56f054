"""Bounded reads of untrusted binary headers, from a local file or a remote byte range.

Header parsers read through a `Cursor`: every read is checked against the file size and a byte
budget before anything is allocated, so a header that claims 2^63 bytes fails at once.
"""

from __future__ import annotations

import os
import struct
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

from opengauge.errors import BadInput
from opengauge.limits import open_regular


class HeaderError(BadInput):
    """A weights header that is malformed, truncated or lies about its sizes."""


class ByteSource(ABC):
    """Random access to the bytes of one file; `size` is None when unknown."""

    name: str
    size: int | None
    bytes_read: int = 0
    """Bytes read from the file so far (for per-check budgets)."""

    @abstractmethod
    def read_at(self, offset: int, length: int) -> bytes:
        """Up to `length` bytes at `offset` (fewer only at the end of the file)."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release any resource held."""


class FileSource(ByteSource):
    """A local file read with positioned reads (never mapped, never read whole)."""

    def __init__(self, path: Path, name: str | None = None) -> None:
        self.path = path
        self.name = name or str(path)
        try:
            self._fd = open_regular(path, self.name)
            self.size = os.fstat(self._fd).st_size
        except OSError as exc:
            raise BadInput(f"{self.name}: cannot read: {exc.strerror or exc}") from None

    def read_at(self, offset: int, length: int) -> bytes:
        chunks: list[bytes] = []
        while length > 0:
            try:
                chunk = os.pread(self._fd, min(length, 1 << 24), offset)
            except OSError as exc:
                raise BadInput(f"{self.name}: cannot read: {exc.strerror or exc}") from None
            if not chunk:
                break
            chunks.append(chunk)
            self.bytes_read += len(chunk)
            offset += len(chunk)
            length -= len(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> FileSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class BytesSource(ByteSource):
    """Bytes already in memory (tests and fuzzing)."""

    def __init__(self, data: bytes, name: str = "<bytes>") -> None:
        self.data = data
        self.name = name
        self.size = len(data)

    def read_at(self, offset: int, length: int) -> bytes:
        return self.data[offset:offset + length]


class Cursor:
    """Sequential, bounds-checked, buffered reads from a ByteSource within a byte budget."""

    CHUNK = 1 << 20

    def __init__(self, source: ByteSource, what: str, budget: int, offset: int = 0,
                 byteorder: str = "<") -> None:
        self.source = source
        self.what = what
        self.offset = offset
        self.limit = offset + budget
        self.order = byteorder
        self._buf = b""
        self._buf_start = 0

    def fail(self, message: str) -> HeaderError:
        return HeaderError(f"{self.source.name}: {self.what}: {message}")

    @property
    def remaining(self) -> int:
        """Bytes that may still be read (the smaller of budget and file end)."""
        end = self.limit if self.source.size is None else min(self.limit, self.source.size)
        return max(0, end - self.offset)

    def need(self, length: int, field: str) -> None:
        """Fail unless `length` more bytes may be read for `field`."""
        if length < 0:
            raise self.fail(f"{field}: negative length {length}")
        end = self.offset + length
        size = self.source.size
        if size is not None and end > size:
            raise self.fail(f"{field} needs {length} bytes at offset {self.offset} but the file "
                            f"ends at {size} (truncated or lying header)")
        if end > self.limit:
            raise self.fail(f"{field} needs {length} bytes at offset {self.offset}, beyond the "
                            f"{self.limit}-byte header limit")

    def read(self, length: int, field: str) -> bytes:
        self.need(length, field)
        start = self.offset - self._buf_start
        if start < 0 or start + length > len(self._buf):
            want = max(length, min(self.CHUNK, self.limit - self.offset))
            if self.source.size is not None:
                want = max(length, min(want, self.source.size - self.offset))
            self._buf = self.source.read_at(self.offset, want)
            self._buf_start = self.offset
            start = 0
        data = self._buf[start:start + length]
        if len(data) != length:
            raise self.fail(f"{field}: file ends at offset {self.offset + len(data)} "
                            f"(expected {length} bytes)")
        self.offset += length
        return data

    def skip(self, length: int, field: str) -> None:
        self.need(length, field)
        self.offset += length

    def strings(self, count: int, field: str, keep: int, max_keep_bytes: int) -> list[str]:
        """Walk `count` length-prefixed strings; return the first `keep` (short ones only)."""
        unpack_from = struct.Struct(self.order + "Q").unpack_from
        kept: list[str] = []
        index = 0
        while index < count:
            buf, pos = self._buf, self.offset - self._buf_start
            if pos >= 0:
                end = len(buf)
                while index < count and pos + 8 <= end:
                    after = pos + 8 + unpack_from(buf, pos)[0]
                    if after > end:
                        break
                    if index < keep and after - pos - 8 <= max_keep_bytes:
                        kept.append(buf[pos + 8:after].decode("utf-8", errors="replace"))
                    pos = after
                    index += 1
                self.offset = self._buf_start + pos
            if index < count:  # the next string crosses the buffer: take the checked path
                length = self.unpack("Q", f"{field}[{index}] length")
                data = self.read(length, f"{field}[{index}]") if length <= max_keep_bytes else None
                if data is None:
                    self.skip(length, f"{field}[{index}]")
                elif index < keep:
                    kept.append(data.decode("utf-8", errors="replace"))
                index += 1
        return kept

    def unpack(self, fmt: str, field: str) -> Any:
        code = self.order + fmt
        return struct.unpack(code, self.read(struct.calcsize(code), field))[0]
