"""The EU index formula and order, checked against the raw published YAML."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from opengauge import api, frameworks
from reference_data import REFERENCE

VALUE = {"open": 1.0, "partial": 0.5, "closed": 0.0, None: 0.0, "": 0.0}
FOLDERS = {"osai": "osai-index/current", "osai-14": "osai-index/2026-03-12-14params"}


def published(folder: str) -> dict[str, dict]:
    """Raw records of a published folder, by file name (templates and nameless left out)."""
    out = {}
    for path in sorted((REFERENCE / folder).glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if (data.get("system") or {}).get("name"):
            out[path.name] = data
    return out


def parameters(folder: str) -> list[tuple[str, list[str]]]:
    groups = yaml.safe_load((REFERENCE / folder / "_parameters.yml").read_text("utf-8"))
    return [(g["ref"], [p["ref"] for p in g["params"]]) for g in groups]


@pytest.mark.slow
@pytest.mark.parametrize("framework_id", ["osai", "osai-14"])
def test_scores_are_the_unweighted_mean_of_the_published_levels(framework_id: str) -> None:
    folder = FOLDERS[framework_id]
    raw = published(folder)
    groups = parameters(folder)
    refs = [r for _, params in groups for r in params]
    ranking = api.ranked(framework_id)
    assert len(ranking) == len(raw) == (193 if framework_id == "osai" else 192)
    for entry in ranking:
        a = entry.assessment
        record = raw[a.source_file]
        values = [VALUE[(record[r] or {}).get("class")] for r in refs]
        assert a.score == pytest.approx(sum(values) / len(refs))
        for group, params in groups:
            expected = sum(VALUE[(record[r] or {}).get("class")] for r in params) / len(params)
            assert a.groups[group] == pytest.approx(expected)
        assert a.coverage == pytest.approx(
            sum(1 for r in refs if (record[r] or {}).get("class")) / len(refs))


@pytest.mark.parametrize("framework_id", ["osai", "osai-14"])
def test_order_is_score_descending_then_file_name_descending(framework_id: str) -> None:
    ranking = api.ranked(framework_id)
    keys = [(-e.assessment.score, e.assessment.source_file) for e in ranking]
    for (s1, f1), (s2, f2) in pairwise(keys):
        assert s1 < s2 or (s1 == s2 and f1 > f2), (f1, f2)
    assert [e.rank for e in ranking] == list(range(1, len(ranking) + 1))


def test_ties_follow_python_string_order_so_lowercase_names_come_first() -> None:
    ranking = api.ranked("osai")
    top = [e.assessment.source_file for e in ranking if e.assessment.score == 1.0]
    assert top == sorted(top, reverse=True)
    assert top[:2] == ["YuLan.yaml", "Mustango.yaml"]


def test_llama_2_headline_numbers() -> None:
    entry = next(e for e in api.ranked("osai") if e.assessment.subject.id == "llama-2")
    assert (entry.rank, entry.of, entry.assessment.score) == (162, 193, 0.25)


def test_blank_levels_count_zero_and_lower_coverage(tmp_path: Path) -> None:
    text = (REFERENCE / FOLDERS["osai"] / "OLMo.yaml").read_text("utf-8")
    text = text.replace("class: open", "class:", 2)
    (tmp_path / "mine.yaml").write_text(text, "utf-8")
    entry = next(e for e in api.ranked("osai", own=tmp_path) if e.assessment.source_file == "mine.yaml")
    assert entry.assessment.coverage == pytest.approx(10 / 12)
    assert [r.level for r in entry.assessment.ratings[:2]] == ["unknown", "unknown"]
    assert entry.assessment.score < 11 / 12


def test_criteria_and_groups_come_from_the_parameters_file() -> None:
    fw = frameworks.get("osai-14")
    assert [c.ref for c in fw.criteria][-3:] == ["package", "api", "licenses"]
    assert [g.ref for g in fw.groups] == ["availability", "documentation", "access"]
    assert fw.criterion("datasheet").question.startswith("Is a datasheet")
