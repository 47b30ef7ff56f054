"""check_target end to end: every target kind, the revision, curated and automatic side by side."""

from __future__ import annotations

import json
import os

import pytest

from opengauge.errors import BadInput, NotFound
from opengauge.formats import get as get_format
from opengauge.formats.records import report_record, reports_document

from .conftest import (
    CARDS,
    finding_ids,
    needs_cards,
    ratings,
    release,
    write_safetensors,
)

pytestmark = needs_cards
TINY = "TinyLlama/TinyLlama-1.1B-Chat-v1.0"


def test_hub_revision_is_the_commit_assessed(check, hub):
    repo = hub.repos[("model", TINY)]
    repo.branches["v1"] = "1" * 40
    report = check(f"{TINY}@v1")
    assert report.provenance.revision == "1" * 40
    assert report.provenance.requested_revision == "v1"
    assert report.provenance.revision_kind == "hub-commit"
    assert report.provenance.kind == "automatic"
    assert report.subject.id == TINY and report.subject.org == "TinyLlama"
    assert report.frameworks["osai"].assessment.snapshot == "1" * 40


def test_local_revision_is_a_digest_that_follows_the_files(check, tmp_path):
    folder = release(tmp_path, "LLM360__Amber")
    first = check(str(folder)).provenance
    assert first.revision.startswith("sha256:") and first.revision_kind == "local-digest"
    assert first.modified
    assert check(str(folder)).provenance.revision == first.revision
    (folder / "README.md").write_text((folder / "README.md").read_text() + "\nMore.\n")
    assert check(str(folder)).provenance.revision != first.revision


def test_catalog_names_get_the_curated_report(check):
    report = check("llama-2")
    assert report.provenance.kind == "curated"
    assert "automatic" not in report.context
    assert check("catalog:Llama 2").subject.id == "llama-2"


def test_a_hub_id_in_the_catalog_is_shown_beside_its_curated_records(check):
    report = check("meta-llama/Llama-2-7b-chat-hf")
    assert report.subject.id == "llama-2"
    assert report.provenance.kind == "curated+automatic"
    assert report.provenance.revision and report.provenance.records["osai"]["source"] \
        == "osai-index"
    assert report.frameworks["osai"].assessment.provenance == "curated"
    automatic = report.context["automatic"]
    assert set(automatic) == {"osai", "osai-14", "mof", "osaid"}
    assert automatic["osai"].assessment.provenance == "automatic"
    comparison = report.context["comparison"]["osai"]
    assert comparison["curated"] == pytest.approx(0.25, abs=1e-4)
    assert comparison["agree"] + len(comparison["disagree"]) + comparison["unrated"] == 12
    for item in comparison["disagree"]:
        assert item["automatic"] != item["curated"] and item["automatic"] != "unknown"
    assert report.license_dict()["curated"]["rating"] == "closed"
    assert "license-missing" not in finding_ids(report)  # "governed by the Meta license"
    record = report_record(report)
    assert record["automatic"]["osai"]["provenance"] == "automatic"
    assert record["automatic"]["osai"]["evidence"]["modelcard"]["level"] in \
        ("open", "partial", "closed")


def test_prefixes_force_the_choice(check, tmp_path, monkeypatch):
    (tmp_path / "LLM360").mkdir()
    release(tmp_path / "LLM360", "LLM360__Amber").rename(tmp_path / "LLM360" / "Amber")
    monkeypatch.chdir(tmp_path)
    assert check("LLM360/Amber").provenance.target["kind"] == "path"
    assert check("hub:LLM360/Amber").provenance.target["kind"] == "hub"
    assert check("path:LLM360/Amber").provenance.target["kind"] == "path"


def test_single_file_targets(check, tmp_path):
    from tests.sources.test_gguf import write_gguf

    write_gguf(tmp_path / "tiny.gguf")
    report = check(str(tmp_path / "tiny.gguf"))
    assert report.subject.name == "Tiny Test"
    assert report.license_dict()["name"] == "apache-2.0"
    assert report.license_dict()["declared"][0]["source"] == "gguf"
    assert report.subject.base_model == "Qwen/Qwen2.5-0.5B"
    assert ratings(report)["weights_basemodel"].evidence  # looked up on the Hub
    write_safetensors(tmp_path / "lone.safetensors")
    lone = check(str(tmp_path / "lone.safetensors"))
    assert lone.context["repository"]["parameters"] == 16
    assert ratings(lone)["weights_endmodel"].evidence[0].locator.file.endswith("lone.safetensors")


def test_shard_index_target(check, tmp_path):
    folder = release(tmp_path, "LLM360__Amber", weights=False)
    write_safetensors(folder / "model-00001-of-00002.safetensors")
    write_safetensors(folder / "model-00002-of-00002.safetensors", rows=2)
    (folder / "model.safetensors.index.json").write_text(json.dumps({"weight_map": {
        "a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors"}}))
    report = check(str(folder / "model.safetensors.index.json"))
    assert report.context["repository"]["parameters"] == 16 + 8


def test_local_paths_refused_where_asked(check, tmp_path, store):
    from opengauge.app.session import Session, SessionConfig

    folder = release(tmp_path, "LLM360__Amber")
    with pytest.raises(BadInput, match="local paths are not checked"):
        Session(SessionConfig.of(offline=True), store=store).check_target(str(folder),
                                                                         allow_paths=False)


def test_unknown_targets(check, tmp_path):
    with pytest.raises(NotFound):
        check("nobody/nothing")
    with pytest.raises(NotFound):
        check(str(tmp_path / "missing-folder") + "/")
    with pytest.raises(NotFound):
        check("no-such-model-anywhere")


def test_automatic_assessments_rank_among_the_catalog(check):
    report = check(TINY)
    entry = report.frameworks["osai"]
    assert entry.of == 194 and 1 <= entry.rank <= entry.of  # 193 curated + this one


def test_offline_after_an_online_check(check, hub):
    online = check(TINY)
    endpoint = hub.url
    hub.stop()
    offline = check(TINY, offline=True, endpoint=endpoint)
    assert offline.provenance.cached is True
    assert offline.frameworks["osai"].assessment.levels() == \
        online.frameworks["osai"].assessment.levels()


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "markdown"])
@pytest.mark.parametrize("target", [TINY, "meta-llama/Llama-2-7b-chat-hf"])
def test_reports_render_in_every_format(check, fmt, target):
    report = check(target)
    text = get_format(fmt, width=200).render(reports_document([report], []))
    assert text.strip()
    if fmt == "json":
        model = json.loads(text)["models"][0]
        assert model["provenance"]["revision"]
        assert all(r["provenance"] in ("curated", "automatic") for r in model["frameworks"].values())
    if fmt == "table" and "Llama-2" in target:
        assert "(automatic)" in text and "curated vs automatic" in text
    if fmt == "markdown":
        assert "Assessed revision" in text
    if fmt == "csv" and "Llama-2" in target:  # curated rows, then the automatic ones
        assert ",curated," in text and ",automatic," in text


def test_hub_answers_go_to_the_store_in_the_cache_directory(hub):
    from pathlib import Path

    from opengauge.app.session import Session, SessionConfig

    Session(SessionConfig.of(endpoint=hub.url, token=False)).check_target("LLM360/Amber")
    assert (Path(os.environ["OPENGAUGE_CACHE_DIR"]) / "opengauge.sqlite3").is_file()


def test_a_local_folder_named_like_a_catalog_model_is_shown_beside_it(check, tmp_path):
    folder = release(tmp_path / "x", "LLM360__Amber")
    named = folder.rename(folder.parent / "Amber")
    report = check(str(named))
    assert report.provenance.kind == "curated+automatic" and report.subject.id == "amber"
    other = check(str(release(tmp_path / "y", "LLM360__Amber")))  # "LLM360__Amber" is no name
    assert other.provenance.kind == "automatic"


def test_the_table_names_what_the_analyzer_read(check, tmp_path):
    llama = (CARDS / "meta-llama__Llama-3.2-1B" / "LICENSE.txt").read_text()
    folder = release(tmp_path, card="---\nlicense: apache-2.0\n---\n# M\n", files={"LICENSE": llama})
    text = get_format("table", width=200).render(reports_document([check(str(folder))], []))
    analyzer_line = next(line for line in text.splitlines() if "analyzer:" in line)
    assert "Apache" in analyzer_line and "Llama 3.2" in analyzer_line
    assert analyzer_line.rstrip().endswith("NOT open source")
