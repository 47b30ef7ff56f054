"""The budget of one unit of work on untrusted input, and safe opening of local files.

Every limit here is documented in docs/security.md with what it protects. Exceeding one is
reported as a problem naming the limit (BadInput, exit 2, for a command-line target), never a
hang or a crash. Local files are opened only when they are regular files: FIFOs, devices and
sockets are refused before they are opened (a FIFO would block, /dev/zero never ends).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from opengauge.errors import BadInput

# YAML read by the catalog (records, MOT files): nodes after alias expansion, and file bytes.
MAX_YAML_NODES = 200_000
MAX_YAML_BYTES = 8 << 20
# `check --from FILE` / `export --from FILE`: the target list.
MAX_TARGETS_BYTES = 4 << 20
# Model cards: headings and distinct links kept.
MAX_CARD_HEADINGS = 10_000
MAX_CARD_LINKS = 2_000
# Weights headers (safetensors and GGUF) read in one check, all files together.
MAX_HEADER_BYTES_PER_CHECK = 1 << 30
# GGUF headers: metadata keys, tensors, array elements (all arrays together).
MAX_GGUF_KEYS = 65_536
MAX_GGUF_TENSORS = 65_536
MAX_GGUF_ARRAY_ITEMS = 4_000_000
# Hub: bytes of weights headers fetched by range (and so cached) per file.
MAX_HUB_HEADER_BYTES = 32 << 20
# Hub: seconds of Hub requests one check may spend in all (each request within its deadline).
CHECK_SECONDS = 300.0
# Hub: total seconds for one request (connect, headers and every byte of the body).
HUB_REQUEST_SECONDS = 60.0
# Hub: bytes of one JSON answer (model_info, dataset_info).
MAX_HUB_JSON_BYTES = 32 << 20


def _kind(mode: int) -> str | None:
    """What a non-regular file is, for messages (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def special_kind(path: Path) -> str | None:
    """Why `path` (symlinks followed) must not be opened as a file, or None for a regular one.

    Raises OSError when it cannot be examined (missing, permission)."""
    return _kind(os.stat(path).st_mode)


def open_regular(path: Path, name: str | None = None) -> int:
    """A read-only descriptor on `path`, a regular file; BadInput for anything else.

    The kind is checked before opening and again on the open descriptor (O_NONBLOCK, so a
    FIFO swapped in between cannot block)."""
    label = name or str(path)
    kind = special_kind(path)
    if kind is not None:
        raise BadInput(f"{label}: is {kind}, not a regular file; refused")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    kind = _kind(os.fstat(fd).st_mode)
    if kind is not None:
        os.close(fd)
        raise BadInput(f"{label}: is {kind}, not a regular file; refused")
    return fd


def read_regular(path: Path, limit: int, name: str | None = None) -> tuple[bytes, bool]:
    """Up to `limit` bytes of the regular file `path` and whether there was more.

    OSError (missing, permission) propagates; special files are BadInput."""
    fd = open_regular(path, name)
    try:
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    return data[:limit], len(data) > limit


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, with every symlink resolved, stays within `root` (also resolved)."""
    try:
        real_root = os.path.realpath(root)
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return False
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)
