"""Monetisation and the open-source exemption: the Commission's GPAI guidelines (July 2025,
section 4) read a model made available against a price, or only through paid services, as
not released under a free and open-source licence in the sense of Art. 53(2) and recital 103.

`monetisation(records, card_text_lines, notes, license_met, weights_met)` answers:

- `not-met`: a card or curated note says access is only through a paid API or subscription,
  or a governing licence charges for use above a threshold (a threshold clause that names a
  fee, payment, royalty or a paid licence), each quoted;
- `met`: every governing licence text is open source (no fee for use) and the weights are
  published for download, and nothing says access is paid;
- `unknown`: otherwise (nothing found is not evidence of free access), with any threshold
  clause that does not say whether the separate licence is paid quoted as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from opengauge.model import Evidence, Locator

PAID_ACCESS = re.compile(
    r"\b(?:only|exclusively|solely)\s+(?:be\s+)?(?:available|accessible|offered|provided|accessed)\s+"
    r"(?:\w{1,40}\s+){0,3}?(?:through|via|on|with)\s+(?:\w{1,40}\s+){0,3}?(?:paid|api|subscription|platform)"
    r"|\bpaid\s+(?:api|subscriptions?|plans?|tiers?|access)\b"
    r"|\b(?:requires?|needs?)\s+an?\s+(?:paid\s+)?subscription\b|\bsubscription\s+(?:is\s+)?required\b",
    re.IGNORECASE)
"""Card or note wording that access is only paid (quoted as evidence of monetisation)."""
CHARGES = re.compile(r"\b(?:fees?|pay(?:s|ment|able)?|paid|royalt(?:y|ies)|price|pricing|charge[sd]?"
                     r"|enterprise|purchase|free\s+(?:access|of\s+charge))\b", re.IGNORECASE)
"""Words in a threshold clause that make use above the threshold a paid one: a fee, payment,
royalty, price, an enterprise licence, or access that is free only below the threshold."""
THRESHOLDS = ("user-threshold", "revenue-threshold")


def monetisation(records: list[dict[str, Any]], lines: Iterable[tuple[Evidence, str]],
                 license_met: bool, weights_met: bool, weights_evidence: list[Evidence]
                 ) -> tuple[str, list[Evidence], str]:
    """(result, evidence, note) for the monetisation criterion (see the module docstring).

    `lines`: (where, text) of the card's lines and curated notes to search for paid access."""
    paid = [Evidence(e.source, e.locator, _short(text), "access only through paid services")
            for e, text in lines if PAID_ACCESS.search(text)]
    charged: list[Evidence] = []
    unpriced: list[Evidence] = []
    for record in records:
        for item in record.get("restrictions") or []:
            if item.get("kind") not in THRESHOLDS:
                continue
            quote = str(item.get("quote") or "")
            lines_ = item.get("lines") or [None]
            evidence = Evidence("license-analyzer", Locator(file=record.get("path"), line=lines_[0],
                                                            field=item.get("kind")), quote,
                                f"{record.get('label')}: {item.get('kind')}")
            (charged if CHARGES.search(quote) else unpriced).append(evidence)
    if paid or charged:
        what = []
        if paid:
            what.append("the card or a curated note says access is only through paid services")
        if charged:
            what.append("a licence charges for use above a threshold")
        return "not-met", paid + charged, "; ".join(what) + " (monetised: guidelines section 4)"
    if unpriced:
        return ("unknown", unpriced, "a licence needs a separate licence above a user or revenue "
                "threshold; the quoted clause does not say whether it is paid")
    if license_met and weights_met:
        return ("met", weights_evidence[:2], "open-source licence terms (no fee for use) and "
                "weights published for download; nothing says access is paid")
    return "unknown", [], "no evidence either way: " + (
        "the licence terms are not all open source" if not license_met else
        "the weights are not shown published for download")


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
