"""`opengauge license`: inputs, formats and exit codes, run as a real process."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from license_fixtures import RESTRICTED, library_text, restricted

from cli_process import alone_and_whole


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "opengauge.cli", "license", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def license_file(tmp_path: Path) -> Path:
    path = tmp_path / "LICENSE"
    path.write_text(library_text("llama-3.2-license-2024"), encoding="utf-8")
    return path


@pytest.mark.slow
def test_table_reads_like_the_issue(license_file: Path) -> None:
    out = run(str(license_file), "-f", "table")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[1].startswith("Llama 3.2 Community License Agreement 2024 (Meta)")
    assert lines[1].endswith("— exact match")
    assert lines[2] == "NOT open source — conflicts with OSD 5, 6, 7"
    threshold = next(line for line in lines if "user-threshold" in line)
    text_lines = license_file.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(text_lines, 1) if "700 million" in line)
    assert f"line {number} " in threshold and "700 million" in threshold
    assert threshold.endswith("OSD 5")


def test_json_envelope_has_a_licenses_array(license_file: Path) -> None:
    data = json.loads(run(str(license_file), "-f", "json").stdout)
    assert data["schema_version"] and isinstance(data["licenses"], list)
    assert data["licenses"][0]["path"] == str(license_file)
    assert data["licenses"][0]["matches"][0]["version"] == "3.2"


@pytest.mark.slow
def test_several_inputs_and_stdin(license_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "COPYING"
    other.write_text(library_text("gpl-3.0"), encoding="utf-8")
    lines = run(str(license_file), str(other), "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line)["path"] for line in lines] == [str(license_file), str(other)]
    piped = json.loads(run("-", "-f", "json", stdin=library_text("mit")).stdout)
    assert piped["licenses"][0]["path"] == "-" and piped["licenses"][0]["basis"] == "osi-approved"


@pytest.mark.slow
def test_csv_and_markdown(license_file: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(str(license_file), "-f", "csv").stdout)))
    assert rows[0]["licenses"] == "llama-3.2-license-2024" and rows[0]["open_source"] == "False"
    assert rows[0]["osd_violations"] == "5;6;7"
    markdown = run(str(license_file), "-f", "markdown").stdout
    assert markdown.startswith(f"## `{license_file}`") and "| user-threshold |" in markdown


@pytest.mark.slow
def test_id_lookup() -> None:
    data = json.loads(run("--id", "llama3.1", "-f", "json").stdout)["licenses"][0]
    assert data["id"] == "llama3.1" and data["matches"][0]["key"] == "llama-3.1-license-2024"
    assert data["open_source"] is False


@pytest.mark.parametrize(("args", "code", "message"), [
    (["does-not-exist.txt"], 3, "no such file"),
    (["--id", "no-such-license"], 3, "unknown license id"),
    ([], 2, "give a license file"),
])
@pytest.mark.slow
def test_errors_are_one_line_with_an_exit_code(args: list[str], code: int, message: str) -> None:
    out = run(*args)
    assert out.returncode == code
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


@pytest.mark.slow
def test_binary_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "LICENSE"
    path.write_bytes(bytes(range(256)))
    out = run(str(path))
    assert out.returncode == 2 and "binary file" in out.stderr


@pytest.mark.slow
def test_check_shows_the_analyzers_reading_beside_the_curated_license() -> None:
    out = subprocess.run([sys.executable, "-m", "opengauge.cli", "check", "olmo", "-f", "json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    section = json.loads(out.stdout)["models"][0]["license"]
    assert section["name"] == "Apache 2.0"  # the curated string as the record writes it (OLMo 1)
    assert section["analysis"]["matches"][0]["key"] == "apache-2.0"
    assert section["analysis"]["open_source"] is True


@pytest.mark.slow
def test_the_audits_short_restrictions_are_reported_not_named(tmp_path: Path) -> None:
    """Apache-2.0, BSD-3-Clause and MIT each with one short restricting sentence added, and
    MIT followed by one: never an OSI-approved open-source answer, always the quoted finding."""
    files, lines = [], {}
    for name in sorted(RESTRICTED):
        text, lines[name] = restricted(name)
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text(text, encoding="utf-8")
    trailing = tmp_path / "m1.txt"
    trailing.write_text(library_text("mit") + "\nThe Software may not be used for commercial purposes.\n",
                        encoding="utf-8")
    out = run(*map(str, [*files, trailing]), "-f", "json")
    assert out.returncode == 0, out.stderr
    results = json.loads(out.stdout)["licenses"]
    for name, result in zip(sorted(RESTRICTED), results, strict=False):
        key, _, _, kind = RESTRICTED[name]
        assert result["identified"] is False and result["matches"] == []
        assert result["closest"]["key"] == key and result["closest"]["added_lines"] == [lines[name]]
        assert result["open_source"] is False and result["basis"] == "clause-analysis"
        assert [(f["kind"], f["lines"]) for f in result["restrictions"]] == \
            [(kind, [lines[name], lines[name]])]
    last = results[-1]
    assert last["matches"] == [] and [c["key"] for c in last["contains"]] == ["mit"]
    assert [f["kind"] for f in last["restrictions"]] == ["non-commercial"]
    assert last["open_source"] is False
    table = run(str(files[0]), "-f", "table").stdout.splitlines()
    assert table[1] == ("unknown license, closest: Apache License 2.0 (1.00), with added text at "
                        f"line {lines['apache']}")
    assert table[2] == "NOT open source — conflicts with OSD 1, 6"
    assert table[3].split()[:3] == ["non-commercial", "line", str(lines["apache"])]


def test_the_license_command_loads_no_catalog() -> None:
    # a new process answering `opengauge license` imports neither the api nor the catalog
    code = ("import sys\nfrom opengauge.cli import main\n"
            "sys.argv = ['opengauge', 'license', '--id', 'mit', '-f', 'json']\n"
            "try:\n    main()\nexcept SystemExit as end:\n    assert end.code == 0, end.code\n"
            "loaded = [m for m in ('opengauge.api', 'opengauge.catalog.catalog') if m in sys.modules]\n"
            "print(loaded, file=sys.stderr)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip().splitlines()[-1] == "[]"
    assert json.loads(out.stdout)["licenses"][0]["matches"][0]["key"] == "mit"


@pytest.mark.parametrize("args", [["license", "--help"], ["license", "--bogus"],
                                  ["license", "--jobs", "0", "x"], ["license"]])
def test_the_license_command_alone_answers_as_within_the_whole_app(args: list[str]) -> None:
    from opengauge import cli

    single, whole = alone_and_whole(args)
    assert single == whole
    assert cli._app_for(["opengauge", "rank"]) is cli.app
