"""The contract of an output format: render a Document to text."""

from __future__ import annotations

from abc import ABC, abstractmethod

from opengauge.formats.records import Document


class Format(ABC):
    """One output format (`table`, `json`, `jsonl`, `csv`, `markdown`, ...)."""

    name: str

    @abstractmethod
    def render(self, document: Document) -> str:
        """The whole output for `document`."""
