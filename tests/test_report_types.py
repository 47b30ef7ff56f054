"""Typed report sections (issue 14, item 3): the analyzer's results and the license section are
dataclasses whose one JSON form is the contract, and a stored record reads back to the same
JSON, key order included."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengauge import licenses
from opengauge.app.curated import model
from opengauge.app.session import Session, SessionConfig
from opengauge.assess import analyzer
from opengauge.assess.report import AssessedLicense, CuratedLicense, license_section
from opengauge.compliance.texts import catalog_texts
from opengauge.licenses.result import LicenseResult
from reference_data import REFERENCE

CARDS = REFERENCE / "hub" / "cards"
AI_TEXTS = sorted((REFERENCE / "licenses" / "ai").glob("*.txt"))


def same_json(a: object, b: object) -> bool:
    """Equal as written (key order counts)."""
    return json.dumps(a) == json.dumps(b)


@pytest.fixture(scope="module")
def session() -> Session:
    return Session(SessionConfig(offline=True))


@pytest.mark.slow
def test_every_governing_text_of_the_catalog_reads_back_unchanged(session: Session) -> None:
    read = 0
    for model_id in session.ids():
        view = model(session, model_id)
        for text in catalog_texts(view.subject, view.frameworks).texts:
            assert same_json(LicenseResult.from_dict(text.record).to_dict(), text.record), model_id
            read += 1
    assert read > 200


@pytest.mark.parametrize("path", AI_TEXTS[:12], ids=lambda p: p.name)
def test_analyzer_answers_on_real_texts_read_back_unchanged(path) -> None:
    answer = licenses.analyze_text(path.read_text(errors="replace"), path.name).to_dict()
    again = LicenseResult.from_dict(answer)
    assert same_json(again.to_dict(), answer)
    assert again.identified == answer["identified"]
    assert [m.key for m in again.matches] == [m["key"] for m in answer["matches"]]


def test_annotations_follow_the_analyzers_keys_and_survive_a_round_trip() -> None:
    result = licenses.lookup_id("apache-2.0")
    record = {**result.to_dict(), "label": "LICENSE", "origin": "file"}
    typed = LicenseResult.from_dict(record)
    assert typed.annotations == {"label": "LICENSE", "origin": "file"}
    assert same_json(typed.to_dict(), record)
    typed.annotations["source"] = "card"  # added later: written after the others
    assert list(typed.to_dict())[-3:] == ["label", "origin", "source"]


def test_a_hand_made_record_keeps_exactly_its_keys() -> None:
    record = {"path": None, "label": "record note", "identified": True,
              "matches": [{"name": "record note: Non-commercial license", "kind": "use-policy"}],
              "restrictions": [{"kind": "non-commercial", "quote": "Non-commercial", "lines": []}]}
    typed = LicenseResult.from_dict(record)
    assert typed.matches[0].kind == "use-policy" and typed.restrictions[0].kind == "non-commercial"
    assert same_json(typed.to_dict(), record)


JSON_SCALARS = st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=8)
MATCHES = st.fixed_dictionaries({"name": st.text(max_size=10)},
                                optional={"key": st.none() | st.text(max_size=6),
                                          "kind": st.sampled_from(["license", "use-policy"]),
                                          "score": st.floats(0, 1), "version": JSON_SCALARS,
                                          "statement": st.none() | st.text(max_size=5),
                                          "members": st.none() | st.lists(st.text(max_size=3))})
RESTRICTIONS = st.fixed_dictionaries(
    {"kind": st.sampled_from(["non-commercial", "user-threshold", "territorial"])},
    optional={"quote": st.text(max_size=10), "lines": st.lists(st.integers(1, 99), max_size=2),
              "value": st.none(), "osd": st.lists(st.integers(1, 10), max_size=3),
              "source": st.none() | st.text(min_size=1, max_size=5)})
RECORDS = st.fixed_dictionaries(
    {}, optional={"id": st.text(max_size=5), "path": st.none() | st.text(max_size=8),
                  "identified": st.booleans(), "matches": st.lists(MATCHES, max_size=2),
                  "restrictions": st.lists(RESTRICTIONS, max_size=2),
                  "open_source": st.none() | st.booleans(), "note": JSON_SCALARS,
                  "label": st.text(max_size=5), "why": st.text(max_size=5)})


@settings(max_examples=200, deadline=None)
@given(RECORDS)
def test_any_record_reads_back_to_the_same_json(record: dict) -> None:
    assert same_json(LicenseResult.from_dict(record).to_dict(), record)


@pytest.mark.parametrize("model_id", ["llama-2", "olmo", "pythia", "mistral-7b"])
def test_a_curated_license_section_reads_back_unchanged(session: Session, model_id: str) -> None:
    report = session.check(model_id)
    assert isinstance(report.license, CuratedLicense)
    stored = report.license_dict()
    again = license_section(json.loads(json.dumps(stored)))
    assert isinstance(again, CuratedLicense) and same_json(again.to_dict(), stored)
    assert [t.annotations.get("label") for t in again.texts] == [t["label"] for t in stored["texts"]]


def test_an_assessed_license_section_reads_back_unchanged(session: Session) -> None:
    from opengauge.app.checking import check_target

    report = check_target(session, str(CARDS / "meta-llama__Llama-3.2-1B"))
    assert isinstance(report.license, AssessedLicense)
    stored = report.license_dict()
    assert stored["declared"] and stored["analysis"]["results"]
    again = license_section(json.loads(json.dumps(stored)))
    assert isinstance(again, AssessedLicense) and same_json(again.to_dict(), stored)
    assert again.declared[0].evidence.locator.file == stored["declared"][0]["evidence"]["locator"]["file"]


def test_an_empty_license_section_is_none_and_writes_as_an_empty_object() -> None:
    assert license_section({}) is None and license_section(None) is None


def test_the_analyzer_seam_answers_typed_results_and_caches_them() -> None:
    first = analyzer.lookup_id("apache-2.0")
    assert isinstance(first, LicenseResult) and first.identified
    assert analyzer.lookup_id("apache-2.0") is first
    refused = analyzer.lookup_id("MIT AND (")
    assert not refused.identified and refused.note
    assert list(refused.to_dict()) == ["identified", "matches", "restrictions", "open_source",
                                       "basis", "osd_violations", "note"]


def test_a_refused_license_id_keeps_the_declared_path_in_every_output(session: Session,
                                                                       tmp_path) -> None:
    """An id the analyzer does not know: its result is written with the declaration as its path
    (after the keys the refusal has), and can-i names the declaration, not "license"."""
    from opengauge.app.checking import check_target
    from opengauge.compliance.can_i import report_texts

    (tmp_path / "README.md").write_text("---\nlicense: acme-model-license-9\n---\n# M\n")
    (tmp_path / "config.json").write_text("{}")
    report = check_target(session, str(tmp_path))
    [result] = report.license_dict()["analysis"]["results"]
    assert result["path"] == "acme-model-license-9" and not result["identified"]
    assert list(result)[-3:] == ["path", "source", "scope"]
    texts, _ = report_texts(report)
    assert [t.label for t in texts] == ["acme-model-license-9"]


def test_a_stored_restriction_keeps_its_recorded_criteria() -> None:
    """A report stored by another version: `diff` compares the criteria it recorded."""
    stored = {"kind": "user-threshold", "quote": "700 million", "lines": [4, 4], "value": None,
              "osd": [99]}
    result = LicenseResult.from_dict({"identified": False, "restrictions": [stored]})
    assert result.restrictions[0].osd == [99]
    assert result.to_dict()["restrictions"] == [stored]
