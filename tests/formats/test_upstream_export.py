"""Upstream export: EU-index records read back by opengauge's own reader to the same ratings, and
MOT records valid against the MOT's schema, listing only components with evidence."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from opengauge import api
from opengauge.assess.report import Report
from opengauge.catalog.readers import reader
from opengauge.errors import BadInput
from opengauge.formats import mot_yaml, osai_yaml
from opengauge.model import Assessment, Evidence, Locator, Ranked, Rating
from reference_data import REFERENCE

SOURCES = {"osai": "osai-index", "osai-14": "osai-index-14"}


def _triples(assessment: Assessment) -> dict[str, tuple[str, list[str], str | None]]:
    return {r.dimension: (r.level, [e.locator.url for e in r.evidence if e.locator.url],
                          next((e.note for e in r.evidence if e.note), None))
            for r in assessment.ratings}


@pytest.mark.slow
@pytest.mark.parametrize("framework_id", ["osai", "osai-14"])
def test_every_bundled_eu_record_round_trips(framework_id: str, tmp_path: Path) -> None:
    eu_reader = reader(SOURCES[framework_id])
    entries = api.ranked(framework_id)
    assert len(entries) > 150
    for entry in entries:
        original = entry.assessment
        report = Report(subject=original.subject, frameworks={framework_id: entry})
        path = tmp_path / (original.source_file or "record.yaml")
        path.write_text(osai_yaml.build(report, framework_id), "utf-8")
        again = eu_reader.read_record(path)
        assert again is not None, original.source_file
        assert _triples(again) == _triples(original), original.source_file
        for field in ("name", "org", "org_link", "type", "link", "base_model", "end_model", "license",
                      "release_date", "notes"):
            assert getattr(again.subject, field) == getattr(original.subject, field), \
                (original.source_file, field)


def test_export_keeps_the_index_layout() -> None:
    text = osai_yaml.build(api.check("llama-3.1"))
    data = yaml.safe_load(text)
    assert list(data)[:2] == ["system", "org"]
    assert data["weights_endmodel"] == {
        "class": "closed", "link": None,
        "notes": "Inspecting the training weights requires signing Meta Llama 3.1's bespoke "
                 "'community license', not an OSI recognised open license"}
    assert data["preprint"]["link"] == ["https://arxiv.org/abs/2407.21783",
                                        "https://ai.meta.com/blog/meta-llama-3-1/"]
    assert "# availability:" in text and "CC-BY-4.0" in text


def test_an_automatic_rating_writes_its_evidence_as_links_and_notes(tmp_path: Path) -> None:
    subject = api.check("olmo").subject
    rating = Rating("weights_endmodel", "partial", [
        Evidence("hub", Locator(url="https://huggingface.co/x/y", field="gated"), quote="gated: auto"),
        Evidence("card", Locator(file="README.md", line=3), note="license: other")], "medium")
    assessment = Assessment(subject, "osai", [rating], provenance="automatic")
    text = osai_yaml.build(Report(subject, frameworks={"osai": Ranked(assessment, 1, 1)}))
    path = tmp_path / "auto.yaml"
    path.write_text(text, "utf-8")
    again = reader("osai-index").read_record(path)
    assert again.rating("weights_endmodel").level == "partial"
    assert again.rating("weights_endmodel").evidence[0].locator.url == "https://huggingface.co/x/y"
    assert again.rating("weights_endmodel").evidence[0].note == "gated: auto license: other"
    assert again.rating("licenses").level == "unknown"  # no rating -> blank class


def test_export_without_the_parameter_set_is_refused() -> None:
    report = api.check("chatgpt")  # only in the 2023 table
    with pytest.raises(BadInput, match="no osai assessment"):
        osai_yaml.build(report)
    with pytest.raises(BadInput, match="osai or osai-14"):
        osai_yaml.build(api.check("olmo"), "ouc-2023")


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.text(), st.lists(st.text(min_size=1), min_size=2, max_size=3)))
def test_scalars_read_back_unchanged(value: str | list[str]) -> None:
    text = f"key: {osai_yaml.scalar(value)}\n"
    loaded = yaml.safe_load(text)["key"]
    expected = value if value not in ("", None) else None
    assert loaded == expected


@pytest.fixture(scope="module")
def mot_schema() -> dict:
    return json.loads((REFERENCE / "mot" / "mof_schema.json").read_text("utf-8"))


@pytest.mark.slow
def test_every_eu_model_gives_a_schema_valid_mot_record(mot_schema: dict) -> None:
    validator = jsonschema.Draft7Validator(mot_schema, format_checker=jsonschema.FormatChecker())
    for entry in api.ranked("osai"):
        report = Report(subject=entry.assessment.subject, frameworks={"osai": entry})
        record = yaml.safe_load(mot_yaml.build(report))
        errors = [e.message for e in validator.iter_errors(record)]
        assert errors == [], (entry.assessment.source_file, errors)


def test_mot_components_are_listed_only_with_evidence() -> None:
    record = yaml.safe_load(mot_yaml.build(api.check("llama-3.1")))
    names = [c["name"] for c in record["release"]["components"]]
    # trainingcode, modelcard partial; preprint open; end-model weights, data, datasheet, paper closed
    assert names == ["Training code", "Model card", "Technical report"]
    assert record["release"]["components"][0]["component_path"] == "https://github.com/meta-llama/llama3"
    assert record["release"]["license"]["distribution"]["name"] == "Meta Llama 3 Community License"
    assert record["release"]["producer"] == "Meta" and record["release"]["type"] == "language"
    assert all("license" not in c for c in record["release"]["components"])
    text = mot_yaml.build(api.check("llama-3.1"))
    assert "#   Model parameters (Final): osai weights_endmodel: closed" in text


def test_mot_record_of_an_open_model_lists_all_derived_components() -> None:
    record = yaml.safe_load(mot_yaml.build(api.check("olmo-3")))
    assert [c["name"] for c in record["release"]["components"]] == [
        "Training code", "Model parameters (Final)", "Datasets", "Model card", "Data card",
        "Technical report", "Research paper"]


def test_mot_release_type() -> None:
    assert mot_yaml.release_type(["text"]) == "language"
    assert mot_yaml.release_type(["text", "code"]) == "language"
    assert mot_yaml.release_type(["code"]) == "code"
    assert mot_yaml.release_type(["image"]) == "image"
    assert mot_yaml.release_type(["text", "image"]) == "multimodal"
    assert mot_yaml.release_type([]) == ""
