"""Weights: safetensors headers, sharded indexes and GGUF metadata, never the tensor data.

Parameters are totalled per folder: when a folder has a `*.safetensors.index.json`, only the
shards it lists count (others, such as a duplicate `consolidated.safetensors`, are listed with
`counted=False`); otherwise every safetensors file in the folder counts. GGUF files are usually
alternative quantizations of one model, so the largest one gives the GGUF parameter count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from posixpath import dirname, join
from typing import Any

from opengauge.errors import BadInput
from opengauge.limits import MAX_HEADER_BYTES_PER_CHECK
from opengauge.model import Evidence
from opengauge.sources import ggufheader, safetensors
from opengauge.sources.facts import Fact, Facts, GgufMeta, WeightFile
from opengauge.sources.interface import LFS_POINTER, RepoFile, Repository, Source

SOURCE_ST = "safetensors"
SOURCE_GGUF = "gguf"
SOURCE_INDEX = "safetensors-index"

GGUF_FIELDS = {
    "license": "general.license", "license_name": "general.license.name",
    "license_link": "general.license.link", "architecture": "general.architecture",
    "name": "general.name",
}
GGUF_SOURCE_KEYS = ("general.source.url", "general.source.repo_url", "general.url",
                    "general.repo_url", "general.source.huggingface.repository")


def is_index(name: str) -> bool:
    return name.lower().endswith(".safetensors.index.json")


class WeightsSource(Source):
    """Headers of safetensors and GGUF files; `max_headers` bounds how many are read per format
    (Hub repositories read one GGUF header by range request and take safetensors totals from
    the Hub's own answer)."""

    name = "weights"

    def __init__(self, safetensors_headers: int | None = None, gguf_headers: int | None = None,
                 strict: bool = False) -> None:
        self.safetensors_headers = safetensors_headers
        self.gguf_headers = gguf_headers
        self.strict = strict
        self.header_bytes = 0
        """Header bytes read so far in this check (at most MAX_HEADER_BYTES_PER_CHECK)."""

    def collect(self, repo: Repository, facts: Facts) -> None:
        files = repo.files()
        by_folder: dict[str, list[RepoFile]] = defaultdict(list)
        for item in files:
            by_folder[dirname(item.name)].append(item)
        st_read = gguf_read = 0
        for folder in sorted(by_folder):
            listed = by_folder[folder]
            counted = self._indexed(repo, facts, folder, listed)
            names = {f.name for f in listed}
            for shard in sorted(counted - names) if counted is not None else []:
                facts.problem(SOURCE_INDEX, f"{shard}: listed in the shard index but missing",
                              repo.evidence(SOURCE_INDEX, shard), kind="missing")
            for item in listed:
                lower = item.name.lower()
                if lower.endswith(".safetensors"):
                    read = self.safetensors_headers is None or st_read < self.safetensors_headers
                    st_read += read
                    weight = self._safetensors(repo, facts, item, read)
                    weight.counted = counted is None or item.name in counted
                elif lower.endswith(".gguf"):
                    read = self.gguf_headers is None or gguf_read < self.gguf_headers
                    gguf_read += read
                    weight = self._gguf(repo, facts, item, read)
                else:
                    continue
                facts.weights.files.append(weight)
        self._totals(facts)

    def _fail(self, facts: Facts, source: str, error: BadInput, evidence: Evidence) -> None:
        if self.strict:
            raise error
        facts.problem(source, str(error), evidence, kind="malformed")

    def _indexed(self, repo: Repository, facts: Facts, folder: str,
                 listed: list[RepoFile]) -> set[str] | None:
        indexes = [f for f in listed if is_index(f.name)]
        if not indexes:
            return None
        counted: set[str] = set()
        for item in indexes:
            evidence = repo.evidence(SOURCE_INDEX, item.name)
            if self._spent(facts, item.name, evidence):
                continue
            read = repo.read(item.name, safetensors.MAX_INDEX_BYTES)
            if read is None:
                continue
            self.header_bytes += len(read[0])
            try:
                if read[1]:
                    raise BadInput(f"{item.name}: over the {safetensors.MAX_INDEX_BYTES}-byte limit")
                index = safetensors.parse_index(read[0], evidence.locator.file or item.name)
            except BadInput as error:
                self._fail(facts, SOURCE_INDEX, error, evidence)
                continue
            shards = [join(folder, shard) if folder else shard for shard in index.shards]
            counted.update(shards)
            evidence.quote = (f"{len(index.shards)} shards, {index.tensors} tensors"
                              + (f", total_size {index.total_size}" if index.total_size else ""))
            facts.weights.indexes.append(Fact({"file": item.name, "shards": shards,
                                               "tensors": index.tensors,
                                               "total_size": index.total_size}, evidence))
        return counted

    def _header(self, repo: Repository, facts: Facts, weight: WeightFile, source_name: str,
                reader: Callable[[Any], Any], read: bool) -> Any | None:
        """The header `reader` reads from the weights file, or None (not read, a Git LFS
        pointer, or unreadable: the reason goes into the weight's evidence)."""
        if not read:
            weight.evidence.note = "header not read"
            return None
        if self._spent(facts, weight.name, weight.evidence):
            weight.evidence.note = "header not read (per-check header byte limit spent)"
            return None
        try:
            with _Opened(repo, weight.name) as source:
                try:
                    if source.read_at(0, len(LFS_POINTER)) == LFS_POINTER:
                        weight.format = "lfs-pointer"
                        weight.evidence.note = "Git LFS pointer: the weights themselves are not here"
                        return None
                    return reader(source)
                finally:
                    self.header_bytes += source.bytes_read
        except BadInput as error:
            self._fail(facts, source_name, error, weight.evidence)
            weight.counted = False
            return None

    def _spent(self, facts: Facts, name: str, evidence: Evidence) -> bool:
        """Whether the per-check budget of header and index bytes is spent (noted once)."""
        if self.header_bytes < MAX_HEADER_BYTES_PER_CHECK:
            return False
        if not any(p.kind == "limit" and p.source == "weights" for p in facts.problems):
            facts.problem("weights", f"{name}: {MAX_HEADER_BYTES_PER_CHECK} bytes of weights "
                          "headers and shard indexes already read in this check (the per-check "
                          "header limit); this file and later ones were not read", evidence,
                          kind="limit")
        return True

    def _safetensors(self, repo: Repository, facts: Facts, item: RepoFile,
                     read: bool) -> WeightFile:
        weight = WeightFile(item.name, "safetensors", item.size, repo.evidence(SOURCE_ST, item.name))
        header = self._header(repo, facts, weight, SOURCE_ST, safetensors.read_header, read)
        if header is None:
            return weight
        evidence = weight.evidence
        weight.parameters, weight.dtypes = header.parameters, header.dtypes
        weight.tensors, weight.metadata = header.tensors, header.metadata
        evidence.quote = f"{header.tensors} tensors, {header.parameters} parameters " \
                         f"({', '.join(sorted(header.dtypes))})"
        return weight

    def _gguf(self, repo: Repository, facts: Facts, item: RepoFile, read: bool) -> WeightFile:
        weight = WeightFile(item.name, "gguf", item.size, repo.evidence(SOURCE_GGUF, item.name))
        header = self._header(repo, facts, weight, SOURCE_GGUF, ggufheader.read_header, read)
        if header is None:
            return weight
        evidence = weight.evidence
        weight.parameters, weight.dtypes = header.parameters, header.dtypes
        weight.tensors = header.tensor_count
        weight.gguf = gguf_meta(header, lambda key, value: repo.evidence(
            SOURCE_GGUF, item.name, field=key, quote=f"{key} = {value}"[:200]))
        evidence.quote = f"GGUF v{header.version}, {header.tensor_count} tensors, " \
                         f"{header.kv_count} metadata keys"
        return weight

    @staticmethod
    def _totals(facts: Facts) -> None:
        weights = facts.weights
        weights.total_bytes = sum(f.size or 0 for f in weights.files if f.format != "lfs-pointer")
        counted = [f for f in weights.files
                   if f.format == "safetensors" and f.counted and f.parameters is not None]
        if not counted:
            gguf = [f for f in weights.files if f.format == "gguf" and f.parameters]
            counted = [max(gguf, key=lambda f: f.parameters or 0)] if gguf else []
        if not counted:
            return
        for item in counted:
            for dtype, count in item.dtypes.items():
                weights.dtypes[dtype] = weights.dtypes.get(dtype, 0) + count
        total = sum(f.parameters or 0 for f in counted)
        first = counted[0].evidence
        weights.parameters = Fact(total, Evidence(
            first.source, first.locator, f"{total} parameters",
            f"sum over {len(counted)} file(s): {', '.join(f.name for f in counted[:5])}"
            + (" …" if len(counted) > 5 else "")))


class _Opened:
    def __init__(self, repo: Repository, name: str) -> None:
        self.source = repo.open(name)

    def __enter__(self) -> Any:
        return self.source

    def __exit__(self, *exc: object) -> None:
        self.source.close()


def gguf_meta(header: ggufheader.GgufHeader, evidence: Any) -> GgufMeta:
    """Typed GGUF facts from header values; `evidence(key, value)` builds their Evidence."""
    values = header.values
    meta = GgufMeta(header.version, header.tensor_count, header.kv_count, values)

    def fact(key: str) -> Fact[Any] | None:
        value = values.get(key)
        return Fact(value, evidence(key, value)) if isinstance(value, str) and value else None

    for attribute, key in GGUF_FIELDS.items():
        setattr(meta, attribute, fact(key))
    for kind, target in (("base_model", meta.base_models), ("dataset", meta.datasets)):
        count = values.get(f"general.{kind}.count")
        for index in range(count if isinstance(count, int) and 0 < count <= 256 else 0):
            prefix = f"general.{kind}.{index}."
            item = {k[len(prefix):]: v for k, v in values.items() if k.startswith(prefix)}
            if item:
                label = item.get("repo_url") or item.get("name") or str(item)
                target.append(Fact(item, evidence(f"{prefix}*", label)))
    for key in GGUF_SOURCE_KEYS:
        if found := fact(key):
            meta.source_urls.append(found)
    return meta
