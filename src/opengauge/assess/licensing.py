"""The license picture of one target: every license declaration, read by the analyzer.

A declaration is what one place says about the terms: the card's `license` ids, its
`license_name`/`license_link`, a license or use-policy file, GGUF `general.license*` metadata,
the card's own terms (its license section, `extra_gated_prompt`, prose naming a license), the
base model's terms (its card license on the Hub, and always the governing texts of the catalog
family the identity table maps it to) and each training dataset's card license on the Hub. Each
becomes a `LicenseReading` with its evidence, its `scope` (weights, code, data, docs, unknown)
and the analyzer's answer (None without the analyzer). The weights' terms (scope weights or
unknown) and the base's decide the verdict; code-scoped terms are kept apart (`code_terms`).
Nothing here rates: the rule modules and findings read the picture.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from opengauge.assess import analyzer
from opengauge.model import Evidence
from opengauge.sources.facts import Facts, RelatedRepo
from opengauge.sources.licensepicture import NO_LICENSE_IDS, LicensePicture, LicenseReading

if TYPE_CHECKING:
    from opengauge.licenses.result import LicenseResult


@dataclass(frozen=True)
class CatalogTerms:
    """What the license reading needs from the catalog (given by the session): its model ids,
    and the governing-text records of a catalog family (empty when it has no record)."""

    ids: Callable[[], set[str]]
    family_texts: Callable[[str], list[dict[str, Any]]]


def _id_reading(source: str, value: str, evidence: Evidence, subject: str | None = None,
                name: bool = False, scope: str = "unknown") -> LicenseReading:
    text = value.strip()
    result = None
    if text.lower() not in NO_LICENSE_IDS:
        result = analyzer.lookup_name(text) if name else analyzer.lookup_id(text)
        if not result.identified and not name:
            by_name = analyzer.lookup_name(text)
            result = by_name if by_name.identified else result
    return LicenseReading(source, text, evidence, result, subject, scope)


def read(facts: Facts, terms: CatalogTerms) -> LicensePicture:
    """The license picture of `facts`; `terms` binds base models to catalog families."""
    picture = LicensePicture()
    card = facts.card
    if card is not None:
        for fact in card.licenses:
            if str(fact.value).strip().lower() not in NO_LICENSE_IDS:
                picture.model.append(_id_reading("card", str(fact.value), fact.evidence,
                                                 scope="weights"))
        if card.license_name is not None and str(card.license_name.value).strip():
            picture.model.append(_id_reading("card-name", str(card.license_name.value),
                                             card.license_name.evidence, name=True,
                                             scope="weights"))
    for item in facts.license_files:
        if item.kind == "notice":
            continue
        source = "use-policy" if item.kind == "use-policy" else "license-file"
        result = item.analysis or analyzer.analyze_text(item.text, item.name)
        picture.model.append(LicenseReading(source, item.name, item.evidence, result,
                                            scope=item.scope))
    picture.model += card_terms(facts, picture.model)
    for weight in facts.weights.gguf:
        meta = weight.gguf
        if meta is None:
            continue
        if meta.license is not None:
            picture.model.append(_id_reading("gguf", str(meta.license.value), meta.license.evidence,
                                             scope="weights"))
        elif meta.license_name is not None:
            picture.model.append(_id_reading("gguf", str(meta.license_name.value),
                                             meta.license_name.evidence, name=True,
                                             scope="weights"))
        break  # quantizations of one model share their metadata; one is enough
    picture.base_models = [_related(r, "base-model") for r in facts.base_models if r.found]
    picture.datasets = [_related(r, "dataset") for r in facts.datasets if r.found]
    bases = base_terms(facts, picture.base_models, terms)
    picture.base_models += bases.readings
    picture.unversioned = bases.unversioned
    return picture


def _related(repo: RelatedRepo, source: str) -> LicenseReading:
    if repo.license is not None:
        value = str(repo.license.value)
        if value.strip().lower() == "other" and repo.license_name is not None:
            return _id_reading(source, str(repo.license_name.value), repo.license_name.evidence,
                               repo.repo_id, name=True)
        return _id_reading(source, value, repo.license.evidence, repo.repo_id, name="," in value)
    return LicenseReading(source, "", repo.evidence, None, repo.repo_id)


def _identified(result: LicenseResult | None) -> bool:
    return bool(result and result.identified and result.matches)


def card_terms(facts: Facts, declared: list[LicenseReading]) -> list[LicenseReading]:
    """Readings of the card's own terms: its license section and `extra_gated_prompt` (read as
    texts) and prose naming a license (its name, else its link). Only identified ones are kept
    (a sentence naming no license we know adds nothing); one that repeats a declaration is not
    added twice, but a scoped statement ("the code is licensed under MIT") gives an unscoped
    license file naming the same license its scope."""
    card = facts.card
    found: list[LicenseReading] = []
    files = {r.declared.rsplit("/", 1)[-1].lower(): r for r in declared
             if r.source in ("license-file", "use-policy")}
    for term in facts.card_terms:
        file = card.file if card is not None else "README.md"
        result: LicenseResult | None
        if term.kind == "gated-prompt":
            source, label = "gated-prompt", "extra_gated_prompt"
            result = analyzer.analyze_text(term.text, f"{file}#extra_gated_prompt")
        elif term.kind == "section":
            source, label = "card-section", f"{file}: {term.title or 'license section'}"
            result = analyzer.analyze_text(term.text, f"{file}#license")
        else:
            source, label = "card-prose", term.name or term.text[:80]
            named = files.get((term.url or term.name or "").rsplit("/", 1)[-1].lower())
            if named is not None:  # "the model is under [LICENSE-MODEL](LICENSE-MODEL)"
                if named.scope == "unknown":
                    named.scope = term.scope
                continue
            result = analyzer.lookup_name(term.name) if term.name else None
            if not _identified(result) and term.url and "://" in term.url:
                result = analyzer.lookup_name(term.url)
        if not _identified(result):
            continue
        reading = LicenseReading(source, label, term.evidence, result, scope=term.scope)
        same = [r for r in [*declared, *found] if r.keys & reading.keys]
        for other in same:
            if other.scope == "unknown" and reading.scope != "unknown" \
                    and other.source in ("license-file", "use-policy"):
                other.scope = reading.scope
        if not same:
            found.append(reading)
    return found


# -- the base model's terms through the identity table -----------------------------------------

_HUB_URL = re.compile(r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/([\w.-]+/[\w.-]+)/?$")


@dataclass
class BaseTerms:
    """What the identity table says about the declared and mentioned base models."""

    readings: list[LicenseReading] = field(default_factory=list)
    unversioned: list[dict[str, Any]] = field(default_factory=list)
    """Family names without a version that fit several versions (`base-model-unversioned`)."""


def declared_bases(facts: Facts) -> list[tuple[str, Evidence]]:
    """Base models the card (`base_model`), the Hub, a PEFT adapter and GGUF metadata
    (`general.base_model.N.repo_url`/`name`) declare, as Hub ids where they are."""
    found: dict[str, Evidence] = {}
    card = facts.card
    for fact in card.base_models if card else []:
        found.setdefault(str(fact.value).strip(), fact.evidence)
    for fact in facts.hub.base_models if facts.hub is not None else []:
        found.setdefault(str(fact.value).strip(), fact.evidence)
    adapter = facts.adapter_config
    if adapter is not None and isinstance(adapter.value, dict):
        base = adapter.value.get("base_model_name_or_path")
        if isinstance(base, str) and base.strip():
            found.setdefault(base.strip(), adapter.evidence)
    for weight in facts.weights.gguf:
        for linked in weight.gguf.base_models if weight.gguf else []:
            url = linked.value.get("repo_url")
            match = _HUB_URL.match(url.strip()) if isinstance(url, str) else None
            label = match.group(1) if match else linked.value.get("name")
            if isinstance(label, str) and label.strip():
                found.setdefault(label.strip(), linked.evidence)
    return [(k, v) for k, v in found.items() if k]


def family_of_hub_id(repo_id: str, known: set[str]) -> str | None:
    """The one catalog family (of the ids `known`) whose identity-table Hub patterns match
    `repo_id`, else None."""
    from opengauge.identity import table

    ids = [i for i in table().ids_for_hub(repo_id) if i in known]
    return ids[0] if len(ids) == 1 else None


def families_of_name(name: str, context: str, catalog_ids: set[str]) -> tuple[str | None, list[str]]:
    """(family, candidates) for a base named in prose. A name with a version ("Llama 3.1 8B")
    is the family its longest leading words name. A family name alone ("Llama") binds only
    when one version is possible: the family has one versioned release, or the card and the
    repository name mention exactly one of its versions ("Llama 3.1"); otherwise no family and
    the candidates."""
    from opengauge.identity import slugify, table

    words = name.split()
    known = catalog_ids | set(table().families)
    for count in range(len(words), 0, -1):
        leading = " ".join(words[:count])
        family = table().id_for_name(leading)
        if family is None:
            continue
        if re.search(r"\d", leading):
            return family, [family]
        break
    slug = slugify(" ".join(words[:1])) if words else ""
    if not slug or slug == "model":
        return None, []
    versioned = sorted(f for f in known if re.fullmatch(rf"{re.escape(slug)}-\d[\d.]*", f))
    if not versioned:
        family = table().id_for_name(words[0]) if words else None
        return family, [family] if family else []
    mentioned = [f for f in versioned if re.search(
        rf"(?<![\w.]){re.escape(words[0])}[\s_-]?{re.escape(f[len(slug) + 1:])}(?![\d.]|[_-]\d)",
        context, re.IGNORECASE)]
    if len(mentioned) == 1:
        return mentioned[0], mentioned
    first = [slug] if slug in known else []  # the family's first release carries no version
    return None, mentioned or first + versioned


def _family_readings(family: str, subject: str, evidence: Evidence, how: str,
                     terms: CatalogTerms) -> list[LicenseReading]:
    """The governing texts of a catalog family as base-model readings (weights scope)."""
    from opengauge.licenses.result import LicenseResult

    readings = []
    for record in terms.family_texts(family):
        label = str(record.get("label") or family)
        result = LicenseResult.from_dict(record)
        for restriction in result.restrictions:
            restriction.source = f"base model {subject} ({label})"
        note = f"{how}; the identity table maps it to the catalog family {family}"
        readings.append(LicenseReading(
            "base-model", label, Evidence(evidence.source, evidence.locator, evidence.quote, note),
            result, subject, "weights"))
    return readings


def base_terms(facts: Facts, hub_readings: list[LicenseReading],
               terms: CatalogTerms) -> BaseTerms:
    """The base models' governing texts through the identity table, online and offline: each
    declared base (card, Hub, adapter, GGUF) whose Hub id matches one family's Hub patterns, and
    each base named in prose ("fine-tuned from X", "derivative of X", "Built with X"). Texts the
    Hub's answer already gave (same license keys) are not added twice."""
    found = BaseTerms()
    known = cache(terms.ids)  # asked only when a base is named
    bound: set[str] = set()
    context = " ".join([facts.card.text if facts.card is not None else "", facts.target.label])
    wanted: list[tuple[str, str | None, Evidence, str]] = []
    for base, evidence in declared_bases(facts):
        family = family_of_hub_id(base, known()) if "/" in base \
            else families_of_name(base, context, known())[0]
        wanted.append((base, family, evidence, f"declared base model {base}"))
    for mention in facts.base_mentions:
        name = mention.name
        if "/" in name:
            family = family_of_hub_id(name, known())
        else:
            family, candidates = families_of_name(name, context, known())
            if family is None and len(candidates) > 1:
                if any(u["name"] == name for u in found.unversioned):
                    continue
                found.unversioned.append({"name": name, "candidates": candidates,
                                          "evidence": mention.evidence})
                continue
        wanted.append((name, family, mention.evidence, f"the card says '{mention.how}' {name}"))
    have = [r for r in hub_readings if r.identified]
    for subject, family, evidence, how in wanted:
        if family is None or family in bound:
            continue
        bound.add(family)
        for reading in _family_readings(family, subject, evidence, how, terms):
            if not any(r.keys and r.keys >= reading.keys for r in [*have, *found.readings]):
                found.readings.append(reading)
    return found
