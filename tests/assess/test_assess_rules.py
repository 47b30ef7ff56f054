"""The rating rules on real cards: levels, evidence, confidence, and `unknown` without evidence."""

from __future__ import annotations

import pytest

from opengauge.model import LEVELS

from .conftest import (
    CARDS,
    apache_text,
    card_with,
    needs_cards,
    ratings,
    release,
)

pytestmark = needs_cards
SLUGS = sorted(p.name for p in CARDS.iterdir() if p.is_dir()) if CARDS.is_dir() else []


def hub_id(slug: str) -> str:
    return slug.replace("__", "/", 1)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_reference_card_gets_ratings_with_evidence_and_confidence(check, slug):
    report = check(hub_id(slug))
    automatic = report.context.get("automatic") or report.frameworks
    assert set(automatic) == {"osai", "osai-14", "mof", "osaid"}
    for framework_id, entry in automatic.items():
        assert entry.assessment.provenance == "automatic"
        for rating in entry.assessment.ratings:
            assert rating.level in LEVELS
            assert rating.evidence, f"{framework_id}:{rating.dimension} has no evidence"
            for evidence in rating.evidence:
                where = evidence.locator
                assert where.url or where.file or where.field, f"{rating.dimension}: no locator"
            if rating.level == "unknown":
                assert rating.confidence is None
            else:
                assert rating.confidence in ("high", "medium", "low"), rating.dimension
    assert len(report.provenance.revision) == 40  # the Hub commit sha


def test_gated_weights_are_partial_whatever_the_license(check, hub):
    hub.add_model("org/gated", {"README.md": "---\nlicense: apache-2.0\n---\n# M\n",
                                "model.safetensors": b"\0" * 8}, gated="auto")
    rating = ratings(check("org/gated"))["weights_endmodel"]
    assert (rating.level, rating.confidence) == ("partial", "high")
    assert rating.evidence[1].locator.field == "gated"
    assert "accepted terms" in rating.evidence[1].note


def test_card_gating_fields_make_local_weights_partial(check, tmp_path):
    folder = release(tmp_path, "google__gemma-2b-sfp-cpp")
    rating = ratings(check(str(folder)))["weights_endmodel"]
    assert (rating.level, rating.confidence) == ("partial", "medium")
    assert rating.evidence[1].locator.field.startswith("extra_gated_")
    assert rating.evidence[1].locator.line is not None


def test_no_weights_is_unknown_never_closed(check, tmp_path):
    folder = release(tmp_path, "mistralai__Mistral-7B-Instruct-v0.2", weights=False)
    rating = ratings(check(str(folder)))["weights_endmodel"]
    assert rating.level == "unknown" and rating.confidence is None
    assert rating.evidence[0].locator.file == str(folder)
    assert "no weight files" in rating.evidence[0].note


def test_model_card_levels(check, tmp_path, hub):
    complete = ratings(check(hub_id("epfl-llm__meditron-7b")))["modelcard"]
    assert complete.level == "open" and complete.confidence == "medium"
    assert complete.evidence[1].locator.line is not None  # a section heading's line
    template = ratings(check(str(release(tmp_path, "beita6969__deepseek-r1-medical-finetune"))))
    assert template["modelcard"].level == "closed"
    hub.add_model("org/no-card", {"model.safetensors": b"\0" * 8})
    missing = ratings(check("org/no-card"))["modelcard"]
    assert (missing.level, missing.confidence) == ("closed", "high")


def test_a_lone_weights_file_has_no_card_so_its_card_is_unknown(check, tmp_path):
    folder = release(tmp_path, "LLM360__Amber")
    rating = ratings(check(str(folder / "model.safetensors")))["modelcard"]
    assert rating.level == "unknown"


def test_preprint_from_a_bibtex_citation(check):
    rating = ratings(check(hub_id("LLM360__Amber")))["preprint"]
    assert (rating.level, rating.confidence) == ("open", "medium")
    assert "2312.06550" in rating.evidence[0].quote
    assert rating.evidence[0].locator.line == 113


def test_training_code_in_the_repository_or_linked(check, tmp_path):
    folder = release(tmp_path, card="---\nlicense: mit\n---\n# M\n", files={"train.py": "pass\n"})
    rating = ratings(check(str(folder)))["trainingcode"]
    assert (rating.level, rating.confidence) == ("partial", "medium")
    assert rating.evidence[0].locator.file.endswith("train.py")
    amber = ratings(check(hub_id("LLM360__Amber")))["trainingcode"]
    assert (amber.level, amber.confidence) == ("partial", "low")
    assert "amber-train" in amber.evidence[0].quote


def test_hardware_section_is_partial(check):
    rating = ratings(check(hub_id("meta-llama__Llama-2-7b-chat-hf")))["hardware_architecture"]
    assert rating.level == "partial"
    assert "Hardware" in rating.evidence[0].quote


def test_base_model_ratings_mirror_the_end_model_when_there_is_no_base(check):
    eu = ratings(check(hub_id("LLM360__Amber")))
    assert eu["weights_basemodel"].level == eu["weights_endmodel"].level
    assert "mirrors the end-model rating" in eu["weights_basemodel"].evidence[0].note


def test_gated_base_model_weights_are_partial(check):
    eu = ratings(check(hub_id("epfl-llm__meditron-7b")))
    base = eu["weights_basemodel"]
    assert (base.level, base.confidence) == ("partial", "high")
    assert any("meta-llama/Llama-2-7b" in (e.note or "") for e in base.evidence)


def test_unknown_base_model_is_unknown(check, tmp_path):
    folder = release(tmp_path, card="---\nlicense: mit\nbase_model: nobody/nothing\n---\n# M\n")
    report = check(str(folder))
    assert ratings(report)["weights_basemodel"].level == "unknown"
    assert "base-model-not-found" in [f.id for f in report.findings]


def test_gated_training_datasets_make_the_data_partial(check, hub):
    hub.repos[("dataset", "HuggingFaceH4/ultrachat_200k")].gated = "auto"
    rating = ratings(check(hub_id("HuggingFaceH4__zephyr-7b-beta"), refresh=True))[
        "datasources_endmodel"]
    assert (rating.level, rating.confidence) == ("partial", "medium")


def test_mof_components_carry_the_license_string_literally(check, tmp_path):
    report = check(str(release(tmp_path, "LLM360__Amber")))
    mof = ratings(report, "mof")
    assert mof["Technical report"].level == "unknown"
    assert "arXiv report found" in mof["Technical report"].evidence[0].note
    assert report.frameworks["mof"].assessment.klass == 0


# -- with the license analyzer ------------------------------------------------------------------

def test_open_license_and_published_weights(check, hub):
    hub.add_model("org/apache-model", {"README.md": "---\nlicense: apache-2.0\n---\n# M\n",
                                       "LICENSE": apache_text(), "model.safetensors": b"\0" * 8})
    report = check("org/apache-model")
    eu = ratings(report)
    assert (eu["weights_endmodel"].level, eu["weights_endmodel"].confidence) == ("open", "high")
    assert eu["licenses"].level == "partial"  # no datasets shown open
    assert any(e.locator.file == "LICENSE" for e in eu["licenses"].evidence)
    assert report.context["summary"]["open_source"] is True
    assert report.license_dict()["open_source"] is True
    assert {r["source"] for r in report.license_dict()["analysis"]["results"]} == {"card", "license-file"}


def test_a_license_that_is_not_open_closes_licenses(check):
    report = check(hub_id("meta-llama__Llama-3.2-1B"), token="granted")
    eu = ratings(report)
    assert (eu["licenses"].level, eu["licenses"].confidence) == ("closed", "high")
    assert report.context["summary"]["open_source"] is False
    assert report.frameworks["osaid"].assessment.verdict in ("fail", "unknown")


def test_open_datasets_make_datasources_open(check):
    eu = ratings(check(hub_id("HuggingFaceH4__zephyr-7b-beta")))
    data = eu["datasources_endmodel"]
    assert (data.level, data.confidence) == ("open", "medium")
    assert {e.locator.field for e in data.evidence} >= {"datasets[0]", "cardData.license"}
    assert eu["licenses"].level == "open"


def test_a_complete_apache_release_reaches_mof_class_three(check, tmp_path):
    card = card_with("epfl-llm__meditron-7b", license="apache-2.0", base_model="null")
    folder = release(tmp_path, card=card, files={
        "LICENSE": apache_text(), "config.json": '{"architectures": ["LlamaForCausalLM"]}',
        "technical-report.pdf": b"%PDF-1.4\n"})
    report = check(str(folder))
    mof = report.frameworks["mof"].assessment
    assert mof.klass == 3, mof.blockers
    assert ratings(report, "mof")["Model parameters (Final)"].evidence[0].quote == "Apache-2.0"


def test_a_long_card_without_standard_sections_is_partial(check):
    rating = ratings(check("mistralai/Mistral-7B-Instruct-v0.2"))["modelcard"]
    assert rating.level == "partial"
    assert "words" in rating.evidence[0].note


def test_osaid_fails_only_where_an_element_is_shown_to_fail(check, tmp_path):
    llama = (CARDS / "meta-llama__Llama-3.2-1B" / "LICENSE.txt").read_text()
    card = card_with("epfl-llm__meditron-7b", license="llama3.2", base_model="null")
    data_only = check(str(release(tmp_path / "a", card=card, files={"LICENSE": llama},
                                  weights=False)))
    osaid = data_only.frameworks["osaid"].assessment
    assert ratings(data_only, "mof")["Data card"].level == "closed"
    assert osaid.rating("Data information").level == "unknown"  # the paper may still qualify
    assert osaid.verdict == "unknown"
    with_code = check(str(release(tmp_path / "b", card=card, files={
        "LICENSE": llama, "config.json": '{"architectures": ["LlamaForCausalLM"]}'})))
    osaid = with_code.frameworks["osaid"].assessment
    assert osaid.rating("Code").level == "closed" and osaid.rating("Parameters").level == "closed"
    assert osaid.verdict == "fail"
    summary = with_code.context["summary"]  # the identified Llama text decides (verdict table)
    assert (summary["weights"], summary["open_source"], summary["rule"]) == ("partial", False, "texts")
    assert summary["basis"] == "governing text: Llama 3.2 Community License Agreement 2024 (license)"
