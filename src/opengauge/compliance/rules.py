"""The decision rules of `opengauge can-i`: which findings answer which question.

Every question is answered from the governing texts (`compliance.texts`): licenses and use
policies count alike. Per question the rules collect

- **no**: a clause that withholds or forbids what is asked (see `NO_KINDS` and the threshold,
  region and military rules below);
- **unknown**: what the evidence cannot settle (a license not identified, a threshold in
  another unit or currency, a territory that cannot be placed, a use policy made binding whose
  text is not at hand);
- **conditional**: conditions attached to a yes (a threshold the user gave no number for,
  display and naming obligations, passing use restrictions on, non-commercial use only);
- the **permission**: a license text that grants the right at stake (`RIGHTS`).

The answer is `no` when any clause says no; else `unknown` when anything is unsettled; else
`conditional` when there are conditions; else `yes` when a license grants the right; else
`unknown`. Documented in docs/compliance.md.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from opengauge.compliance.texts import (
    GRANT_SENTENCE,
    GoverningText,
    binding_policy,
    cite,
    following,
    full_sentence,
    has_policy,
    prohibited_items,
    quoted_sentences,
    touched,
)
from opengauge.errors import BadInput

QUESTIONS = ("commercial", "users", "revenue", "region", "fine-tune", "redistribute",
             "train-on-outputs", "military")
DEFAULT_QUESTIONS = ("commercial", "fine-tune", "redistribute", "train-on-outputs", "military")
"""Asked when no question is given: those that need no number or region."""

RIGHTS = {"commercial": "use", "users": "use", "revenue": "use", "region": "use",
          "fine-tune": "modify", "redistribute": "redistribute", "train-on-outputs": "use",
          "military": "use"}
"""The right a license must grant for a yes."""

NO_KINDS = {"commercial": ("non-commercial", "non-production"), "fine-tune": ("no-derivatives",),
            "train-on-outputs": ("no-model-training",)}
"""Finding kinds that answer a question with no by themselves."""

CONDITION_KINDS = {
    "commercial": {"paid-production": "production use only under the paid terms it names",
                   "hosting-agreement": "not offered as a hosted service or model-as-a-service "
                                        "without the separate agreement it requires",
                   "licensor-ethics-terms": "the use follows the licensor's ethics terms"},
    "fine-tune": {"circumvention-termination": "the safety measures are not bypassed (the "
                                               "rights end if they are)"},
    "redistribute": {"derivative-naming": "derived models carry the name it requires"},
}
"""Finding kinds that attach a condition to a question's yes (read from the new rule files)."""

NON_COMMERCIAL_CONDITION = ("users", "revenue", "region", "fine-tune", "redistribute",
                            "train-on-outputs", "military")
"""Questions a non-commercial clause turns into 'only for non-commercial purposes' (every
question but `commercial`, which it answers with no)."""

POLICY_QUESTIONS = ("region", "military")
"""Questions use policies decide as often as licenses: a license that makes a use policy
binding whose text is not at hand leaves them unknown (and makes any other yes conditional on
that policy)."""

def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


EU = _codes("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE")
EEA = EU | {"IS", "LI", "NO"}
REGION_ALIASES = {"UK": "GB", "EL": "GR"}
REGION_NAMES = {"EU": "the European Union", "EEA": "the European Economic Area"}
PLACES: dict[str, frozenset[str]] = {
    "european union": EU, "eu": EU, "european economic area": EEA, "eea": EEA,
    "united kingdom": frozenset({"GB"}), "uk": frozenset({"GB"}),
    "south korea": frozenset({"KR"}), "north korea": frozenset({"KP"}),
    "china": frozenset({"CN"}), "russia": frozenset({"RU"}), "iran": frozenset({"IR"}),
    "cuba": frozenset({"CU"}), "syria": frozenset({"SY"}), "crimea": frozenset({"UA"}),
    "united states": frozenset({"US"}), "switzerland": frozenset({"CH"}),
    "india": frozenset({"IN"}), "japan": frozenset({"JP"}),
}
"""Places a territorial clause may name (the analyzer's list) and the ISO codes they cover."""
PART_OF = {"crimea"}
"""Places that are only part of the country they map to."""
_PLACE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, PLACES), key=len, reverse=True)) + r")\b",
                    re.IGNORECASE)
ISO_CODES = _codes("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT
BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH
ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT
HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS
LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI
NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG
SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW""")
"""ISO 3166-1 alpha-2 country codes, for --region."""

from opengauge.licenses.vocabulary import LIST_MARKER, MILITARY  # noqa: E402  (shared with the clause reader)

EXPORT_LAW = re.compile(r"\b(?:export\w*|sanction\w*|trade\s+(?:control|compliance)\w*|restricted\s+part)",
                        re.IGNORECASE)
"""A prohibition worded as compliance with export or sanctions laws ("for any purpose prohibited
by Export Laws, including nuclear ... weapons") is not a military-use clause of its own."""
PROHIBITING_KINDS = ("non-commercial", "no-derivatives", "no-model-training")
"""Besides field-of-use, restriction kinds whose sentences may list other prohibited uses
("You will not ... use ... (i) for any commercial ... purposes, (ii) military purposes")."""
PROHIBITS = re.compile(r"\b(?:will|shall|must|may|can|do|does)\s+not\b|\bcannot\b|\bprohibit\w*|"
                       r"\bforbid\w*|\bnever\b", re.IGNORECASE)
_ENUMERATED = re.compile(r"\s*\((?:[ivx]{1,5}|[a-z]|\d{1,2})\)\s*|;\s*")

MODEL_NAMING = re.compile(r"\b(?:model\s+name|beginning\s+of\s+any\s+such|name\s+of\s+(?:the|any|your)\s+"
                          r"(?:ai\s+)?model)\b", re.IGNORECASE)
TRAINING = re.compile(r"\b(?:train\w*|fine[- ]?tun\w*|distil\w*|improve)\b", re.IGNORECASE)
OUTPUTS = re.compile(r"\b(?:outputs?|results|generated\s+(?:data|content))\b", re.IGNORECASE)
EXCEPTION = re.compile(r"\((?:excluding|except(?:\s+for)?|other\s+than)\s+([^)]{3,160})\)",
                       re.IGNORECASE)
COMPETING = re.compile(r"\b(?:that\s+(?:is|are)\s+)?(competitive\s+with\s+[^,.;)]{3,80}|"
                       r"compet\w+\s+(?:model|product|service)s?[^,.;)]{0,60})", re.IGNORECASE)
SCOPE = re.compile(r"\bwith\s+respect\s+to\s+(?:any\s+|the\s+)?([^,]{3,120}?models?[^,]{0,60}),",
                   re.IGNORECASE)
MULTIMODAL = re.compile(r"\b(?:multi-?modal|image|vision|visual|video)", re.IGNORECASE)
"""A clause scope naming models that take more than text."""
TEXT_ONLY_TYPES = frozenset({"language", "text", "code"})
"""Catalog model types that make a model text-only: a clause scoped to multimodal models does
not refuse it."""
DOES_NOT_APPLY = re.compile(r"\b(?:does|do|shall)\s+not\s+apply\s+to\s+(.{3,200}?)[.;]?$", re.IGNORECASE)

# Threshold comparisons: which side of the limit is restricted.
_GREATER = r"(?:greater|more|higher)\s+than|exceed\w*|in\s+excess\s+of|over|above|beyond"
_AT_LEAST = r"at\s+least|not\s+less\s+than|equal\s+to\s+or\s+(?:greater|more)\s+than"
_BELOW = r"less\s+than|fewer\s+than|lower\s+than|below|under"
_UP_TO = r"up\s+to|not\s+more\s+than|no\s+more\s+than|at\s+most"
_COMPARATOR = re.compile(rf"\b({_AT_LEAST}|{_UP_TO}|{_GREATER}|{_BELOW})\s+(?:(?:us\s*)?\$|usd|€|£|¥)?\s*\d",
                         re.IGNORECASE)
_MONTHLY_REVENUE = re.compile(r"\bmonthly\s+(?:\w+\s+)?revenue|revenue[^.;]{0,40}\b(?:per|a|each)\s+month",
                              re.IGNORECASE)
_ANNUAL_REVENUE = re.compile(r"\b(?:annual(?:ly)?|yearly)\s+(?:\w+\s+){0,2}revenue|"
                             r"revenue[^.;]{0,60}\b(?:per|a|each|every)\s+(?:year|fiscal\s+year)|revenue[^.;]{0,80}\b(?:twelve|12)\s*"
                             r"(?:\(12\)\s*)?months", re.IGNORECASE)


def region_codes(code: str) -> tuple[str, frozenset[str]]:
    """`--region CODE` -> (normalized code, the ISO codes it covers). EU, EEA, or ISO 3166-1
    alpha-2 (UK -> GB, EL -> GR)."""
    value = code.strip().upper()
    value = REGION_ALIASES.get(value, value)
    if value == "EU":
        return value, EU
    if value == "EEA":
        return value, EEA
    if value in ISO_CODES:
        return value, frozenset({value})
    raise BadInput(f"--region '{code}': expected EU, EEA or an ISO 3166-1 country code such as DE, FR, US")


def restricted(amount: float, limit: float, op: str | None) -> bool | None:
    """Whether `amount` lies on the restricted side of `limit` (None: cannot tell)."""
    if op in (">", None) and amount != limit:
        return amount > limit
    if op == ">":
        return False
    if op == ">=":
        return amount >= limit
    return None


def comparator(sentence: str) -> str | None:
    """The restricted side of a threshold clause: '>' (above the limit) or '>=' (from the limit
    on); None when the clause's words disagree or are not found."""
    ops = set()
    for found in _COMPARATOR.finditer(sentence):
        word = found.group(1).lower()
        if re.fullmatch(_GREATER, word, re.IGNORECASE) or re.fullmatch(_UP_TO, word, re.IGNORECASE):
            ops.add(">")
        else:
            ops.add(">=")
    return ops.pop() if len(ops) == 1 else None


@dataclass
class Answer:
    """The answer to one question, with the clauses and thresholds that decide it."""

    question: str
    asked: str
    value: Any = None
    answer: str = "unknown"
    reason: str = ""
    scope: str | None = None
    clauses: list[dict[str, Any]] = field(default_factory=list)
    thresholds: list[dict[str, Any]] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Tally:
    """What the rules found for one question, before the answer is decided."""

    no: list[tuple[dict[str, Any], str, str | None]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    conditions: list[tuple[dict[str, Any] | None, str]] = field(default_factory=list)
    thresholds: list[dict[str, Any]] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    cleared: list[dict[str, Any]] = field(default_factory=list)
    """Clauses compared and found not to apply (a threshold not reached)."""


def _lines(clause: dict[str, Any]) -> str:
    lines = clause.get("lines") or []
    if not lines:
        return clause.get("text") or ""
    where = f"line {lines[0]}" if lines[0] == lines[-1] else f"lines {lines[0]}–{lines[-1]}"
    return f"{clause.get('text')}, {where}"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _each(texts: list[GoverningText], *kinds: str):
    for text in texts:
        for restriction in text.restrictions:
            if restriction.get("kind") in kinds:
                yield text, restriction


def granting(texts: list[GoverningText], right: str) -> list[str]:
    """The licenses that grant `right`, by name."""
    return list(dict.fromkeys(n for t in texts if t.kind == "license" and right in t.grants
                              for n in (t.names() or [t.label])))


def _permission(texts: list[GoverningText], right: str, question: str | None = None) -> str | None:
    """Why no license grants `right` (None when one does). An unidentified text at hand is
    read for a question when none of its unread lines may decide it (`_deciding`)."""
    if not texts:
        return "no license text was found"
    licenses = [t for t in texts if t.kind == "license"]
    if not licenses:
        return "no license text among the inputs (only a use policy): nothing grants the right to " + \
            {"use": "use it", "modify": "modify it", "redistribute": "redistribute it"}[right]
    unread = [t for t in licenses if not (t.readable or read_through(t) or (
        question is not None and t.text and not _deciding(t, question)))]
    if unread:
        return "; ".join(f"{t.label}: {t.record.get('note') or 'license not identified'}" for t in unread)
    if not any(right in t.grants for t in licenses):
        verb = {"use": "use", "modify": "modify", "redistribute": "redistribute"}[right]
        return (f"no grant of the right to {verb} found in "
                f"{', '.join(n for t in licenses for n in t.names()) or 'the license'}")
    return None


def _ethics_terms(texts: list[GoverningText]) -> list[str]:
    """A use bound to the licensor's ethics or trustworthy-AI terms (`licensor-ethics-terms`)
    whose text is not among the inputs: those terms may ban uses or places, so the questions
    use policies decide (`POLICY_QUESTIONS`) are unknown, quoting the clause."""
    if has_policy(texts):
        return []
    return [f"{_lines(clause)} binds the use to terms whose text is not available: "
            f"\"{_short(str(restriction.get('quote')))}\""
            for text, restriction in _each(texts, "licensor-ethics-terms")
            for clause in [cite(text, restriction)]]


def _missing_policy(texts: list[GoverningText]) -> str | None:
    """A license makes a use policy binding, and no policy text is at hand."""
    if has_policy(texts):
        return None
    for text in texts:
        restriction = binding_policy(text)
        lines = restriction.get("lines") or [] if restriction is not None else []
        if restriction is not None and lines and \
                len(prohibited_items(text, restriction)) > lines[-1] - lines[0] + 1:
            continue  # the policy's list of prohibited uses follows the clause in the same text
        if restriction is not None:
            clause = cite(text, restriction)
            return (f"{_lines(clause)} makes a use policy binding whose text is not available: "
                    f"\"{_short(str(restriction.get('quote')))}\"")
    return None


def _threshold(text: GoverningText, restriction: dict[str, Any], yours: float | None,
               question: str) -> tuple[dict[str, Any], bool | None]:
    """A threshold clause compared with the user's number: (the record, restricted?)."""
    value = restriction.get("value") or {}
    limit, unit = value.get("amount"), str(value.get("unit") or "")
    sentence = full_sentence(text, restriction)
    op = comparator(sentence)
    record: dict[str, Any] = {"clause": cite(text, restriction), "kind": restriction.get("kind"),
                              "limit": limit, "unit": unit, "op": op, "yours": yours, "result": None,
                              "note": None}
    if yours is None or limit is None:
        return record, None
    outcome: bool | None
    if question == "users":
        outcome, record["note"] = _users(yours, limit, unit, op)
    else:
        outcome, record["note"] = _revenue(yours, limit, unit, op, sentence)
    record["result"] = {True: "above", False: "below", None: "unknown"}[outcome]
    shown_unit = unit if question == "users" else unit.replace("revenue", "revenue").strip()
    record["text"] = (f"{limit:,.0f} {shown_unit} vs your {yours:,.0f} -> "
                      f"{ {True: 'above the limit', False: 'below the limit', None: 'cannot tell'}[outcome]}")
    return record, outcome


def _users(yours: float, limit: float, unit: str, op: str | None) -> tuple[bool | None, str | None]:
    """--users is monthly active users. Daily or weekly actives never exceed monthly ones; a
    count of users with no period is at least the monthly actives."""
    if unit.startswith("monthly"):
        return restricted(yours, limit, op), None
    if unit.startswith(("daily", "weekly")):
        if restricted(yours, limit, op) is False:
            return False, f"the clause counts {unit}, which never exceed your monthly active users"
        return None, f"the clause counts {unit}; --users gives monthly active users"
    if restricted(yours, limit, op):
        return True, f"the clause counts {unit or 'users'} (no period), at least your monthly active users"
    return None, f"the clause counts {unit or 'users'} with no period; --users gives monthly active users"


def _revenue(yours: float, limit: float, unit: str, op: str | None,
             sentence: str) -> tuple[bool | None, str | None]:
    """--revenue is annual revenue in US dollars; no currency is converted (the answer is then
    `None`: the caller makes it a condition quoting the clause). A limit per month is compared
    after multiplying it by 12, and the answer says so."""
    if not unit.upper().startswith("USD"):
        return None, f"the clause counts {unit}; --revenue is in US dollars and no currency is converted"
    if _MONTHLY_REVENUE.search(sentence):
        return restricted(yours, limit * 12, op), (
            f"the clause counts monthly revenue: compared as 12 × {limit:,.0f} = "
            f"{limit * 12:,.0f} USD a year")
    if _ANNUAL_REVENUE.search(sentence):
        return restricted(yours, limit, op), None
    return restricted(yours, limit, op), "the clause names no period; compared with your annual revenue"


def _foreign_currency(record: dict[str, Any]) -> bool:
    return bool(record.get("unit")) and not str(record["unit"]).upper().startswith("USD") and \
        "revenue" in str(record["unit"])


def _ask_threshold(tally: _Tally, texts: list[GoverningText], question: str, yours: float | None) -> None:
    """User or revenue thresholds: above a withholding limit is a no; above a display limit a
    condition; without the user's number, both are conditions. A display limit that cannot be
    compared with the user's number is a condition too (the use is allowed either way)."""
    kind = "user-threshold" if question == "users" else "revenue-threshold"
    unit_word = "users" if question == "users" else "revenue"
    for text, restriction in _each(texts, kind):
        record, outcome = _threshold(text, restriction, yours, question)
        tally.thresholds.append(record)
        clause = record["clause"]
        limit = f"{record['limit']:,.0f} {record['unit']}" if record["limit"] is not None else "a limit"
        if yours is None:
            tally.conditions.append((clause, f"below {limit} ({_lines(clause)}); above it the license "
                                             "must be requested from the licensor"))
        elif outcome:
            tally.no.append((clause, f"{record['text']}: there the license is withheld until the "
                                     f"licensor grants one ({_lines(clause)})"
                             + (f"; {record['note']}" if record.get("note") else ""), None))
        elif outcome is None and _foreign_currency(record):
            quote = _short(str(restriction.get("quote")))
            tally.conditions.append((clause, f"your revenue is below {limit} ({record['note']}; "
                                             f"{_lines(clause)}: \"{quote}\")"))
        elif outcome is None:
            tally.unknown.append(f"{record['text']} ({record['note']}; {_lines(clause)})")
        else:
            tally.cleared.append(clause)
    for text, restriction in _each(texts, "attribution-display"):
        value = restriction.get("value") or {}
        if unit_word not in str(value.get("unit") or ""):
            continue
        record, outcome = _threshold(text, restriction, yours, question)
        tally.thresholds.append(record)
        clause = record["clause"]
        duty = _short(full_sentence(text, restriction), 400)
        if yours is None or outcome:
            tally.conditions.append((clause, f"above {record['limit']:,.0f} {record['unit']}: {duty}"))
        elif outcome is None:
            # A duty, not a refusal: whichever side of the limit, the use is allowed.
            tally.conditions.append((clause, f"possibly above {record['limit']:,.0f} {record['unit']} "
                                             f"({record['text']}: {record['note']}): {duty}"))
        else:
            tally.cleared.append(clause)


COMMERCIAL = re.compile(r"\bcommercial(?:ly)?\b|\bproducts?\s+(?:or|and)\s+services?\b", re.IGNORECASE)
"""Commercial use in a duty's trigger: the word, or a product or service offered with the model."""


def _commercial_duties(tally: _Tally, texts: list[GoverningText]) -> None:
    """Display or attribution duties triggered by commercial use, or by offering a product or
    service that uses the model (Llama 3's "Built with Meta Llama 3"), make commercial use
    conditional on them (those triggered by a size are read with the thresholds)."""
    for text, restriction in _each(texts, "attribution-display"):
        value = restriction.get("value") or {}
        if value.get("amount") is not None:
            continue
        sentence = full_sentence(text, restriction)
        if COMMERCIAL.search(sentence):
            clause = cite(text, restriction)
            tally.conditions.append((clause, f"{_short(sentence, 400)} ({_lines(clause)})"))


def _withdrawn_above(tally: _Tally, texts: list[GoverningText], users: float | None,
                     revenue: float | None) -> None:
    """A user or revenue threshold withholds the whole license: above it, every question is a
    no (the Llama 2 license: "you are not authorized to exercise any of the rights")."""
    for question, yours in (("users", users), ("revenue", revenue)):
        if yours is None:
            continue
        kind = "user-threshold" if question == "users" else "revenue-threshold"
        for text, restriction in _each(texts, kind):
            record, outcome = _threshold(text, restriction, yours, question)
            if outcome:
                clause = record["clause"]
                tally.thresholds.append(record)
                tally.no.append((clause, f"{record['text']}: above it the license withholds every "
                                         f"right until the licensor grants one ({_lines(clause)})",
                                 None))


_ANY_QUESTION = r"only|solely|exclusively|(?:research|academic|evaluation)\s+(?:purposes?|use|only)|" \
    r"for\s+(?:academic\s+)?research|non-?commercial|personal\s+use|internal\s+use|revok\w*|suspend\w*|" \
    r"permitted\s+purposes?"
"""Words that may limit every right at once (a purpose the whole license is for)."""
_ABOUT = {
    "commercial": r"commerc\w*|business\w*|profit\w*|revenue|monetiz\w*|sell|sale|sales|production|"
                  r"enterprises?|fees?|paid|payments?|subscriptions?|regist\w*|products?|services?",
    "users": r"active\s+users?|monthly|daily|number\s+of\s+(?:users|customers|subscribers)|revenue|"
             r"turnover|visits?|thresholds?",
    "revenue": r"active\s+users?|monthly|daily|number\s+of\s+(?:users|customers|subscribers)|revenue|"
               r"turnover|income|visits?|thresholds?",
    "region": r"territor\w*|countr\w*|regions?|domicil\w*|located|residen\w*|export\w*|sanction\w*|"
              r"outside|anywhere|worldwide|global\w*|locat\w*|cit(?:y|ies)|"
              + "|".join(sorted(map(re.escape, PLACES), key=len, reverse=True)),
    "fine-tune": r"modif\w*|derivativ\w*|adapt\w*|fine-?tun\w*|alter\w*|improv\w*|train\w*|merg\w*|"
                 r"translat\w*",
    "redistribute": r"distribut\w*|sublicens\w*|shar\w*|publish\w*|host\w*|provid\w*|available|"
                    r"transfer\w*|cop(?:y|ies)|third\s+part\w*|recipients?",
    "train-on-outputs": r"outputs?|train\w*|improv\w*|distil\w*|generat\w*|results?|synthetic",
    "military": r"harm\w*|violen\w*|terror\w*|dangerous|" + MILITARY.pattern[5:-3],
}
ABOUT = {q: re.compile(rf"\b(?:{_ANY_QUESTION}|{words})\b", re.IGNORECASE) for q, words in _ABOUT.items()}
ABOUT_ONLY = {q: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for q, words in _ABOUT.items()}
"""The same without the purpose words: in a text already read as non-commercial or
non-production only (every answer is then conditional on that purpose), a sentence restating
the purpose ("for research or evaluation purposes only") decides nothing more."""
PURPOSE_KINDS = ("non-commercial", "non-production")
"""Per question, the words that make a sentence no rule read able to decide it."""
DECIDES_NOTHING = re.compile(
    r"\b(?:warrant\w*|liabilit\w*|liable|indemnif\w*|as\s+is|trademarks?|logos?|governing\s+law|"
    r"arbitration|courts?|disputes?|governed|construed|ownership|owned\s+by|compensat\w*|responsib\w*|"
    r"risks?|litigation|breach|if\s+you\s+do\s+not\s+agree)\b|^(?:\W*(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])?[^.;:]{0,60}?[\"“]?[\w\s()-]{1,40}[\"”]?(?:\s+or\s+[\"“][\w\s()-]{1,40}"
    r"[\"”])?\s+(?:means|"
    r"refers?\s+to|shall\s+mean|has\s+the\s+meaning)\b", re.IGNORECASE)
"""Sentences that answer no can-i question: warranty disclaimers, liability, indemnity,
trademarks, governing law and courts, termination for litigation or breach, the acceptance
clause ("If you do not agree to this License ..."), and definitions, also as list items (the
clause using a term decides)."""


LAW_COMPLIANCE = re.compile(r"\bcompl(?:y|iance)\s+with\b[^.;]{0,120}\blaws?\b|\b(?:laws?|regulations?|"
                            r"legal\s+requirements?)\b[^.;]{0,80}?\b(?:of|in)\s+(?:the\s+|other\s+|any\s+|"
                            r"all\s+|each\s+)?(?:countr(?:y|ies)|regions?|jurisdictions?)(?:\s*/\s*regions?)?",
                            re.IGNORECASE)
"""A duty to comply with the law (of other countries too) places no territorial limit: the
region question does not read such wording."""
DUTY = re.compile(r"\b(?:must|shall|agrees?|required?|requires|need\s+to|register\w*|"
                  r"registration|obtain)\b", re.IGNORECASE)
OPEN_ENDED = re.compile(r"\b(?:not|no|never|nor|cannot|only|solely|exclusively|except\w*|unless|"
                        r"prohibit\w*|forbid\w*|restrict\w*|terminat\w*|revo\w*|suspend\w*|limit\w*|"
                        r"waive\w*|discretion)\b|\d", re.IGNORECASE)
"""A duty ("you must clearly attribute the source ... and provide a copy of this Agreement")
is a condition of a yes; a sentence with a negation, a limiting word or a number may take the
right away (or set a threshold): it stays open."""


SCOPE_WORDS = re.compile(r"\b(?:only|solely|exclusively|not|except\w*|unless)\b", re.IGNORECASE)
"""A grant sentence (read by the grant reading) decides nothing more unless it limits its
own scope ("permits you to use ... for academic research" does not; "... only for research"
does)."""


PERMISSION = re.compile(r"\byou\s+may\b(?!\s+not)|\b(?:is|are)\s+permitted\b|\bfree\s+to\b|\bplease\b",
                        re.IGNORECASE)
"""A sentence that only permits or asks ("please include the following attribution"), with no
duty or limit, can add a right, never take one."""
ON_DISTRIBUTION = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:if|when|where|whenever)\s+you\s+(?:re)?distribut",
                             re.IGNORECASE)
"""A duty triggered by distributing ("If you distribute ..., you shall provide a copy of this
Agreement") conditions redistribution only."""


PURPOSE_ONLY = re.compile(r"\b(?:solely|only|exclusively)\s+(?:for|to)\b[^.;:]{0,80}\b(?:non-?commercial|"
                          r"research|academic|evaluation)\b[^.;:]{0,60}\bpurposes?\b|\b(?:non-?commercial|research|"
                          r"academic|evaluation)\s+purposes?\s+only\b", re.IGNORECASE)
"""A grant limited to a non-commercial purpose that no rule read ("you have the below rights
... to use the Materials solely for non-commercial, non-revenue generating, research
purposes"): read as the non-commercial clause."""


def _purpose_sentences(text: GoverningText) -> list[Any]:
    """Unread sentences that limit the license to a non-commercial purpose (`PURPOSE_ONLY`)."""
    ranges = _unread_lines(text)
    if not ranges or not text.text:
        return []
    lines = {n for first, last in ranges for n in range(first, last + 1)}
    return [s for s in text.sentences if PURPOSE_ONLY.search(s.plain)
            and any(n in lines for n in range(s.start, s.end + 1))]


def _ask_purpose(tally: _Tally, texts: list[GoverningText], question: str) -> None:
    """An unread non-commercial purpose answers like the non-commercial clause: `no` to
    `--commercial`, every other question conditional on it."""
    for text in texts:
        for sentence in _purpose_sentences(text):
            clause = {"text": text.label, "file": text.record.get("path"),
                      "lines": [sentence.start, sentence.end], "kind": "non-commercial",
                      "quote": sentence.text, "value": None}
            if question == "commercial":
                tally.no.append((clause, f"{_lines(clause)}: \"{_short(sentence.text)}\"", None))
            else:
                tally.conditions.append((clause, f"for non-commercial purposes only ({_lines(clause)}: "
                                                 f"\"{_short(sentence.text)}\")"))


def _deciding_sentences(text: GoverningText, question: str) -> tuple[list[list[int]], list[Any]]:
    """What in the unread lines (`_unread_lines`) may decide `question`: (the ranges that
    leave it open, the duty sentences that make it conditional). A sentence may decide it
    when it names what the question is about (`ABOUT`) or a purpose limiting every right,
    and is no disclaimer, liability, trademark, governing-law clause or definition. Without
    the text at hand, every unread line may decide."""
    ranges = _unread_lines(text)
    if not ranges or not text.text:
        return ranges, []
    purpose_read = any(r.get("kind") in PURPOSE_KINDS for r in text.restrictions) or bool(
        _purpose_sentences(text))
    about = (ABOUT_ONLY if purpose_read else ABOUT)[question]
    lines: set[int] = set()
    for first, last in ranges:
        lines.update(range(first, last + 1))
    hits: list[int] = []
    duties: list[Any] = []
    for sentence in text.sentences:
        inside = [n for n in range(sentence.start, sentence.end + 1) if n in lines]
        words = sentence.plain
        if question == "region":
            words = LAW_COMPLIANCE.sub(" ", words)
        if not inside or PURPOSE_ONLY.search(words) or not about.search(words) or \
                DECIDES_NOTHING.search(words) or (
                GRANT_SENTENCE.search(words) and not SCOPE_WORDS.search(words)) or (
                PERMISSION.search(words) and not DUTY.search(words) and not OPEN_ENDED.search(words)):
            continue
        if question == "region" and EXPORT_LAW.search(words):
            duties.append(sentence)  # not where export or sanctions laws forbid it
        elif DUTY.search(words) and not OPEN_ENDED.search(words):
            if question == "redistribute" or not ON_DISTRIBUTION.search(words):
                duties.append(sentence)
        else:
            hits += inside
    out: list[list[int]] = []
    for number in sorted(set(hits)):
        if out and number == out[-1][1] + 1:
            out[-1][1] = number
        else:
            out.append([number, number])
    return out, duties


def _deciding(text: GoverningText, question: str) -> list[list[int]]:
    """The unread ranges that leave `question` open (see `_deciding_sentences`)."""
    return _deciding_sentences(text, question)[0]


def _unread_lines(text: GoverningText) -> list[list[int]]:
    """The unexplained ranges of an unidentified text that no clause rule read: lines no
    known license explains, holding no finding (blank lines do not count). A text explained
    by a known license that was not named (another edition, a modified copy) is unread
    wherever no rule read it."""
    record = text.record
    if record.get("identified"):
        return []
    read: set[int] = set()
    for restriction in text.restrictions:
        lines = restriction.get("lines") or []
        if lines and not restriction.get("source"):
            read.update(range(lines[0], lines[-1] + 1))
            if restriction.get("kind") in ("field-of-use", *PROHIBITING_KINDS):  # its list of uses
                read.update(n for n, _ in prohibited_items(text, restriction))
    rows = (text.text or "").splitlines() if text.text else None
    unread = []
    ranges = record.get("unexplained") or []
    if not ranges and rows:
        ranges = [[1, len(rows)]]  # a known text not named (another edition, modified): all of it
    for first, last in ranges:
        run: list[int] = []
        for n in range(first, last + 1):
            if n in read:  # a read line ends a run of unread ones
                if run:
                    unread.append([run[0], run[-1]])
                run = []
            elif rows is None or (n - 1 < len(rows) and rows[n - 1].strip()):
                run.append(n)
        if run:
            unread.append([run[0], run[-1]])
    return unread


def read_through(text: GoverningText) -> bool:
    """Whether an unidentified text is known licenses plus lines that clause rules read (a
    license with a threshold added): its answers then come from both."""
    record = text.record
    return (not record.get("identified") and bool(record.get("contains"))
            and bool(record.get("unexplained")) and not _unread_lines(text))


def _unexplained(tally: _Tally, texts: list[GoverningText], question: str) -> None:
    """Text no known license explains and no rule read may decide the question (`_deciding`):
    never a yes from it; the answer is unknown with those lines named."""
    for text in texts:
        ranges, duties = _deciding_sentences(text, question)
        for sentence in duties:
            clause = {"text": text.label, "file": text.record.get("path"),
                      "lines": [sentence.start, sentence.end], "kind": "duty",
                      "quote": sentence.text, "value": None}
            tally.conditions.append((clause, f"{_short(sentence.text, 400)} ({_lines(clause)})"))
        if not ranges:
            continue
        where = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in ranges)
        one = len(ranges) == 1 and ranges[0][0] == ranges[0][1]
        tally.unknown.append(f"{text.label}: {'line' if one else 'lines'} {where} "
                             f"{'is' if one else 'are'} not a known license and no rule reads "
                             f"an answer to this question in {'it' if one else 'them'}")


BY_PLACE = re.compile(r"\b(?:outside|within|inside)\s+(?:the\s+)?(?:territor\w*|countr\w*|regions?|"
                      r"cit(?:y|ies)|borders?|jurisdictions?)|\b(?:domiciled|resident|located)\s+in\b",
                      re.IGNORECASE)
"""A prohibited use worded by place ("outside the city of ..."): with no place opengauge
knows, the region question is unknown."""


def _ask_region(tally: _Tally, texts: list[GoverningText], code: str, covered: frozenset[str],
                model_type: list[str] | None = None) -> str | None:
    """Territorial clauses naming the region (or part of it); returns the scope of the no.
    A clause scoped to multimodal models does not refuse a model the catalog types as text only
    (`model_type` within `TEXT_ONLY_TYPES`): it becomes the condition that the model is not one
    of them."""
    scopes: list[str | None] = []
    for text, restriction in _each(texts, "field-of-use"):
        sentence = full_sentence(text, restriction)
        if not BY_PLACE.search(sentence) or _PLACE.search(sentence):
            continue
        if EXPORT_LAW.search(sentence):
            # "to any country prohibited by Export Laws": a duty to follow export law, not a place
            tally.conditions.append((cite(text, restriction),
                                     "not where export or sanctions laws forbid it"))
        else:
            tally.unknown.append(f"{_lines(cite(text, restriction))} limits use by place in words "
                                 f"opengauge cannot locate: \"{_short(sentence)}\"")
    for text, restriction in _each(texts, "territorial"):
        sentence = full_sentence(text, restriction)
        clause = cite(text, restriction)
        named = {m.group(1).lower() for m in _PLACE.finditer(sentence)}
        places = frozenset().union(*(PLACES[n] for n in named)) if named else frozenset()
        partial = any(n in PART_OF for n in named)
        if not places:
            tally.unknown.append(f"{_lines(clause)} restricts use by territory without naming a place "
                                 f"opengauge can locate: \"{_short(sentence)}\"")
            continue
        overlap = covered & places
        if not overlap:
            continue
        scope_match = SCOPE.search(sentence)
        scope = scope_match.group(1).strip() if scope_match else None
        for after in [*quoted_sentences(text, restriction), *following(text, restriction)]:
            found = DOES_NOT_APPLY.search(after)
            if found:
                tally.exceptions.append(f"does not apply to {found.group(1).strip()}")
        where = " and ".join(sorted({_place_name(n) for n in named}))
        if overlap == covered and not partial:
            reason = f"{_lines(clause)} withholds the rights from licensees domiciled in {where}"
            if scope and MULTIMODAL.search(scope) and _text_only(model_type):
                tally.conditions.append((clause, f"it is not one of the {scope}: {reason} for those "
                                                 f"only, and the catalog types this model as "
                                                 f"{', '.join(model_type or [])}"))
                continue
            tally.no.append((clause, reason, scope))
            scopes.append(scope)
        else:
            rest = sorted(covered - overlap) if not partial else []
            tally.conditions.append((clause, f"not for licensees in {where}"
                                     + (f" ({scope})" if scope else "")
                                     + (f"; {', '.join(rest)} not named" if rest else "")))
    if scopes and all(scopes):
        return "; ".join(dict.fromkeys(s for s in scopes if s))
    return None


def _text_only(model_type: list[str] | None) -> bool:
    return bool(model_type) and all(str(t).strip().lower() in TEXT_ONLY_TYPES for t in model_type or [])


def _place_name(name: str) -> str:
    if name in ("eu", "european union"):
        return REGION_NAMES["EU"]
    if name in ("eea", "european economic area"):
        return REGION_NAMES["EEA"]
    return "the UK" if name == "uk" else name.title()


_MARKER = re.compile(LIST_MARKER, re.IGNORECASE)


def _military(line: str) -> bool:
    return bool(MILITARY.search(line)) and not EXPORT_LAW.search(line)


def _ask_military(tally: _Tally, texts: list[GoverningText]) -> None:
    """Prohibited uses that name military uses or weapons: a field-of-use clause and the list
    it introduces, and the enumerated uses in a prohibiting sentence of the other kinds
    (`PROHIBITING_KINDS`). Export and sanctions compliance clauses do not count."""
    found: set[tuple[Any, int]] = set()

    def prohibit(base: dict[str, Any], number: int, line: str, item: str | None = None) -> None:
        if (base.get("file"), number) in found:
            return
        found.add((base.get("file"), number))
        clause = {**base, "lines": [number, number], "quote": _short(line, 280)}
        named = f"\"{item}\" among the uses in " if item else ""
        tally.no.append((clause, f"{_lines(clause)} prohibits it: {named}\"{_short(line)}\"", None))

    for text, restriction in _each(texts, "field-of-use"):
        items = prohibited_items(text, restriction) or [
            (n, str(restriction.get("quote") or "")) for n in (restriction.get("lines") or [])[:1]]
        base = cite(text, restriction)
        for number, line in items:
            if _military(line):
                prohibit(base, number, _MARKER.sub("", line))
    for text in texts:  # a prohibition no rule read ("You shall not, for military ... purposes")
        base = {"text": text.label, "file": text.record.get("path"), "kind": "field-of-use",
                "value": {"topics": ["military"]}}
        for sentence in text.sentences if _unread_lines(text) else []:
            if PROHIBITS.search(sentence.plain) and _military(sentence.text):
                prohibit(base, sentence.start, _MARKER.sub("", sentence.text))
    for text, restriction in _each(texts, *PROHIBITING_KINDS):
        base = cite(text, restriction)
        for sentence in touched(text, restriction):
            if not PROHIBITS.search(sentence.plain) or not MILITARY.search(sentence.text):
                continue
            for part in _ENUMERATED.split(sentence.text):
                if _military(part):
                    prohibit(base, sentence.start, _MARKER.sub("", sentence.text),
                             _short(_MARKER.sub("", part).strip(" ,;"), 80))


def _ask_training(tally: _Tally, texts: list[GoverningText]) -> None:
    for text, restriction in _each(texts, "no-model-training"):
        sentence = full_sentence(text, restriction)
        clause = cite(text, restriction)
        competing = COMPETING.search(sentence)
        scope = f"models {competing.group(1).strip()}" if competing else None
        tally.exceptions += [f"excluding {m.group(1).strip()}" for m in EXCEPTION.finditer(sentence)]
        named = "" if OUTPUTS.search(sentence) else " (the clause names the model, not its outputs)"
        tally.no.append((clause, f"{_lines(clause)} forbids using it to train or improve other models"
                                 f"{named}", scope))
    _naming(tally, texts, require_outputs=True)


def _naming(tally: _Tally, texts: list[GoverningText], *, require_outputs: bool = False) -> None:
    """Display and naming duties for models made with this one ("include 'Llama' at the
    beginning of any such AI model name")."""
    for text, restriction in _each(texts, "attribution-display"):
        if restriction.get("value"):
            continue
        for sentence in quoted_sentences(text, restriction):
            if MODEL_NAMING.search(sentence) and TRAINING.search(sentence) and (
                    OUTPUTS.search(sentence) or not require_outputs):
                tally.conditions.append((cite(text, restriction), _short(sentence, 400)))


AGREEMENT_COPY = re.compile(
    r"\b(?:re)?distribut\w*\b[^.;]{0,240}\b(?:provide|include|give|deliver|accompan\w*)\b[^.;]{0,80}"
    r"\bcop(?:y|ies) of (?:this|the) (?:agreement|licen[cs]e)\b", re.IGNORECASE)
"""A duty to hand a copy of the agreement on with what is distributed."""


def _policy_travels(tally: _Tally, texts: list[GoverningText]) -> None:
    """A license that makes a use policy binding and requires a copy of itself to go with every
    distribution binds the recipients to that policy: redistribution is conditional on passing
    the agreement on (the Llama 2 license). A copy of an open source license with no use policy
    (MIT, Apache-2.0) is no such condition."""
    for text in texts:
        if binding_policy(text) is None or not text.text:
            continue
        for sentence in text.sentences:
            if AGREEMENT_COPY.search(sentence.text):
                clause = {"text": text.label, "file": text.record.get("path"),
                          "lines": list(range(sentence.start, sentence.end + 1)),
                          "kind": "distribution-duty", "quote": sentence.text, "value": None}
                tally.conditions.append((clause, "recipients receive a copy of the agreement, "
                                         "whose use policy binds them: " + _short(sentence.text, 400)))


def _ask_distribution(tally: _Tally, texts: list[GoverningText]) -> None:
    _policy_travels(tally, texts)
    for text, restriction in _each(texts, "attribution-display"):
        if restriction.get("value"):
            continue
        tally.conditions.append((cite(text, restriction), _short(full_sentence(text, restriction), 400)))
    for text, restriction in _each(texts, "flow-down"):
        tally.conditions.append((cite(text, restriction), "pass the use restrictions on: "
                                 + _short(full_sentence(text, restriction), 400)))


def answer(question: str, texts: list[GoverningText], *, users: float | None = None,
           revenue: float | None = None, region: str | None = None,
           model_type: list[str] | None = None) -> Answer:
    """The answer to one question from the governing texts (`model_type`: the catalog's types
    of the model, when known)."""
    tally = _Tally()
    result = Answer(question, asked(question, users=users, revenue=revenue, region=region))
    result.value = {"users": users, "revenue": revenue, "region": region}.get(question)
    for text, restriction in _each(texts, *NO_KINDS.get(question, ())):
        if question != "train-on-outputs":
            clause = cite(text, restriction)
            tally.no.append((clause, f"{_lines(clause)}: \"{_short(str(restriction.get('quote')))}\"", None))
    if question == "commercial":
        _ask_threshold(tally, texts, "users", users)
        _ask_threshold(tally, texts, "revenue", revenue)
        _commercial_duties(tally, texts)
    elif question in ("users", "revenue"):
        _ask_threshold(tally, texts, question, users if question == "users" else revenue)
    elif question == "region" and region:
        code, covered = region_codes(region)
        result.scope = _ask_region(tally, texts, code, covered, model_type)
    elif question == "military":
        _ask_military(tally, texts)
    elif question == "train-on-outputs":
        _ask_training(tally, texts)
    elif question == "fine-tune":
        _naming(tally, texts)
    elif question == "redistribute":
        _ask_distribution(tally, texts)
    for kind, condition in CONDITION_KINDS.get(question, {}).items():
        for text, restriction in _each(texts, kind):
            clause = cite(text, restriction)
            tally.conditions.append((clause, f"{condition} ({_lines(clause)}: "
                                             f"\"{_short(str(restriction.get('quote')))}\")"))
    if question in NON_COMMERCIAL_CONDITION:
        for text, restriction in _each(texts, "non-commercial"):
            tally.conditions.append((cite(text, restriction), "for non-commercial purposes only"))
    if question == "users":
        _withdrawn_above(tally, texts, None, revenue)
    elif question == "revenue":
        _withdrawn_above(tally, texts, users, None)
    elif question != "commercial":
        _withdrawn_above(tally, texts, users, revenue)
    _ask_purpose(tally, texts, question)
    _unexplained(tally, texts, question)
    missing = _missing_policy(texts)
    if question in POLICY_QUESTIONS:
        tally.unknown += _ethics_terms(texts)
    if missing and question in POLICY_QUESTIONS:
        tally.unknown.append(missing)
    elif missing:
        tally.conditions.append((None, f"if the use policy allows it: {missing}"))
    missing_right = _permission(texts, RIGHTS[question], question)
    return _decide(result, tally, missing_right, granting(texts, RIGHTS[question]))


def _decide(result: Answer, tally: _Tally, missing_right: str | None, granted_by: list[str]) -> Answer:
    result.thresholds = tally.thresholds
    result.exceptions = list(dict.fromkeys(tally.exceptions))
    if tally.no:
        result.answer = "no"
        result.clauses = _unique([c for c, _, _ in tally.no])
        result.reason = "; ".join(dict.fromkeys(r for _, r, _ in tally.no))
        scopes = [s for _, _, s in tally.no]
        if result.scope is None and scopes and all(scopes):
            result.scope = "; ".join(dict.fromkeys(s for s in scopes if s))
        if result.scope:
            result.reason = f"no for {result.scope}: {result.reason}"
        return result
    result.scope = None
    unknown = list(dict.fromkeys(tally.unknown + ([missing_right] if missing_right else [])))
    result.conditions = list(dict.fromkeys(text for _, text in tally.conditions))
    result.clauses = _unique([c for c, _ in tally.conditions if c] + tally.cleared)
    if unknown:
        result.answer = "unknown"
        result.reason = "; ".join(unknown)
    elif tally.conditions:
        result.answer = "conditional"
        named = [text if clause is None or str(clause.get("text")) in text
                 else f"{text} ({_lines(clause)})" for clause, text in tally.conditions]
        result.reason = "yes, if: " + "; ".join(dict.fromkeys(named))
    else:
        result.answer = "yes"
        below = [t["text"] for t in tally.thresholds if t.get("result") == "below"]
        result.reason = (f"granted by {', '.join(granted_by)}; nothing in the texts restricts it"
                         + (f" ({'; '.join(below)})" if below else ""))
    return result


def _unique(clauses: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple] = set()
    out = []
    for clause in clauses:
        key = (clause.get("file"), tuple(clause.get("lines") or []), clause.get("kind"))
        if key not in seen:
            seen.add(key)
            out.append(clause)
    return out


def asked(question: str, *, users: float | None = None, revenue: float | None = None,
          region: str | None = None) -> str:
    """The question in words."""
    if question == "users":
        return f"serve {users:,.0f} monthly active users" if users is not None else "serve users"
    if question == "revenue":
        return f"use it with USD {revenue:,.0f} annual revenue" if revenue is not None else "revenue"
    if question == "region":
        code = (region or "").upper()
        return f"use it in {REGION_NAMES.get(code, code)}"
    return {"commercial": "use it commercially", "fine-tune": "fine-tune it (modify it, make derivatives)",
            "redistribute": "redistribute it", "train-on-outputs": "train other models on its outputs",
            "military": "use it for military purposes"}[question]


def notes(texts: list[GoverningText]) -> list[str]:
    """What applies to every answer: terms the licensor may change, remote restrictions."""
    found = []
    for text, restriction in _each(texts, "updatable-terms", "remote-restriction", "revocable-grant"):
        clause = cite(text, restriction)
        what = {"updatable-terms": "the licensor may change these terms",
                "revocable-grant": "the license is revocable"}.get(
            str(restriction.get("kind")), "the licensor may restrict use remotely")
        found.append(f"{what} ({_lines(clause)}): \"{_short(str(restriction.get('quote')))}\"")
    return list(dict.fromkeys(found))
