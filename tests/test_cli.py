"""The command line as a user runs it: formats, the JSON contract and exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from cli_process import run_cli


def test_check_prints_the_json_contract_when_piped() -> None:
    done = run_cli("check", "llama-2")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["schema_version"] == "1.0"
    assert doc["tool"]["name"] == "opengauge"
    assert {d["source"] for d in doc["data"]} == {"osai-index", "osai-index-14", "ouc-2023", "mot"}
    (report,) = doc["models"]
    assert set(report) >= {"id", "subject", "license", "frameworks", "findings", "provenance"}
    osai = report["frameworks"]["osai"]
    assert (osai["rank"], osai["of"], osai["score"]) == (162, 193, 0.25)
    assert report["summary"]["open_source"] is False
    licenses = osai["evidence"]["licenses"]["evidence"][0]
    assert licenses["locator"]["url"].endswith("/LICENSE") and licenses["note"]


def test_check_table_shows_the_headline() -> None:
    done = run_cli("check", "llama-2", "--format", "table")
    first = done.stdout.splitlines()[0]
    assert first.startswith("Llama 2 (Meta) — ") and "NOT open source" in first
    assert "rank 162/193" in done.stdout


def test_rank_records_follow_the_contract() -> None:
    done = run_cli("rank", "--top", "3")
    doc = json.loads(done.stdout)
    assert [m["rank"] for m in doc["models"]] == [1, 2, 3]
    first = doc["models"][0]
    for key in ("id", "name", "org", "framework", "source", "source_file", "rank", "score",
                "coverage", "ratings"):
        assert key in first
    assert first["framework"] == "osai" and first["source"] == "osai-index"
    assert set(first["ratings"]) >= {"datasources_basemodel", "trainingcode", "licenses"}


@pytest.mark.slow
def test_rank_filters_by_type_and_org() -> None:
    doc = json.loads(run_cli("rank", "--type", "code").stdout)
    assert doc["models"] and all("code" in m["type"] for m in doc["models"])
    assert "openchat" in {m["id"] for m in doc["models"]}  # typed "text,code"
    doc = json.loads(run_cli("rank", "--framework", "ouc-2023", "--type", "text").stdout)
    assert doc["models"] == []  # the 2023 records carry no type
    doc = json.loads(run_cli("rank", "--org", "meta").stdout)
    assert doc["models"] and all("Meta" in m["org"] for m in doc["models"])


@pytest.mark.slow
def test_jsonl_csv_and_markdown() -> None:
    lines = run_cli("rank", "--framework", "ouc-2023", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 46 and json.loads(lines[0])["score"] == 12.5
    rows = list(csv.DictReader(io.StringIO(run_cli("rank", "-f", "csv", "--top", "2").stdout)))
    assert len(rows) == 2 and rows[0]["rank"] == "1" and rows[0]["licenses"] in {"open", "partial"}
    markdown = run_cli("show", "olmo-3", "--framework", "osai", "-f", "markdown").stdout
    assert markdown.startswith("## OLMo") and "| dimension | level | link | note |" in markdown


def test_compare_and_frameworks() -> None:
    doc = json.loads(run_cli("compare", "olmo-3", "llama-2", "--framework", "osai").stdout)
    assert [m["id"] for m in doc["models"]] == ["olmo-3", "llama-2"]
    doc = json.loads(run_cli("frameworks").stdout)
    ids = [f["id"] for f in doc["frameworks"]]
    assert ids[:3] == ["osai", "osai-14", "ouc-2023"]
    assert len(doc["frameworks"][0]["criteria"]) == 12


@pytest.mark.slow
def test_exit_codes_and_one_line_errors() -> None:
    done = run_cli("check", "no-such-model-at-all")
    assert done.returncode == 3 and done.stderr.startswith("opengauge: error: no model")
    done = run_cli("check", "lama-2")
    assert done.returncode == 3 and "did you mean: llama-2" in done.stderr
    done = run_cli("rank", "--framework", "nope")
    assert done.returncode == 2 and "expected one of: osai" in done.stderr
    done = run_cli("rank", "--top", "0")
    assert done.returncode == 2
    done = run_cli("rank", "--no-such-flag")
    assert done.returncode == 2
    for result in (done,):
        assert "Traceback" not in result.stderr
    assert run_cli("compare", "olmo").returncode == 2


@pytest.mark.parametrize(("args", "names"), [
    (("rank", "--top", "abc"), "'--top'"),
    (("rank", "-f", "xml"), "'xml'"),
    (("check", "x", "--jobs", "0"), "'--jobs'"),
    (("serve", "--port", "99999"), "'--port'"),
    (("rank", "--no-such-flag"), "--no-such-flag"),
    (("no-such-command",), "no-such-command"),
])
def test_usage_errors_are_one_line_naming_the_option(args: tuple[str, ...], names: str) -> None:
    done = run_cli(*args)
    assert done.returncode == 2 and done.stdout == ""
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("opengauge: error: ") and names in line and "--help" in line


def test_help_and_version_still_exit_0() -> None:
    assert run_cli("--help").returncode == 0
    done = run_cli("--version")
    assert done.returncode == 0 and done.stdout.startswith("opengauge ")
    assert run_cli("catalog").returncode == 2


def test_an_unknown_type_is_refused_and_an_empty_view_is_not() -> None:
    done = run_cli("rank", "--type", "spaceship")
    assert done.returncode == 2 and "--type 'spaceship'" in done.stderr and "text" in done.stderr
    done = run_cli("rank", "--framework", "ouc-2023", "--type", "text", "-f", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["models"] == []


def test_catalog_import_refuses_an_empty_path() -> None:
    done = run_cli("catalog", "import", "")
    assert done.returncode == 2 and "empty path" in done.stderr


@pytest.mark.slow
def test_check_names_the_terms_that_govern_a_catalog_model() -> None:
    done = run_cli("check", "llama-2", "-f", "table")
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert ("terms: Llama 2 Community License Agreement 2023 (license) — NOT open source:" in text
            and "user-threshold (line 81)" in text)
    assert "terms: Llama 2 Acceptable Use Policy (use-policy) — NOT open source" in text
    done = run_cli("check", "olmo-3", "-f", "markdown")
    assert "- **Terms:** Apache License 2.0 (license) — open source; from osai-index OLMo.yaml" \
        in done.stdout


@pytest.mark.parametrize("fmt, expected", [
    ("table", "license    no curated license string; its terms:"),
    ("markdown", "- **License:** no curated license string; its terms below"),
])
def test_a_release_without_a_curated_license_string_does_not_say_license_unknown(
        fmt: str, expected: str) -> None:
    # Llama-2-7B's MOT record names its terms per component, not as one license string: the
    # license line must not say "unknown" above the identified Llama 2 terms
    done = run_cli("check", "llama-2-7b", "--format", fmt)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout
    assert "Llama 2 Community License Agreement 2023" in done.stdout
    assert "License:** unknown" not in done.stdout and "license    unknown" not in done.stdout
