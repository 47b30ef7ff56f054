"""The license texts a model card holds itself, and the base models its prose names.

- its license section (a heading naming license, licence, terms of use or legal), read whole;
- `extra_gated_prompt`, the text users accept to download a gated model;
- prose naming a license: "licensed under X", "released under X", "must adhere to X",
  "governed by X", "subject to X" (with what the sentence says it governs: code, model/weights,
  data or documentation);
- prose naming a base model: "fine-tuned from X", "derivative of X", "quantized version of X",
  "Built with X". A mention that only compares ("compared with Llama 3") is not a base.

Identifying the licenses and families is left to the assessment (`assess.licensing`).
"""

from __future__ import annotations

import re

from opengauge import frontmatter
from opengauge.model import Evidence
from opengauge.sources.card import split_body
from opengauge.sources.facts import BaseMention, CardTerm, Facts
from opengauge.sources.interface import Repository, Source

SOURCE = "card-terms"
MAX_SECTION_CHARS = 20_000
MAX_MENTIONS = 20

_HEADING = re.compile(r"\blicen[cs]e|\bterms of use\b|\bgoverning terms\b|\blegal\b|\bterms\b",
                      re.IGNORECASE)
_LINK = re.compile(r"\[([^\]]{1,200})\]\(\s*<?([^)\s>]{1,500})>?[^)]*\)")
_NAME = (r"(?:the\s+)?((?:\[[^\]]{1,200}\]\([^)]{1,500}\))|[A-Z0-9][^.;:\n()]{1,120}?"
         r"(?:licen[cs]e|agreement|terms of use|terms)(?:\s*(?:,?\s*version|v)?\s*\d+(?:\.\d+)*)?"
         r"|[A-Z][\w.+-]*(?:[ -](?:\d[\w.]*|[A-Z][\w.+-]*)){0,3})")
_LICENSE_PROSE = re.compile(
    r"\b(?:licen[cs]ed|released|made available|distributed|provided)\s+under\s+" + _NAME
    + r"|\bmust\s+(?:adhere|comply)\s+(?:to|with)\s+" + _NAME
    + r"|\b(?:is|are|be|remains?)\s+(?:governed by|subject to)\s+" + _NAME)
_SUBJECTS = (("code", r"\b(?:code|software|scripts?|codebase|repository code)\b"),
             ("weights", r"\b(?:model|models|weights|checkpoints?|parameters)\b"),
             ("data", r"\b(?:data|datasets?)\b"),
             ("docs", r"\b(?:documentation|docs)\b"))
_BASE_PROSE = re.compile(
    r"(?i:\b(?:(?:is\s+)?(?:a\s+)?fine[- ]?tun(?:ed|e)\s+(?:version\s+)?(?:from|of)"
    r"|(?:a\s+)?derivative\s+(?:work\s+|model\s+)?of"
    r"|(?:a\s+)?(?:quantized|quantised|gguf|distilled)\s+(?:version|variant)\s+of"
    r"|built\s+with)\s+(?:the\s+)?(?:model\s+)?)"
    r"(?P<name>\[[^\]]{1,200}\]\([^)]{1,500}\)|[\w.-]+/[\w.-]+"
    r"|[A-Z][\w.+-]*(?:[ -](?:\d[\w.]*|[A-Z][\w.+-]*))*)")
_LICENSE_NAME = re.compile(r"licen[cs]e|agreement|terms of use", re.IGNORECASE)
_HOW = re.compile(r"fine[- ]?tun|derivative|quanti|gguf|distilled|built", re.IGNORECASE)


def scope_of(sentence: str) -> str:
    """What a sentence says a license governs: the subject named nearest before the verb."""
    best, where = "unknown", -1
    for scope, pattern in _SUBJECTS:
        for match in re.finditer(pattern, sentence, re.IGNORECASE):
            if match.start() > where:
                best, where = scope, match.start()
    return best


def link_parts(name: str) -> tuple[str, str | None]:
    """('text', 'url') of a Markdown link, else (name, None)."""
    match = _LINK.fullmatch(name.strip())
    return (match.group(1).strip(), match.group(2)) if match else (name.strip(), None)


class CardTermsSource(Source):
    """License texts and base-model mentions in the card (see the module docstring)."""

    name = SOURCE

    def collect(self, repo: Repository, facts: Facts) -> None:
        card = facts.card
        if card is None or not card.text:
            return
        text = card.text.lstrip("\ufeff").replace("\r\n", "\n")
        body = split_body(text, frontmatter.body_of(text)[1])

        def evidence(line: int, quote: str, note: str | None = None) -> Evidence:
            return repo.evidence(SOURCE, card.file, line, quote=quote[:200], note=note)

        prompt = card.gating.get("extra_gated_prompt")
        if prompt is not None and isinstance(prompt.value, str) and prompt.value.strip():
            facts.card_terms.append(CardTerm("gated-prompt", prompt.value[:MAX_SECTION_CHARS],
                                             prompt.evidence, "weights"))
        for index, heading in enumerate(body.headings):
            if heading.level == 7 or not _HEADING.search(heading.title):
                continue
            end = next((h.line for h in body.headings[index + 1:] if h.level <= heading.level),
                       body.first_line + len(body.lines))
            lines = [line for offset, line in enumerate(
                body.lines[heading.line + 1 - body.first_line:end - body.first_line])
                if heading.line + 1 + offset not in body.in_code]
            section = "\n".join(lines).strip()
            if section:
                facts.card_terms.append(CardTerm("section", section[:MAX_SECTION_CHARS],
                                                 evidence(heading.line, heading.raw), "unknown",
                                                 title=heading.raw.strip("#* ").strip()))
                section_lines = range(heading.line + 1, end)
            break
        else:
            section_lines = range(0)
        mentions = 0
        seen: set[tuple[str, str | None]] = set()
        for offset, line in enumerate(body.lines):
            number = body.first_line + offset
            if number in body.in_code or not line.strip():
                continue
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\[])", line):
                named: list[tuple[str, str | None, str]] = []
                for match in _LICENSE_PROSE.finditer(sentence):
                    label, url = link_parts(next(g for g in match.groups() if g))
                    named.append((label, url, scope_of(sentence[:match.start() + 30])))
                if number in section_lines:  # a license section's links name its licenses
                    named += [(text, url, "unknown") for text, url in _LINK.findall(sentence)
                              if _LICENSE_NAME.search(text)]
                for label, url, scope in named:
                    label = label.strip(" .,;:*")
                    if (label, url) in seen:
                        continue
                    seen.add((label, url))
                    facts.card_terms.append(CardTerm(
                        "prose", sentence.strip()[:500], evidence(number, sentence.strip()),
                        scope, name=label, url=url))
                for match in _BASE_PROSE.finditer(sentence):
                    if mentions >= MAX_MENTIONS:
                        break
                    label, url = link_parts(match.group("name"))
                    how = _HOW.search(match.group(0))
                    facts.base_mentions.append(BaseMention(
                        label.strip(" .,;:"), how.group(0).lower() if how else "named", url,
                        evidence(number, sentence.strip())))
                    mentions += 1
