"""YAML front matter: the `---` fenced block that opens model cards, license files and records.

One reader for every file that may open with front matter:

- `split(text)` finds the fences: None when the text does not open with a `---` line, a
  `Fence` (the YAML, the body and the line each starts on) when it does, `FrontMatterError`
  when the opening fence is never closed. The closing fence is a `---` or `...` line; a leading
  byte-order mark and trailing whitespace on a fence line are allowed; CRLF text keeps its `\\r`s.
- `parse(fence)` reads the YAML as a mapping, with the 1-based line of each top-level key, of
  each item of a top-level list and of each key of a top-level mapping. Aliases are refused and
  the size is capped (the text is untrusted). `FrontMatterError` names the line and the problem.
- `read(text)` does both; `body_of(text)` is the body and its line, without
  reading the YAML.

Lines are counted on `\\n` only, as the rest of opengauge counts them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FRONT_MATTER_BYTES = 1 << 20

KeyPath = tuple[str, ...]


class FrontMatterError(ValueError):
    """Front matter that cannot be read: `line` is where, the message says what."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True, slots=True)
class Fence:
    """The text split at its front-matter fences."""

    yaml: str
    """The YAML between the fences."""
    first_line: int
    """The line the YAML starts on (2)."""
    body: str
    """The text after the closing fence."""
    body_line: int
    """The line the body starts on."""


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Parsed front matter and the body that follows it."""

    data: dict[str, Any]
    body: str
    body_line: int
    lines: dict[KeyPath, int] = field(default_factory=dict)
    """Key path -> line: (key,), (key, index) for list items, (key, sub key) one level down."""

    def line(self, key: str) -> int | None:
        """The line of top-level `key`, if present."""
        return self.lines.get((key,))


def split(text: str) -> Fence | None:
    """The fences of `text`; None without front matter, FrontMatterError when never closed."""
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.lstrip("\ufeff").strip() != "---":
        return None
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return Fence("\n".join(lines[1:index]), 2, "\n".join(lines[index + 1:]), index + 2)
    raise FrontMatterError(1, "front matter opened with '---' on line 1 is never closed")


def parse(fence: Fence) -> FrontMatter:
    """The mapping in `fence` with the line of its keys; FrontMatterError when it is not one."""
    first = fence.first_line
    if len(fence.yaml.encode("utf-8", errors="replace")) > MAX_FRONT_MATTER_BYTES:
        raise FrontMatterError(first, f"over {MAX_FRONT_MATTER_BYTES} bytes")
    try:
        for event in yaml.parse(fence.yaml, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                line = first + event.start_mark.line if event.start_mark else first
                raise FrontMatterError(line, "YAML aliases (*name) are not allowed in card metadata")
        loader = _Loader(fence.yaml)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first + mark.line if mark else first
        raise FrontMatterError(line, f"invalid YAML: {exc.problem or exc.context or 'syntax error'}"
                               ) from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        if isinstance(exc, FrontMatterError):
            raise
        raise FrontMatterError(first, f"invalid YAML: {type(exc).__name__}") from None
    if data is None:
        return FrontMatter({}, fence.body, fence.body_line)
    if not isinstance(data, dict):
        raise FrontMatterError(first, f"expected a mapping of fields, found {type(data).__name__}")
    return FrontMatter(data, fence.body, fence.body_line, _key_lines(node, first) if node is not None else {})


def read(text: str) -> FrontMatter | None:
    """`parse(split(text))`: None when `text` has no front matter."""
    fence = split(text)
    return parse(fence) if fence is not None else None


def body_of(text: str) -> tuple[str, int]:
    """The body of `text` and the line it starts on: (text, 1) without front matter or when
    it is never closed (the YAML is not read)."""
    try:
        fence = split(text)
    except FrontMatterError:
        return text, 1
    return (fence.body, fence.body_line) if fence is not None else (text, 1)


def _key_lines(node: yaml.Node, first: int) -> dict[KeyPath, int]:
    lines: dict[KeyPath, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            lines[(key,)] = first + key_node.start_mark.line
            if isinstance(value_node, yaml.SequenceNode):
                for index, item in enumerate(value_node.value):
                    lines[(key, str(index))] = first + item.start_mark.line
            elif isinstance(value_node, yaml.MappingNode):
                for sub_key, _ in value_node.value:
                    lines[(key, str(sub_key.value))] = first + sub_key.start_mark.line
    return lines
