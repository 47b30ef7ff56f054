"""Issue 16: the EU AI Act check as the Commission's GPAI guidelines (July 2025) read it —
scope first, compute for the size checked, monetisation, usage — on the real model cards of
the reference data (hub/cards), as folders and on the local Hub."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hubserver import HubServer
from opengauge import api
from opengauge.app.session import Session, SessionConfig
from opengauge.compliance.monetisation import monetisation
from opengauge.model import Evidence, Locator
from opengauge.sources import scale, sizes
from opengauge.store import Store
from reference_data import REFERENCE

CARDS = REFERENCE / "hub" / "cards"
APACHE = (REFERENCE / "licenses" / "scancode" / "apache-2.0.LICENSE").read_text().split("---", 2)[2]
OLMO_7B_CONFIG = {"architectures": ["Olmo2ForCausalLM"], "model_type": "olmo2", "hidden_size": 4096,
                  "intermediate_size": 11008, "num_hidden_layers": 32, "num_attention_heads": 32,
                  "num_key_value_heads": 32, "vocab_size": 100352, "tie_word_embeddings": False}
"""allenai/OLMo-2-1124-7B's config.json keys (the 13B one is in the reference data)."""


def section_of(folder: Path) -> dict:
    return api.check_target(str(folder)).context["eu_ai_act"]


def card_folder(tmp_path: Path, slug: str, name: str, config: dict | None = None) -> Path:
    """The reference card `slug` (with the files beside it) in a folder called `name`."""
    folder = tmp_path / name
    shutil.copytree(CARDS / slug, folder)
    if config is not None:
        (folder / "config.json").write_text(json.dumps(config))
    return folder


def criteria(section: dict) -> dict[str, dict]:
    return {c["id"]: c for c in section["criteria"]}


# -- compute per size: the row of the size checked, never another ------------------------------

def test_olmo2_sizes_each_get_their_own_table_row(tmp_path):
    big = section_of(card_folder(tmp_path, "allenai__OLMo-2-1124-13B", "OLMo-2-1124-13B"))
    risk = big["systemic_risk"]
    # config.json: 13.7B parameters; the card's table row "OLMo 2 13B | 5 Trillion" (no "tokens")
    assert risk["parameters"] == pytest.approx(13.7e9, rel=0.01)
    assert risk["training_tokens"] == 5_000_000_000_000
    params, tokens = risk["evidence"]
    assert "hidden_size: 5120" in params["quote"] and params["locator"]["file"].endswith("config.json")
    assert "5 Trillion" in tokens["quote"] and tokens["locator"]["line"] == 25
    assert "row for 13B" in tokens["note"]
    # 6 x 13.7e9 x 5e12 = 4.1e23 FLOP; the card names no pipeline tag, config says Olmo2ForCausalLM
    assert big["scope"]["result"] == "likely-gpai" and big["scope"]["modality"] == "in"
    assert big["scope"]["evidence"][0]["quote"] == "architectures: Olmo2ForCausalLM"
    small = section_of(card_folder(tmp_path, "allenai__OLMo-2-1124-13B", "OLMo-2-1124-7B",
                                   OLMO_7B_CONFIG))
    risk = small["systemic_risk"]
    # the same family card: the 7B row says 4 Trillion, not the 13B row's 5 and not "up to 5T"
    assert risk["training_tokens"] == 4_000_000_000_000
    assert risk["parameters"] == pytest.approx(7.3e9, rel=0.01)
    assert "4 Trillion" in risk["evidence"][1]["quote"] and risk["evidence"][1]["locator"]["line"] == 24


def test_family_table_without_a_known_size_gives_no_count(tmp_path):
    folder = tmp_path / "olmo-release"
    folder.mkdir()
    shutil.copy(CARDS / "allenai__OLMo-2-1124-13B" / "README.md", folder / "README.md")
    risk = section_of(folder)["systemic_risk"]
    assert risk["training_tokens"] is None and risk["flop_estimate"] is None
    assert "gives training tokens per size (7B: 4 Trillion; 13B: 5 Trillion)" in risk["note"]
    assert "this model's size is not known" in risk["note"]


def test_llama2_table_cells_without_the_word_tokens(tmp_path):
    """`2.0T` in the Tokens column; the Params cell of the row gives the size."""
    seven = section_of(card_folder(tmp_path, "meta-llama__Llama-2-7b-chat-hf", "Llama-2-7b-chat-hf"))
    risk = seven["systemic_risk"]
    assert (risk["parameters"], risk["training_tokens"]) == (7_000_000_000, 2_000_000_000_000)
    assert all("|7B|" in e["quote"] for e in risk["evidence"])
    # 6 x 7e9 x 2e12 = 8.4e22 FLOP: under the guidelines' 10^23
    assert seven["scope"]["result"] == "likely-not-gpai" and seven["scope"]["reason"] == "compute"
    assert seven["status"] == "out-of-scope"
    assert "the GPAI obligations likely do not apply" in seven["reasons"][0]
    seventy = section_of(card_folder(tmp_path, "meta-llama__Llama-2-7b-chat-hf", "Llama-2-70b-chat-hf"))
    risk = seventy["systemic_risk"]
    assert risk["parameters"] == 70_000_000_000 and risk["flop_estimate"] == pytest.approx(8.4e23)
    assert seventy["scope"]["result"] == "likely-gpai"
    assert "generates text" in seventy["scope"]["note"]


def test_llama32_precise_parameters_and_a_blank_merged_cell(tmp_path):
    one = section_of(card_folder(tmp_path, "meta-llama__Llama-3.2-1B", "Llama-3.2-1B"))["systemic_risk"]
    assert one["parameters"] == 1_230_000_000  # "1B (1.23B)"
    assert one["training_tokens"] == 9_000_000_000_000  # "Up to 9T tokens" in the 1B row
    assert one["evidence"][1]["locator"]["line"] == 232
    three = section_of(card_folder(tmp_path, "meta-llama__Llama-3.2-1B", "Llama-3.2-3B"))["systemic_risk"]
    # the 3B row's token cell is blank (a merged cell), and the prose count sits in a sentence
    # about the 1B, 3B, 8B and 70B models: no count rather than the 1B row's
    assert three["parameters"] == 3_210_000_000
    assert three["training_tokens"] is None and "leaves the token count blank" in three["note"]


def test_data_mix_table_total_row(tmp_path):
    """LLM360 Amber: a data-mix table in billions with a Total row; the catalog release size."""
    risk = section_of(card_folder(tmp_path, "LLM360__Amber", "Amber"))["systemic_risk"]
    assert risk["training_tokens"] == pytest.approx(1259.13e9)
    assert "Total" in risk["evidence"][1]["quote"]


def test_fine_tune_of_a_large_base_is_likely_gpai(tmp_path):
    """A 4-bit copy of Llama 3.1 8B Instruct: ~15T tokens in the embedded Meta card's prose."""
    section = section_of(card_folder(tmp_path, "unsloth__Llama-3.1-8B-Instruct-unsloth-bnb-4bit",
                                     "Llama-3.1-8B-Instruct-unsloth-bnb-4bit"))
    risk = section["systemic_risk"]
    # the embedded HTML table: the 8B row, whose Token count cell spans the three sizes
    assert risk["training_tokens"] == 15_000_000_000_000
    assert "8B" in risk["evidence"][1]["quote"] and "15T+" in risk["evidence"][1]["quote"]
    assert risk["evidence"][1]["locator"]["line"] == 87
    assert section["scope"]["result"] == "likely-gpai"
    # below 10^25, but the base model's compute is not in the estimate
    assert risk["result"] == "unknown" and "meta-llama/Llama-3.1-8B-Instruct" in risk["note"]


def test_a_line_about_two_sizes_is_not_used(tmp_path):
    """DeepSeek LLM 7B chat: the only count is in a sentence about the 7B and 67B models."""
    risk = section_of(card_folder(tmp_path, "deepseek-ai__deepseek-llm-7b-chat",
                                  "deepseek-llm-7b-chat"))["systemic_risk"]
    assert risk["training_tokens"] is None


# -- scope: what the model generates ------------------------------------------------------------

def test_speech_recognition_is_out_of_scope(tmp_path):
    section = section_of(card_folder(tmp_path, "nvidia__stt_en_conformer_transducer_large",
                                     "stt_en_conformer_transducer_large"))
    scope = section["scope"]
    assert scope["result"] == "likely-not-gpai" and scope["reason"] == "modality"
    assert "automatic-speech-recognition" in scope["modality_note"]
    assert "automatic-speech-recognition" in scope["evidence"][0]["quote"]
    assert section["status"] == "out-of-scope"


SUMMARIZER = """---
language:
- en
pipeline_tag: summarization
license: mit
datasets:
- cnn_dailymail
---
# BART (large-sized model), fine-tuned on CNN Daily Mail

BART is a transformer encoder-decoder (seq2seq) model with a bidirectional encoder and an
autoregressive decoder. This checkpoint is fine-tuned on CNN Daily Mail, a large collection of
text-summary pairs.

## Intended uses & limitations

You can use this model for text summarization.

### How to use

```python
from transformers import pipeline
summarizer = pipeline("summarization", model="facebook/bart-large-cnn")
```
"""


def test_a_summarizer_is_out_of_scope_even_with_a_causal_lm_config(tmp_path):
    folder = tmp_path / "bart-large-cnn"
    folder.mkdir()
    (folder / "README.md").write_text(SUMMARIZER)
    (folder / "config.json").write_text(json.dumps({"architectures": ["BartForConditionalGeneration"],
                                                    "model_type": "bart"}))
    section = section_of(folder)
    assert section["scope"]["result"] == "likely-not-gpai"
    assert "summarization" in section["scope"]["note"] and section["status"] == "out-of-scope"


def test_text_to_image_from_card_tags_is_inside_the_criterion(tmp_path):
    scope = section_of(card_folder(tmp_path, "runwayml__stable-diffusion-v1-5",
                                   "stable-diffusion-v1-5"))["scope"]
    assert scope["modality"] == "in" and "text-to-image" in scope["modality_note"]
    assert scope["result"] == "unknown" and "training compute unknown" in scope["note"]


# -- mixture of experts -------------------------------------------------------------------------

MOE_CARD = """---
license: apache-2.0
pipeline_tag: text-generation
---
# Qwen3-30B-A3B

## Model Overview

Qwen3-30B-A3B has the following features:
- Type: Causal Language Models
- Training Stage: Pretraining & Post-training
- Number of Parameters: 30.5B in total and 3.3B activated
- Number of Layers: 48
- Number of Experts: 128

Qwen3 is a mixture-of-experts (MoE) series pretrained on 36 trillion tokens covering 119 languages.

## Quickstart

```python
from transformers import AutoModelForCausalLM
```
"""


def test_mixture_of_experts_uses_the_active_parameters_the_card_states(tmp_path):
    folder = tmp_path / "Qwen3-30B-A3B"
    folder.mkdir()
    (folder / "README.md").write_text(MOE_CARD)
    (folder / "config.json").write_text(json.dumps({"architectures": ["Qwen3MoeForCausalLM"],
                                                    "model_type": "qwen3_moe", "num_experts": 128,
                                                    "num_experts_per_tok": 8}))
    section = section_of(folder)
    risk = section["systemic_risk"]
    assert risk["parameters"] == 3_300_000_000 and risk["training_tokens"] == 36_000_000_000_000
    assert "3.3B active parameters per token used, as the card states" in risk["note"]
    assert "3.3B activated" in risk["evidence"][0]["quote"]
    assert risk["result"] == "below" and section["scope"]["result"] == "likely-gpai"


def test_mixture_of_experts_without_active_parameters_stays_unknown_above(tmp_path):
    folder = tmp_path / "big-moe"
    folder.mkdir()
    (folder / "README.md").write_text(MOE_CARD.replace(" in total and 3.3B activated", "")
                                      .replace("36 trillion", "360 trillion"))
    (folder / "config.json").write_text(json.dumps({"model_type": "qwen3_moe", "num_experts": 128}))
    risk = section_of(folder)["systemic_risk"]
    assert risk["parameters"] == 30_500_000_000 and risk["result"] == "unknown"
    assert "active parameters are not known" in risk["note"]


# -- monetisation and usage ---------------------------------------------------------------------

def _records(name: str) -> list[dict]:
    from opengauge.licenses.analyze import analyze_file

    record = analyze_file(REFERENCE / "licenses" / "scancode" / name).to_dict()
    record.update(path=name, label=name)
    return [record]


def test_a_licence_with_free_access_only_below_a_revenue_threshold_fails():
    result, evidence, note = monetisation(_records("stability-ai-community-2024.LICENSE"), [],
                                          False, True, [])
    assert result == "not-met" and "charges for use above a threshold" in note
    assert any("US $1,000,000" in e.quote for e in evidence)


def test_a_threshold_that_needs_a_licence_without_a_price_is_unknown():
    result, evidence, note = monetisation(_records("llama-2-license-2023.LICENSE"), [],
                                          False, True, [])
    assert result == "unknown" and "700 million" in evidence[0].quote
    assert "does not say whether it is paid" in note


def test_open_terms_and_published_weights_are_met_and_nothing_found_is_unknown():
    weights = [Evidence("hub", Locator(url="https://example.org"), None, "public")]
    assert monetisation([], [], True, True, weights)[0] == "met"
    assert monetisation([], [], True, False, weights)[0] == "unknown"
    assert monetisation([], [], False, True, weights)[0] == "unknown"


@pytest.mark.parametrize(("line", "paid"), [
    ("The model is available exclusively through our paid API.", True),
    ("Access requires a paid subscription to the Pro plan.", True),
    ("It is only accessible via the platform's paid tier.", True),
    ("You can also try it on our API for free, or download the weights.", False),
    ("We do not charge for downloads.", False),
])
def test_paid_access_wording(line, paid):
    where = Evidence("card", Locator(file="README.md", line=9), None, None)
    result, evidence, _ = monetisation([], [(where, line)], True, True, [where])
    assert (result == "not-met") == paid
    if paid:
        assert evidence[0].quote == line and evidence[0].locator.line == 9


def _hub_check(hub: HubServer, repo_id: str, tmp_path: Path):
    with Store(tmp_path / "store.sqlite3") as store:
        config = SessionConfig.of(endpoint=hub.url, token=False, timeout=2.0, retries=1,
                                  backoff=0.01)
        return Session(config, store=store).check_target(repo_id)


def test_hub_usage_heading_paid_card_and_per_size_row(hub, tmp_path):
    card = (CARDS / "allenai__OLMo-2-1124-13B" / "README.md").read_text()
    hub.add_model("allenai/OLMo-2-1124-7B", {
        "README.md": card, "LICENSE": APACHE, "config.json": json.dumps(OLMO_7B_CONFIG)})
    section = _hub_check(hub, "allenai/OLMo-2-1124-7B", tmp_path).context["eu_ai_act"]
    usage = criteria(section)["usage"]
    # no intended-use heading, but "## Inference" / "## Installation" tell how to run it
    assert usage["result"] == "met" and "usage or how-to-run" in usage["note"]
    assert usage["evidence"][0]["locator"]["url"].startswith(hub.url)
    risk = section["systemic_risk"]
    assert risk["training_tokens"] == 4_000_000_000_000
    assert risk["evidence"][1]["locator"]["url"].endswith("README.md#L24")
    assert section["scope"]["result"] == "likely-gpai"
    paid = card.replace("## Installation", "Access is only available through our paid API.\n\n"
                                           "## Installation")
    hub.add_model("paid-org/OLMo-2-1124-7B", {"README.md": paid, "LICENSE": APACHE,
                                              "config.json": json.dumps(OLMO_7B_CONFIG)})
    section = _hub_check(hub, "paid-org/OLMo-2-1124-7B", tmp_path).context["eu_ai_act"]
    money = criteria(section)["monetisation"]
    assert money["result"] == "not-met" and "paid API" in money["evidence"][0]["quote"]
    assert section["status"] == "not-exempt"


# -- obligations ---------------------------------------------------------------------------------

def test_copyright_policy_and_training_summary_documents(tmp_path):
    folder = tmp_path / "documented"
    folder.mkdir()
    (folder / "README.md").write_text(
        "---\nlicense: apache-2.0\n---\n# Documented model\n\n## Training data\n\n"
        "We respected robots.txt opt-outs when crawling.\n\n"
        "See our [public summary of the training content](training_content_summary.pdf) and our "
        "[copyright policy](COPYRIGHT_POLICY.md).\n")
    (folder / "LICENSE").write_text(APACHE)
    found = {o["id"]: o for o in section_of(folder)["remaining_obligations"]}
    assert found["copyright-policy"]["result"] == "found"
    assert "copyright policy" in found["copyright-policy"]["evidence"][0]["quote"]
    assert found["training-data-summary"]["result"] == "found"
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "README.md").write_text("---\nlicense: apache-2.0\n---\n# Model\n\n## Training data\n\n"
                                    "We respected robots.txt opt-outs when crawling.\n")
    found = {o["id"]: o for o in section_of(bare)["remaining_obligations"]}
    assert found["copyright-policy"]["result"] == "unknown"
    assert "robots.txt" in found["copyright-policy"]["evidence"][0]["quote"]
    assert found["training-data-summary"]["result"] == "unknown"
    assert "not a public summary in the Commission's template" in found["training-data-summary"]["note"]


# -- the parsers ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "expected"), [
    ("2.0T", 2e12), ("4 Trillion", 4e12), ("Up to 9T tokens", 9e12), ("15T+", 15e12),
    ("300B", 3e11), ("1,000,000,000,000 tokens", 1e12), ("", None), ("4k", None), ("2.0T / 3T", None),
])
def test_cell_counts(cell, expected):
    assert sizes.cell_count(cell) == (pytest.approx(expected) if expected else None)


@pytest.mark.parametrize(("name", "size"), [
    ("OLMo-2-1124-13B", 13e9), ("Qwen2.5-0.5B-Instruct", 0.5e9), ("Llama-2-7b-chat-hf", 7e9),
    ("pythia-160m", 160e6), ("Qwen3-30B-A3B", 30e9), ("deepseek-llm-7B-67B", None), ("olmo", None),
])
def test_name_sizes(name, size):
    assert sizes.name_size(name) == size


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("|-: 1279.BTMk\ntokensTrillion*[]()<br>")), max_size=400))
def test_table_and_size_parsers_never_fail(text):
    for table in sizes.tables(text):
        assert all(row.line >= table.line for row in table.rows)
        for row in table.rows:
            for cell in row.cells:
                value = sizes.cell_count(cell)
                assert value is None or value >= 0
    assert all(v > 0 for v in sizes.size_labels(text))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["7B", "13B", "70B"]), st.sampled_from(["2.0T", "4 Trillion", "1.5T tokens", "300B"]),
       st.sampled_from(["2.0T", "5 Trillion", "9T tokens"]))
def test_the_row_for_the_size_is_read_and_never_another(size, mine, other):
    """A two-row family table: the asked size's row gives its count, whichever row comes first."""
    other_size = "34B" if size != "34B" else "7B"
    rows = [f"| Model {size} | {mine} |", f"| Model {other_size} | {other} |"]
    card = type("Card", (), {"text": "| Model | Training tokens |\n|---|---|\n" + "\n".join(rows),
                             "sections": [], "fields": {}, "licenses": [], "file": "README.md"})
    asked = scale.Size(sizes.size_labels(size)[0], True, "name")
    answer = scale.card_tokens(card, asked)
    assert answer.count is not None
    assert answer.count.value == pytest.approx(sizes.cell_count(mine))
    assert f"Model {size}" in answer.count.evidence.quote


@pytest.mark.parametrize(("text", "expected"), [
    ("Training tokens: 2.0T", 2e12),
    ("- Number of training tokens: 1.4 trillion", 1.4e12),
    ("The model was pretrained on a 2.0T-token corpus.", 2e12),
])
def test_labelled_and_hyphenated_token_counts(text, expected):
    assert [v for v, _, _ in scale.token_counts(text)] == [pytest.approx(expected)]


@pytest.mark.slow
def test_cli_shows_the_scope_block_and_the_out_of_scope_status():
    from cli_process import run_cli

    table = run_cli("check", "chatglm-6b", "--eu-ai-act", "-f", "table", "--no-history")
    assert table.returncode == 0, table.stderr
    assert "EU AI Act open-source exemption (Art. 53(2)): out-of-scope" in table.stdout
    assert "likely-not-gpai (compute)" in table.stdout
    assert "were it a general-purpose AI model: not-exempt" in table.stdout
    assert "monetisation (Art. 53(2), recital 103): met" in table.stdout
    markdown = run_cli("check", "chatglm-6b", "--eu-ai-act", "-f", "markdown", "--no-history")
    assert "- **EU AI Act open-source exemption (Art. 53(2)): out-of-scope**" in markdown.stdout
    assert "scope (general-purpose AI model, guidelines C(2025) 5045): likely-not-gpai" in markdown.stdout


def test_a_name_that_disagrees_with_the_weights_does_not_choose_the_row(tmp_path):
    """A folder named 7B holding the 13B config: the measured size picks the 13B row."""
    folder = card_folder(tmp_path, "allenai__OLMo-2-1124-13B", "OLMo-2-1124-7B")
    risk = section_of(folder)["systemic_risk"]
    assert risk["training_tokens"] == 5_000_000_000_000
    assert "13.7B parameters" in risk["evidence"][1]["note"]


def test_the_405b_row_of_the_html_table_is_above_the_systemic_risk_limit(tmp_path):
    folder = card_folder(tmp_path, "unsloth__Llama-3.1-8B-Instruct-unsloth-bnb-4bit",
                         "Llama-3.1-405B-Instruct")
    (folder / "config.json").unlink()
    section = section_of(folder)
    risk = section["systemic_risk"]
    assert (risk["parameters"], risk["training_tokens"]) == (405_000_000_000, 15_000_000_000_000)
    assert risk["flop_estimate"] == pytest.approx(3.645e25) and risk["result"] == "above"
    assert all("405B" in e["quote"] for e in risk["evidence"])
    # without config.json nothing says what the model generates (no pipeline tag in the card)
    assert section["scope"]["result"] == "unknown" and section["status"] == "unknown"
    assert "what the model generates is unknown" in section["scope"]["note"]
    assert section["exemption"] == "not-exempt"


def test_html_rowspan_cells_fill_the_rows_they_span():
    text = ("<table>\n<tr><td>Model</td><td>Tokens</td></tr>\n"
            "<tr><td>A 1B</td><td rowspan=\"2\">3T</td></tr>\n<tr><td>A 7B</td></tr>\n"
            "<tr><td>A 70B</td><td>9T</td></tr>\n</table>")
    table = sizes.html_tables(text)[0]
    assert [r.cells for r in table.rows] == [["A 1B", "3T"], ["A 7B", "3T"], ["A 70B", "9T"]]
    assert [r.line for r in table.rows] == [3, 4, 5]


def test_tinyllama_parameters_from_prose_agreeing_with_its_name(tmp_path):
    """TinyLlama: "only 1.1B parameters" (the name says 1.1B) and "3 trillion tokens":
    2e22 FLOP, below 10^23."""
    section = section_of(card_folder(tmp_path, "TinyLlama__TinyLlama-1.1B-Chat-v1.0",
                                     "TinyLlama-1.1B-Chat-v1.0"))
    risk = section["systemic_risk"]
    assert (risk["parameters"], risk["training_tokens"]) == (1_100_000_000, 3_000_000_000_000)
    assert "1.1B parameters" in risk["evidence"][0]["quote"]
    assert section["scope"]["reason"] == "compute"
    unnamed = tmp_path / "chat-model"
    shutil.copytree(CARDS / "TinyLlama__TinyLlama-1.1B-Chat-v1.0", unnamed)
    # without a size in the name, a prose "1.1B parameters" is not taken as the model's count
    assert section_of(unnamed)["systemic_risk"]["parameters"] is None
