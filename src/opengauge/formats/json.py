"""JSON (the whole envelope) and JSON Lines (one record per line, no envelope)."""

from __future__ import annotations

import json

from opengauge.formats import indented
from opengauge.formats.interface import Format
from opengauge.formats.records import Document


class JsonFormat(Format):
    name = "json"

    def render(self, document: Document) -> str:
        return indented.dumps(document.envelope()) + "\n"


class JsonLinesFormat(Format):
    name = "jsonl"

    def render(self, document: Document) -> str:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in document.records)
