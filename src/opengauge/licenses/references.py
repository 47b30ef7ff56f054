"""Reference statements: a license named rather than included.

- `SPDX-License-Identifier: MIT OR Apache-2.0` lines (parsed with `license-expression`);
- `license:` (and `license_name:`) in a model card's YAML front matter, with Hugging Face
  license ids;
- notices such as "Llama 3.1 is licensed under the Llama 3.1 Community License" or "released
  under the Apache License, Version 2.0".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from opengauge import frontmatter
from opengauge.licenses.lazyre import Lazy
from opengauge.licenses.names import resolve
from opengauge.licenses.registry import Registry
from opengauge.licenses.sentences import Sentence

_SPDX_LINE = Lazy(r"SPDX-License-Identifier:\s*([^\n\r*#]+?)\s*(?:\*/|-->|#|$)", re.MULTILINE)
_NAME = r"(?:[^.;:()\[\]\"]|\.(?=\d))"
_NOTICE = Lazy(
    r"\b(?:licensed|released|distributed|made\s+available|available|provided|published|governed|"
    r"covered|offered)\s+(?:solely\s+|exclusively\s+)?under\s+(?:the\s+terms\s+(?:and\s+conditions\s+)?of\s+)?"
    r"(?:the\s+|an?\s+)?\"?(?P<name>" + _NAME + r"{2,90}?)\"?(?=\s*(?:,\s*(?:copyright|all\s+rights|see|"
    r"which|as|and\s+(?:is|are|may|you|its))|\.(?!\d)|[;:()\[\]]|\s+as\s+published|\s+(?:copyright|which|"
    r"found|available|at|by|with|see|for|from|unless|except|in|on|that|to|here|and\s+(?:the|its|is|are|"
    r"may))\b)|\s*$)")
_LICENSE_WORD = Lazy(r"\b(?:licen[cs]e|agreement|terms|policy|[a-z]+-\d|cc[- ]by|cc0|gpl|mit|"
                           r"bsd|apache|mpl|openrail|rail)\b")


@dataclass(slots=True)
class Reference:
    """A license named in the text."""

    target: str | None
    """A registry key, `family:<id>`, or None when the statement names no license (`other`)."""
    line: int
    statement: str
    via: str
    """`spdx-identifier`, `front-matter` or `notice`."""
    exact: bool = True


@dataclass(slots=True)
class Unresolved:
    """A reference statement whose license is not in the registry."""

    statement: str
    line: int
    via: str


def resolve_id(value: str, registry: Registry, names: Mapping[str, list[str]]
               ) -> str | Literal[False] | None:
    """A Hub id, SPDX id, key, alias or license name -> key or `family:<id>`.

    Returns None for Hub ids that name no license (`other`, `unknown`) and False when the
    value is not known at all.
    """
    value = value.strip()
    if not value:
        return False
    hub = registry.hub.get(value.lower())
    if hub is not None:
        return _hub_target(hub.kind, hub.target)
    entry = registry.get(value)
    if entry is not None:
        return entry.key
    found = resolve(value, names)
    if found is None:
        return False
    target = found.targets[0]
    if target.startswith("hub:"):
        hub = registry.hub[target[4:]]
        return _hub_target(hub.kind, hub.target)
    return target


def _hub_target(kind: str, target: str | None) -> str | None:
    if kind == "family":
        return f"family:{target}"
    return target if kind == "key" else None


def _front_matter(text: str) -> frontmatter.FrontMatter | None:
    """The YAML front matter of a model card; None when absent or unreadable."""
    try:
        return frontmatter.read(text)
    except frontmatter.FrontMatterError:
        return None


def _spdx(text: str, registry: Registry) -> tuple[list[Reference], list[Unresolved]]:
    found: list[Reference] = []
    unresolved: list[Unresolved] = []
    if "SPDX-License-Identifier" not in text:
        return found, unresolved
    for match in _SPDX_LINE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        expression = match.group(1).strip()
        from license_expression import ExpressionError, Licensing

        try:
            keys = Licensing().license_keys(Licensing().parse(expression))
        except (ExpressionError, ValueError, TypeError):
            unresolved.append(Unresolved(match.group(0).strip(), line, "spdx-identifier"))
            continue
        for key in keys:
            entry = registry.get(key)
            if entry is None:
                unresolved.append(Unresolved(f"SPDX-License-Identifier: {key}", line, "spdx-identifier"))
            else:
                found.append(Reference(entry.key, line, match.group(0).strip(), "spdx-identifier"))
    return found, unresolved


def _card(text: str, registry: Registry, names: Mapping[str, list[str]]
          ) -> tuple[list[Reference], list[Unresolved]]:
    parsed = _front_matter(text)
    if parsed is None:
        return [], []
    data = parsed.data
    values = data.get("license")
    values = values if isinstance(values, list) else [values] if values else []
    found: list[Reference] = []
    unresolved: list[Unresolved] = []
    for value in values:
        line = parsed.line("license") or 1
        target = resolve_id(str(value), registry, names)
        if target is None:
            name = data.get("license_name")
            if name:
                line = parsed.line("license_name") or line
                target = resolve_id(str(name), registry, names)
                value = f"{value} (license_name: {name})"
            if not target:
                unresolved.append(Unresolved(f"license: {value}", line, "front-matter"))
                continue
        if target is False:
            unresolved.append(Unresolved(f"license: {value}", line, "front-matter"))
            continue
        found.append(Reference(target, line, f"license: {value}", "front-matter"))
    return found, unresolved


def _notices(sentences: list[Sentence], registry: Registry, names: Mapping[str, list[str]],
             skip: set[int]) -> tuple[list[Reference], list[Unresolved]]:
    found: list[Reference] = []
    unresolved: list[Unresolved] = []
    for sentence in sentences:
        if sentence.start in skip or "under" not in sentence.plain:
            continue
        for match in _NOTICE.finditer(sentence.plain):
            name = match.group("name").strip(" \"'*_,")
            if not _LICENSE_WORD.search(name):
                continue
            target = resolve_id(name, registry, names)
            if target:
                found.append(Reference(target, sentence.start, sentence.text, "notice", False))
            elif target is False:
                unresolved.append(Unresolved(sentence.text, sentence.start, "notice"))
    return found, unresolved


def find(text: str, sentences: list[Sentence], registry: Registry, names: Mapping[str, list[str]],
         covered: set[int]) -> tuple[list[Reference], list[Unresolved]]:
    """References outside the `covered` lines (those of license texts found in full)."""
    found: list[Reference] = []
    unresolved: list[Unresolved] = []
    card_lines: set[int] = set()
    for part in (_spdx(text, registry), _card(text, registry, names)):
        found += part[0]
        unresolved += part[1]
    parsed = _front_matter(text)
    if parsed is not None:
        card_lines = set(range(1, parsed.body_line))
    more = _notices(sentences, registry, names, covered | card_lines)
    found += more[0]
    unresolved += more[1]
    found = [r for r in found if r.line not in covered]
    unresolved = [u for u in unresolved if u.line not in covered]
    return found, unresolved
