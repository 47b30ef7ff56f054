"""The license analyzer: text -> normalized tokens -> matches -> clause findings -> verdict.

Public entry points (also exported by `opengauge.licenses`):

- `analyze_text(text, path=None)`: any text (a LICENSE, a USE_POLICY, a model card, ...);
- `analyze_path(path)`: a file, a folder (every license-like file in it) or `-` (stdin);
- `lookup_id(id)`: an SPDX id, ScanCode key, alias or Hugging Face license id;
- `lookup_name(text)`: a license name as people write it ("Apache 2.0 and CC-BY-NC-4.0").
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

from opengauge.errors import BadInput, NotFound
from opengauge.licenses import clauses, inputs, references
from opengauge.licenses.clauses import Finding
from opengauge.licenses.match import Identification, TextMatch, matcher
from opengauge.licenses.normalize import Normalized, normalize
from opengauge.licenses.places import data_root, user_folder
from opengauge.licenses.registry import License, Registry, registry
from opengauge.licenses.result import LicenseResult, Match
from opengauge.licenses.sentences import split
from opengauge.licenses.verdict import Verdict, decide, grants

CLOSEST_MIN_SCORE = 0.5
CLOSEST_MIN_TOKENS = 40
_FRONT = re.compile(r"\A---[ \t]*\r?\n.*?\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class _Names(Mapping):
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


def reference_text(entry: License) -> str | None:
    """The first reference text of `entry` from the library files, or None."""
    if not entry.files:
        return None
    source, _, name = entry.files[0].partition("/")
    folder = {"scancode": data_root() / "scancode", "opengauge": data_root() / "ai",
              "user": user_folder()}.get(source)
    if folder is None:
        return None
    try:
        raw = (folder / name).read_text(encoding="utf-8")
    except OSError:
        return None
    return _FRONT.sub("", raw, count=1)


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


def _closest(reg: Registry, norm: Normalized, candidates: list[TextMatch]) -> dict | None:
    for found in candidates:
        seg = found.segment
        if seg.score >= CLOSEST_MIN_SCORE and seg.matched >= CLOSEST_MIN_TOKENS:
            entry = reg.at(found.entry)
            return {"key": entry.key, "spdx": entry.spdx, "name": entry.name,
                    "family": entry.family, "version": entry.version, "kind": entry.kind,
                    "score": round(seg.score, 4), "coverage": round(seg.coverage, 4),
                    "lines": norm.line_range(seg.q_start, seg.q_end)}
    return None


def _whole_copy(found: Identification, norm: Normalized) -> int | None:
    """The reference text the whole input is a word-for-word copy of, if any."""
    if len(found.matches) == 1 and found.matches[0].exact:
        seg = found.matches[0].segment
        if seg.q_start == 0 and seg.q_end == len(norm.tokens):
            return seg.text
    return None


_COPIES: dict[int, tuple[tuple, frozenset[str]]] = {}
"""Clause analysis of reference texts met as word-for-word copies, by text number."""


def _copy_analysis(text: int, norm: Normalized, raw: str) -> tuple[list[Finding], set[str]]:
    """The clause findings of a word-for-word copy of reference text `text`.

    The first copy met is analyzed and its findings kept by token position; later copies (a
    folder of models sharing a license) get them placed on their own lines.
    """
    known = _COPIES.get(text)
    lines = norm.lines
    if known is None:
        sentences = split(raw)
        found = []
        for finding in clauses.analyze(sentences):
            first = bisect_left(lines, finding.lines[0])
            last = bisect_right(lines, finding.lines[1]) - 1
            if 0 <= first <= last < len(lines):
                found.append((finding.kind, finding.quote, finding.value, first, last))
        known = _COPIES[text] = (tuple(found), frozenset(grants(sentences)))
    findings, granted = known
    return [Finding(kind, quote, [lines[first], lines[last]], value)
            for kind, quote, value, first, last in findings], set(granted)


def _without_lines(text: str, regions: list[list[int]]) -> str:
    """`text` with the lines of `regions` blanked (line numbers stay the same).

    Text identified as an OSI-approved license needs no clause analysis: OSI's approval
    settles it (and it keeps the analyzer fast on the most common files)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for start, end in regions:
        for number in range(start - 1, min(end, len(lines))):
            lines[number] = ""
    return "\n".join(lines)


def analyze_text(text: str, path: str | None = None, warnings: list[str] | None = None
                 ) -> LicenseResult:
    """Identify the licenses in `text`, find its restrictions and judge it against the OSD."""
    result = LicenseResult(path, warnings=list(warnings or []))
    if len(text) > inputs.MAX_BYTES:
        text = text[: inputs.MAX_BYTES]
        result.warnings.append(f"only the first {inputs.MAX_BYTES} characters were analyzed")
    reg = registry()
    norm = normalize(text)
    found = matcher().identify(norm)
    covered: set[int] = set()
    osi_regions: list[list[int]] = []
    osi_flags: list[bool] = []
    for item in found.matches:
        entry = reg.at(item.entry)
        lines = norm.line_range(item.segment.q_start, item.segment.q_end)
        via = "exact" if item.exact else "text"
        result.matches.append(Match.of(entry, item.score, lines, via,
                                       coverage=round(item.segment.coverage, 4)))
        covered.update(range(lines[0], lines[1] + 1))
        if entry.osi_approved:
            osi_regions.append(lines)
        if entry.kind == "license":
            osi_flags.append(entry.osi_approved)
    copy = _whole_copy(found, norm)
    if copy is not None and not osi_regions:
        findings, granted = _copy_analysis(copy, norm, text)
        sentences: list = []
    else:
        sentences = split(_without_lines(text, osi_regions) if osi_regions else text)
        findings = clauses.analyze(sentences)
        granted = grants(sentences)
    refs, unresolved = references.find(text, sentences, reg, _Names(), covered)
    seen = {m.key for m in result.matches}
    for ref in refs:
        extra, flags, more = _reference(reg, ref, seen, result)
        findings += extra
        osi_flags += flags
        granted |= more
    result.warnings += [f"line {u.line}: license not recognized: {u.statement[:120]}"
                        for u in unresolved]
    result.restrictions = findings
    verdict = decide(findings, osi_flags, granted)
    _apply(result, verdict)
    result.identified = bool(result.matches)
    result.closest = _closest(reg, norm, found.unknown)
    if not result.identified:
        result.note = _unknown_note(result.closest, norm)
    return result


def _reference(reg: Registry, ref: references.Reference, seen: set, result: LicenseResult
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
        flags = [match.osi_approved] if unanimous is not None and match.osi_approved else []
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


def _apply(result: LicenseResult, verdict: Verdict) -> None:
    result.open_source = verdict.open_source
    result.basis = verdict.basis
    result.osd_violations = verdict.violations


def _unknown_note(closest: dict | None, norm: Normalized) -> str:
    if closest:
        return f"unknown license, closest: {closest['name']} ({closest['score']:.2f})"
    return "empty input" if not norm.tokens else "no known license text or reference found"


def analyze_bytes(data: bytes, path: str, size: int | None = None) -> LicenseResult:
    """Decode `data` (see `inputs.decode`) and analyze it."""
    decoded = inputs.decode(data, path, size)
    return analyze_text(decoded.text, path, decoded.warnings)


def analyze_file(path: Path) -> LicenseResult:
    decoded = inputs.read_file(path)
    return analyze_text(decoded.text, str(path), decoded.warnings)


def analyze_path(path: str | Path, jobs: int | None = None) -> list[LicenseResult]:
    """A file, every license-like file of a folder, or `-` for standard input.

    NotFound when the path does not exist; BadInput when a single file is binary or
    unreadable. In a folder, such files get a result with `error` set instead, and large
    folders are analyzed by `jobs` processes (default: one per CPU; `$OPENGAUGE_JOBS`).
    """
    if str(path) == "-":
        data = sys.stdin.buffer.read(inputs.MAX_BYTES + 1)
        return [analyze_bytes(data[: inputs.MAX_BYTES], "-", len(data))]
    path = Path(path)
    if path.is_dir():
        return analyze_files(inputs.license_files(path), jobs)
    if not path.exists():
        raise NotFound(f"{path}: no such file or folder")
    return [analyze_file(path)]


PARALLEL_FROM = 32
"""Folders with fewer license-like files are analyzed in this process."""


def default_jobs() -> int:
    """Worker processes for a folder: `$OPENGAUGE_JOBS`, else one per CPU."""
    try:
        return max(1, int(os.environ.get("OPENGAUGE_JOBS") or (os.cpu_count() or 1)))
    except ValueError:
        return 1


def analyze_files(files: list[Path], jobs: int | None = None) -> list[LicenseResult]:
    """Analyze many files, in parallel worker processes when there are enough of them."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or len(files) < PARALLEL_FROM:
        return [_analyze_or_error(file) for file in files]
    from concurrent.futures import ProcessPoolExecutor

    matcher()
    registry()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), mp_context=context) as pool:
        return list(pool.map(_analyze_or_error, files, chunksize=8))


def _analyze_or_error(file: Path) -> LicenseResult:
    try:
        return analyze_file(file)
    except (BadInput, NotFound) as error:
        return LicenseResult(str(file), error=str(error))


def lookup_id(identifier: str) -> LicenseResult:
    """The registry's answer for an SPDX id, ScanCode key, alias or Hugging Face license id,
    or an SPDX expression of them ("MIT OR Apache-2.0": judged as if every license applies)."""
    reg = registry()
    result = LicenseResult(None, id=identifier)
    findings: list[Finding] = []
    flags: list[bool] = []
    granted: set[str] = set()
    seen: set = set()
    for part in _expression_keys(identifier):
        target = references.resolve_id(part, reg, _Names())
        if target is False:
            raise NotFound(f"unknown license id '{part}'", _suggestions(reg, part))
        if target is None:
            continue
        extra, more_flags, more = _reference(reg, references.Reference(target, 0, part, "id"),
                                             seen, result)
        findings += extra
        flags += more_flags
        granted |= more
    for match in result.matches:
        match.lines, match.via, match.score, match.statement = None, "id", 1.0, None
    result.identified = bool(result.matches)
    if not result.identified:
        result.note = f"'{identifier}' names no license"
        return result
    result.restrictions = findings
    _apply(result, decide(findings, flags, granted))
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
        target = references.resolve_id(part, reg, _Names())
        if target is False:
            result.warnings.append(f"license not recognized: {part}")
            continue
        if target is None:
            continue
        ref = references.Reference(target, 0, part, "reference")
        extra, more_flags, more = _reference(reg, ref, seen, result)
        findings += extra
        flags += more_flags
        granted |= more
    for match in result.matches:
        match.lines = None
    result.restrictions = findings
    result.identified = bool(result.matches)
    if result.identified and not result.warnings:
        _apply(result, decide(findings, flags, granted))
    elif any(f.osd for f in findings):
        _apply(result, decide(findings, [], set()))
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


def reset() -> None:
    """Forget the loaded index, registry and matcher (after the library changed, in tests)."""
    from opengauge.licenses import index
    from opengauge.licenses import match as match_module
    from opengauge.licenses import registry as registry_module

    index.load.cache_clear()
    registry_module.registry.cache_clear()
    match_module.matcher.cache_clear()
    reference_analysis.cache_clear()
    _COPIES.clear()
