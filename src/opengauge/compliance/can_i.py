"""`opengauge can-i MODEL`: questions about a model's terms, answered from its license texts.

The target is a license file or a folder (its license-like files), a catalog model (the
registry's texts of its curated licenses, see `texts.catalog_texts`), or anything else
`check` accepts (a Hub id or a weights file: the license texts of its automatic assessment).
The decision rules are in `rules.py`; docs/compliance.md documents both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from opengauge.assess.report import AssessedLicense, CuratedLicense, Report
from opengauge.compliance import NOTICE, rules
from opengauge.compliance.texts import (
    GoverningText,
    add_policies,
    from_files,
    from_results,
    registry_file,
)
from opengauge.errors import BadInput
from opengauge.filenames import READABLE_WEIGHT_SUFFIXES, looks_like_path

if TYPE_CHECKING:
    from opengauge.licenses.result import LicenseResult


class Checker(Protocol):
    """What `can_i` needs to read a model's report (the session gives it)."""

    def check(self, name: str) -> Report: ...

    def check_target(self, target: str) -> Report: ...


@dataclass
class Questions:
    """What the user asks; `numbers` may be None when not given."""

    commercial: bool = False
    users: float | None = None
    revenue: float | None = None
    region: str | None = None
    fine_tune: bool = False
    redistribute: bool = False
    train_on_outputs: bool = False
    military: bool = False

    def asked(self) -> list[str]:
        """The questions in their documented order; the defaults when none is given."""
        chosen = {"commercial": self.commercial, "users": self.users is not None,
                  "revenue": self.revenue is not None, "region": self.region is not None,
                  "fine-tune": self.fine_tune, "redistribute": self.redistribute,
                  "train-on-outputs": self.train_on_outputs, "military": self.military}
        wanted = [q for q in rules.QUESTIONS if chosen[q]]
        return wanted or list(rules.DEFAULT_QUESTIONS)

    def check(self) -> None:
        for name, value in (("--users", self.users), ("--revenue", self.revenue)):
            if value is not None and (value < 0 or not math.isfinite(value)):
                raise BadInput(f"{name} must be a finite number of zero or more, not {value}")
        if self.region is not None:
            rules.region_codes(self.region)


@dataclass
class Governing:
    """The texts that govern a target, and what the target is."""

    kind: str
    """`files`, `catalog` or `repository`."""
    id: str | None
    name: str | None
    texts: list[GoverningText]
    notes: list[str]
    model_type: list[str] | None = None
    unreachable: list[str] | None = None
    """The `hub-unreachable` message when the Hub could not be reached."""
    weights_released: bool | None = None
    """False when a catalog model's weights are not released (`verdict.weights_released`)."""


def revive(results: list[LicenseResult]) -> list[GoverningText]:
    """Governing texts from a report's (`license.texts`), with their text read again from the
    registry or the file where possible."""
    texts = []
    for result in results:
        record = result.to_dict()
        text = None
        if record.get("origin") == "registry" and record.get("label"):
            found = registry_file(str(record["label"]))
            text = found.text if found else None
        elif record.get("path") and Path(str(record["path"])).is_file():
            from opengauge.licenses.inputs import read_file

            try:
                text = read_file(Path(str(record["path"]))).text
            except Exception:  # unreadable now: quotes only
                text = None
        texts.append(GoverningText(record, text))
    return texts


def report_texts(report: Report) -> tuple[list[GoverningText], list[str]]:
    """The governing texts of a `check` report: the catalog's resolved texts
    (`license.texts`), else the automatic assessment's analyzer answers."""
    section = report.license
    if isinstance(section, CuratedLicense) and (section.texts or section.text_notes):
        return revive(section.texts), list(section.text_notes)  # a catalog model's own strings
    if isinstance(section, AssessedLicense) and section.results:
        texts = from_results(section.results, "declared in the repository")
        return add_policies(texts), []
    curated = section.curated if isinstance(section, AssessedLicense) else None
    if curated is not None and curated.texts:
        return revive(curated.texts), list(curated.text_notes)
    return [], ["the report names no license text"]


def _is_model_folder(path: Path) -> bool:
    """A folder holding a model (card, config, weights): read as `check` reads it, so the card's
    own terms and the base model's join its license files."""
    if not path.is_dir():
        return False
    from opengauge.sources.local import holds_a_model

    return holds_a_model(path)


def _is_weights(path: Path) -> bool:
    name = path.name.lower()
    return path.is_file() and name.endswith(READABLE_WEIGHT_SUFFIXES)


def governing(target: str, checker: Checker) -> Governing:
    """Resolve `target` to its governing texts (see the module docstring); `checker` reads
    the report of a model or repository."""
    from opengauge.assess.findings import unreachable_messages

    path = Path(target)
    if not path.exists() and looks_like_path(target):
        from opengauge.errors import NotFound

        raise NotFound(f"{target}: no such file or folder")
    if path.exists() and not _is_weights(path) and not _is_model_folder(path):
        from opengauge import licenses

        results = licenses.analyze_path(path)
        why = "given" if path.is_file() else f"license-like file in {path}"
        texts = add_policies(from_files(results, why))
        notes = [] if texts else [f"{path}: no license-like files found"]
        return Governing("files", None, path.name or str(path), texts, notes)
    if path.exists() or "/" in target:
        target = f"path:{target}" if path.exists() else target
        report = checker.check_target(target)
        kind = "repository"
    else:
        report = checker.check(target)
        kind = "catalog"
    texts, notes = report_texts(report)
    unreachable = unreachable_messages([report])
    released = None
    if kind == "catalog":
        from opengauge.verdict import weights_released

        released = weights_released({f: r.assessment for f, r in report.frameworks.items()})
    return Governing(kind, report.subject.id, report.subject.name, texts,
                     [*unreachable, *notes], report.subject.type or None, unreachable, released)


def text_summary(text: GoverningText) -> dict[str, Any]:
    """How an answer names a governing text."""
    record = text.record
    return {"label": text.label, "path": record.get("path"), "origin": record.get("origin"),
            "why": record.get("why"), "kind": text.kind,
            "licenses": [{k: m.get(k) for k in ("key", "name", "version", "kind")}
                         for m in record.get("matches") or []],
            "identified": bool(record.get("identified")), "open_source": record.get("open_source"),
            "note": record.get("note")}


NOT_RELEASED = ("fine-tune", "redistribute", "train-on-outputs")
"""Questions answered `no` for a model whose weights are not released."""
SERVICE_TERMS = ("use is governed by the provider's service terms, which opengauge does not read")


def _unreleased(answer: rules.Answer) -> rules.Answer:
    """The answer for a model whose weights are not released, whatever license a record lists:
    `no` to fine-tune, redistribute and train-on-outputs, `unknown` to commercial use."""
    if answer.question in NOT_RELEASED:
        return replace(answer, answer="no", reason="no weights are released", clauses=[],
                       conditions=[], exceptions=[], thresholds=[])
    if answer.question == "commercial":
        return replace(answer, answer="unknown", reason=SERVICE_TERMS, clauses=[],
                       conditions=[], exceptions=[], thresholds=[])
    return answer


def can_i(target: str, questions: Questions, checker: Checker) -> dict[str, Any]:
    """The answers for `target` (a record of the `answers` document); `checker` reads the
    report of a model or repository (the session)."""
    questions.check()
    found = governing(target, checker)
    model_type = found.model_type if found.kind == "catalog" else None
    answers = [rules.answer(q, found.texts, users=questions.users, revenue=questions.revenue,
                            region=questions.region, model_type=model_type) for q in questions.asked()]
    if not found.texts and found.kind == "catalog" and found.notes:
        answers = [replace(a, reason=f"{a.reason}: {'; '.join(found.notes)}")
                   if a.answer == "unknown" else a for a in answers]
    if found.weights_released is False:
        answers = [_unreleased(a) for a in answers]
    notes = list(found.notes) + rules.notes(found.texts)
    if found.model_type and any(a.scope and "multimodal" in a.scope for a in answers):
        notes.append(f"the catalog types this model as {', '.join(found.model_type)}; "
                     "a clause scoped to multimodal models applies to it only if it is one")
    counts = {k: sum(1 for a in answers if a.answer == k) for k in ("yes", "conditional", "no", "unknown")}
    return {"target": target, "id": found.id, "name": found.name, "kind": found.kind,
            "notice": NOTICE, "questions": [a.question for a in answers],
            "texts": [text_summary(t) for t in found.texts],
            "answers": [a.to_dict() for a in answers], "counts": counts, "notes": notes,
            **({"hub_unreachable": found.unreachable} if found.unreachable else {})}
