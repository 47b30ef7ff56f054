"""THE rule for which files hold license texts, shared by `check`, `export`, `can-i` and
`license FOLDER` (docs/sources.md, "License texts"): a name containing one of `LICENSE_WORDS`
(anywhere, any case), or an extension-less text file whose content reads as a license.

A core module (no imports from opengauge), so both the sources and the license analyzer use it.
"""

from __future__ import annotations

import re

LICENSE_WORDS = ("license", "licence", "agreement", "terms", "policy", "copying", "notice",
                 "eula", "legal", "copyright", "patents")
"""Words that make a file name a license text's (the last two: copyright and patent grants)."""

CODE_SUFFIXES = (".py", ".js", ".ts", ".sh", ".json", ".yaml", ".yml", ".toml", ".cfg",
                 ".ipynb", ".safetensors", ".gguf", ".bin", ".pt", ".pth", ".onnx", ".h5",
                 ".msgpack", ".model", ".tiktoken", ".c", ".cc", ".cpp", ".h", ".rs", ".go",
                 ".java", ".html", ".css", ".csv", ".parquet", ".arrow", ".jsonl", ".gz", ".bz2",
                 ".xz", ".tar", ".7z", ".zst")
"""Suffixes of files that are never license texts, whatever their name says."""

BINARY_SUFFIXES = (".pdf", ".doc", ".docx", ".odt", ".png", ".jpg", ".jpeg", ".gif", ".zip")
"""License documents we name but cannot read as text."""

_WORDS = re.compile("|".join(LICENSE_WORDS), re.IGNORECASE)
_POLICY = re.compile(r"policy", re.IGNORECASE)
_NOTICE = re.compile(r"notice", re.IGNORECASE)
_LICENSE_TERM = re.compile(r"\blicen[cs]e[ds]?\b|\bagreement\b|\bterms of use\b", re.IGNORECASE)
_GRANT = re.compile(
    r"permission is hereby granted|terms and conditions|redistribution and use|licensed under"
    r"|hereby grants?|grants? (?:you|to you)|licensor|licensee|all rights reserved"
    r"|without warranty|\"as is\"|copyright \(c\)|copyright ©", re.IGNORECASE)
CONTENT_BYTES = 4096
"""How much of an extension-less file is read to decide whether it is a license."""


def base_name(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def is_license_name(name: str) -> bool:
    """Whether a file name (any path; its last part counts) names a license text."""
    base = base_name(name)
    lower = base.lower()
    return bool(_WORDS.search(base)) and not lower.endswith(CODE_SUFFIXES)


def license_kind(name: str) -> str | None:
    """'use-policy', 'notice' or 'license' for a license file name; None for other files."""
    if not is_license_name(name):
        return None
    base = base_name(name)
    if _POLICY.search(base) and not re.search(r"licen[cs]e", base, re.IGNORECASE):
        return "use-policy"
    if _NOTICE.search(base) and not re.search(r"licen[cs]e|agreement|terms", base, re.IGNORECASE):
        return "notice"
    return "license"


def is_extensionless(name: str) -> bool:
    """A top-level file without a suffix (`LLAMA3`, `MODEL_TERMS`) that may hold a license."""
    base = base_name(name)
    return "/" not in name.replace("\\", "/") and "." not in base.lstrip(".") \
        and not base.startswith(".")


def reads_as_license(text: str) -> bool:
    """Whether the start of a text reads as a license: it names a license, agreement or terms of
    use and uses a grant or warranty wording."""
    head = text[:CONTENT_BYTES]
    return "\x00" not in head and bool(_LICENSE_TERM.search(head)) and bool(_GRANT.search(head))
