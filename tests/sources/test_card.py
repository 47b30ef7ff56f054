"""Model cards: front matter fields and body sections of the real reference cards."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opengauge.model import Locator
from opengauge.sources.card import classify, clean_title, parse_card

from .conftest import CARDS

needs_cards = pytest.mark.skipif(not CARDS.is_dir(), reason="reference cards not present")


def locate(line, field):
    return Locator(file="README.md", line=line, field=field)


def card(slug: str):
    text = (CARDS / slug / "README.md").read_text(encoding="utf-8")
    return parse_card(text, f"{slug}/README.md", locate)


def line_of(slug: str, needle: str) -> int:
    lines = (CARDS / slug / "README.md").read_text(encoding="utf-8").split("\n")
    return next(i + 1 for i, line in enumerate(lines) if line.startswith(needle))


@needs_cards
def test_license_and_base_model_with_lines():
    facts, problems = card("HuggingFaceH4__zephyr-7b-beta")
    assert problems == []
    assert facts.license.value == "mit"
    assert facts.license.evidence.locator.line == line_of("HuggingFaceH4__zephyr-7b-beta", "license:")
    assert facts.license.evidence.quote == "license: mit"
    assert [b.value for b in facts.base_models] == ["mistralai/Mistral-7B-v0.1"]
    assert [d.value for d in facts.datasets] == ["HuggingFaceH4/ultrachat_200k",
                                                 "HuggingFaceH4/ultrafeedback_binarized"]
    assert facts.datasets[1].evidence.locator.field == "datasets[1]"
    assert facts.eval_results > 0


@needs_cards
def test_license_other_with_name_and_relative_link():
    facts, _ = card("deepseek-ai__deepseek-llm-7b-chat")
    assert facts.license.value == "other"
    assert facts.license_name.value == "deepseek"
    assert facts.license_link.value == "LICENSE"


@needs_cards
def test_license_other_without_name():
    facts, _ = card("dreamlike-art__dreamlike-photoreal-2.0")
    assert facts.license.value == "other"
    assert facts.license_name is None and facts.license_link is None


@needs_cards
def test_gated_card_without_license_key():
    facts, _ = card("meta-llama__Llama-2-7b-chat-hf")
    assert facts.licenses == []
    assert facts.gated
    assert "extra_gated_fields" in facts.gating
    assert [a.value for a in facts.arxiv] == ["2307.09288"]
    assert facts.eu_disallowed is None


@needs_cards
def test_base_model_list_and_odd_template_card():
    facts, _ = card("beita6969__deepseek-r1-medical-finetune")
    assert [b.value for b in facts.base_models] == ["deepseek-ai/DeepSeek-R1"]
    assert facts.pipeline_tag.value == "audio-text-to-text"
    assert facts.sections == []  # a template: headings with placeholders only
    assert facts.body_words < 60


@needs_cards
def test_sections_of_a_complete_card():
    facts, _ = card("epfl-llm__meditron-7b")
    kinds = {s.kind for s in facts.sections}
    assert kinds == {"intended_use", "limitations", "training_data", "training_procedure",
                     "evaluation", "bias_risks"}
    training = facts.section("training_data")[0]
    assert training.title == "Training Data"
    assert training.line == line_of("epfl-llm__meditron-7b", "### Training Data")
    assert training.words > 20
    assert training.evidence.locator.line == training.line


@needs_cards
def test_bold_pseudo_headings_count():
    facts, _ = card("runwayml__stable-diffusion-v1-5")
    titles = {s.title for s in facts.section("training_procedure")}
    assert "**Training Procedure**" in titles


@needs_cards
def test_headings_inside_code_blocks_are_ignored():
    facts, _ = card("TinyLlama__TinyLlama-1.1B-Chat-v1.0")
    lines = {s.line for s in facts.sections}
    code_comment = line_of("TinyLlama__TinyLlama-1.1B-Chat-v1.0", "# We use the tokenizer")
    assert code_comment not in lines


@needs_cards
@pytest.mark.parametrize("slug", sorted(p.name for p in CARDS.iterdir() if p.is_dir())
                         if CARDS.is_dir() else [])
def test_every_reference_card_parses_without_problems(slug):
    facts, problems = card(slug)
    assert problems == []
    assert facts.has_front_matter
    for section in facts.sections:
        assert section.evidence.locator.line == section.line


@pytest.mark.parametrize(("title", "kinds"), [
    ("Intended uses & limitations", {"intended_use", "limitations"}),
    ("Bias, Risks, and Limitations", {"bias_risks", "limitations"}),
    ("Training/Evaluation Dataset:", {"training_data", "evaluation"}),
    ("How to use", set()),
    ("Use with transformers", set()),
    ("Out-of-Scope Use", {"intended_use", "limitations"}),
    ("Responsibility & Safety", {"bias_risks"}),
    ("3. Training Details", {"training_procedure"}),
    ("Evaluation Results", {"evaluation"}),
    ("Citation", set()),
])
def test_heading_classification(title, kinds):
    assert set(classify(clean_title(title))) == kinds


def test_malformed_front_matter_is_a_problem_and_the_body_is_still_read():
    text = "---\nlicense: [mit\ndatasets: x\n---\n# Model\n## Limitations\nIt fails often.\n"
    facts, problems = parse_card(text, "README.md", locate)
    assert len(problems) == 1
    assert problems[0].message.startswith("README.md:")
    assert "invalid YAML" in problems[0].message
    assert problems[0].kind == "malformed"
    assert facts.licenses == []
    assert [s.kind for s in facts.sections] == ["limitations"]
    assert facts.sections[0].line == 6


def test_unclosed_front_matter():
    _facts, problems = parse_card("---\nlicense: mit\n# Model\n", "README.md", locate)
    assert "never closed" in problems[0].message
    assert problems[0].kind == "malformed"


def test_front_matter_that_is_not_a_mapping():
    _facts, problems = parse_card("---\n- a\n- b\n---\nbody\n", "README.md", locate)
    assert "expected a mapping" in problems[0].message


def test_yaml_alias_bomb_is_refused():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n" \
           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nlicense: mit\n---\n"
    facts, problems = parse_card(bomb, "README.md", locate)
    assert "aliases" in problems[0].message
    assert problems[0].message.startswith("README.md:3:")
    assert facts.licenses == []


def test_python_tags_are_refused():
    _facts, problems = parse_card("---\nx: !!python/object/apply:os.system ['true']\n---\n",
                                  "README.md", locate)
    assert "invalid YAML" in problems[0].message


def test_eu_disallowed_gate_and_license_lists():
    text = ("---\nlicense: [apache-2.0, cc-by-4.0]\nextra_gated_eu_disallowed: true\n"
            "extra_gated_prompt: Accept\nco2_eq_emissions:\n  emissions: 10\n"
            "tags: [arxiv:2401.00001, text]\nbase_model_relation: quantized\n---\n")
    facts, problems = parse_card(text, "README.md", locate)
    assert problems == []
    assert [f.value for f in facts.licenses] == ["apache-2.0", "cc-by-4.0"]
    assert facts.licenses[1].evidence.locator.field == "license[1]"
    assert facts.eu_disallowed.value is True
    assert facts.eu_disallowed.evidence.locator.line == 3
    assert facts.co2_eq_emissions.value == {"emissions": 10}
    assert [a.value for a in facts.arxiv] == ["2401.00001"]
    assert facts.base_model_relation.value == "quantized"


def test_crlf_and_bom():
    facts, problems = parse_card("\ufeff---\r\nlicense: mit\r\n---\r\n# Uses\r\nText here.\r\n",
                                 "README.md", locate)
    assert problems == [] and facts.license.value == "mit"
    assert facts.sections[0].kind == "intended_use"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_fuzzed_cards_never_raise(text):
    facts, problems = parse_card(text, "README.md", locate)
    assert all(p.message.startswith("README.md") for p in problems)
    assert facts.body_words >= 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\"\n #")), max_size=200))
def test_fuzzed_front_matter_never_raises(front):
    facts, problems = parse_card(f"---\n{front}\n---\n# Body\n", "README.md", locate)
    assert facts.has_front_matter or problems


@pytest.mark.parametrize(("title", "kinds"), [
    ("Hardware and Software", {"hardware"}),
    ("Training Infrastructure", {"hardware"}),
    ("Compute Infrastructure", {"hardware"}),
    ("Running the model on a single/multi GPU", set()),
])
def test_hardware_headings_are_recognized_but_not_counted_for_completeness(title, kinds):
    from opengauge.sources.facts import SECTION_KINDS

    assert set(classify(clean_title(title))) == kinds
    assert "hardware" not in SECTION_KINDS
