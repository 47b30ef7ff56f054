"""Automatic Model Openness Framework records from a model's repository.

The rules find which of the 17 MOF components a release includes and under which license,
then hand that component record to the same evaluation the curated MOT records go through
(`frameworks.mof`), so classes, progress and blockers follow the MOT's rules exactly. A
component is listed only when both its presence and its license are known; one whose presence
is known but whose license is not (a linked paper, a code repository we did not open) stays
`unknown`, and its blocker says `license-unknown` instead of `missing`. Rules in plain language:
docs/rating-rules.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from opengauge.frameworks import mof
from opengauge.model import Assessment, Evidence, Rating, Subject
from opengauge.sources.dossier import Dossier

LICENSE_UNKNOWN = "license-unknown"
CODE_PURPOSE = {"Training code": "training", "Inference code": "inference",
                "Evaluation code": "evaluation", "Data preprocessing code": "preprocessing"}


@dataclass
class Found:
    """What the rules found about one component."""

    present: bool
    license: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    confidence: str | None = None


def _lower(*levels: str | None) -> str | None:
    order = {"high": 2, "medium": 1, "low": 0}
    known = [c for c in levels if c is not None]
    return min(known, key=order.__getitem__) if known else None


def _noted(evidence: Evidence, note: str) -> Evidence:
    return Evidence(evidence.source, evidence.locator, evidence.quote,
                    f"{note}; {evidence.note}" if evidence.note else note)


def _under_release(d: Dossier, component: str, presence: list[Evidence], confidence: str,
                   code: bool = False) -> Found:
    """A component that ships in the repository, so the release's license covers it (for
    code, the code's license: a code-scoped one such as LICENSE-CODE, else the release's)."""
    picture = d.licenses
    license_id = picture.release_license
    primary = picture.primary
    if code and picture.code_license is not None and picture.code_license is not primary:
        primary = picture.code_license
        license_id = primary.license_string
    if license_id is None or primary is None:
        why = "the release's license was not identified"
        return Found(True, None, [_noted(e, f"present; its license is not known ({why})")
                                  for e in presence])
    cited = primary.cited()
    head = Evidence(cited.source, cited.locator, license_id,
                    f"{component} is covered by the {'code' if primary.scope == 'code' else 'release'}'s "
                    f"license ({primary.source}: "
                    f"{primary.declared}); {cited.note}")
    return Found(True, license_id, [head, *presence], _lower(confidence, picture.confidence))


def _linked(evidence: list[Evidence], what: str) -> Found:
    return Found(True, None, [_noted(e, f"{what} found; its license was not checked")
                              for e in evidence[:5]])


def _absent(d: Dossier, note: str) -> Found:
    return Found(False, None, [d.where(note)])


def model_parameters_final(d: Dossier) -> Found:
    if not d.weight_files:
        return _absent(d, "no weight files found")
    name, evidence = d.weight_files[0]
    return _under_release(d, "Model parameters (Final)",
                          [_noted(evidence, f"{len(d.weight_files)} weight file(s), e.g. {name}")],
                          "medium" if d.lfs_only else "high")


def model_parameters_intermediate(d: Dossier) -> Found:
    folders = d.intermediate_checkpoints
    if not folders:
        return _absent(d, "no intermediate checkpoint folders (checkpoint-N/, step-N/) with weights")
    return _under_release(d, "Model parameters (Intermediate)", [d.where(
        f"intermediate checkpoints: {', '.join(folders[:5])}", folders[0].rstrip("/"))], "medium")


def model_architecture(d: Dossier) -> Found:
    presence: list[Evidence] = []
    config = d.facts.config
    if config is not None and isinstance(config.value, dict) and (
            config.value.get("architectures") or config.value.get("model_type")):
        arch = config.value.get("architectures") or config.value.get("model_type")
        presence.append(_noted(config.evidence, f"architecture in config.json: {arch}"))
    presence += [e for _, e in d.code_files("architecture")[:3]]
    for weight in d.facts.weights.gguf:
        if weight.gguf is not None and weight.gguf.architecture is not None:
            presence.append(weight.gguf.architecture.evidence)
            break
    if not presence:
        return _absent(d, "no config.json architecture, modeling code or GGUF architecture")
    return _under_release(d, "Model architecture", presence, "medium")


def model_metadata(d: Dossier) -> Found:
    presence = [d.facts.config.evidence] if d.facts.config is not None else []
    presence += [w.evidence for w in d.facts.weights.gguf[:1]]
    if not presence:
        return _absent(d, "no config.json or GGUF metadata")
    return _under_release(d, "Model metadata", presence, "medium")


def model_card(d: Dossier) -> Found:
    card = d.facts.card
    if card is None or card.body_words == 0:
        return _absent(d, "no model card with content")
    return _under_release(d, "Model card", [d.where(f"model card, {card.body_words} words",
                                                    card.file)], "high")


def evaluation_results(d: Dossier) -> Found:
    card = d.facts.card
    presence = []
    if card is not None and card.model_index is not None and card.eval_results:
        presence.append(_noted(card.model_index.evidence, f"{card.eval_results} results in "
                                                           "model-index"))
    presence += [s.evidence for s in d.filled("evaluation")[:2]]
    if not presence:
        return _absent(d, "no model-index results and no evaluation section in the card")
    return _under_release(d, "Evaluation results", presence, "medium")


def _datasets_license(d: Dossier) -> tuple[str | None, list[Evidence], str | None]:
    """One literal license for the named datasets (a not-open one first), or None."""
    readings = [d.dataset_reading(name) for name, _ in d.named_datasets]
    if not readings or any(r is None or not r.identified for r in readings):
        return None, [], None
    ordered = sorted(readings, key=lambda r: r.open_source is not False)  # type: ignore[union-attr]
    return ordered[0].license_string, [r.cited() for r in ordered], "medium"  # type: ignore[union-attr]


def datasets(d: Dossier) -> Found:
    named = d.named_datasets
    if not named:
        return _absent(d, "no training datasets named in the card or GGUF metadata")
    license_id, cited, confidence = _datasets_license(d)
    if license_id is None:
        return _linked([e for _, e in named], "named training dataset")
    head = Evidence(cited[0].source, cited[0].locator, license_id, cited[0].note)
    return Found(True, license_id, [head, *cited[1:], *(e for _, e in named)], confidence)


def data_card(d: Dossier) -> Found:
    found = [r for r in d.facts.datasets if r.found]
    if found and len(found) == len(d.named_datasets):
        license_id, cited, confidence = _datasets_license(d)
        presence = [_noted(r.evidence, f"{r.repo_id} has a Hub dataset card") for r in found[:5]]
        if license_id is not None:
            head = Evidence(cited[0].source, cited[0].locator, license_id, cited[0].note)
            return Found(True, license_id, [head, *presence], _lower(confidence, "medium"))
        return _linked(presence, "dataset card")
    sections = d.filled("training_data")
    if sections:
        return _under_release(d, "Data card", [_noted(sections[0].evidence, "training data "
                                                      "described in the model card")], "low")
    return _absent(d, "no dataset cards and no training-data section in the card")


def technical_report(d: Dossier) -> Found:
    shipped = d.documents("report")
    if shipped:
        return _under_release(d, "Technical report", [e for _, e in shipped[:3]], "medium")
    preprints = d.own_preprints()
    if preprints:
        return _linked(preprints, "arXiv report")
    return _absent(d, "no report in the repository, no arXiv id in the card's tags or citation")


def research_paper(d: Dossier) -> Found:
    shipped = d.documents("paper")
    if shipped:
        return _under_release(d, "Research paper", [e for _, e in shipped[:3]], "medium")
    papers = [link.evidence for link in d.facts.links_of("paper") if not link.in_code]
    if papers:
        return _linked(papers, "paper link")
    return _absent(d, "no paper in the repository or linked in the card")


def code_component(d: Dossier, component: str) -> Found:
    purpose = CODE_PURPOSE[component]
    files = d.code_files(purpose)
    if files:
        return _under_release(d, component, [e for _, e in files[:5]], "medium", code=True)
    links = d.code_links(purpose)
    if links:
        return _linked([link.evidence for link in links], "code repository link")
    return _absent(d, f"no {purpose} code in the repository")


def supporting_libraries(d: Dossier) -> Found:
    card = d.facts.card
    library = card.library_name if card is not None else None
    if library is not None:
        return _linked([library.evidence], f"library '{library.value}'")
    return _absent(d, "no library_name in the card")


def not_rated(d: Dossier, component: str) -> Found:
    return _absent(d, f"{component}: not rated automatically (no rule finds it in a repository)")


RULES = {
    "Model architecture": model_architecture,
    "Model parameters (Final)": model_parameters_final,
    "Model card": model_card,
    "Data card": data_card,
    "Technical report": technical_report,
    "Evaluation results": evaluation_results,
    "Supporting libraries and tools": supporting_libraries,
    "Model parameters (Intermediate)": model_parameters_intermediate,
    "Datasets": datasets,
    "Model metadata": model_metadata,
    "Research paper": research_paper,
}


def find(d: Dossier) -> dict[str, Found]:
    """What the rules find for each of the 17 components."""
    found: dict[str, Found] = {}
    for component in mof.components():
        name = component.name
        if name in RULES:
            found[name] = RULES[name](d)
        elif name in CODE_PURPOSE:
            found[name] = code_component(d, name)
        else:
            found[name] = not_rated(d, name)
    return found


def component_ratings(found: dict[str, Found]) -> list[Rating]:
    """The component record as ratings (the first evidence quotes the license literally)."""
    ratings = []
    for name, item in found.items():
        listed = item.present and item.license is not None
        level = mof.level_of(listed, item.license) if listed else "unknown"
        ratings.append(Rating(name, level, list(item.evidence),  # type: ignore[arg-type]
                              item.confidence if listed else None))  # type: ignore[arg-type]
    return ratings


def finish(assessment: Assessment, found: dict[str, Found]) -> Assessment:
    """Give the evaluated ratings back their confidence; mark license-unknown blockers."""
    ratings = [Rating(r.dimension, r.level, r.evidence,
                      None if r.level == "unknown" else found[r.dimension].confidence)  # type: ignore[arg-type]
               for r in assessment.ratings]
    blockers = dict(assessment.blockers or {})
    for name, blocker in blockers.items():
        item = found.get(name)
        if item is not None and item.present and item.license is None:
            blockers[name] = {**blocker, "status": LICENSE_UNKNOWN}
    unknown = [n for n, f in found.items() if f.present and f.license is None]
    warnings = list(assessment.warnings)
    if unknown:
        warnings.append(f"found, but under a license not known here: {', '.join(unknown)}; "
                        "they do not count until their license is known")
    return assessment.evolve(ratings=ratings, blockers=blockers, warnings=warnings)


def assess(d: Dossier, subject: Subject) -> Assessment:
    """The MOF class of the release, evaluated by the MOT's rules from the found components."""
    found = find(d)
    record = Assessment(subject=subject, framework="mof", ratings=component_ratings(found),
                        provenance="automatic")
    assessed = finish(mof.framework().evaluate(record), found)
    return mof.with_normalized_readings(assessed)
