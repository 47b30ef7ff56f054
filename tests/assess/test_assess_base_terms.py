"""A derivative is bound by its base model's terms: relabelling a fine-tune of a model that is
not open source under MIT does not make it open source (docs/rating-rules.md, "The license
picture")."""

from __future__ import annotations

import json

import pytest

from opengauge.assess.gate import evaluate, parse
from opengauge.formats.records import report_record

from .conftest import LICENSE_TEXTS, ratings, release, run_cli

MIT = (LICENSE_TEXTS / "scancode" / "mit.LICENSE")


def mit_text() -> str:
    text = MIT.read_text() if MIT.is_file() else (
        "Permission is hereby granted, free of charge, to any person obtaining a copy of this "
        "software and associated documentation files (the \"Software\"), to deal in the Software "
        "without restriction, including without limitation the rights to use, copy, modify, "
        "merge, publish, distribute, sublicense, and/or sell copies of the Software.\n")
    return text.split("---", 2)[2].lstrip() if text.startswith("---") else text


def relabelled(tmp_path, base: str):
    """A fine-tune of `base` whose card and LICENSE say MIT."""
    return release(tmp_path, card=f"---\nbase_model: {base}\nlicense: mit\n---\n# A fine-tune\n",
                   files={"LICENSE": mit_text()})


def gate(report, *requires):
    return evaluate(report_record(report), parse(list(requires)))


def test_mit_relabelled_fine_tune_of_llama_2_is_not_open_source(check, tmp_path):
    report = check(str(relabelled(tmp_path, "meta-llama/Llama-2-7b")))
    record = report_record(report)
    assert record["license"]["open_source"] is False
    assert record["summary"]["open_source"] is False
    assert "base-model meta-llama/Llama-2-7b llama2" in record["license"]["basis"]
    assert [f.id for f in report.findings] == ["more-permissive-than-base"]
    licenses = ratings(report)["licenses"]
    assert licenses.level == "closed"
    assert any(e.note and e.note.startswith("meta-llama/Llama-2-7b: Llama 2") and "not open source"
               in e.note for e in licenses.evidence)
    outcome = gate(report, "open-source")
    assert not outcome["passed"] and outcome["requirements"][0]["reason"] == "not open source"


def test_base_whose_license_is_undetermined_makes_the_terms_unknown(check, hub, tmp_path):
    hub.add_model("org/mystery-base", {"README.md": "# No license in the front matter\n",
                                       "model.safetensors": b"\0" * 16})
    report = check(str(relabelled(tmp_path, "org/mystery-base")))
    record = report_record(report)
    assert record["license"]["open_source"] is None
    assert record["summary"]["open_source"] is None
    licenses = ratings(report)["licenses"]
    assert licenses.level == "unknown"
    assert any(e.note == "org/mystery-base: no license declared" for e in licenses.evidence)
    outcome = gate(report, "open-source")
    assert not outcome["passed"]
    assert outcome["requirements"][0]["reason"] == "open source status unknown"


def test_fine_tune_of_an_open_base_stays_open_source(check, tmp_path):
    report = check(str(relabelled(tmp_path, "Qwen/Qwen2.5-0.5B")))
    assert report_record(report)["license"]["open_source"] is True
    assert "more-permissive-than-base" not in [f.id for f in report.findings]
    assert gate(report, "open-source")["passed"]


@pytest.mark.slow
def test_release_gate_on_the_command_line(hub, tmp_path):
    done = run_cli("check", str(relabelled(tmp_path, "meta-llama/Llama-2-7b")), "-f", "json",
                   "--require", "open-source", env={"OPENGAUGE_HUB_ENDPOINT": hub.url})
    assert done.returncode == 1, done.stderr
    assert "requirements not met: open-source (not open source)" in done.stderr
    assert json.loads(done.stdout)["models"][0]["license"]["open_source"] is False
