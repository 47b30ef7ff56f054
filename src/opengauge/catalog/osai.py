"""Reader for the European Open Source AI Index database: one YAML per model family."""

from __future__ import annotations

from pathlib import Path

from opengauge.catalog.interface import CatalogReader
from opengauge.catalog.records import NOT_MODELS, read_triple, split_types, text_or_none
from opengauge.frameworks.osai import OsaiIndex
from opengauge.identity import slugify, table
from opengauge.model import Assessment, Subject
from opengauge.yamlfile import read_yaml


class OsaiIndexReader(CatalogReader):
    """Reads `system`, `org` and one `{class, link, notes}` triple per parameter."""

    format_name = "European Open Source AI Index"

    def __init__(self, framework: OsaiIndex) -> None:
        self.framework = framework
        self.source = framework.source

    def _matches(self, folder: Path) -> bool:
        params = folder / "_parameters.yml"
        if not params.is_file():
            return False
        try:
            text = params.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            return False
        refs = {c.ref for c in self.framework.criteria}
        found = {line.split(":", 1)[1].strip() for line in text.splitlines()
                 if line.strip().startswith("- ref:")}
        return refs <= found and len(found & {"package", "api"}) == len(refs & {"package", "api"})

    def locate(self, root: Path) -> Path | None:
        candidates = [root, *sorted(p for p in root.iterdir() if p.is_dir())]
        return next((c for c in candidates if self._matches(c)), None)

    def read_record(self, path: Path) -> Assessment | None:
        """One record, or None for a nameless record (a template, not a model)."""
        if path.name in NOT_MODELS:
            return None
        doc = read_yaml(path, display=str(path))
        if not isinstance(doc.data, dict):
            raise doc.fail("expected a YAML mapping with system, org and the parameters")
        system = doc.data.get("system")
        if not isinstance(system, dict):
            raise doc.fail("missing or not a mapping (expected name, link, type, ...)", "system")
        name = text_or_none(system.get("name"))
        if name is None:
            return None
        org = doc.data.get("org") or {}
        if not isinstance(org, dict):
            raise doc.fail("expected a mapping with name, link and notes", "org")
        ratings = [read_triple(doc, c.ref, self.source, path.name) for c in self.framework.criteria]
        family = table().id_for_record(self.source, path.name) or slugify(path.stem)
        subject = Subject(
            id=family,
            name=name,
            org=text_or_none(org.get("name")),
            org_link=text_or_none(org.get("link")),
            type=split_types(system.get("type")),
            link=text_or_none(system.get("link")),
            base_model=text_or_none(system.get("basemodelname")),
            end_model=text_or_none(system.get("endmodelname")),
            license=text_or_none(system.get("endmodellicense", system.get("endmodel license"))),
            release_date=text_or_none(system.get("releasedate")),
            notes=text_or_none(system.get("notes")),
        )
        return Assessment(
            subject=subject,
            framework=self.framework.id,
            ratings=ratings,
            provenance="curated",
            source=self.source,
            source_file=path.name,
        )
