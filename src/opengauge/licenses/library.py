"""The license library on disk: the files the registry and its index are built from.

A license is one `.LICENSE` file: YAML front matter between `---` lines, then the text.
ScanCode's LicenseDB files are bundled unchanged (`data/scancode/`); opengauge's own files
(`data/ai/`, and a user's folder) use the same format with a few more fields:

- `key`, `name`, `short_name`, `category`, `owner`, `spdx_license_key`, `homepage_url`
  as in ScanCode;
- `family`, `version`, `kind` (`license` or `use-policy`);
- `same_as: KEY` when the text is another copy of license KEY: the file's key becomes an
  alias of KEY and its text a second reference text of KEY;
- `origin`, `notes`: where the text comes from.

`data/overlay.yml` adds family, version, kind (and a clearer name) to ScanCode keys, and
defines families; `data/hub.yml` maps every Hugging Face license id. Adding a license means
adding a file: the index is rebuilt when the files change (see `index.py`).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from opengauge import frontmatter
from opengauge.errors import BadInput
from opengauge.licenses.places import data_root, folders, license_names

KINDS = ("license", "use-policy")


@dataclass
class LicenseFile:
    """One parsed `.LICENSE` file."""

    path: Path
    meta: dict[str, Any]
    text: str

    @property
    def key(self) -> str:
        return str(self.meta["key"])


@dataclass
class Entry:
    """A license of the registry, before indexing."""

    key: str
    name: str
    spdx: str | None = None
    short_name: str | None = None
    owner: str | None = None
    category: str | None = None
    family: str | None = None
    version: str | None = None
    kind: str | None = None
    url: str | None = None
    aliases: list[str] = field(default_factory=list)
    other_spdx: list[str] = field(default_factory=list)
    deprecated: bool = False
    exception: bool = False
    generic: bool = False
    replaced_by: list[str] = field(default_factory=list)
    source: str = "scancode"
    texts: list[tuple[str, str]] = field(default_factory=list)
    """(file path relative to its library root, text) of every reference text."""

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "texts"}
        data["files"] = [name for name, _ in self.texts]
        return data


def read_file(path: Path) -> LicenseFile:
    """Parse one `.LICENSE` file; BadInput names the file when it is malformed."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{path}: cannot read license file ({error})") from error
    try:
        found = frontmatter.read(raw)
    except frontmatter.FrontMatterError as error:
        raise BadInput(f"{path}:{error.line}: front matter: {error.message}") from error
    if found is None:
        raise BadInput(f"{path}: expected YAML front matter between '---' lines")
    if not found.data.get("key"):
        raise BadInput(f"{path}: front matter needs a 'key'")
    return LicenseFile(path, found.data, found.body)


def license_files(folder: Path) -> list[Path]:
    """The `.LICENSE` files of `folder` (not recursive), sorted by name."""
    return [folder / name for name in license_names(folder)]


def _yaml(text: str) -> Any:
    """Parse YAML with the safe (C when available) loader; ValueError when invalid."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # a safe loader
    except yaml.YAMLError as error:
        raise ValueError(str(error)) from error


def load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = _yaml(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BadInput(f"{path}: cannot read ({error})") from error
    if not isinstance(data, dict):
        raise BadInput(f"{path}: expected a mapping")
    return data


def _entry(file: LicenseFile, rel: str, source: str) -> Entry:
    m = file.meta
    name = str(m.get("name") or m.get("short_name") or file.key)
    kind = m.get("kind")
    if kind is not None and kind not in KINDS:
        raise BadInput(f"{file.path}: field 'kind': expected license or use-policy, not {kind!r}")
    entry = Entry(
        key=file.key, name=name, spdx=m.get("spdx_license_key"), short_name=m.get("short_name"),
        owner=m.get("owner"), category=m.get("category"), family=m.get("family"),
        version=None if m.get("version") is None else str(m["version"]), kind=kind,
        url=m.get("homepage_url"), other_spdx=list(m.get("other_spdx_license_keys") or []),
        deprecated=bool(m.get("is_deprecated")), exception=bool(m.get("is_exception")),
        generic=bool(m.get("is_generic") or m.get("is_unknown")),
        replaced_by=list(m.get("replaced_by") or []), source=source,
    )
    if file.text.strip():
        entry.texts.append((rel, file.text))
    return entry


def _merge_same_as(entries: dict[str, Entry], file: LicenseFile, rel: str) -> None:
    target = entries.get(str(file.meta["same_as"]))
    if target is None:
        raise BadInput(f"{file.path}: same_as names unknown license {file.meta['same_as']!r}")
    if file.key not in target.aliases:
        target.aliases.append(file.key)
    for name in ("family", "version", "kind"):
        value = file.meta.get(name)
        if value is None:
            continue
        if getattr(target, name) not in (None, str(value)):
            raise BadInput(f"{file.path}: {name} {value!r} disagrees with {target.key}")
        setattr(target, name, str(value))
    if file.text.strip():
        target.texts.append((rel, file.text))


def _apply_overlay(entries: dict[str, Entry], overlay: dict[str, Any], path: Path) -> None:
    for key, fields in (overlay.get("licenses") or {}).items():
        entry = entries.get(key)
        if entry is None:
            raise BadInput(f"{path}: licenses: unknown key {key!r}")
        for name in ("family", "version", "kind", "name", "owner"):
            if fields.get(name) is not None:
                setattr(entry, name, str(fields[name]))


def families(overlay: dict[str, Any], entries: dict[str, Entry]) -> dict[str, dict[str, Any]]:
    """Family id -> {name, members}; also sets `family` (and a version) on members."""
    result: dict[str, dict[str, Any]] = {}
    for family_id, spec in (overlay.get("families") or {}).items():
        patterns = spec.get("spdx") or []
        members = [k for k in spec.get("keys") or [] if k in entries]
        for entry in entries.values():
            if entry.deprecated or entry.exception or not entry.spdx or entry.key in members:
                continue
            if any(fnmatch.fnmatchcase(entry.spdx, p) for p in patterns):
                members.append(entry.key)
        for key in members:
            entry = entries[key]
            entry.family = entry.family or family_id
            if entry.version is None and entry.spdx:
                number = re.search(r"\d+(?:\.\d+)*[a-z]?", entry.spdx)
                entry.version = number.group() if number else None
        result[family_id] = {"name": spec.get("name", family_id), "members": sorted(members)}
    for entry in entries.values():
        if entry.family and entry.family not in result:
            result[entry.family] = {"name": entry.family, "members": []}
        if entry.family and entry.key not in result[entry.family]["members"]:
            result[entry.family]["members"].append(entry.key)
    return result


@dataclass
class Library:
    """Every license entry, the families and the Hub id table."""

    entries: dict[str, Entry]
    families: dict[str, dict[str, Any]]
    hub: dict[str, dict[str, Any]]


def read(extra: Path | None = None) -> Library:
    """Read the bundled library (and a user's folder of extra `.LICENSE` files)."""
    root = data_root()
    entries: dict[str, Entry] = {}
    pending: list[tuple[LicenseFile, str]] = []
    for folder, source in folders(extra):
        for path in license_files(folder):
            file = read_file(path)
            rel = f"{source}/{path.name}"
            if file.meta.get("same_as"):
                pending.append((file, rel))
                continue
            if file.key in entries:
                raise BadInput(f"{path}: key {file.key!r} is already defined")
            if not file.meta.get("spdx_license_key") and source != "scancode":
                file.meta["spdx_license_key"] = f"LicenseRef-opengauge-{file.key}"
            entries[file.key] = _entry(file, rel, source)
    overlay_path = root / "overlay.yml"
    overlay = load_yaml(overlay_path)
    _apply_overlay(entries, overlay, overlay_path)
    for file, rel in pending:
        _merge_same_as(entries, file, rel)
    for entry in entries.values():
        entry.kind = entry.kind or "license"
    fams = families(overlay, entries)
    hub = _hub(load_yaml(root / "hub.yml"), entries, fams, root / "hub.yml")
    return Library(entries, fams, hub)


def _hub(table: dict[str, Any], entries: dict[str, Entry], fams: dict[str, Any],
         path: Path) -> dict[str, dict[str, Any]]:
    by_spdx = {e.spdx: e.key for e in entries.values() if e.spdx and not e.deprecated}
    result: dict[str, dict[str, Any]] = {}
    for hub_id, spec in table.items():
        item = {"name": spec.get("name"), "url": spec.get("url")}
        if "spdx" in spec:
            if spec["spdx"] not in by_spdx:
                raise BadInput(f"{path}: {hub_id}: no license has SPDX id {spec['spdx']}")
            item.update(kind="key", target=by_spdx[spec["spdx"]])
        elif "key" in spec:
            if spec["key"] not in entries:
                raise BadInput(f"{path}: {hub_id}: unknown key {spec['key']}")
            item.update(kind="key", target=spec["key"])
        elif "family" in spec:
            if spec["family"] not in fams:
                raise BadInput(f"{path}: {hub_id}: unknown family {spec['family']}")
            item.update(kind="family", target=spec["family"])
        elif spec.get("metadata"):
            item.update(kind="key", target=str(hub_id))
            entries[str(hub_id)] = Entry(
                key=str(hub_id), name=str(spec.get("name") or hub_id), kind="license",
                spdx=f"LicenseRef-opengauge-{hub_id}", url=spec.get("url"), source="hub")
        else:
            item.update(kind="unidentified", target=None)
        result[str(hub_id)] = item
    return result
