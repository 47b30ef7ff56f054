"""Helpers shared by the readers of the Radboud formats (EU index and the 2023 table)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from opengauge.catalog.interface import CatalogReader
from opengauge.frameworks.interface import Framework
from opengauge.identity import id_of_file, table
from opengauge.model import Assessment, Evidence, Level, Locator, Rating, Subject
from opengauge.yamlfile import YamlDoc, read_yaml

LEVEL_NAMES = ("open", "partial", "closed")
NOT_MODELS = frozenset({"a_submission_template.yaml", "A_sample.yaml"})


def text_or_none(value: Any) -> str | None:
    """A stripped string, or None for blank values."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def split_types(value: Any) -> list[str]:
    """`'text,code'` -> `['text', 'code']`; blank -> `[]`."""
    text = text_or_none(value)
    return [part.strip().lower() for part in text.split(",") if part.strip()] if text else []


def read_triple(doc: YamlDoc, ref: str, source: str, file_name: str) -> Rating:
    """One `{class, link, notes}` triple as a Rating; blank class is `unknown`."""
    entry = doc.data.get(ref)
    if ref not in doc.data:
        raise doc.fail("missing (expected a mapping with class, link and notes)", ref)
    if entry is None:
        entry = {}
    if not isinstance(entry, dict):
        raise doc.fail("expected a mapping with class, link and notes", ref)
    raw = entry.get("class")
    text = text_or_none(raw)
    if text is not None and text.lower() not in LEVEL_NAMES:
        raise doc.fail(f"unknown level '{raw}' (expected open, partial, closed or blank)",
                       ref, "class")
    level = cast(Level, "unknown" if text is None else text.lower())
    notes = text_or_none(entry.get("notes"))
    line = doc.line(ref, "class")
    links = links_of(entry.get("link"))
    evidence = [
        Evidence(source=source, locator=Locator(url=url, file=file_name, line=line, field=ref),
                 note=notes if i == 0 else None)
        for i, url in enumerate(links or [None])
    ]
    return Rating(dimension=ref, level=level, evidence=evidence)


def links_of(value: Any) -> list[str]:
    """A link field as a list of URLs (upstream records hold one URL or a list)."""
    if isinstance(value, list):
        return [t for t in (text_or_none(v) for v in value) if t]
    text = text_or_none(value)
    return [text] if text else []


class RadboudReader(CatalogReader):
    """Both Radboud formats: a header section (`system` or `project`), `org`, and one
    `{class, link, notes}` triple per criterion of the framework."""

    header: str
    header_fields: str

    def __init__(self, framework: Framework) -> None:
        self.framework = framework

    def subject(self, header: dict[str, Any], name: str) -> Subject:
        """The subject's fields from the header section (besides id, name and org)."""
        raise NotImplementedError

    def read_record(self, path: Path) -> Assessment | None:
        """One record, or None for a template or a nameless record (not a model)."""
        if path.name in NOT_MODELS:
            return None
        doc = read_yaml(path, display=str(path))
        if not isinstance(doc.data, dict):
            raise doc.fail(f"expected a YAML mapping with {self.header}, org and the criteria")
        header = doc.data.get(self.header)
        if not isinstance(header, dict):
            raise doc.fail(f"missing or not a mapping (expected {self.header_fields})", self.header)
        name = text_or_none(header.get("name"))
        if name is None:
            return None
        org = doc.data.get("org") or {}
        if not isinstance(org, dict):
            raise doc.fail("expected a mapping with name, link and notes", "org")
        subject = self.subject(header, name)
        subject.id = table().id_for_record(self.source, path.name) or id_of_file(path.name)
        subject.org = text_or_none(org.get("name"))
        subject.org_link = text_or_none(org.get("link"))
        return Assessment(
            subject=subject,
            framework=self.framework.id,
            ratings=[read_triple(doc, c.ref, self.source, path.name) for c in self.framework.criteria],
            provenance="curated",
            source=self.source,
            source_file=path.name,
        )
