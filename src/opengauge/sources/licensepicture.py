"""How the license terms of one target were declared and read: one `LicenseReading` per
declaration (its evidence, scope and the analyzer's answer), gathered in a `LicensePicture`
with the verdict on the release's own terms. Plain evidence: `assess/licensing.py` builds the
picture, the rating rules and findings read it (through the dossier).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from opengauge.model import Evidence, tri_state

if TYPE_CHECKING:
    from opengauge.licenses.clauses import Finding
    from opengauge.licenses.result import LicenseResult, Match

NO_LICENSE_IDS = frozenset({"other", "unknown", "none", "n/a", "na", ""})
NONCOMMERCIAL = "non-commercial"
WEIGHTS_SCOPES = ("weights", "unknown")
CARD_TERMS = ("card-section", "gated-prompt", "card-prose")
"""Sources of the card's own terms: they add to the declarations (a card naming several
governing licenses binds all of them) and are never a `license-mismatch`."""


@dataclass(slots=True)
class Declaration:
    """One declaration of terms as the report shows it (`license.declared[]`,
    `license.base_models[]`, `license.datasets[]`)."""

    source: str
    declared: str
    subject: str | None
    scope: str
    identified: bool
    licenses: list[dict[str, Any]]
    """Each identified license: `key`, `spdx`, `name`, `family`, `version`."""
    open_source: bool | None
    restrictions: list[str]
    """The restriction kinds found."""
    note: str | None
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "declared": self.declared, "subject": self.subject,
                "scope": self.scope, "identified": self.identified, "licenses": self.licenses,
                "open_source": self.open_source, "restrictions": self.restrictions,
                "note": self.note, "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Declaration:
        return cls(str(data.get("source") or ""), str(data.get("declared") or ""),
                   data.get("subject"), str(data.get("scope") or "unknown"),
                   bool(data.get("identified")), list(data.get("licenses") or []),
                   data.get("open_source"), list(data.get("restrictions") or []),
                   data.get("note"), Evidence.from_dict(data.get("evidence") or {"source": ""}))


@dataclass
class LicenseReading:
    """One declaration of license terms and the analyzer's reading of it."""

    source: str
    """`card`, `card-name`, `license-file`, `use-policy`, `gguf`, `base-model` or `dataset`."""
    declared: str
    evidence: Evidence
    result: LicenseResult | None = None
    """The analyzer's answer (for a base model bound through the catalog: its governing text's
    record, read back as a result); None when nothing was read."""
    subject: str | None = None
    """The repository the declaration is about, for base models and datasets."""
    scope: str = "unknown"
    """What the declaration governs: weights, code, data, docs or unknown."""

    @property
    def identified(self) -> bool:
        return bool(self.result and self.result.identified and self.licenses)

    @property
    def licenses(self) -> list[Match]:
        """The analyzer's matches of kind `license` (use policies are kept apart)."""
        return self.result.licenses if self.result else []

    @property
    def keys(self) -> frozenset[str]:
        """What identifies the licenses: their keys, else `family:NAME`."""
        found = set()
        for match in self.result.matches if self.result else []:
            if match.key:
                found.add(match.key)
            elif match.family:
                found.add(f"family:{match.family}")
        return frozenset(found)

    @property
    def open_source(self) -> bool | None:
        """The analyzer's verdict (None when it has none or is absent)."""
        return self.result.open_source if self.result else None

    @property
    def restrictions(self) -> list[Finding]:
        return list(self.result.restrictions) if self.result else []

    @property
    def noncommercial(self) -> bool:
        return any(r.kind == NONCOMMERCIAL for r in self.restrictions)

    @property
    def note(self) -> str | None:
        """The analyzer's note (why a license was not identified, ...)."""
        return self.result.note if self.result else None

    @property
    def license_string(self) -> str | None:
        """The license as one string for literal comparisons (SPDX id, else its name)."""
        for match in self.licenses:
            for value in (match.spdx, match.name, match.key):
                if value:
                    return str(value)
        return None

    def cited(self) -> Evidence:
        """The declaration's evidence with the analyzer's reading as its note."""
        verdict = tri_state(self.open_source, "open source", "not open source",
                            "open source status unknown")
        if self.result is None and self.declared.strip().lower() in NO_LICENSE_IDS:
            note = f"'{self.declared}' names no license" if self.declared else "no license declared"
        elif self.result is None:
            note = "not read by the license analyzer"
        elif not self.identified:
            note = (self.result.note or "license not identified") + f"; {verdict}"
        else:
            note = f"{self.label}: {verdict}"
        kinds = sorted({r.kind for r in self.restrictions if r.kind})
        if kinds:
            note += f" (restrictions: {', '.join(kinds)})"
        if self.subject:
            note = f"{self.subject}: {note}"
        return Evidence(self.evidence.source, self.evidence.locator, self.evidence.quote, note)

    @property
    def label(self) -> str:
        """How messages name what the analyzer found ('Apache License 2.0'), else the text."""
        names = [m.name or m.key for m in self.licenses if m.name or m.key]
        return ", ".join(dict.fromkeys(str(n) for n in names)) if names else self.declared

    def declaration(self) -> Declaration:
        """The reading as the report shows it."""
        return Declaration(self.source, self.declared, self.subject, self.scope, self.identified,
                           [{"key": m.key, "spdx": m.spdx, "name": m.name, "family": m.family,
                             "version": m.version} for m in self.licenses],
                           self.open_source, sorted({r.kind for r in self.restrictions if r.kind}),
                           self.note, self.evidence)


@dataclass
class LicensePicture:
    """Every license declaration of a target, and the verdict on the release's own terms."""

    model: list[LicenseReading] = field(default_factory=list)
    base_models: list[LicenseReading] = field(default_factory=list)
    datasets: list[LicenseReading] = field(default_factory=list)
    unversioned: list[dict[str, Any]] = field(default_factory=list)
    """Bases named as a family without a version that fits several (see `base_terms`)."""

    @property
    def terms(self) -> list[LicenseReading]:
        """The declarations that set the terms of this release's weights (licenses and use
        policies whose scope is weights or unknown); code, data and docs terms are apart."""
        return [r for r in self.model if r.source != "notice" and r.scope in WEIGHTS_SCOPES]

    @property
    def code_terms(self) -> list[LicenseReading]:
        """The declarations scoped to the code (LICENSE-CODE, "the code is licensed under")."""
        return [r for r in self.model if r.source != "notice" and r.scope == "code"]

    @property
    def code_license(self) -> LicenseReading | None:
        """The identified license of the code: a code-scoped one, else the release's."""
        code = [r for r in self.code_terms if r.identified]
        return code[0] if code else self.primary

    @property
    def own_open_source(self) -> bool | None:
        """The release's own declarations alone: False when any is not open source; True when
        at least one identified license is and none says otherwise; None when nothing was
        identified."""
        verdicts = [r.open_source for r in self.terms]
        if False in verdicts:
            return False
        if any(r.identified and r.open_source for r in self.terms):
            return True
        return None

    @property
    def open_source(self) -> bool | None:
        """The verdict on the release's terms: its own declarations and its base models' (a
        derivative is bound by its base's terms). False when any of them is not open source;
        None when the own terms are open source but a base model's license is undetermined."""
        own = self.own_open_source
        bases = [r.open_source for r in self.base_models]
        if own is False or False in bases:
            return False
        if own is True and None in bases:
            return None
        return own

    @property
    def undetermined_bases(self) -> list[LicenseReading]:
        """Base models whose undetermined license makes open-source own terms unknown."""
        if self.own_open_source is not True:
            return []
        return [r for r in self.base_models if r.open_source is None]

    @property
    def deciding(self) -> list[LicenseReading]:
        """The readings the verdict rests on (for an unknown verdict: the base models whose
        license is undetermined, if that is why)."""
        verdict = self.open_source
        if verdict is None:
            return self.undetermined_bases
        if verdict is False:
            return [r for r in [*self.terms, *self.base_models] if r.open_source is False]
        return [r for r in self.terms if r.identified and r.open_source]

    @property
    def confidence(self) -> str | None:
        """How sure the verdict is: high for a restriction found or an identified license with
        nothing unidentified beside it, medium when other declarations stay unidentified."""
        verdict = self.open_source
        if verdict is None:
            return None
        if verdict is False or not any(not r.identified for r in self.terms):
            return "high" if any(r.source != "gguf" for r in self.deciding) else "medium"
        return "medium"

    @property
    def primary(self) -> LicenseReading | None:
        """The reading naming the weights' license: a license file the analyzer identified,
        else the card's id, else the GGUF metadata (not-open readings first)."""
        order = {"license-file": 0, "card": 1, "card-name": 2, "gguf": 3, "use-policy": 4,
                 "gated-prompt": 5, "card-section": 6, "card-prose": 7}
        candidates = sorted((r for r in self.terms if r.identified and r.licenses),
                            key=lambda r: (r.open_source is not False, order.get(r.source, 9)))
        return candidates[0] if candidates else None

    @property
    def release_license(self) -> str | None:
        """The release's license as one literal string (SPDX id or name), when known."""
        primary = self.primary
        return primary.license_string if primary is not None and self.own_open_source is not None \
            else None

    @property
    def unidentified(self) -> list[LicenseReading]:
        """Declarations the analyzer could not identify."""
        return [r for r in self.terms if not r.identified]

    def declared_name(self) -> str | None:
        """The license as the release declares it (card id or name, GGUF, or a file name)."""
        for source in ("card", "card-name", "gguf", "license-file"):
            found = [r.declared for r in self.model if r.source == source]
            if found:
                return ", ".join(found)
        return None
