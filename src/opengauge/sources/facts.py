"""What sources gather: typed facts, each with the Evidence it rests on.

Sources fill a `Facts` bundle; rating rules read it. Nothing here decides a rating: a fact is
what a file, field or Hub answer says, with a locator (URL, file, line, field) and a quote.
A field left at None or empty means "no evidence found", never "closed".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from opengauge.model import Evidence
from opengauge.sources.target import Target

if TYPE_CHECKING:
    from opengauge.licenses.result import LicenseResult

T = TypeVar("T")

SectionKind = Literal["intended_use", "limitations", "training_data", "training_procedure",
                      "evaluation", "bias_risks", "hardware"]
SECTION_KINDS: tuple[str, ...] = ("intended_use", "limitations", "training_data",
                                  "training_procedure", "evaluation", "bias_risks")
"""The sections that make a card complete; `hardware` is recognized too but not counted."""
LinkKind = Literal["paper", "code", "dataset", "model"]
LicenseFileKind = Literal["license", "use-policy", "notice"]


@dataclass(slots=True)
class Fact(Generic[T]):
    """A value and where it was found."""

    value: T
    evidence: Evidence


@dataclass(slots=True)
class Problem:
    """Something a source could not read (malformed, truncated, gated, unreachable)."""

    source: str
    message: str
    evidence: Evidence | None = None
    kind: str = "unreadable"


@dataclass(slots=True)
class Section:
    """A body section of a model card that counts towards completeness."""

    kind: str
    title: str
    line: int
    words: int
    evidence: Evidence


@dataclass
class CardFacts:
    """A model card (README.md): its front matter fields and its body sections."""

    file: str
    has_front_matter: bool = False
    fields: dict[str, Fact[Any]] = field(default_factory=dict)
    licenses: list[Fact[str]] = field(default_factory=list)
    license_name: Fact[str] | None = None
    license_link: Fact[str] | None = None
    datasets: list[Fact[str]] = field(default_factory=list)
    base_models: list[Fact[str]] = field(default_factory=list)
    base_model_relation: Fact[str] | None = None
    pipeline_tag: Fact[str] | None = None
    library_name: Fact[str] | None = None
    tags: list[Fact[str]] = field(default_factory=list)
    arxiv: list[Fact[str]] = field(default_factory=list)
    model_index: Fact[Any] | None = None
    eval_results: int = 0
    co2_eq_emissions: Fact[Any] | None = None
    gating: dict[str, Fact[Any]] = field(default_factory=dict)
    eu_disallowed: Fact[bool] | None = None
    sections: list[Section] = field(default_factory=list)
    body_words: int = 0
    body_line: int = 1
    text: str = field(default="", repr=False)
    truncated: bool = False

    @property
    def license(self) -> Fact[str] | None:
        """The first declared license (cards normally declare one)."""
        return self.licenses[0] if self.licenses else None

    @property
    def gated(self) -> bool:
        """True when the card asks for access terms (`extra_gated_*` fields)."""
        return bool(self.gating)

    def section(self, kind: str) -> list[Section]:
        """The body sections of `kind` (see SECTION_KINDS)."""
        return [s for s in self.sections if s.kind == kind]


@dataclass
class LicenseFile:
    """A license, use policy or notice file, its text and the analyzer's answer (None when the
    source was asked not to analyze)."""

    name: str
    kind: str
    text: str
    size: int
    evidence: Evidence
    truncated: bool = False
    analysis: LicenseResult | None = None
    why: str = "name"
    """Why it was read: `name`, `content` (an extension-less license text) or `card link`."""
    scope: str = "unknown"
    """What it governs by its name: weights, code, data, docs or unknown."""


@dataclass
class CardTerm:
    """License terms the card holds itself: its license section, `extra_gated_prompt`, or a
    sentence naming a license ("licensed under X")."""

    kind: str
    """`section`, `gated-prompt` or `prose`."""
    text: str
    evidence: Evidence
    scope: str = "unknown"
    """What the terms govern (weights, code, data, docs, unknown)."""
    name: str | None = None
    """For prose: the license as named (a link's text)."""
    url: str | None = None
    """For prose: the link's target, when the name is a link."""
    title: str | None = None
    """For a section: its heading."""


@dataclass
class BaseMention:
    """Card prose naming a base model ("fine-tuned from X", "Built with Llama")."""

    name: str
    how: str
    url: str | None
    evidence: Evidence


@dataclass
class GgufMeta:
    """GGUF metadata read from the header (no tensor data is read)."""

    version: int
    tensor_count: int
    kv_count: int
    values: dict[str, Any] = field(default_factory=dict)
    license: Fact[str] | None = None
    license_name: Fact[str] | None = None
    license_link: Fact[str] | None = None
    architecture: Fact[str] | None = None
    name: Fact[str] | None = None
    base_models: list[Fact[dict[str, Any]]] = field(default_factory=list)
    datasets: list[Fact[dict[str, Any]]] = field(default_factory=list)
    source_urls: list[Fact[str]] = field(default_factory=list)


@dataclass
class WeightFile:
    """One weights file: its format and what its header says."""

    name: str
    format: Literal["safetensors", "gguf", "lfs-pointer"]
    size: int | None
    evidence: Evidence
    parameters: int | None = None
    dtypes: dict[str, int] = field(default_factory=dict)
    tensors: int | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    gguf: GgufMeta | None = None
    counted: bool = True


@dataclass
class WeightsFacts:
    """All weights found: files, shard indexes, and the parameter total they add up to."""

    files: list[WeightFile] = field(default_factory=list)
    indexes: list[Fact[dict[str, Any]]] = field(default_factory=list)
    parameters: Fact[int] | None = None
    dtypes: dict[str, int] = field(default_factory=dict)
    total_bytes: int = 0

    @property
    def gguf(self) -> list[WeightFile]:
        return [f for f in self.files if f.gguf is not None]


@dataclass(slots=True)
class Link:
    """A link in the card: a paper, code repository, Hub dataset or Hub model."""

    kind: str
    id: str
    url: str
    evidence: Evidence
    in_code: bool = False
    section: str | None = None


@dataclass
class HubFacts:
    """What the Hub's model_info says about the repository."""

    repo_id: str
    revision: str | None
    sha: str | None
    url: str
    gated: Fact[Any]
    private: bool | None = None
    disabled: bool | None = None
    pipeline_tag: Fact[str] | None = None
    library_name: Fact[str] | None = None
    tags: list[str] = field(default_factory=list)
    card_data: Fact[dict[str, Any]] | None = None
    files: list[tuple[str, int | None]] = field(default_factory=list)
    safetensors: Fact[dict[str, Any]] | None = None
    base_models: list[Fact[str]] = field(default_factory=list)
    gguf: Fact[dict[str, Any]] | None = None
    last_modified: str | None = None
    cached: bool = False


@dataclass
class RelatedRepo:
    """A repository the card points at (a base model or a training dataset), as the Hub knows it."""

    repo_id: str
    repo_type: Literal["model", "dataset"]
    found: bool
    evidence: Evidence
    license: Fact[str] | None = None
    license_name: Fact[str] | None = None
    gated: Any = None
    card_data: dict[str, Any] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    """The repository's file names (base models), for telling whether weights are published."""


@dataclass
class Facts:
    """Everything the sources gathered about one target."""

    target: Target
    card: CardFacts | None = None
    license_files: list[LicenseFile] = field(default_factory=list)
    card_terms: list[CardTerm] = field(default_factory=list)
    base_mentions: list[BaseMention] = field(default_factory=list)
    config: Fact[dict[str, Any]] | None = None
    adapter_config: Fact[dict[str, Any]] | None = None
    weights: WeightsFacts = field(default_factory=WeightsFacts)
    links: list[Link] = field(default_factory=list)
    hub: HubFacts | None = None
    base_models: list[RelatedRepo] = field(default_factory=list)
    datasets: list[RelatedRepo] = field(default_factory=list)
    files: list[tuple[str, int | None]] = field(default_factory=list)
    listing_truncated: bool = False
    problems: list[Problem] = field(default_factory=list)

    def problem(self, source: str, message: str, evidence: Evidence | None = None,
                kind: str = "unreadable") -> None:
        """Record something a source could not read."""
        self.problems.append(Problem(source, message, evidence, kind))

    def links_of(self, kind: str) -> list[Link]:
        """Links of one kind: paper, code, dataset or model."""
        return [link for link in self.links if link.kind == kind]

    def license_file(self, name: str) -> LicenseFile | None:
        """The license file a card's `license_link` names (relative, case-insensitive)."""
        wanted = name.strip().lstrip("./").lower()
        return next((f for f in self.license_files if f.name.lower() == wanted), None)

    def evidence(self) -> Iterator[Evidence]:
        """Every piece of evidence in the bundle, in field order."""
        yield from _evidence_in(self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (license file texts shortened to their first 200 characters)."""
        return _plain(self)


def _evidence_in(value: Any) -> Iterator[Evidence]:
    if isinstance(value, Evidence):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _evidence_in(getattr(value, f.name))
    elif isinstance(value, dict):
        for item in value.values():
            yield from _evidence_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _evidence_in(item)


def _plain(value: Any) -> Any:
    if isinstance(value, Evidence):
        return value.to_dict()
    if isinstance(value, LicenseFile | CardFacts):
        data = {f.name: _plain(getattr(value, f.name)) for f in fields(value) if f.name != "text"}
        if isinstance(value, LicenseFile):
            data["text"] = value.text[:200]
        return data
    if hasattr(value, "to_dict") and not isinstance(value, Facts):
        return value.to_dict()
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # dates from YAML, paths
