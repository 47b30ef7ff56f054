"""Reading what the user hands over: files, folders, standard input; any bytes at all.

Text is decoded from UTF-8 (with or without a byte-order mark), UTF-16/32 with a BOM, and
otherwise Windows-1252 (with a warning). Bytes with NUL characters and no UTF-16/32 BOM are
binary: not a license text. Only the first `MAX_BYTES` are read, so a huge input costs
bounded time and memory.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from opengauge.errors import BadInput, NotFound
from opengauge.licensenames import LICENSE_WORDS  # noqa: F401 (the one rule, shared with check)

MAX_BYTES = 2 * 1024 * 1024
CARD_NAMES = ("readme", "model_card", "modelcard", "model-card")
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox",
             ".mypy_cache", ".pytest_cache", "site-packages"}
MAX_FILES = 10_000
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass
class Decoded:
    """Text decoded from bytes, with what the reader had to do."""

    text: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, name: str, size: int | None = None) -> Decoded:
    """The text of `data` (the first MAX_BYTES of a file called `name`, `size` bytes long).

    BadInput when the bytes are binary.
    """
    warnings: list[str] = []
    size = len(data) if size is None else size
    if size > MAX_BYTES:
        warnings.append(f"only the first {MAX_BYTES // (1024 * 1024)} MB of {size / 1e6:.1f} MB "
                        "were analyzed")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), warnings)
    if b"\0" in data[:8192]:
        raise BadInput(f"{name}: binary file, not a license text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if size > MAX_BYTES and error.start >= len(data) - 4:
            text = data[: error.start].decode("utf-8")
        else:
            try:
                text = data.decode("cp1252")
                warnings.append(f"{name} is not UTF-8; read as Windows-1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
                warnings.append(f"{name} is not UTF-8; read as Latin-1")
    controls = len(_CONTROL.findall(text, 0, 8192))
    if controls > max(8, len(text[:8192]) // 20):
        raise BadInput(f"{name}: binary file, not a license text")
    return Decoded(text, warnings)


def read_file(path: Path) -> Decoded:
    """Decode a file; NotFound when missing, BadInput when unreadable or binary."""
    from opengauge.limits import open_regular

    try:
        with os.fdopen(open_regular(path), "rb") as handle:  # FIFOs and devices refused
            size = os.fstat(handle.fileno()).st_size
            data = handle.read(MAX_BYTES)
    except FileNotFoundError as error:
        raise NotFound(f"{path}: no such file") from error
    except IsADirectoryError as error:
        raise BadInput(f"{path}: is a folder") from error
    except OSError as error:
        raise BadInput(f"{path}: cannot read ({error.strerror or error})") from error
    return decode(data, str(path), size)


def is_license_like(path: Path) -> bool:
    """Whether a file is a license, notice or use policy by the one rule shared with `check`
    (`opengauge.licensenames`: its name, or an extension-less top-level text that reads as a
    license), or a model card."""
    from opengauge import licensenames

    name = path.name.lower()
    if licensenames.is_license_name(path.name) or any(word in name for word in CARD_NAMES):
        return True
    if not licensenames.is_extensionless(path.name):
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(licensenames.CONTENT_BYTES)
    except OSError:
        return False
    return licensenames.reads_as_license(head.decode("utf-8", "replace"))


def license_files(folder: Path) -> list[Path]:
    """Every license-like file under `folder` (recursively, sorted, at most MAX_FILES)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if is_license_like(path) and path.is_file() and _inside(folder, path):
                found.append(path)
                if len(found) >= MAX_FILES:
                    return found
    return found


def _inside(folder: Path, path: Path) -> bool:
    """A file whose symlinks stay within `folder` (one that leaves it is not read)."""
    from opengauge.limits import inside

    return inside(folder, path)
