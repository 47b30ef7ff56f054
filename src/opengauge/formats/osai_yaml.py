"""An assessment as a European Open Source AI Index record (the index's own YAML shape).

The record has `system`, `org` and one `{class, link, notes}` triple per parameter of the chosen
parameter set (`osai`: 12, `osai-14`: 14), so a publisher or the index's maintainers can take it as
a proposed correction. opengauge's own EU reader reads it back to the same levels, links and notes.
Fields opengauge does not keep (`system.performanceclass`, `org.notes`) are written blank.
"""

from __future__ import annotations

from typing import Any

import yaml

from opengauge import __version__
from opengauge.assess.report import Report
from opengauge.errors import BadInput
from opengauge.model import Rating, Subject

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ATTRIBUTION = ("Data: European Open Source AI Index, https://osai-index.eu, CC-BY-4.0; Liesenfeld & "
               "Dingemanse (2024), FAccT '24.")


def scalar(value: Any) -> str:
    """`value` as one YAML scalar (blank for None) that reads back as the same string or list."""
    if value is None or value == "":
        return ""
    for readable in (True, False):  # characters YAML reads as line breaks (NEL, LS, PS) need escapes
        dumped = yaml.safe_dump(value, default_flow_style=True, width=float("inf"), allow_unicode=readable)
        text = dumped.removesuffix("\n").removesuffix("\n...").strip()
        if yaml.load(f"k: {text}", Loader=_LOADER)["k"] == value:
            break
    return text


def _rating_fields(rating: Rating | None) -> tuple[str | None, Any, str | None]:
    """class, link (one URL, a list, or None) and notes of a rating."""
    if rating is None:
        return None, None, None
    links = [e.locator.url for e in rating.evidence if e.locator.url]
    notes = [str(e.quote or e.note) for e in rating.evidence if e.quote or e.note]
    link: Any = links[0] if len(links) == 1 else (links or None)
    level = None if rating.level == "unknown" else rating.level
    return level, link, " ".join(notes) if notes else None


def _system(subject: Subject) -> list[str]:
    fields = [
        ("name", subject.name), ("link", subject.link), ("type", ",".join(subject.type) or None),
        ("performanceclass", None), ("basemodelname", subject.base_model),
        ("endmodelname", subject.end_model), ("endmodellicense", subject.license),
        ("releasedate", subject.release_date), ("notes", subject.notes),
    ]
    return ["system:", *[f"    {k}: {scalar(v)}".rstrip() for k, v in fields]]


def build(report: Report, framework_id: str = "osai") -> str:
    """The record of `report`'s `framework_id` assessment (`osai` or `osai-14`) as YAML text."""
    from opengauge import frameworks

    if framework_id not in ("osai", "osai-14"):
        raise BadInput(f"--framework must be osai or osai-14 for an EU index record, not '{framework_id}'")
    entry = report.frameworks.get(framework_id)
    if entry is None:
        raise BadInput(f"model '{report.subject.id}' has no {framework_id} assessment to export")
    framework = frameworks.get(framework_id)
    a = entry.assessment
    layer = f" ({a.layer})" if a.layer else ""
    origin = f"{a.source} {a.source_file}{layer}" if a.source_file else f"{a.provenance} assessment"
    subject = a.subject
    lines = [
        "---",
        f"# Written by opengauge {__version__} from {origin}, parameter set {framework_id}.",
        f"# {ATTRIBUTION}",
        "# opengauge does not keep system.performanceclass and org.notes: fill them in from the",
        "# index's record before proposing it.",
        "",
        *_system(subject),
        "",
        "org:",
        f"    name: {scalar(subject.org)}".rstrip(),
        f"    link: {scalar(subject.org_link)}".rstrip(),
        "    notes:",
    ]
    for group in framework.groups:
        lines += ["", f"# {group.ref}:"]
        for i, ref in enumerate(group.criteria):
            level, link, notes = _rating_fields(a.rating(ref))
            lines += [*([""] if i else []), f"{ref}:", f"    class: {scalar(level)}".rstrip(),
                      f"    link: {scalar(link)}".rstrip(), f"    notes: {scalar(notes)}".rstrip()]
    return "\n".join(lines).rstrip("\n") + "\n"
