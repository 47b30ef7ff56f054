"""CycloneDX 1.6 ML-BOM of a model, built with cyclonedx-python-lib.

The model is the BOM's subject (`metadata.component`, type `machine-learning-model`) with its
licenses, links and the openness properties of `formats.properties`; training data an index rates
as (partly) available are `data` components the model card points to. cyclonedx-python-lib has no
model-card type yet (CycloneDX/cyclonedx-python-lib#912), so the `modelCard` object is added to
the library's JSON output as the 1.6 schema defines it; `validate` checks the result against the
schema shipped with the library.

Licenses: an SPDX expression only when every id in it is on the SPDX list (a single id as
`license.id`), anything else as `license.name`, never as an SPDX id.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from opengauge import __version__
from opengauge.assess.report import Report
from opengauge.errors import CheckFailed
from opengauge.formats.bom import BomFacts, LicenseFacts, gather

SPEC_VERSION = "1.6"
REFERENCE_TYPES = {
    "website": "website",
    "model-card": "model-card",
    "documentation": "documentation",
    "source": "source-distribution",
    "distribution": "distribution",
    "license": "license",
    "other": "other",
}


def _license(facts: LicenseFacts, acknowledgement: str) -> Any:
    from cyclonedx import spdx
    from cyclonedx.model.license import DisjunctiveLicense, LicenseAcknowledgement, LicenseExpression

    ack = LicenseAcknowledgement(acknowledgement)
    if facts.spdx and spdx.is_supported_id(facts.spdx):
        return DisjunctiveLicense(id=facts.spdx, acknowledgement=ack)
    if facts.spdx:
        return LicenseExpression(facts.spdx, acknowledgement=ack)
    return DisjunctiveLicense(name=facts.name, acknowledgement=ack)


def _licenses(facts: BomFacts) -> list[Any]:
    """Declared and concluded licenses; CycloneDX allows one expression alone, or named/id licenses."""
    from cyclonedx.model.license import LicenseExpression

    chosen = [_license(facts.declared, "declared")] if facts.declared else []
    concluded = [_license(c, "concluded") for c in facts.concluded]
    if chosen and isinstance(chosen[0], LicenseExpression):
        return chosen
    if not chosen and len(concluded) == 1:
        return concluded
    return chosen + [c for c in concluded if not isinstance(c, LicenseExpression)]


def _references(facts: BomFacts) -> list[Any]:
    from cyclonedx.model import ExternalReference, ExternalReferenceType, XsUri

    return [ExternalReference(type=ExternalReferenceType(REFERENCE_TYPES[r.kind]), url=XsUri(r.url),
                              comment=r.comment) for r in facts.references]


def _model_card(facts: BomFacts, data_refs: list[str]) -> dict[str, Any]:
    """The `modelCard` object (CycloneDX 1.6) from what is known; empty parts are left out."""
    card = facts.card
    params: dict[str, Any] = {}
    if card.get("architecture"):
        params["architectureFamily"] = str(card["architecture"])
    if card.get("model_architecture"):
        params["modelArchitecture"] = str(card["model_architecture"])
    if card.get("task"):
        params["task"] = str(card["task"])
    if data_refs:
        params["datasets"] = [{"ref": ref} for ref in data_refs]
    if facts.outputs:
        params["outputs"] = [{"format": f} for f in facts.outputs]
    considerations: dict[str, Any] = {}
    for key, field in (("users", "users"), ("intended_use", "useCases"),
                       ("limitations", "technicalLimitations")):
        values = [str(v) for v in card.get(key) or []]
        if values:
            considerations[field] = values
    risks = [{"name": str(r)} for r in card.get("risks") or []]
    if risks:
        considerations["ethicalConsiderations"] = risks
    metrics = [{k: str(m[k]) for k in ("type", "value", "slice") if m.get(k) is not None}
               for m in card.get("metrics") or [] if isinstance(m, dict)]
    model_card: dict[str, Any] = {}
    if params:
        model_card["modelParameters"] = params
    if metrics:
        model_card["quantitativeAnalysis"] = {"performanceMetrics": metrics}
    if considerations:
        model_card["considerations"] = considerations
    return model_card


def build(report: Report) -> dict[str, Any]:
    """The CycloneDX 1.6 BOM of `report` as a JSON object."""
    from cyclonedx.model import ExternalReference, ExternalReferenceType, Property, XsUri
    from cyclonedx.model.bom import Bom
    from cyclonedx.model.component import Component, ComponentType
    from cyclonedx.model.contact import OrganizationalEntity
    from cyclonedx.output.json import JsonV1Dot6

    facts = gather(report)
    supplier = None
    if facts.org:
        supplier = OrganizationalEntity(name=facts.org,
                                        urls=[XsUri(facts.org_url)] if facts.org_url else None)
    model = Component(
        type=ComponentType.MACHINE_LEARNING_MODEL,
        name=facts.name,
        bom_ref=f"model:{facts.id}",
        supplier=supplier,
        description=facts.description,
        licenses=_licenses(facts),
        external_references=_references(facts),
        properties=[Property(name=n, value=v) for n, v in facts.properties],
        tags=facts.types or None,
    )
    data = [
        Component(
            type=ComponentType.DATA,
            name=d.name,
            bom_ref=f"data:{facts.id}:{d.key}",
            description=d.description,
            external_references=[ExternalReference(type=ExternalReferenceType.DISTRIBUTION,
                                                   url=XsUri(u), comment=d.source) for u in d.urls],
            properties=[Property(name="opengauge:data:level", value=d.level),
                        Property(name="opengauge:data:from", value=d.source)],
        )
        for d in facts.datasets
    ]
    bom = Bom(components=data)
    bom.metadata.component = model
    bom.metadata.tools.components.add(
        Component(type=ComponentType.APPLICATION, name="opengauge", version=__version__))
    if data:
        bom.register_dependency(model, data)
    document = json.loads(JsonV1Dot6(bom).output_as_string())
    model_card = _model_card(facts, [str(c.bom_ref) for c in data])
    if model_card:
        document["metadata"]["component"]["modelCard"] = model_card
    return document


def render(report: Report) -> str:
    """The BOM as indented JSON text."""
    return json.dumps(build(report), indent=2, ensure_ascii=False) + "\n"


@cache
def _validator() -> Any:
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    return JsonStrictValidator(SchemaVersion.V1_6)


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Every violation of the CycloneDX 1.6 JSON schema shipped with cyclonedx-python-lib."""
    errors = _validator().validate_str(json.dumps(document), all_errors=True)
    return [f"{'/'.join(str(p) for p in e.data.absolute_path)}: {e.data.message}" for e in errors or []]


def validate(document: dict[str, Any]) -> None:
    """Raise CheckFailed naming the first schema violations of `document`."""
    errors = schema_errors(document)
    if errors:
        raise CheckFailed(f"CycloneDX BOM is not valid against the 1.6 schema: {'; '.join(errors[:3])}")
