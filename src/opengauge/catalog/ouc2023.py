"""Reader for the 2023 "Opening up ChatGPT" table: one YAML per project, 14 features."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from opengauge.catalog.records import RadboudReader, text_or_none
from opengauge.frameworks.ouc2023 import OpeningUpChatGPT
from opengauge.model import Subject


class OpeningUpChatGPTReader(RadboudReader):
    """Reads `project`, `org` and the 14 `{class, link, notes}` triples."""

    source = "ouc-2023"
    format_name = "Opening up ChatGPT (2023)"
    header = "project"
    header_fields = "name, link, ..."

    def __init__(self, framework: OpeningUpChatGPT) -> None:
        super().__init__(framework)

    def locate(self, root: Path) -> Path | None:
        for candidate in (root / "projects", root):
            if candidate.is_dir() and (candidate / "criteria.md").is_file():
                return candidate
        if (root / "projects").is_dir() and any((root / "projects").glob("*.yaml")):
            return root / "projects"
        return None

    def subject(self, header: dict[str, Any], name: str) -> Subject:
        return Subject(
            id="",
            name=name,
            link=text_or_none(header.get("link")),
            base_model=text_or_none(header.get("llmbase")),
            end_model=name,
            license=text_or_none(header.get("license")),
            notes=text_or_none(header.get("notes")),
        )
