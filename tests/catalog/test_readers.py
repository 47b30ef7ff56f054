"""Readers of the published formats: clear errors naming file, field and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from opengauge.catalog.readers import reader
from opengauge.errors import BadInput
from reference_data import REFERENCE

LLAMA = REFERENCE / "osai-index" / "current" / "llama-2-chat.yaml"


def write(tmp_path: Path, text: str, name: str = "model.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def read_error(path: Path, source: str = "osai-index") -> str:
    with pytest.raises(BadInput) as info:
        reader(source).read_record(path)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    text = LLAMA.read_text("utf-8").replace("    class: closed\n", "    class: [closed\n", 1)
    message = read_error(write(tmp_path, text))
    assert re.search(r"model\.yaml:\d+: invalid YAML", message)


def test_unknown_level_names_field_line_and_choices(tmp_path: Path) -> None:
    text = LLAMA.read_text("utf-8")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("trainingcode:"))
    lines[index + 1] = "    class: opne"
    message = read_error(write(tmp_path, "\n".join(lines)))
    assert f"model.yaml:{index + 2}:" in message
    assert "field 'trainingcode.class'" in message
    assert "unknown level 'opne'" in message
    assert "open, partial, closed or blank" in message


def test_missing_parameter_is_reported_by_name(tmp_path: Path) -> None:
    text = re.sub(r"\npaper:\n(    .*\n)+", "\n", LLAMA.read_text("utf-8"))
    message = read_error(write(tmp_path, text))
    assert "field 'paper': missing" in message


def test_missing_system_and_non_mapping_records(tmp_path: Path) -> None:
    assert "field 'system'" in read_error(write(tmp_path, "org:\n  name: X\n"))
    assert "expected a YAML mapping" in read_error(write(tmp_path, "- a\n- b\n", "list.yaml"))


def test_nameless_records_and_templates_are_not_models(tmp_path: Path) -> None:
    template = REFERENCE / "osai-index" / "current" / "a_submission_template.yaml"
    nameless = write(tmp_path, template.read_text("utf-8"), "nameless.yaml")
    assert reader("osai-index").read_record(nameless) is None
    result = reader("osai-index").read(REFERENCE / "osai-index" / "current")
    assert "a_submission_template.yaml" in result.skipped
    assert len(result.records) == 193


def test_ratings_carry_link_note_file_and_line() -> None:
    record = reader("osai-index").read_record(LLAMA)
    rating = record.rating("licenses")
    assert rating.level == "closed"
    (evidence,) = rating.evidence
    assert evidence.locator.url == "https://github.com/facebookresearch/llama/blob/main/LICENSE"
    assert evidence.locator.file == "llama-2-chat.yaml"
    line = LLAMA.read_text("utf-8").splitlines()[evidence.locator.line - 1]
    assert line.strip() == "class: closed"
    assert "community license" in evidence.note


def test_a_list_of_links_becomes_one_evidence_per_link() -> None:
    record = reader("osai-index").read_record(REFERENCE / "osai-index" / "current" / "OLMo.yaml")
    urls = [e.locator.url for e in record.rating("datasources_basemodel").evidence]
    assert len(urls) == 3 and all(u.startswith("https://huggingface.co/datasets/") for u in urls)


def test_types_are_split_on_commas() -> None:
    record = reader("osai-index").read_record(REFERENCE / "osai-index" / "current" / "OpenChat.yaml")
    assert record.subject.type == ["text", "code"]


def test_2023_reader_reads_the_project_section() -> None:
    path = REFERENCE / "opening-up-chatgpt-2023" / "olmo-7b-instruct.yaml"
    record = reader("ouc-2023").read_record(path)
    assert record.subject.name == "OLMo 7B Instruct"
    assert record.subject.license == "Apache 2.0"
    assert len(record.ratings) == 14
