"""The automatic assessment of a repository: gather the evidence, rate it under every framework
that has automatic rules, place it in the catalog's rankings, and the report's automatic parts
(license section, headline, model card, repository, comparison with the curated records).

`app.checking` builds the Report from these (with the curated records when the target is also
in the catalog, and the EU AI Act estimate).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opengauge import __version__
from opengauge.assess import licensing
from opengauge.assess.licensing import CatalogTerms
from opengauge.assess.report import AssessedLicense, LicenseRating
from opengauge.catalog.catalog import Catalog
from opengauge.frameworks import automatic
from opengauge.model import Assessment, Ranked, ReportProvenance, Subject, tri_state
from opengauge.sources.dossier import Dossier
from opengauge.sources.facts import Facts
from opengauge.sources.hub import HubOptions
from opengauge.sources.licensefiles import SCOPES
from opengauge.sources.licensepicture import WEIGHTS_SCOPES
from opengauge.sources.target import Target
from opengauge.store import Store

if TYPE_CHECKING:
    from opengauge.licenses.result import LicenseResult

TYPES_BY_TASK = {
    "image": ("text-to-image", "image-to-image", "unconditional-image-generation",
              "image-classification", "object-detection", "image-segmentation", "depth-estimation"),
    "video": ("text-to-video", "image-to-video", "video-classification", "video-text-to-text"),
    "audio": ("automatic-speech-recognition", "text-to-speech", "text-to-audio",
              "audio-classification", "audio-to-audio", "audio-text-to-text", "voice-activity-detection"),
    "text,image": ("image-text-to-text", "visual-question-answering", "image-to-text",
                   "document-question-answering"),
}


def gather(target: Target, hub: HubOptions, store: Store | None = None) -> Facts:
    """The evidence about `target` (sources only)."""
    from opengauge.sources.gather import gather as run

    return run(target, store=store, hub=hub)


def assess(facts: Facts, terms: CatalogTerms) -> tuple[Dossier, Subject, dict[str, Assessment]]:
    """Every framework's automatic assessment of `facts` (`terms`: the catalog's, for base
    models)."""
    dossier = Dossier(facts, licensing.read(facts, terms))
    subject = subject_of(dossier)
    stamp = revision_of(facts)
    today = datetime.now(UTC).date().isoformat()
    found = {}
    for framework_id in automatic.ids():
        assessment = automatic.rater(framework_id)(dossier, subject)
        found[framework_id] = assessment.evolve(
            provenance="automatic", source="automatic", source_file=facts.target.label,
            snapshot=stamp["revision"], date=today, layer=None)
    return dossier, subject, found


# -- the subject ------------------------------------------------------------------------------

def types_of(task: str | None) -> list[str]:
    """EU-index types (text, image, video, audio) for a Hub pipeline tag."""
    if not task:
        return []
    for types, tasks in TYPES_BY_TASK.items():
        if task in tasks:
            return types.split(",")
    return ["text"] if "text" in task or task in ("fill-mask", "translation", "summarization",
                                                  "question-answering", "conversational") else []


def subject_of(d: Dossier) -> Subject:
    facts, target = d.facts, d.facts.target
    card = facts.card
    task = card.pipeline_tag.value if card is not None and card.pipeline_tag is not None else None
    if task is None and facts.hub is not None and facts.hub.pipeline_tag is not None:
        task = facts.hub.pipeline_tag.value
    base = d.base_ids[0][0] if d.base_ids else None
    gguf_name = next((w.gguf.name.value for w in facts.weights.gguf
                      if w.gguf is not None and w.gguf.name is not None), None)
    if facts.hub is not None:
        org, _, name = facts.hub.repo_id.partition("/")
        return Subject(id=facts.hub.repo_id, name=name, org=org, link=facts.hub.url,
                       type=types_of(task), base_model=base, end_model=facts.hub.repo_id,
                       license=d.licenses.declared_name())
    path = target.path or Path(target.label)
    name = gguf_name or (path.name if target.path_kind == "folder" else path.stem)
    return Subject(id=str(path), name=name or str(path), type=types_of(task), base_model=base,
                   license=d.licenses.declared_name())


# -- the revision -----------------------------------------------------------------------------

def revision_of(facts: Facts) -> dict[str, Any]:
    """The assessed revision: the Hub commit, or a digest of a local target's files."""
    if facts.hub is not None:
        return {"revision": facts.hub.sha or facts.hub.revision, "revision_kind": "hub-commit",
                "requested_revision": facts.target.revision}
    target = facts.target
    root = target.path if target.path_kind == "folder" else target.path.parent  # type: ignore[union-attr]
    digest = hashlib.sha256()
    latest = 0
    for name, size in sorted(facts.files, key=lambda f: f[0]):
        try:
            mtime = os.stat(Path(root) / name).st_mtime_ns  # type: ignore[arg-type]
        except OSError:
            mtime = 0
        latest = max(latest, mtime)
        digest.update(f"{name}\0{size}\0{mtime}\n".encode("utf-8", "replace"))
    if facts.card is not None:
        digest.update(facts.card.text.encode("utf-8", "replace"))
    for item in facts.license_files:
        digest.update(item.text.encode("utf-8", "replace"))
    if facts.config is not None:
        digest.update(json.dumps(facts.config.value, sort_keys=True, default=str).encode())
    modified = datetime.fromtimestamp(latest / 1e9, UTC).isoformat(timespec="seconds") \
        if latest else None
    return {"revision": "sha256:" + digest.hexdigest(), "revision_kind": "local-digest",
            "modified": modified}


def provenance_of(facts: Facts, d: Dossier) -> ReportProvenance:
    found = ReportProvenance(kind="automatic", target=facts.target.to_dict(), **revision_of(facts),
                             assessed_at=datetime.now(UTC).isoformat(timespec="seconds"),
                             tool={"name": "opengauge", "version": __version__},
                             analyzer=True,
                             frameworks=automatic.ids(),
                             files=len(facts.files), listing_truncated=facts.listing_truncated,
                             problems=[{"source": p.source, "kind": p.kind, "message": p.message}
                                       for p in facts.problems])
    if facts.hub is not None:
        found = replace(found, url=facts.hub.url, cached=facts.hub.cached,
                        last_modified=facts.hub.last_modified)
    return found


# -- placing, summary, license ------------------------------------------------------------------

def place(framework_id: str, assessment: Assessment, catalog: Catalog) -> Ranked:
    """Where `assessment` would stand in the catalog's ranking of `framework_id` (of N + 1)."""
    from opengauge import frameworks as registry

    framework = registry.get(framework_id)
    others = catalog.assessments(framework_id)
    for entry in framework.rank([*others, assessment]):
        if entry.assessment is assessment:
            return entry
    raise AssertionError("the assessment is always ranked")  # pragma: no cover


def summarize(d: Dossier, assessed: dict[str, Assessment]) -> dict[str, Any]:
    """The headline of an automatic assessment: the one verdict table (`opengauge.verdict`)
    over the release's governing terms (its own declarations and its base models') and the
    automatic ratings."""
    return headline(d, assessed).summary


def headline(d: Dossier, assessed: dict[str, Assessment]) -> Any:
    """The verdict table's answer (`verdict.Headline`) for an automatic assessment."""
    from opengauge.verdict import Text, decide

    texts = [Text(r.label, r.identified, r.open_source,
                  "use-policy" if r.source == "use-policy" else "license",
                  r.result.basis if r.result else None)
             for r in [*d.licenses.terms, *d.licenses.base_models]]
    return decide(texts, assessed, terms=d.licenses.open_source)


def license_of(d: Dossier, assessed: dict[str, Assessment]) -> AssessedLicense:
    """The report's license section for an automatic assessment."""
    picture = d.licenses
    eu = assessed.get("osai")
    rating = eu.rating("licenses") if eu is not None else None
    verdicts = ("open source", "not open source", "open source status unknown")
    basis = "; ".join(f"{r.source} {r.subject + ' ' if r.subject else ''}{r.declared}: "
                      f"{r.label} ({tri_state(r.open_source, *verdicts)})"
                      for r in [*picture.terms, *picture.base_models]) or None
    results = [_annotated(r.result, r.result.path or r.declared, source=r.source, scope=r.scope)
               for r in picture.model if r.result is not None and r.scope in WEIGHTS_SCOPES]
    results += [replace(_annotated(r.result, r.result.path or r.declared, source="base-model",
                                   base_model=r.subject, scope=r.scope),
                        restrictions=[replace(x, source=x.source or f"base model {r.subject}")
                                      for x in r.result.restrictions])
                for r in picture.base_models if r.result is not None]
    return AssessedLicense(
        name=picture.declared_name(), open_source=picture.open_source,
        confidence=picture.confidence, basis=basis, results=results,
        declared=[r.declaration() for r in picture.model],
        texts_by_scope={scope: [r.declared for r in picture.model if r.scope == scope]
                        for scope in SCOPES if any(r.scope == scope for r in picture.model)},
        base_models=[r.declaration() for r in picture.base_models],
        datasets=[r.declaration() for r in picture.datasets],
        rating=LicenseRating(rating.level, "osai", list(rating.evidence))
        if rating is not None else None)


def _annotated(result: LicenseResult, path: str | None, **notes: Any) -> LicenseResult:
    """A copy of `result` with its `path` set and `notes` added to its annotations."""
    return replace(result, path=path, annotations={**result.annotations, **notes})


def model_card_of(d: Dossier) -> dict[str, Any]:
    """Model-card facts for AI-BOMs (docs/compliance.md: `report.context["model_card"]`)."""
    facts = d.facts
    found: dict[str, Any] = {}
    config = facts.config.value if facts.config is not None else None
    if isinstance(config, dict):
        architectures = config.get("architectures")
        if isinstance(architectures, list) and architectures:
            found["model_architecture"] = str(architectures[0])
        if isinstance(config.get("model_type"), str):
            found["architecture"] = config["model_type"]
    for weight in facts.weights.gguf:
        if weight.gguf is not None and weight.gguf.architecture is not None:
            found.setdefault("architecture", str(weight.gguf.architecture.value))
    card = facts.card
    if card is not None and card.pipeline_tag is not None:
        found["task"] = str(card.pipeline_tag.value)
    datasets = []
    for name, _ in d.named_datasets:
        url = f"{facts.hub.url.rsplit('/', 2)[0]}/datasets/{name}" if facts.hub is not None \
            and "/" in name and "://" not in name else (name if "://" in name else None)
        datasets.append({"name": name, "url": url})
    if datasets:
        found["datasets"] = datasets
    return found


def repository_of(d: Dossier) -> dict[str, Any]:
    """What the repository holds: files, weights, parameters, gating."""
    weights = d.facts.weights
    return {"files": len(d.facts.files), "weight_files": len(d.weight_files),
            "parameters": weights.parameters.value if weights.parameters is not None else None,
            "dtypes": weights.dtypes, "weights_bytes": weights.total_bytes or None,
            "gated": d.gate[0] if d.gate is not None else None,
            "base_models": [b for b, _ in d.base_ids],
            "datasets": [n for n, _ in d.named_datasets]}


# -- curated and automatic side by side -------------------------------------------------------

def catalog_id(facts: Facts, known: set[str], subject: Subject | None = None) -> str | None:
    """The catalog id of the target when it is in the catalog, else None: a Hub id matching
    exactly one family's Hub patterns in the identity table; a local target whose name (folder,
    file or GGUF `general.name`) is a catalog id, name or alias, compared exactly (case and
    separators folded, never fuzzily); `known` is the catalog's ids."""
    from opengauge.identity import table

    if facts.hub is not None:
        ids = [i for i in table().ids_for_hub(facts.hub.repo_id) if i in known]
        return ids[0] if len(ids) == 1 else None
    path = facts.target.path
    names = [subject.name if subject is not None else None,
             path.name if path is not None and facts.target.path_kind == "folder" else None]
    for name in dict.fromkeys(n for n in names if n):
        found = table().id_for_name(name)
        if found in known:
            return found
    return None


def _result(entry: Ranked) -> Any:
    a = entry.assessment
    if a.verdict is not None:
        return a.verdict
    if a.klass is not None:
        return a.klass
    return round(a.score, 4) if a.score is not None else None


def compare(curated: dict[str, Ranked], automatic_: dict[str, Ranked],
            curated_summary: dict[str, Any] | None, summary: dict[str, Any]) -> dict[str, Any]:
    """Per framework rated both ways: both results and the dimensions where they disagree (an
    automatic `unknown` is not a disagreement; it is counted as `unrated`)."""
    found: dict[str, Any] = {}
    for framework_id in [f for f in automatic_ if f in curated]:
        ours, theirs = automatic_[framework_id].assessment, curated[framework_id].assessment
        theirs_levels = theirs.levels()
        disagree, agree, unrated = [], 0, 0
        for rating in ours.ratings:
            other = theirs_levels.get(rating.dimension, "unknown")
            if rating.level == "unknown":
                unrated += 1
            elif rating.level == other:
                agree += 1
            else:
                disagree.append({"dimension": rating.dimension, "curated": other,
                                 "automatic": rating.level, "confidence": rating.confidence})
        found[framework_id] = {"curated": _result(curated[framework_id]),
                               "automatic": _result(automatic_[framework_id]),
                               "agree": agree, "unrated": unrated, "disagree": disagree}
    if curated_summary:
        found["summary"] = {"curated": {k: curated_summary.get(k) for k in ("weights", "open_source")},
                            "automatic": {k: summary.get(k) for k in ("weights", "open_source")}}
    return found
