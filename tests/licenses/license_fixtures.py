"""Helpers for the license tests: the reference data and texts shaped like real copies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reference_data import REFERENCE

AI = REFERENCE / "licenses" / "ai"
SCANCODE = REFERENCE / "licenses" / "scancode"
DATA = Path(__file__).resolve().parents[2] / "src" / "opengauge" / "licenses" / "data"
_FRONT = re.compile(r"\A---\n.*?\n---\n?", re.DOTALL)


def library_text(key: str) -> str:
    """The text (front matter removed) of a bundled license file, by key or ai/ id."""
    for folder in (DATA / "scancode", DATA / "ai"):
        path = folder / f"{key}.LICENSE"
        if path.exists():
            return _FRONT.sub("", path.read_text(encoding="utf-8"), count=1)
    raise KeyError(key)


def reference(path: str) -> str:
    """A file of the shared reference data (tests needing it skip without it)."""
    full = REFERENCE / path
    if not full.exists():
        pytest.skip(f"reference data not found: {full}")
    return full.read_text(encoding="utf-8")


def rewrap(text: str, width: int = 60) -> str:
    """Re-wrap every paragraph of `text` at `width` columns (what editors do to a license)."""
    out = []
    for paragraph in re.split(r"\n\s*\n", text):
        words = paragraph.split()
        line = ""
        lines = []
        for word in words:
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        if line:
            lines.append(line)
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def insert_paragraph(text: str, before: str, paragraph: str) -> str:
    """`text` with `paragraph` (and a blank line) added before the first line holding `before`."""
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if before in line)
    return "\n".join([*lines[:at], paragraph, "", *lines[at:]]) + "\n"


RESTRICTED = {
    "apache": ("apache-2.0", "3. Grant of Patent License", "Commercial use of the Work is not permitted.",
               "non-commercial"),
    "bsd": ("bsd-new", "THIS SOFTWARE IS PROVIDED", "4. You may not use this software for military "
            "purposes.", "field-of-use"),
    "mit": ("mit", "The above copyright notice", "The Software shall not be used to train other AI "
            "models.", "no-model-training"),
}
"""Permissive licenses with one short restricting sentence added (the audit's reproductions):
name -> (key, the line it is added before, the sentence, the finding kind it must give)."""


def restricted(name: str) -> tuple[str, int]:
    """The text of a `RESTRICTED` case and the line of its added sentence."""
    key, before, sentence, _ = RESTRICTED[name]
    text = insert_paragraph(library_text(key), before, sentence)
    return text, text.splitlines().index(sentence) + 1
