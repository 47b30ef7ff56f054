"""The scale of a model: its parameter count and training tokens, each with the evidence it
rests on (for the training-compute estimate of `compliance.eu_ai_act`).

- parameters: the weights headers (safetensors, GGUF) via `Facts.weights`, the Hub's
  safetensors total, an estimate from a dense decoder's `config.json` (`config_parameters`),
  the parameter cell of the card's table row for the model's size, else the size a Model
  Openness Tool release names in `release.version` (`7B`, `1.5B`, `450M`);
- training tokens: for the model's size, the cell of the card's table row for that size,
  else counts the card states in prose (`trained on 2 trillion tokens`, `2T tokens`,
  `15.6T`; lines naming another size are left out), else a curated note (`card_tokens`);
- mixture-of-experts: config keys, GGUF `*.expert_count`, or the words in the card or a
  curated note; the active parameters when the card states them (`active_parameters`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opengauge.model import Evidence, Locator
from opengauge.sources import sizes

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
_LABELLED = re.compile(rf"\btokens?\b[^|\n:=]{{0,30}}[:=]\s*(?:about\s+|~\s*)?{_NUMBER}\s*{_UNIT}\b",
                       re.IGNORECASE)
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
    followed by `token(s)`, `trained on` a number with a unit at the end of a clause, or a
    number with a unit after a `tokens:` label (`Training tokens: 2.0T`). It
    counts only on a line that speaks of training or data, and only from one billion tokens
    on (`MIN_TRAINING_TOKENS`)."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not _TRAINING_CONTEXT.search(line):
            continue
        for pattern in (_WITH_TOKENS, _TRAINED_ON, _LABELLED):
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


@dataclass(slots=True)
class Size:
    """The size a check is about: from the model's name (`exact`) or its parameter count."""

    value: float
    exact: bool
    source: str


@dataclass(slots=True)
class TokenAnswer:
    """The training tokens a card gives for one size, or why it gives none."""

    count: Count | None = None
    parameters: Count | None = None
    note: str | None = None


def card_tokens(card: Any, size: Size | None = None) -> TokenAnswer:
    """The training tokens the model card (`CardFacts`) states for `size`.

    A table with a token column decides first: the cell of the row for `size`. When the rows
    give different counts and no row is the model's size, the answer is no count (another
    size's row would be a confident wrong answer). Otherwise the largest count the card's
    prose states on a line that names no other size."""
    text = card.text or ""
    answer = TokenAnswer()
    blank = False
    for table, column in sizes.token_tables(text):
        unit = sizes.header_unit(table.header[column])
        rows = []
        for row in table.rows:
            cell = row.cells[column] if column < len(row.cells) else ""
            rows.append((row, sizes.row_size(table, row, column), sizes.cell_count(cell, unit), cell))
        counted = [(r, label, count, cell) for r, label, count, cell in rows
                   if count is not None and label is not None]
        if not counted:
            total = next(((r, count) for r, _, count, _ in rows if count is not None and r.cells
                          and re.match(r"\s*total\b", r.cells[0], re.IGNORECASE)), None)
            if total is not None:
                answer.count = Count(total[1], Evidence(
                    "card", card_locator(card, total[0].line), _quote(total[0].raw),
                    f"the Total row of the card's {table.header[column]} table "
                    f"({_count_text(total[1])})"))
                return answer
            continue
        if size is not None:
            mine = [(r, label, count) for r, label, count, _ in rows
                    if label is not None and sizes.matches(label, size.value, size.exact)]
            with_count = [(r, label, count) for r, label, count in mine if count is not None]
            if with_count:
                row, label, value = with_count[0]
                answer.count = Count(value, Evidence(
                    "card", card_locator(card, row.line), _quote(row.raw),
                    f"the {table.header[column] or 'token'} cell of the card's table row for "
                    f"{_size_text(label)} ({size.source})"))
                answer.parameters = _row_parameters(card, table, row, label, size)
                return answer
            if mine:
                blank = True
                answer.parameters = answer.parameters or _row_parameters(card, table, mine[0][0],
                                                                         mine[0][1], size)
                continue
        distinct = {r[2] for r in counted}
        if len(distinct) == 1 and size is None:
            row, _, value, _ = counted[0]
            answer.count = Count(value, Evidence(
                "card", card_locator(card, row.line), _quote(row.raw),
                f"every size row of the card's token table states {table.header[column]} "
                f"{_count_text(value)}"))
            return answer
        listed = "; ".join(f"{_size_text(r[1])}: {r[3]}" for r in counted[:6])
        answer.note = (f"the card's table (line {table.line}) gives training tokens per size "
                       f"({listed}) and " + (f"no row is this model's size "
                                             f"({_size_text(size.value)}, {size.source})"
                                             if size else "this model's size is not known"))
        return answer
    counts = [c for c in token_counts(text) if not c[2].lstrip().startswith("|")
              and _names_only(c[2], size)]
    if counts:
        value, line, quoted = max(counts, key=lambda c: c[0])
        others = len({c[0] for c in counts}) - 1
        note = "the largest training-token count the model card states" + (
            f" ({others} other count(s) stated)" if others else "") + (
            "; the card's table row for this size leaves the count blank" if blank else "")
        answer.count = Count(value, Evidence("card", card_locator(card, line), _quote(quoted), note))
    elif blank:
        answer.note = ("the card's table row for this size leaves the token count blank and no "
                       "line that names no other size states one")
    return answer


def _names_only(line: str, size: Size | None) -> bool:
    """Whether a prose line speaks of this model: it names no size, or only `size`."""
    labels = sizes.size_labels(line)
    if not labels:
        return True
    return size is not None and all(sizes.matches(v, size.value, size.exact) for v in labels)


def _row_parameters(card: Any, table: sizes.Table, row: sizes.Row, label: float,
                    size: Size) -> Count | None:
    column = table.column(re.compile(r"\bparam", re.IGNORECASE))
    if column is None or column >= len(row.cells) or not size.exact:
        return None
    value = sizes.precise_parameters(row.cells[column])
    if value is None:
        return None
    return Count(value, Evidence("card", card_locator(card, row.line), _quote(row.raw),
                                 f"the {table.header[column]} cell of the card's table row for "
                                 f"{_size_text(label)}"))


def _size_text(value: float) -> str:
    return f"{value / 1e9:g}B" if value >= 1e9 else f"{value / 1e6:g}M"


def _count_text(value: float) -> str:
    return f"{value / 1e12:g}T" if value >= 1e12 else f"{value / 1e9:g}B"


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
    if hub is not None and isinstance(total, int) and total > 0:
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
        card = facts.card
        if card is not None:
            for number, line in enumerate((card.text or "").split("\n"), start=1):
                if _MOE_WORDS.search(line):
                    return Evidence("card", card_locator(card, number), _quote(line),
                                    "the card names a mixture of experts")
    for evidence in notes:
        text = " ".join(t for t in (evidence.note, evidence.quote) if t)
        if _MOE_WORDS.search(text):
            return Evidence(evidence.source, evidence.locator, _quote(text),
                            "a curated note names a mixture of experts")
    return None


DENSE_DECODERS = ("llama", "mistral", "qwen2", "qwen3", "olmo", "olmo2", "gemma", "gemma2",
                  "granite", "cohere", "phi3", "stablelm", "internlm2", "exaone", "smollm3")
"""`model_type`s with a gated MLP (three matrices) and no experts: `config_parameters` knows them."""


def config_parameters(config: Any) -> Count | None:
    """The parameter count a dense decoder's `config.json` (`Facts.config`) works out to:
    embeddings (twice unless tied) + layers x (attention + gated MLP); norms and biases are
    left out (under 0.1 %). None for other architectures, mixtures of experts or missing keys."""
    if config is None or not isinstance(config.value, dict):
        return None
    c = config.value
    if c.get("model_type") not in DENSE_DECODERS or any(k in c for k in MOE_CONFIG_KEYS):
        return None
    keys = ("hidden_size", "num_hidden_layers", "intermediate_size", "vocab_size",
            "num_attention_heads")
    if not all(isinstance(c.get(k), int) and c[k] > 0 for k in keys):
        return None
    hidden, heads = c["hidden_size"], c["num_attention_heads"]
    kv = c.get("num_key_value_heads") if isinstance(c.get("num_key_value_heads"), int) else heads
    head = c.get("head_dim") if isinstance(c.get("head_dim"), int) else hidden // heads
    attention = 2 * hidden * heads * head + 2 * hidden * kv * head
    layer = attention + 3 * hidden * c["intermediate_size"]
    embeddings = c["vocab_size"] * hidden * (1 if c.get("tie_word_embeddings") else 2)
    total = embeddings + c["num_hidden_layers"] * layer
    quote = ", ".join(f"{k}: {c[k]}" for k in (*keys, "num_key_value_heads", "tie_word_embeddings")
                      if k in c)
    return Count(float(total), Evidence(config.evidence.source, config.evidence.locator, quote,
                                        f"{total / 1e9:.3g}B parameters worked out from config.json "
                                        f"({c['model_type']}: embeddings + layers x (attention + "
                                        "gated MLP); norms and biases left out)"))


_ACTIVE = (
    re.compile(r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>billion|[BM])\b\s*(?:\w{1,40}\s+){0,2}?"
               r"(?:active|activated)\b", re.IGNORECASE),
    re.compile(r"\b(?:active|activated)\s+param\w{0,20}(?:\s+\w{1,40}){0,3}?\s*[:|=]?\s*(?:\*\*)?\s*"
               r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>billion|[BM])\b", re.IGNORECASE),
)


def active_parameters(card: Any) -> Count | None:
    """The active (activated) parameters per token a mixture-of-experts card states
    (`37B activated for each token`, `Number of Activated Parameters: 3.3B`), or None when
    the card states none or several different ones."""
    found: dict[float, tuple[int, str]] = {}
    for number, line in enumerate((card.text or "").split("\n"), start=1):
        for pattern in _ACTIVE:
            for match in pattern.finditer(line):
                value = float(match.group("num")) * UNITS[match.group("unit").lower()]
                found.setdefault(value, (number, line))
    if len(found) != 1:
        return None
    value, (line, text) = next(iter(found.items()))
    return Count(value, Evidence("card", card_locator(card, line), _quote(text),
                                 "the active parameters per token the card states"))


def model_size(names: list[tuple[str | None, str]], params: Count | None) -> Size | None:
    """The size a check is about: the one size the model's names state (`OLMo-2-1124-13B`)
    when it agrees with the parameter count (if one is known), else the parameter count."""
    for name, source in names:
        value = sizes.name_size(name)
        if value is not None and (params is None or sizes.matches(value, params.value, False)):
            return Size(value, True, f"{source} {name}")
    if params is not None:
        return Size(params.value, False, f"{params.value / 1e9:.3g}B parameters")
    return None


_PARAMS_STATED = re.compile(
    r"\b(?:total\s+|number\s+of\s+|non-embedding\s+)?param(?:eter)?s?(?:\s+count)?\s*(?:\*\*)?\s*[:|]"
    r"\s*(?:\*\*)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>billion|million|[BM])\b", re.IGNORECASE)


_PARAMS_PROSE = re.compile(r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>billion|[BM])\s+param(?:eter)?s\b",
                           re.IGNORECASE)


def card_parameters(card: Any, size: Size | None = None) -> Count | None:
    """The parameter count a card states once (`Number of Parameters: 0.49B`, `| Total
    Parameters | 6.7B |`; `1.1B parameters` in prose only when it agrees with the size the
    model's name states), or None when it states none or several different ones (a family
    card). Non-embedding counts are left out."""
    found: dict[float, tuple[int, str]] = {}
    named = size if size is not None and size.exact else None
    for number, line in enumerate((card.text or "").split("\n"), start=1):
        for match in _PARAMS_STATED.finditer(line):
            if "embedding" in match.group(0).lower():
                continue
            value = float(match.group("num")) * UNITS[match.group("unit").lower()]
            found.setdefault(value, (number, line))
        if named is None:
            continue
        for match in _PARAMS_PROSE.finditer(line):
            value = float(match.group("num")) * UNITS[match.group("unit").lower()]
            if sizes.matches(value, named.value, False) and "embedding" not in line.lower():
                excerpt = line[max(0, match.start() - 80): match.end() + 80]
                found.setdefault(value, (number, excerpt))
    if len(found) != 1:
        return None
    value, (line, text) = next(iter(found.items()))
    return Count(value, Evidence("card", card_locator(card, line), _quote(text),
                                 "the parameter count the model card states"))
