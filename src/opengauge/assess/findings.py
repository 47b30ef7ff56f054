"""Findings: what a release's own files say that contradicts itself, its base or its data.

Each finding has a stable `id` (listed in `FINDINGS`, documented in docs/rating-rules.md and
used by `--deny`), a `severity` (`error`, `warning` or `info`), a one-line `message` and the
`evidence` it rests on. `analyzer-unavailable` is retired (the analyzer is part of opengauge):
it is never raised, and stays known so that `--deny` lists naming it still work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from opengauge.assess.report import Report
from opengauge.licensenames import reads_as_license
from opengauge.model import Evidence, Finding
from opengauge.sources.dossier import FILLED_WORDS, Dossier
from opengauge.sources.facts import SECTION_KINDS
from opengauge.sources.licensefiles import license_kind
from opengauge.sources.licensepicture import CARD_TERMS, LicenseReading

FINDINGS: dict[str, str] = {
    "license-mismatch": "the card, a license file, GGUF metadata or the base model name "
                        "different licenses for the same scope (weights, code, data, docs)",
    "base-model-unversioned": "the card names a base model family without a version, and "
                              "several versions are possible",
    "license-other-without-file": "the card says `license: other` and the repository has no "
                                  "license file",
    "gated-eu-excluded": "access is gated and users in the EU are excluded",
    "more-permissive-than-base": "a derivative claims a more permissive license than its base "
                                 "model's",
    "noncommercial-training-data": "training datasets under non-commercial licenses beneath a "
                                   "model offered for commercial use",
    "license-missing": "no license is declared anywhere",
    "license-unidentified": "a declared license the analyzer could not identify",
    "license-link-broken": "the card's `license_link` names a file the repository does not have",
    "acceptable-use-policy": "an acceptable-use policy restricts what the model may be used for",
    "gated-access": "downloads need accepted terms or approval",
    "base-model-not-found": "a declared base model is not on the Hub",
    "dataset-not-found": "a declared training dataset is not on the Hub",
    "card-unfilled": "the model card's sections are empty template placeholders",
    "evidence-unreadable": "some evidence could not be read (gated files, network, malformed "
                           "or truncated files)",
    "hub-unreachable": "the Hub could not be reached (DNS failure, refused, no route); the answer "
                       "rests on local evidence",
    "curated-rating-disagrees": "a curated rating says open while a governing license or use "
                                "policy text is not open source (opengauge.verdict)",
    "curated-license-conflict": "a curated license read as open source beside the record's own "
                                "note saying research only or non-commercial",
    "frameworks-rate-different-releases": "the frameworks of one check rate different releases "
                                          "of a family (catalog reports)",
    "analyzer-unavailable": "retired: never raised (the analyzer is part of opengauge); kept so "
                            "that --deny lists naming it still work",
}
SEVERITIES = ("error", "warning", "info")


def finding(finding_id: str, severity: str, message: str, evidence: list[Evidence],
            **details: Any) -> Finding:
    """A finding (`id`, `severity`, `message`, `evidence`, details other than None)."""
    assert finding_id in FINDINGS and severity in SEVERITIES
    return Finding(finding_id, severity, message, list(evidence),
                   {k: v for k, v in details.items() if v is not None})


def _comparable(reading: LicenseReading) -> tuple[frozenset[str], frozenset[str]]:
    """(license keys or family markers, families) of a reading."""
    keys, families = set(), set()
    for match in reading.licenses:
        if match.family:
            families.add(match.family)
        keys.add(match.key if match.key else f"family:{match.family}")
    return frozenset(keys), frozenset(families)


def agree(a: LicenseReading, b: LicenseReading) -> bool:
    """Whether two identified readings name the same license (a family named alone matches any
    license of that family)."""
    keys_a, families_a = _comparable(a)
    keys_b, families_b = _comparable(b)
    if keys_a & keys_b:
        return True
    loose_a = {k[7:] for k in keys_a if k.startswith("family:")}
    loose_b = {k[7:] for k in keys_b if k.startswith("family:")}
    return bool(loose_a & families_b or loose_b & families_a)


def _where(reading: LicenseReading) -> str:
    return {"card": "the card's `license`", "card-name": "the card's `license_name`",
            "license-file": reading.declared, "gguf": "GGUF metadata"}.get(reading.source,
                                                                          reading.source)


def same_scope(a: LicenseReading, b: LicenseReading) -> bool:
    """Whether two declarations may govern the same thing (an unknown scope may be any)."""
    return a.scope == b.scope or "unknown" in (a.scope, b.scope)


def license_mismatch(d: Dossier) -> list[Finding]:
    own = [r for r in d.licenses.model if r.source not in ("use-policy", "notice", *CARD_TERMS)
           and r.identified]
    found = []
    for i, a in enumerate(own):
        for b in own[i + 1:]:
            if same_scope(a, b) and not agree(a, b):
                scope = a.scope if a.scope != "unknown" else b.scope
                found.append(finding(
                    "license-mismatch", "error",
                    f"{_where(a)} says {a.label}, but {_where(b)} says {b.label}"
                    + (f" (both for the {scope})" if scope != "unknown" else ""),
                    [a.cited(), b.cited()], against="release", scope=scope))
    primary = d.licenses.primary
    if primary is not None and primary.source != "use-policy":
        for base in d.licenses.base_models:
            if not base.identified or agree(primary, base) or _more_permissive(d, base) \
                    or any(f.details.get("base_model") == base.subject for f in found) \
                    or any(r.identified and agree(r, base) for r in d.licenses.model):
                continue  # (last: the release itself names the base's terms, as it binds both)
            both_open = primary.open_source is True and base.open_source is True
            found.append(finding(
                "license-mismatch", "info" if both_open else "warning",
                f"the base model {base.subject} is under {base.label}; this model declares "
                f"{primary.label}" + ("" if both_open else "; check that the base's terms allow it"),
                [primary.cited(), base.cited()], against="base-model", base_model=base.subject))
    return found


def _more_permissive(d: Dossier, base: LicenseReading) -> str | None:
    """Why this model's terms are more permissive than `base`'s, or None."""
    own = d.licenses
    if not base.identified or own.primary is None:
        return None
    if base.open_source is False and own.own_open_source is True:
        return f"{base.label} is not open source, but this model declares {own.primary.label}"
    own_nc = any(r.noncommercial for r in own.terms)
    if base.noncommercial and not own_nc and all(r.identified for r in own.terms):
        return (f"{base.label} forbids commercial use, but this model's {own.primary.label} "
                "does not")
    return None


def more_permissive_than_base(d: Dossier) -> list[Finding]:
    found: list[Finding] = []
    for base in d.licenses.base_models:
        why = _more_permissive(d, base)
        if any(f.details["base_model"] == base.subject for f in found):
            continue  # one finding per base model (its license and use policy say it once)
        if why and d.licenses.primary is not None:
            found.append(finding("more-permissive-than-base", "error",
                                 f"fine-tune of {base.subject}: {why}",
                                 [d.licenses.primary.cited(), base.cited()], base_model=base.subject))
    return found


def noncommercial_training_data(d: Dossier) -> list[Finding]:
    restricted = [r for r in d.licenses.datasets if r.noncommercial]
    own = d.licenses
    commercial = own.own_open_source is True or (
        bool(own.terms) and all(r.identified for r in own.terms)
        and not any(r.noncommercial for r in own.terms))
    if not restricted or not commercial or own.primary is None:
        return []
    names = ", ".join(str(r.subject) for r in restricted)
    return [finding("noncommercial-training-data", "warning",
                    f"trained on {names} under non-commercial terms, while the model is offered "
                    f"under {own.primary.label}, which allows commercial use",
                    [own.primary.cited(), *(r.cited() for r in restricted)],
                    datasets=[r.subject for r in restricted])]


def license_other_without_file(d: Dossier) -> list[Finding]:
    card = d.facts.card
    other = [f for f in card.licenses if str(f.value).strip().lower() == "other"] if card else []
    if not other:
        return []
    files = [n for n, _ in d.facts.files if license_kind(n) == "license"
             and (n.count("/") == 0 or n.lower().startswith("licenses/"))]
    link = card.license_link if card is not None else None
    linked = str(link.value).strip() if link is not None else ""
    if files or (linked and "://" not in linked and d.facts.license_file(linked)):
        return []
    evidence = [other[0].evidence] + ([link.evidence] if link is not None else [])
    if linked and "://" in linked:
        return [finding("license-other-without-file", "warning",
                        f"`license: other` and no license file in the repository; the terms are "
                        f"only at {linked}", evidence, license_link=linked)]
    return [finding("license-other-without-file", "error",
                    "`license: other` and no license file in the repository: the terms are "
                    "not shipped with the model", evidence)]


def license_link_broken(d: Dossier) -> list[Finding]:
    card = d.facts.card
    link = card.license_link if card is not None else None
    if link is None or d.single_file:
        return []
    value = str(link.value).strip()
    if not value or "://" in value or value.startswith("#"):
        return []
    names = {n.lower() for n, _ in d.facts.files}
    if value.lstrip("./").lower() in names:
        return []
    return [finding("license-link-broken", "warning",
                    f"`license_link: {value}` names a file the repository does not have",
                    [link.evidence], license_link=value)]


def gated_eu_excluded(d: Dossier) -> list[Finding]:
    card = d.facts.card
    found = []
    if card is not None and card.eu_disallowed is not None and card.eu_disallowed.value:
        found.append(finding("gated-eu-excluded", "error",
                             "the access form excludes users in the European Union "
                             "(extra_gated_eu_disallowed: true)", [card.eu_disallowed.evidence]))
    for reading in d.licenses.terms:
        for restriction in reading.restrictions:
            quote = restriction.quote
            if restriction.kind == "territorial" and (
                    "European Union" in quote or " EU " in f" {quote} "):
                found.append(finding(
                    "gated-eu-excluded", "warning" if found else "error",
                    f"{_where(reading)} excludes users in the European Union: \"{quote[:160]}\"",
                    [Evidence(reading.evidence.source, reading.evidence.locator, quote[:200],
                              f"lines {restriction.lines}")]))
                break
    return found


def license_missing(d: Dossier) -> list[Finding]:
    card = d.facts.card
    declared = bool(card and (card.licenses or card.license_name)) or bool(d.licenses.model) \
        or any(license_kind(n) == "license" for n, _ in d.facts.files) \
        or any(t.kind != "gated-prompt" or reads_as_license(t.text) for t in d.facts.card_terms)
    if declared:
        return []
    if d.single_file:
        return [finding("license-missing", "info", "the weights file carries no license in its "
                        "metadata", [d.where("no general.license in the file's metadata")])]
    return [finding("license-missing", "error", "no license declared: no `license` in the card, "
                    "no license file, no license in the weights' metadata",
                    [d.where("searched the card, LICENSE*/COPYING* files and GGUF metadata")])]


def license_unidentified(d: Dossier) -> list[Finding]:
    return [finding("license-unidentified", "warning" if r.source == "license-file" else "info",
                    f"{_where(r)} ('{r.declared}'): the analyzer could not identify it"
                    + (f" ({r.note})" if r.note else ""),
                    [r.cited()]) for r in d.licenses.unidentified]


def acceptable_use_policy(d: Dossier) -> list[Finding]:
    policies = [f for f in d.facts.license_files if f.kind == "use-policy"]
    return [finding("acceptable-use-policy", "info",
                    f"{f.name} restricts what the model may be used for", [f.evidence])
            for f in policies]


def gated_access(d: Dossier) -> list[Finding]:
    if d.gate is None:
        return []
    kind, evidence, _ = d.gate
    return [finding("gated-access", "info", f"downloads need accepted terms or approval: {kind}",
                    [evidence])]


def related_not_found(d: Dossier) -> list[Finding]:
    found = [finding("base-model-not-found", "warning",
                     f"the base model {r.repo_id} is not on the Hub", [r.evidence],
                     base_model=r.repo_id) for r in d.facts.base_models if not r.found]
    found += [finding("dataset-not-found", "info",
                      f"the dataset {r.repo_id} is not on the Hub"
                      + (" (not a Hub repository id)" if "not a Hub" in (r.evidence.note or "") else ""),
                      [r.evidence], dataset=r.repo_id) for r in d.facts.datasets if not r.found]
    return found


def card_unfilled(d: Dossier) -> list[Finding]:
    card = d.facts.card
    if card is None:
        return []
    template = [s for s in card.sections if s.kind in SECTION_KINDS and s.words < FILLED_WORDS]
    if not template or any(s.words >= FILLED_WORDS for s in card.sections
                           if s.kind in SECTION_KINDS):
        return []
    return [finding("card-unfilled", "info",
                    f"the card's {len(template)} section heading(s) have no content (a template)",
                    [s.evidence for s in template[:5]])]


UNREACHABLE = ("the Hub could not be reached ({reason}); answered from local evidence; use "
               "--offline to skip it")


def unreachable_finding(reason: str, evidence: list[Evidence], **details: Any) -> Finding:
    """The `hub-unreachable` finding with its one documented message."""
    return finding("hub-unreachable", "warning", UNREACHABLE.format(reason=reason), evidence,
                   **details)


def unreachable_messages(reports: list[Report]) -> list[str]:
    """The distinct `hub-unreachable` messages of `reports` (to say once on stderr)."""
    found = [f.message for r in reports for f in r.findings if f.id == "hub-unreachable"]
    return list(dict.fromkeys(found))


def hub_unreachable(d: Dossier) -> list[Finding]:
    found = [p for p in d.facts.problems if p.kind == "unreachable"]
    if not found:
        return []
    return [unreachable_finding(found[0].message,
                                [found[0].evidence] if found[0].evidence else [])]


def base_model_unversioned(d: Dossier) -> list[Finding]:
    return [finding("base-model-unversioned", "warning",
                    f"the card names the base model '{u['name']}' without a version; its terms "
                    f"are not bound (candidates: {', '.join(u['candidates'])})",
                    [u["evidence"]], candidates=list(u["candidates"]))
            for u in d.licenses.unversioned]


def evidence_unreadable(d: Dossier) -> list[Finding]:
    problems = [p for p in d.facts.problems if p.kind != "unreachable"]  # said once, above
    if not problems:
        return []
    counts = Counter(p.kind for p in problems)
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
    return [finding("evidence-unreadable", "info", f"some evidence could not be read ({summary})",
                    [p.evidence for p in problems[:10] if p.evidence is not None],
                    problems=[f"{p.kind}: {p.message}"[:300] for p in problems[:20]])]


RULES: tuple[Callable[[Dossier], list[Finding]], ...] = (
    license_mismatch, license_other_without_file, gated_eu_excluded, more_permissive_than_base,
    noncommercial_training_data, license_missing, license_unidentified, license_link_broken,
    acceptable_use_policy, gated_access, related_not_found, base_model_unversioned, card_unfilled,
    hub_unreachable,
    evidence_unreadable,
)
_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


def find(d: Dossier) -> list[Finding]:
    """Every finding about the target, errors first."""
    found = [item for rule in RULES for item in rule(d)]
    return sorted(found, key=lambda f: _ORDER[f.severity])
