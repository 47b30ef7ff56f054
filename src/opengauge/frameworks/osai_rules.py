"""Automatic ratings of the EU Open Source AI Index parameters from a model's repository.

One small rule per parameter; each returns a Rating with its evidence and confidence, and
`unknown` (confidence null) when nothing in the repository decides it. The rules are written
down in plain language in docs/rating-rules.md; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from opengauge.filenames import WEIGHT_FILE_SUFFIXES
from opengauge.model import Assessment, Evidence, Rating, Subject
from opengauge.sources.dossier import CITATION, Dossier
from opengauge.sources.facts import SECTION_KINDS

OPEN_CARD_SECTIONS = 5
PARTIAL_CARD_SECTIONS = 2
PARTIAL_CARD_WORDS = 150
"""A card with this many words but few standard sections still documents the model in part."""


def _rating(dimension: str, level: str, evidence: Iterable[Evidence],
            confidence: str | None) -> Rating:
    return Rating(dimension, level, list(evidence),  # type: ignore[arg-type]
                  None if level == "unknown" else confidence)  # type: ignore[arg-type]


def _noted(evidence: Evidence, note: str) -> Evidence:
    joined = f"{note}; {evidence.note}" if evidence.note else note
    return Evidence(evidence.source, evidence.locator, evidence.quote, joined)


def _lower(*levels: str | None) -> str | None:
    order = {"high": 2, "medium": 1, "low": 0}
    known = [c for c in levels if c is not None]
    return min(known, key=order.__getitem__) if known else None


# -- availability ---------------------------------------------------------------------------

def weights_endmodel(d: Dossier) -> Rating:
    files = d.weight_files
    if not files:
        return _rating("weights_endmodel", "unknown", [d.where(
            "no weight files (.safetensors, .gguf, .bin, ...) found in the repository")], None)
    first = _noted(files[0][1], f"{len(files)} weight file(s), e.g. {files[0][0]}"
                   + ("; Git LFS pointers only" if d.lfs_only else ""))
    found = "medium" if d.lfs_only else "high"
    if d.gate is not None:
        kind, evidence, confidence = d.gate
        return _rating("weights_endmodel", "partial",
                       [first, _noted(evidence, f"downloads need accepted terms: {kind}")],
                       _lower(found, confidence))
    verdict, cited = d.licenses.open_source, [r.cited() for r in d.licenses.deciding]
    if verdict is True:
        return _rating("weights_endmodel", "open", [first, *cited],
                       _lower(found, d.licenses.confidence))
    if verdict is False:
        return _rating("weights_endmodel", "partial",
                       [first, *cited], _lower(found, d.licenses.confidence))
    return _rating("weights_endmodel", "unknown", [_noted(first, "published, but their license "
                                                         "could not be determined"), *cited], None)


def weights_basemodel(d: Dossier, end: Rating) -> Rating:
    if not d.is_derivative:
        return _mirror("weights_basemodel", end, d)
    base_id, declared = d.base_ids[0]
    repo = next((r for r in d.facts.base_models if r.repo_id == base_id), None)
    if repo is None:
        return _rating("weights_basemodel", "unknown", [_noted(
            declared, f"base model {base_id} was not looked up on the Hub")], None)
    if not repo.found:
        return _rating("weights_basemodel", "unknown", [declared, _noted(
            repo.evidence, f"the Hub does not know {base_id}")], None)
    weights = [n for n in repo.files if n.lower().endswith(WEIGHT_FILE_SUFFIXES)]
    if not weights:
        return _rating("weights_basemodel", "unknown", [declared, _noted(
            repo.evidence, f"{base_id} lists no weight files")], None)
    listed = _noted(repo.evidence, f"{base_id}: {len(weights)} weight file(s) on the Hub")
    if repo.gated not in (None, False, "false", "False"):
        return _rating("weights_basemodel", "partial",
                       [declared, _noted(listed, f"gated ({repo.gated})")], "high")
    reading = d.base_reading(base_id)
    verdict = reading.open_source if reading is not None else None
    cited = [reading.cited()] if reading is not None else []
    if verdict is True:
        return _rating("weights_basemodel", "open", [declared, listed, *cited], "medium")
    if verdict is False:
        return _rating("weights_basemodel", "partial", [declared, listed, *cited], "high")
    return _rating("weights_basemodel", "unknown",
                   [declared, _noted(listed, "license could not be determined"), *cited], None)


def _mirror(dimension: str, end: Rating, d: Dossier) -> Rating:
    note = d.where("no base model declared: the model is its own base, so this mirrors the "
                   "end-model rating (as the index does)", "README.md" if d.facts.card else None,
                   "base_model")
    return _rating(dimension, end.level, [note, *end.evidence], end.confidence)


def _dataset_states(d: Dossier) -> list[tuple[str, str, list[Evidence]]]:
    """(dataset, state, evidence): state open, restricted, gated, unknown-license or unavailable."""
    states = []
    for name, declared in d.named_datasets:
        repo = next((r for r in d.facts.datasets if r.repo_id == name), None)
        if repo is None or not repo.found:
            why = "not found on the Hub" if repo is not None else "not looked up on the Hub"
            states.append((name, "unavailable", [_noted(declared, why)]))
            continue
        reading = d.dataset_reading(name)
        cited = [reading.cited()] if reading is not None else [repo.evidence]
        if repo.gated not in (None, False, "false", "False"):
            states.append((name, "gated", [declared, *cited]))
        elif reading is not None and reading.open_source is True:
            states.append((name, "open", [declared, *cited]))
        elif reading is not None and reading.open_source is False:
            states.append((name, "restricted", [declared, *cited]))
        else:
            states.append((name, "unknown-license", [declared, *cited]))
    return states


def datasources_endmodel(d: Dossier) -> Rating:
    dim = "datasources_endmodel"
    states = _dataset_states(d)
    if not states:
        sections = d.filled("training_data")
        if sections:
            return _rating(dim, "partial", [_noted(s.evidence, "training data described in the "
                                                   "card; no datasets listed") for s in sections],
                           "low")
        return _rating(dim, "unknown", [d.where("no `datasets` in the card and no training-data "
                                                "section", "README.md", "datasets")], None)
    evidence = [e for _, _, found in states for e in found]
    kinds = [state for _, state, _ in states]
    available = [k for k in kinds if k != "unavailable"]
    if all(k == "open" for k in kinds):
        return _rating(dim, "open", evidence, "medium")
    if available:
        return _rating(dim, "partial", evidence, "medium")
    return _rating(dim, "partial", evidence, "low")


def datasources_basemodel(d: Dossier, end: Rating) -> Rating:
    dim = "datasources_basemodel"
    if not d.is_derivative:
        return _mirror(dim, end, d)
    base_id, declared = d.base_ids[0]
    repo = next((r for r in d.facts.base_models if r.repo_id == base_id and r.found), None)
    names = repo.card_data.get("datasets") if repo is not None else None
    names = [names] if isinstance(names, str) else [n for n in names or [] if isinstance(n, str)]
    if repo is not None and names:
        return _rating(dim, "partial", [declared, _noted(
            repo.evidence, f"{base_id}'s card names {len(names)} training dataset(s): "
            f"{', '.join(names[:5])}; their availability was not checked")], "low")
    return _rating(dim, "unknown", [_noted(declared, f"no training datasets found for the base "
                                           f"model {base_id}")], None)


def trainingcode(d: Dossier) -> Rating:
    files = d.code_files("training")
    if files:
        code = d.licenses.code_license  # a code-scoped license (LICENSE-CODE) when there is one
        terms = [code.cited()] if code is not None and code.scope == "code" else []
        return _rating("trainingcode", "partial", [_noted(e, "completeness not checked")
                                                  for _, e in files[:5]] + terms, "medium")
    links = d.code_links("training")
    if links:
        return _rating("trainingcode", "partial", [_noted(link.evidence, "code repository linked "
                                                          "for training; its contents and license "
                                                          "were not checked")
                                                   for link in links[:5]], "low")
    return _rating("trainingcode", "unknown", [d.where(
        "no training code in the repository and no code repository linked under a training "
        "heading of the card")], None)


# -- documentation --------------------------------------------------------------------------

def code(d: Dossier) -> Rating:
    links = d.code_links()
    files = [f for purpose in ("training", "inference", "evaluation", "preprocessing")
             for f in d.code_files(purpose)]
    if links or files:
        evidence = [_noted(link.evidence, "code repository linked; its documentation was not "
                           "checked") for link in links[:5]]
        evidence += [e for _, e in files[:5]]
        return _rating("code", "partial", evidence, "low")
    return _rating("code", "unknown", [d.where("no code repository linked and no code in the "
                                               "repository")], None)


def hardware_architecture(d: Dossier) -> Rating:
    sections = d.filled("hardware")
    card = d.facts.card
    co2 = card.co2_eq_emissions if card is not None else None
    used = co2.value.get("hardware_used") if co2 is not None and isinstance(co2.value, dict) else None
    evidence = [_noted(s.evidence, "hardware described in the card") for s in sections]
    if used:
        evidence.append(_noted(co2.evidence, f"hardware_used: {used}"))  # type: ignore[union-attr]
    if evidence:
        return _rating("hardware_architecture", "partial", evidence, "medium" if sections else "low")
    return _rating("hardware_architecture", "unknown", [d.where(
        "no hardware section in the card and no co2_eq_emissions.hardware_used", "README.md")], None)


def preprint(d: Dossier) -> Rating:
    card = d.facts.card
    tagged = card.arxiv if card is not None else []
    if tagged:
        return _rating("preprint", "open", [_noted(f.evidence, f"arXiv:{f.value} "
                                                   "(https://arxiv.org/abs/" + f"{f.value})")
                                            for f in tagged[:5]], "medium")
    arxiv = [link for link in d.facts.links_of("paper")
             if (urlsplit(link.url).hostname or "").endswith("arxiv.org")]
    own = [link for link in arxiv if link.section and CITATION.search(link.section)]
    if own:
        return _rating("preprint", "open", [_noted(link.evidence, f"{link.url}: cited under "
                                                   f"'{link.section}', the card's own citation")
                                            for link in own[:5]], "medium")
    shipped = d.documents("report") + d.documents("paper")
    if shipped:
        return _rating("preprint", "partial", [_noted(e, "a report in the repository, not an "
                                                      "archived preprint") for _, e in shipped[:3]],
                       "low")
    cited = [link for link in arxiv if not link.in_code]
    if cited:
        return _rating("preprint", "partial", [_noted(link.evidence, "arXiv preprint cited in the "
                                                      "card; it may describe related work")
                                               for link in cited[:5]], "low")
    return _rating("preprint", "unknown", [d.where("no arXiv id in the card's tags and no "
                                                   "preprint linked", "README.md", "tags")], None)


def paper(d: Dossier) -> Rating:
    reviewed = [link for link in d.facts.links_of("paper") if not link.in_code
                and not (urlsplit(link.url).hostname or "").endswith("arxiv.org")]
    if reviewed:
        return _rating("paper", "partial", [_noted(link.evidence, "publication linked (ACL "
                                                   "Anthology, OpenReview or DOI); whether it is "
                                                   "peer-reviewed and covers this model was not "
                                                   "checked") for link in reviewed[:5]], "low")
    return _rating("paper", "unknown", [d.where("no ACL Anthology, OpenReview or DOI link in the "
                                                "card", "README.md")], None)


def modelcard(d: Dossier) -> Rating:
    card = d.facts.card
    if card is None:
        if d.single_file:
            return _rating("modelcard", "unknown", [d.where("a single weights file: no card is "
                                                            "read beside it")], None)
        return _rating("modelcard", "closed", [d.where("no README.md model card in the repository")],
                       "high" if d.is_hub else "medium")
    filled = [kind for kind in SECTION_KINDS if d.filled(kind)]
    metadata = card.has_front_matter and bool(card.licenses or card.pipeline_tag or card.library_name)
    where = d.where(f"{card.body_words} words; {len(filled)} of {len(SECTION_KINDS)} card sections "
                    "filled"
                    + (f" ({', '.join(filled)})" if filled else "")
                    + ("; metadata in front matter" if metadata else "; no front-matter metadata"),
                    card.file)
    evidence = [where] + [d.filled(kind)[0].evidence for kind in filled]
    if len(filled) >= OPEN_CARD_SECTIONS and metadata:
        return _rating("modelcard", "open", evidence, "medium")
    if len(filled) >= PARTIAL_CARD_SECTIONS or card.body_words >= PARTIAL_CARD_WORDS:
        return _rating("modelcard", "partial", evidence, "medium")
    return _rating("modelcard", "closed", evidence, "medium")


def datasheet(d: Dossier) -> Rating:
    found = [r for r in d.facts.datasets if r.found]
    if found:
        return _rating("datasheet", "partial", [_noted(r.evidence, f"{r.repo_id} has a Hub dataset "
                                                       "card; not checked against the Datasheets "
                                                       "for Datasets questions") for r in found[:5]],
                       "low")
    return _rating("datasheet", "unknown", [d.where("no training dataset with a dataset card found")],
                   None)


# -- access ---------------------------------------------------------------------------------

def licenses(d: Dossier) -> Rating:
    picture = d.licenses
    verdict = picture.open_source
    cited = [r.cited() for r in picture.deciding]
    if verdict is False:
        return _rating("licenses", "closed", cited, picture.confidence)
    if verdict is None:
        declared = [r.cited() for r in [*picture.terms, *picture.undetermined_bases]]
        why = ("the base model's license was not identified" if picture.undetermined_bases
               else "no declared license was identified")
        return _rating("licenses", "unknown", declared or [d.where(
            f"no license declared in the card, a license file or GGUF metadata ({why})")], None)
    datasets = list(picture.datasets)
    if datasets and len(datasets) == len(d.named_datasets) and all(r.open_source for r in datasets):
        return _rating("licenses", "open", [*cited, *(r.cited() for r in datasets)], "medium")
    return _rating("licenses", "partial", [*cited, d.where(
        "the release's license is open source; the licenses of all training data and code are "
        "not shown to be open")], "medium")


def not_rated(dimension: str, why: str) -> Callable[[Dossier], Rating]:
    def rule(d: Dossier) -> Rating:
        return _rating(dimension, "unknown", [d.where(f"not rated automatically: {why}")], None)
    return rule


package = not_rated("package", "a model repository does not show whether a packaged release "
                    "exists on a software repository")
api = not_rated("api", "a model repository does not show whether an unrestricted API exists")


def rate(d: Dossier, *, fourteen: bool = False) -> list[Rating]:
    """The index's parameters in its order (12, or 14 with package and api)."""
    end_weights = weights_endmodel(d)
    end_data = datasources_endmodel(d)
    ratings = [datasources_basemodel(d, end_data), end_data, weights_basemodel(d, end_weights),
               end_weights, trainingcode(d), code(d), hardware_architecture(d), preprint(d),
               paper(d), modelcard(d), datasheet(d), licenses(d)]
    if fourteen:
        ratings += [package(d), api(d)]
    return ratings


def assess(d: Dossier, subject: Subject, framework_id: str = "osai") -> Assessment:
    """The index's score from the automatic ratings (`osai`: 12 parameters, `osai-14`: 14)."""
    from opengauge import frameworks

    framework = frameworks.get(framework_id)
    order = [c.ref for c in framework.criteria]
    ratings = sorted(rate(d, fourteen=len(order) == 14), key=lambda r: order.index(r.dimension))
    record = Assessment(subject=subject, framework=framework_id, ratings=ratings,
                        provenance="automatic")
    return framework.evaluate(record)


def assess_fourteen(d: Dossier, subject: Subject) -> Assessment:
    return assess(d, subject, "osai-14")
