"""What the rating rules read: the gathered Facts, the license picture, and a few plain
observations several rules share (weight files, gating, base models, filled card sections).

An observation is a fact with its Evidence, never a level: the rules decide levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from opengauge.filenames import WEIGHT_FILE_SUFFIXES
from opengauge.model import Evidence, Locator
from opengauge.sources.facts import Facts, Link, Section
from opengauge.sources.licensepicture import LicensePicture, LicenseReading

NOT_WEIGHTS = re.compile(r"(^|/)(training_args|optimizer|scheduler|rng_state[^/]*|"
                         r"trainer_state)\.(bin|pt|pth)$", re.IGNORECASE)
CHECKPOINT_FOLDER = re.compile(r"(^|/)(checkpoint|step|ckpt|iter)[-_]?\d+/", re.IGNORECASE)
FILLED_WORDS = 10
"""A card section counts as filled from this many words (template placeholders excluded)."""

CODE_PATTERNS = {
    "training": re.compile(r"(^|/)(train|finetune|fine_tune|pretrain|sft|dpo|rlhf)[\w-]*\.(py|sh)$",
                           re.IGNORECASE),
    "inference": re.compile(r"(^|/)(inference|generate|generation|predict|run|serve|demo)"
                            r"[\w-]*\.py$", re.IGNORECASE),
    "evaluation": re.compile(r"(^|/)(eval|evaluate|evaluation|benchmark)[\w-]*\.(py|sh)$",
                             re.IGNORECASE),
    "preprocessing": re.compile(r"(^|/)(preprocess|prepare|tokenize_data|data_prep|build_dataset)"
                                r"[\w-]*\.(py|sh)$", re.IGNORECASE),
    "architecture": re.compile(r"(^|/)modeling_[\w-]*\.py$", re.IGNORECASE),
}
CITATION = re.compile(r"citation|cite|bibtex|reference", re.IGNORECASE)
DOCUMENTS = {"report": re.compile(r"report|whitepaper|white_paper|technical", re.IGNORECASE),
             "paper": re.compile(r"paper|preprint|arxiv", re.IGNORECASE)}
LINK_PURPOSE = {
    "training": re.compile(r"train|fine.?tun|reproduc|recipe", re.IGNORECASE),
    "inference": re.compile(r"inference|serving|deploy", re.IGNORECASE),
    "evaluation": re.compile(r"\beval|benchmark|metrics", re.IGNORECASE),
    "preprocessing": re.compile(r"data.?prep|preprocess|data process|data pipeline|curation",
                                re.IGNORECASE),
}


def hub_id(url: object) -> str | None:
    """`org/name` of a huggingface.co model or dataset URL (GGUF metadata); else the URL."""
    if not isinstance(url, str) or not url.strip():
        return None
    match = re.match(r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/(?:datasets/)?"
                     r"([\w.-]+/[\w.-]+)/?$", url.strip())
    return match.group(1) if match else url.strip()


@dataclass
class Dossier:
    """Everything the rules may read about one target."""

    facts: Facts
    licenses: LicensePicture

    # -- where things were looked for ---------------------------------------------------------

    @property
    def is_hub(self) -> bool:
        return self.facts.hub is not None

    @property
    def single_file(self) -> bool:
        """A lone .gguf/.safetensors/index target: no card or license beside it is read."""
        return self.facts.target.kind == "path" and self.facts.target.path_kind != "folder"

    def where(self, note: str, file: str | None = None, field_name: str | None = None) -> Evidence:
        """Evidence naming the place that was searched (the repository, or one file in it)."""
        target = self.facts.target
        if self.facts.hub is not None:
            url = self.facts.hub.url + (f"/blob/{self.facts.hub.sha}/{file}" if file and
                                        self.facts.hub.sha else "")
            return Evidence("assessment", Locator(url=url, file=file, field=field_name), None, note)
        base = str(target.path) if target.path is not None else target.label
        path = f"{base}/{file}" if file and target.path_kind == "folder" else base
        return Evidence("assessment", Locator(file=path, field=field_name), None, note)

    # -- weights -------------------------------------------------------------------------------

    @cached_property
    def weight_files(self) -> list[tuple[str, Evidence]]:
        """Weight files found: parsed headers (local, GGUF) and weight-like names in the listing."""
        found: dict[str, Evidence] = {}
        for weight in self.facts.weights.files:
            if weight.counted or weight.format == "lfs-pointer":
                found[weight.name] = weight.evidence
        parsed = {w.name for w in self.facts.weights.files}
        for name, _size in self.facts.files:
            lower = name.lower()
            if name not in parsed and lower.endswith(WEIGHT_FILE_SUFFIXES) and not NOT_WEIGHTS.search(name):
                found[name] = self.where("weight file in the repository listing", name)
        return sorted(found.items())

    @property
    def lfs_only(self) -> bool:
        """Every weight file found is a Git LFS pointer (the weights are not in the folder)."""
        pointers = {w.name for w in self.facts.weights.files if w.format == "lfs-pointer"}
        return bool(self.weight_files) and all(name in pointers for name, _ in self.weight_files)

    @cached_property
    def intermediate_checkpoints(self) -> list[str]:
        """Folders of intermediate checkpoints with weights (checkpoint-1000/, step-200/, ...)."""
        found = {m.group(0) for name, _ in self.weight_files if (m := CHECKPOINT_FOLDER.search(name))}
        return sorted(found)

    # -- gating --------------------------------------------------------------------------------

    @cached_property
    def gate(self) -> tuple[str, Evidence, str] | None:
        """(kind, evidence, confidence) when downloads sit behind accepted terms or approval."""
        hub = self.facts.hub
        if hub is not None and hub.gated.value not in (None, False, "false", "False"):
            return (f"gated on the Hub ({hub.gated.value})", hub.gated.evidence, "high")
        card = self.facts.card
        if card is not None and card.gating:
            key = sorted(card.gating)[0]
            return (f"the card asks for access terms ({key})", card.gating[key].evidence, "medium")
        return None

    # -- base models and datasets --------------------------------------------------------------

    @cached_property
    def base_ids(self) -> list[tuple[str, Evidence]]:
        """Declared base models: the card's `base_model`, the Hub's, a PEFT adapter's, GGUF's."""
        found: dict[str, Evidence] = {}
        card = self.facts.card
        for fact in card.base_models if card else []:
            found.setdefault(str(fact.value), fact.evidence)
        if self.facts.hub is not None:
            for fact in self.facts.hub.base_models:
                found.setdefault(str(fact.value), fact.evidence)
        adapter = self.facts.adapter_config
        if adapter is not None and isinstance(adapter.value, dict):
            base = adapter.value.get("base_model_name_or_path")
            if isinstance(base, str) and base.strip():
                found.setdefault(base.strip(), adapter.evidence)
        for weight in self.facts.weights.gguf:
            for linked in weight.gguf.base_models if weight.gguf else []:
                label = hub_id(linked.value.get("repo_url")) or linked.value.get("name")
                if isinstance(label, str) and label.strip():
                    found.setdefault(label.strip(), linked.evidence)
        return list(found.items())

    @property
    def is_derivative(self) -> bool:
        return bool(self.base_ids)

    def base_reading(self, repo_id: str) -> LicenseReading | None:
        return next((r for r in self.licenses.base_models if r.subject == repo_id), None)

    def dataset_reading(self, repo_id: str) -> LicenseReading | None:
        return next((r for r in self.licenses.datasets if r.subject == repo_id), None)

    @cached_property
    def named_datasets(self) -> list[tuple[str, Evidence]]:
        """Training datasets the card (or GGUF metadata) names."""
        found: dict[str, Evidence] = {}
        card = self.facts.card
        for fact in card.datasets if card else []:
            found.setdefault(str(fact.value), fact.evidence)
        for weight in self.facts.weights.gguf:
            for linked in weight.gguf.datasets if weight.gguf else []:
                label = hub_id(linked.value.get("repo_url")) or linked.value.get("name")
                if isinstance(label, str) and label.strip():
                    found.setdefault(label.strip(), linked.evidence)
        return list(found.items())

    # -- the card ------------------------------------------------------------------------------

    def filled(self, kind: str) -> list[Section]:
        """The card's sections of `kind` with at least FILLED_WORDS words."""
        card = self.facts.card
        return [s for s in card.section(kind) if s.words >= FILLED_WORDS] if card else []

    def code_links(self, purpose: str | None = None) -> list[Link]:
        """Code repository links outside code blocks; with a `purpose` (training, inference,
        evaluation, preprocessing) only those whose heading or line names that purpose."""
        pattern = LINK_PURPOSE.get(purpose) if purpose else None
        return [link for link in self.facts.links_of("code") if not link.in_code
                and (pattern is None or pattern.search(f"{link.section or ''} "
                                                       f"{link.evidence.quote or ''}"))]

    def own_preprints(self) -> list[Evidence]:
        """The card's own arXiv ids: front-matter tags, then arXiv ids under a citation heading."""
        card = self.facts.card
        found = [f.evidence for f in card.arxiv] if card is not None else []
        found += [link.evidence for link in self.facts.links_of("paper")
                  if link.id.startswith("arxiv:") and link.section and CITATION.search(link.section)
                  and not any(link.id.endswith(f.quote or "\0") for f in found)]
        return found

    def documents(self, kind: str) -> list[tuple[str, Evidence]]:
        """PDF documents shipped in the repository: `report` (technical report, model or data
        sheet, whitepaper) or `paper`."""
        pattern = DOCUMENTS[kind]
        return [(name, self.where(f"{kind} shipped in the repository", name))
                for name, _ in self.facts.files if name.lower().endswith(".pdf")
                and pattern.search(name.rsplit("/", 1)[-1])]

    def code_files(self, purpose: str) -> list[tuple[str, Evidence]]:
        """Code files in the repository for `purpose` (training, inference, evaluation, ...)."""
        pattern = CODE_PATTERNS[purpose]
        return [(name, self.where(f"{purpose} code in the repository", name))
                for name, _ in self.facts.files if pattern.search(name)]
