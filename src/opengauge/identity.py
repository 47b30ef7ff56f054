"""Model identity: stable ids, and the reviewed alias table that links each id to its records.

The table (`catalog/data/identity.yml`) is data, not code. It maps a family id to its records in
each curated source, to other names people use for it, and to Hub repository patterns. Exact
lookups resolve; fuzzy matching only ever suggests.
"""

from __future__ import annotations

import difflib
import fnmatch
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from opengauge.bundledindex import bundled_identity
from opengauge.errors import BadInput, NotFound

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


def slugify(text: str) -> str:
    """A lowercase `[a-z0-9.-]+` slug of `text` ('Tülu 3' -> 'tulu-3')."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9.]+", "-", ascii_text.lower())
    slug = re.sub(r"-{2,}", "-", slug).strip("-.")
    return slug or "model"


def id_of_file(name: str) -> str:
    """The model id a record file's name gives when the identity table does not list it: the
    slug of its stem, without the `.osai` that `export -f osai-yaml` puts before `.yaml`
    (`olmo.osai.yaml` -> `olmo`), so an exported record overrides the model it came from."""
    stem = Path(name).stem
    return slugify(stem[: -len(".osai")] if stem.lower().endswith(".osai") else stem)


def _key(text: str) -> str:
    """The form names are compared in: case, spaces, dashes and underscores folded."""
    return re.sub(r"[\s_\-]+", "-", text.strip().casefold())


def name_key(text: str) -> str:
    """The folded form under which names are compared (see `IdentityTable.id_for_name`)."""
    return _key(text)


@dataclass
class Family:
    """One entry of the alias table."""

    id: str
    name: str
    org: str | None = None
    aliases: list[str] = field(default_factory=list)
    records: dict[str, list[str]] = field(default_factory=dict)
    hub: list[str] = field(default_factory=list)
    releases: list[Release] = field(default_factory=list)
    related: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Release:
    """One Model Openness Tool release listed under its family: its own id (`catalog.releases`
    gives the rule), its record file, and the size and generation read from its name."""

    id: str
    family: str
    file: str
    size: str | None = None
    generation: str | None = None


class IdentityTable:
    """Lookups over the alias table: by record, by name, by Hub repository."""

    def __init__(self, families: list[Family]) -> None:
        self.families = {f.id: f for f in families}
        self._by_record: dict[tuple[str, str], str] = {}
        self._by_name: dict[str, str] = {}
        self.conflicts: list[str] = []
        self.releases: dict[str, Release] = {}
        for family in families:
            for source, files in family.records.items():
                for name in files:
                    self._claim_record((source, name), family.id)
            for name in (family.id, family.name, *family.aliases):
                self._claim_name(name, family.id)
        for family in families:
            for release in family.releases:
                self._claim_release(release)
            self.conflicts += [f"{family.id}: related '{r}' is not a family id"
                               for r in family.related if r not in self.families]

    def _claim_release(self, release: Release) -> None:
        """A release id is unique among release ids, family ids, names and aliases."""
        if release.id in self.releases:
            self.conflicts.append(f"release id '{release.id}' is listed twice")
        elif _key(release.id) in self._by_name:
            self.conflicts.append(f"release id '{release.id}' is also a name of "
                                  f"{self._by_name[_key(release.id)]}")
        self.releases.setdefault(release.id, release)
        self._claim_record(("mot", release.file), release.family)

    def release_for_file(self, file_name: str) -> Release | None:
        """The listed release whose MOT record is `file_name`."""
        return next((r for r in self.releases.values() if r.file == file_name), None)

    def _claim_record(self, key: tuple[str, str], family_id: str) -> None:
        other = self._by_record.setdefault(key, family_id)
        if other != family_id:
            self.conflicts.append(f"record {key[0]}:{key[1]} listed under {other} and {family_id}")

    def _claim_name(self, name: str, family_id: str) -> None:
        other = self._by_name.setdefault(_key(name), family_id)
        if other != family_id:
            self.conflicts.append(f"name '{name}' names both {other} and {family_id}")

    def id_for_record(self, source: str, file_name: str) -> str | None:
        """The id the table gives the record `file_name` of `source`, if listed."""
        return self._by_record.get((source, file_name))

    def id_for_name(self, name: str) -> str | None:
        """The id whose id, name or alias equals `name` (case and separators folded)."""
        return self._by_name.get(_key(name))

    def ids_for_hub(self, repo_id: str) -> list[str]:
        """Families whose Hub patterns match `org/name` (case-insensitive)."""
        repo = repo_id.casefold()
        return [
            f.id for f in self.families.values()
            if any(fnmatch.fnmatchcase(repo, p.casefold()) for p in f.hub)
        ]

    def names(self) -> list[str]:
        """Every id and alias, for suggestions."""
        return list(self._by_name)

    def suggest(self, name: str, candidates: list[str] | None = None, limit: int = 3) -> list[str]:
        """Close ids for `name` ("did you mean"); never used to resolve."""
        pool = candidates if candidates is not None else self.names()
        lookup = {_key(c): c for c in pool}
        matches = difflib.get_close_matches(_key(name), list(lookup), n=limit * 3, cutoff=0.6)
        found: list[str] = []
        for match in matches:
            resolved = self._by_name.get(match, lookup[match])
            if resolved not in found:
                found.append(resolved)
        return found[:limit]


def parse_table(data: object, path: str = "identity.yml") -> list[Family]:
    """Validate the alias table's structure; BadInput naming the entry on a problem."""
    if not isinstance(data, dict):
        raise BadInput(f"{path}: expected a mapping of family ids")
    families: list[Family] = []
    for family_id, entry in data.items():
        if not isinstance(family_id, str) or not ID_PATTERN.match(family_id):
            raise BadInput(f"{path}: '{family_id}': ids are lowercase slugs [a-z0-9.-]+")
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise BadInput(f"{path}: '{family_id}': expected a mapping with a 'name'")
        records = entry.get("records") or {}
        if not isinstance(records, dict):
            raise BadInput(f"{path}: '{family_id}.records': expected a mapping of source to files")
        releases = _parse_releases(entry.get("releases") or {}, family_id, path)
        families.append(
            Family(
                id=family_id,
                name=entry["name"],
                org=entry.get("org"),
                aliases=[str(a) for a in entry.get("aliases") or []],
                records={str(s): [str(f) for f in (files or [])] for s, files in records.items()},
                hub=[str(h) for h in entry.get("hub") or []],
                releases=releases,
                related=[str(r) for r in entry.get("related") or []],
            )
        )
    return families


def _parse_releases(data: object, family_id: str, path: str) -> list[Release]:
    """A family's `releases`: `{release id: {file, size, generation}}`."""
    where = f"{path}: '{family_id}.releases'"
    if not isinstance(data, dict):
        raise BadInput(f"{where}: expected a mapping of release ids to file, size and generation")
    releases = []
    for release_id, entry in data.items():
        if not isinstance(release_id, str) or not ID_PATTERN.match(release_id):
            raise BadInput(f"{where}: '{release_id}': ids are lowercase slugs [a-z0-9.-]+")
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise BadInput(f"{where}.{release_id}: expected a mapping with a 'file'")
        size, generation = entry.get("size"), entry.get("generation")
        releases.append(Release(release_id, family_id, entry["file"],
                                None if size is None else str(size),
                                None if generation is None else str(generation)))
    return releases


def table_bytes() -> bytes:
    """The bundled alias table file, as stored."""
    return resources.files("opengauge.catalog").joinpath("data", "identity.yml").read_bytes()


def table_digest(raw: bytes) -> str:
    """The digest that keys the parsed table in the prebuilt index."""
    return hashlib.sha1(raw).hexdigest()


def load_table_data(raw: bytes) -> object:
    """Parse the alias table's YAML."""
    return yaml.load(raw.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def table() -> IdentityTable:
    """The bundled, reviewed alias table (its parsed form is kept in the prebuilt index)."""
    raw = table_bytes()
    data = bundled_identity(table_digest(raw))
    return IdentityTable(parse_table(data if data is not None else load_table_data(raw)))


def require_id(name: str, known: list[str]) -> str:
    """Resolve `name` to an id among `known`; NotFound with suggestions otherwise."""
    ids = table()
    resolved = ids.id_for_name(name)
    if resolved in known:
        return resolved
    slug = slugify(name)
    if slug in known:
        return slug
    suggestions = [s for s in ids.suggest(name, known + ids.names(), limit=6) if s in known]
    raise NotFound(f"no model '{name}' in the catalog", suggestions[:3])
