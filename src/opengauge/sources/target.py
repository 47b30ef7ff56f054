"""What the user pointed at: a local path, a Hub repository or a catalog name.

Resolution order for a bare argument: an existing path (folder, `.gguf`, `.safetensors`,
`*.safetensors.index.json`) wins; then `org/name[@revision]` (or a huggingface.co URL) is a Hub
id; anything else is a catalog name. The prefixes `path:`, `hub:` and `catalog:` force the choice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, overload
from urllib.parse import unquote, urlsplit

from opengauge.errors import BadInput, NotFound
from opengauge.filenames import looks_like_path
from opengauge.limits import special_kind

TargetKind = Literal["path", "hub", "catalog"]
PathKind = Literal["folder", "gguf", "safetensors", "index"]

PREFIXES = ("path:", "hub:", "catalog:")
HUB_HOSTS = ("huggingface.co", "hf.co", "www.huggingface.co")
NOT_MODELS = ("datasets", "spaces", "docs", "blog", "papers", "api", "collections", "organizations")

_PART = re.compile(r"[A-Za-z0-9_.-]{1,96}", re.ASCII)
_REVISION = re.compile(r"[^\s@]{1,255}")


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved target; exactly one of path, repo_id or name is set."""

    kind: TargetKind
    text: str
    path: Path | None = None
    path_kind: PathKind | None = None
    repo_id: str | None = None
    revision: str | None = None
    name: str | None = None

    @property
    def label(self) -> str:
        """How reports name the target."""
        if self.kind == "hub":
            return f"{self.repo_id}@{self.revision}" if self.revision else str(self.repo_id)
        if self.kind == "path":
            return str(self.path)
        return str(self.name)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "path": str(self.path) if self.path else None,
                "path_kind": self.path_kind, "repo_id": self.repo_id, "revision": self.revision,
                "name": self.name}


def is_repo_id(text: str) -> bool:
    """True for `namespace/name` following the Hub's naming rules."""
    parts = text.split("/")
    return len(parts) == 2 and all(_valid_part(p) for p in parts)


def is_hub_name(text: str) -> bool:
    """True for a Hub repository id, `namespace/name` or a legacy `name` without namespace."""
    parts = text.split("/")
    return 1 <= len(parts) <= 2 and all(_valid_part(p) for p in parts)


def _valid_part(part: str) -> bool:
    return (_PART.fullmatch(part) is not None and part[0] not in "-." and part[-1] not in "-."
            and "--" not in part and ".." not in part and not part.endswith(".git"))


def path_kind(path: Path) -> PathKind | None:
    """What an existing path is as a target, or None when it is no supported kind."""
    if path.is_dir():
        return "folder"
    name = path.name.lower()
    if name.endswith(".safetensors.index.json"):
        return "index"
    if name.endswith(".safetensors"):
        return "safetensors"
    if name.endswith(".gguf"):
        return "gguf"
    return None


def resolve_target(text: str) -> Target:
    """Resolve a command-line target; BadInput (exit 2) or NotFound (exit 3) with one clear line."""
    raw = text.strip()
    if not raw:
        raise BadInput("target is empty: give a folder, a .gguf/.safetensors file, org/name or a "
                       "catalog name")
    for prefix in PREFIXES:
        if raw.startswith(prefix):
            rest = raw[len(prefix):].strip()
            if not rest:
                raise BadInput(f"target '{raw}': nothing after '{prefix}'")
            if prefix == "path:":
                return _path_target(raw, Path(rest).expanduser())
            if prefix == "hub:":
                return _hub_target(raw, rest, forced=True)
            return Target("catalog", raw, name=rest)
    path = Path(raw).expanduser()
    if _exists(path):
        return _path_target(raw, path)
    hub = _hub_target(raw, raw, forced=False)
    if hub is not None:
        return hub
    if "://" in raw:
        raise BadInput(f"target '{raw}': only huggingface.co model URLs are understood "
                       "(https://huggingface.co/org/name)")
    if looks_like_path(raw):
        raise NotFound(f"target '{raw}': no such file or folder")
    return Target("catalog", raw, name=raw)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long for the file system, for example
        return False


def _path_target(raw: str, path: Path) -> Target:
    if not _exists(path):
        raise NotFound(f"target '{raw}': no such file or folder")
    try:
        special = None if path.is_dir() else special_kind(path)
    except OSError as exc:
        raise BadInput(f"target '{raw}': cannot read: {exc.strerror or exc}") from None
    if special is not None:
        raise BadInput(f"target '{raw}': is {special}, not a regular file or folder; refused")
    kind = path_kind(path)
    if kind is None:
        raise BadInput(f"target '{raw}': expected a folder, a .gguf or .safetensors file, or a "
                       "*.safetensors.index.json index")
    return Target("path", raw, path=path, path_kind=kind)


@overload
def _hub_target(raw: str, text: str, *, forced: Literal[True]) -> Target: ...
@overload
def _hub_target(raw: str, text: str, *, forced: bool) -> Target | None: ...
def _hub_target(raw: str, text: str, *, forced: bool) -> Target | None:
    """The Hub target `text` names; None, or BadInput when `forced` (a `hub:` prefix)."""
    repo, revision = _split_hub(text)
    if repo is not None and is_repo_id(repo) and (revision is None or _REVISION.fullmatch(revision)):
        return Target("hub", raw, repo_id=repo, revision=revision)
    if forced:
        raise BadInput(f"target '{raw}': expected a Hub id 'org/name' or 'org/name@revision' "
                       "(letters, digits, '-', '_', '.')")
    return None


def _split_hub(text: str) -> tuple[str | None, str | None]:
    """`org/name@rev` or a huggingface.co URL (with `/tree/rev`) -> (repo id, revision)."""
    if "://" in text:
        parts = urlsplit(text)
        if parts.hostname not in HUB_HOSTS:
            return None, None
        segments = [unquote(s) for s in parts.path.split("/") if s]
        if len(segments) < 2 or segments[0] in NOT_MODELS:
            return None, None
        revision = segments[3] if len(segments) >= 4 and segments[2] == "tree" else None
        return f"{segments[0]}/{segments[1]}", revision
    repo, sep, revision = text.partition("@")
    if sep and not revision:
        return None, None
    return repo, (revision or None)
