"""Clause analysis: the restrictions a license text imposes, quoted with their lines.

Works on any text, known or never seen: each sentence is read by a few rules, one per
finding kind, each a set of trigger patterns with the exceptions that keep open licenses
clean (a BSD clause about the author's *name* is not a use restriction; GPL's "you may not
modify ... except as expressly provided under this License" is not a ban on derivatives;
"new versions of this License" is not a licensor's right to change the terms).

The kinds and the Open Source Definition criteria they conflict with are fixed (`OSD`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from opengauge.licenses import rulebook
from opengauge.licenses.lazyre import Lazy, any_of
from opengauge.licenses.sentences import Sentence, split
from opengauge.licenses.vocabulary import topics

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
    **rulebook.OSD,
}
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

    @property
    def osd(self) -> list[int]:
        return list(OSD[self.kind])

    def to_dict(self) -> dict[str, Any]:
        data = {"kind": self.kind, "quote": self.quote, "lines": list(self.lines),
                "value": self.value, "osd": self.osd}
        if self.source:
            data["source"] = self.source
        return data


_MODAL_NOT = (r"(?:will|shall|must|may|can|should)\s+not|cannot|agrees?\s+not\s+to|"
              r"agree\s+that\s+you\s+will\s+not")

# --- thresholds -------------------------------------------------------------------------
_NUMBER = r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion|thousand|mn|bn|m|k)?\b"
_USERS = Lazy(_NUMBER + r"\s+(?:(monthly|daily|weekly)\s+)?(?:active\s+)?(?:end\s+)?users\b")
_MONEY = Lazy(
    r"(us\s*\$|usd\s*\$?|\$|€|£|eur\s*|rmb\s*|cny\s*|¥)?\s*" + _NUMBER
    + r"\s*(us\s+dollars|u\.s\.\s+dollars|dollars|usd|euros?|eur|rmb|yuan|cny|pounds)?")
_REVENUE = Lazy(r"\b(?:revenue|revenues|turnover|income|sales)\b")
_COMPARE = Lazy(r"\b(?:more\s+than|greater\s+than|exceed\w*|in\s+excess\s+of|over|at\s+least|"
                      r"above|less\s+than|fewer\s+than|below|under|up\s+to)\b")
_CONSEQUENCE = Lazy(
    r"\b(?:request|obtain|apply\s+for|purchase|need|require\w*)\s+(?:a|an)\s+(?:separate\s+|"
    r"commercial\s+|enterprise\s+|additional\s+)?(?:[\w-]+\s+)?licen[cs]e|not\s+(?:be\s+)?(?:authori[sz]ed|"
    r"permitted|licensed|entitled|allowed|granted)|sole\s+discretion|shall\s+terminate|terminat\w+|"
    r"\benterprise\b|contact\s+us|\bfees?\b|\bpaid\b|free\s+access|must\s+(?:request|obtain|apply|pay)|"
    r"commercial\s+licen[cs]e|separate\s+licen[cs]e|express\s+authori[sz]ation")
_MULTIPLIER = {"thousand": 10**3, "k": 10**3, "million": 10**6, "mn": 10**6, "m": 10**6,
               "billion": 10**9, "bn": 10**9}

# --- rules ------------------------------------------------------------------------------
_DISPLAY = any_of(
    r"\bprominently\s+(?:display|displayed|show|shown|mark|state)\b",
    r"\binclude\s+prominently\b",
    r"\bbuilt\s+with\s+(?:meta\s+)?llama\b",
    r"\bis\s+built\s+using\s+[\w\s]{0,40}technology\b",
    r"\bpowered\s+by\b[^.;]{0,60}\b(?:display|include|state|user\s+interface|website)\b",
    r"\bat\s+the\s+beginning\s+of\s+any\s+such\s+(?:ai\s+)?model\s+name\b",
    r"\badvertising\s+materials\b[^;]{0,120}\bmust\s+display\b",
    r"\bdisplay\s+\"[^\"]{1,40}\"\s+on\b",
)
_DISPLAY_NOT = Lazy(r"appropriate\s+legal\s+notices")

_NON_COMMERCIAL = any_of(
    r"\bnon[- ]?commercial\s+(?:purposes?|use|uses|research|only|basis|applications?|licen[cs]e)\b",
    r"\bnon[- ]?commercial\"?\s+(?:shall\s+)?means?\b",
    r"\battribution[- ](?:non[- ]?commercial|noncommercial)\b",
    r"\bcc[- ]by[- ]nc\b",
    r"\bfor\s+(?:non[- ]?commercial\s+)?(?:research|academic|evaluation)(?:\s+(?:and|or)\s+"
    r"(?:non[- ]?commercial|evaluation|research|academic|educational))?\s+(?:purposes?|use)\s+only\b",
    r"\b(?:not|no)\s+(?:for\s+)?commercial\s+(?:use|purposes?)\b",
    r"\bcommercial\s+(?:use|usage|exploitation)\s+(?:of\s+(?:[\w-]+\s+){1,4}?)?(?:is|are)\s+(?:strictly\s+|"
    r"expressly\s+)?(?:not\s+(?:permitted|allowed|authori[sz]ed)|prohibited|forbidden)\b",
    r"\b(?:" + _MODAL_NOT + r")\s+(?:use|exploit|distribute)\b[^.;]{0,200}\bcommercial(?:ly)?\b",
    r"\b(?:will|shall|must|may|can)\s+not\s+be\s+(?:used|exploited|distributed|sold)\b[^.;]{0,120}"
    r"\bfor\s+(?:any\s+)?commercial\s+(?:purposes?|use|uses|gain|advantage)\b",
    r"\bif\s+you\s+are\s+commercially\s+using\b[^;]{0,80}\b(?:request|obtain)\s+a\s+licen[cs]e",
    r"\bnot\s+(?:\w+\s+){0,3}(?:primarily\s+)?intended\s+for\s+or\s+directed\s+towards\s+commercial",
    r"\b(?:only|solely|exclusively)\b[^.;]{0,120}\bfor\s+(?:\w+\s+)?research\s+purposes\b",
    r"\bprohibited\s+from\s+(?:using|exploiting)\b[^.;]{0,100}\bcommercial\s+purposes?\b",
    r"\bcommercial\s+(?:use|exploitation)\b[^.;]{0,100}\brequires?\s+a\s+separate\b",
)
_ONLY_COMMERCIAL = Lazy(
    r"\b(?:use|used|exploit|exploited)\s+(?:[\w-]+\s+){0,4}?for\s+(?:any\s+)?commercial\s+(?:purposes?|use|"
    r"uses|gain|advantage)(?:\s+without\b[^.;]{0,80})?\W*$")
_COMMERCIAL_GRANT = Lazy(
    r"^\W*(?:[\divx]+\.?\s*)?commercial\s+use\s+licen[cs]e\b|\bgrants?\s+you\b[^.;]{0,300}\bfor\s+(?:a\s+|any\s+)?"
    r"commercial\s+purposes?\b|\bfor\s+commercial\s+use\s+solely\s+if\b|\blimited\s+commercial\s+uses?\b")
_NON_COMMERCIAL_NOT = Lazy(
    r"\bcommercial,?\s+(?:and|or)\s+non[- ]?commercial|non[- ]?commercial,?\s+(?:and|or|and/or)\s+"
    r"commercial|whether\s+(?:for\s+)?(?:a\s+)?commercial|including\s+commercial|"
    r"commercial\s+or\s+otherwise|any\s+purpose,?\s+(?:including\s+)?commercial|including\s+(?:for\s+)?"
    r"non[- ]?commercial|commercial\s+use\s+of\s+(?:these|the|its|our|such)?\s*(?:trademarks?|names?|marks?)|"
    r"(?:designed|developed)\s+(?:solely\s+)?for\s+research")

_FIELD_WEAK = any_of(
    r"\b(?:" + _MODAL_NOT + r")\s+(?:to\s+)?(?:use|utili[sz]e|deploy|employ|allow\s+others\s+to\s+use)\b",
    r"\b(?:will|shall|must|may|can)\s+not\s+be\s+(?:used|deployed|utili[sz]ed)\s+(?:to|for|in|by)\b",
    r"\bare\s+not\s+deployed\b[^.;]{0,60}\b(?:in|for)\b",
)
_FIELD_STRONG = any_of(
    r"\b(?:adhere\s+to|comply\s+with|subject\s+to|incorporated|bound\s+by|agree\s+to)\b[^.;]{0,80}"
    r"\b(?:(?:acceptable|prohibited|responsible)\s+use\s+polic(?:y|ies)|aup)\b",
    r"\b(?:(?:acceptable|prohibited)\s+use\s+polic(?:y|ies)|aup)\b[^.;]{0,80}\b(?:hereby\s+incorporated|"
    r"must\s+comply|shall\s+comply|apply|applies)\b",
    r"\b(?:use[- ]based\s+restrictions|restricted\s+uses)\b",
    r"\b(?:solely|only|exclusively)\s+for\s+(?:your\s+)?(?:internal|personal|academic|educational|"
    r"evaluation|testing)\s+(?:purposes?|use)\b",
    r"\bshall\s+be\s+used\s+for\s+good,?\s+not\s+evil\b",
    r"\byou\s+agree\s+you\s+will\s+not\s+use\b",
)
_LAW_ONLY = Lazy(
    r"(?:in\s+violation\s+of|violates?|contrary\s+to|breach\s+of)\s+(?:any\s+)?(?:local\s+(?:and|or)\s+"
    r"other\s+)?(?:applicable\s+)?(?:laws?|regulations?|legislation)|for\s+(?:any\s+)?(?:illegal|unlawful)\s+"
    r"purposes?|illegal\s+material|misleading|misrepresent|distorted|personal\s+(?:information|data)")
_FIELD_NOT = Lazy(
    r"\b(?:names?|trademarks?|trade\s+names?|service\s+marks?|marks?|logos?)\b[^;]{0,100}"
    r"\b(?:may|shall|must|will)\s+not\s+be\s+used|\bnot\s+use\b[^;]{0,40}\b(?:names?|trademarks?|"
    r"trade\s+names?|marks?|logos?)\b|endorse\s+or\s+promote|to\s+endorse\b|\"[^\"]{1,40}\"\s+(?:shall|may|"
    r"must)\s+not\s+be\s+used|not\s+use\s+\"|(?:in|for)\s+advertising|advertising\s+or\s+(?:publicity|"
    r"product\s+endorsement)|"
    r"except\s+in\s+compliance\s+with|except\s+as\s+(?:expressly\s+)?(?:provided|permitted|authori[sz]ed|"
    r"set\s+forth)|if\s+you\s+do\s+not\s+(?:accept|agree)|in\s+advertising\s+or\s+otherwise\s+to\s+promote|"
    r"\bunless\s+you\s+(?:accept|agree)|use\s+this\s+file\b|not\s+be\s+used\s+to\s+(?:construe|interpret|"
    r"increase|reduce|limit|restrict)\b|technical\s+measures|use\s+the\s+permissions|use\s+both\b|"
    r"(?:in\s+the\s+case\s+of|upon|after|following)\s+(?:such\s+)?termination|impossible\s+for\s+you\s+to\s+"
    r"comply|if\s+you\s+(?:do\s+not|cannot|can\s+not|fail\s+to)\s+comply|unless\s+you\s+comply")

_TRAINING = any_of(
    r"\b(?:not|never|no)\b[^.;]{0,100}?\b(?:use|using|used)\b[^.;]{0,160}?\bto\s+(?:train|improve|"
    r"develop|create|build|fine[- ]?tune|distill|enhance)\b[^.;]{0,100}?\b(?:models?|llms?|ai|"
    r"artificial\s+intelligence|machine\s+learning|neural\s+networks?)\b",
    r"\b(?:not|never|no)\b[^.;]{0,80}?\b(?:train|training)\b[^.;]{0,60}?\b(?:other|another|competing|"
    r"third[- ]party)\b[^.;]{0,40}?\bmodels?\b",
)

_DERIVATIVES = any_of(
    r"\bno[- ]?derivatives\b|\bno\s+derivative\s+works\b|\bnoderivs\b",
    r"\b(?:" + _MODAL_NOT + r")\s+(?:modify|adapt|alter|translate|(?:create|make|prepare)\s+(?:any\s+)?"
    r"(?:derivative|adaptations|adapted))\b",
    r"\bnot\s+share,?\s+adapted\s+material\b",
    r"\bno\s+(?:right|license|permission)\s+to\s+(?:modify|create\s+derivative)",
    r"\b(?:" + _MODAL_NOT + r")\s+(?:distribute|redistribute|share|publish|release|make\s+available)\s+"
    r"(?:any\s+)?(?:modified|altered|adapted|derivative)\s+(?:versions?|copies|works?|forms?)\b",
    r"\b(?:modified|altered|adapted)\s+(?:versions?|copies|works?)\b[^.;]{0,60}\b(?:will|shall|must|may|can)"
    r"\s+not\s+be\s+(?:distributed|redistributed|shared|published|released)\b",
)
_DERIVATIVES_NOT = Lazy(
    r"except\s+as\s+(?:expressly\s+)?(?:provided|permitted|set\s+forth)|with\s+or\s+without\s+"
    r"modifications?|\bunless\b|except\s+(?:that|under|as)|(?:alter|remove|modify|obscure|delete)\b[^.;]{0,50}"
    r"\bnotices?\b|(?:terms|text|wording)\s+of\s+(?:this|the)\s+licen[cs]e|this\s+licen[cs]e\s+document|"
    r"modify\s+(?:this|the)\s+licen[cs]e|licen[cs]e(?:\s+agreement)?,?\s+which\s+you\s+may\s+not|"
    r"modify\s+(?:in\s+any\s+way\s+)?(?:a|any)\s+file\b|impossible\s+for\s+you\s+to\s+comply|"
    r"if\s+you\s+(?:do\s+not|cannot|can\s+not|fail\s+to)\s+comply")
_DEFINITION = Lazy(r"^\W*(?:[\d.]+\s*)?\"([^\"]{1,60})\"\s+(?:shall\s+)?means?\b")

_PLACES = (r"european\s+union|\beu\b|\beea\b|european\s+economic\s+area|united\s+kingdom|\buk\b|"
           r"south\s+korea|china|russia|iran|north\s+korea|cuba|syria|crimea|united\s+states|"
           r"switzerland|india|japan")
_TERRITORY_PLACE = Lazy(
    r"\b(?:domiciled|resident|residing|located|incorporated|principal\s+place\s+of\s+business)\b"
    r"[^.;]{0,80}\b(?:" + _PLACES + r")")
_TERRITORY_DENIED = Lazy(r"\bnot\s+(?:being\s+)?(?:granted|licensed|permitted|authori[sz]ed|"
                               r"available)|\b(?:may|shall|must)\s+not\b|\bprohibited\b|\bunlicensed\b")
_TERRITORY = any_of(
    r"\bdoes\s+not\s+apply\s+in\s+(?:the\s+)?(?:" + _PLACES + r")",
    r"\boutside\s+(?:of\s+)?the\s+territory\b|\bfor\s+the\s+territory\s+only\b|\bexclusively\s+in\s+the\s+"
    r"territory\b|\bexcluding\s+the\s+territory\s+of\b|\bexpressly\s+limited\s+to\s+the\s+territory\b",
    r"\bnot\s+(?:be\s+)?(?:used|available|licensed|distributed|granted)\s+(?:in|within)\s+(?:the\s+)?"
    r"(?:" + _PLACES + r")",
)

_REMOTE = any_of(
    r"\breserves?\s+the\s+right\s+to\s+(?:restrict|limit|disable|suspend|block)\b[^.;]{0,40}\bremote",
    r"\bremotely\s+(?:disable|restrict|deactivate|shut\s+down|terminate|revoke|limit)\b",
    r"\brestrict\s*\(\s*remotely\s+or\s+otherwise\s*\)",
)

_CLICK = any_of(
    r"\bby\s+clicking\b",
    r"\bclick(?:ing)?\s+(?:on\s+)?(?:the\s+)?\"?(?:i\s+)?(?:accept|agree)\b",
    r"\bclick[- ]?(?:through|wrap)\b",
    r"\"i\s+(?:accept|agree)\"\s+(?:below|button)",
)

_CLICK_OPTIONAL = Lazy(r"\bcan\s+be\s+accepted\s+by\s+clicking\b")

_UPDATABLE = any_of(
    r"\b(?:may|can|will|reserves?\s+the\s+right\s+to)\s+(?:from\s+time\s+to\s+time\s+)?(?:update|modify|"
    r"amend|change|revise)\s+(?:or\s+amend\s+)?(?:this|these|the|its)\s+(?:[\w-]+\s+){0,4}(?:agreement|"
    r"terms|licen[cs]e|polic(?:y|ies))\b",
    r"\b(?:agreement|terms|polic(?:y|ies)|aup)\b[^.;]{0,60}\bmay\s+be\s+(?:updated|modified|amended|"
    r"changed|revised)\b",
    r"\b(?:agreement|terms|polic(?:y|ies)|aup|licen[cs]e)\b[^.;]{0,100}\bas\s+(?:may\s+be\s+)?(?:updated|"
    r"amended|modified|revised)\s+from\s+time\s+to\s+time\b",
    r"\blatest\s+version\s+from\s+time\s+to\s+time\b",
    r"\bmost\s+recent\s+(?:copy|version)\s+of\s+this\s+(?:policy|agreement)\b",
)
_UPDATABLE_NOT = Lazy(
    r"new\s+versions?\s+of\s+(?:this|the)\s+(?:licen[cs]e|gnu|agreement)|licen[cs]e\s+steward|"
    r"agreement\s+steward|revised\s+(?:and/or|or|and)\s+new\s+versions|later\s+version|"
    r"publish\s+(?:revised|new)")

_FLOW = any_of(
    r"\b(?:include|incorporate|impose|pass\s+on|flow\s+down|contain)\b[^.;]{0,100}\b(?:use[- ]based\s+"
    r"restrictions|use\s+restrictions|(?:acceptable|prohibited)\s+use\s+polic(?:y|ies))\b[^.;]{0,120}"
    r"\b(?:agreement|licen[cs]e|terms)\b",
    r"\b(?:use[- ]based\s+restrictions|use\s+restrictions)\b[^.;]{0,160}\b(?:must|shall|will)\s+"
    r"(?:be\s+included|include|be\s+incorporated)",
    r"\bsubject\s+to\s+the\s+use\s+restrictions\b",
    r"\bsame\s+use[- ]based\s+restrictions\b",
)


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
        if "rmb" in sign or "yuan" in sign or "cny" in sign or "¥" in sign:
            currency = "RMB"
        elif "eur" in sign or "€" in sign:
            currency = "EUR"
        elif "£" in sign or "pound" in sign:
            currency = "GBP"
        else:
            currency = "USD"
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


# Words a rule's patterns cannot match without: one scan of a sentence tells which rules can
# apply at all (most sentences of most licenses need no rule's regular expression).
GATES: dict[str, tuple[str, ...]] = {
    "revenue": ("revenue", "turnover", "income", "sales"),
    "display": ("prominently", "display", "built with", "built using", "powered by", "model name"),
    "commercial": ("commercial", "research", "by-nc", "by nc"),
    "negation": ("not", "no ", "never"),
    "training": ("train", "improv", "develop", "creat", "build", "fine", "distil", "enhanc"),
    "models": ("model", "llm", "artificial", "machine learning", "neural", "ai"),
    "field": ("polic", "aup", "restrict", "solely", "only", "exclusively", "good",
              "agree you will not"),
    "use": ("use", "utili", "deploy", "employ"),
    "derivatives": ("deriv", "modif", "adapt", "alter", "translat"),
    "places": ("territor", "europe", "eu", "eea", "kingdom", "uk", "korea", "china", "russia",
               "iran", "cuba", "syria", "crimea", "united states", "switzerland", "india", "japan"),
    "updates": ("updat", "modif", "amend", "chang", "revis", "latest version", "most recent"),
    "flow": ("restriction", "use polic"),
    "user": ("user",),
    "remote": ("remote",),
    "click": ("click",),
    "quote": ('"',),
}
_GATE_WORDS = sorted({w for words in GATES.values() for w in words}, key=len, reverse=True)
_GATE_SCAN = re.compile("|".join(re.escape(w) for w in _GATE_WORDS))
_GATES_OF = {w: frozenset(g for g, words in GATES.items() if any(x in w for x in words))
             for w in _GATE_WORDS}


def gates(text: str) -> frozenset[str]:
    """The rules whose gate words occur in `text` (a word inside a longer one counts too)."""
    found = set(_GATE_SCAN.findall(text))
    return frozenset().union(*(_GATES_OF[w] for w in found)) if found else frozenset()


def _kinds(sentence: Sentence, following: str) -> list[tuple[str, dict[str, Any] | None]]:
    """(kind, value) of every restriction in one sentence.

    Each rule first checks for words its patterns cannot match without (a cheap filter; most
    sentences of most licenses need no regular expression at all).
    """
    text = sentence.plain
    found: list[tuple[str, dict[str, Any] | None]] = []
    gated = gates(text)
    users = users_threshold(text) if "user" in gated else None
    revenue = revenue_threshold(text) if "revenue" in gated else None
    display = "display" in gated and bool(_DISPLAY.search(text)) and not _DISPLAY_NOT.search(text)
    if display:
        found += [("attribution-display", v) for v in (users, revenue) if v] or [
            ("attribution-display", None)]
    elif users or revenue:
        context = f"{text} {following}"
        if _COMPARE.search(text) and _CONSEQUENCE.search(context):
            found += [("user-threshold", users)] if users else []
            found += [("revenue-threshold", revenue)] if revenue else []
    definition = _DEFINITION.match(text) if "quote" in gated else None
    if ("commercial" in gated and _NON_COMMERCIAL.search(text)
            and not _NON_COMMERCIAL_NOT.search(text) and not (users or revenue)
            and (definition is None or "commercial" in definition.group(1))):
        found.append(("non-commercial", None))
    negated = "negation" in gated
    training = (negated and "training" in gated and "models" in gated
                and bool(_TRAINING.search(text)))
    if training:
        found.append(("no-model-training", None))
    strong = "field" in gated
    weak = negated and "use" in gated and not _commercial_only(found, text)
    if not training and (
            (strong and _FIELD_STRONG.search(text))
            or (weak and _FIELD_WEAK.search(text) and not _LAW_ONLY.search(text))
    ) and not _FIELD_NOT.search(text):
        found.append(("field-of-use", {"topics": topics(text)} if topics(text) else None))
    if ("derivatives" in gated
            and _DERIVATIVES.search(text) and not _DERIVATIVES_NOT.search(text)
            and (definition is None or "deriv" in definition.group(1))):
        found.append(("no-derivatives", None))
    if "places" in gated and (
            _TERRITORY.search(text) or (_TERRITORY_PLACE.search(text) and _TERRITORY_DENIED.search(text))):
        found.append(("territorial", None))
    if "remote" in gated and _REMOTE.search(text):
        found.append(("remote-restriction", None))
    if "click" in gated and _CLICK.search(text) and not _CLICK_OPTIONAL.search(text):
        found.append(("click-through", None))
    if ("updates" in gated
            and _UPDATABLE.search(text) and not _UPDATABLE_NOT.search(text)):
        found.append(("updatable-terms", None))
    if "flow" in gated and _FLOW.search(text):
        found.append(("flow-down", None))
    found += [(kind, None) for kind in rulebook.read(text)]
    return found


def _commercial_only(found: list[tuple[str, dict[str, Any] | None]], text: str) -> bool:
    """Whether a `non-commercial` finding already says all that a prohibition of use in
    `text` says ("may not be used for commercial purposes" is not also a field-of-use)."""
    return any(kind == "non-commercial" for kind, _ in found) and bool(_ONLY_COMMERCIAL.search(text))


def quote(sentence: Sentence, limit: int = QUOTE_LIMIT) -> str:
    """The sentence as quoted: its wording, shortened in the middle when long."""
    text = sentence.text
    if len(text) <= limit:
        return text
    head = text[: limit * 2 // 3].rsplit(" ", 1)[0]
    tail = text[-(limit // 3):].split(" ", 1)[-1]
    return f"{head} ... {tail}"


_LEAD_IN = Lazy(r"(?:\b(?:will|shall|must|may)\s+not\b|\bagrees?\s+not\s+to\b|\bnot\s+(?:to\s+)?"
                      r"(?:permit|allow)\b|\bprohibited\b)[^.;]*(?::|\bto)\s*$")
_LIST_ITEM = Lazy(r"^\s*(?:(?:[-*+•·>]|\(?(?:\d{1,3}|[a-z]|[ivx]{2,5})[.)])\s+)+", re.IGNORECASE)


def _in_context(sentences: list[Sentence]) -> list[Sentence]:
    """Sentences as the rules read them: a list item under a prohibition ("You will not, and
    will not permit any third party to:") reads as "you will not <item>"."""
    read: list[Sentence] = []
    under = False
    for sentence in sentences:
        item = bool(_LIST_ITEM.match(sentence.text))
        if under and item:
            plain = "you will not " + _LIST_ITEM.sub("", sentence.plain, count=1)
            sentence = Sentence(sentence.text, plain, sentence.start, sentence.end)
        elif not item:
            under = False
        if _LEAD_IN.search(sentence.plain):
            under = True
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
    commercial = any(_COMMERCIAL_GRANT.search(s.plain) for s in sentences)
    findings: list[Finding] = []
    seen: set[tuple[str, str, int]] = set()
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1].plain if index + 1 < len(sentences) else ""
        for kind, value in _kinds(sentence, following):
            if kind == "non-commercial" and commercial:
                continue
            mark = (kind, str(value), sentence.start)
            if mark in seen:
                continue
            seen.add(mark)
            findings.append(Finding(kind, quote(sentence), [sentence.start, sentence.end], value))
    return findings


