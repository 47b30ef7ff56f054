"""The contract every evidence source follows.

A `Source` knows one place facts come from (the card, license files, config.json, weights
headers, the Hub API, ...). It reads a `Repository` (a local folder or file, or a Hub repo,
behind one interface) and adds facts with their Evidence to a `Facts` bundle. A source never
decides a rating: frameworks do that from the bundle. A source that cannot read something
records a Problem and carries on; only the target itself being unreadable is an error.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from opengauge.model import Evidence, Locator
from opengauge.sources.bytesource import ByteSource
from opengauge.sources.facts import (
    CardFacts,
    Fact,
    Facts,
    HubFacts,
    LicenseFile,
    Link,
    Problem,
    RelatedRepo,
    Section,
    WeightFile,
    WeightsFacts,
)

__all__ = [
    "CardFacts", "Fact", "Facts", "HubFacts", "LicenseFile", "Link", "Problem", "RelatedRepo",
    "RepoFile", "Repository", "Section", "Source", "WeightFile", "WeightsFacts",
]


LFS_POINTER = b"version https://git-lfs.github.com/spec/"


@dataclass(frozen=True, slots=True)
class RepoFile:
    """A file in a repository: its path relative to the root (POSIX) and size if known."""

    name: str
    size: int | None = None


class Repository(ABC):
    """The files of one model release, local or on the Hub, read in bounded pieces."""

    kind: ClassVar[str]
    label: str
    truncated: bool = False

    @abstractmethod
    def files(self) -> list[RepoFile]:
        """Every file found (bounded: `truncated` tells whether the listing stopped early)."""

    @abstractmethod
    def read(self, name: str, limit: int) -> tuple[bytes, bool] | None:
        """Up to `limit` bytes of `name` and whether there was more; None when it is absent."""

    @abstractmethod
    def open(self, name: str) -> ByteSource:
        """Random access to `name` for header parsers."""

    @abstractmethod
    def locate(self, name: str, line: int | None = None, field: str | None = None) -> Locator:
        """Where `name` (at `line`, `field`) can be seen: a file path or a URL."""

    def find(self, *names: str) -> RepoFile | None:
        """The first top-level file matching one of `names` (case-insensitive)."""
        by_name = {f.name.lower(): f for f in self.files() if "/" not in f.name}
        for name in names:
            if name.lower() in by_name:
                return by_name[name.lower()]
        return None

    def evidence(self, source: str, name: str, line: int | None = None,
                 field: str | None = None, quote: str | None = None,
                 note: str | None = None) -> Evidence:
        return Evidence(source, self.locate(name, line, field), quote, note)


def read_text(repo: Repository, name: str, limit: int, source: str,
              facts: Facts) -> tuple[str, bool] | None:
    """Text of `name` (UTF-8, at most `limit` bytes) and whether it was cut; problems recorded."""
    found = repo.read(name, limit)
    if found is None:
        return None
    data, truncated = found
    if truncated:
        facts.problem(source, f"{name}: only the first {limit} bytes were read",
                      repo.evidence(source, name), kind="truncated")
    if data.startswith(LFS_POINTER):
        facts.problem(source, f"{name}: is a Git LFS pointer, not the file (run `git lfs pull`)",
                      repo.evidence(source, name, quote=data[:200].decode("utf-8", "replace")),
                      kind="lfs-pointer")
        return None
    text = data.decode("utf-8", errors="replace")
    if "\ufffd" in text and b"\xef\xbf\xbd" not in data:
        facts.problem(source, f"{name}: not valid UTF-8; undecodable bytes were replaced",
                      repo.evidence(source, name), kind="encoding")
    return text, truncated


class Source(ABC):
    """One place facts come from. `collect` adds facts (with Evidence) to `facts`."""

    name: ClassVar[str]

    @abstractmethod
    def collect(self, repo: Repository, facts: Facts) -> None:
        """Read what this source knows from `repo` into `facts`; record problems, don't raise
        for a single unreadable file (BadInput is for a target that cannot be read at all)."""
