"""Clause rules as data: `licenses/rules/*.yml`, one file per finding kind.

Every restriction kind is a rule file (the format is documented in docs/licenses.md):

- `kind`, `osd` (the Open Source Definition criteria it conflicts with), `summary`;
- `gate`: words a sentence must hold for the rule to read it at all, a list (any one word)
  or a list of lists (one word of each);
- `match`: the wordings (regular expressions on the sentence's plain, lower-case form), any
  one suffices; an entry is a pattern or a mapping with its own `pattern`, `gate`, `also`
  (patterns that must match too), `except` and `unless_found`;
- `nearby`: patterns one of which must match in the sentence or the next one;
- `except`: wordings that cancel a match; `except_text`: wordings that, anywhere in the text,
  cancel every finding of the kind (a grant of commercial use cancels `non-commercial`);
- `unless_found`: kinds found in the same sentence that cancel it (kind -> wordings that must
  also be there, or an empty list), `unless_value`: extractors whose value cancels it;
- `definition`: a definition sentence ("X" means ..., "X" refers to ...) counts only when X
  holds one of these words (an empty list: a definition never counts);
- `value`: `{extract: [names], required: bool}`: named extractors in code (number, currency
  and period parsing), one finding per value found (none found: one finding without a value,
  or no finding when `required`);
- `examples`: real `positive` and `negative` sentences, each with its `source`.

Patterns may name shared vocabulary as `{name}` (`vocabulary.TERMS`). A test runs every
example (tests/licenses/test_licenses_rulebook.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from opengauge.licenses.lazyre import Lazy
from opengauge.licenses.vocabulary import TERMS

RULES = Path(__file__).resolve().parent / "rules"

READING_ORDER = (
    "attribution-display", "user-threshold", "revenue-threshold", "non-commercial",
    "no-model-training", "field-of-use", "no-derivatives", "territorial", "remote-restriction",
    "click-through", "updatable-terms", "flow-down", "circumvention-termination",
    "derivative-naming", "hosting-agreement", "licensor-ethics-terms", "non-production",
    "paid-production", "revocable-grant",
)
"""The order rules read a sentence in (and its findings are listed in): a rule cancelled by
another kind's finding (`unless_found`) comes after it."""

# The OSD criteria of every kind, fixed here so that a finding knows its criteria without
# loading the files (the rulebook test checks they agree with the files).
OSD: dict[str, list[int]] = {
    "user-threshold": [5],
    "revenue-threshold": [5],
    "territorial": [5],
    "field-of-use": [6],
    "non-commercial": [1, 6],
    "no-model-training": [6, 9],
    "no-derivatives": [3],
    "remote-restriction": [6],
    "click-through": [7],
    "updatable-terms": [],
    "flow-down": [],
    "attribution-display": [],
    "non-production": [6],
    "paid-production": [1, 6],
    "circumvention-termination": [3, 6],
    "revocable-grant": [],
    "licensor-ethics-terms": [6],
    "hosting-agreement": [6],
    "derivative-naming": [],
}

Value = dict[str, Any] | None
Extractor = Callable[[str], Value]
Gate = tuple[tuple[str, ...], ...]
_TERM = re.compile(r"\{([a-z_]+)\}")
_DEFINITION = re.compile(r"^\W*(?:[\d.]+\s*)?\"([^\"]{1,60})\"\s+(?:shall\s+)?(?:means?|refers?\s+to)\b")
_DECIMAL = re.compile(r"(?<=\w)\.(?=\d)")
"""A dot inside a number or a version ("Hunyuan 3D 2.0", "FLUX.1", "1.5 million"): not the end
of a clause."""


def _compile(pattern: str) -> Lazy:
    """A rule's pattern with its `{name}` vocabulary filled in (compiled on first use: the
    gates keep most patterns unused on most texts)."""
    return Lazy(_TERM.sub(lambda m: TERMS[m.group(1)], str(pattern)))


def _patterns(items: Any) -> tuple[Lazy, ...]:
    return tuple(_compile(p) for p in items or [])


def _gate(words: Any) -> Gate:
    """A gate as groups of words (one word of each group must occur)."""
    if not words:
        return ()
    if all(isinstance(w, str) for w in words):
        return (tuple(words),)
    return tuple(tuple(group) for group in words)


def _words(data: Any) -> tuple[str, ...] | None:
    if data is None:
        return None
    return (str(data),) if isinstance(data, str) else tuple(str(w) for w in data)


def _unless(data: Any) -> dict[str, tuple[Lazy, ...]]:
    if isinstance(data, list):
        return {str(kind): () for kind in data}
    return {str(kind): _patterns(words) for kind, words in (data or {}).items()}


@dataclass(frozen=True)
class Wording:
    """One `match` entry: a pattern with its own gate, companions and exceptions."""

    pattern: Lazy
    gate: Gate = ()
    also: tuple[Lazy, ...] = ()
    exceptions: tuple[Lazy, ...] = ()
    unless_found: Mapping[str, tuple[Lazy, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, item: Any) -> Wording:
        if isinstance(item, str):
            return cls(_compile(item))
        return cls(_compile(item["pattern"]), _gate(item.get("gate")), _patterns(item.get("also")),
                   _patterns(item.get("except")), _unless(item.get("unless_found")))


@dataclass(frozen=True)
class Rule:
    """One rule file, compiled."""

    kind: str
    osd: tuple[int, ...]
    summary: str
    gate: Gate
    match: tuple[Wording, ...]
    exceptions: tuple[Lazy, ...]
    examples: dict[str, list[dict[str, str]]]
    nearby: tuple[Lazy, ...] = ()
    except_text: tuple[Lazy, ...] = ()
    unless_found: Mapping[str, tuple[Lazy, ...]] = field(default_factory=dict)
    unless_value: tuple[str, ...] = ()
    definition: tuple[str, ...] | None = None
    extract: tuple[str, ...] = ()
    value_required: bool = False

    def gate_words(self) -> set[str]:
        groups = [*self.gate, *(g for w in self.match for g in w.gate)]
        return {word for group in groups for word in group}


def _load(path: Path) -> Rule:
    data = _parsed(path)
    value = data.get("value") or {}
    return Rule(
        kind=str(data["kind"]), osd=tuple(int(c) for c in data.get("osd") or []),
        summary=str(data.get("summary") or ""), gate=_gate(data.get("gate")),
        match=tuple(Wording.of(item) for item in data.get("match") or []),
        exceptions=_patterns(data.get("except")), examples=dict(data.get("examples") or {}),
        nearby=_patterns(data.get("nearby")), except_text=_patterns(data.get("except_text")),
        unless_found=_unless(data.get("unless_found")),
        unless_value=tuple(data.get("unless_value") or []),
        definition=_words(data.get("definition")), extract=tuple(value.get("extract") or []),
        value_required=bool(value.get("required")))


@dataclass(frozen=True)
class Book:
    """Every rule file, in reading order, with the one scan that finds their gate words."""

    rules: tuple[Rule, ...]
    scan: re.Pattern[str]
    covers: dict[str, frozenset[str]]
    """A word the scan finds -> the gate words it holds (a word inside a longer one counts)."""

    def present(self, plain: str) -> frozenset[str]:
        found = set(self.scan.findall(plain))
        return frozenset().union(*(self.covers[w] for w in found)) if found else frozenset()


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
def book() -> Book:
    """The rule files, loaded and compiled once."""
    loaded = {rule.kind: rule for rule in map(_load, sorted(RULES.glob("*.yml")))}
    ordered = tuple(loaded[k] for k in READING_ORDER if k in loaded) + tuple(
        rule for kind, rule in loaded.items() if kind not in READING_ORDER)
    words = sorted({w for rule in ordered for w in rule.gate_words()}, key=len, reverse=True)
    scan = re.compile("|".join(re.escape(w) for w in words))
    covers = {w: frozenset(x for x in words if x in w) for w in words}
    return Book(ordered, scan, covers)


def rules() -> tuple[Rule, ...]:
    """Every rule file, in reading order."""
    return book().rules


def _open(gate: Gate, present: frozenset[str]) -> bool:
    return all(any(word in present for word in group) for group in gate)


def _cancelled(unless: Mapping[str, tuple[Lazy, ...]], kinds: set[str], plain: str) -> bool:
    return any(kind in kinds and all(p.search(plain) for p in words)
               for kind, words in unless.items())


def _matches(rule: Rule, plain: str, present: frozenset[str], kinds: set[str]) -> bool:
    for wording in rule.match:
        if not _open(wording.gate, present) or not wording.pattern.search(plain):
            continue
        if not all(p.search(plain) for p in wording.also):
            continue
        if any(p.search(plain) for p in wording.exceptions):
            continue
        if _cancelled(wording.unless_found, kinds, plain):
            continue
        return True
    return False


class Reader:
    """Reads the sentences of one text with the rule files (`extractors` parse values)."""

    def __init__(self, extractors: Mapping[str, Extractor], sentences: list[str]) -> None:
        self.book = book()
        self.extractors = extractors
        self.cancelled = frozenset(
            rule.kind for rule in self.book.rules
            if rule.except_text and any(p.search(s) for p in rule.except_text for s in sentences))

    def read(self, plain: str, following: str = "") -> list[tuple[str, Value]]:
        """(kind, value) of every restriction in one sentence's plain form (the patterns read
        it with the dots inside numbers hidden; the extractors read it as it is)."""
        present = self.book.present(plain)
        if not present:
            return []
        values: dict[str, Value] = {}

        def value(name: str) -> Value:
            if name not in values:
                values[name] = self.extractors[name](original)
            return values[name]

        original = plain
        if "." in plain:
            plain = _DECIMAL.sub("\u2024", plain)
            following = _DECIMAL.sub("\u2024", following)

        found: list[tuple[str, Value]] = []
        kinds: set[str] = set()
        for rule in self.book.rules:
            if rule.kind in self.cancelled or not _open(rule.gate, present):
                continue
            if not _matches(rule, plain, present, kinds):
                continue
            if any(p.search(plain) for p in rule.exceptions):
                continue
            if rule.nearby and not any(p.search(f"{plain} {following}") for p in rule.nearby):
                continue
            if _cancelled(rule.unless_found, kinds, plain):
                continue
            if any(value(name) for name in rule.unless_value):
                continue
            if rule.definition is not None:
                term = _DEFINITION.match(original) if '"' in original else None
                if term is not None and not any(w in term.group(1) for w in rule.definition):
                    continue
            got = [v for v in map(value, rule.extract) if v]
            if rule.value_required and not got:
                continue
            found += [(rule.kind, v) for v in got] or [(rule.kind, None)]
            kinds.add(rule.kind)
        return found


def read(plain: str) -> list[str]:
    """The kinds that one sentence's plain form holds, read on its own."""
    from opengauge.licenses.clauses import EXTRACTORS

    return [kind for kind, _ in Reader(EXTRACTORS, [plain]).read(plain)]
