"""The truth corpus (benchmarks/licenses/truth/) is well-formed: every text has its source and
hand-written answers. The benchmark itself (benchmarks/licenses/truth.py) is not run here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from opengauge.licenses.registry import registry

TRUTH = Path(__file__).resolve().parents[2] / "benchmarks" / "licenses" / "truth"
QUESTIONS = ["commercial", "users", "revenue", "region", "fine-tune", "redistribute",
             "train-on-outputs", "military"]
# today's kinds (docs/licenses.md) and the ones issue 11 adds
KINDS = {"user-threshold", "revenue-threshold", "territorial", "field-of-use", "non-commercial",
         "no-model-training", "no-derivatives", "remote-restriction", "click-through",
         "updatable-terms", "flow-down", "attribution-display", "non-production",
         "paid-production", "circumvention-termination", "revocable-grant",
         "licensor-ethics-terms", "hosting-agreement", "derivative-naming"}


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load((TRUTH / "manifest.yml").read_text(encoding="utf-8"))


def test_enough_real_texts_from_enough_publishers(manifest: dict) -> None:
    cases = manifest["cases"]
    assert len(cases) >= 150
    assert len({c["publisher"] for c in cases.values()}) >= 40


def test_the_questions_and_asks_are_the_documented_ones(manifest: dict) -> None:
    assert manifest["questions"] == QUESTIONS
    small, large = manifest["asks"]["small"], manifest["asks"]["large"]
    assert set(small) == set(large) == {"users", "revenue", "region"}
    assert small["users"] < large["users"] and small["revenue"] < large["revenue"]


def test_every_case_has_a_source_and_hand_written_answers(manifest: dict) -> None:
    keys = set(registry().all_ids())
    for file, case in manifest["cases"].items():
        source = case["source"]
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", source["repo"]), file
        assert source["path"] and re.fullmatch(r"[0-9a-f]{40}", source["commit"]), file
        assert case["publisher"], file
        licenses = case["license"] if isinstance(case["license"], list) else [case["license"]]
        for item in licenses:
            for key in item.split("|"):
                assert key == "unknown" or key in keys, (file, key)
        assert case["open_source"] in (True, False, None), file
        assert set(case["kinds"]) <= KINDS, (file, case["kinds"])
        for size in ("small", "large"):
            codes = case[size].split()
            assert len(codes) == len(QUESTIONS) and set(codes) <= set("yncu"), (file, size)
        assert case.get("named_by") in (None, "reference"), file


def test_every_text_is_listed_and_every_listed_text_exists(manifest: dict) -> None:
    on_disk = {p.relative_to(TRUTH / "texts").as_posix()
               for p in (TRUTH / "texts").rglob("*") if p.is_file()}
    assert on_disk == set(manifest["cases"])


def test_answers_agree_with_the_verdict(manifest: dict) -> None:
    """A text judged open source answers no question with `no`; a text with no restriction
    found by hand is never judged not open source."""
    for file, case in manifest["cases"].items():
        if case["open_source"] is True:
            assert "n" not in (case["small"] + case["large"]).split(), file
            assert not case["kinds"], file
        if not case["kinds"]:
            assert case["open_source"] is not False, file
