"""Export formats: a Report as an AI-BOM (CycloneDX, SPDX 3) or an upstream record (EU index, MOT).

Each builder module is imported only when its format is asked for, so the BOM libraries cost
nothing to commands that do not export.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from importlib import import_module
from typing import Any

from opengauge.assess.report import Report
from opengauge.errors import BadInput

# name -> (module, file suffix, JSON?)
EXPORTS: dict[str, tuple[str, str, bool]] = {
    "cyclonedx": ("opengauge.formats.cyclonedx", ".cdx.json", True),
    "spdx3": ("opengauge.formats.spdx3", ".spdx3.json", True),
    "osai-yaml": ("opengauge.formats.osai_yaml", ".osai.yaml", False),
    "mot-yaml": ("opengauge.formats.mot_yaml", ".mot.yml", False),
}


@dataclass
class Exported:
    """One exported document: its model id, format, text and (for JSON formats) parsed data."""

    id: str
    format: str
    text: str
    data: Any = None
    stem: str = ""
    """The file name before the suffix (`--out`); the model id unless the caller sets it."""
    upstream_file: str | None = None
    """The upstream record this document corrects (an EU-index file name), written under that
    name by `--out` so that `--catalog DIR` reads it as an override of the same model."""

    def __post_init__(self) -> None:
        self.stem = self.stem or self.id

    @property
    def suffix(self) -> str:
        return EXPORTS[self.format][1]

    @property
    def file_name(self) -> str:
        return self.upstream_file or f"{self.stem}{self.suffix}"

    @property
    def is_json(self) -> bool:
        return EXPORTS[self.format][2]


def names() -> list[str]:
    """Every export format name."""
    return list(EXPORTS)


def export(report: Report, fmt: str, *, framework: str | None = None, validate: bool = False) -> Exported:
    """`report` in export format `fmt`; with `validate`, a document failing its schema raises
    CheckFailed. `framework` picks the EU parameter set of `osai-yaml` (`osai` or `osai-14`)."""
    if fmt not in EXPORTS:
        raise BadInput(f"unknown export format '{fmt}' (expected one of: {', '.join(EXPORTS)})")
    module = import_module(EXPORTS[fmt][0])
    if not EXPORTS[fmt][2]:
        report = upstream_view(report)
    if fmt == "osai-yaml":
        entry = report.frameworks.get(framework or "osai")
        curated = entry.assessment if entry and entry.assessment.provenance == "curated" else None
        return Exported(report.subject.id, fmt, module.build(report, framework or "osai"),
                        upstream_file=curated.source_file if curated else None)
    if framework is not None:
        raise BadInput(f"--framework applies to osai-yaml only, not to {fmt}")
    if not EXPORTS[fmt][2]:
        return Exported(report.subject.id, fmt, module.build(report))
    data = module.build(report)
    if validate:
        module.validate(data)
    return Exported(report.subject.id, fmt, json.dumps(data, indent=2, ensure_ascii=False) + "\n", data)


def upstream_view(report: Report) -> Report:
    """The report an upstream record is written from: a repository's automatic assessment when
    the check made one beside the catalog's records (`context["automatic"]`), else `report`."""
    automatic = report.context.get("automatic")
    if not isinstance(automatic, dict) or not automatic:
        return report
    return replace(report, frameworks=dict(automatic))
