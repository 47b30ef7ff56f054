"""The EU AI Act open-source exemption check on real catalog records, release folders, a
local Hub and the CLI."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli_process import run_cli
from hubserver import HubServer
from opengauge import api
from opengauge.app.session import Session, SessionConfig
from opengauge.compliance import NOTICE
from opengauge.compliance.eu_ai_act import THRESHOLD, compare_to_limit
from opengauge.sources.scale import MIN_TRAINING_TOKENS, token_counts
from opengauge.store import Store
from reference_data import REFERENCE

APACHE = (REFERENCE / "licenses" / "scancode" / "apache-2.0.LICENSE").read_text().split("---", 2)[2]


def criteria(section: dict) -> dict[str, dict]:
    return {c["id"]: c for c in section["criteria"]}


def write_safetensors(path: Path, shape: list[int], dtype: str = "F16") -> None:
    """A safetensors file with one tensor; large data is a sparse hole (nothing is read)."""
    width = {"F16": 2, "U8": 1}[dtype]
    size = width
    for n in shape:
        size *= n
    header = {"__metadata__": {"format": "pt"},
              "w": {"dtype": dtype, "shape": shape, "data_offsets": [0, size]}}
    raw = json.dumps(header).encode()
    raw += b" " * (-len(raw) % 8)
    with path.open("wb") as handle:
        handle.write(struct.pack("<Q", len(raw)) + raw)
        handle.truncate(8 + len(raw) + size)


CARD = """---
license: apache-2.0
{extra}---
# Open model

## Intended uses & limitations

Use it for research and products; it is not meant for medical advice.

## Training data

The model was pretrained on {tokens} of openly licensed data.
"""


# -- catalog models ----------------------------------------------------------------------------

def test_llama2_is_not_exempt_its_license_is_not_open_source():
    section = api.check("llama-2").context["eu_ai_act"]
    # no source gives the training tokens: scope unknown, so no exemption status either way
    assert section["scope"]["result"] == "unknown" and section["status"] == "unknown"
    assert "training compute unknown" in section["scope"]["note"]
    assert section["exemption"] == "not-exempt"
    assert section["reasons"][0].startswith("scope unknown")
    assert section["notice"] == NOTICE
    money = criteria(section)["monetisation"]
    # above 700 million users a licence must be requested; the clause says nothing of a price
    assert money["result"] == "unknown" and "does not say whether it is paid" in money["note"]
    assert "700 million" in money["evidence"][0]["quote"]
    license_ = criteria(section)["license"]
    assert license_["result"] == "not-met"
    assert "llama-2-license-2023" in license_["note"] and "recitals 102-104" in license_["note"]
    first = license_["evidence"][0]
    assert first["locator"]["file"].endswith("llama-2-license-2023.LICENSE")
    assert first["locator"]["field"] == "user-threshold" and first["locator"]["line"] == 81
    assert "700 million" in first["quote"]
    # the size is the 70B release the catalog shows; no token count anywhere: no estimate
    risk = section["systemic_risk"]
    assert risk["parameters"] == 70_000_000_000 and risk["training_tokens"] is None
    assert risk["result"] == "unknown" and risk["flop_estimate"] is None
    assert risk["evidence"][0]["locator"]["field"] == "release.version"


@pytest.mark.parametrize("model", ["olmo-3", "amber"])
def test_apache_models_meet_every_criterion_but_compute_is_unknown(model):
    section = api.check(model).context["eu_ai_act"]
    found = criteria(section)
    assert {k: c["result"] for k, c in found.items()} == {
        "license": "met", "weights": "met", "architecture": "met", "usage": "met",
        "monetisation": "met"}
    assert "apache-2.0" in found["license"]["note"]
    assert all(c["evidence"] for c in found.values())
    # no curated record states how many tokens these models were trained on
    assert section["systemic_risk"]["training_tokens"] is None
    assert section["status"] == "unknown" and section["exemption"] == "unknown"
    assert section["scope"]["modality"] == "in" and section["scope"]["result"] == "unknown"
    assert section["reasons"] == [f"scope unknown: {section['scope']['note']}",
                                  "training compute unknown"]
    obligations = {o["id"]: o for o in section["remaining_obligations"]}
    assert {k: o["result"] for k, o in obligations.items()} == {
        "copyright-policy": "unknown", "training-data-summary": "unknown"}
    # the index's datasheet is training-data documentation, not the template's summary
    summary = obligations["training-data-summary"]
    assert "not a public summary in the Commission's template" in summary["note"]
    assert summary["evidence"]


def test_olmo_size_from_another_release_is_not_used():
    """The EU index rates Olmo 3 32B, which has no MOT release: no size from OLMo 1's files."""
    risk = api.check("olmo-3").context["eu_ai_act"]["systemic_risk"]
    assert risk["parameters"] is None
    assert risk["note"] == "parameters and training tokens not found: no estimate"


def test_pythia_size_comes_from_its_release_file():
    risk = api.check("pythia-6.9b").context["eu_ai_act"]["systemic_risk"]  # the release itself
    assert risk["parameters"] == 6_900_000_000
    assert risk["evidence"][0]["locator"] == {"url": None, "file": "Pythia-6.9B.yml", "line": 7,
                                              "field": "release.version"}


def test_catalog_note_gives_tokens_and_an_estimate_below_the_gpai_compute():
    section = api.check("chatglm-6b").context["eu_ai_act"]
    risk = section["systemic_risk"]
    assert (risk["parameters"], risk["training_tokens"]) == (6_000_000_000, 1_000_000_000_000)
    assert risk["flop_estimate"] == pytest.approx(3.6e22)
    assert risk["result"] == "below"
    assert "1T tokens" in risk["evidence"][1]["quote"]
    # 3.6e22 FLOP is below the guidelines' 10^23: likely not a GPAI model, whatever the criteria
    assert section["scope"]["result"] == "likely-not-gpai" and section["scope"]["reason"] == "compute"
    assert section["status"] == "out-of-scope"
    assert section["reasons"] == [f"likely not a general-purpose AI model (compute): "
                                  f"{section['scope']['note']}; the GPAI obligations likely do not apply"]
    assert section["exemption"] == "not-exempt"  # still shown: the usage criterion is not met


def test_mixture_of_experts_above_the_limit_stays_unknown():
    risk = api.check("deepseek-v3").context["eu_ai_act"]["systemic_risk"]
    assert risk["flop_estimate"] == pytest.approx(6 * 671e9 * 14.8e12)
    assert risk["flop_estimate"] > THRESHOLD
    assert risk["result"] == "unknown" and "mixture of experts" in risk["note"]
    scope = api.check("deepseek-v3").context["eu_ai_act"]["scope"]
    assert scope["result"] == "unknown" and "does not settle it" in scope["note"]


# -- the estimate and the token parser ---------------------------------------------------------

def test_threshold_boundary():
    assert compare_to_limit(THRESHOLD) == "below"  # Art. 51(2): "greater than"
    assert compare_to_limit(THRESHOLD * (1 + 1e-12)) == "above"
    assert compare_to_limit(6 * 7e9 * 2e12) == "below"
    assert compare_to_limit(6 * 405e9 * 15.6e12) == "above"


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=1, max_value=1e13), st.floats(min_value=1, max_value=1e16))
def test_compare_is_the_product_against_the_limit(params, tokens):
    assert (compare_to_limit(6 * params * tokens) == "above") == (6 * params * tokens > THRESHOLD)


@pytest.mark.parametrize(("text", "expected"), [
    ("Llama 2 was pretrained on 2 trillion tokens of data from publicly available sources", 2e12),
    ("trained on up to 5T tokens", 5e12),
    ("The model was pretrained on 15.6T.", 15.6e12),
    ("a training corpus of 1,000,000,000,000 tokens", 1e12),
    ("Viking is being trained on a 2 trillion token mixed dataset", 2e12),
    ("further trained on 500 billion tokens of primarily English language data", 5e11),
    ("| [OLMo 2 Mix](https://huggingface.co/datasets/allenai/olmo-mix-1124) (3.9T tokens)", 3.9e12),
])
def test_token_counts_in_card_text(text, expected):
    assert [value for value, _, _ in token_counts(text)] == [pytest.approx(expected)]


@pytest.mark.parametrize("text", [
    "trained with a context length of 4096 tokens",   # a context length, below one billion
    "a batch size of 4M tokens during pretraining",
    "2T tokens",                                       # no word about training or data
    "trained on 7B parameters",                        # not a token count
])
def test_no_token_count(text):
    assert token_counts(text) == []


UNIT_WORDS = {"T": 1e12, "trillion": 1e12, "B": 1e9, "billion": 1e9}


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from(sorted(UNIT_WORDS)), st.sampled_from(["", " "]),
       st.sampled_from(["trained on {n} tokens", "pretraining data: {n} tokens",
                        "The model was trained on {n}."]))
def test_token_count_round_trip(whole, tenth, unit, space, template):
    number = f"{whole}.{tenth}" if tenth else str(whole)
    text = template.format(n=f"{number}{space}{unit}")
    expected = float(number) * UNIT_WORDS[unit]
    found = token_counts(text)
    if expected < MIN_TRAINING_TOKENS:
        assert found == []
    else:
        assert [v for v, _, _ in found] == [pytest.approx(expected)]


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_token_counts_never_fail_on_any_text(text):
    for value, line, quoted in token_counts(text):
        assert value >= MIN_TRAINING_TOKENS and value == value and value != float("inf")
        assert text.split("\n")[line - 1] == quoted


# -- a local release folder --------------------------------------------------------------------

def _release(tmp_path: Path, tokens: str, shape: list[int], extra: str = "",
             config: dict | None = None) -> Path:
    folder = tmp_path / "release"
    folder.mkdir(parents=True)
    (folder / "README.md").write_text(CARD.format(tokens=tokens, extra=extra))
    (folder / "LICENSE").write_text(APACHE)
    (folder / "config.json").write_text(json.dumps(config or {
        "architectures": ["LlamaForCausalLM"], "model_type": "llama"}))
    write_safetensors(folder / "model.safetensors", shape, "U8")
    return folder


def test_local_release_estimate_with_its_sources(tmp_path):
    folder = _release(tmp_path, "2 trillion tokens", [20_000, 1_000_000])
    section = api.check_target(str(folder)).context["eu_ai_act"]
    risk = section["systemic_risk"]
    assert (risk["parameters"], risk["training_tokens"]) == (20_000_000_000, 2_000_000_000_000)
    assert risk["flop_estimate"] == pytest.approx(2.4e23) and risk["result"] == "below"
    assert section["scope"]["result"] == "likely-gpai"
    params, tokens = risk["evidence"]
    assert params["locator"]["file"].endswith("model.safetensors")
    assert tokens["locator"] == {"url": None, "file": str(folder / "README.md"), "line": 12,
                                 "field": None}
    assert "2 trillion tokens" in tokens["quote"]
    found = criteria(section)
    assert found["license"]["result"] == "met"
    # a folder shows what a release holds, not that it is public
    for cid in ("weights", "architecture", "usage"):
        assert found[cid]["result"] == "unknown", cid
        assert "local copy does not show that it is public" in found[cid]["note"]
    assert section["status"] == "unknown" and section["exemption"] == "unknown"
    summary = {o["id"]: o for o in section["remaining_obligations"]}
    assert summary["training-data-summary"]["result"] == "unknown"
    assert "the model card has a training-data section" in summary["training-data-summary"]["note"]


def test_local_release_above_the_limit_is_not_exempt(tmp_path):
    folder = _release(tmp_path, "300 trillion tokens", [7_000, 1_000_000])
    section = api.check_target(str(folder)).context["eu_ai_act"]
    assert section["systemic_risk"]["result"] == "above"
    assert section["status"] == "not-exempt"
    assert any("systemic risk" in r for r in section["reasons"])


@pytest.mark.slow
def test_local_mixture_of_experts_and_fine_tune_stay_unknown(tmp_path):
    moe = _release(tmp_path / "a", "300 trillion tokens", [7_000, 1_000_000],
                   config={"architectures": ["MixtralForCausalLM"], "num_local_experts": 8})
    risk = api.check_target(str(moe)).context["eu_ai_act"]["systemic_risk"]
    assert risk["result"] == "unknown" and "num_local_experts: 8" in json.dumps(risk["evidence"])
    tuned = _release(tmp_path / "b", "2 trillion tokens", [1_000, 1_000],
                     extra="base_model: mistralai/Mistral-7B-v0.1\n")
    risk = api.check_target(str(tuned)).context["eu_ai_act"]["systemic_risk"]
    assert risk["flop_estimate"] is not None and risk["result"] == "unknown"
    assert "mistralai/Mistral-7B-v0.1" in risk["note"]


# -- a Hub id on the local test Hub ------------------------------------------------------------

def _hub_check(hub: HubServer, repo_id: str, tmp_path: Path):
    with Store(tmp_path / "store.sqlite3") as store:
        config = SessionConfig.of(endpoint=hub.url, token=False, timeout=2.0, retries=1,
                                  backoff=0.01)
        return Session(config, store=store).check_target(repo_id)


def _small_weights(tmp_path: Path) -> bytes:
    path = tmp_path / "w.safetensors"
    write_safetensors(path, [64, 64])
    return path.read_bytes()


def test_public_hub_repository_is_likely_exempt(hub, tmp_path):
    hub.add_model("open-org/open-model", {
        "README.md": CARD.format(tokens="2T tokens", extra=""), "LICENSE": APACHE,
        "config.json": json.dumps({"architectures": ["LlamaForCausalLM"], "model_type": "llama"}),
        "model.safetensors": _small_weights(tmp_path)},
        extra={"safetensors": {"parameters": {"F16": 20_000_000_000}, "total": 20_000_000_000}})
    section = _hub_check(hub, "open-org/open-model", tmp_path).context["eu_ai_act"]
    found = criteria(section)
    assert {k: c["result"] for k, c in found.items()} == {
        "license": "met", "weights": "met", "architecture": "met", "usage": "met",
        "monetisation": "met"}
    assert found["usage"]["evidence"][0]["locator"]["url"].startswith(hub.url)
    risk = section["systemic_risk"]
    assert (risk["parameters"], risk["training_tokens"]) == (20_000_000_000, 2_000_000_000_000)
    assert section["scope"]["result"] == "likely-gpai"
    assert risk["evidence"][0]["locator"]["url"] == f"{hub.url}/api/models/open-org/open-model"
    assert risk["result"] == "below"
    assert risk["evidence"][1]["locator"]["url"].endswith("README.md#L12")
    assert section["status"] == "likely-exempt" and section["reasons"] == []


def test_gated_hub_repository_weights_are_not_shown_public(hub, tmp_path):
    hub.add_model("closed-org/gated-model", {
        "README.md": CARD.format(tokens="2T tokens", extra=""), "LICENSE": APACHE,
        "model.safetensors": _small_weights(tmp_path)}, gated="manual")
    section = _hub_check(hub, "closed-org/gated-model", tmp_path).context["eu_ai_act"]
    weights = criteria(section)["weights"]
    assert weights["result"] == "unknown" and "gated on the Hub (manual)" in weights["note"]
    assert section["status"] == "unknown"


# -- the command line --------------------------------------------------------------------------

def test_cli_json_carries_the_section_and_the_notice():
    result = run_cli("check", "llama-2", "--eu-ai-act", "-f", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["notice"] == NOTICE
    section = document["models"][0]["eu_ai_act"]
    assert section["status"] == "unknown" and section["exemption"] == "not-exempt"
    assert section["scope"]["compute_threshold"] == 1e23
    assert section["systemic_risk"]["threshold"] == 1e25
    assert [c["id"] for c in section["criteria"]] == ["license", "weights", "architecture", "usage",
                                                      "monetisation"]


@pytest.mark.slow
def test_cli_table_and_markdown_show_the_section_only_when_asked():
    table = run_cli("check", "olmo", "--eu-ai-act", "-f", "table")
    assert table.returncode == 0, table.stderr
    assert NOTICE.split(";")[0] in table.stdout
    assert "EU AI Act open-source exemption (Art. 53(2)): unknown" in table.stdout
    assert "license (Art. 53(2), Art. 2(12)): met" in table.stdout
    assert "remains even when exempt: copyright-policy (Art. 53(1)(c)): unknown" in table.stdout
    markdown = run_cli("check", "olmo", "--eu-ai-act", "-f", "markdown")
    assert "- **EU AI Act open-source exemption (Art. 53(2)): unknown**" in markdown.stdout
    plain = run_cli("check", "olmo", "-f", "table")
    assert "EU AI Act" not in plain.stdout and "Not legal advice" not in plain.stdout
    assert json.loads(run_cli("check", "olmo", "-f", "json").stdout)["models"][0]["eu_ai_act"]


def test_cli_bad_input(tmp_path):
    listing = tmp_path / "targets.txt"
    listing.write_text("olmo\n")
    both = run_cli("check", "--from", str(listing), "--eu-ai-act")
    assert both.returncode == 2 and "--eu-ai-act" in both.stderr
    assert "Traceback" not in both.stderr and len(both.stderr.strip().splitlines()) == 1
    missing = run_cli("check", str(tmp_path / "nope"), "--eu-ai-act")
    assert missing.returncode == 3 and "Traceback" not in missing.stderr


def test_the_rules_and_fields_are_documented():
    from opengauge.compliance.eu_ai_act import CRITERIA, OBLIGATIONS

    root = Path(__file__).resolve().parents[2]
    docs = (root / "docs" / "compliance.md").read_text()
    readme = (root / "README.md").read_text()
    assert "## EU AI Act open-source exemption" in docs and "--eu-ai-act" in readme
    for name in (*CRITERIA, *OBLIGATIONS):
        assert f"| `{name}` |" in docs, name
    for word in ("likely-exempt", "not-exempt", "flop_estimate", "training_tokens", "threshold",
                 "remaining_obligations", "systemic_risk", "notice", "reasons"):
        assert f"`{word}`" in docs, word
