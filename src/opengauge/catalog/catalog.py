"""The catalog: curated records from three layers, with precedence own > imported > bundled.

- bundled: snapshots shipped in package data (see `data/snapshots.yml` and NOTICE);
- imported: `opengauge catalog import PATH` copies a clone's records into the user data
  directory; an import is a complete newer snapshot and replaces the bundled copy of its source;
- own: the user's records in the EU format in `--catalog DIR` or `$OPENGAUGE_CATALOG`; each
  overrides the record of the same model id.

Two records of one layer and source with the same id are reported as duplicates (the first by
file name is kept); an own record replacing another is reported as an override.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from opengauge import frameworks
from opengauge.bundledindex import bundled_payload
from opengauge.catalog import index
from opengauge.catalog.readers import all_readers, reader
from opengauge.catalog.releases import SOURCE as RELEASE_SOURCE
from opengauge.catalog.releases import ReleaseIndex
from opengauge.catalog.releases import resolve as resolve_name
from opengauge.errors import BadInput
from opengauge.identity import id_of_file, slugify, table
from opengauge.model import Assessment, DataSnapshot
from opengauge.paths import cache_dir, data_dir

LAYERS = ("bundled", "imported", "own")


@dataclass
class Dataset:
    """The records of one source in one layer (built from the index on first use)."""

    source: str
    layer: str
    snapshot: DataSnapshot
    entry: index.IndexedDataset
    path: Path
    _records: list[Assessment] | None = field(default=None, repr=False)

    @property
    def records(self) -> list[Assessment]:
        if self._records is None:
            self._records = self.entry.assessments()
        return self._records

    @property
    def skipped(self) -> list[str]:
        return self.entry.skipped

    @property
    def size(self) -> int:
        return len(self.entry.records)


def bundled_root() -> Path:
    """The folder of the bundled snapshots inside the installed package."""
    return Path(str(resources.files("opengauge.catalog").joinpath("data")))


@cache
def bundled_snapshots() -> dict[str, dict]:
    """`data/snapshots.yml`: each bundled source's upstream, commit, date and attribution."""
    text = (bundled_root() / "snapshots.yml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # a safe loader


def imported_root() -> Path:
    """Where `catalog import` keeps imported snapshots."""
    return data_dir() / "catalog"


def _snapshot_text(meta: dict) -> str | None:
    repo = str(meta.get("repository") or "").removeprefix("https://github.com/")
    commit = meta.get("commit")
    if repo and commit:
        return f"{repo}@{commit}"
    return commit or repo or None


def _load_bundled() -> list[Dataset]:
    root = bundled_root()
    payload = bundled_payload()
    shipped = {
        d["source"]: index.IndexedDataset(d["source"], d["fingerprint"], d["records"], d["skipped"])
        for d in payload.get("datasets", [])
    }
    datasets = []
    for source, meta in bundled_snapshots().items():
        folder = root / meta["folder"]
        entry = shipped.get(source)
        if entry is None or entry.fingerprint != index.fingerprint(folder, source, with_mtime=False):
            entry = index.cached(folder, source, cache_dir() / f"bundled-{source}.json")
        snapshot = DataSnapshot(
            source=source, snapshot=_snapshot_text(meta), date=meta.get("date"),
            layer="bundled", attribution=" ".join(str(meta.get("attribution", "")).split()),
        )
        datasets.append(Dataset(source, "bundled", snapshot, entry, folder))
    return datasets


def _load_imported() -> list[Dataset]:
    root = imported_root()
    if not root.is_dir():
        return []
    datasets = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        meta_file = folder / "_snapshot.json"
        if not meta_file.is_file():
            continue
        try:
            meta = json.loads(meta_file.read_text("utf-8"))
        except (OSError, ValueError):
            raise BadInput(f"{meta_file}: unreadable import metadata; re-run catalog import") from None
        source = meta.get("source", folder.name)
        entry = index.cached(folder, source, cache_dir() / f"imported-{source}.json")
        bundled = bundled_snapshots().get(source, {})
        snapshot = DataSnapshot(
            source=source, snapshot=meta.get("snapshot"), date=meta.get("date"),
            layer="imported", attribution=" ".join(str(bundled.get("attribution", "")).split()),
        )
        datasets.append(Dataset(source, "imported", snapshot, entry, folder))
    return datasets


def _load_own(folder: Path) -> list[Dataset]:
    if not folder.is_dir():
        raise BadInput(f"{folder}: catalog folder does not exist (from --catalog or $OPENGAUGE_CATALOG)")
    source = "osai-index"
    for candidate in all_readers():
        if candidate.source.startswith("osai-index") and candidate.locate(folder) == folder:
            source = candidate.source
            break
    key = slugify(str(folder.resolve()))[-80:]
    entry = index.cached(folder, source, cache_dir() / f"own-{key}.json")
    snapshot = DataSnapshot(source=source, snapshot=f"own:{folder}", layer="own")
    return [Dataset(source, "own", snapshot, entry, folder)]


def _assign_id(record: Assessment) -> Assessment:
    listed = table().id_for_record(record.source or "", record.source_file or "")
    family = listed or (id_of_file(record.source_file) if record.source_file
                        else slugify(Path(record.subject.name).stem))
    if family != record.subject.id:
        record = record.evolve(subject=replace(record.subject, id=family))
    return record


class Catalog:
    """Curated assessments by framework, after precedence and duplicate handling."""

    def __init__(self, datasets: list[Dataset]) -> None:
        self.datasets = datasets
        self.duplicates: list[str] = []
        self.overrides: list[str] = []
        self._merged: dict[str, dict[str, list[Assessment]]] = {}
        self._evaluated: dict[str, list[Assessment]] = {}
        self._release_index: ReleaseIndex | None = None

    def _families(self, source: str) -> dict[str, list[Assessment]]:
        """Records of `source` by model id, merged across layers (computed on first use)."""
        if source not in self._merged:
            self._merged[source] = self._merge(source)
        return self._merged[source]

    def _merge(self, source: str) -> dict[str, list[Assessment]]:
        merged: dict[str, list[Assessment]] = {}
        multi = getattr(reader(source), "releases_per_family", False)
        for layer in LAYERS:
            for dataset in (d for d in self.datasets if d.layer == layer and d.source == source):
                seen: dict[str, list[Assessment]] = defaultdict(list)
                for record in sorted(dataset.records, key=lambda r: r.source_file or ""):
                    record.layer = layer
                    record = _assign_id(record)
                    seen[record.subject.id].append(record)
                for family, records in seen.items():
                    if len(records) > 1 and not multi:
                        files = ", ".join(r.source_file or "?" for r in records)
                        self.duplicates.append(
                            f"{dataset.source} ({layer}): {files} are all model '{family}'; "
                            f"kept {records[0].source_file}"
                        )
                        records = records[:1]
                    previous = merged.get(family)
                    if previous:
                        self.overrides.append(
                            f"{dataset.source}: {records[0].source_file} ({layer}) overrides "
                            f"{previous[0].source_file} ({previous[0].layer}) for '{family}'"
                        )
                    merged[family] = records
        return merged

    def sources(self) -> list[str]:
        """Sources that have records."""
        return list(dict.fromkeys(d.source for d in self.datasets))

    def check_all(self) -> None:
        """Merge every source now, so duplicates and overrides are all reported."""
        for source in self.sources():
            self._families(source)

    def snapshots(self) -> list[DataSnapshot]:
        """The data snapshot of every dataset in use."""
        return [d.snapshot for d in self.datasets]

    def releases(self, source: str, family: str) -> list[Assessment]:
        """Every record of `family` in `source` (several for multi-release sources)."""
        return list(self._families(source).get(family, []))

    def assessments(self, framework_id: str, *, releases: bool = False) -> list[Assessment]:
        """One evaluated assessment per model for `framework_id`; with `releases`, one per
        release (ids of `catalog.releases`) for a framework rating MOT releases, none otherwise."""
        if releases:
            return self._release_assessments(framework_id)
        if framework_id not in self._evaluated:
            framework = frameworks.get(framework_id)
            families = self._families(framework.source)
            chosen = [self._representative(framework.source, recs) for recs in families.values()]
            self._evaluated[framework_id] = [framework.evaluate(r) for r in chosen]
        return self._evaluated[framework_id]

    def _release_assessments(self, framework_id: str) -> list[Assessment]:
        key = f"{framework_id} releases"
        if key not in self._evaluated:
            framework = frameworks.get(framework_id)
            records = self.release_index().records if framework.source == RELEASE_SOURCE else {}
            self._evaluated[key] = [framework.evaluate(r) for r in records.values()]
        return self._evaluated[key]

    def release_index(self) -> ReleaseIndex:
        """Every MOT release by its release id (built on first use)."""
        if self._release_index is None:
            self._release_index = ReleaseIndex.build(self._families(RELEASE_SOURCE), table())
        return self._release_index

    def is_release(self, model_id: str) -> bool:
        """Whether `model_id` is a release id (not a family id)."""
        return model_id in self.release_index().releases and model_id not in self.ids()

    def resolve(self, name: str) -> str:
        """The family or release id `name` refers to (`catalog.releases.resolve`): NotFound
        with suggestions, `AmbiguousName` with the candidates for a name releases share."""
        return resolve_name(name, self.ids(), self.release_index(), table())

    def release_context(self, model_id: str) -> dict[str, object]:
        """How a model relates to releases: a release's `family`, a family's `releases` and
        its `related_families` (the identity table's `related`; an assessment's `related` lists
        the family's other release files)."""
        index = self.release_index()
        if self.is_release(model_id):
            release = index.releases[model_id]
            return {"family": {"id": release.family, "size": release.size,
                               "generation": release.generation, "source_file": release.file}}
        found: dict[str, object] = {}
        listed = [{"id": r.id, "name": index.records[r.id].subject.name, "source_file": r.file,
                   "size": r.size, "generation": r.generation} for r in index.of_family(model_id)]
        if listed:
            found["releases"] = listed
        family = table().families.get(model_id)
        if family is not None and family.related:
            found["related_families"] = list(family.related)
        return found

    def _representative(self, source: str, records: list[Assessment]) -> Assessment:
        choose = getattr(reader(source), "choose_release", None)
        return choose(records, self) if choose and len(records) > 1 else records[0]

    def ids(self) -> list[str]:
        """Every model id with at least one record."""
        found: dict[str, None] = {}
        for source in self.sources():
            found.update(dict.fromkeys(self._families(source)))
        return list(found)


def load(own: Path | None = None) -> Catalog:
    """Bundled, imported and own records, with precedence applied."""
    datasets = _load_bundled()
    imported = _load_imported()
    replaced = {d.source for d in imported}
    datasets = [d for d in datasets if d.source not in replaced] + imported
    if own is not None:
        datasets += _load_own(own)
    return Catalog(datasets)


def load_layer(layer: str, own: Path | None = None) -> Catalog:
    """The records of one layer alone (to compare snapshots, e.g. imported against bundled)."""
    if layer == "bundled":
        return Catalog(_load_bundled())
    if layer == "imported":
        return Catalog(_load_imported())
    if layer == "own":
        if own is None:
            raise BadInput("the own layer needs --catalog DIR or $OPENGAUGE_CATALOG")
        return Catalog(_load_own(own))
    raise BadInput(f"unknown layer '{layer}' (expected one of: {', '.join(LAYERS)})")
