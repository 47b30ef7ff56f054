"""An assessment as a Model Openness Tool release record (the shape of the MOT's `models/*.yml`).

The MOT lists the components a release includes; a listed component counts when its license is
open. The record is derived from the EU index assessment in the report and never invents:

- a component is listed when the EU parameter behind it is rated open or partial (there is
  evidence it was released), with its link as `component_path` and a comment quoting the rating;
- it is left out, with a comment saying why, when that parameter is closed or unknown;
- MOF components no EU parameter covers are left out (the MOT's missing = not included);
- the EU index records no per-component licenses, so listed components carry none and inherit the
  distribution license, which is the record's end-model license as written (not normalized).

Component names and descriptions are the MOT's (lfai/model_openness_tool, `mof.settings.yml`).
"""

from __future__ import annotations

import re

from opengauge import __version__
from opengauge.assess.report import Report
from opengauge.errors import BadInput
from opengauge.formats.osai_yaml import scalar
from opengauge.model import Assessment, Rating

FRAMEWORK = {"name": "Model Openness Framework", "version": "1.0", "date": "2024-12-15"}
# MOT component (in the MOT's order) -> (description, EU parameters behind it).
COMPONENTS: list[tuple[str, str, tuple[str, ...]]] = [
    ("Training code", "Code used for training the model", ("trainingcode",)),
    ("Model parameters (Final)", "Trained model parameters, weights and biases", ("weights_endmodel",)),
    ("Datasets", "Training, validation and testing datasets used for the model",
     ("datasources_basemodel", "datasources_endmodel")),
    ("Model card", "Model details including performance metrics, intended use, and limitations",
     ("modelcard",)),
    ("Data card", "Documentation for datasets including source, characteristics, and preprocessing details",
     ("datasheet",)),
    ("Technical report", "Technical report detailing capabilities and usage instructions for the model",
     ("preprint",)),
    ("Research paper", "Research paper detailing the development and capabilities of the model", ("paper",)),
]
NOT_DERIVED = ("Model architecture, Data preprocessing code, Inference code, Evaluation code, Supporting "
               "libraries and tools, Model parameters (Intermediate), Evaluation data, Model metadata, "
               "Sample model outputs, Evaluation results")
SINGLE_TYPES = {"text": "language", "code": "code", "image": "image", "video": "video", "audio": "audio"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def release_type(types: list[str]) -> str:
    """The MOT's release type from EU index types ('' when untyped)."""
    kinds = set(types)
    if not kinds:
        return ""
    if kinds <= {"text", "code"}:
        return "code" if kinds == {"code"} else "language"
    if len(kinds) == 1:
        return SINGLE_TYPES.get(next(iter(kinds)), "other")
    return "multimodal"


def _quote(rating: Rating | None, framework: str, ref: str) -> str:
    if rating is None:
        return f"{framework} {ref}: no rating"
    notes = " ".join(e.quote or e.note or "" for e in rating.evidence).strip()
    text = f"{framework} {ref}: {rating.level}"
    return f"{text} — {' '.join(notes.split())}" if notes else text


def _components(a: Assessment) -> tuple[list[str], list[str]]:
    """The component entries (YAML lines) and the comments on those left out."""
    listed: list[str] = []
    left_out: list[str] = []
    for name, description, refs in COMPONENTS:
        ratings = [a.rating(ref) for ref in refs]
        evidence = [r for r in ratings if r is not None and r.level in ("open", "partial")]
        reasons = [_quote(r, a.framework, ref) for r, ref in zip(ratings, refs, strict=True)]
        if not evidence:
            left_out.append(f"#   {name}: {'; '.join(reasons)}")
            continue
        links = [e.locator.url for r in evidence for e in r.evidence if e.locator.url]
        listed += [f"    # {line}" for line in reasons]
        listed += ["    -", f"      name: {scalar(name)}", f"      description: {scalar(description)}"]
        if links:
            listed.append(f"      component_path: {scalar(links[0])}")
    return listed, left_out


def build(report: Report) -> str:
    """The MOT release record of `report` as YAML text."""
    entry = report.frameworks.get("osai") or report.frameworks.get("osai-14")
    if entry is None:
        raise BadInput(f"model '{report.subject.id}' has no EU index assessment to derive an MOT "
                       "record from")
    a = entry.assessment
    subject = a.subject
    listed, left_out = _components(a)
    layer = f" ({a.layer})" if a.layer else ""
    origin = f"{a.source} {a.source_file}{layer}" if a.source_file else f"{a.provenance} assessment"
    date = subject.release_date if subject.release_date and DATE.match(subject.release_date) else None
    lines = [
        f"# Written by opengauge {__version__} from the EU index assessment {origin}.",
        "# A component is listed when its EU parameter is rated open or partial and left out when",
        "# it is closed or unknown; the EU index records no per-component licenses, so listed",
        "# components inherit the distribution license. Review before proposing upstream.",
        "framework:",
        *[f"  {k}: {scalar(v)}" for k, v in FRAMEWORK.items()],
        "release:",
        f"  name: {scalar(subject.end_model or subject.name)}",
        "  version: ''",
        *([f"  date: {scalar(date)}"] if date else []),
        f"  type: {scalar(release_type(subject.type)) or repr('')}",
        "  architecture: ''  # not in the EU index",
        f"  origin: {scalar(subject.base_model) or repr('')}",
        f"  producer: {scalar(subject.org) or repr('')}",
        "  contact: ''",
        "  license:",
        "    distribution:",
        f"      name: {scalar(subject.license)}".rstrip(),
        "      path:",
        "  components:" + ("" if listed else " []"),
        *listed,
        "# Left out (no evidence of release in the EU index):",
        *(left_out or ["#   (none)"]),
        f"#   {NOT_DERIVED}: no EU index parameter covers them",
    ]
    return "\n".join(lines) + "\n"
