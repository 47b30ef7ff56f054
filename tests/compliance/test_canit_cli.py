"""`opengauge can-i` as a process: every format carries the notice, exit codes, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from cli_process import run_cli
from opengauge.compliance import NOTICE
from reference_data import REFERENCE

LLAMA2 = str(REFERENCE / "licenses" / "ai" / "llama2-license.txt")


def test_json_envelope_and_fields() -> None:
    done = run_cli("can-i", LLAMA2, "--users", "800000000", "--commercial")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["notice"] == NOTICE and doc["schema_version"] == "1.0"
    (record,) = doc["targets"]
    assert record["notice"] == NOTICE and record["kind"] == "files"
    assert record["questions"] == ["commercial", "users"]
    assert record["counts"] == {"yes": 0, "conditional": 0, "no": 2, "unknown": 0}
    users = record["answers"][1]
    assert set(users) == {"question", "asked", "value", "answer", "reason", "scope", "clauses",
                          "thresholds", "conditions", "exceptions"}
    assert users["value"] == 800000000 and users["answer"] == "no"


@pytest.mark.parametrize("fmt", ["table", "markdown", "jsonl", "csv"])
def test_every_format_carries_the_notice(fmt: str) -> None:
    done = run_cli("can-i", LLAMA2, "--users", "800000000", "-f", fmt)
    assert done.returncode == 0, done.stderr
    assert "Not legal advice" in done.stdout
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(done.stdout)))
        assert rows[0]["notice"] == NOTICE and rows[0]["answer"] == "no"
        assert "llama2-license.txt:65-71 user-threshold" in rows[0]["clauses"]
    if fmt == "table":
        assert "users (serve 800,000,000 monthly active users): NO" in done.stdout
        assert "700,000,000 monthly active users vs your 800,000,000 -> above the limit" in done.stdout
    if fmt == "jsonl":
        assert json.loads(done.stdout.splitlines()[0])["notice"] == NOTICE


@pytest.mark.slow
def test_default_questions_and_strict_exit() -> None:
    done = run_cli("can-i", "olmo", "--strict")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["targets"][0]["questions"] == [
        "commercial", "fine-tune", "redistribute", "train-on-outputs", "military"]
    plain = run_cli("can-i", "llama-2", "--military")
    assert plain.returncode == 0  # a no is an answer, not an error
    strict = run_cli("can-i", "llama-2", "--military", "--strict")
    assert strict.returncode == 1
    assert strict.stderr.strip() == "opengauge: error: strict: no for military"
    assert json.loads(strict.stdout)["targets"][0]["answers"][0]["answer"] == "no"


@pytest.mark.parametrize(("args", "code", "message"), [
    (("olmo", "--region", "XX"), 2, "--region 'XX'"),
    (("/no/such/LICENSE",), 3, "no such file"),
    (("lama-2",), 3, "did you mean"),
    (("llama-2", "--revenue", "inf", "-f", "json"), 2, "--revenue must be a finite number"),
    (("llama-2", "--revenue", "nan"), 2, "--revenue must be a finite number"),
    (("llama-2", "--region", "EU", "--region", "DE"), 2, "--region given 2 times (EU, DE)"),
])
def test_errors_are_one_line(args: tuple[str, ...], code: int, message: str) -> None:
    done = run_cli("can-i", *args)
    assert done.returncode == code
    assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""  # nothing half-written (no "Infinity" in a JSON document)
