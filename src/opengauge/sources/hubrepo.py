"""Hub targets: a Hub repository as a Repository, the Hub's own facts about it, and the
repositories its card points at (base models and training datasets)."""

from __future__ import annotations

import re
from typing import Any

from opengauge.errors import NetworkError, NotFound
from opengauge.limits import MAX_HUB_HEADER_BYTES
from opengauge.model import Evidence, Locator
from opengauge.sources.bytesource import ByteSource, HeaderError
from opengauge.sources.facts import Fact, Facts, HubFacts, Problem, RelatedRepo
from opengauge.sources.hub import HubClient, HubLimitError, HubModel, HubUnreachable
from opengauge.sources.interface import RepoFile, Repository, Source
from opengauge.sources.target import is_hub_name

SOURCE = "hub"
CHUNK = 1 << 20


class RemoteSource(ByteSource):
    """A Hub file read by aligned, cached byte ranges (for header parsers), at most `budget`
    bytes of it (every range fetched is also written to the cache)."""

    def __init__(self, client: HubClient, repo_id: str, path: str, revision: str,
                 size: int | None, name: str, budget: int | None = None) -> None:
        self.client, self.repo_id, self.path, self.revision = client, repo_id, path, revision
        self.size, self.name = size, name
        self.budget = budget if budget is not None else MAX_HUB_HEADER_BYTES
        self._chunks: dict[int, bytes] = {}

    def read_at(self, offset: int, length: int) -> bytes:
        out: list[bytes] = []
        end = offset + length if self.size is None else min(offset + length, self.size)
        position = offset
        while position < end:
            index = position // CHUNK
            chunk = self._chunks.get(index)
            if chunk is None:
                if (len(self._chunks) + 1) * CHUNK > self.budget:
                    raise HeaderError(f"{self.name}: reading beyond {self.budget} bytes from the "
                                      "Hub (the Hub header read and cache limit); refused")
                chunk = self.client.range(self.repo_id, self.path, self.revision, index * CHUNK,
                                          CHUNK)
                self._chunks[index] = chunk
                self.bytes_read += len(chunk)
            start = position - index * CHUNK
            piece = chunk[start:start + end - position]
            if not piece:
                break
            out.append(piece)
            position += len(piece)
        return b"".join(out)


class HubRepository(Repository):
    """The files of a Hub model repository at the commit model_info answered for."""

    kind = "hub"

    def __init__(self, client: HubClient, model: HubModel, revision: str | None = None) -> None:
        self.client = client
        self.model = model
        self.repo_id = model.id
        self.revision = revision
        self.sha = model.sha or revision or "main"
        self.label = f"{model.id}@{self.sha[:12]}"
        self.problems: list[Problem] = []

    def files(self) -> list[RepoFile]:
        return [RepoFile(name, size) for name, size in self.model.siblings]

    def read(self, name: str, limit: int) -> tuple[bytes, bool] | None:
        answer = self.client.file(self.repo_id, name, self.sha, limit=limit)
        if answer.status == 401:
            self.problems.append(Problem(
                SOURCE, f"{self.repo_id}/{name}: gated; accept the terms on the Hub and set "
                "HF_TOKEN to read it", Evidence(SOURCE, self.locate(name)), kind="gated"))
            return None
        if answer.status != 200:
            return None
        return answer.data, answer.truncated

    def open(self, name: str) -> ByteSource:
        size = dict(self.model.siblings).get(name)
        return RemoteSource(self.client, self.repo_id, name, self.sha, size,
                            f"{self.repo_id}/{name}")

    def url(self, name: str | None = None) -> str:
        base = f"{self.client.endpoint}/{self.repo_id}"
        return f"{base}/blob/{self.sha}/{name}" if name else base

    def locate(self, name: str, line: int | None = None, field: str | None = None) -> Locator:
        url = self.url(name) + (f"#L{line}" if line else "")
        return Locator(url=url, file=name, line=line, field=field)


def _api_evidence(client: HubClient, kind: str, repo_id: str, field: str | None, quote: Any,
                  source: str = SOURCE) -> Evidence:
    prefix = "datasets" if kind == "dataset" else "models"
    return Evidence(source, Locator(url=f"{client.endpoint}/api/{prefix}/{repo_id}", field=field),
                    None if quote is None else str(quote)[:200])


class HubInfoSource(Source):
    """What model_info says: gating, files, safetensors totals, card data, base models."""

    name = SOURCE

    def __init__(self, cached: bool = False) -> None:
        self.cached = cached

    def collect(self, repo: Repository, facts: Facts) -> None:
        if not isinstance(repo, HubRepository):
            return
        model, client = repo.model, repo.client

        def ev(field: str, quote: Any) -> Evidence:
            return _api_evidence(client, "model", model.id, field, quote)

        hub = HubFacts(repo_id=model.id, revision=repo.revision, sha=model.sha,
                       url=repo.url(), gated=Fact(model.gated, ev("gated", model.gated)),
                       private=model.private, disabled=model.disabled,
                       tags=list(model.tags), files=list(model.siblings),
                       last_modified=model.last_modified, cached=self.cached)
        if model.pipeline_tag:
            hub.pipeline_tag = Fact(model.pipeline_tag, ev("pipeline_tag", model.pipeline_tag))
        if model.library_name:
            hub.library_name = Fact(model.library_name, ev("library_name", model.library_name))
        if model.card_data:
            hub.card_data = Fact(model.card_data, ev("cardData", model.card_data.get("license")))
        if model.safetensors:
            hub.safetensors = Fact(model.safetensors,
                                   ev("safetensors", f"total {model.safetensors.get('total')}"))
        if model.gguf:
            hub.gguf = Fact(model.gguf, ev("gguf", model.gguf.get("architecture")))
        for base in _base_ids(model.card_data.get("base_model")):
            hub.base_models.append(Fact(base, ev("cardData.base_model", base)))
        facts.hub = hub
        if facts.weights.parameters is None and model.safetensors and model.safetensors.get("total"):
            total = model.safetensors["total"]
            facts.weights.parameters = Fact(total, ev("safetensors.total", total))
            facts.weights.dtypes = dict(model.safetensors.get("parameters") or {})


def _base_ids(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


class RelatedReposSource(Source):
    """Looks up the card's base models and datasets on the Hub (their licenses and gating).

    Unknown repositories are recorded with `found=False`; a Hub that answers with errors becomes
    a Problem (kind "network"), one that cannot be connected to at all a single Problem (kind
    "unreachable", see `unreachable`), so a local assessment still completes from local evidence.
    """

    name = "hub-related"

    def __init__(self, client: HubClient, max_base_models: int = 5, max_datasets: int = 20) -> None:
        self.client = client
        self.max_base_models = max_base_models
        self.max_datasets = max_datasets

    def collect(self, repo: Repository, facts: Facts) -> None:
        card = facts.card
        bases = [f.value for f in card.base_models] if card else []
        if not bases and facts.hub:
            bases = [f.value for f in facts.hub.base_models]
        bases += gguf_bases(facts) + [m.name for m in facts.base_mentions if "/" in m.name]
        for base in _unique(bases)[:self.max_base_models]:
            if "/" in base:
                self._base(base, facts)
        datasets = [f.value for f in card.datasets] if card else []
        for dataset in _unique(datasets)[:self.max_datasets]:
            self._dataset(dataset, facts)
        for warning in self.client.warnings:
            facts.problem("hub", warning, kind="stale")
        self.client.warnings.clear()

    def _invalid(self, kind: str, repo_id: str, facts: Facts) -> bool:
        """Record a name that is no Hub repository id as not found, without asking the Hub."""
        if is_hub_name(repo_id):
            return False
        source = "hub-base-model" if kind == "model" else "hub-dataset"
        evidence = _api_evidence(self.client, kind, repo_id, None, None, source)
        evidence.note = "not a Hub repository id; not looked up"
        (facts.base_models if kind == "model" else facts.datasets).append(
            RelatedRepo(repo_id, kind, False, evidence))  # type: ignore[arg-type]
        return True

    def _base(self, repo_id: str, facts: Facts) -> None:
        if self._invalid("model", repo_id, facts):
            return
        try:
            model, _ = self.client.model_info(repo_id)
        except NotFound:
            facts.base_models.append(RelatedRepo(repo_id, "model", False, _api_evidence(
                self.client, "model", repo_id, None, None, "hub-base-model")))
            return
        except HubUnreachable as error:
            unreachable(facts, error)
            return
        except NetworkError as error:
            facts.problem("hub-base-model", str(error), kind="network")
            return
        except HubLimitError as error:
            facts.problem("hub-base-model", str(error), kind="limit")
            return
        related = _related(self.client, "model", repo_id, model.card_data, model.gated)
        related.files = [name for name, _ in model.siblings]
        facts.base_models.append(related)

    def _dataset(self, repo_id: str, facts: Facts) -> None:
        if self._invalid("dataset", repo_id, facts):
            return
        try:
            dataset, _ = self.client.dataset_info(repo_id)
        except HubUnreachable as error:
            unreachable(facts, error)
            return
        except NetworkError as error:
            facts.problem("hub-dataset", str(error), kind="network")
            return
        except HubLimitError as error:
            facts.problem("hub-dataset", str(error), kind="limit")
            return
        if dataset is None:
            facts.datasets.append(RelatedRepo(repo_id, "dataset", False, _api_evidence(
                self.client, "dataset", repo_id, None, None, "hub-dataset")))
            return
        facts.datasets.append(_related(self.client, "dataset", repo_id, dataset.card_data,
                                       dataset.gated))


def unreachable(facts: Facts, error: HubUnreachable) -> None:
    """Record once per target that the Hub could not be reached (finding `hub-unreachable`)."""
    if not any(p.kind == "unreachable" for p in facts.problems):
        facts.problem("hub", error.reason, Evidence("hub", Locator(url=error.endpoint),
                                                    note=str(error)), kind="unreachable")


def _related(client: HubClient, kind: str, repo_id: str, card: dict[str, Any],
             gated: Any) -> RelatedRepo:
    source = "hub-base-model" if kind == "model" else "hub-dataset"
    license_value = card.get("license")
    if isinstance(license_value, list):
        license_value = ", ".join(str(v) for v in license_value)
    item = RelatedRepo(repo_id, kind, True,  # type: ignore[arg-type]
                       _api_evidence(client, kind, repo_id, None, license_value, source),
                       gated=gated, card_data=card)
    if license_value:
        item.license = Fact(str(license_value), _api_evidence(
            client, kind, repo_id, "cardData.license", license_value, source))
    if card.get("license_name"):
        item.license_name = Fact(str(card["license_name"]), _api_evidence(
            client, kind, repo_id, "cardData.license_name", card["license_name"], source))
    return item


def gguf_bases(facts: Facts) -> list[str]:
    """Hub ids of the base models GGUF metadata names (`general.base_model.N.repo_url`)."""
    found = []
    for weight in facts.weights.gguf:
        for fact in weight.gguf.base_models if weight.gguf else []:
            url = fact.value.get("repo_url")
            match = _HUB_MODEL_URL.match(url.strip()) if isinstance(url, str) else None
            if match:
                found.append(match.group(1))
    return found


_HUB_MODEL_URL = re.compile(r"^https?://(?:www\.)?(?:huggingface\.co|hf\.co)/([\w.-]+/[\w.-]+)/?$")


def _unique(values: list[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen
