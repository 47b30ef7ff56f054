"""Findings with stable ids, on real cards and small variations of them."""

from __future__ import annotations

import pytest

from opengauge.assess.findings import FINDINGS

from .conftest import (
    CARDS,
    apache_text,
    card_with,
    needs_cards,
    release,
)

pytestmark = needs_cards


def by_id(report, finding_id):
    """The findings `finding_id` of `report`, as their JSON records."""
    return [f.to_dict() for f in report.findings if f.id == finding_id]


def test_license_other_without_a_license_file(check):
    found = by_id(check("dreamlike-art/dreamlike-photoreal-2.0"), "license-other-without-file")
    assert len(found) == 1 and found[0]["severity"] == "error"
    assert found[0]["evidence"][0]["locator"]["field"] == "license"
    assert found[0]["evidence"][0]["locator"]["line"] == 4


def test_license_other_with_a_link_to_a_missing_file(check):
    report = check("deepseek-ai/deepseek-llm-7b-chat")
    assert by_id(report, "license-other-without-file")[0]["severity"] == "error"
    broken = by_id(report, "license-link-broken")
    assert broken and broken[0]["license_link"] == "LICENSE"


def test_license_other_with_terms_only_at_a_url_is_a_warning(check):
    found = by_id(check("nvidia/Llama-3.1-Nemotron-Nano-VL-8B-V1"), "license-other-without-file")
    assert found[0]["severity"] == "warning" and found[0]["license_link"].startswith("https://")


def test_license_other_with_its_file_is_fine(check, tmp_path):
    folder = release(tmp_path, "deepseek-ai__deepseek-llm-7b-chat",
                     files={"LICENSE": "DEEPSEEK LICENSE AGREEMENT\nVersion 1.0\n"})
    report = check(str(folder))
    assert not by_id(report, "license-other-without-file")
    assert not by_id(report, "license-link-broken")


def test_no_license_anywhere(check, tmp_path):
    folder = release(tmp_path, card="# A model\n\nNo metadata at all.\n")
    assert by_id(check(str(folder)), "license-missing")[0]["severity"] == "error"
    assert by_id(check(str(folder / "model.safetensors")), "license-missing")[0]["severity"] == "info"
    # the Llama 2 card has no `license:` but says "Use of this model is governed by the Meta
    # license": a declaration (unidentified), not a missing license
    assert not by_id(check("meta-llama/Llama-2-7b-chat-hf"), "license-missing")
    assert by_id(check(str(folder / "model.safetensors")), "license-missing")[0]["severity"] == "info"


def test_gated_with_eu_users_excluded(check, tmp_path):
    card = card_with("google__gemma-2b-sfp-cpp", extra_gated_eu_disallowed="true")
    report = check(str(release(tmp_path, card=card)))
    found = by_id(report, "gated-eu-excluded")
    assert found[0]["severity"] == "error"
    assert found[0]["evidence"][0]["locator"]["field"] == "extra_gated_eu_disallowed"
    assert found[0]["evidence"][0]["locator"]["line"] == 2
    assert by_id(report, "gated-access")


def test_gated_files_unreadable_without_a_token(check):
    report = check("meta-llama/Llama-3.2-1B")
    assert by_id(report, "gated-access")[0]["severity"] == "info"
    unreadable = by_id(report, "evidence-unreadable")[0]
    assert "gated" in unreadable["message"]
    assert not by_id(check("meta-llama/Llama-3.2-1B", token="granted"), "evidence-unreadable")


def test_template_card(check, tmp_path):
    report = check(str(release(tmp_path, "beita6969__deepseek-r1-medical-finetune")))
    assert not by_id(report, "card-unfilled")  # its headings are not recognized sections
    card = "---\nlicense: mit\n---\n# M\n## Training Data\n[More Information Needed]\n" \
           "## Evaluation\n<!-- fill in -->\n"
    found = by_id(check(str(release(tmp_path / "t", card=card))), "card-unfilled")
    assert found and len(found[0]["evidence"]) == 2


def test_datasets_and_base_models_the_hub_does_not_know(check, hub):
    report = check("upstage/SOLAR-10.7B-Instruct-v1.0")
    assert by_id(report, "dataset-not-found")
    assert not by_id(report, "base-model-not-found")  # upstage/SOLAR-10.7B-v1.0 is on this Hub


def test_use_policy_file(check, tmp_path):
    folder = release(tmp_path, card="---\nlicense: mit\n---\n# M\n",
                     files={"USE_POLICY.md": "# Acceptable Use Policy\nYou may not use the model "
                                             "for military purposes.\n"})
    found = by_id(check(str(folder)), "acceptable-use-policy")
    assert found and found[0]["evidence"][0]["locator"]["file"].endswith("USE_POLICY.md")


@pytest.mark.slow
def test_every_finding_has_a_known_id_severity_message_and_evidence(check):
    for slug in sorted(p.name for p in CARDS.iterdir() if p.is_dir()):
        for item in check(slug.replace("__", "/", 1)).findings:
            assert item.id in FINDINGS
            assert item.severity in ("error", "warning", "info")
            assert item.message and isinstance(item.evidence, list)


# -- license findings need the analyzer ---------------------------------------------------------

def test_card_and_license_file_disagree(check, tmp_path):
    llama = (CARDS / "meta-llama__Llama-3.2-1B" / "LICENSE.txt").read_text()
    folder = release(tmp_path, card="---\nlicense: apache-2.0\n---\n# M\n", files={"LICENSE": llama})
    found = by_id(check(str(folder)), "license-mismatch")
    assert found and found[0]["severity"] == "error" and found[0]["against"] == "release"
    files = {e["locator"]["file"].rsplit("/", 1)[-1] for e in found[0]["evidence"]}
    assert files == {"README.md", "LICENSE"}


def test_card_and_gguf_metadata_disagree(check, tmp_path):
    from tests.sources.test_gguf import write_gguf

    folder = release(tmp_path, card="---\nlicense: mit\n---\n# M\n", weights=False)
    write_gguf(folder / "m.gguf", license="apache-2.0")
    found = by_id(check(str(folder)), "license-mismatch")
    assert found and {e["source"] for e in found[0]["evidence"]} == {"card", "gguf"}


def test_agreeing_declarations_are_no_mismatch(check, tmp_path):
    folder = release(tmp_path, card="---\nlicense: apache-2.0\n---\n# M\n",
                     files={"LICENSE": apache_text()})
    assert not by_id(check(str(folder)), "license-mismatch")


def test_fine_tune_more_permissive_than_its_base(check, tmp_path):
    card = card_with("epfl-llm__meditron-7b", license="apache-2.0")
    report = check(str(release(tmp_path, card=card)))
    found = by_id(report, "more-permissive-than-base")
    assert found and found[0]["severity"] == "error"
    assert found[0]["base_model"] == "meta-llama/Llama-2-7b"
    assert not by_id(check("epfl-llm/meditron-7b"), "more-permissive-than-base")  # llama2 too


def test_base_under_another_open_license_is_an_info_mismatch(check):
    found = by_id(check("HuggingFaceH4/zephyr-7b-beta"), "license-mismatch")
    assert [(f["severity"], f["against"]) for f in found] == [("info", "base-model")]


def test_noncommercial_training_data_under_a_commercial_model(check, hub, tmp_path):
    hub.add_dataset("org/nc-data", {"license": "cc-by-nc-4.0"})
    folder = release(tmp_path, card="---\nlicense: apache-2.0\ndatasets:\n- org/nc-data\n---\n# M\n")
    found = by_id(check(str(folder)), "noncommercial-training-data")
    assert found and found[0]["datasets"] == ["org/nc-data"]
    nc_model = release(tmp_path / "nc", card="---\nlicense: cc-by-nc-4.0\ndatasets:\n"
                                                "- org/nc-data\n---\n# M\n")
    assert not by_id(check(str(nc_model)), "noncommercial-training-data")


def test_unidentified_license_file(check, tmp_path):
    folder = release(tmp_path, card="# M\n", files={"LICENSE": "All rights reserved by nobody.\n"})
    found = by_id(check(str(folder)), "license-unidentified")
    assert found and found[0]["severity"] == "warning"


def test_a_restriction_added_to_an_open_license_file_is_reported(check, tmp_path):
    sentence = "Commercial use of the Work is not permitted."
    text = apache_text().replace("3. Grant of Patent License",
                                 f"{sentence}\n\n   3. Grant of Patent License", 1)
    report = check(str(release(tmp_path, card="# M\n", files={"LICENSE": text})))
    assert report.license_dict()["open_source"] is False
    result = report.license_dict()["analysis"]["results"][0]
    assert not result["identified"] and result["closest"]["key"] == "apache-2.0"
    line = next(n for n, text_line in enumerate(text.splitlines(), 1) if sentence in text_line)
    assert [(f["kind"], f["quote"], f["lines"]) for f in result["restrictions"]] == \
        [("non-commercial", sentence, [line, line])]
