"""Regular expressions compiled on first use.

Most of the analyzer's patterns are never needed for a given text; compiling them lazily
keeps the first answer of a new process fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


class Lazy:
    """A regular expression compiled on first use."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled().search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled().match(text)

    def findall(self, text: str) -> list[Any]:
        return self.compiled().findall(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text)

    def sub(self, replacement: str, text: str, count: int = 0) -> str:
        return self.compiled().sub(replacement, text, count=count)


def any_of(*patterns: str) -> Lazy:
    """One lazy pattern matching any of `patterns`."""
    return Lazy("|".join(f"(?:{p})" for p in patterns))
