"""Local targets: bounded folder discovery, weights in folders, single-file and index targets."""

from __future__ import annotations

import json
import os
import shutil
import struct

import numpy as np
import pytest
from safetensors.numpy import save_file

from opengauge.errors import BadInput
from opengauge.sources.gather import GatherOptions, gather
from opengauge.sources.local import WalkLimits, walk

from .conftest import CARDS
from .test_gguf import write_gguf

LOCAL = GatherOptions(lookups=False)


def shard(path, rows: int, dtype=np.float16) -> None:
    save_file({f"layer{rows}.weight": np.zeros((rows, 4), dtype=dtype)}, str(path))


def test_symlink_loops_end_the_branch_not_the_walk(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("x")
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "back")
    os.symlink(tmp_path / "self", tmp_path / "self")
    os.symlink(tmp_path / "nowhere", tmp_path / "broken")
    result = walk(tmp_path)
    assert [f.name for f in result.files] == ["a/b/x.txt"]
    notes = " ".join(result.notes)
    assert "a/b/back: skipped (symlink loop or folder seen before)" in notes
    assert "self: skipped (symlink loop)" in notes
    assert "broken: skipped (broken symlink)" in notes


def test_huge_folders_are_walked_within_limits(tmp_path):
    for i in range(30):
        (tmp_path / f"f{i:02}.txt").write_text("x")
    deep = tmp_path
    for i in range(8):
        deep = deep / f"d{i}"
    deep.mkdir(parents=True)
    result = walk(tmp_path, WalkLimits(max_depth=3, max_files=10))
    assert len(result.files) == 10 and result.truncated
    result = walk(tmp_path, WalkLimits(max_depth=3, max_files=100))
    assert result.truncated  # the deep chain was cut at depth 3


def test_hidden_folders_are_skipped(tmp_path):
    (tmp_path / ".git" / "objects").mkdir(parents=True)
    (tmp_path / ".git" / "objects" / "blob").write_text("x")
    (tmp_path / "README.md").write_text("# x")
    assert [f.name for f in walk(tmp_path).files] == ["README.md"]


@pytest.mark.skipif(not CARDS.is_dir(), reason="reference cards not present")
def test_release_folder_with_card_license_config_and_sharded_weights(tmp_path):
    folder = tmp_path / "release"
    shutil.copytree(CARDS / "meta-llama__Llama-3.2-1B", folder)
    shutil.copy(CARDS / "unsloth__Llama-3.1-8B-Instruct-unsloth-bnb-4bit" / "config.json", folder)
    shard(folder / "model-00001-of-00002.safetensors", 10)
    shard(folder / "model-00002-of-00002.safetensors", 6, np.float32)
    shard(folder / "consolidated.safetensors", 16)  # a duplicate, outside the index
    (folder / "model.safetensors.index.json").write_text(json.dumps({"metadata": {}, "weight_map": {
        "layer10.weight": "model-00001-of-00002.safetensors",
        "layer6.weight": "model-00002-of-00002.safetensors"}}))
    facts = gather(str(folder), LOCAL)
    assert facts.problems == []
    assert facts.card.license.value == "llama3.2"
    assert facts.card.license.evidence.locator.file == str(folder / "README.md")
    assert [(f.name, f.kind) for f in facts.license_files] == [("LICENSE.txt", "license")]
    assert facts.license_files[0].evidence.quote == "LLAMA 3.2 COMMUNITY LICENSE AGREEMENT"
    assert facts.config.value["model_type"] == "llama"
    assert facts.weights.parameters.value == 10 * 4 + 6 * 4
    assert facts.weights.dtypes == {"F16": 40, "F32": 24}
    counted = {f.name: f.counted for f in facts.weights.files}
    assert counted == {"consolidated.safetensors": False, "model-00001-of-00002.safetensors": True,
                       "model-00002-of-00002.safetensors": True}
    assert facts.weights.indexes[0].value["shards"] == ["model-00001-of-00002.safetensors",
                                                        "model-00002-of-00002.safetensors"]


def test_bad_weights_inside_a_folder_are_problems_not_failures(tmp_path):
    (tmp_path / "README.md").write_text("---\nlicense: mit\n---\n")
    (tmp_path / "model.safetensors").write_bytes(struct.pack("<Q", 2 ** 63) + b"{}")
    (tmp_path / "model.gguf").write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 0, 2 ** 60))
    facts = gather(str(tmp_path), LOCAL)
    messages = " | ".join(p.message for p in facts.problems)
    assert "model.safetensors: safetensors header: header length 9223372036854775808" in messages
    assert "model.gguf: GGUF header: header claims 1152921504606846976 metadata" in messages
    assert facts.card.license.value == "mit"
    assert facts.weights.parameters is None


def test_single_bad_file_target_is_bad_input(tmp_path):
    path = tmp_path / "model.safetensors"
    path.write_bytes(struct.pack("<Q", 2 ** 63) + b"{}")
    with pytest.raises(BadInput, match="header length 9223372036854775808 exceeds"):
        gather(str(path), LOCAL)


def test_single_gguf_target_reads_only_that_file(tmp_path):
    (tmp_path / "README.md").write_text("---\nlicense: mit\n---\n")
    write_gguf(tmp_path / "model.gguf")
    facts = gather(str(tmp_path / "model.gguf"), LOCAL)
    assert facts.card is None
    assert facts.files == [("model.gguf", (tmp_path / "model.gguf").stat().st_size)]
    meta = facts.weights.files[0].gguf
    assert meta.license.value == "apache-2.0"
    assert meta.license.evidence.locator.file == str(tmp_path / "model.gguf")
    assert facts.weights.parameters.value == 136


def test_index_target_reads_its_shards(tmp_path):
    shard(tmp_path / "a.safetensors", 3)
    (tmp_path / "model.safetensors.index.json").write_text(json.dumps(
        {"weight_map": {"x": "a.safetensors", "y": "missing.safetensors"}}))
    facts = gather(str(tmp_path / "model.safetensors.index.json"), LOCAL)
    assert facts.weights.parameters.value == 12
    assert [p.message for p in facts.problems] == [
        "missing.safetensors: listed in the shard index but missing"]


def test_index_target_with_parent_paths_is_refused(tmp_path):
    (tmp_path / "model.safetensors.index.json").write_text(json.dumps(
        {"weight_map": {"x": "../../etc/passwd"}}))
    with pytest.raises(BadInput, match=r"weight_map\.x.*leaves the index's folder"):
        gather(str(tmp_path / "model.safetensors.index.json"), LOCAL)


def test_index_inside_a_folder_with_parent_paths_is_a_problem(tmp_path):
    (tmp_path / "model.safetensors.index.json").write_text(json.dumps(
        {"weight_map": {"x": "/abs/shard.safetensors"}}))
    facts = gather(str(tmp_path), LOCAL)
    assert "absolute path '/abs/shard.safetensors' is not allowed" in facts.problems[0].message


def test_git_lfs_pointers_are_recognized(tmp_path):
    pointer = ("version https://git-lfs.github.com/spec/v1\noid sha256:" + "a" * 64
               + "\nsize 4976698672\n")
    (tmp_path / "model.safetensors").write_text(pointer)
    (tmp_path / "config.json").write_text(pointer)
    facts = gather(str(tmp_path), LOCAL)
    assert facts.weights.files[0].format == "lfs-pointer"
    assert facts.config is None
    assert [p.kind for p in facts.problems] == ["lfs-pointer"]


def test_malformed_config_is_a_problem(tmp_path):
    (tmp_path / "config.json").write_text('{"model_type": "llama",')
    facts = gather(str(tmp_path), LOCAL)
    assert facts.config is None
    assert facts.problems[0].message.startswith("config.json: invalid JSON")
    assert facts.problems[0].kind == "malformed"


@pytest.mark.skipif(not CARDS.is_dir(), reason="reference cards not present")
def test_adapter_config_names_its_base(tmp_path):
    facts = gather(str(CARDS / "beita6969__deepseek-r1-medical-finetune"), LOCAL)
    assert facts.adapter_config.value["base_model_name_or_path"] == \
        "unsloth/deepseek-r1-distill-llama-8b-unsloth-bnb-4bit"
    assert [b.value for b in facts.card.base_models] == ["deepseek-ai/DeepSeek-R1"]


def test_license_files_of_every_kind(tmp_path):
    for name in ("LICENSE", "LICENSE-MODEL", "USE_POLICY.md", "NOTICE", "COPYING.txt",
                 "LICENSE.pdf", "license_notes_unrelated.py"):
        (tmp_path / name).write_text(f"{name} text\n")
    facts = gather(str(tmp_path), LOCAL)
    kinds = {f.name: f.kind for f in facts.license_files}
    assert kinds == {"COPYING.txt": "license", "LICENSE": "license", "LICENSE-MODEL": "license",
                     "NOTICE": "notice", "USE_POLICY.md": "use-policy"}
    assert any(p.kind == "not-text" and "LICENSE.pdf" in p.message for p in facts.problems)


def test_facts_are_json_ready(tmp_path):
    (tmp_path / "README.md").write_text("---\nlicense: mit\ndate: 2024-01-02\n---\n# Uses\nx\n")
    data = json.loads(json.dumps(gather(str(tmp_path), LOCAL).to_dict()))
    assert data["card"]["fields"]["date"]["value"] == "2024-01-02"
    assert data["target"]["kind"] == "path"
    assert all("source" in e for e in [data["card"]["licenses"][0]["evidence"]])
