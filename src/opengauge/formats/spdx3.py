"""SPDX 3.0.1 AI-BOM of a model (AI and Dataset profiles), built with spdx-python-model.

The document holds an `SpdxDocument` whose root is a `software_Sbom`; the Sbom's root is the model
as an `ai_AIPackage`; training data an index rates as (partly) available are
`dataset_DatasetPackage`s linked by a `trainedOn` relationship. Every package has exactly one
`hasDeclaredLicense` and one `hasConcludedLicense` relationship, as the AI and Dataset profiles
require (`NoAssertionLicense` where nothing is known). The openness properties travel as a
`CdxPropertiesExtension`, with the same names and values as in the CycloneDX BOM.

`validate` loads the JSON-LD back with spdx-python-model (types, enumerations, required
properties) and runs `structure_errors`, a check of what the library does not verify: references
resolve, ids are unique, profile conformance and license relationships hold.
"""

from __future__ import annotations

import io
import json
import os
import re
import uuid
from datetime import UTC, datetime
from typing import Any

from opengauge import __version__
from opengauge.assess.report import Report
from opengauge.errors import CheckFailed
from opengauge.formats.bom import BomFacts, LicenseFacts, gather, spdx_expression

CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"
SPEC_VERSION = "3.0.1"
REFERENCE_TYPES = {
    "website": "altWebPage",
    "model-card": "documentation",
    "documentation": "documentation",
    "source": "sourceArtifact",
    "distribution": "altDownloadLocation",
    "license": "license",
    "other": "other",
}
DATASET_TYPES = {"text": "text", "code": "text", "image": "image", "video": "video", "audio": "audio"}
LICENSE_INDIVIDUALS = {"expandedlicensing_NoAssertionLicense", "expandedlicensing_NoneLicense"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _created() -> datetime:
    """Now, or `$SOURCE_DATE_EPOCH` for reproducible output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC).replace(microsecond=0)


class _Builder:
    """Collects the elements of one document under one id namespace."""

    def __init__(self, facts: BomFacts) -> None:
        from spdx_python_model import v3_0_1 as m

        self.m = m
        self.facts = facts
        created = _created()
        stamp = uuid.uuid5(uuid.NAMESPACE_URL, f"{facts.id}@{created.isoformat()}") \
            if os.environ.get("SOURCE_DATE_EPOCH") else uuid.uuid4()
        self.base = f"urn:opengauge:{facts.id}:{stamp}"
        self.info = m.CreationInfo(specVersion=SPEC_VERSION, created=created)
        self.elements: list[Any] = []
        self._count = 0
        agent = m.SoftwareAgent(spdxId=self.id("opengauge"), name="opengauge", creationInfo=self.info)
        tool = m.Tool(spdxId=self.id("tool"), name=f"opengauge {__version__}", creationInfo=self.info)
        self.info.createdBy = [agent]
        self.info.createdUsing = [tool]
        self.agents = [agent, tool]

    def id(self, local: str) -> str:
        return f"{self.base}#{local}"

    def add(self, element: Any) -> Any:
        self.elements.append(element)
        return element

    def relationship(self, source: Any, kind: str, targets: list[Any]) -> Any:
        self._count += 1
        m = self.m
        return self.add(m.Relationship(
            spdxId=self.id(f"relationship-{self._count}"), creationInfo=self.info, from_=source,
            to=targets, relationshipType=getattr(m.RelationshipType, kind)))

    def license(self, local: str, facts: list[LicenseFacts]) -> Any:
        """A license expression element, or NoAssertionLicense when nothing is known."""
        m = self.m
        if not facts:
            return m.expandedlicensing_IndividualLicensingInfo.NoAssertionLicense
        parts = [f.expression for f in facts]
        expression = parts[0] if len(parts) == 1 else " AND ".join(f"({p})" for p in parts)
        names = "; ".join(f"{f.name} (not on the SPDX license list)" if f.ref else f.name for f in facts)
        return self.add(m.simplelicensing_LicenseExpression(
            spdxId=self.id(local), creationInfo=self.info, comment=names,
            simplelicensing_licenseExpression=expression))

    def properties(self, pairs: list[tuple[str, str]]) -> list[Any]:
        m = self.m
        return [m.extension_CdxPropertiesExtension(extension_cdxProperty=[
            m.extension_CdxPropertyEntry(extension_cdxPropName=n, extension_cdxPropValue=v)
            for n, v in pairs])] if pairs else []

    def model(self) -> Any:
        m, facts = self.m, self.facts
        card = facts.card
        package = m.ai_AIPackage(spdxId=self.id("model"), creationInfo=self.info, name=facts.name,
                                 software_primaryPurpose=m.software_SoftwarePurpose.model)
        if facts.description:
            package.description = facts.description
        if facts.homepage:
            package.software_homePage = facts.homepage
        if facts.download:
            package.software_downloadLocation = facts.download
        if facts.release_date and DATE.match(facts.release_date):
            package.releaseTime = datetime.fromisoformat(facts.release_date).replace(tzinfo=UTC)
        if facts.org:
            supplier = self.add(m.Organization(spdxId=self.id("supplier"), creationInfo=self.info,
                                               name=facts.org))
            package.suppliedBy = supplier
        package.ai_domain = list(facts.types)
        package.ai_typeOfModel = [str(card[k]) for k in ("architecture", "model_architecture")
                                  if card.get(k)]
        if card.get("limitations"):
            package.ai_limitation = " ".join(str(v) for v in card["limitations"])
        if card.get("intended_use"):
            package.ai_informationAboutApplication = " ".join(str(v) for v in card["intended_use"])
        package.ai_metric = [m.DictionaryEntry(key=str(x["type"]), value=str(x["value"]))
                             for x in card.get("metrics") or []
                             if isinstance(x, dict) and x.get("type") and x.get("value") is not None]
        package.externalRef = [
            m.ExternalRef(externalRefType=getattr(m.ExternalRefType, REFERENCE_TYPES[r.kind]),
                          locator=[r.url], comment=r.comment)
            for r in facts.references
        ]
        package.extension = self.properties(facts.properties)
        return self.add(package)

    def dataset(self, index: int) -> Any:
        m = self.m
        data = self.facts.datasets[index]
        kinds = sorted({DATASET_TYPES[t] for t in self.facts.types if t in DATASET_TYPES}) or ["noAssertion"]
        package = m.dataset_DatasetPackage(
            spdxId=self.id(f"dataset-{data.key}"), creationInfo=self.info, name=data.name,
            software_primaryPurpose=m.software_SoftwarePurpose.data,
            dataset_datasetType=[getattr(m.dataset_DatasetType, k) for k in kinds])
        if data.description:
            package.description = data.description
        if data.urls:
            package.software_downloadLocation = data.urls[0]
        package.extension = self.properties([("opengauge:data:level", data.level),
                                             ("opengauge:data:from", data.source)])
        return self.add(package)

    def document(self) -> Any:
        m, facts = self.m, self.facts
        model = self.model()
        self.relationship(model, "hasDeclaredLicense",
                          [self.license("license-declared", [facts.declared] if facts.declared else [])])
        self.relationship(model, "hasConcludedLicense",
                          [self.license("license-concluded", facts.concluded)])
        datasets = [self.dataset(i) for i in range(len(facts.datasets))]
        for dataset in datasets:
            self.relationship(dataset, "hasDeclaredLicense", [self.license("", [])])
            self.relationship(dataset, "hasConcludedLicense", [self.license("", [])])
        if datasets:
            self.relationship(model, "trainedOn", datasets)
        sbom = m.software_Sbom(spdxId=self.id("sbom"), creationInfo=self.info, name=f"AI-BOM of {facts.name}",
                               rootElement=[model], element=list(self.elements),
                               software_sbomType=[m.software_SbomType.analyzed])
        # Not "extension": SPDX 3.0.1's JSON schema allows only the short name, which its JSON-LD
        # context reads as the Core/extension property, so SHACL validation rejects the document.
        # The extension elements (opengauge's properties) are there all the same.
        profiles = ["core", "software", "ai", "simpleLicensing"]
        profiles += ["dataset"] if datasets else []
        return m.SpdxDocument(
            spdxId=self.id("document"), creationInfo=self.info, name=f"opengauge AI-BOM: {facts.name}",
            rootElement=[sbom], element=[sbom, *self.elements, *self.agents],
            profileConformance=[getattr(m.ProfileIdentifierType, p) for p in profiles],
            comment="Openness ratings as published by their sources; see the opengauge:data:* "
                    "properties for each dataset's snapshot and attribution.")


def build(report: Report) -> dict[str, Any]:
    """The SPDX 3.0.1 JSON-LD document of `report`."""
    builder = _Builder(gather(report))
    document = builder.document()
    m = builder.m
    objects = m.SHACLObjectSet()
    for element in [document, *document.element]:
        objects.add(element)
    out = io.BytesIO()
    m.JSONLDSerializer().write(objects, out)
    return json.loads(out.getvalue())


def render(report: Report) -> str:
    """The document as indented JSON-LD text."""
    return json.dumps(build(report), indent=2, ensure_ascii=False) + "\n"


def model_errors(document: dict[str, Any]) -> list[str]:
    """What spdx-python-model rejects when loading `document` and writing it back."""
    from spdx_python_model import load_data

    try:
        model, objects = load_data(document)
        model.JSONLDSerializer().write(objects, io.BytesIO())
    except Exception as error:  # the library raises TypeError, ValueError, KeyError, LoadError
        return [f"{type(error).__name__}: {error}"]
    return []


def _refs(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def structure_errors(document: dict[str, Any]) -> list[str]:
    """Checks beyond the library: context, unique ids, resolvable references, one SpdxDocument,
    profile conformance, exactly one declared and one concluded license per package, license
    expressions made of SPDX-list ids or LicenseRefs."""
    errors: list[str] = []
    if document.get("@context") != CONTEXT:
        errors.append(f"@context must be {CONTEXT}")
    graph = document.get("@graph")
    if not isinstance(graph, list) or not graph:
        return [*errors, "@graph must be a non-empty list"]
    ids: dict[str, dict[str, Any]] = {}
    for node in graph:
        key = node.get("spdxId") or node.get("@id")
        if not node.get("type"):
            errors.append(f"{key}: no type")
        if key in ids:
            errors.append(f"{key}: id used twice")
        ids[key] = node
    for node in graph:
        key = node.get("spdxId") or node.get("@id")
        if node.get("type") != "CreationInfo" and node.get("creationInfo") not in ids:
            errors.append(f"{key}: creationInfo does not resolve")
        for field in ("from", "to", "element", "rootElement", "createdBy", "createdUsing", "suppliedBy"):
            for ref in _refs(node.get(field)):
                if ref not in ids and ref not in LICENSE_INDIVIDUALS:
                    errors.append(f"{key}: {field} {ref} does not resolve")
    documents = [n for n in graph if n.get("type") == "SpdxDocument"]
    if len(documents) != 1:
        errors.append(f"expected one SpdxDocument, found {len(documents)}")
    else:
        profiles = set(documents[0].get("profileConformance") or [])
        for kind, profile in (("ai_AIPackage", "ai"), ("dataset_DatasetPackage", "dataset")):
            if any(n.get("type") == kind for n in graph) and profile not in profiles:
                errors.append(f"SpdxDocument: {kind} present but profile '{profile}' not declared")
    relationships = [n for n in graph if n.get("type") == "Relationship"]
    for node in graph:
        if node.get("type") not in ("ai_AIPackage", "dataset_DatasetPackage"):
            continue
        for kind in ("hasDeclaredLicense", "hasConcludedLicense"):
            found = [r for r in relationships if r.get("from") == node["spdxId"]
                     and r.get("relationshipType") == kind]
            if len(found) != 1:
                errors.append(f"{node['spdxId']}: expected one {kind} relationship, found {len(found)}")
                continue
            for target in _refs(found[0].get("to")):
                target_type = ids.get(target, {}).get("type")
                if target not in LICENSE_INDIVIDUALS and target_type != "simplelicensing_LicenseExpression":
                    errors.append(f"{node['spdxId']}: {kind} points to {target_type or target}, "
                                  "not a license")
    for node in graph:
        if node.get("type") == "simplelicensing_LicenseExpression":
            expression = str(node.get("simplelicensing_licenseExpression") or "")
            if not _expression_ok(expression):
                errors.append(f"{node['spdxId']}: '{expression}' is neither an SPDX expression "
                              "nor a LicenseRef")
    return errors


def _expression_ok(expression: str) -> bool:
    parts = [p for p in re.split(r"\s+(?:AND|OR|WITH)\s+|[()]", expression) if p.strip()]
    return bool(parts) and all(re.fullmatch(r"LicenseRef-[A-Za-z0-9.-]+", p.strip())
                               or spdx_expression(p.strip()) for p in parts)


def validate(document: dict[str, Any]) -> None:
    """Raise CheckFailed naming what is wrong with `document`."""
    errors = model_errors(document) + structure_errors(document)
    if errors:
        raise CheckFailed(f"SPDX 3 document is not valid: {'; '.join(errors[:3])}")
