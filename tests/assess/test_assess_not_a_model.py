"""A folder that holds no model is refused with exit 3, not rated (docs/sources.md, "Targets")."""

from __future__ import annotations

import pytest

from opengauge.errors import NotFound
from opengauge.sources.local import model_evidence

from .conftest import release, run_cli


@pytest.mark.parametrize(("names", "kinds"), [
    (["README.md"], {"card"}), (["config.json"], {"config"}), (["tokenizer.model"], {"tokenizer"}),
    (["original/consolidated.00.pth"], {"weights"}), (["q4/m.gguf"], {"gguf"}),
    (["LICENSE"], {"license"}), (["LICENSES/Apache-2.0.txt"], {"license"}),
    (["model.safetensors.index.json"], {"weights"}), (["m/pytorch_model.bin.index.json"], {"weights"}),
    (["model.llamafile"], {"weights"}), (["flax/weights.npz"], {"weights"}),
])
def test_what_counts_as_a_model(names, kinds):
    assert model_evidence(names) == kinds


@pytest.mark.parametrize("names", [
    ["notes.txt", "data.csv"], ["alternatives/DROP_POLICY.7.gz"], ["java/security/java.policy"],
    ["a/b/c/config.json"], ["docs/deep/README.md"], ["src/main.py", "Makefile"], [],
    ["a/b/c/model.safetensors"], ["index.json"],
])
def test_what_does_not(names):
    assert model_evidence(names) == set()


def test_a_folder_without_a_model_is_not_found(check, tmp_path):
    folder = tmp_path / "not-a-model"
    (folder / "sub").mkdir(parents=True)
    (folder / "notes.txt").write_text("shopping list")
    (folder / "sub" / "data.csv").write_text("a,b\n1,2\n")
    with pytest.raises(NotFound, match=f"no model found in {folder}: looked for a model card"):
        check(str(folder))


def test_cli_exit_3_with_one_line(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    done = run_cli("check", str(folder), "--offline", "--no-history")
    assert done.returncode == 3
    assert done.stderr.strip() == (f"opengauge: error: no model found in {folder}: looked for a "
                                   "model card (README.md), a config (config.json), a tokenizer, "
                                   "weights (.safetensors, .bin, .pt, ...), a GGUF file, a "
                                   "license file")


def test_a_folder_with_only_a_license_or_only_weights_is_checked(check, tmp_path):
    only_license = tmp_path / "lic"
    only_license.mkdir()
    (only_license / "LICENSE").write_text("MIT License\n\nPermission is hereby granted ...")
    assert check(str(only_license), offline=True).subject.name == "lic"
    weights = release(tmp_path / "w")
    assert check(str(weights), offline=True).subject.name == "release"
