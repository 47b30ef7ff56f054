"""The card's own terms and base-model mentions (sources/cardterms.py) on any text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opengauge.licensenames import is_license_name, reads_as_license
from opengauge.sources.card import CardSource
from opengauge.sources.cardterms import CardTermsSource, scope_of
from opengauge.sources.facts import Facts
from opengauge.sources.local import LocalRepository
from opengauge.sources.target import Target


def read(folder: Path, card: str) -> Facts:
    (folder / "README.md").write_text(card)
    facts = Facts(target=Target("path", str(folder), path=folder, path_kind="folder"))
    repo = LocalRepository(folder)
    CardSource().collect(repo, facts)
    CardTermsSource().collect(repo, facts)
    return facts


def test_prose_license_with_its_scope(tmp_path):
    facts = read(tmp_path, "# M\n\nThis code repository is licensed under the MIT License. The "
                           "use of the models is subject to the Model License.\n")
    found = [(t.scope, t.name) for t in facts.card_terms if t.kind == "prose"]
    assert found == [("code", "MIT License"), ("weights", "Model License")]


def test_license_section_and_gated_prompt(tmp_path):
    facts = read(tmp_path, "---\nextra_gated_prompt: You agree to the Terms.\n---\n# M\n\n"
                           "## License\n\nSee the agreement.\n\n## Usage\n\nRun it.\n")
    kinds = {t.kind: t for t in facts.card_terms}
    assert kinds["section"].text == "See the agreement."
    assert kinds["gated-prompt"].scope == "weights"


def test_base_mentions_and_mere_comparisons(tmp_path):
    facts = read(tmp_path, "# M\n\nThis model is fine-tuned from Llama 3.1 8B. It beats Llama 2 "
                           "and is compared with Mistral 7B. A derivative of org/base-model.\n"
                           "```\nbuilt with Fake 9\n```\nBuilt with public datasets.\n")
    assert [(m.how, m.name) for m in facts.base_mentions] == [
        ("fine-tun", "Llama 3.1 8B"), ("derivative", "org/base-model")]


def test_scope_of_sentences():
    assert scope_of("The weights are released under") == "weights"
    assert scope_of("Our training scripts are licensed under") == "code"
    assert scope_of("The dataset is released under") == "data"
    assert scope_of("This is released under") == "unknown"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=2000))
def test_any_card_text_is_read_without_error(tmp_path, text):
    facts = read(tmp_path, text)
    assert all(t.kind in ("section", "gated-prompt", "prose") for t in facts.card_terms)
    assert len(facts.base_mentions) <= 20


@given(st.text(max_size=300))
def test_the_name_and_content_rules_take_any_text(text):
    assert isinstance(is_license_name(text), bool)
    assert isinstance(reads_as_license(text), bool)
