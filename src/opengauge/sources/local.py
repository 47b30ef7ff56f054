"""Local targets: a release folder, or a single weights file, as a Repository.

Folder discovery is bounded: depth, file and folder counts are capped, hidden folders (.git,
.cache, ...) are skipped, and symlinked folders are followed at most once each, so a symlink
loop ends the walk of that branch instead of the program. Only the folder is read: a symlink
that leaves it is not followed, and FIFOs, devices and sockets are never opened (each is a
`folder` problem naming the entry).
"""

from __future__ import annotations

import errno
import os
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from opengauge.errors import BadInput
from opengauge.filenames import WEIGHT_FILE_SUFFIXES, WEIGHT_INDEX_SUFFIXES
from opengauge.limits import inside, read_regular, special_kind
from opengauge.model import Locator
from opengauge.sources.bytesource import FileSource
from opengauge.sources.interface import RepoFile, Repository

SKIP_DIRS = {"__pycache__", "node_modules"}


@dataclass
class WalkLimits:
    max_depth: int = 4
    max_files: int = 10_000
    max_dirs: int = 2_000


@dataclass
class Walk:
    files: list[RepoFile] = field(default_factory=list)
    truncated: bool = False
    notes: list[str] = field(default_factory=list)


def walk(root: Path, limits: WalkLimits | None = None) -> Walk:
    """Files under `root` breadth-first (sorted), within `limits`; loops and errors noted."""
    limits = limits or WalkLimits()
    result = Walk()
    try:
        seen = {os.path.realpath(root)}
        real_root = Path(os.path.realpath(root))
    except OSError as exc:
        raise BadInput(f"{root}: cannot read: {exc.strerror or exc}") from None
    queue: deque[tuple[Path, str, int]] = deque([(root, "", 0)])
    dirs = 0
    while queue:
        folder, prefix, depth = queue.popleft()
        dirs += 1
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            if folder == root:
                raise BadInput(f"{root}: cannot list folder: {exc.strerror or exc}") from None
            result.notes.append(f"{prefix or '.'}: cannot list folder: {exc.strerror or exc}")
            continue
        for entry in entries:
            name = f"{prefix}{entry.name}"
            if entry.is_symlink() and os.path.exists(entry.path) \
                    and not inside(real_root, Path(entry.path)):
                result.notes.append(f"{name}: skipped (symlink that leaves the folder; "
                                    "not followed)")
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
                is_file = not is_dir and entry.is_file(follow_symlinks=True)
            except OSError as exc:
                what = "symlink loop" if exc.errno == errno.ELOOP else (exc.strerror or str(exc))
                result.notes.append(f"{name}: skipped ({what})")
                continue
            if is_dir:
                if entry.name.startswith(".") or entry.name in SKIP_DIRS:
                    continue
                real = os.path.realpath(entry.path)
                if real in seen:
                    result.notes.append(f"{name}: skipped (symlink loop or folder seen before)")
                    continue
                if depth + 1 > limits.max_depth or dirs + len(queue) >= limits.max_dirs:
                    result.truncated = True
                    continue
                seen.add(real)
                queue.append((Path(entry.path), f"{name}/", depth + 1))
            elif is_file:
                if len(result.files) >= limits.max_files:
                    result.truncated = True
                    return result
                try:
                    size = entry.stat(follow_symlinks=True).st_size
                except OSError:
                    size = None
                result.files.append(RepoFile(name, size))
            elif entry.is_symlink() and not os.path.exists(entry.path):
                result.notes.append(f"{name}: skipped (broken symlink)")
            else:
                result.notes.append(f"{name}: skipped ({_special(entry.path)}; only regular "
                                    "files are read)")
    return result


def _special(path: str) -> str:
    try:
        return f"is {special_kind(Path(path)) or 'not a regular file'}"
    except OSError as exc:
        return exc.strerror or str(exc)


class LocalRepository(Repository):
    """A folder (walked boundedly) or chosen files in a folder (a single-file target)."""

    kind = "local"

    def __init__(self, root: Path, only: list[str] | None = None,
                 limits: WalkLimits | None = None) -> None:
        self.root = root
        self.label = str(root)
        self._only = only
        self._asked = set((only or [])[:1])
        """The file the user named (a single-file target): read even through a symlink."""
        self._refused: list[str] = []
        self._limits = limits
        self._walk: Walk | None = None

    def _listing(self) -> Walk:
        if self._walk is None:
            if self._only is not None:
                listing = Walk()
                for name in self._only:
                    if self._refuse(name):
                        continue
                    try:
                        size = (self.root / name).stat().st_size
                    except OSError as exc:
                        raise BadInput(f"{self.root / name}: cannot read: "
                                       f"{exc.strerror or exc}") from None
                    listing.files.append(RepoFile(name, size))
                self._walk = listing
            else:
                self._walk = walk(self.root, self._limits)
            self.truncated = self._walk.truncated
        return self._walk

    def files(self) -> list[RepoFile]:
        return self._listing().files

    @property
    def notes(self) -> list[str]:
        return self._listing().notes + self._refused

    def path(self, name: str) -> Path:
        return self.root / name

    def _refuse(self, name: str) -> bool:
        """Whether `name` leads out of the folder (noted once); the named target never does."""
        if name in self._asked or inside(self.root, self.path(name)):
            return False
        note = f"{name}: skipped (symlink that leaves the folder; not followed)"
        if note not in self._refused:
            self._refused.append(note)
        return True

    def read(self, name: str, limit: int) -> tuple[bytes, bool] | None:
        path = self.path(name)
        if self._refuse(name):
            return None
        try:
            return read_regular(path, limit)
        except (FileNotFoundError, IsADirectoryError):
            return None
        except BadInput as exc:  # a FIFO, device or socket
            self._refused.append(f"{name}: skipped ({str(exc).split(': ')[-1]})")
            return None
        except OSError as exc:
            raise BadInput(f"{path}: cannot read: {exc.strerror or exc}") from None

    def open(self, name: str) -> FileSource:
        if self._refuse(name):
            raise BadInput(f"{self.path(name)}: symlink that leaves the folder; not followed")
        return FileSource(self.path(name), str(self.path(name)))

    def locate(self, name: str, line: int | None = None, field: str | None = None) -> Locator:
        return Locator(file=str(self.path(name)), line=line, field=field)


MODEL_CARDS = ("readme.md", "readme.markdown", "model_card.md", "modelcard.md")
CONFIGS = ("config.json", "adapter_config.json", "params.json", "generation_config.json",
           "model_index.json", "config.yaml")
TOKENIZERS = ("tokenizer.json", "tokenizer.model", "tokenizer_config.json", "vocab.json",
              "vocab.txt", "merges.txt", "spiece.model", "sentencepiece.bpe.model")
LOOKED_FOR = ("a model card (README.md)", "a config (config.json)", "a tokenizer",
              "weights (.safetensors, .bin, .pt, ...)", "a GGUF file", "a license file")


def model_evidence(names: list[str]) -> set[str]:
    """Which kinds of model files `names` hold: card, config or tokenizer (top level or one
    folder down), weights or gguf (up to two folders down), license (a license text at the top
    level or in LICENSES/)."""
    from opengauge.licensenames import license_kind

    found: set[str] = set()
    for name in names:
        depth = name.count("/")
        base = name.rsplit("/", 1)[-1].lower()
        if base in MODEL_CARDS and depth <= 1:
            found.add("card")
        elif base in CONFIGS and depth <= 1:
            found.add("config")
        elif base in TOKENIZERS and depth <= 1:
            found.add("tokenizer")
        elif base.endswith(".gguf") and depth <= 2:
            found.add("gguf")
        elif base.endswith(WEIGHT_FILE_SUFFIXES + WEIGHT_INDEX_SUFFIXES) and depth <= 2:
            found.add("weights")
        elif (depth == 0 and license_kind(name) == "license") or (
                depth == 1 and name.lower().startswith("licenses/")):
            found.add("license")
    return found


def holds_a_model(root: Path) -> bool:
    """Whether a folder holds a model: a card, config, tokenizer, weights or GGUF file within
    two levels (a folder of license files alone does not)."""
    listing = walk(root, WalkLimits(max_depth=2, max_files=2000, max_dirs=200))
    return bool(model_evidence([f.name for f in listing.files]) - {"license"})
