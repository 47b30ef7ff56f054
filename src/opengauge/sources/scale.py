"""The scale of a model: its parameter count and training tokens, each with the evidence it
rests on (for the training-compute estimate of `compliance.eu_ai_act`).

- parameters: the weights headers (safetensors, GGUF) via `Facts.weights`, else the size a
  Model Openness Tool release names in `release.version` (`7B`, `1.5B`, `450M`);
- training tokens: counts a model card or a curated note states (`trained on 2 trillion
  tokens`, `2T tokens`, `15.6T`), see `token_counts`;
- mixture-of-experts: config keys, GGUF `*.expert_count`, or the words in a curated note
  (6 x total parameters then overstates the compute).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opengauge.model import Evidence, Locator

MIN_TRAINING_TOKENS = 1e9
"""Counts below one billion are ignored: context lengths and batch sizes are given in tokens too."""

UNITS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "b": 1e9,
         "trillion": 1e12, "t": 1e12}
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_UNIT = r"(?P<unit>trillion|billion|million|thousand|[TtBbMmKk])"
_WITH_TOKENS = re.compile(rf"(?<![\w.,]){_NUMBER}\s*(?:{_UNIT}\b)?[\s-]*tokens?\b", re.IGNORECASE)
_TRAINED_ON = re.compile(
    rf"\b(?:pre-?)?train(?:ed|ing)\s+on\s+(?:about\s+|approximately\s+|around\s+|roughly\s+|over\s+|"
    rf"more\s+than\s+|up\s+to\s+|~\s*)?{_NUMBER}\s*{_UNIT}(?=\s*(?:[.,;:)]|$))", re.IGNORECASE)
_TRAINING_CONTEXT = re.compile(r"\b(?:pre-?)?train\w*|\bcorpus\b|\bcorpora\b|\bdata\w*", re.IGNORECASE)
_MOE_WORDS = re.compile(r"mixture[- ]of[- ]experts|\bMoE\b", re.IGNORECASE)
MOE_CONFIG_KEYS = ("num_local_experts", "num_experts", "n_routed_experts", "moe_num_experts",
                   "num_experts_per_tok")
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([MBT])\s*$", re.IGNORECASE)


@dataclass(slots=True)
class Count:
    """A number found in a text, with the evidence pointing at it."""

    value: float
    evidence: Evidence


def token_counts(text: str) -> list[tuple[float, int, str]]:
    """Training-token counts stated in `text`: (tokens, line number, the line), in text order.

    A count is a number with an optional unit (`2 trillion`, `2T`, `1.5B`, `15,000,000,000`)
    followed by `token(s)`, or `trained on` a number with a unit at the end of a clause. It
    counts only on a line that speaks of training or data, and only from one billion tokens
    on (`MIN_TRAINING_TOKENS`)."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not _TRAINING_CONTEXT.search(line):
            continue
        for pattern in (_WITH_TOKENS, _TRAINED_ON):
            for match in pattern.finditer(line):
                value = _value(match.group("num"), match.group("unit"))
                if value is not None and value >= MIN_TRAINING_TOKENS:
                    found.append((value, number, line))
    return found


def _value(number: str, unit: str | None) -> float | None:
    value = float(number.replace(",", "")) * UNITS.get((unit or "").lower(), 1.0)
    return value if math.isfinite(value) else None


def _quote(line: str, limit: int = 200) -> str:
    text = " ".join(line.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def card_tokens(card: Any) -> Count | None:
    """The largest training-token count the model card states (`CardFacts`), or None."""
    counts = token_counts(card.text or "")
    if not counts:
        return None
    value, line, text = max(counts, key=lambda c: c[0])
    others = len({c[0] for c in counts}) - 1
    note = "the largest training-token count the model card states" + (
        f" ({others} other count(s) stated)" if others else "")
    return Count(value, Evidence("card", card_locator(card, line), _quote(text), note))


def card_locator(card: Any, line: int) -> Locator:
    """A locator for `line` of the model card, shaped like the card's own evidence."""
    for evidence in _card_evidence(card):
        where = evidence.locator
        if where.url or where.file:
            url = f"{where.url.split('#', 1)[0]}#L{line}" if where.url else None
            return Locator(url=url, file=where.file, line=line)
    return Locator(file=card.file, line=line)


def _card_evidence(card: Any) -> list[Evidence]:
    found = [s.evidence for s in card.sections]
    found += [f.evidence for f in card.fields.values()]
    found += [f.evidence for f in card.licenses]
    return found


def note_tokens(notes: list[Evidence]) -> Count | None:
    """The largest training-token count stated in curated notes (each an Evidence whose note
    or quote is the text), or None."""
    best: Count | None = None
    for evidence in notes:
        text = " ".join(t for t in (evidence.note, evidence.quote) if t)
        for value, _, _ in token_counts(text.replace("\n", " ")):
            if best is None or value > best.value:
                best = Count(value, Evidence(evidence.source, evidence.locator, _quote(text),
                                             "a training-token count stated in a curated note"))
    return best


def weights_parameters(facts: Any) -> Count | None:
    """The parameter total the weights headers add up to (`Facts.weights.parameters`), else
    the total the Hub's model_info states for the repository's safetensors files."""
    counted = facts.weights.parameters
    if counted is not None and counted.value:
        return Count(float(counted.value), counted.evidence)
    hub = facts.hub.safetensors if facts.hub is not None else None
    total = hub.value.get("total") if hub is not None and isinstance(hub.value, dict) else None
    if isinstance(total, int) and total > 0:
        return Count(float(total), hub.evidence)
    return None


def release_parameters(mof_assessment: Any, release_file: Path) -> Count | None:
    """The size a MOT release names in `release.version` (`7B`, `450M`), read from its file."""
    from opengauge.yamlfile import read_yaml

    try:
        doc = read_yaml(release_file)
    except Exception:  # an unreadable record gives no count, the check goes on
        return None
    release = doc.data.get("release") if isinstance(doc.data, dict) else None
    version = release.get("version") if isinstance(release, dict) else None
    found = _SIZE.match(str(version)) if isinstance(version, str) else None
    if found is None:
        return None
    value = float(found.group(1)) * UNITS[found.group(2).lower()]
    return Count(value, Evidence("mot", Locator(file=mof_assessment.source_file,
                                                line=doc.line("release", "version"),
                                                field="release.version"),
                                 f"version: {version}",
                                 "the release's size as the Model Openness Tool names it"))


def moe_evidence(facts: Any | None, notes: list[Evidence]) -> Evidence | None:
    """Evidence that the model is a mixture of experts, or None."""
    if facts is not None:
        config = facts.config.value if facts.config is not None else None
        if isinstance(config, dict):
            for key in MOE_CONFIG_KEYS:
                if isinstance(config.get(key), int) and config[key] > 1:
                    return Evidence(facts.config.evidence.source, facts.config.evidence.locator,
                                    f"{key}: {config[key]}", "a mixture-of-experts configuration")
        for weight in facts.weights.gguf:
            for key, value in (weight.gguf.values if weight.gguf else {}).items():
                if str(key).endswith(".expert_count") and isinstance(value, int) and value > 1:
                    return Evidence("gguf", weight.evidence.locator, f"{key} = {value}",
                                    "a mixture-of-experts GGUF")
    for evidence in notes:
        text = " ".join(t for t in (evidence.note, evidence.quote) if t)
        if _MOE_WORDS.search(text):
            return Evidence(evidence.source, evidence.locator, _quote(text),
                            "a curated note names a mixture of experts")
    return None
