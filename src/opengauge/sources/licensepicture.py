"""How the license terms of one target were declared and read: one `LicenseReading` per
declaration (its evidence, scope and the analyzer's answer), gathered in a `LicensePicture`
with the verdict on the release's own terms. Plain evidence: `assess/licensing.py` builds the
picture, the rating rules and findings read it (through the dossier).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from opengauge.model import Evidence, tri_state

NO_LICENSE_IDS = frozenset({"other", "unknown", "none", "n/a", "na", ""})
NONCOMMERCIAL = "non-commercial"
WEIGHTS_SCOPES = ("weights", "unknown")
CARD_TERMS = ("card-section", "gated-prompt", "card-prose")
"""Sources of the card's own terms: they add to the declarations (a card naming several
governing licenses binds all of them) and are never a `license-mismatch`."""


@dataclass
class LicenseReading:
    """One declaration of license terms and the analyzer's reading of it."""

    source: str
    """`card`, `card-name`, `license-file`, `use-policy`, `gguf`, `base-model` or `dataset`."""
    declared: str
    evidence: Evidence
    result: dict[str, Any] | None = None
    subject: str | None = None
    """The repository the declaration is about, for base models and datasets."""
    scope: str = "unknown"
    """What the declaration governs: weights, code, data, docs or unknown."""

    @property
    def identified(self) -> bool:
        return bool(self.result and self.result.get("identified") and self.licenses)

    @property
    def licenses(self) -> list[dict[str, Any]]:
        """The analyzer's matches of kind `license` (use policies are kept apart)."""
        if not self.result:
            return []
        return [m for m in self.result.get("matches") or [] if m.get("kind", "license") == "license"]

    @property
    def keys(self) -> frozenset[str]:
        """What identifies the licenses: their keys, else `family:NAME`."""
        found = set()
        for match in self.result.get("matches") or [] if self.result else []:
            if match.get("key"):
                found.add(str(match["key"]))
            elif match.get("family"):
                found.add(f"family:{match['family']}")
        return frozenset(found)

    @property
    def open_source(self) -> bool | None:
        """The analyzer's verdict (None when it has none or is absent)."""
        return self.result.get("open_source") if self.result else None

    @property
    def restrictions(self) -> list[dict[str, Any]]:
        return list(self.result.get("restrictions") or []) if self.result else []

    @property
    def noncommercial(self) -> bool:
        return any(r.get("kind") == NONCOMMERCIAL for r in self.restrictions)

    @property
    def license_string(self) -> str | None:
        """The license as one string for literal comparisons (SPDX id, else its name)."""
        for match in self.licenses:
            for key in ("spdx", "name", "key"):
                if match.get(key):
                    return str(match[key])
        return None

    def cited(self) -> Evidence:
        """The declaration's evidence with the analyzer's reading as its note."""
        verdict = tri_state(self.open_source, "open source", "not open source",
                            "open source status unknown")
        if self.result is None and self.declared.strip().lower() in NO_LICENSE_IDS:
            note = f"'{self.declared}' names no license" if self.declared else "no license declared"
        elif self.result is None:
            note = "not read: the license analyzer is not installed"
        elif not self.identified:
            note = (self.result.get("note") or "license not identified") + f"; {verdict}"
        else:
            note = f"{self.label}: {verdict}"
        kinds = sorted({str(r["kind"]) for r in self.restrictions if r.get("kind")})
        if kinds:
            note += f" (restrictions: {', '.join(kinds)})"
        if self.subject:
            note = f"{self.subject}: {note}"
        return Evidence(self.evidence.source, self.evidence.locator, self.evidence.quote, note)

    @property
    def label(self) -> str:
        """How messages name what the analyzer found ('Apache License 2.0'), else the text."""
        names = [str(m.get("name") or m.get("key")) for m in self.licenses if m.get("name") or m.get("key")]
        return ", ".join(dict.fromkeys(names)) if names else self.declared

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "declared": self.declared, "subject": self.subject,
                "scope": self.scope, "identified": self.identified,
                "licenses": [{k: m.get(k) for k in ("key", "spdx", "name", "family", "version")}
                             for m in self.licenses],
                "open_source": self.open_source,
                "restrictions": sorted({r.get("kind") for r in self.restrictions if r.get("kind")}),
                "note": (self.result or {}).get("note"),
                "evidence": self.evidence.to_dict()}


@dataclass
class LicensePicture:
    """Every license declaration of a target, and the verdict on the release's own terms."""

    analyzer: bool
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
        """Declarations the analyzer could not identify (only meaningful with the analyzer)."""
        if not self.analyzer:
            return []
        return [r for r in self.terms if not r.identified]

    def declared_name(self) -> str | None:
        """The license as the release declares it (card id or name, GGUF, or a file name)."""
        for source in ("card", "card-name", "gguf", "license-file"):
            found = [r.declared for r in self.model if r.source == source]
            if found:
                return ", ".join(found)
        return None

    def to_dict(self) -> dict[str, Any]:
        return {"model": [r.to_dict() for r in self.model],
                "base_models": [r.to_dict() for r in self.base_models],
                "datasets": [r.to_dict() for r in self.datasets]}
