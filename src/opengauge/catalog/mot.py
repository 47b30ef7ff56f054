"""Reader for the Model Openness Tool's releases: `models/*.yml` of lfai/model_openness_tool.

Each file is one release (`framework`, `release` with `license` and `components`). A family
often has several releases; the catalog shows the one matching the EU index entry's end model
(else its base model, else the newest) and lists the others' file names in `related`.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opengauge.catalog.interface import CatalogReader
from opengauge.frameworks import mof
from opengauge.identity import slugify, table
from opengauge.model import Assessment, Evidence, Locator, Rating, Subject
from opengauge.yamlfile import YamlDoc, read_yaml

if TYPE_CHECKING:
    from opengauge.catalog.catalog import Catalog

SOURCE = "mot"
_MARKER = "Model Openness Framework"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, date) else str(value)
    return text.strip() or None


def _url(value: Any) -> str | None:
    text = _text(value)
    return text if text and text.startswith(("http://", "https://")) else None


def _looks_like_mot(folder: Path) -> bool:
    """A folder whose first release files declare the Model Openness Framework."""
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix == ".yml" and p.is_file())[:3]
    except OSError:
        return False
    for file in files:
        try:
            with file.open("rb") as handle:
                if _MARKER.encode() in handle.read(600):
                    return True
        except OSError:
            continue
    return False


def _tokens(name: str) -> list[str]:
    return sorted(t for t in re.split(r"[^a-z0-9]+", name.casefold()) if t)


def _matches(release: str, target: str | None) -> int:
    """2 when the names have the same tokens, 1 when the release's tokens are all in target's."""
    if not target:
        return 0
    mine, theirs = _tokens(release), _tokens(target)
    if mine and mine == theirs:
        return 2
    return 1 if len(mine) > 1 and set(mine) <= set(theirs) else 0


def _newest(records: list[Assessment]) -> Assessment:
    """The record with the latest release date; ties go to the first file name."""
    ordered = sorted(records, key=lambda r: r.source_file or "")
    return max(ordered, key=lambda r: r.subject.release_date or "")


class MotReader(CatalogReader):
    """Reads MOT release files as the upstream repository holds them."""

    source = SOURCE
    format_name = "Model Openness Tool (lfai/model_openness_tool)"
    releases_per_family = True

    def locate(self, root: Path) -> Path | None:
        for candidate in (root / "models", root):
            if candidate.is_dir() and _looks_like_mot(candidate):
                return candidate
        return None

    def record_files(self, folder: Path) -> list[Path]:
        return sorted(p for p in folder.iterdir()
                      if p.suffix in (".yml", ".yaml") and not p.name.startswith("_") and p.is_file())

    def read_record(self, path: Path) -> Assessment | None:
        doc = read_yaml(path, display=str(path))
        if not isinstance(doc.data, dict):
            raise doc.fail("expected a YAML mapping with framework and release")
        release = doc.data.get("release")
        if not isinstance(release, dict):
            raise doc.fail("missing or not a mapping (expected name, license, components, ...)",
                           "release")
        name = _text(release.get("name"))
        if name is None:
            raise doc.fail("missing (every release needs a name)", "release", "name")
        licenses = self._licenses(doc, release)
        listed = self._components(doc, release)
        ratings = [self._rating(doc, path.name, c, listed[c.name], licenses)
                   for c in mof.components() if c.name in listed]
        family = table().id_for_record(self.source, path.name) or slugify(path.stem)
        subject = Subject(
            id=family,
            name=name,
            org=_text(release.get("producer")),
            type=[t.lower()] if (t := _text(release.get("type"))) else [],
            link=_url(release.get("repository")) or _url(release.get("huggingface")),
            base_model=_text(release.get("origin")),
            end_model=name,
            license=_text(mof.license_name(licenses.get("distribution"))),
            release_date=_text(release.get("date")),
        )
        return Assessment(subject=subject, framework="mof", ratings=ratings, provenance="curated",
                          source=self.source, source_file=path.name)

    @staticmethod
    def _licenses(doc: YamlDoc, release: dict[str, Any]) -> dict[str, Any]:
        licenses = release.get("license")
        if licenses is None:
            return {}
        if not isinstance(licenses, dict):
            raise doc.fail("expected a mapping of distribution, code, data and document",
                           "release", "license")
        for kind, entry in licenses.items():
            if entry is not None and not isinstance(entry, (dict, str)):
                raise doc.fail("expected a mapping with name and path", "release", "license", str(kind))
        return licenses

    @staticmethod
    def _components(doc: YamlDoc, release: dict[str, Any]) -> dict[str, tuple[int, dict[str, Any]]]:
        items = release.get("components")
        if items is None:
            return {}
        if not isinstance(items, list):
            raise doc.fail("expected a list of components", "release", "components")
        listed: dict[str, tuple[int, dict[str, Any]]] = {}
        for index, item in enumerate(items):
            where = ("release", "components", str(index))
            if not isinstance(item, dict):
                raise doc.fail("expected a mapping with name and license", *where)
            name = _text(item.get("name"))
            if name not in mof.component_names():
                expected = ", ".join(c.name for c in mof.components())
                raise doc.fail(f"unknown component {name!r} (expected one of: {expected})",
                               *where, "name")
            if name in listed:
                raise doc.fail(f"component {name!r} is listed twice", *where, "name")
            listed[name] = (index, item)
        return listed

    def _rating(self, doc: YamlDoc, file_name: str, component: mof.Component,
                entry: tuple[int, dict[str, Any]], licenses: dict[str, Any]) -> Rating:
        index, item = entry
        resolved = mof.resolve_license(item, index, component.content_type, licenses)
        keys = {
            "component": ("release", "components", str(index), "license"),
            "type": ("release", "license", component.content_type, "name"),
            "distribution": ("release", "license", "distribution", "name"),
            "none": ("release", "components", str(index)),
        }[resolved.origin]
        if resolved.origin == "component":
            license_url = _url(item.get("license_path"))
        else:
            section = licenses.get(keys[2]) if resolved.origin != "none" else None
            license_url = _url(section.get("path")) if isinstance(section, dict) else None
        note = {
            "component": "component license",
            "type": f"inherited: the release's {component.content_type} license",
            "distribution": "inherited: the release's distribution license",
            "none": "listed without a license at any level (component, type-wide, distribution)",
        }[resolved.origin]
        evidence = [Evidence(self.source, Locator(url=license_url, file=file_name,
                                                  line=doc.line(*keys), field=resolved.field),
                             resolved.license, note)]
        where = _url(item.get("component_path"))
        if where:
            evidence.append(Evidence(self.source, Locator(
                url=where, file=file_name, line=doc.line("release", "components", str(index),
                                                         "component_path"),
                field=f"release.components[{index}].component_path"), None, "where it is published"))
        return Rating(component.name, mof.level_of(True, resolved.license), evidence)

    def choose_release(self, records: list[Assessment], catalog: Catalog) -> Assessment:
        """The release matching the current EU index entry's end (else base) model, else the newest.

        Names match when they have the same tokens (case, separators and order ignored), or
        when every token of the release name is in the EU name; among several matches the
        newest wins. The other releases' file names go to `related`.
        """
        family = records[0].subject.id
        entries = catalog.releases("osai-index", family)
        chosen = None
        if entries:
            targets = (entries[0].subject.end_model, entries[0].subject.base_model)
            for target in targets:
                for strength in (2, 1):
                    hits = [r for r in records if _matches(r.subject.name, target) == strength]
                    if hits:
                        chosen = _newest(hits)
                        break
                if chosen is not None:
                    break
        chosen = chosen or _newest(records)
        related = [r.source_file or r.subject.name for r in records if r is not chosen]
        return chosen.evolve(related=related)
