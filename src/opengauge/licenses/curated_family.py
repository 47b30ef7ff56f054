"""License families from the catalog's curated license strings, for filtering leaderboards.

The curated datasets name licenses in free text ("Apache 2.0", "MIT License", "Llama 2
Community License Agreement", "Unclear", ...). This groups those strings into a few families a
reader can filter by. It is a display grouping, not a license analysis: it never says whether a
license is open source (the license analyzer and the frameworks' `licenses` ratings do that).
"""

from __future__ import annotations

import re

UNKNOWN = "unknown or unclear"
SEVERAL = "several licenses"
OTHER = "other bespoke license"

# (family, pattern) in order: the first pattern that matches the folded string names the family.
FAMILIES: tuple[tuple[str, str], ...] = (
    ("Apache-2.0", r"^apache(-| |\b)(license )?(2(\.0)?)?( license)?( \(model weights only\))?$"),
    ("MIT", r"^mit( license)?$"),
    ("BSD", r"^bsd\b"),
    ("GPL family", r"\b(a?gpl|general public license)\b"),
    ("Creative Commons non-commercial or no-derivatives",
     r"\b(cc|creative commons)[ -]?by[ -]?(sa[ -]?)?(nc|nd)\b|noncommercial|non-commercial"),
    ("Creative Commons BY / BY-SA", r"^(cc|creative commons)[ -]?by([ -]sa)?([ -]\d(\.\d)?)?( license)?$"),
    ("Llama / Meta community license", r"\bllama\b|\bmeta( llama \d)? community licen[cs]e\b"),
    ("RAIL family", r"\brail\b|\bopen ?rail"),
    ("Gemma terms of use", r"\bgemma\b"),
)

_UNKNOWN_WORDS = frozenset({"unknown", "unclear", "na", "n/a", "undisclosed", "none",
                            "purposely left ambiguous"})
_SEVERAL = re.compile(r"\band\b(?! conditions)|,|;| \+ |^(mixed|various)$")


def _fold(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).casefold()


def family(license_name: str | None) -> str:
    """The family of a curated license string ('Apache 2.0' -> 'Apache-2.0')."""
    if license_name is None or not license_name.strip():
        return UNKNOWN
    folded = _fold(license_name)
    if folded in _UNKNOWN_WORDS or folded.startswith("unknown"):
        return UNKNOWN
    if _SEVERAL.search(folded):
        return SEVERAL
    for name, pattern in FAMILIES:
        if re.search(pattern, folded):
            return name
    return OTHER


def names() -> list[str]:
    """Every family name, in display order."""
    return [name for name, _ in FAMILIES] + [OTHER, SEVERAL, UNKNOWN]
