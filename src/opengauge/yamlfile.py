"""Read YAML files keeping the line of every mapping key, for evidence and error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from opengauge.errors import BadInput

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KeyPath = tuple[str, ...]


@dataclass
class YamlDoc:
    """A parsed YAML document and the 1-based line of each key path in it."""

    data: Any
    path: str
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, *keys: str) -> int | None:
        """The line of the deepest known key along `keys` (falls back to its parents)."""
        for end in range(len(keys), 0, -1):
            found = self.lines.get(tuple(keys[:end]))
            if found is not None:
                return found
        return None

    def fail(self, what: str, *keys: str) -> BadInput:
        """A BadInput naming this file, the field and its line."""
        line = self.line(*keys)
        where = f"{self.path}:{line}" if line else self.path
        name = ".".join(keys)
        return BadInput(f"{where}: field '{name}': {what}" if keys else f"{where}: {what}")


def _walk(node: yaml.Node, prefix: KeyPath, lines: dict[KeyPath, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                path = (*prefix, str(key_node.value))
                lines[path] = key_node.start_mark.line + 1
                _walk(value_node, path, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = (*prefix, str(index))
            lines[path] = item.start_mark.line + 1
            _walk(item, path, lines)


def parse_yaml(text: str, path: str) -> YamlDoc:
    """Parse `text` (named `path` in messages); a syntax error names the file and line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise BadInput(f"{path}{line}: invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise BadInput(f"{path}: invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    lines: dict[KeyPath, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return YamlDoc(data=data, path=path, lines=lines)


def read_yaml(path: Path, display: str | None = None) -> YamlDoc:
    """Read and parse a YAML file; unreadable or undecodable files are BadInput."""
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{name}: not UTF-8 text (byte {exc.start})") from None
    return parse_yaml(text, name)
