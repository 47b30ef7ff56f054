"""The contract of a catalog reader: one published format, read as its upstream repository holds it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path

from opengauge.errors import BadInput
from opengauge.model import Assessment


@dataclass
class ReadResult:
    """Records read from one folder, the files skipped on purpose, and the errors met."""

    records: list[Assessment] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[BadInput] = field(default_factory=list)


class CatalogReader(ABC):
    """Reads one upstream format (EU index, 2023 table, MOT) into curated Assessments."""

    source: str
    """The dataset name used in JSON (`osai-index`, `osai-index-14`, `ouc-2023`, `mot`)."""
    format_name: str
    """A human name for error messages and `catalog list`."""

    @abstractmethod
    def locate(self, root: Path) -> Path | None:
        """The folder under `root` (a clone or a bundled copy) holding the records, if any."""

    @abstractmethod
    def read_record(self, path: Path) -> Assessment | None:
        """One record file as an Assessment, or None when it is not a model (a template)."""

    def read(self, folder: Path, *, strict: bool = True) -> ReadResult:
        """Read every record in `folder`; with `strict`, the first invalid record raises."""
        result = ReadResult()
        for path in self.record_files(folder):
            try:
                record = self.read_record(path)
            except BadInput as error:
                if strict:
                    raise
                result.errors.append(error)
                continue
            if record is None:
                result.skipped.append(path.name)
            else:
                result.records.append(record)
        return result

    def record_files(self, folder: Path) -> list[Path]:
        """The record files of `folder` in a stable order (`_`-prefixed files are metadata)."""
        return sorted(
            p for p in folder.iterdir()
            if p.suffix in (".yaml", ".yml") and not p.name.startswith("_") and p.is_file()
        )
