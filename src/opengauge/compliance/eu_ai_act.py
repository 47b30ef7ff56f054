"""The EU AI Act's open-source exemption (Art. 53(2), Art. 2(12)) read from a `check` report,
as the Commission's guidelines for providers of general-purpose AI models (July 2025) read it.

A compliance rule module: it reads the ratings, license verdicts and facts already in the
report (and, for a repository, the gathered `Facts`) and decides nothing a framework rates.

- `scope` (`compliance.gpai`): is it a general-purpose AI model? Only `likely-gpai` models get
  an exemption status; `likely-not-gpai` ones get `out-of-scope`.
- Five criteria, each `met`, `not-met` or `unknown` with its evidence: `license` (every
  governing text open source by the analyzer's OSD verdict), `weights`, `architecture`,
  `usage` (made public: framework ratings and the repository's own files; a local folder
  shows what a release holds, not that it is public), `monetisation` (`compliance.monetisation`).
- The systemic-risk limit (Art. 51(2)): 6 x parameters x training tokens for the size checked
  (`estimate`), `above` 10^25 FLOP excludes the exemption.
- The obligations that remain: a copyright policy and the public training-content summary.

`exemption`: `not-exempt` when a criterion is not met or the estimate is above the limit;
`likely-exempt` when all five are met and the estimate is below it; `unknown` otherwise.
Documented in docs/compliance.md."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opengauge.assess.report import AssessedLicense, CuratedLicense, Report
from opengauge.compliance import NOTICE, gpai
from opengauge.compliance.monetisation import monetisation
from opengauge.model import Assessment, Evidence, Locator, tri_state
from opengauge.sources import scale

if TYPE_CHECKING:
    from opengauge.catalog.catalog import Catalog

THRESHOLD = 1e25
"""Art. 51(2): cumulative training compute above which systemic risk is presumed (FLOP)."""

CRITERIA = {
    "license": ("Art. 53(2), Art. 2(12)",
                "released under a free and open-source license allowing access, use, "
                "modification and distribution"),
    "weights": ("Art. 53(2)", "parameters, including the weights, made publicly available"),
    "architecture": ("Art. 53(2)", "information on the model architecture made publicly available"),
    "usage": ("Art. 53(2)", "information on model usage made publicly available"),
    "monetisation": ("Art. 53(2), recital 103", "not made available against a price or "
                     "otherwise monetised (paid-only access, a licence charging above a threshold)"),
}
OBLIGATIONS = {
    "copyright-policy": ("Art. 53(1)(c)", "a policy to comply with Union copyright law, "
                         "including text-and-data-mining opt-outs"),
    "training-data-summary": ("Art. 53(1)(d)", "a sufficiently detailed public summary of the "
                              "content used for training"),
}

# (framework, dimension, level -> result): the ratings each criterion reads, in order.
SIGNALS: dict[str, list[tuple[str, str, dict[str, str]]]] = {
    "weights": [
        (f, "weights_endmodel", {"open": "met", "closed": "not-met"}) for f in ("osai", "osai-14")
    ] + [("mof", "Model parameters (Final)", {"open": "met", "closed": "met"}),
         ("ouc-2023", "rlweights", {"open": "met", "closed": "not-met"})],
    "architecture": [
        ("mof", "Model architecture", {"open": "met", "closed": "met"}),
        ("ouc-2023", "architecture", {"open": "met", "partial": "met", "closed": "not-met"}),
        ("osai", "preprint", {"open": "met"}), ("osai", "modelcard", {"open": "met"}),
        ("osai-14", "preprint", {"open": "met"}), ("osai-14", "modelcard", {"open": "met"}),
    ],
    "usage": [
        (f, "modelcard", {"open": "met", "closed": "not-met"}) for f in ("osai", "osai-14")
    ] + [("mof", "Model card", {"open": "met", "closed": "met"}),
         ("ouc-2023", "modelcard", {"open": "met", "closed": "not-met"})],
}
"""`mof` levels say whether a listed component's license is open; listed means published."""
MOF_LEVELS = {"open": "listed, open license", "closed": "listed, license not open"}

TELLING = ("threshold", "commercial", "revenue", "field-of-use", "training", "territor")
"""Restriction kinds quoted first: monetisation, thresholds and use restrictions."""
LICENSE_NOTE = ("restrictions on use, user or revenue thresholds and monetisation keep a "
                "license from being free and open-source in the Act's sense (recitals 102-104)")
LOCAL_NOTE = "found in a local release; a local copy does not show that it is public"


@dataclass
class Signal:
    """What one source says about a criterion."""

    result: str
    evidence: list[Evidence]
    note: str
    local: bool = False


@dataclass
class Item:
    """A criterion or a remaining obligation with its result and evidence."""

    id: str
    article: str
    name: str
    result: str
    evidence: list[Evidence] = field(default_factory=list)
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "article": self.article, "name": self.name, "result": self.result,
                "evidence": [e.to_dict() for e in self.evidence], "note": self.note}


def evaluate(report: Report, facts: Any = None, catalog: Catalog | None = None) -> dict[str, Any]:
    """The `eu_ai_act` section of `report` (`facts`: the gathered evidence of a repository;
    `catalog`: where its MOT release file is read)."""
    assessments = _assessments(report)
    local = (report.provenance.target or {}).get("kind") == "path"
    criteria = [_license(report)] + [_decide(cid, _signals(cid, assessments, facts, local))
                                     for cid in ("weights", "architecture", "usage")]
    criteria.append(_monetisation(report, facts, assessments, criteria))
    found = estimate(report, facts, catalog)
    risk = systemic_risk(report, facts, catalog, found)
    flop = found.flop
    in_scope = gpai.scope(flop, found.unsettled(gpai.GPAI_COMPUTE) if flop is not None else None,
                          risk["evidence"], gpai.modality(report, facts))
    results = [c.result for c in criteria]
    reasons = [f"{c.id}: {c.result}" for c in criteria if c.result != "met"]
    if risk["result"] == "above":
        reasons.append(f"training compute estimated above {THRESHOLD:.0e} FLOP (systemic risk)")
    elif risk["result"] == "unknown":
        reasons.append("training compute unknown")
    if "not-met" in results or risk["result"] == "above":
        exemption = "not-exempt"
    elif all(r == "met" for r in results) and risk["result"] == "below":
        exemption = "likely-exempt"
    else:
        exemption = "unknown"
    if in_scope["result"] == "likely-gpai":
        status = exemption
    elif in_scope["result"] == "likely-not-gpai":
        status = "out-of-scope"
        reasons = [f"likely not a general-purpose AI model ({in_scope['reason']}): "
                   f"{in_scope['note']}; the GPAI obligations likely do not apply"]
    else:
        status = "unknown"
        reasons.insert(0, f"scope unknown: {in_scope['note']}")
    return {"status": status, "scope": in_scope, "exemption": exemption, "reasons": reasons,
            "criteria": [c.to_dict() for c in criteria], "systemic_risk": risk,
            "remaining_obligations": [o.to_dict() for o in _obligations(report, facts, assessments)],
            "notice": NOTICE}


def _monetisation(report: Report, facts: Any, assessments: list[Assessment],
                  criteria: list[Item]) -> Item:
    article, name = CRITERIA["monetisation"]
    lines: list[tuple[Evidence, str]] = []
    card = facts.card if facts is not None else None
    if card is not None:
        lines += [(Evidence("card", scale.card_locator(card, n), None, None), line)
                  for n, line in enumerate((card.text or "").split("\n"), start=1)]
    lines += [(e, f"{e.note or ''} {e.quote or ''}") for e in _notes(assessments, report)]
    by_id = {c.id: c for c in criteria}
    result, evidence, note = monetisation(license_records(report), lines,
                                          by_id["license"].result == "met",
                                          by_id["weights"].result == "met",
                                          by_id["weights"].evidence)
    return Item("monetisation", article, name, result, evidence, note)


def _assessments(report: Report) -> list[Assessment]:
    """Automatic assessments first (they read the very repository), then curated ones."""
    automatic = report.context.get("automatic") or {}
    found = [getattr(r, "assessment", None) for r in automatic.values()]
    found += [r.assessment for r in report.frameworks.values()]
    ordered = [a for a in found if a is not None and a.provenance == "automatic"]
    return ordered + [a for a in found if a is not None and a.provenance != "automatic"]


def _by_framework(assessments: list[Assessment], framework: str) -> list[Assessment]:
    return [a for a in assessments if a.framework == framework]


def _decide(cid: str, signals: list[Signal]) -> Item:
    """Met when any signal is met; not-met when one is and none is met; else unknown."""
    article, name = CRITERIA[cid]
    for result in ("met", "not-met"):
        chosen = [s for s in signals if s.result == result]
        if chosen:
            return Item(cid, article, name, result, _unique([e for s in chosen for e in s.evidence]),
                        "; ".join(s.note for s in chosen))
    notes = "; ".join(s.note for s in signals) or "no source rates it"
    return Item(cid, article, name, "unknown", _unique([e for s in signals for e in s.evidence]), notes)


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence without repeats (several frameworks often cite the same note)."""
    seen: dict[tuple, Evidence] = {}
    for e in evidence:
        loc = e.locator
        seen.setdefault((loc.url, loc.file, loc.line, e.quote, e.note), e)
    return list(seen.values())


def _signals(cid: str, assessments: list[Assessment], facts: Any, local: bool) -> list[Signal]:
    signals = _fact_signals(cid, facts)
    for framework, dimension, mapping in SIGNALS[cid]:
        for assessment in _by_framework(assessments, framework):
            rating = assessment.rating(dimension)
            if rating is None or rating.level == "unknown":
                continue
            origin = assessment.provenance
            result = mapping.get(rating.level, "unknown")
            level = MOF_LEVELS.get(rating.level, rating.level) if framework == "mof" else rating.level
            signals.append(Signal(result, list(rating.evidence)[:3],
                                  f"{framework} {dimension} ({origin}): {level}",
                                  origin == "automatic"))
    gate = _gate(facts) if cid == "weights" else None
    caveat = LOCAL_NOTE if local else gate
    if caveat:
        for signal in signals:
            if signal.local and signal.result == "met":
                signal.result, signal.note = "unknown", f"{signal.note} — {caveat}"
    return signals


def _gate(facts: Any) -> str | None:
    """Why a repository's downloads are not open to anyone (Hub gating, card access terms)."""
    if facts is None:
        return None
    if facts.hub is not None and facts.hub.gated.value not in (None, False, "false", "False"):
        return f"gated on the Hub ({facts.hub.gated.value}): downloads need accepted terms or approval"
    if facts.card is not None and facts.card.gating:
        return "the card asks for access terms before download"
    return None


def _fact_signals(cid: str, facts: Any) -> list[Signal]:
    """Signals straight from a repository's files: config.json or a GGUF header for the
    architecture, the card's intended-use sections for usage."""
    if facts is None:
        return []
    if cid == "architecture":
        config = facts.config.value if facts.config is not None else None
        if isinstance(config, dict) and (config.get("architectures") or config.get("model_type")):
            return [Signal("met", [facts.config.evidence],
                           "config.json describes the architecture", True)]
        for weight in facts.weights.gguf:
            if weight.gguf is not None and weight.gguf.architecture is not None:
                return [Signal("met", [weight.gguf.architecture.evidence],
                               "the GGUF header names the architecture", True)]
    if cid == "usage" and facts.card is not None:
        sections = facts.card.section("intended_use")
        if sections:
            return [Signal("met", [s.evidence for s in sections[:2]],
                           "the model card has an intended-use section", True)]
        headings = usage_headings(facts.card)
        if headings:
            return [Signal("met", headings[:2], "the model card has a usage or how-to-run section",
                           True)]
    return []


_USAGE = re.compile(r"^\s{0,3}#{1,6}\s+.*?\b(?:intended\s+uses?|usage|how\s+to\s+(?:use|run|get\s+started)"
                    r"|quick\s*start|getting\s+started|inference|use\s+with|running\s+the\s+model)\b",
                    re.IGNORECASE)


def usage_headings(card: Any) -> list[Evidence]:
    """Headings of the card that introduce usage information (`## How to use`, `## Usage`,
    `## Inference`, `### Use with transformers`), outside code blocks."""
    found, fence = [], False
    for number, line in enumerate((card.text or "").split("\n"), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        elif not fence and _USAGE.match(line):
            found.append(Evidence("card", scale.card_locator(card, number), line.strip()[:200],
                                  "a usage section of the model card"))
    return found


# -- the license --------------------------------------------------------------------------------

def license_records(report: Report) -> list[dict[str, Any]]:
    """The governing license and use-policy texts of `report` as the analyzer answered."""
    section = report.license
    if isinstance(section, CuratedLicense):
        return [t.to_dict() for t in section.texts]
    if section is None:
        return []
    if section.results:
        from opengauge.compliance.texts import add_policies, from_results

        return [t.record for t in add_policies(from_results(section.results,
                                                            "declared in the repository"))]
    return [t.to_dict() for t in section.curated.texts] if section.curated else []


def _license(report: Report) -> Item:
    article, name = CRITERIA["license"]
    records = license_records(report)
    closed = [r for r in records if r.get("open_source") is False]
    if closed:
        evidence = [e for r in closed for e in _restriction_evidence(r)]
        labels = ", ".join(str(r.get("label") or r.get("path")) for r in closed)
        return Item("license", article, name, "not-met", evidence,
                    f"not open source by the license analyzer: {labels}; {LICENSE_NOTE}")
    if records and all(r.get("open_source") is True for r in records):
        labels = ", ".join(str(r.get("label") or r.get("path")) for r in records)
        return Item("license", article, name, "met",
                    [*_declared_evidence(report), *(_text_evidence(r) for r in records)],
                    f"open source by the license analyzer: {labels}")
    declared = report.license.open_source if isinstance(report.license, AssessedLicense) else None
    if not records and declared in (True, False):
        return Item("license", article, name, "met" if declared else "not-met",
                    _declared_evidence(report),
                    f"the declared license terms are {'' if declared else 'not '}open source")
    unsettled = [str(r.get("label") or r.get("path")) for r in records]
    note = (f"open source status unknown for: {', '.join(unsettled)}" if unsettled
            else "no license text found")
    return Item("license", article, name, "unknown", [_text_evidence(r) for r in records], note)


def _declared_evidence(report: Report) -> list[Evidence]:
    """Where a repository declares its license (card field, license file), when it does."""
    section = report.license
    return [d.evidence for d in section.declared] if isinstance(section, AssessedLicense) else []


def _text_evidence(record: dict[str, Any]) -> Evidence:
    names = ", ".join(str(m.get("name") or m.get("key")) for m in record.get("matches") or [])
    verdict = tri_state(record.get("open_source"), "open source", "not open source",
                        "open source status unknown")
    basis = f" ({record['basis']})" if record.get("basis") else ""
    return Evidence("license-analyzer", Locator(file=record.get("path"), field=record.get("kind")),
                    None, f"{names or record.get('label') or 'not identified'}: {verdict}{basis}; "
                          f"{record.get('why') or ''}".rstrip("; "))


def _restriction_evidence(record: dict[str, Any]) -> list[Evidence]:
    found = []
    restrictions = sorted(record.get("restrictions") or [],
                          key=lambda r: next((i for i, w in enumerate(TELLING)
                                              if w in str(r.get("kind"))), len(TELLING)))
    for item in restrictions[:6]:
        osd = ", ".join(str(n) for n in item.get("osd") or [])
        if not osd:
            continue
        lines = item.get("lines") or [None]
        found.append(Evidence("license-analyzer", Locator(file=record.get("path"), line=lines[0],
                                                          field=item.get("kind")),
                              item.get("quote"), f"{record.get('kind', 'license')} "
                              f"{record.get('label')}: {item.get('kind')} (against OSD {osd})"))
    return found or [_text_evidence(record)]


# -- systemic risk -----------------------------------------------------------------------------

def _notes(assessments: list[Assessment], report: Report) -> list[Evidence]:
    """Curated evidence whose notes may state token counts or a mixture of experts."""
    notes = [e for a in assessments if a.provenance != "automatic" for r in a.ratings
             for e in r.evidence if e.note or e.quote]
    seen = set()
    for a in assessments:
        if a.provenance != "automatic" and a.subject.notes and a.subject.notes not in seen:
            seen.add(a.subject.notes)
            notes.append(Evidence(a.source or "catalog", Locator(file=a.source_file, field="notes"),
                                  None, a.subject.notes))
    return notes


def _mot_release(report: Report, catalog: Catalog | None) -> Path | None:
    """The file of the catalog's MOT release, when it is the release the EU index rates (its
    name matches the index's end or base model) or the index has no record."""
    entry = report.frameworks.get("mof")
    if entry is None or entry.assessment.provenance == "automatic" or catalog is None:
        return None
    from opengauge.catalog.mot import _matches

    eu = report.frameworks.get("osai") or report.frameworks.get("osai-14")
    names = [n for n in (eu.assessment.subject.end_model, eu.assessment.subject.base_model)
             if n] if eu is not None else []
    if names and not any(_matches(entry.assessment.subject.name, n) for n in names):
        return None

    for dataset in catalog.datasets:
        if dataset.source == "mot" and dataset.layer == entry.assessment.layer:
            path = Path(dataset.path) / str(entry.assessment.source_file)
            return path if path.is_file() else None
    return None


def compare_to_limit(flop: float) -> str:
    """`above` when `flop` is greater than 10^25 (Art. 51(2) says "greater than"), else `below`."""
    return "above" if flop > THRESHOLD else "below"


@dataclass
class Estimate:
    """The training-compute estimate 6 x parameters x tokens for the model's size."""

    params: scale.Count | None = None
    tokens: scale.Count | None = None
    evidence: list[Evidence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    moe_total: Evidence | None = None
    base: list[str] = field(default_factory=list)

    @property
    def flop(self) -> float | None:
        if self.params is None or self.tokens is None:
            return None
        return 6 * self.params.value * self.tokens.value

    def unsettled(self, limit: float) -> str | None:
        """Why the estimate cannot be compared with `limit` (None when it can)."""
        flop = self.flop
        if flop is None:
            return None
        if flop > limit and self.moe_total is not None:
            return "a mixture of experts: 6 × total parameters overstates the compute and the " \
                   "active parameters are not known"
        if flop <= limit and self.base:
            return (f"fine-tuned from {', '.join(self.base)}: the base model's training compute "
                    "is not in the estimate")
        return None


def _names(report: Report, facts: Any) -> list[tuple[str | None, str]]:
    """The model's names, for the size it states: Hub id, folder, card `model_name`, catalog."""
    names: list[tuple[str | None, str]] = []
    if facts is not None:
        target = facts.target
        if target.repo_id:
            names.append((target.repo_id.split("/")[-1], "the repository name"))
        if target.path is not None:
            names.append((Path(target.path).name, "the folder name"))
        card = facts.card
        field_ = card.fields.get("model_name") if card is not None else None
        if field_ is not None and isinstance(field_.value, str):
            names.append((field_.value, "the card's model_name"))
    subject = report.subject
    for name in (subject.end_model, subject.name):
        if name and facts is None:
            names.append((name, "the catalog's model name"))
    return names


def estimate(report: Report, facts: Any = None, catalog: Catalog | None = None) -> Estimate:
    """Parameters and training tokens for the model's size, each with its source."""
    assessments = _assessments(report)
    notes = _notes(assessments, report)
    found = Estimate(base=list((report.context.get("repository") or {}).get("base_models") or []))
    params = scale.weights_parameters(facts) if facts is not None else None
    if params is None and facts is not None:
        params = scale.config_parameters(facts.config)
    if params is None:
        release = _mot_release(report, catalog)
        params = scale.release_parameters(report.frameworks["mof"].assessment, release) \
            if release is not None else None
    size = scale.model_size(_names(report, facts), params)
    tokens = None
    if facts is not None and facts.card is not None:
        answer = scale.card_tokens(facts.card, size)
        tokens = answer.count
        if answer.note:
            found.notes.append(answer.note)
        if params is None:
            params = answer.parameters or scale.card_parameters(facts.card, size)
    if tokens is None and not found.notes:
        tokens = scale.note_tokens(notes)
    moe = scale.moe_evidence(facts, notes)
    if moe is not None and facts is not None and facts.card is not None:
        active = scale.active_parameters(facts.card)
        if active is not None and (params is None or active.value < params.value):
            found.notes.append(f"a mixture of experts: {active.value / 1e9:.3g}B active "
                               "parameters per token used, as the card states")
            params = active
            moe = None
    found.params, found.tokens = params, tokens
    found.moe_total = moe if params is not None else None
    found.evidence = [c.evidence for c in (params, tokens) if c is not None]
    return found


def systemic_risk(report: Report, facts: Any = None, catalog: Catalog | None = None,
                  found: Estimate | None = None) -> dict[str, Any]:
    """The training-compute estimate against the 10^25 FLOP limit of Art. 51(2)."""
    found = found or estimate(report, facts, catalog)
    params, tokens = found.params, found.tokens
    evidence = list(found.evidence)
    result: dict[str, Any] = {"flop_estimate": None,
                              "parameters": int(params.value) if params else None,
                              "training_tokens": int(tokens.value) if tokens else None,
                              "threshold": THRESHOLD, "result": "unknown", "evidence": [],
                              "note": None}
    flop = found.flop
    if flop is None or params is None or tokens is None:  # flop is None exactly when one is
        missing = [n for n, c in (("parameters", params), ("training tokens", tokens)) if c is None]
        result["note"] = "; ".join([f"{' and '.join(missing)} not found: no estimate", *found.notes])
    else:
        result["flop_estimate"] = flop
        result["result"] = compare_to_limit(flop)
        parts = [f"6 × {params.value:.3g} parameters × {tokens.value:.3g} tokens = {flop:.2e} FLOP",
                 *found.notes]
        why = found.unsettled(THRESHOLD)
        if why is not None:
            result["result"] = "unknown"
            parts.append(why)
            if found.moe_total is not None and flop > THRESHOLD:
                evidence.append(found.moe_total)
        result["note"] = "; ".join(parts)
    result["evidence"] = [e.to_dict() for e in evidence]
    return result


# -- obligations that remain --------------------------------------------------------------------

_POLICY = re.compile(r"copyright\s+polic(?:y|ies)|polic(?:y|ies)\s+(?:on|for|to\s+comply\s+with)\s+"
                     r"(?:union\s+|eu\s+)?copyright", re.IGNORECASE)
_OPT_OUT = re.compile(r"text\s+and\s+data\s+mining|\bTDM\b|\bopt[- ]?outs?\b|robots\.txt", re.IGNORECASE)
_SUMMARY = re.compile(r"(?:public\s+)?summary\s+of\s+(?:the\s+)?(?:training\s+)?content\s+used"
                      r"|public\s+summary\s+of\s+(?:the\s+)?training\s+(?:content|data)"
                      r"|training\s+(?:content|data)\s+summary", re.IGNORECASE)
_POLICY_FILE = re.compile(r"copyright[_ -]?polic", re.IGNORECASE)
_SUMMARY_FILE = re.compile(r"(?:training[_ -]?(?:data|content)[_ -]?summary|summary[_ -]?of[_ -]?training)",
                           re.IGNORECASE)


def _card_lines(card: Any, pattern: re.Pattern[str], note: str, limit: int = 2) -> list[Evidence]:
    found = []
    for number, line in enumerate((card.text or "").split("\n"), start=1):
        if pattern.search(line):
            found.append(Evidence("card", scale.card_locator(card, number),
                                  " ".join(line.split())[:200], note))
            if len(found) >= limit:
                break
    return found


def _repo_files(facts: Any, pattern: re.Pattern[str], note: str) -> list[Evidence]:
    if facts is None:
        return []
    names = [n for n, _ in facts.files]
    return [Evidence("repository", Locator(file=n), None, note) for n in names
            if pattern.search(Path(n).name)][:2]


def _obligations(report: Report, facts: Any, assessments: list[Assessment]) -> list[Item]:
    """The copyright policy (Art. 53(1)(c)) and the public training-content summary in the
    Commission's template (Art. 53(1)(d)): `found` only for a document that is one; related
    evidence (opt-out mentions, training-data documentation) is listed with `unknown`."""
    card = facts.card if facts is not None else None
    notes = _notes(assessments, report)
    policy = _repo_files(facts, _POLICY_FILE, "a copyright-policy file in the repository")
    if card is not None:
        policy += _card_lines(card, _POLICY, "the card states or links a copyright policy")
    policy += [e for e in notes if _POLICY.search(f"{e.note or ''} {e.quote or ''}")][:1]
    related = []
    if not policy:
        if card is not None:
            related += _card_lines(card, _OPT_OUT, "the card mentions text-and-data-mining opt-outs")
        related += [e for e in notes if _OPT_OUT.search(f"{e.note or ''} {e.quote or ''}")][:1]
    summary = _repo_files(facts, _SUMMARY_FILE, "a training-content summary file in the repository")
    if card is not None:
        summary += _card_lines(card, _SUMMARY, "the card gives or links a public summary of the "
                                                "training content")
    documented: list[Evidence] = []
    described = []
    if not summary:
        if card is not None and card.section("training_data"):
            documented += [s.evidence for s in card.section("training_data")[:2]]
            described.append("the model card has a training-data section")
        for assessment in assessments:
            for dimension in ("datasheet", "datasources_basemodel", "datasources_endmodel"):
                rating = assessment.rating(dimension)
                wanted = ("open", "partial") if dimension == "datasheet" else ("open",)
                if rating is not None and rating.level in wanted and len(described) < 3:
                    documented += list(rating.evidence)[:2]
                    described.append(f"{assessment.framework} {dimension} "
                                     f"({assessment.provenance}): {rating.level}")
    items = []
    for oid, found, other, note in (
            ("copyright-policy", policy, related,
             "mentions text-and-data-mining opt-outs or robots.txt, but no copyright policy found"
             if related else "no copyright policy found in the repository, card or curated notes"),
            ("training-data-summary", summary, documented,
             "; ".join(described) + ": training-data documentation, not a public summary in the "
             "Commission's template" if documented else
             "no public summary of the training content found")):
        article, name = OBLIGATIONS[oid]
        if found:
            items.append(Item(oid, article, name, "found", _unique(found),
                              "named in the repository or card" if oid == "copyright-policy"
                              else "a public summary of the training content is named; whether "
                                   "it follows the Commission's template is not checked"))
        else:
            items.append(Item(oid, article, name, "unknown", _unique(other), note))
    return items
