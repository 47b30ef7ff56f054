"""Helpers shared by the readers of the Radboud formats (EU index and the 2023 table)."""

from __future__ import annotations

from typing import Any

from opengauge.model import Evidence, Locator, Rating
from opengauge.yamlfile import YamlDoc

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
    level = text_or_none(raw)
    if level is None:
        level = "unknown"
    elif level.lower() not in LEVEL_NAMES:
        raise doc.fail(f"unknown level '{raw}' (expected open, partial, closed or blank)",
                       ref, "class")
    else:
        level = level.lower()
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
