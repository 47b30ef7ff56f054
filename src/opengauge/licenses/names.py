"""License names as people write them: "Apache License, Version 2.0", "CC BY-NC 4.0", ...

A name is reduced to the words that tell licenses apart: lower case, filler words dropped
("the", "license", "agreement", "version"), version numbers without a `v` and without
trailing `.0` (`v2.0` -> `2`), and a few compounds written as one word (`non-commercial`,
`share alike`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
FILLER = frozenset({"the", "a", "an", "license", "licence", "licensed", "licenses", "agreement",
                    "version", "ver", "v", "vers"})
_COMPOUNDS = (
    (re.compile(r"\bnon[\s-]+commercial\b"), "noncommercial"),
    (re.compile(r"\bshare[\s-]+alike\b"), "sharealike"),
    (re.compile(r"\bno[\s-]+derivatives\b"), "noderivatives"),
    (re.compile(r"\bno[\s-]+derivs\b"), "noderivatives"),
    (re.compile(r"\bopen[\s-]+rail\b"), "openrail"),
)
_VERSION = re.compile(r"^v?(\d+(?:\.\d+)*)([a-z]?)$")
_TRAILING_ZERO = re.compile(r"(?:\.0)+$")


def _word(word: str) -> str:
    found = _VERSION.match(word)
    if found:
        number = _TRAILING_ZERO.sub("", found.group(1)) if "." in found.group(1) else found.group(1)
        return number + found.group(2)
    return word


def name_words(name: str) -> list[str]:
    """The distinguishing words of a license name, in order."""
    text = name.lower().replace("licence", "license").replace("++", " plusplus ")
    for pattern, replacement in _COMPOUNDS:
        text = pattern.sub(replacement, text)
    words = []
    for raw in _WORD.findall(text):
        for part in raw.split(".") if not re.fullmatch(r"v?\d+(?:\.\d+)*[a-z]?", raw) else [raw]:
            word = _word(part)
            if word and word not in FILLER:
                words.append(word)
    return words


_YEAR = re.compile(r"^(?:19|20)\d\d$")
EXTRA_OK = frozenset({"creative", "commons", "public", "international", "generic", "unported",
                      "community", "terms", "of", "use", "only", "agreement"})
_NUMBERISH = re.compile(r"^\d+(?:\.\d+)*[a-z]?$")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A license name resolved to registry targets (keys, or `hub:<id>`)."""

    targets: tuple[str, ...]
    exact: bool


def resolve(phrase: str, index: Mapping[str, list[str]]) -> NameMatch | None:
    """What the license name `phrase` refers to, or None when unknown or ambiguous.

    An exact match of the distinguishing words wins. Otherwise a name whose words include all
    of the phrase's words is accepted when it is the only one whose extra words are years or
    generic words ("creative commons", "international", "agreement", ...) — or the only
    candidate at all when the extra words include a version number.
    """
    words = name_words(phrase)
    if not words:
        return None
    found = index.get(" ".join(words))
    if found:
        return NameMatch(tuple(found), True)
    wanted = set(words)
    mentions_policy = bool(wanted & {"policy", "aup", "acceptable", "prohibited"})
    clean: list[str] = []
    versioned: list[str] = []
    probe = max(words, key=len)
    for key, targets in index.items():
        if probe not in key:  # cheap: a key lacking the longest word cannot hold them all
            continue
        have = key.split(" ")
        if not wanted <= set(have):
            continue
        extra = [w for w in have if w not in wanted]
        if not mentions_policy and {"policy", "acceptable", "prohibited"} & set(extra):
            continue
        if all(w in EXTRA_OK or _YEAR.match(w) for w in extra):
            clean += [t for t in targets if t not in clean]
        elif all(w in EXTRA_OK or _NUMBERISH.match(w) for w in extra):
            versioned += [t for t in targets if t not in versioned]
    if len(clean) == 1:
        return NameMatch((clean[0],), False)
    if not clean and len(versioned) == 1:
        return NameMatch((versioned[0],), False)
    return None
