"""What a name says before any file is opened: weight files, and targets written as paths.

Two weight-suffix tables, for two questions (and the shard indexes beside them):

- `WEIGHT_FILE_SUFFIXES`: a file in a repository that holds model weights (any format), for
  counting and describing a release's weights;
- `READABLE_WEIGHT_SUFFIXES`: a weights file opengauge reads itself as a target (GGUF,
  safetensors and a safetensors index);
- `WEIGHT_INDEX_SUFFIXES`: an index naming a release's weight shards (no weights itself, but a
  sign that a folder holds a model).
"""

from __future__ import annotations

import re

WEIGHT_FILE_SUFFIXES = (".safetensors", ".gguf", ".bin", ".pt", ".pth", ".ckpt", ".onnx", ".h5",
                        ".msgpack", ".nemo", ".tflite", ".mlmodel", ".llamafile", ".npz")
READABLE_WEIGHT_SUFFIXES = (".gguf", ".safetensors", ".safetensors.index.json")
WEIGHT_INDEX_SUFFIXES = (".safetensors.index.json", ".bin.index.json")
TEXT_FILE_SUFFIXES = (".json", ".txt", ".md", ".license", ".licence")
"""Files a target may name besides weights: a config, a card, a license text."""

_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


def written_as_path(text: str) -> bool:
    """Whether `text` has the syntax of a local path: it starts with `/`, `./`, `../`, `~` or a
    drive letter and separator, or holds a backslash or more than one `/`."""
    return (text.startswith(("/", "./", "../", "~")) or "\\" in text or text.count("/") > 1
            or bool(_DRIVE.match(text)))


def looks_like_path(text: str) -> bool:
    """Whether a target `text` means a local file or folder, whether or not it exists: written
    as a path, or ending with the suffix of a weights, config, card or license file."""
    lower = text.lower()
    return (written_as_path(text) or lower.endswith(READABLE_WEIGHT_SUFFIXES)
            or lower.endswith(TEXT_FILE_SUFFIXES))
