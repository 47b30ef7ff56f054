"""Words shared by the clause reader (`clauses.py`) and can-i (`compliance/rules.py`), defined
once: what makes a use a military one, and the words that limit or forbid."""

from __future__ import annotations

import re

MILITARY = re.compile(
    r"\b(?:military|militar\w*|warfare|weapons?|weaponry|weapon\s+development|munitions?|"
    r"armed\s+forces|arms\s+(?:regulations?|control|trafficking|trade)|itar|"
    r"international\s+traffic\s+(?:in\s+)?arms|nuclear\s+weapons?|combat)\b", re.IGNORECASE)
"""What makes a prohibited use a military one (a `field-of-use` finding gets
`value: {"topics": ["military"]}`; can-i's --military reads the same words)."""

LIMITING_WORDS = frozenset({
    "not", "no", "never", "nor", "cannot", "only", "solely", "exclusively", "except",
    "excluding", "unless", "prohibit", "prohibits", "prohibited", "forbid", "forbids",
    "forbidden", "restrict", "restricts", "restricted", "noncommercial",
    "revocable", "terminate", "terminates",
})
"""Normalized words that, added to a license, may take a right away."""

OBLIGATION_WORDS = frozenset({"must", "shall", "will", "required", "requires", "require",
                              "agree", "agrees"})
"""Words that oblige: with the limiting words, what makes a short line more than a title."""

BINDING_WORDS = LIMITING_WORDS | OBLIGATION_WORDS | {"permitted", "allowed", "commercial", "military"}
"""Words that grant, limit or oblige: a short line holding one is more than a title, and a
copy lacking one of its license's is another text."""


def topics(text: str) -> list[str]:
    """The topics of a prohibited use: ["military"] when it names a military use."""
    return ["military"] if MILITARY.search(text) else []
