"""Read YAML files keeping the line of every mapping key, for evidence and error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from opengauge.errors import BadInput
from opengauge.limits import MAX_YAML_BYTES, MAX_YAML_NODES, read_regular

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


def expanded_nodes(root: yaml.Node, budget: int) -> int | None:
    """Nodes in the document once every alias is expanded; None beyond `budget`, -1 when an
    alias refers to a node that contains it (recursive). Linear in the composed graph: each distinct node
    is sized once, an alias reuses its size."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            children = _children(node)
            total = 1 + sum(sizes[id(child)] for child in children)
            if total > budget:
                return None
            sizes[key] = total
            continue
        if key in sizes:
            continue
        if key in open_nodes:
            return -1
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def parse_yaml(text: str, path: str, max_nodes: int = MAX_YAML_NODES) -> YamlDoc:
    """Parse `text` (named `path` in messages); a syntax error names the file and line.

    Aliases are expanded only while the document stays within `max_nodes` nodes (a
    "billion laughs" file is refused before anything is built)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        size = expanded_nodes(node, max_nodes) if node is not None else 0
        if size is None:
            raise BadInput(f"{path}: YAML over the {max_nodes}-node limit once aliases are "
                           "expanded; refused")
        if size < 0:
            raise BadInput(f"{path}: YAML alias refers to a node that contains it; refused")
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = exc.problem or exc.context or "invalid YAML"
        raise BadInput(f"{path}{line}: invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise BadInput(f"{path}: invalid YAML: {exc}") from None
    except RecursionError:
        raise BadInput(f"{path}: invalid YAML: nested too deeply") from None
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
        raw, more = read_regular(path, MAX_YAML_BYTES, name)
    except OSError as exc:
        raise BadInput(f"{name}: cannot read: {exc.strerror or exc}") from None
    if more:
        raise BadInput(f"{name}: over the {MAX_YAML_BYTES}-byte limit for a YAML file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{name}: not UTF-8 text (byte {exc.start})") from None
    return parse_yaml(text, name)
