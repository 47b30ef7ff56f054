"""`opengauge export` as a user runs it: one BOM, a batch as a JSON array or files, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from cli_process import run_cli


@pytest.mark.slow
def test_export_one_model_writes_the_bom_to_stdout() -> None:
    done = run_cli("export", "llama-2", "--format", "cyclonedx", "--validate")
    assert done.returncode == 0, done.stderr
    bom = json.loads(done.stdout)
    assert bom["bomFormat"] == "CycloneDX" and bom["metadata"]["component"]["name"] == "Llama 2"


@pytest.mark.slow
def test_batch_export_gives_a_json_array_in_list_order(tmp_path: Path) -> None:
    targets = tmp_path / "targets.txt"
    targets.write_text("# our inventory\nolmo-3\n\nLlama 2\nllama2\n", "utf-8")
    done = run_cli("export", "--from", str(targets), "-f", "spdx3", "--validate")
    assert done.returncode == 0, done.stderr
    documents = json.loads(done.stdout)
    names = [next(n["name"] for n in d["@graph"] if n.get("type") == "ai_AIPackage") for d in documents]
    assert names == ["OLMo", "Llama 2"]  # "llama2" is Llama 2 again: exported once


@pytest.mark.slow
def test_batch_export_into_a_folder_keeps_existing_files(tmp_path: Path) -> None:
    out = tmp_path / "boms"
    done = run_cli("export", "olmo-3", "pythia-chat-base", "-f", "mot-yaml", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(out / "olmo-3.mot.yml"), str(out / "pythia-chat-base.mot.yml")]
    assert yaml.safe_load((out / "olmo-3.mot.yml").read_text("utf-8"))["release"]["producer"] == "Ai2"
    (out / "pythia-chat-base.mot.yml").write_text("mine\n", "utf-8")
    again = run_cli("export", "olmo-3", "pythia-chat-base", "-f", "mot-yaml", "--out", str(out))
    assert again.returncode == 2
    assert again.stderr.startswith("opengauge: error: ") and "already exists" in again.stderr
    assert "2 files in all" in again.stderr
    assert (out / "pythia-chat-base.mot.yml").read_text("utf-8") == "mine\n"
    forced = run_cli("export", "olmo-3", "pythia-chat-base", "-f", "mot-yaml", "--out", str(out), "--force")
    assert forced.returncode == 0 and (out / "pythia-chat-base.mot.yml").read_text("utf-8") != "mine\n"


def test_an_unknown_target_names_its_line_and_nothing_is_written(tmp_path: Path) -> None:
    targets = tmp_path / "targets.txt"
    targets.write_text("olmo\nllama-3.1\nno-such-model-at-all\n", "utf-8")
    out = tmp_path / "out"
    done = run_cli("export", "--from", str(targets), "-f", "cyclonedx", "--out", str(out))
    assert done.returncode == 3
    assert f"{targets}:3: " in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


@pytest.mark.slow
def test_export_usage_errors() -> None:
    assert run_cli("export", "-f", "cyclonedx").returncode == 2
    wrong = run_cli("export", "olmo-3", "-f", "cyclonedx", "--framework", "osai-14")
    assert wrong.returncode == 2 and "osai-yaml only" in wrong.stderr
    missing = run_cli("export", "--from", "/nonexistent/targets.txt")
    assert missing.returncode == 3 and "no such file" in missing.stderr


def test_eu_yaml_export_of_the_14_parameter_set() -> None:
    done = run_cli("export", "olmo-3", "-f", "osai-yaml", "--framework", "osai-14")
    assert done.returncode == 0, done.stderr
    data = yaml.safe_load(done.stdout)
    assert {"package", "api"} <= set(data) and data["system"]["name"]
