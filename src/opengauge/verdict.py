"""The headline of every report, catalog or automatic: are the weights available, and is the
model open source? One table decides (docs/rating-rules.md, "The headline verdict"):

1. a governing text (license or binding use policy) that the analyzer identified and judges
   not open source -> NOT open source, basis that text (a curated rating saying open beside it
   raises `curated-rating-disagrees`, quoting both);
2. else the OSAID verdict where there is one (pass -> open source, fail -> NOT open source);
3. else the EU index rule: its `licenses`, end-model weights and training code all open -> open
   source; licenses or weights closed -> NOT open source (the 2023 table's license, LLM weights
   and open code when the EU index has no record);
4. else unknown, naming what is missing.

Weights: the EU index's end-model weights level, else the MOT's `Model parameters (Final)`
(listed with a license -> available under it; listed without one -> no license recorded), else
the 2023 table's LLM-weights feature (never its RL-weights one); `weights_source` says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from opengauge.model import Assessment, Finding, tri_state

if TYPE_CHECKING:
    from opengauge.licenses.result import LicenseResult

EU_FRAMEWORKS = ("osai", "osai-14")
EU_KEYS = ("weights_endmodel", "licenses", "trainingcode")
OUC_KEYS = ("llmweights", "license", "opencode")
MOT_WEIGHTS = "Model parameters (Final)"
RULES = ("texts", "osaid", "eu-index", "unknown")
"""The row of the table that decided, as `summary.rule`."""

WEIGHTS_PHRASE = {
    "open": "open weights",
    "partial": "weights available with restrictions",
    "closed": "closed weights",
    "unknown": "weights unknown",
}
_SOURCE_NAME = {"osai": "EU index end-model weights", "osai-14": "EU index (14) end-model weights",
                "ouc-2023": "2023 table LLM weights", "mot": f"MOT {MOT_WEIGHTS}"}


@dataclass(frozen=True)
class Text:
    """A governing text as the table reads it."""

    label: str
    identified: bool
    open_source: bool | None
    kind: str = "license"
    basis: str | None = None

    @classmethod
    def of(cls, text: LicenseResult) -> Text:
        """From a governing text (`license.texts[]`: the analyzer's answer, annotated)."""
        names = ", ".join(dict.fromkeys(m.name or str(m.key) for m in text.matches
                                        if m.name or m.key))
        notes = text.annotations
        identified = text.identified and (
            notes.get("origin") == "record-note" or any(m.key or m.family for m in text.matches))
        return cls(names or str(notes.get("label") or text.path or "license text"),
                   identified, text.open_source, str(notes.get("kind") or "license"), text.basis)


@dataclass
class Headline:
    """The table's answer: the summary record and the findings it raises."""

    summary: dict[str, Any]
    findings: list[Finding]


def decide(texts: list[Text], assessments: dict[str, Assessment], *,
           terms: bool | str | None = "curated") -> Headline:
    """The headline of a model from its governing texts and its ratings by framework id.

    `terms` is the license analyzer's verdict on an automatically assessed release's terms; given
    (anything but "curated"), row 3 reads it in place of the EU `licenses` rating, which an
    automatic assessment cannot fill (no dataset licenses), and the weights need only be
    published (open or partial), as the EU rule does for one release."""
    weights, weights_source, weights_text = weights_of(assessments)
    summary: dict[str, Any] = {"weights": weights, "weights_source": weights_source,
                               "weights_text": weights_text, "open_source": None, "basis": None,
                               "rule": "unknown", "missing": []}
    findings: list[Finding] = []
    osaid = assessments.get("osaid")
    osaid_verdict = osaid.verdict if osaid is not None and osaid.verdict in ("pass", "fail") \
        else None
    eu_verdict, eu_basis, eu_missing = _eu_rule(assessments) if terms == "curated" \
        else _terms_rule(terms, weights)
    closed = [t for t in texts if t.identified and t.open_source is False]
    if closed:
        labels = dict.fromkeys(f"{t.label} ({t.kind})" for t in closed)
        summary.update(open_source=False, rule="texts", basis="governing text: " + "; ".join(labels))
        findings += _disagreements(closed[0], osaid, osaid_verdict, eu_verdict, eu_basis,
                                   assessments)
    elif osaid_verdict is not None and osaid is not None:
        summary.update(open_source=osaid_verdict == "pass", rule="osaid",
                       basis=f"osaid: {osaid_verdict} ({osaid.source_file})")
    elif eu_verdict is not None:
        summary.update(open_source=eu_verdict, rule="eu-index", basis=eu_basis)
    else:
        summary["missing"] = _missing(texts, eu_missing, eu_basis)
        summary["basis"] = "missing: " + "; ".join(summary["missing"])
    return Headline(summary, findings)


def weights_of(assessments: dict[str, Assessment]) -> tuple[str, str | None, str]:
    """(level, source, wording) of the weights, by the order in the module docstring."""
    for framework_id in EU_FRAMEWORKS:
        found = assessments.get(framework_id)
        rating = found.rating("weights_endmodel") if found is not None else None
        if rating is not None and rating.level != "unknown":
            source = f"{framework_id}: weights_endmodel ({found.source_file})"  # type: ignore[union-attr]
            return rating.level, source, f"{WEIGHTS_PHRASE[rating.level]} ({_SOURCE_NAME[framework_id]})"
    mot = assessments.get("mof")
    if mot is not None:
        listed = _mot_weights(mot)
        if listed is not None:
            license_id, is_open = listed
            source = f"mot: {MOT_WEIGHTS} ({mot.source_file})"
            if license_id is None:
                return "unknown", source, f"weights listed, no license recorded ({_SOURCE_NAME['mot']})"
            level = "open" if is_open else "partial"
            return level, source, f"weights available under '{license_id}' ({_SOURCE_NAME['mot']})"
    ouc = assessments.get("ouc-2023")
    rating = ouc.rating("llmweights") if ouc is not None else None
    if ouc is not None and rating is not None and rating.level != "unknown":
        source = f"ouc-2023: llmweights ({ouc.source_file})"
        return rating.level, source, f"{WEIGHTS_PHRASE[rating.level]} ({_SOURCE_NAME['ouc-2023']})"
    return "unknown", None, WEIGHTS_PHRASE["unknown"]


def weights_released(assessments: dict[str, Assessment]) -> bool | None:
    """False when no weights are released: the EU index rates the end-model weights closed, or
    the MOT record lists no final parameters (and no EU level says otherwise); True when a source
    says they are available; None when nothing says."""
    for framework_id in EU_FRAMEWORKS:
        found = assessments.get(framework_id)
        rating = found.rating("weights_endmodel") if found is not None else None
        if rating is not None and rating.level != "unknown":
            return rating.level != "closed"
    mot = assessments.get("mof")
    if mot is not None:
        return _mot_weights(mot) is not None
    ouc = assessments.get("ouc-2023")
    rating = ouc.rating("llmweights") if ouc is not None else None
    if rating is not None and rating.level != "unknown":
        return rating.level != "closed"
    return None


def _mot_weights(mot: Assessment) -> tuple[str | None, bool] | None:
    """(license or None, whether the MOF counts it open) when the release lists its final
    parameters; None when it does not."""
    from opengauge.frameworks.mof import listed_components, status_of

    fact = listed_components(mot).get(MOT_WEIGHTS)
    if fact is None or not fact.listed:
        return None
    status = status_of(fact.license)
    return (None, False) if status == "unlicensed" else (fact.license, status is None)


def _eu_rule(assessments: dict[str, Assessment]) -> tuple[bool | None, str | None, list[str]]:
    """(verdict, basis, what is unknown) of the EU index rule (the 2023 table without one)."""
    for framework_id, keys in [*((f, EU_KEYS) for f in EU_FRAMEWORKS), ("ouc-2023", OUC_KEYS)]:
        found = assessments.get(framework_id)
        if found is None:
            continue
        levels = found.levels()
        weights, licenses, code = (levels.get(k, "unknown") for k in keys)
        basis = f"{framework_id}: {', '.join(keys)} ({found.source_file})"
        if licenses == "open" and weights == "open" and code == "open":
            return True, basis, []
        if "closed" in (licenses, weights):
            return False, basis, []
        return None, basis, [f"{k} {v}" for k, v in zip(keys, (weights, licenses, code),
                                                         strict=True) if v != "open"]
    return None, None, []


def _terms_rule(terms: bool | str | None, weights: str) -> tuple[bool | None, str, list[str]]:
    """Row 3 for an automatic assessment: the release's terms and its end-model weights."""
    basis = "automatic: license terms (license analyzer), osai weights_endmodel"
    if terms is False or weights == "closed":
        return False, basis, []
    if terms is True and weights in ("open", "partial"):
        return True, basis, []
    missing = ([] if terms is True else ["license terms undetermined"]) + (
        [] if weights in ("open", "partial") else [f"weights_endmodel {weights}"])
    return None, basis, missing


def _missing(texts: list[Text], eu_missing: list[str], eu_basis: str | None) -> list[str]:
    missing = []
    if not any(t.identified for t in texts):
        missing.append("no governing license text identified")
    missing.append("no OSAID verdict")
    if eu_basis is None:
        missing.append("no EU index or 2023 table record")
    elif eu_basis.startswith("automatic"):
        missing += eu_missing
    else:
        missing.append(f"{eu_basis.split(':')[0]} rates {', '.join(eu_missing)} (open source needs "
                       "all open; closed licenses or weights decide NOT open source)")
    return missing


def _disagreements(text: Text, osaid: Assessment | None, osaid_verdict: str | None,
                   eu_verdict: bool | None, eu_basis: str | None,
                   assessments: dict[str, Assessment]) -> list[Finding]:
    """`curated-rating-disagrees` for each curated rating that calls the model open while the
    governing text is not."""
    said: list[str] = []
    if osaid_verdict == "pass" and osaid is not None and osaid.provenance != "automatic":
        said.append(f"osaid: pass ({osaid.source_file})")
    if eu_verdict is True and eu_basis and not _automatic(assessments, eu_basis):
        said.append(f"{eu_basis}: all open")
    for framework_id in EU_FRAMEWORKS:
        found = assessments.get(framework_id)
        rating = found.rating("licenses") if found is not None else None
        if found is not None and found.provenance != "automatic" and rating is not None \
                and rating.level == "open" and not any(s.startswith(framework_id + ":") for s in said):
            said.append(f"{framework_id}: licenses open ({found.source_file})")
    text_says = f"the governing text {text.label} ({text.kind}) is not open source" + (
        f" ({text.basis})" if text.basis else "")
    if not said:
        return []
    return [Finding("curated-rating-disagrees", "warning",
                    f"curated rating says open ({'; '.join(said)}), but {text_says}",
                    [], {"curated": said, "text": text.label})]


def _automatic(assessments: dict[str, Assessment], basis: str) -> bool:
    found = assessments.get(basis.split(":")[0])
    return found is not None and found.provenance == "automatic"


def headline_text(name: str, org: str | None, summary: dict[str, Any]) -> str:
    """'Llama 2 (Meta) — weights available under ... (source), NOT open source'."""
    weights = summary.get("weights_text") or WEIGHTS_PHRASE.get(summary.get("weights") or "unknown",
                                                                "weights unknown")
    verdict = tri_state(summary.get("open_source"), "open source", "NOT open source",
                        "open source status unknown")
    return f"{name}{f' ({org})' if org else ''} — {weights}, {verdict}"
