"""The openness properties an AI-BOM carries, named once for CycloneDX and SPDX 3 alike.

CycloneDX writes each pair as a component `property` {name, value}; SPDX 3 writes the same pairs
as `CdxPropertyEntry` {cdxPropName, cdxPropValue} of a `CdxPropertiesExtension` on the AI package.
Names and values are identical in both (docs/compliance.md lists them):

- `opengauge:model:id`, `opengauge:tool:version`
- `opengauge:summary:weights|open_source|basis`
- per framework F (`osai`, `osai-14`, `ouc-2023`, later `mof`, `osaid`):
  `opengauge:F:score|rank|of|coverage|class|progress:N|verdict|reason|source|source_file|layer|
  provenance` and `opengauge:F:rating:DIMENSION` (the level); the same under
  `opengauge:automatic:F:...` for a repository's automatic assessment made beside a catalog record
- `opengauge:data:SOURCE:snapshot|date|layer|attribution`
- `opengauge:license:name|rating` (curated), and from the license analyzer when present (the
  governing license and use-policy texts when the report has them, else its reading of the
  license name): `opengauge:license:open_source` (false when any text is not open source, true
  when all are) and per text `opengauge:license:text|basis|match|osd_violation|restriction`
  (each naming the text its lines are in)
- `opengauge:finding` (one per report finding)

Values are strings: numbers rounded to 4 decimals without trailing zeros, booleans `true`/`false`,
missing verdicts `unknown`, structured values (a restriction, a finding) compact JSON with sorted
keys.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from opengauge import __version__
from opengauge.assess.report import Report
from opengauge.model import Ranked

if TYPE_CHECKING:
    from opengauge.licenses.result import LicenseResult

PREFIX = "opengauge"


def name(*parts: str) -> str:
    """`opengauge:part:part`."""
    return ":".join((PREFIX, *parts))


def number(value: float | int) -> str:
    """A number as text: 0.2083333 -> '0.2083', 3.0 -> '3', 0.25 -> '0.25'."""
    rounded = round(float(value), 4)
    return str(int(rounded)) if rounded.is_integer() else repr(rounded)


def text(value: Any) -> str:
    """Any value as a property value."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(value)
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def framework_properties(framework_id: str, entry: Ranked) -> list[tuple[str, str]]:
    """Score, rank, class, verdict and ratings of one framework's result."""
    a = entry.assessment
    out: list[tuple[str, str]] = []

    def add(key: str, value: Any) -> None:
        if value is not None:
            out.append((name(framework_id, key), text(value)))

    add("score", a.score)
    add("rank", entry.rank)
    add("of", entry.of)
    add("coverage", a.coverage)
    add("class", a.klass)
    for level, percent in sorted((a.progress or {}).items()):
        add(f"progress:{level}", percent)
    add("verdict", a.verdict)
    for reason in a.reasons or []:
        add("reason", reason)
    add("source", a.source)
    add("source_file", a.source_file)
    add("layer", a.layer)
    add("provenance", a.provenance)
    for rating in a.ratings:
        add(f"rating:{rating.dimension}", rating.level)
    return out


def _text_of(result: LicenseResult) -> str | None:
    """The text a result's line numbers refer to: a governing text's label, else its path."""
    where = result.annotations.get("label") or result.path
    return str(where) if where else None


def _located(item: Any, where: str | None) -> Any:
    """A restriction or OSD violation with the text its lines are in (`text`), when known."""
    if isinstance(item, dict) and where and "text" not in item:
        return {**item, "text": where}
    return item


def license_properties(report: Report) -> list[tuple[str, str]]:
    """The curated license facts and, when present, the analyzer's verdict and restrictions."""
    lic = report.license
    out: list[tuple[str, str]] = []
    if lic is not None and lic.name:
        out.append((name("license", "name"), str(lic.name)))
    if lic is not None and lic.rating is not None and lic.rating.level:
        out.append((name("license", "rating"), lic.rating.level))
    results = report.license_results()
    if results:
        out.append((name("license", "open_source"), text(_verdict(results))))
    for result in results:
        where = _text_of(result)
        if result.basis:
            out.append((name("license", "basis"), text(result.basis)))
        if where:
            out.append((name("license", "text"), text(
                {"text": where, "kind": result.annotations.get("kind") or "license",
                 "open_source": result.open_source, "basis": result.basis})))
        for match in result.matches:
            out.append((name("license", "match"), text(_located(
                {"key": match.key, "spdx": match.spdx, "name": match.name,
                 "version": match.version, "kind": match.kind}, where))))
        for violation in result.osd_violations:
            out.append((name("license", "osd_violation"), text(_located(violation, where))))
        for restriction in result.restrictions:
            out.append((name("license", "restriction"), text(_located(restriction.to_dict(),
                                                                      where))))
    return out


def _verdict(results: list[LicenseResult]) -> bool | None:
    """Open source when every text is, not when any is not, else unknown (None)."""
    verdicts = [r.open_source for r in results]
    if any(v is False for v in verdicts):
        return False
    return True if verdicts and all(v is True for v in verdicts) else None


def report_properties(report: Report) -> list[tuple[str, str]]:
    """Every openness property of `report`, in a stable order."""
    out = [(name("model", "id"), report.subject.id), (name("tool", "version"), __version__)]
    summary = report.context.get("summary") or {}
    for key in ("weights", "open_source", "basis"):
        if key in summary:
            out.append((name("summary", key), text(summary[key])))
    for framework_id, entry in report.frameworks.items():
        out += framework_properties(framework_id, entry)
    for framework_id, entry in (report.context.get("automatic") or {}).items():
        if isinstance(entry, Ranked):  # a repository's own assessment beside the catalog's
            out += framework_properties(f"automatic:{framework_id}", entry)
    for snap in report.provenance.data or []:
        for key in ("snapshot", "date", "layer", "attribution"):
            if snap.get(key):
                out.append((name("data", str(snap["source"]), key), str(snap[key])))
    out += license_properties(report)
    out += [(name("finding"), text(finding.to_dict())) for finding in report.findings]
    return list(dict.fromkeys(out))  # CycloneDX keeps a set of properties: no exact repeats
