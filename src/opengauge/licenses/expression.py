"""SPDX license expressions mean what they say (issue 11, item 5).

- `A AND B`: both bind; their findings add up.
- `A OR B`: a choice; the answer follows the more permissive branch (open source before
  unknown before not open source; then fewer findings that conflict with the OSD) and names the
  other choices.
- `A WITH E`: the license and its exception both bind; the exception's text is read like any
  license text (an exception usually adds permissions, so it rarely adds a finding).

Each license of the expression is evaluated once (`Part`), then combined along the tree that
`license-expression` parses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from opengauge.licenses.clauses import Finding
from opengauge.licenses.verdict import Verdict, decide


@dataclass
class Part:
    """What one license (or a combination) contributes to the verdict."""

    findings: list[Finding] = field(default_factory=list)
    flags: list[bool] = field(default_factory=list)
    granted: set[str] = field(default_factory=set)
    """Rights granted (AND: those every license grants)."""
    notes: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    """The license ids that bind (those of the chosen branch of each OR)."""

    def verdict(self) -> Verdict:
        return decide(list(self.findings), list(self.flags), set(self.granted))


def parse(identifier: str) -> Any:
    """The parsed expression (a `license-expression` object); ValueError when it is none."""
    from license_expression import ExpressionError, Licensing

    try:
        return Licensing().parse(identifier)
    except (ExpressionError, ValueError, TypeError) as error:
        raise ValueError(str(error)) from error


def _rank(part: Part) -> tuple[int, int]:
    """Smaller is more permissive: (verdict order, OSD-conflicting findings)."""
    value = part.verdict().open_source
    order = 0 if value is True else 1 if value is None else 2
    return order, sum(1 for f in part.findings if f.osd)


def _and(parts: list[Part]) -> Part:
    combined = Part()
    rights: set[str] | None = None
    for part in parts:
        combined.findings += [f for f in part.findings if f not in combined.findings]
        combined.flags += part.flags
        rights = set(part.granted) if rights is None else rights & part.granted
        combined.notes += part.notes
        combined.keys |= part.keys
    combined.granted = rights or set()
    return combined


def evaluate(node: Any, leaf: Callable[[str], Part]) -> Part:
    """The combined `Part` of an expression tree; `leaf(key)` evaluates one license id."""
    from license_expression import AND, OR, LicenseSymbol, LicenseWithExceptionSymbol

    if isinstance(node, LicenseWithExceptionSymbol):
        return _and([leaf(node.license_symbol.key), leaf(node.exception_symbol.key)])
    if isinstance(node, LicenseSymbol):
        found = leaf(node.key)
        return Part(found.findings, found.flags, found.granted, found.notes, {node.key})
    if isinstance(node, AND):
        return _and([evaluate(arg, leaf) for arg in node.args])
    if isinstance(node, OR):
        branches = [(str(arg), evaluate(arg, leaf)) for arg in node.args]
        name, chosen = min(branches, key=lambda b: _rank(b[1]))
        others = [n for n, _ in branches if n != name]
        value = chosen.verdict().open_source
        label = {True: "open source", False: "not open source", None: "unknown"}[value]
        result = Part(list(chosen.findings), list(chosen.flags), set(chosen.granted),
                      notes=[*chosen.notes, f"{node} is a choice: the answer follows {name} "
                                            f"({label}); the other choice: {', '.join(others)}"],
                      keys=set(chosen.keys))
        return result
    return Part()
