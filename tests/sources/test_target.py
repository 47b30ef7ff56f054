"""Target resolution: paths win, then Hub ids, then catalog names; prefixes force the choice."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opengauge.errors import BadInput, NotFound
from opengauge.sources.target import is_repo_id, resolve_target


def test_existing_folder_wins_over_a_hub_id(tmp_path, monkeypatch):
    (tmp_path / "org" / "name").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    target = resolve_target("org/name")
    assert target.kind == "path" and target.path_kind == "folder"


def test_org_name_is_a_hub_id_when_no_such_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = resolve_target("Qwen/Qwen2.5-7B-Instruct")
    assert (target.kind, target.repo_id, target.revision) == ("hub", "Qwen/Qwen2.5-7B-Instruct", None)


def test_revision_after_at(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = resolve_target("meta-llama/Llama-3.2-1B@refs/pr/3")
    assert (target.repo_id, target.revision) == ("meta-llama/Llama-3.2-1B", "refs/pr/3")
    assert target.label == "meta-llama/Llama-3.2-1B@refs/pr/3"


def test_hub_url_is_a_hub_id(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = resolve_target("https://huggingface.co/allenai/OLMo-2-1124-13B/tree/stage1")
    assert (target.kind, target.repo_id, target.revision) == ("hub", "allenai/OLMo-2-1124-13B", "stage1")
    with pytest.raises(BadInput, match=r"only huggingface\.co model URLs"):
        resolve_target("https://huggingface.co/datasets/a/b")


def test_plain_name_is_a_catalog_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = resolve_target("llama-2")
    assert (target.kind, target.name) == ("catalog", "llama-2")


@pytest.mark.parametrize(("name", "kind"), [
    ("model.gguf", "gguf"), ("model.safetensors", "safetensors"),
    ("model.safetensors.index.json", "index"), ("M.SAFETENSORS", "safetensors"),
])
def test_weight_files_by_suffix(tmp_path, name, kind):
    (tmp_path / name).write_bytes(b"x")
    target = resolve_target(str(tmp_path / name))
    assert (target.kind, target.path_kind) == ("path", kind)


def test_unsupported_file_is_bad_input(tmp_path):
    (tmp_path / "pytorch_model.bin").write_bytes(b"x")
    with pytest.raises(BadInput, match=r"expected a folder, a \.gguf or \.safetensors file"):
        resolve_target(str(tmp_path / "pytorch_model.bin"))


def test_missing_path_like_target_is_not_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(NotFound, match="no such file or folder"):
        resolve_target("./my-model")
    with pytest.raises(NotFound, match=r"model\.gguf"):
        resolve_target("model.gguf")


def test_prefixes_force_the_choice(tmp_path, monkeypatch):
    (tmp_path / "org" / "name").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert resolve_target("hub:org/name").kind == "hub"
    assert resolve_target("catalog:org/name").kind == "catalog"
    assert resolve_target("path:org/name").kind == "path"
    with pytest.raises(NotFound):
        resolve_target("path:nowhere")
    with pytest.raises(BadInput, match="expected a Hub id"):
        resolve_target("hub:not a repo")
    with pytest.raises(BadInput, match="nothing after"):
        resolve_target("hub:")


def test_empty_target_is_bad_input():
    with pytest.raises(BadInput, match="target is empty"):
        resolve_target("  ")


@pytest.mark.parametrize("bad", ["a/b/c", "-a/b", "a/b.", "a--b/c", "a/b..c", "a/b.git", "a/", "/b",
                                 "a b/c", "ä/b"])
def test_invalid_repo_ids(bad):
    assert not is_repo_id(bad)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abAB09-_.", min_size=1, max_size=12),
       st.text(alphabet="abAB09-_.", min_size=1, max_size=12))
def test_every_repo_id_we_accept_huggingface_hub_accepts(org, name):
    from huggingface_hub.utils import HFValidationError, validate_repo_id

    repo_id = f"{org}/{name}"
    if is_repo_id(repo_id):
        try:
            validate_repo_id(repo_id)
        except HFValidationError as error:  # pragma: no cover - the assertion
            pytest.fail(f"{repo_id!r} accepted by us, rejected by huggingface_hub: {error}")
