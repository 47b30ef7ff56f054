"""The governing terms of a catalog model are the asked model's own (issue 12, item 3)."""

from __future__ import annotations

from opengauge import api
from opengauge.app.session import Session
from opengauge.compliance import rules
from opengauge.compliance.can_i import Questions, can_i
from opengauge.compliance.texts import catalog_texts, same_release
from opengauge.model import Assessment, Evidence, Locator, Ranked, Rating, Subject
from opengauge.verdict import Text, decide


def answers(name: str, **asked: bool) -> dict[str, dict]:
    found = can_i(name, Questions(**asked), Session())
    return {a["question"]: a for a in found["answers"]}


def test_another_generation_never_lends_its_license() -> None:
    assert same_release(["Llama 2"], ["LLaMA2 Chat", "Llama-2-70B-Chat"])
    assert same_release(["Snowflake-Arctic-Instruct"], ["Arctic-Instruct"])
    assert not same_release(["Grok 2"], ["Grok-1"])
    assert not same_release(["DeepSeek V3.2"], ["DeepSeek-V3"])
    report = api.check("grok-2")  # Grok 2 (EU index); Grok-1.yml is the family `grok` since the split
    labels = [t["label"] for t in report.license_dict()["texts"]]
    assert labels == ["grok-2-community"]  # not Grok-1.yml's Apache-2.0
    assert [t["label"] for t in api.check("grok").license_dict()["texts"]] == ["apache-2.0"]
    found = answers("grok-2", commercial=True, train_on_outputs=True)
    assert found["train-on-outputs"]["answer"] == "no"
    assert found["commercial"]["answer"] != "yes"


def test_a_known_missing_license_is_named_and_answers_unknown() -> None:
    found = can_i("stable-beluga", Questions(commercial=True), Session())
    if not found["texts"]:  # only the missing string: nothing else may answer
        assert found["answers"][0]["answer"] == "unknown"
    assert any("Stable Beluga Non-Commercial Community License" in n and "no license text" in n
               for n in found["notes"])


def test_weights_not_released_answer_no_and_unknown_whatever_the_license() -> None:
    found = answers("chatgpt", commercial=True, fine_tune=True, redistribute=True,
                    train_on_outputs=True)
    for question in ("fine-tune", "redistribute", "train-on-outputs"):
        assert (found[question]["answer"], found[question]["reason"]) == (
            "no", "no weights are released")
    assert found["commercial"]["answer"] == "unknown"
    assert "service terms" in found["commercial"]["reason"]
    released = answers("llama-2", fine_tune=True)  # weights released: the license decides
    assert released["fine-tune"]["reason"] != "no weights are released"


def eu_record(license_id: str, note: str) -> dict[str, Ranked]:
    subject = Subject("m", "Model 1", license=license_id, end_model="Model-1-7B")
    rating = Rating("licenses", "open", [Evidence("osai-index", Locator(file="M.yaml"), None, note)])
    return {"osai": Ranked(Assessment(subject, "osai", [rating], source="osai-index",
                                      source_file="M.yaml"), 1, 1)}


def test_a_curated_license_against_the_records_own_note_raises_a_conflict() -> None:
    found = eu_record("Apache-2.0", "Weights: Research purposes only.")
    governing = catalog_texts(found["osai"].assessment.subject, found)
    [conflict] = governing.findings
    assert conflict["id"] == "curated-license-conflict"
    assert "Research purposes only" in conflict["message"] and "Apache" in conflict["message"]
    note = governing.texts[-1]
    assert note.record["origin"] == "record-note" and note.restrictions[0]["kind"] == "non-commercial"
    headline = decide([Text.of(t.result) for t in governing.texts],
                      {k: v.assessment for k, v in found.items()})
    assert headline.summary["open_source"] is False  # the more restrictive reading decides
    assert rules.answer("commercial", governing.texts).answer == "no"
    plain = eu_record("Apache-2.0", "Apache 2.0 for weights and code")
    assert catalog_texts(plain["osai"].assessment.subject, plain).findings == []


def test_another_releases_permissive_license_raises_no_conflict() -> None:
    codegen = api.check("codegen-2.5")  # Apache-2.0 is CodeGen2's (MOT), not CodeGen2.5's
    assert "curated-license-conflict" not in [f.id for f in codegen.findings]
    assert not any(t["open_source"] for t in codegen.license_dict()["texts"])


def test_each_framework_names_its_release_and_a_mix_is_a_warning() -> None:
    gemma = api.check("gemma")  # Gemma 1, in two variants
    releases = {f: r.assessment.extra["release"] for f, r in gemma.frameworks.items()}
    assert releases["ouc-2023"] == "Gemma 7B Instruct" and releases["mof"] == "gemma-1.1-2b"
    [finding] = [f for f in gemma.findings if f.id == "frameworks-rate-different-releases"]
    assert "gemma-1.1-2b" in finding.message and finding.severity == "warning"
    llama = api.check("llama-2")  # every framework rates a Llama 2 release
    assert "frameworks-rate-different-releases" not in [f.id for f in llama.findings]


def _quotes_from(found: dict, question: str, key: str) -> list[dict]:
    answer = next(a for a in found["answers"] if a["question"] == question)
    assert answer["answer"] != "unknown", answer
    return [c for c in answer["clauses"] if c["text"] == key and c["lines"] and c["quote"]]


def test_a_release_whose_publisher_text_was_added_answers_from_that_text() -> None:
    # EXAONE 4.0.1's "EXAONE AI Model License Agreement 1.2" (a table entry): the 1.2 - NC text
    found = can_i("exaone", Questions(commercial=True, train_on_outputs=True), Session())
    assert [t["label"] for t in found["texts"]] == ["exaone-1.2-nc"]
    commercial = _quotes_from(found, "commercial", "exaone-1.2-nc")
    assert found["answers"][0]["answer"] == "no"
    assert any("expressly prohibited" in c["quote"] and c["kind"] == "non-commercial"
               for c in commercial)
    assert _quotes_from(found, "train-on-outputs", "exaone-1.2-nc")
    # DBRX's "Databricks Open Model License" (by name), with the use policy it makes binding
    dbrx = can_i("dbrx", Questions(commercial=True, train_on_outputs=True), Session())
    assert {t["label"] for t in dbrx["texts"]} == {"databricks-open-model",
                                                  "databricks-open-model-aup"}
    threshold = _quotes_from(dbrx, "commercial", "databricks-open-model")
    assert any(c["kind"] == "user-threshold" and "700 million" in c["quote"] for c in threshold)
    training = _quotes_from(dbrx, "train-on-outputs", "databricks-open-model")
    assert dbrx["answers"][1]["answer"] == "no"
    assert any(c["kind"] == "no-model-training" for c in training)
    # LTX-2.3's "LTX-2 Community License Agreement" (by name): the revenue threshold decides
    ltx = can_i("ltx-video", Questions(commercial=True), Session())
    assert [t["label"] for t in ltx["texts"]] == ["ltx-2-community-2026-01-05"]
    assert ltx["answers"][0]["answer"] == "conditional"
    assert any(c["kind"] == "revenue-threshold"
               for c in _quotes_from(ltx, "commercial", "ltx-2-community-2026-01-05"))
