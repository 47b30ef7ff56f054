"""Reader for the 2023 "Opening up ChatGPT" table: one YAML per project, 14 features."""

from __future__ import annotations

from pathlib import Path

from opengauge.catalog.interface import CatalogReader
from opengauge.catalog.records import NOT_MODELS, read_triple, text_or_none
from opengauge.frameworks.ouc2023 import OpeningUpChatGPT
from opengauge.identity import slugify, table
from opengauge.model import Assessment, Subject
from opengauge.yamlfile import read_yaml


class OpeningUpChatGPTReader(CatalogReader):
    """Reads `project`, `org` and the 14 `{class, link, notes}` triples."""

    source = "ouc-2023"
    format_name = "Opening up ChatGPT (2023)"

    def __init__(self, framework: OpeningUpChatGPT) -> None:
        self.framework = framework

    def locate(self, root: Path) -> Path | None:
        for candidate in (root / "projects", root):
            if candidate.is_dir() and (candidate / "criteria.md").is_file():
                return candidate
        if (root / "projects").is_dir() and any((root / "projects").glob("*.yaml")):
            return root / "projects"
        return None

    def read_record(self, path: Path) -> Assessment | None:
        """One project, or None for a nameless one."""
        if path.name in NOT_MODELS:
            return None
        doc = read_yaml(path, display=str(path))
        if not isinstance(doc.data, dict):
            raise doc.fail("expected a YAML mapping with project, org and the 14 features")
        project = doc.data.get("project")
        if not isinstance(project, dict):
            raise doc.fail("missing or not a mapping (expected name, link, ...)", "project")
        name = text_or_none(project.get("name"))
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
            link=text_or_none(project.get("link")),
            base_model=text_or_none(project.get("llmbase")),
            end_model=name,
            license=text_or_none(project.get("license")),
            notes=text_or_none(project.get("notes")),
        )
        return Assessment(
            subject=subject,
            framework=self.framework.id,
            ratings=ratings,
            provenance="curated",
            source=self.source,
            source_file=path.name,
        )
