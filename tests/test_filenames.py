"""The one path test and the two weight-suffix tables (`opengauge.filenames`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opengauge.filenames import (
    READABLE_WEIGHT_SUFFIXES,
    WEIGHT_FILE_SUFFIXES,
    looks_like_path,
    written_as_path,
)


@pytest.mark.parametrize("text", [
    "/models/llama", "./here", "../up", "~/models", "C:\\models\\x", "c:/models", "a\\b",
    "org/name/sub", "model.gguf", "Model.SafeTensors", "model.safetensors.index.json",
    "config.json", "LICENSE.txt", "README.md", "llama.license", "terms.LICENCE",
])
def test_paths(text):
    assert looks_like_path(text)


def test_file_names_are_paths_by_suffix_only():
    assert looks_like_path("README.md") and not written_as_path("README.md")
    assert written_as_path("c:/models") and written_as_path("./x")


@pytest.mark.parametrize("text", [
    "meta-llama/Llama-3.1-8B", "Llama 3.1 8B", "bloom", "org/model-v1.5", "OLMo 2 (13B)",
    "hub:org/name", "x:y",
])
def test_not_paths(text):
    assert not looks_like_path(text) and not written_as_path(text)


def test_readable_weights_are_weight_files_or_their_index():
    for suffix in READABLE_WEIGHT_SUFFIXES:
        assert suffix.endswith(WEIGHT_FILE_SUFFIXES) or suffix.endswith(".index.json")
    assert ".bin" in WEIGHT_FILE_SUFFIXES and ".bin" not in READABLE_WEIGHT_SUFFIXES


@given(st.text(max_size=80))
def test_never_raises(text):
    assert looks_like_path(text) in (True, False)
