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


PLACE_NAMES = ("european union", "eu", "eea", "european economic area", "united kingdom", "uk",
               "south korea", "china", "russia", "iran", "north korea", "cuba", "syria", "crimea",
               "united states", "switzerland", "india", "japan")
"""Places a territorial clause may name (can-i maps each to its ISO codes)."""

MODAL_NOT = (r"(?:will|shall|must|may|can|should)\s+not|cannot|agrees?\s+not\s+to|"
             r"agree\s+that\s+you\s+will\s+not|(?:are|is)\s+not\s+(?:allowed|permitted)\s+to")
"""An obligation verb negated: the wording of a prohibition."""

LIST_MARKER = r"^\s*(?:(?:[-*+•·>]|\(?(?:\d{1,3}|[a-z]|[ivx]{2,5})[.)])\s+)+"
"""A list item's marker (bullet, number, letter or roman numeral), possibly nested."""

PROHIBITION_LEAD_IN = (r"(?:\b(?:will|shall|must|may)\s+not\b|\bagrees?\s+not\s+to\b|\bnot\s+(?:to\s+)?"
                       r"(?:permit|allow)\b|\bprohibited\b)[^.;]*(?::|\bto)\s*$")
"""The end of a sentence that introduces a list of prohibited uses ("You will not, and will
not permit any third party to:"): its items read as "you will not <item>"."""


def _alternatives(words: tuple[str, ...]) -> str:
    """A regular expression matching any of `words` (spaces: any white space; a short code such
    as "eu" only as a whole word, a name also as the start of a longer one: "russian")."""
    def one(word: str) -> str:
        pattern = re.escape(word).replace(r"\ ", r"\s+")
        return rf"\b{pattern}\b" if len(word) <= 3 else pattern
    return "|".join(one(w) for w in sorted(words, key=len, reverse=True))


TERMS: dict[str, str] = {
    "modal_not": MODAL_NOT,
    "places": _alternatives(PLACE_NAMES),
    "military": MILITARY.pattern,
}
"""Vocabulary a rule file's pattern may name as `{name}`."""
