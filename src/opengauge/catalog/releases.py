"""Every Model Openness Tool release as a model of its own: release ids and name resolution.

A family id (`llama-2`) names a family: the catalog rates the release that best matches the EU
index entry (`mot.MotReader.choose_release`). Each MOT release also has an id of its own, so
`check llama-2-7b` rates exactly that release. The rule for a release's id (docs/frameworks.md):

1. the slug of its file name, with `+` read as `plus` (`Command-R+.yml` -> `command-r-plus`);
2. when that slug is already a family id, a family name or an alias (the family keeps it), the
   release gets `<slug>-release` (`CodeGen.yml` of family `codegen` -> `codegen-release`);
3. when another release took it first (by file name order), `-2`, `-3`, ... is appended.

The bundled releases are listed in the identity table (`releases:` under their family, with
size and generation); a test keeps the table equal to the rule. Releases of an imported or own
snapshot that the table does not list get their id by the same rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from opengauge.errors import NotFound
from opengauge.identity import IdentityTable, Release, slugify
from opengauge.identity import name_key as _key
from opengauge.model import Assessment

SOURCE = "mot"
"""The source whose records are releases."""

_SIZE = re.compile(r"(?<![a-z0-9.])((?:\d+x)?\d+(?:[._]\d+)?)\s?([bmt])(?![a-z0-9])", re.IGNORECASE)
_STANDALONE_VERSION = re.compile(r"(?:^|[-_ ])v?(\d{1,2}(?:\.\d+)*)(?=$|[-_ (])", re.IGNORECASE)
_ATTACHED_VERSION = re.compile(r"[a-z](\d+\.\d+)(?![\d.])", re.IGNORECASE)


class AmbiguousName(NotFound):
    """A name that several releases share: refused, listing the candidate ids (exit 3)."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.candidates = candidates
        super().__init__(f"'{name}' names several releases: {', '.join(candidates)} "
                         "(ask by one of these ids)")


def release_slug(file_name: str) -> str:
    """The slug of a release's file name, `+` read as `plus` (`Command-R+.yml` -> `command-r-plus`)."""
    return slugify(Path(file_name).stem.replace("+", " plus "))


def size_of(name: str) -> str | None:
    """The parameter count a release's name states (`Llama-2-7B` -> `7B`, `Mixtral-8x7B` ->
    `8x7B`); None when the name states none (context lengths such as `8k` are not sizes)."""
    found = _SIZE.search(name)
    return f"{found.group(1).replace('_', '.')}{found.group(2).upper()}" if found else None


def generation_of(name: str) -> str | None:
    """The version number a release's name states (`Llama-2-7B` -> `2`, `Qwen2.5-32B` -> `2.5`,
    `DeepSeek-V3` -> `3`); None when it states none (`T5`, `Falcon-180B`). A version is a
    number of one or two digits (`Switch-C-2048`, `OLMo-2-1124-7B`'s `1124` are not)."""
    for standalone in _STANDALONE_VERSION.finditer(name):
        if not _SIZE.match(name, standalone.start(1)):  # `1` of `OpenELM-1_1B` is a size
            return standalone.group(1)
    attached = _ATTACHED_VERSION.search(name)
    return attached.group(1) if attached else None


def assign_ids(records: dict[str, list[Assessment]], table: IdentityTable) -> dict[str, Release]:
    """A `Release` per record file of `records` (family id -> MOT records): the identity table's
    entry where it lists the file, else an id by the rule of this module."""
    names = {_key(n) for n in (*table.families, *table.names(), *records)}
    found: dict[str, Release] = {}
    pending: list[tuple[str, str, str]] = []
    for family, family_records in records.items():
        for record in family_records:
            file = record.source_file or record.subject.name
            listed = table.release_for_file(file)
            if listed is not None:
                found[file] = Release(listed.id, family, file, listed.size, listed.generation)
            else:
                pending.append((family, file, record.subject.name))
    taken = {_key(i) for i in table.releases}
    for family, file, name in sorted(pending, key=lambda p: p[1]):
        release = new_release(file, name, family, names, taken)
        taken.add(_key(release.id))
        found[file] = release
    return found


def new_release(file: str, name: str, family: str, names: set[str], taken: set[str]) -> Release:
    """A release the table does not list: its id by the rule, against the family ids and names
    (`names`) and the release ids already given (`taken`), both folded by `name_key`; its size
    and generation from its upstream `name` and file name where they agree."""
    slug = release_slug(file)
    base = f"{slug}-release" if _key(slug) in names else slug
    candidate, number = base, 2
    while _key(candidate) in taken or _key(candidate) in names:
        candidate, number = f"{base}-{number}", number + 1
    stem = Path(file).stem
    return Release(candidate, family, file, _agreed(size_of(name), size_of(stem)),
                   _agreed(generation_of(name), generation_of(stem)))


def _agreed(from_name: str | None, from_file: str | None) -> str | None:
    """What the name and the file name state, None when they state different things
    (`Qwen2.5-72B-Instruct.yml` names its release `Qwen2.5-32B-Instruct` upstream)."""
    if from_name and from_file and from_name.casefold() != from_file.casefold():
        return None
    return from_name or from_file


@dataclass
class ReleaseIndex:
    """The catalog's releases by id, with each release's record (its subject id is the release id)."""

    releases: dict[str, Release]
    records: dict[str, Assessment]

    @classmethod
    def build(cls, families: dict[str, list[Assessment]], table: IdentityTable) -> ReleaseIndex:
        by_file = assign_ids(families, table)
        releases: dict[str, Release] = {}
        records: dict[str, Assessment] = {}
        for family_records in families.values():
            for record in family_records:
                release = by_file[record.source_file or record.subject.name]
                releases[release.id] = release
                records[release.id] = record.evolve(
                    subject=replace(record.subject, id=release.id), related=[])
        return cls(releases, records)

    def of_family(self, family: str) -> list[Release]:
        """The releases of `family`, by file name."""
        return sorted((r for r in self.releases.values() if r.family == family),
                      key=lambda r: r.file)

    def by_file(self, file_name: str) -> str | None:
        """The release id whose record file is `file_name` (exact, else case-insensitive)."""
        exact = [i for i, r in self.releases.items() if r.file == file_name]
        folded = [i for i, r in self.releases.items() if r.file.casefold() == file_name.casefold()]
        found = exact or folded
        return found[0] if len(found) == 1 else None

    def by_name(self, name: str) -> list[str]:
        """Release ids whose id or upstream name equals `name` (case and separators folded)."""
        key = _key(name)
        return sorted(i for i, record in self.records.items()
                      if _key(i) == key or _key(record.subject.name) == key)


def resolve(name: str, families: list[str], index: ReleaseIndex, table: IdentityTable) -> str:
    """The family or release id `name` refers to.

    In order: an exact family id, an exact release id, a release's file name, a family's name or
    alias (`identity.yml`), a release's id or upstream name (case and separators folded; a name
    several releases share raises `AmbiguousName` with the candidates), the slug of `name`.
    NotFound with suggestions otherwise."""
    if name in families or name in index.releases:
        return name
    by_file = index.by_file(name.strip())
    if by_file is not None:
        return by_file
    family = table.id_for_name(name)
    if family in families:
        return family
    candidates = index.by_name(name)
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        raise AmbiguousName(name, candidates)
    slug = slugify(name)
    if slug in families or slug in index.releases:
        return slug
    pool = families + table.names() + list(index.releases)
    known = set(families) | set(index.releases)
    suggestions = [s for s in table.suggest(name, pool, limit=6) if s in known]
    raise NotFound(f"no model '{name}' in the catalog", suggestions[:3])
