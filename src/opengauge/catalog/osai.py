"""Reader for the European Open Source AI Index database: one YAML per model family."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from opengauge.catalog.records import RadboudReader, split_types, text_or_none
from opengauge.frameworks.osai import OsaiIndex
from opengauge.model import Subject


class OsaiIndexReader(RadboudReader):
    """Reads `system`, `org` and one `{class, link, notes}` triple per parameter."""

    format_name = "European Open Source AI Index"
    header = "system"
    header_fields = "name, link, type, ..."

    def __init__(self, framework: OsaiIndex) -> None:
        super().__init__(framework)
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

    def subject(self, header: dict[str, Any], name: str) -> Subject:
        return Subject(
            id="",
            name=name,
            type=split_types(header.get("type")),
            link=text_or_none(header.get("link")),
            base_model=text_or_none(header.get("basemodelname")),
            end_model=text_or_none(header.get("endmodelname")),
            license=text_or_none(header.get("endmodellicense", header.get("endmodel license"))),
            release_date=text_or_none(header.get("releasedate")),
            notes=text_or_none(header.get("notes")),
        )
