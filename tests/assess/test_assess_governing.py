"""Which texts govern a repository (docs/rating-rules.md, "The license picture"; docs/sources.md,
"License texts"): the one rule for license files, the card's own terms, each text's scope, and
the base model's terms through the identity table, on repositories built from public examples
(the shared reference cards and license texts)."""

from __future__ import annotations

import json
import shutil

import pytest

from opengauge.formats.records import report_record
from opengauge.licensenames import is_license_name, license_kind, reads_as_license
from opengauge.licenses.inputs import license_files
from opengauge.sources.licensefiles import scope_of_name

from .conftest import CARDS, LICENSE_TEXTS, finding_ids, needs_cards, release, run_cli


def text(relative: str) -> str:
    raw = (LICENSE_TEXTS / relative).read_text()
    return raw.split("---", 2)[2].lstrip() if raw.startswith("---") else raw


def declared(report) -> list[tuple[str, str, str]]:
    return [(r["source"], r["scope"], r["declared"]) for r in report.license_dict()["declared"]]


needs_texts = pytest.mark.skipif(not (LICENSE_TEXTS / "ai" / "llama3_1-license.txt").is_file(),
                                 reason="reference license texts not present")


# -- the one rule -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "LICENSE", "licence.txt", "COPYING", "NOTICE", "USE_POLICY.md", "LICENSE-MODEL",
    "Llama 3.1 Community License Agreement.txt", "DeepSeek LICENSE AGREEMENT", "TERMS_OF_USE.md",
    "eula.pdf", "LEGAL.md", "original/LICENSE", "Model_Terms", "PATENTS"])
def test_license_names(name):
    assert is_license_name(name)


@pytest.mark.parametrize("name", [
    "README.md", "config.json", "license_utils.py", "tokenizer.json", "model.safetensors",
    "terms.json", "generation_config.json", "policy_model.safetensors"])
def test_not_license_names(name):
    assert not is_license_name(name)


def test_kinds_of_license_files():
    assert license_kind("USE_POLICY.md") == "use-policy"
    assert license_kind("NOTICE") == "notice"
    assert license_kind("LICENSE_NOTICE") == "license"
    assert license_kind("Gemma Terms of Use") == "license"


def test_scope_from_file_names():
    assert scope_of_name("LICENSE-CODE") == "code"
    assert scope_of_name("LICENSE-MODEL") == "weights"
    assert scope_of_name("MODEL_LICENSE") == "weights"
    assert scope_of_name("DATA_LICENSE.txt") == "data"
    assert scope_of_name("LICENSE") == "unknown"
    assert scope_of_name("LICENSE.txt") == "unknown"


def test_content_reads_as_license():
    assert reads_as_license("MIT License\n\nPermission is hereby granted, free of charge ...")
    assert not reads_as_license("# Build\n\nRun make to build the model.\n")
    assert not reads_as_license("This license file is empty.")


@needs_texts
def test_license_folder_and_check_use_the_same_rule(tmp_path):
    folder = release(tmp_path, card="---\nlicense: other\n---\n# M\n", files={
        "DeepSeek LICENSE AGREEMENT": text("scancode/deepseek-la-1.0.LICENSE"),
        "LLAMA3": text("ai/llama3_1-license.txt"), "Makefile": "all:\n\ttrue\n",
        "notes": "nothing here"})
    found = {p.name for p in license_files(folder)}
    assert {"DeepSeek LICENSE AGREEMENT", "LLAMA3"} <= found
    assert "Makefile" not in found and "notes" not in found


@needs_texts
def test_license_agreements_under_long_names_are_read(check, tmp_path):
    """A model license under a long name beside a code LICENSE (Apache-2.0) is not Apache."""
    from .conftest import apache_text

    folder = release(tmp_path, card="---\nlicense: other\n---\n# A model\n", files={
        "LICENSE": apache_text(),
        "DeepSeek LICENSE AGREEMENT": text("scancode/deepseek-la-1.0.LICENSE")})
    report = check(str(folder))
    names = [r["declared"] for r in report.license_dict()["declared"]]
    assert "DeepSeek LICENSE AGREEMENT" in names
    assert report.license_dict()["open_source"] is False
    assert report_record(report)["summary"]["open_source"] is False


@needs_texts
def test_extensionless_license_and_card_link_are_read(check, tmp_path):
    card = ("---\nlicense: other\nlicense_link: terms/MODEL-AGREEMENT.txt\n---\n# M\n"
            "See [our terms](legal-docs/the_text.md).\n")
    folder = release(tmp_path, card=card, files={
        "LLAMA3": text("ai/llama3_1-license.txt"),
        "terms/MODEL-AGREEMENT.txt": text("ai/llama3_1-license.txt"),
        "legal-docs/the_text.md": text("ai/llama3_1-use-policy.md")})
    report = check(str(folder))
    names = [r["declared"] for r in report.license_dict()["declared"]]
    assert "LLAMA3" in names and "terms/MODEL-AGREEMENT.txt" in names
    assert "legal-docs/the_text.md" in names
    assert "license-other-without-file" not in finding_ids(report)


# -- scope ----------------------------------------------------------------------------------------

DEEPSEEK_README = """---
license: other
license_name: deepseek
license_link: LICENSE-MODEL
---
# DeepSeek LLM

## License
This code repository is licensed under the MIT License. The use of DeepSeek LLM models is subject
to the Model License. See [LICENSE-MODEL](LICENSE-MODEL) for more details.
"""


@needs_texts
def test_code_and_model_licenses_in_separate_files_are_no_mismatch(check, tmp_path):
    from .test_assess_base_terms import mit_text

    folder = release(tmp_path, card=DEEPSEEK_README, files={
        "LICENSE-CODE": mit_text(), "LICENSE-MODEL": text("scancode/deepseek-la-1.0.LICENSE")})
    report = check(str(folder))
    scopes = {name: scope for _, scope, name in declared(report)}
    assert scopes["LICENSE-CODE"] == "code" and scopes["LICENSE-MODEL"] == "weights"
    assert "license-mismatch" not in finding_ids(report)
    assert report.license_dict()["open_source"] is False  # the weights' terms decide
    assert report.license_dict()["texts_by_scope"]["code"] == ["LICENSE-CODE"]


@needs_texts
def test_readme_statement_scopes_an_unscoped_license_file(check, tmp_path):
    from .test_assess_base_terms import mit_text

    folder = release(tmp_path, card=DEEPSEEK_README.replace("LICENSE-MODEL", "MODEL_LICENSE"),
                     files={"LICENSE": mit_text(),
                            "MODEL_LICENSE": text("scancode/deepseek-la-1.0.LICENSE")})
    report = check(str(folder))
    scopes = {name: scope for _, scope, name in declared(report)}
    assert scopes["LICENSE"] == "code"
    assert "license-mismatch" not in finding_ids(report)
    assert report.license_dict()["open_source"] is False


@needs_texts
def test_two_licenses_for_the_same_scope_are_a_mismatch(check, tmp_path):
    from .conftest import apache_text

    folder = release(tmp_path, card="---\nlicense: apache-2.0\n---\n# M\n", files={
        "LICENSE-MODEL": text("scancode/deepseek-la-1.0.LICENSE"), "LICENSE-CODE": apache_text()})
    report = check(str(folder))
    mismatch = [f for f in report.findings if f.id == "license-mismatch"]
    assert len(mismatch) == 1 and mismatch[0].details["scope"] == "weights"


# -- the card's own terms -------------------------------------------------------------------------

@needs_cards
def test_gated_card_with_license_only_in_extra_gated_prompt(check, tmp_path):
    source = (CARDS / "meta-llama__Llama-3.2-1B" / "README.md").read_text()
    card = "\n".join(line for line in source.split("\n") if not line.startswith("license:"))
    report = check(str(release(tmp_path, card=card)))
    assert "license-missing" not in finding_ids(report)
    prompt = [r for r in report.license_dict()["declared"] if r["source"] == "gated-prompt"]
    assert prompt and prompt[0]["licenses"][0]["key"] == "llama-3.2-license-2024"
    assert report.license_dict()["open_source"] is False


def test_prose_must_adhere_to_names_a_license(check, tmp_path):
    card = ("---\nlicense: other\n---\n# M\n\nUsers of this model must adhere to the Llama 3.1 "
            "Community License Agreement.\n")
    report = check(str(release(tmp_path, card=card)))
    prose = [r for r in report.license_dict()["declared"] if r["source"] == "card-prose"]
    assert prose and prose[0]["licenses"][0]["key"] == "llama-3.1-license-2024"
    assert report.license_dict()["open_source"] is False


@needs_cards
def test_a_card_naming_several_governing_licenses_binds_all(check, tmp_path):
    slug = "nvidia__Llama-3.1-Nemotron-Nano-VL-8B-V1"
    report = check(str(release(tmp_path, slug)), offline=True)
    keys = {m["key"] for r in report.license_dict()["declared"] for m in r["licenses"]}
    assert {"nvidia-open-model-2025-04-28", "llama-3.1-license-2024"} <= keys
    assert report.license_dict()["open_source"] is False
    assert "license-mismatch" not in finding_ids(report)
    assert "base-model-unversioned" not in finding_ids(report)  # "Llama-3.1-Nemotron": one


@needs_cards
@pytest.mark.slow
def test_can_i_on_a_card_with_several_licenses_says_no_to_800_million_users(tmp_path):
    folder = tmp_path / "nemotron"
    shutil.copytree(CARDS / "nvidia__Llama-3.1-Nemotron-Nano-VL-8B-V1", folder)
    done = run_cli("can-i", str(folder), "--users", "800000000", "--offline", "-f", "json")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)["targets"][0]["answers"][0]
    assert answer["answer"] == "no"
    assert "700,000,000" in answer["reason"]


# -- the base model's terms -----------------------------------------------------------------------

def relabelled_card(base_line: str, body: str = "# A fine-tune\n") -> str:
    return f"---\n{base_line}license: mit\n---\n{body}"


def test_relabelled_llama_3_1_fine_tune_is_bound_offline(check, tmp_path):
    from .test_assess_base_terms import mit_text

    folder = release(tmp_path, card=relabelled_card(
        "base_model: meta-llama/Llama-3.1-8B-Instruct\n"), files={"LICENSE": mit_text()})
    report = check(str(folder), offline=True)
    record = report_record(report)
    assert record["license"]["open_source"] is False
    assert record["summary"]["open_source"] is False
    assert "more-permissive-than-base" in finding_ids(report)
    bases = report.license_dict()["base_models"]
    assert any(b["licenses"] and b["licenses"][0]["key"] == "llama-3.1-license-2024"
               for b in bases)
    restrictions = [r for res in report.license_dict()["analysis"]["results"]
                    if res.get("base_model") for r in res.get("restrictions") or []]
    assert restrictions and all(r["source"].startswith("base model meta-llama/Llama-3.1-8B")
                                for r in restrictions)


def test_relabelled_gguf_with_a_llama_base_is_bound(check, tmp_path):
    gguf = pytest.importorskip("gguf")
    import numpy as np

    folder = tmp_path / "gguf-release"
    folder.mkdir()
    writer = gguf.GGUFWriter(str(folder / "model.gguf"), "llama")
    writer.add_name("Tiny Fine-Tune")
    writer.add_license("mit")
    writer.add_base_model_count(1)
    writer.add_base_model_name(0, "Llama 3.1 8B Instruct")
    writer.add_base_model_repo_url(0, "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct")
    writer.add_tensor("token_embd.weight", np.zeros((4, 4), dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    for offline in (True, False):  # online: the local Hub knows the base too
        report = check(str(folder / "model.gguf"), offline=offline)
        assert report.license_dict()["open_source"] is False, offline
        assert "more-permissive-than-base" in finding_ids(report)
        from_hub = [b for b in report.license_dict()["base_models"] if b["declared"] == "llama3.1"]
        assert bool(from_hub) is not offline  # online, the Hub's answer about the base joins


@pytest.mark.parametrize("body", [
    "# M\n\nThis model is fine-tuned from Llama 2 on medical notes.\n",
    "# M\n\nA derivative of meta-llama/Llama-2-7b-hf trained on chat data.\n",
])
def test_prose_names_the_base(check, tmp_path, body):
    report = check(str(release(tmp_path, card=relabelled_card("", body))), offline=True)
    assert report.license_dict()["open_source"] is False
    assert any(b["licenses"] and b["licenses"][0]["key"] == "llama-2-license-2023"
               for b in report.license_dict()["base_models"])


@pytest.mark.parametrize("body", [
    "# M\n\nOur model is compared with Llama 3 and Mistral 7B on MMLU.\n",
    "# M\n\nIt outperforms Llama 2 on every benchmark.\n",
])
def test_prose_that_only_mentions_a_model_binds_nothing(check, tmp_path, body):
    report = check(str(release(tmp_path, card=relabelled_card("", body))), offline=True)
    assert report.license_dict()["base_models"] == []
    assert report.license_dict()["open_source"] is True


def test_family_without_version_is_unversioned_unless_one_fits(check, tmp_path):
    report = check(str(release(tmp_path, card=relabelled_card("", "# M\n\nBuilt with Llama.\n"))),
                   offline=True)
    found = [f for f in report.findings if f.id == "base-model-unversioned"]
    assert found and {"llama-2", "llama-3.1"} <= set(found[0].details["candidates"])
    assert report.license_dict()["base_models"] == []
    pinned = release(tmp_path / "Llama-3.3-helper", card=relabelled_card(
        "", "# M\n\nBuilt with Llama. This is our Llama 3.3 assistant.\n"))
    report = check(str(pinned), offline=True)
    assert "base-model-unversioned" not in finding_ids(report)
    assert report.license_dict()["open_source"] is False


@needs_texts
def test_code_terms_rate_the_code_and_weights_terms_the_weights(check, tmp_path):
    from .test_assess_base_terms import mit_text

    folder = release(tmp_path, card=DEEPSEEK_README, files={
        "LICENSE-CODE": mit_text(), "LICENSE-MODEL": text("scancode/deepseek-la-1.0.LICENSE"),
        "train.py": "import torch\n# the training loop\n"})
    report = check(str(folder), offline=True)
    mof = {r.dimension: r for r in report.frameworks["mof"].assessment.ratings}
    assert mof["Training code"].evidence[0].quote == "MIT"
    assert "deepseek" in mof["Model parameters (Final)"].evidence[0].quote
    eu = {r.dimension: r for r in report.frameworks["osai"].assessment.ratings}
    assert any(e.note == "MIT License: open source" for e in eu["trainingcode"].evidence)
    assert report_record(report)["summary"]["open_source"] is False
