"""Answers from the registry: a license named rather than included.

- `lookup_id(id)`: an SPDX id or expression, ScanCode key, alias or Hugging Face license id;
- `lookup_name(text)`: license names as people write them ("Apache 2.0 and CC-BY-NC-4.0");
- `add_reference(...)`: a license a text names (an SPDX line, model-card front matter, a
  notice), with the restrictions of its reference text tagged with their `source`.

A family known only by name (`gpl`, `openrail`, `gemma`) is open source when all its members
are, not when they are not, unknown otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

from opengauge import frontmatter
from opengauge.errors import BadInput, NotFound
from opengauge.licenses import clauses, expression, references
from opengauge.licenses.clauses import Finding
from opengauge.licenses.expression import Part
from opengauge.licenses.match import matcher
from opengauge.licenses.places import data_root, user_folder
from opengauge.licenses.registry import License, Registry, registry
from opengauge.licenses.result import LicenseResult, Match
from opengauge.licenses.sentences import split
from opengauge.licenses.verdict import Verdict, decide, grants


class Names(Mapping):
    """The name table of the index, loaded on first use (most texts never need it)."""

    def _table(self) -> dict[str, list[str]]:
        return matcher().built.names

    def __getitem__(self, key: str) -> list[str]:
        return self._table()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())

    def items(self):  # type: ignore[override]
        return self._table().items()



def reference_file(entry: License) -> tuple[Path, str] | None:
    """Where the first reference text of `entry` lives and its raw contents (front matter
    included), or None when it has none or it cannot be read."""
    if not entry.files:
        return None
    source, _, name = entry.files[0].partition("/")
    folder = {"scancode": data_root() / "scancode", "opengauge": data_root() / "ai",
              "user": user_folder()}.get(source)
    if folder is None:
        return None
    try:
        return folder / name, (folder / name).read_text(encoding="utf-8")
    except OSError:
        return None


def reference_text(entry: License) -> str | None:
    """The first reference text of `entry` from the library files, without its front matter."""
    found = reference_file(entry)
    return frontmatter.body_of(found[1])[0] if found else None


@cache
def reference_analysis(key: str) -> tuple[tuple[Finding, ...], frozenset[str]]:
    """Findings (tagged with their source) and granted rights of a license's reference text."""
    entry = registry().get(key)
    text = reference_text(entry) if entry else None
    if not text:
        return (), frozenset()
    sentences = split(text)
    findings = tuple(Finding(f.kind, f.quote, f.lines, f.value, source=key)
                     for f in clauses.analyze(sentences))
    return findings, frozenset(grants(sentences))


def entry_verdict(entry: License) -> Verdict:
    """The verdict on one license from its reference text and flags."""
    findings, granted = reference_analysis(entry.key)
    if entry.osi_approved:
        findings = tuple(f for f in findings if not f.osd)
    return decide(list(findings), [entry.osi_approved], set(granted))


def _family_match(reg: Registry, family: str, lines: list[int] | None, via: str,
                  statement: str | None = None) -> tuple[Match, list[License]]:
    fam = reg.families.get(family)
    members = [m for m in reg.members(family) if m.kind == "license" and not m.deprecated]
    name = fam.name if fam else family
    match = Match(None, None, name, family, None, "license", 1.0, lines, via,
                  osi_approved=bool(members) and all(m.osi_approved for m in members),
                  fsf_libre=bool(members) and all(m.fsf_libre for m in members),
                  statement=statement, members=[m.key for m in members])
    return match, members


def _family_findings(members: list[License]) -> tuple[list[Finding], bool | None]:
    """Findings shared by every member (from the newest member) and the unanimous verdict."""
    if not members:
        return [], None
    verdicts = [entry_verdict(m) for m in members]
    values = {v.open_source for v in verdicts}
    unanimous = values.pop() if len(values) == 1 else None
    if unanimous is not False:
        return [], unanimous
    kinds = [{f.kind for f in reference_analysis(m.key)[0] if f.osd} for m in members]
    common = set.intersection(*kinds) if kinds else set()
    newest = sorted(members, key=lambda m: (m.version or "", m.key))[-1]
    return [f for f in reference_analysis(newest.key)[0] if f.kind in common], False



def add_reference(reg: Registry, ref: references.Reference, seen: set, result: LicenseResult
               ) -> tuple[list[Finding], list[bool], set[str]]:
    """Add a referenced license to `result`; its findings, OSI flags and grants."""
    if ref.target is None or ref.target in seen:
        return [], [], set()
    seen.add(ref.target)
    score = 1.0 if ref.exact else 0.95
    if ref.target.startswith("family:"):
        match, members = _family_match(reg, ref.target[7:], [ref.line, ref.line], "reference",
                                       ref.statement)
        result.matches.append(match)
        shared, unanimous = _family_findings(members)
        flags: list[bool] = [match.osi_approved] if unanimous is not None and match.osi_approved else []
        return shared, flags, ({"use", "modify", "redistribute"} if unanimous else set())
    entry = reg.get(ref.target)
    if entry is None:
        return [], [], set()
    result.matches.append(Match.of(entry, score, [ref.line, ref.line], "reference",
                                   statement=ref.statement))
    extra, granted = reference_analysis(entry.key)
    if entry.osi_approved:
        extra = tuple(f for f in extra if not f.osd)
    flags = [entry.osi_approved] if (entry.kind == "license" and entry.has_text
                                     and not entry.exception) else []
    if not entry.has_text and not entry.osi_approved:
        result.warnings.append(f"{entry.name}: no text of this license is available")
    return list(extra), flags, set(granted)



def apply(result: LicenseResult, verdict: Verdict) -> None:
    """Copy a verdict into a result."""
    result.open_source = verdict.open_source
    result.basis = verdict.basis
    result.osd_violations = verdict.violations



def lookup_id(identifier: str) -> LicenseResult:
    """The registry's answer for an SPDX id, ScanCode key, alias or Hugging Face license id,
    or an SPDX expression of them (see `expression.py`: OR is a choice, AND and WITH bind)."""
    reg = registry()
    result = LicenseResult(None, id=identifier)
    seen: set = set()
    parts: dict[str, Part] = {}
    for key in _expression_keys(identifier):
        target = references.resolve_id(key, reg, Names())
        if target is False:
            raise NotFound(f"unknown license id '{key}'", _suggestions(reg, key))
        if target is None or key in parts:
            continue
        extra, more_flags, more = add_reference(reg, references.Reference(target, 0, key, "id"),
                                             seen, result)
        parts[key] = Part(list(extra), list(more_flags), set(more))
    for match in result.matches:
        match.lines, match.via, match.score, match.statement = None, "id", 1.0, None
    result.identified = bool(result.matches)
    if not result.identified:
        result.note = f"'{identifier}' names no license"
        return result
    if _EXPRESSION.search(identifier):
        combined = expression.evaluate(expression.parse(identifier), lambda k: parts.get(k, Part()))
    else:
        combined = parts.get(identifier.strip()) or next(iter(parts.values()), Part())
    result.restrictions = combined.findings
    apply(result, combined.verdict())
    if combined.notes:
        result.note = "; ".join(combined.notes)
    return result


_EXPRESSION = re.compile(r"\s(?:and|or|with)\s|[()]", re.IGNORECASE)


def _expression_keys(identifier: str) -> list[str]:
    """The license ids of an SPDX expression (parsed with license-expression), or [identifier]."""
    if not _EXPRESSION.search(identifier):
        return [identifier.strip()]
    from license_expression import ExpressionError, Licensing

    try:
        return Licensing().license_keys(Licensing().parse(identifier))
    except (ExpressionError, ValueError, TypeError) as error:
        raise BadInput(f"'{identifier}': not a license expression ({error})") from error


def lookup_name(text: str) -> LicenseResult:
    """The licenses named in a free-form string, e.g. a catalog's "Apache 2.0 and CC-BY-NC-4.0"."""
    reg = registry()
    result = LicenseResult(None, id=text)
    findings: list[Finding] = []
    flags: list[bool] = []
    granted: set[str] = set()
    seen: set = set()
    for part in _name_parts(text):
        target = references.resolve_id(part, reg, Names())
        if target is False:
            result.warnings.append(f"license not recognized: {part}")
            continue
        if target is None:
            continue
        ref = references.Reference(target, 0, part, "reference")
        extra, more_flags, more = add_reference(reg, ref, seen, result)
        findings += extra
        flags += more_flags
        granted |= more
    for match in result.matches:
        match.lines = None
    result.restrictions = findings
    result.identified = bool(result.matches)
    if result.identified and not result.warnings:
        apply(result, decide(findings, flags, granted))
    elif any(f.osd for f in findings):
        apply(result, decide(findings, [], set()))
    if not result.identified:
        result.note = "no license recognized in this name"
    return result


_SPLIT_NAMES = re.compile(r"\s+(?:and|&|\+|plus)\s+|\s*[,;/]\s*(?!\d)", re.IGNORECASE)


def _name_parts(text: str) -> list[str]:
    cleaned = re.sub(r"\([^)]*\)", " ", text)
    return [p.strip() for p in _SPLIT_NAMES.split(cleaned) if p and p.strip()]


def _suggestions(reg: Registry, identifier: str) -> list[str]:
    from difflib import get_close_matches

    return get_close_matches(identifier.lower(), sorted({i.lower() for i in reg.all_ids()}),
                             n=3, cutoff=0.75)
