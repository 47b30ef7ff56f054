"""Clause rules as data: `licenses/rules/*.yml`, one file per finding kind.

Each rule file holds its `kind`, the OSD criteria it conflicts with (`osd`), a one-line
`summary`, `gate` words (a sentence without any of them is not read by the rule), the
wordings it matches (`match`, regular expressions on the sentence's plain form, any one
suffices), its `except` wordings (any one cancels a match), the value it extracts (`value`),
and `examples`: real `positive` and `negative` sentences, each with its `source`. A test runs
every example (tests/licenses/test_licenses_rulebook.py).

The kinds of the first release (thresholds, field of use, ...) are still read by the
patterns in `clauses.py`; the kinds added by issue 11 are read from these files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

RULES = Path(__file__).resolve().parent / "rules"


@dataclass(frozen=True)
class Rule:
    """One rule file, compiled."""

    kind: str
    osd: tuple[int, ...]
    summary: str
    gate: tuple[str, ...]
    match: tuple[re.Pattern[str], ...]
    exceptions: tuple[re.Pattern[str], ...]
    examples: dict[str, list[dict[str, str]]]

    def applies(self, plain: str) -> bool:
        """Whether the rule reads this sentence (its plain, lower-case form) as its kind."""
        if not any(word in plain for word in self.gate):
            return False
        if not any(p.search(plain) for p in self.match):
            return False
        return not any(p.search(plain) for p in self.exceptions)


def _load(path: Path) -> Rule:
    data = _parsed(path)
    return Rule(str(data["kind"]), tuple(int(c) for c in data.get("osd") or []),
                str(data.get("summary") or ""), tuple(str(w) for w in data.get("gate") or []),
                tuple(re.compile(p) for p in data.get("match") or []),
                tuple(re.compile(p) for p in data.get("except") or []),
                dict(data.get("examples") or {}))


def _parsed(path: Path) -> dict[str, Any]:
    """A rule file's content: as the license index holds it when the file is the one the index
    was built with (a new process imports no YAML parser), else parsed now."""
    from opengauge.licenses import index

    text = path.read_text(encoding="utf-8")
    known = index.load().rules.get(path.name)
    if known and known["digest"] == index.rule_digest(text):
        return dict(known["data"])
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(text, Loader=loader)
    return data


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule file, in name order."""
    return tuple(_load(path) for path in sorted(RULES.glob("*.yml")))


# The OSD criteria of the data kinds, fixed here so that a finding knows its criteria without
# loading the files (the rulebook test checks they agree with the files).
OSD: dict[str, list[int]] = {
    "circumvention-termination": [3, 6],
    "derivative-naming": [],
    "hosting-agreement": [6],
    "licensor-ethics-terms": [6],
    "non-production": [6],
    "paid-production": [1, 6],
    "revocable-grant": [],
}
GATE_WORDS = ("production", "circumvent", "bypass", "revocable", "revoke", "trustworthy",
              "ethic", "responsible ai", "hosting", "hosted", "host the", "as a service", "maas",
              "managed service", "model name", "name of any", "name of the derivative",
              "name of your")
_GATE = re.compile("|".join(re.escape(w) if w != "revocable" else r"(?<!ir)revocable"
                            for w in sorted(GATE_WORDS, key=len, reverse=True)))
"""Every gate word of every rule file ("revocable" not inside "irrevocable"): a sentence
without one needs no rule file loaded (the test checks the files' gates are all here)."""


def read(plain: str) -> list[str]:
    """The data kinds that a sentence's plain form holds."""
    if _GATE.search(plain) is None:
        return []
    return [rule.kind for rule in rules() if rule.applies(plain)]
