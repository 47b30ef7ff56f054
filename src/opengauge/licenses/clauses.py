"""Clause analysis: the restrictions a license text imposes, quoted with their lines.

Works on any text, known or never seen: each sentence is read by the clause rules, one rule
file per finding kind (`licenses/rules/*.yml`, read by `rulebook`), each a set of wordings
with the exceptions that keep open licenses clean (a BSD clause about the author's *name* is
not a use restriction; GPL's "you may not modify ... except as expressly provided under this
License" is not a ban on derivatives; "new versions of this License" is not a licensor's
right to change the terms). This module holds the values' extractors (numbers, currencies,
periods), quoting and the reading of list items under a prohibition.

The kinds and the Open Source Definition criteria they conflict with are fixed (`OSD`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from opengauge.licenses import rulebook
from opengauge.licenses.lazyre import Lazy
from opengauge.licenses.sentences import Sentence, split
from opengauge.licenses.vocabulary import LIST_MARKER, PROHIBITION_LEAD_IN, topics

OSD: dict[str, list[int]] = dict(rulebook.OSD)
KINDS = tuple(OSD)
QUOTE_LIMIT = 280


@dataclass(slots=True)
class Finding:
    """One restriction: its kind, the quoted clause, its lines and the OSD criteria at stake."""

    kind: str
    quote: str
    lines: list[int]
    value: dict[str, Any] | None = None
    source: str | None = None
    """Set when the clause comes from a license's reference text, not from the input (the key)."""
    layout: tuple[str, ...] | None = field(default=None, compare=False)
    """The keys of the record it was read from (`from_dict`), written back the same way."""
    recorded_osd: list[int] | None = field(default=None, compare=False)
    """The criteria the record it was read from gave (a report stored by another version)."""

    @property
    def osd(self) -> list[int]:
        if self.recorded_osd is not None:
            return list(self.recorded_osd)
        return list(OSD.get(self.kind, []))

    def to_dict(self) -> dict[str, Any]:
        data = {"kind": self.kind, "quote": self.quote, "lines": list(self.lines),
                "value": self.value, "osd": self.osd}
        if self.layout is None:
            return {**data, **({"source": self.source} if self.source else {})}
        data["source"] = self.source
        return {**{k: data[k] for k in self.layout if k in data},
                **({"source": self.source} if self.source and "source" not in self.layout else {})}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """The finding a `to_dict()` was made from (its recorded `osd` kept)."""
        osd = data.get("osd")
        return cls(str(data.get("kind") or ""), str(data.get("quote") or ""),
                   list(data.get("lines") or []), data.get("value"), data.get("source"),
                   layout=tuple(data),
                   recorded_osd=[int(n) for n in osd] if isinstance(osd, list) else None)


# --- value extractors (named in the rule files) -------------------------------------------
_NUMBER = r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion|thousand|mn|bn|m|k)?\b"
_USERS = Lazy(_NUMBER + r"\s+(?:(monthly|daily|weekly)\s+)?(?:active\s+)?(?:end\s+)?(?:users\b|(visits)\b"
              r"(\s+(?:per|a|each)\s+month\b)?)")
_MONEY = Lazy(
    r"(us\s*\$|usd\s*\$?|\$|€|£|₹|₩|eur\s*|rmb\s*|cny\s*|jpy\s*|chf\s*|gbp\s*|inr\s*|krw\s*|¥)?\s*"
    + _NUMBER + r"\s*(us\s+dollars|u\.s\.\s+dollars|dollars|usd|euros?|eur|rmb|yuan|cny|pounds|gbp|yen|"
    r"jpy|swiss\s+francs|francs|chf|rupees|inr|won|krw)?")
_CURRENCIES = (("RMB", ("rmb", "yuan", "cny", "¥")), ("EUR", ("eur", "€")), ("GBP", ("£", "pound", "gbp")),
               ("JPY", ("jpy", "yen")), ("CHF", ("chf", "franc")), ("INR", ("inr", "₹", "rupee")),
               ("KRW", ("krw", "₩", "won")))
"""Currency signs and words -> ISO code (a dollar sign or word is USD)."""
_REVENUE = Lazy(r"\b(?:revenue|revenues|turnover|income|sales)\b")
_MULTIPLIER = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6,
               "billion": 10**9, "bn": 10**9}


def _amount(number: str, multiplier: str | None) -> int | None:
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return None
    return round(value * _MULTIPLIER.get(multiplier or "", 1))


def users_threshold(text: str) -> dict[str, Any] | None:
    """{"amount", "unit"} of the first user-count threshold in `text`."""
    for found in _USERS.finditer(text):
        amount = _amount(found.group(1), found.group(2))
        if amount and amount >= 100:
            period = found.group(3)
            if found.group(4):  # a count of visits is no count of users: can-i compares it as such
                unit = "visits per month" if found.group(5) else "visits"
            else:
                unit = f"{period} active users" if period else (
                    "active users" if "active" in found.group(0) else "users")
            return {"amount": amount, "unit": unit}
    return None


def revenue_threshold(text: str) -> dict[str, Any] | None:
    """{"amount", "unit", "currency", "period"} of the first revenue threshold in `text`
    (unit "USD revenue", currency "USD", period "month", "year" or None)."""
    if not _REVENUE.search(text):
        return None
    for found in _MONEY.finditer(text):
        before, after = (found.group(1) or "").strip(), (found.group(4) or "").strip()
        if not before and not after:
            continue
        amount = _amount(found.group(2), found.group(3))
        if not amount or amount < 1000:
            continue
        sign = before or after
        currency = next((code for code, marks in _CURRENCIES if any(m in sign for m in marks)), "USD")
        return {"amount": amount, "unit": f"{currency} revenue", "currency": currency,
                "period": _period(text)}
    return None


_PER_MONTH = Lazy(r"\b(?:monthly|per\s+month|a\s+month|each\s+month|any\s+(?:calendar\s+)?month)\b")
_PER_YEAR = Lazy(r"\b(?:annual\w*|yearly|per\s+(?:year|annum)|a\s+year|each\s+year|any\s+(?:calendar\s+|"
                 r"fiscal\s+)?year|fiscal\s+year|calendar\s+year|(?:12|twelve)\s+months)\b")


def _period(text: str) -> str | None:
    """ "month" or "year" when a revenue threshold names its period, else None."""
    if _PER_MONTH.search(text):
        return "month"
    return "year" if _PER_YEAR.search(text) else None


def field_topics(text: str) -> dict[str, Any] | None:
    """{"topics": [...]} of a prohibited use (["military"] for military or weapons uses)."""
    found = topics(text)
    return {"topics": found} if found else None


EXTRACTORS: dict[str, rulebook.Extractor] = {
    "users_threshold": users_threshold, "revenue_threshold": revenue_threshold,
    "topics": field_topics,
}
"""The value extractors a rule file may name (`value: {extract: [...]}`)."""


def quote(sentence: Sentence, limit: int = QUOTE_LIMIT) -> str:
    """The sentence as quoted: its wording, shortened in the middle when long."""
    text = sentence.text
    if len(text) <= limit:
        return text
    head = text[: limit * 2 // 3].rsplit(" ", 1)[0]
    tail = text[-(limit // 3):].split(" ", 1)[-1]
    return f"{head} ... {tail}"


_LEAD_IN = Lazy(PROHIBITION_LEAD_IN)
_LIST_ITEM = Lazy(LIST_MARKER, re.IGNORECASE)


def _in_context(sentences: list[Sentence]) -> list[Sentence]:
    """Sentences as the rules read them: a list item under a prohibition ("You will not, and
    will not permit any third party to:") reads as "you will not <item>".

    An item's own words split off its marker ("2." then "AlphaFold 3 output to train ...")
    read as the item; a sentence that goes on from the line the previous one ended on (the
    rest of a long item, a sub-item's explanation) keeps the list under its prohibition."""
    read: list[Sentence] = []
    under = bare = False
    previous: Sentence | None = None
    for sentence in sentences:
        item = bool(_LIST_ITEM.match(sentence.text + " "))
        continued = previous is not None and sentence.start == previous.end
        if under and (item or (bare and continued)):
            plain = "you will not " + _LIST_ITEM.sub("", sentence.plain, count=1)
            sentence = Sentence(sentence.text, plain, sentence.start, sentence.end)
        elif not item and not continued:
            under = False
        bare = item and not _LIST_ITEM.sub("", sentence.text + " ", count=1).strip()
        if _LEAD_IN.search(sentence.plain):
            under = True
        previous = sentence
        read.append(sentence)
    return read


def in_context(sentences: Iterable[Sentence]) -> list[Sentence]:
    """`sentences` as the rules read them: a list item under a prohibition reads as
    "you will not <item>" (for readers of a text's prohibitions, such as `opengauge can-i`)."""
    return _in_context(list(sentences))


def analyze(text: str | Iterable[Sentence]) -> list[Finding]:
    """Every restriction in `text` (a string or its sentences), in reading order.

    A text that also grants commercial use (a "commercial use license" section, say) has no
    `non-commercial` finding: its research and non-commercial grant is not a restriction.
    """
    sentences = _in_context(split(text) if isinstance(text, str) else list(text))
    reader = rulebook.Reader(EXTRACTORS, [s.plain for s in sentences])
    findings: list[Finding] = []
    seen: set[tuple[str, str, int]] = set()
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1].plain if index + 1 < len(sentences) else ""
        for kind, value in reader.read(sentence.plain, following):
            mark = (kind, str(value), sentence.start)
            if mark in seen:
                continue
            seen.add(mark)
            findings.append(Finding(kind, quote(sentence), [sentence.start, sentence.end], value))
    return findings


