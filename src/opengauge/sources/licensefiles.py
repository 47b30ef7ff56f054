"""License files beside the weights: LICENSE*, LICENCE*, COPYING*, LICENSE-MODEL, USE_POLICY*,
ACCEPTABLE_USE_POLICY*, NOTICE*. Their text is collected with its locator; identifying the
license is the analyzer's job, reached through the one seam `analyze_license_text`.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from opengauge.sources.facts import Facts, LicenseFile
from opengauge.sources.interface import Repository, Source, read_text

SOURCE = "license-file"
MAX_LICENSE_BYTES = 1 << 20
MAX_LICENSE_FILES = 20
CODE_SUFFIXES = (".py", ".js", ".ts", ".sh", ".json", ".yaml", ".yml", ".toml", ".cfg", ".ipynb",
                 ".safetensors", ".gguf", ".bin")
BINARY_SUFFIXES = (".pdf", ".doc", ".docx", ".odt", ".png", ".jpg", ".jpeg", ".gif", ".zip")

_NAME = re.compile(
    r"^(?P<stem>licen[cs]e|copying|notice|use[_-]?policy|acceptable[_-]?use[_-]?policy)"
    r"(?P<rest>[-_.][^/]*)?$", re.IGNORECASE)

ANALYZER_MODULE = "opengauge.licenses"
ANALYZER_FUNCTION = "analyze_text"


def license_kind(name: str) -> str | None:
    """'license', 'use-policy' or 'notice' for a license file name (its last path part)."""
    base = name.rsplit("/", 1)[-1]
    match = _NAME.match(base)
    if not match or base.lower().endswith(CODE_SUFFIXES):
        return None
    stem = match.group("stem").lower()
    if "policy" in stem:
        return "use-policy"
    return "notice" if stem == "notice" else "license"


def analyze_license_text(text: str, name: str) -> Any:
    """THE SEAM to the license analyzer: `opengauge.licenses.analyze_text(text, name)`.

    Returns None while that function does not exist (the analyzer is built separately);
    once it does, every license file's `analysis` holds its answer.
    """
    try:
        module = importlib.import_module(ANALYZER_MODULE)
    except ImportError:
        return None
    analyze = getattr(module, ANALYZER_FUNCTION, None)
    return analyze(text, name) if callable(analyze) else None


class LicenseFilesSource(Source):
    """License, use-policy and notice files at the top of the repository (or in LICENSES/)."""

    name = SOURCE

    def __init__(self, analyze: bool = True) -> None:
        self.analyze = analyze

    def collect(self, repo: Repository, facts: Facts) -> None:
        candidates = [f for f in repo.files()
                      if (f.name.count("/") == 0 or f.name.lower().startswith("licenses/"))
                      and license_kind(f.name)]
        for found in candidates[:MAX_LICENSE_FILES]:
            kind = license_kind(found.name) or "license"
            if found.name.lower().endswith(BINARY_SUFFIXES):
                facts.problem(SOURCE, f"{found.name}: not a text file; not read",
                              repo.evidence(SOURCE, found.name), kind="not-text")
                continue
            read = read_text(repo, found.name, MAX_LICENSE_BYTES, SOURCE, facts)
            if read is None:
                continue
            text, truncated = read
            first = next((line.strip() for line in text.splitlines() if line.strip()), "")
            evidence = repo.evidence(SOURCE, found.name, 1 if first else None, quote=first[:200])
            item = LicenseFile(found.name, kind, text, found.size or len(text.encode()), evidence,
                               truncated)
            if self.analyze:
                item.analysis = analyze_license_text(text, found.name)
            facts.license_files.append(item)
        if len(candidates) > MAX_LICENSE_FILES:
            facts.problem(SOURCE, f"{len(candidates)} license files; only the first "
                          f"{MAX_LICENSE_FILES} were read", kind="truncated")
