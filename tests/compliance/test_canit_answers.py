"""`can-i` answers on the real license texts of ../shared/reference/licenses/ai/ (and a few
ScanCode texts): thresholds, regions, non-commercial and research licenses, military uses,
training on outputs, and catalog models through the registry."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengauge import api
from opengauge.compliance import rules
from opengauge.errors import BadInput, NotFound
from reference_data import REFERENCE

AI = REFERENCE / "licenses" / "ai"
SCANCODE = REFERENCE / "licenses" / "scancode"
ALL = dict(commercial=True, users=5_000_000_000, revenue=1e12, region="CN", fine_tune=True,
           redistribute=True, train_on_outputs=True, military=True)


def ask(target: Path | str, **questions) -> dict[str, dict]:
    record = api.can_i(str(target), **questions)
    return {a["question"]: a for a in record["answers"]}


def scancode_text(key: str, folder: Path) -> Path:
    """A ScanCode license text without its YAML front matter, as a LICENSE file."""
    raw = (SCANCODE / f"{key}.LICENSE").read_text("utf-8")
    path = folder / f"{key}-LICENSE.txt"
    path.write_text(re.sub(r"\A---\n.*?\n---\n", "", raw, count=1, flags=re.S), "utf-8")
    return path


def test_llama_2_with_800_million_users_is_no() -> None:
    users = ask(AI / "llama2-license.txt", users=800_000_000)["users"]
    assert users["answer"] == "no"
    (threshold,) = users["thresholds"]
    assert (threshold["limit"], threshold["unit"], threshold["yours"], threshold["result"]) == (
        700_000_000, "monthly active users", 800_000_000, "above")
    assert threshold["text"] == "700,000,000 monthly active users vs your 800,000,000 -> above the limit"
    (clause,) = users["clauses"]
    assert clause["file"].endswith("llama2-license.txt") and clause["lines"] == [65, 71]
    assert "700 million" in clause["quote"] and clause["kind"] == "user-threshold"


@pytest.mark.parametrize(("users", "expected"), [(500_000_000, "yes"), (700_000_000, "yes"),
                                                 (700_000_001, "no")])
def test_llama_2_threshold_is_greater_than(users: int, expected: str) -> None:
    answer = ask(AI / "llama2-license.txt", users=users)["users"]
    assert answer["answer"] == expected, answer["reason"]


def test_llama_2_commercial_without_a_number_is_conditional_on_the_threshold() -> None:
    answers = ask(AI / "llama2-license.txt", commercial=True)
    assert answers["commercial"]["answer"] == "conditional"
    assert "below 700,000,000 monthly active users" in answers["commercial"]["conditions"][0]


def test_llama_3_2_use_policy_excludes_the_eu_for_multimodal_models() -> None:
    region = ask(AI / "llama3_2-use-policy.md", region="EU")["region"]
    assert region["answer"] == "no"
    assert region["scope"] == "multimodal models included in Llama 3.2"
    assert region["reason"].startswith("no for multimodal models included in Llama 3.2")
    assert region["exceptions"] == ["does not apply to end users of a product or service that "
                                    "incorporates any such multimodal models"]
    (clause,) = region["clauses"]
    assert clause["lines"] == [43, 43] and clause["quote"].endswith("the European Union.")
    assert ask(AI / "llama3_2-use-policy.md", region="DE")["region"]["answer"] == "no"


def test_llama_3_2_region_outside_the_eu(tmp_path: Path) -> None:
    shutil.copy(AI / "llama3_2-license.txt", tmp_path / "LICENSE")
    shutil.copy(AI / "llama3_2-use-policy.md", tmp_path / "USE_POLICY.md")
    (tmp_path / "README.md").write_text("# A model\n\nNothing about licenses here.\n", "utf-8")
    record = api.can_i(str(tmp_path), region="US")
    assert [Path(t["label"]).name for t in record["texts"]] == ["LICENSE", "USE_POLICY.md"]
    assert record["answers"][0]["answer"] == "yes"
    assert ask(tmp_path, region="NO")["region"]["answer"] == "yes"  # Norway: EEA, not EU
    eea = ask(tmp_path, region="EEA")["region"]
    assert eea["answer"] == "conditional" and "IS, LI, NO not named" in eea["reason"]


def test_a_use_policy_alone_grants_nothing() -> None:
    answers = ask(AI / "llama3_2-use-policy.md", region="US", commercial=True)
    assert {a["answer"] for a in answers.values()} == {"unknown"}
    assert "only a use policy" in answers["commercial"]["reason"]


def test_apache_2_is_yes_to_every_question(tmp_path: Path) -> None:
    answers = ask(scancode_text("apache-2.0", tmp_path), **ALL)
    assert list(answers) == list(rules.QUESTIONS)
    assert {q: a["answer"] for q, a in answers.items()} == dict.fromkeys(rules.QUESTIONS, "yes")
    assert all("granted by Apache License 2.0" in a["reason"] for a in answers.values())


@pytest.mark.parametrize("name", [
    "FLUX-Non-Commercial-License-v2.1.txt", "EXAONE-AI-Model-License-Agreement-1.1-NC.txt",
    "STABILITY-AI-NON-COMMERCIAL-RESEARCH-COMMUNITY-LICENSE-AGREEMENT.txt",
    "tongyi-qianwen-research-license.txt", "mistral-research-license-0.1.md"])
def test_non_commercial_and_research_licenses_say_no_to_commercial_use(name: str) -> None:
    answers = ask(AI / name, commercial=True, fine_tune=True)
    assert answers["commercial"]["answer"] == "no"
    assert answers["commercial"]["clauses"] and all(
        c["kind"] in ("non-commercial", "non-production") for c in answers["commercial"]["clauses"])
    assert any(c["kind"] == "non-commercial" for c in answers["commercial"]["clauses"])
    assert answers["fine-tune"]["answer"] == "conditional"
    assert "for non-commercial purposes only" in answers["fine-tune"]["conditions"]


def test_openmdw_grants_to_deal_without_restriction() -> None:
    """"permission is hereby granted ... to deal in the Model Materials without restriction"
    grants use, modification and redistribution, as MIT's grant does."""
    from opengauge.compliance.texts import from_registry, text_grants
    from opengauge.licenses.sentences import split
    from opengauge.licenses.verdict import grants

    raw = (AI / "OpenMDW-1.1.txt").read_text("utf-8")
    assert grants(split(raw)) == {"use"}  # the analyzer's own reading lists no verbs
    assert text_grants(raw) == {"use", "modify", "redistribute"}
    answers = ask(AI / "OpenMDW-1.1.txt", commercial=True, fine_tune=True, redistribute=True)
    assert {q: a["answer"] for q, a in answers.items()} == {
        "commercial": "yes", "fine-tune": "yes", "redistribute": "yes"}
    assert "granted by OpenMDW License Agreement 1.1" in answers["fine-tune"]["reason"]
    registry = from_registry("openmdw-1.1", "test")
    assert registry is not None and registry.grants == {"use", "modify", "redistribute"}


def test_cc_by_nc_says_no_to_commercial_use(tmp_path: Path) -> None:
    answers = ask(scancode_text("cc-by-nc-4.0", tmp_path), commercial=True, redistribute=True)
    assert answers["commercial"]["answer"] == "no"
    assert answers["redistribute"]["answer"] == "conditional"


def test_tongyi_qianwen_below_its_threshold() -> None:
    answers = ask(AI / "tongyi-qianwen-license.txt", users=50_000_000, commercial=True)
    assert answers["users"]["answer"] == "yes"
    assert "below the limit" in answers["users"]["reason"]
    assert answers["commercial"]["answer"] == "yes"
    assert ask(AI / "tongyi-qianwen-license.txt", users=150_000_000)["users"]["answer"] == "no"


def test_kimi_k2_display_duty_above_its_thresholds() -> None:
    assert ask(AI / "Kimi-K2-LICENSE.txt", users=50_000_000)["users"]["answer"] == "yes"
    above = ask(AI / "Kimi-K2-LICENSE.txt", users=200_000_000)["users"]
    assert above["answer"] == "conditional" and "Kimi K2" in above["conditions"][0]
    # 20 million dollars of monthly revenue: --revenue is annual, so the limit is compared as
    # 12 x 20 million = 240 million a year, and the answer says so.
    assert ask(AI / "Kimi-K2-LICENSE.txt", revenue=10e6)["revenue"]["answer"] == "yes"
    surely = ask(AI / "Kimi-K2-LICENSE.txt", revenue=300e6)["revenue"]
    assert surely["answer"] == "conditional" and surely["thresholds"][0]["result"] == "above"
    assert surely["conditions"][0].startswith("above 20,000,000 USD")
    below = ask(AI / "Kimi-K2-LICENSE.txt", revenue=100e6)["revenue"]
    assert below["answer"] == "yes" and below["thresholds"][0]["result"] == "below"
    assert "12 × 20,000,000 = 240,000,000 USD a year" in below["thresholds"][0]["note"]


def test_military_uses_from_the_use_policy_a_license_makes_binding() -> None:
    record = api.can_i(str(AI / "llama2-license.txt"), military=True)
    assert [t["label"] for t in record["texts"]][1:] == ["llama-2-aup"]
    assert record["texts"][1]["origin"] == "registry"
    (military,) = record["answers"]
    assert military["answer"] == "no"
    assert military["clauses"][0]["quote"].startswith("Military, warfare, nuclear industries")
    assert military["clauses"][0]["file"].endswith("llama-2-aup.LICENSE")


def test_flux_forbids_military_purposes_in_its_list_of_restrictions() -> None:
    """Line 30 ("You will not ... use ... (ii) military purposes"): the clause reader tags it
    a military field-of-use (and non-commercial); can-i quotes it once."""
    military = ask(AI / "FLUX-Non-Commercial-License-v2.1.txt", military=True)["military"]
    assert military["answer"] == "no"
    (clause,) = military["clauses"]
    assert clause["lines"] == [30, 30] and clause["kind"] == "field-of-use"
    assert "(ii) military purposes" in clause["quote"]
    assert "line 30 prohibits it" in military["reason"]


def test_export_control_clauses_are_not_military_prohibitions() -> None:
    """FLUX line 35 names weapons only as purposes prohibited by export laws."""
    line = (AI / "FLUX-Non-Commercial-License-v2.1.txt").read_text("utf-8").splitlines()[34]
    assert "biological weapons" in line and rules.MILITARY.search(line)
    assert not any(rules._military(part) for part in rules._ENUMERATED.split(line))


@pytest.mark.parametrize("name", [
    "FLUX-Non-Commercial-License-v2.1.txt", "EXAONE-AI-Model-License-Agreement-1.1-NC.txt",
    "tongyi-qianwen-research-license.txt", "mistral-research-license-0.1.md"])
def test_non_commercial_licenses_attach_their_condition_to_every_use_question(name: str) -> None:
    answers = ask(AI / name, commercial=True, users=5, revenue=5, region="EU", military=True,
                  train_on_outputs=True)
    assert answers.pop("commercial")["answer"] == "no"
    for question, answer in answers.items():
        assert answer["answer"] != "yes", question
        if answer["answer"] == "conditional":
            assert "for non-commercial purposes only" in answer["conditions"], question
    for question in ("users", "revenue", "region"):
        assert answers[question]["answer"] == "conditional", question


def test_a_binding_policy_that_is_not_available_leaves_military_unknown() -> None:
    answers = ask(AI / "Grok-2-Community-License-Agreement-20251104.txt", military=True,
                  commercial=True)
    assert answers["military"]["answer"] == "unknown"
    assert "Acceptable Use Policy" in answers["military"]["reason"]
    assert answers["commercial"]["answer"] == "conditional"
    assert answers["commercial"]["conditions"][0].startswith("if the use policy allows it")


def test_training_on_outputs() -> None:
    llama2 = ask(AI / "llama2-license.txt", train_on_outputs=True)["train-on-outputs"]
    assert llama2["answer"] == "no"
    assert llama2["exceptions"] == ["excluding Llama 2 or derivative works thereof"]
    llama31 = ask(AI / "llama3_1-license.txt", train_on_outputs=True)["train-on-outputs"]
    assert llama31["answer"] == "conditional"
    assert "at the beginning of any such AI model name" in llama31["conditions"][0]
    flux = ask(AI / "FLUX-Non-Commercial-License-v2.1.txt", train_on_outputs=True)["train-on-outputs"]
    assert flux["answer"] == "no" and flux["scope"] == "models competitive with a FLUX Model"


def test_catalog_model_through_the_registry() -> None:
    record = api.can_i("llama-2", users=800_000_000, military=True)
    assert record["kind"] == "catalog"
    assert [(t["label"], t["kind"], t["origin"]) for t in record["texts"]] == [
        ("llama-2-license-2023", "license", "registry"), ("llama-2-aup", "use-policy", "registry")]
    assert "Llama 2 Community License" in record["texts"][0]["why"]
    answers = {a["question"]: a for a in record["answers"]}
    assert answers["users"]["answer"] == "no" and answers["military"]["answer"] == "no"
    assert answers["users"]["clauses"][0]["file"].endswith("llama-2-license-2023.LICENSE")


def test_catalog_version_follows_the_model_name() -> None:
    record = api.can_i("llama-3.1")
    assert [t["label"] for t in record["texts"]] == ["llama-3.1-license-2024", "llama-3.1-aup"]
    assert any("'Meta Llama 3 Community License' left aside" in n for n in record["notes"])


def test_catalog_llama_3_2_region_names_the_multimodal_models() -> None:
    """llama-3.2 is Llama-3.2-1B-Instruct, typed `language`: the EU clause, scoped to the
    multimodal models, is its condition, not a no."""
    record = api.can_i("llama-3.2", region="EU")
    (region,) = record["answers"]
    assert region["answer"] == "conditional" and region["scope"] is None
    (condition,) = region["conditions"]
    assert condition.startswith("it is not one of the multimodal models included in Llama 3.2")
    assert condition.endswith("the catalog types this model as language")
    assert "withholds the rights from licensees domiciled in the European Union" in condition
    (clause,) = region["clauses"]
    assert clause["kind"] == "territorial" and clause["file"].endswith("llama-3.2-aup.LICENSE")
    assert clause["quote"].startswith("With respect to any multimodal models")


@pytest.mark.parametrize(("model_type", "expected"), [
    (None, "no"), (["multimodal"], "no"), (["image"], "no"), (["text", "image"], "no"),
    (["language"], "conditional"), (["text", "code"], "conditional")])
def test_the_multimodal_scope_follows_the_model_type(model_type, expected) -> None:
    """The Llama 3.2 use policy with --region EU for the multimodal models (or a model of
    unknown type) is no; for a text-only model the scoped clause is a condition."""
    from opengauge.app.session import Session
    from opengauge.compliance.can_i import governing

    texts = governing("llama-3.2", Session()).texts
    region = rules.answer("region", texts, region="EU", model_type=model_type)
    assert region.answer == expected, region.reason
    if expected == "no":
        assert region.scope == "multimodal models included in Llama 3.2"


def test_catalog_open_model_is_yes() -> None:
    answers = ask("olmo", **ALL)
    assert {a["answer"] for a in answers.values()} == {"yes"}


def test_a_model_without_a_known_license_is_unknown() -> None:
    record = api.can_i("stable-beluga")  # its license string has no text here
    assert {a["answer"] for a in record["answers"]} == {"unknown"}
    assert record["answers"][0]["reason"].startswith("no license text was found: ")
    assert "Stable Beluga Non-Commercial Community License" in record["answers"][0]["reason"]


def test_bad_questions_and_targets(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="--region 'XX'"):
        api.can_i("olmo", region="XX")
    with pytest.raises(BadInput, match="--users"):
        api.can_i("olmo", users=-1)
    with pytest.raises(BadInput, match="--revenue must be a finite number"):
        api.can_i("olmo", revenue=float("inf"))
    with pytest.raises(NotFound, match="no such file"):
        api.can_i(str(tmp_path / "LICENSE.txt"))
    with pytest.raises(NotFound, match="did you mean"):
        api.can_i("lama-2")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=6))
def test_region_codes_accept_only_known_codes(code: str) -> None:
    try:
        normalized, covered = rules.region_codes(code)
    except BadInput:
        return
    assert covered and (normalized in ("EU", "EEA") or covered == {normalized})


@settings(max_examples=60, deadline=None)
@given(st.floats(0, 1e12), st.floats(0, 1e12))
def test_above_a_strict_limit_is_restricted(amount: float, limit: float) -> None:
    assert rules.restricted(amount, limit, ">") is (amount > limit)
    assert rules.restricted(amount, limit, ">=") is (amount >= limit)
    assert rules.restricted(amount, limit, None) in ({amount > limit} if amount != limit else {None})


def test_llama_2_above_its_user_threshold_is_no_to_every_question() -> None:
    """The Llama 2 license withholds all rights above 700 million monthly active users."""
    answers = ask("llama-2", users=800_000_000, fine_tune=True, redistribute=True)
    for question in ("fine-tune", "redistribute"):
        assert answers[question]["answer"] == "no", answers[question]["reason"]
        assert "withholds every right" in answers[question]["reason"]
        assert "llama-2" in answers[question]["reason"].lower()
    below = ask("llama-2", users=1_000_000, fine_tune=True)
    assert below["fine-tune"]["answer"] != "no"


def _mit_with(tmp_path: Path, sentence: str) -> Path:
    raw = (SCANCODE / "mit.LICENSE").read_text("utf-8")
    path = tmp_path / "LICENSE"
    path.write_text(re.sub(r"\A---\n.*?\n---\n", "", raw, count=1, flags=re.S).rstrip()
                    + f"\n\n{sentence}\n", "utf-8")
    return path


def test_a_revenue_threshold_in_another_currency_is_conditional_quoting_it(tmp_path: Path) -> None:
    path = _mit_with(tmp_path, "If your annual revenue exceeds EUR 10 million, you must obtain a "
                               "commercial license from us.")
    revenue = ask(path, revenue=5_000_000)["revenue"]
    assert revenue["answer"] == "conditional", revenue["reason"]
    assert "EUR" in revenue["reason"] and "no currency is converted" in revenue["reason"]
    assert "LICENSE" in revenue["reason"]


def test_a_display_duty_triggered_by_commercial_use_makes_commercial_conditional(tmp_path: Path) -> None:
    path = _mit_with(tmp_path, "If you use the Model for commercial purposes, you must prominently "
                               "display \"Powered by Acme\" on your website.")
    commercial = ask(path, commercial=True)["commercial"]
    assert commercial["answer"] in ("conditional", "unknown"), commercial["reason"]
    assert commercial["answer"] != "yes"
    assert "Powered by Acme" in " ".join(commercial["conditions"]) or "line" in commercial["reason"]


def test_unexplained_text_is_never_a_yes_and_names_its_lines(tmp_path: Path) -> None:
    """Unread lines that may decide a question (they name what it is about, or a purpose
    limiting every right) make it unknown, naming them."""
    path = _mit_with(tmp_path, "The Model may be used solely by the Licensee's employees, and "
                               "copies may be shared with partners who accept these terms.")
    last = path.read_text("utf-8").rstrip().count("\n") + 1
    answers = ask(path, fine_tune=True, redistribute=True, commercial=True, military=True)
    for question in ("fine-tune", "redistribute", "commercial", "military"):
        assert answers[question]["answer"] == "unknown", answers[question]["reason"]
        assert f"line {last}" in answers[question]["reason"]
    for answer in answers.values():
        assert answer["reason"]


def test_unread_lines_decide_only_the_questions_they_are_about(tmp_path: Path) -> None:
    """A sentence about training may decide fine-tuning and training on outputs, not
    commercial use or redistribution; a disclaimer decides nothing."""
    path = _mit_with(tmp_path, "The weights were trained on a cluster in Paris and took three "
                               "weeks to finish training.")
    last = path.read_text("utf-8").rstrip().count("\n") + 1
    answers = ask(path, fine_tune=True, redistribute=True, commercial=True, train_on_outputs=True)
    for question in ("fine-tune", "train-on-outputs"):
        assert answers[question]["answer"] == "unknown", answers[question]["reason"]
        assert f"line {last}" in answers[question]["reason"]
    for question in ("commercial", "redistribute"):
        assert answers[question]["answer"] == "yes", answers[question]["reason"]
        assert "LICENSE" in answers[question]["reason"]
    path = _mit_with(tmp_path, "In no event shall the model authors be liable for any outputs "
                               "used in production or for commercial purposes.")
    answers = ask(path, commercial=True, train_on_outputs=True)
    assert answers["commercial"]["answer"] == "yes", answers["commercial"]["reason"]
    path = _mit_with(tmp_path, "If you create derivative works based on this model, please include "
                               "the following attribution in your derivative works.")
    assert ask(path, fine_tune=True)["fine-tune"]["answer"] == "yes"
    path = _mit_with(tmp_path, "You may not use the Model outside the city of Paris.")
    assert ask(path, region="FR")["region"]["answer"] == "unknown"


def test_new_kinds_answer_can_i(tmp_path: Path) -> None:
    """Non-production use only is a no to commercial use; a paid-production clause makes it
    conditional; a guardrail termination makes fine-tuning conditional; a revocable grant is a
    note."""
    path = _mit_with(tmp_path, "Non-Commercial Uses does not include any production use of the "
                               "Software Products or any Derivative Works.")
    assert ask(path, commercial=True)["commercial"]["answer"] == "no"
    path = _mit_with(tmp_path, "Production or commercial use requires a paid Commercial License "
                               "from the copyright holder.")
    commercial = ask(path, commercial=True)["commercial"]
    assert commercial["answer"] in ("conditional", "no"), commercial["reason"]
    assert commercial["answer"] != "yes"
    path = _mit_with(tmp_path, "If You bypass, disable, reduce the efficacy of, or circumvent any "
                               "safety guardrail contained in the Model, your rights under this "
                               "Agreement will automatically terminate.")
    fine_tune = ask(path, fine_tune=True)["fine-tune"]
    assert fine_tune["answer"] == "conditional", fine_tune["reason"]
    assert "safety measures" in fine_tune["reason"]


@pytest.mark.parametrize("name", ["FLUX-Non-Commercial-License-v2.1.txt", "llama2-license.txt",
                                  "Kimi-K2-LICENSE.txt", "llama3_2-license.txt"])
def test_every_reason_names_its_license(name: str) -> None:
    answers = ask(AI / name, **ALL)
    for answer in answers.values():
        assert answer["reason"], answer
        if answer["answer"] != "unknown" or "line" in answer["reason"]:
            assert name in answer["reason"] or "granted by" in answer["reason"], answer["reason"]


@pytest.mark.parametrize("name", ["llama2-license.txt", "llama3-license.txt"])
def test_above_an_all_rights_user_threshold_revenue_and_region_are_no(name: str) -> None:
    """A user threshold that withdraws every right answers no to the other number and the
    region too, not only to the question it counts."""
    answers = ask(AI / name, users=2_000_000_000, revenue=1e11, region="EU", commercial=True)
    for question in ("commercial", "users", "revenue", "region"):
        assert answers[question]["answer"] == "no", (question, answers[question]["reason"])
    assert "700,000,000 monthly active users" in answers["revenue"]["reason"]
    below = ask(AI / name, users=1000, revenue=1e11)
    assert below["revenue"]["answer"] != "no", below["revenue"]["reason"]


def test_a_copy_of_an_agreement_that_binds_a_use_policy_makes_redistribution_conditional(
        tmp_path: Path) -> None:
    """Llama 2: the agreement (with its use policy) goes to every recipient; MIT's and
    Apache-2.0's own copies bind no use policy and stay a yes."""
    redistribute = ask(AI / "llama2-license.txt", redistribute=True)["redistribute"]
    assert redistribute["answer"] == "conditional", redistribute["reason"]
    assert "provide a copy of this Agreement" in redistribute["reason"]
    assert any(c["kind"] == "distribution-duty" for c in redistribute["clauses"])
    for key in ("mit", "apache-2.0"):
        plain = ask(scancode_text(key, tmp_path), redistribute=True)["redistribute"]
        assert plain["answer"] == "yes", (key, plain["reason"])


def test_a_display_duty_for_a_product_or_service_makes_commercial_use_conditional() -> None:
    """Llama 3: "Built with Meta Llama 3" on any product or service that uses the model; the
    Llama 2 license has no such duty and stays a yes below its threshold."""
    commercial = ask(AI / "llama3-license.txt", commercial=True, users=1000)["commercial"]
    assert commercial["answer"] == "conditional", commercial["reason"]
    assert "Built with Meta Llama 3" in commercial["reason"]
    llama_2 = ask(AI / "llama2-license.txt", commercial=True, users=1000)["commercial"]
    assert llama_2["answer"] == "yes", llama_2["reason"]


def test_an_unread_duty_makes_the_questions_it_is_about_conditional_quoting_it(tmp_path: Path) -> None:
    path = _mit_with(tmp_path, "You must clearly attribute the source of the Model to the Licensor "
                               "and provide a copy of this Agreement to any third-party recipients.")
    answers = ask(path, redistribute=True, commercial=True)
    assert answers["redistribute"]["answer"] == "conditional", answers["redistribute"]["reason"]
    assert "clearly attribute the source" in answers["redistribute"]["reason"]
    assert "LICENSE" in answers["redistribute"]["reason"]
    assert answers["commercial"]["answer"] == "yes", answers["commercial"]["reason"]
    # a negation may take the right away: open, not a condition
    path = _mit_with(tmp_path, "You must not provide copies of the Model to any third party.")
    assert ask(path, redistribute=True)["redistribute"]["answer"] == "unknown"


def test_a_duty_on_distribution_conditions_redistribution_only(tmp_path: Path) -> None:
    path = _mit_with(tmp_path, "If you distribute the Model, or a product or service that uses it, "
                               "you shall provide a copy of this Agreement with it.")
    answers = ask(path, redistribute=True, commercial=True)
    assert answers["redistribute"]["answer"] == "conditional", answers["redistribute"]["reason"]
    assert answers["commercial"]["answer"] == "yes", answers["commercial"]["reason"]


def test_a_military_prohibition_in_any_binding_sentence_is_a_no(tmp_path: Path) -> None:
    path = _mit_with(tmp_path, "You shall not, for military or unlawful purposes, use, copy or "
                               "distribute the Model.")
    military = ask(path, military=True)["military"]
    assert military["answer"] == "no", military["reason"]
    assert "military" in military["reason"] and "LICENSE" in military["reason"]


def test_grants_worded_as_permissions(tmp_path: Path) -> None:
    from opengauge.compliance.texts import text_grants

    assert text_grants("This license permits you to use all models in this repository for "
                       "academic research free.") == {"use"}
    assert text_grants("Registered users may use the models for commercial activities.") == {"use"}
    assert text_grants("This license does not permit you to distribute the models.") == set()
    assert text_grants("Users may not use the models to harm others.") == set()


def test_a_second_license_in_the_file_must_grant_too(tmp_path: Path) -> None:
    """Apache-2.0 followed by a model license whose grant names no right: both bind, so
    fine-tuning and redistribution are not a yes from Apache's grant."""
    raw = (SCANCODE / "apache-2.0.LICENSE").read_text("utf-8")
    apache = re.sub(r"\A---\n.*?\n---\n", "", raw, count=1, flags=re.S).rstrip()
    path = tmp_path / "LICENSE"
    path.write_text(apache + "\n\n\nModel License\n\nThe Licensor hereby grants you a non-exclusive, "
                    "worldwide, non-transferable, revocable, royalty-free copyright license.\n", "utf-8")
    answers = ask(path, fine_tune=True, redistribute=True)
    for question in ("fine-tune", "redistribute"):
        assert answers[question]["answer"] != "yes", answers[question]["reason"]


def test_export_control_wording_conditions_the_region_and_acceptance_decides_nothing(tmp_path: Path) -> None:
    path = _mit_with(tmp_path, "You will not export the Model to any country where export control "
                               "or trade sanctions laws prohibit it.")
    region = ask(path, region="US")["region"]
    assert region["answer"] in ("conditional", "unknown"), region["reason"]
    assert region["answer"] != "yes"
    path = _mit_with(tmp_path, "If you do not agree to this License, then you do not have any rights "
                               "to use, distribute or modify the Model.")
    answers = ask(path, commercial=True, redistribute=True)
    assert answers["commercial"]["answer"] == "yes", answers["commercial"]["reason"]


def test_an_unread_non_commercial_purpose_reads_as_the_non_commercial_clause(tmp_path: Path) -> None:
    path = _mit_with(tmp_path, "Subject to the terms of this agreement, you have the below rights to "
                               "use the Materials solely for non-commercial, non-revenue generating, "
                               "research purposes.")
    answers = ask(path, commercial=True, fine_tune=True)
    assert answers["commercial"]["answer"] == "no", answers["commercial"]["reason"]
    assert "solely for non-commercial" in answers["commercial"]["reason"]
    assert answers["fine-tune"]["answer"] in ("conditional", "unknown")
    # "solely" without a purpose is no non-commercial clause: open, never a no from it
    path = _mit_with(tmp_path, "The authors trained the model solely on public data.")
    assert ask(path, commercial=True)["commercial"]["answer"] != "no"


def test_an_export_law_clause_conditions_the_region_and_a_place_in_unknown_words_does_not() -> None:
    # FLUX line 35: "... to any individual, entity, or country prohibited by Export Laws"
    region = ask(AI / "FLUX-Non-Commercial-License-v2.1.txt", region="EU")["region"]
    assert region["answer"] == "conditional"
    assert "not where export or sanctions laws forbid it" in region["reason"]
    assert "line 35" in region["reason"]


def test_a_use_limited_by_a_place_opengauge_cannot_locate_leaves_the_region_unknown(
        tmp_path: Path) -> None:
    text = (AI / "FLUX-Non-Commercial-License-v2.1.txt").read_text("utf-8").splitlines()
    text[34] = ("- f. use the FLUX Model or Derivatives for any purpose by anyone domiciled in "
                "the free city of Elsewhere.")
    changed = tmp_path / "LICENSE"
    changed.write_text("\n".join(text) + "\n", "utf-8")
    region = ask(changed, region="EU")["region"]
    assert region["answer"] in ("unknown", "no"), region
    assert region["answer"] != "yes"
