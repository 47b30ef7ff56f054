"""License texts in a repository, found by THE one rule (`opengauge.licensenames`, shared with
`license FOLDER` and `can-i`): files whose name contains license, licence, agreement, terms,
policy, copying, notice, eula, legal, copyright or patents (anywhere, any case, at any depth);
extension-less top-level text files whose content reads as a license; and files the card links
to inside the repository (`license_link`, or a Markdown link whose text or target names a
license). Each text keeps its locator, why it was read and what it governs (`scope`, from its
name: LICENSE-CODE, LICENSE-MODEL, MODEL_LICENSE, ...). Identifying the license is the
analyzer's job (`opengauge.licenses.analyze_text`). The card's own license
texts (its license section, `extra_gated_prompt`, prose) are read by `cardterms`.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from opengauge.licensenames import (
    BINARY_SUFFIXES,
    CODE_SUFFIXES,
    is_extensionless,
    reads_as_license,
)
from opengauge.licensenames import license_kind as _kind
from opengauge.sources.facts import Facts, LicenseFile
from opengauge.sources.interface import RepoFile, Repository, Source, read_text

SOURCE = "license-file"
MAX_LICENSE_BYTES = 1 << 20
MAX_LICENSE_FILES = 20
MAX_EXTENSIONLESS = 10
SCOPES = ("weights", "code", "data", "docs", "unknown")

_SCOPE_WORDS = (
    ("code", re.compile(r"(?:^|[-_. /])code(?:$|[-_. ])", re.IGNORECASE)),
    ("weights", re.compile(r"(?:^|[-_. /])(?:model|weights?|checkpoints?)(?:$|[-_. ])",
                           re.IGNORECASE)),
    ("data", re.compile(r"(?:^|[-_. /])(?:data|datasets?)(?:$|[-_. ])", re.IGNORECASE)),
    ("docs", re.compile(r"(?:^|[-_. /])(?:docs?|documentation)(?:$|[-_. ])", re.IGNORECASE)),
)
_MD_LINK = re.compile(r"\[([^\]]{0,200})\]\(\s*<?([^)\s>]{1,500})>?(?:\s+\"[^\"]*\")?\s*\)")
_LICENSE_WORD = re.compile(r"licen[cs]e|agreement|terms|policy|eula|legal", re.IGNORECASE)


def license_kind(name: str) -> str | None:
    """'license', 'use-policy' or 'notice' for a license file name (see licensenames)."""
    return _kind(name)


def scope_of_name(name: str) -> str:
    """What a license file governs by its name: LICENSE-CODE -> code, MODEL_LICENSE and
    LICENSE-WEIGHTS -> weights, DATA_LICENSE -> data, DOCS_LICENSE -> docs, else unknown."""
    base = name.replace("\\", "/")
    stem = base.rsplit(".", 1)[0] if "." in base.rsplit("/", 1)[-1] else base
    found = [scope for scope, pattern in _SCOPE_WORDS if pattern.search(stem)]
    return found[0] if len(found) == 1 else "unknown"


def card_links(facts: Facts, names: set[str], repo_id: str | None = None) -> list[str]:
    """Files of the repository the card links to as its terms: a relative `license_link`, and
    Markdown links whose text or target names a license (relative, or a Hub URL of this
    repository)."""
    card = facts.card
    if card is None:
        return []
    found: list[str] = []
    lower = {n.lower(): n for n in names}

    def add(target: str) -> None:
        path = _repo_path(target, repo_id)
        if path and path.lower() in lower and lower[path.lower()] not in found:
            found.append(lower[path.lower()])

    if card.license_link is not None:
        add(str(card.license_link.value).strip())
    for text, target in _MD_LINK.findall(card.text):
        if _LICENSE_WORD.search(text) or _LICENSE_WORD.search(target):
            add(target)
    return found


def _repo_path(target: str, repo_id: str | None) -> str | None:
    """The repository path a link points at, or None for a link elsewhere."""
    target = target.strip()
    if not target or target.startswith("#"):
        return None
    if "://" in target:
        parts = urlsplit(target)
        segments = [unquote(s) for s in parts.path.split("/") if s]
        if (repo_id is None or (parts.hostname or "") not in ("huggingface.co", "hf.co")
                or len(segments) < 5 or "/".join(segments[:2]) != repo_id
                or segments[2] not in ("blob", "resolve", "raw")):
            return None
        return "/".join(segments[4:])
    return unquote(target.split("#", 1)[0].split("?", 1)[0]).lstrip("./") or None


class LicenseFilesSource(Source):
    """Every license text of the repository, by the one rule (see the module docstring)."""

    name = SOURCE

    def __init__(self, analyze: bool = True) -> None:
        self.analyze = analyze

    def candidates(self, repo: Repository, facts: Facts) -> list[tuple[RepoFile, str, str]]:
        """(file, kind, why) for each license text, top-level files first."""
        files = sorted(repo.files(), key=lambda f: (f.name.count("/"), f.name.lower()))
        found: dict[str, tuple[RepoFile, str, str]] = {}
        for item in files:
            kind = license_kind(item.name)
            if kind:
                found[item.name] = (item, kind, "name")
        by_name = {f.name: f for f in files}
        for name in card_links(facts, set(by_name), getattr(repo, "repo_id", None)):
            if name not in found and not name.lower().endswith(CODE_SUFFIXES):
                found[name] = (by_name[name], license_kind(name) or "license", "card link")
        tried = 0
        for item in files:
            if item.name in found or not is_extensionless(item.name) or tried >= MAX_EXTENSIONLESS:
                continue
            if item.size is not None and item.size > MAX_LICENSE_BYTES:
                continue
            tried += 1
            read = repo.read(item.name, 4096)
            if read is not None and reads_as_license(read[0].decode("utf-8", "replace")):
                found[item.name] = (item, "license", "content")
        return list(found.values())

    def collect(self, repo: Repository, facts: Facts) -> None:
        candidates = self.candidates(repo, facts)
        for found, kind, why in candidates[:MAX_LICENSE_FILES]:
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
                               truncated, why=why, scope=scope_of_name(found.name))
            if self.analyze:
                from opengauge.licenses import analyze_text

                item.analysis = analyze_text(text, found.name)
            facts.license_files.append(item)
        if len(candidates) > MAX_LICENSE_FILES:
            facts.problem(SOURCE, f"{len(candidates)} license files; only the first "
                          f"{MAX_LICENSE_FILES} were read", kind="truncated")
