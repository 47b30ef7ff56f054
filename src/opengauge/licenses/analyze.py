"""The license analyzer: text -> normalized tokens -> matches -> clause findings -> verdict.

Public entry points (exported by `opengauge.licenses`, with `lookup_id` and `lookup_name`
from `lookup.py`):

- `analyze_text(text, path=None)`: any text (a LICENSE, a USE_POLICY, a model card, ...);
- `analyze_path(path)`: a file, a folder (every license-like file in it) or `-` (stdin).
"""

from __future__ import annotations

import os
import re
import sys
from bisect import bisect_left, bisect_right
from functools import partial
from pathlib import Path

from opengauge import frontmatter
from opengauge.errors import BadInput, NotFound
from opengauge.licenses import clauses, coverage, inputs, lookup, modified, references
from opengauge.licenses.clauses import Finding
from opengauge.licenses.match import Identification, TextMatch, matcher
from opengauge.licenses.modified import Withdrawn
from opengauge.licenses.normalize import Normalized, normalize
from opengauge.licenses.registry import Registry, registry
from opengauge.licenses.result import LicenseResult, Match
from opengauge.licenses.sentences import Sentence, split
from opengauge.licenses.verdict import grants, judge_text

CLOSEST_MIN_SCORE = 0.5
CLOSEST_MIN_TOKENS = 40
FRAGMENT_SCORE = 0.95
"""A stretch not named (its license not clearly ahead of a variant) is still listed in
`contains` when it is this similar to its best candidate over `CLOSEST_MIN_TOKENS` words."""
TRUNCATED = 0.95
"""A text match holding less of its license than this is reported `truncated`."""


def _closest(reg: Registry, norm: Normalized, candidates: list[TextMatch]) -> dict | None:
    for found in candidates:
        seg = found.segment
        if seg.score >= CLOSEST_MIN_SCORE and seg.matched >= CLOSEST_MIN_TOKENS:
            return _closest_entry(reg, norm, found)
    return None


def _closest_entry(reg: Registry, norm: Normalized, found: TextMatch) -> dict:
    seg = found.segment
    entry = reg.at(found.entry)
    return {"key": entry.key, "spdx": entry.spdx, "name": entry.name,
            "family": entry.family, "version": entry.version, "kind": entry.kind,
            "score": round(seg.score, 4), "coverage": round(seg.coverage, 4),
            "lines": norm.line_range(seg.q_start, seg.q_end)}


def _whole(found: TextMatch, norm: Normalized) -> bool:
    """Whether `found` is a word-for-word copy that is the whole input (`via: exact`)."""
    return found.exact and found.segment.q_start == 0 and found.segment.q_end == len(norm.tokens)


def _truncated(seg) -> bool:
    """Whether the copy lacks part of its license at the start or the end (cut short): the
    passage missing inside a license makes it unknown (see `match._confident`)."""
    return seg.coverage < TRUNCATED


def _whole_copy(found: Identification, norm: Normalized) -> int | None:
    """The reference text the whole input is a word-for-word copy of, if any."""
    if len(found.matches) == 1 and _whole(found.matches[0], norm):
        return found.matches[0].segment.text
    return None


_COPIES: dict[int, tuple[tuple, frozenset[str]]] = {}
"""Clause analysis of reference texts met as word-for-word copies, by text number."""


def _copy_analysis(text: int, norm: Normalized, raw: str) -> tuple[list[Finding], set[str]]:
    """The clause findings of a word-for-word copy of reference text `text`.

    The first copy met is analyzed and its findings kept by token position; later copies (a
    folder of models sharing a license) get them placed on their own lines.
    """
    known = _COPIES.get(text)
    if known is None:
        lines = norm.lines
        sentences = split(raw)
        found = []
        for finding in clauses.analyze(sentences):
            first = bisect_left(lines, finding.lines[0])
            last = bisect_right(lines, finding.lines[1]) - 1
            if 0 <= first <= last < len(lines):
                found.append((finding.kind, finding.quote, finding.value, first, last))
        known = _COPIES[text] = (tuple(found), frozenset(grants(sentences)))
    findings, granted = known
    if not findings:
        return [], set(granted)
    where = norm.lines_of({i for _, _, _, first, last in findings for i in (first, last)})
    return [Finding(kind, quote, [where[first], where[last]], value)
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
    whole, withdrawn = _modified(reg, norm, found.matches, text)
    covered: set[int] = set()
    osi_regions: list[list[int]] = []
    osi_flags: list[bool] = []
    for index, item in enumerate(found.matches):
        lines = norm.line_range(item.segment.q_start, item.segment.q_end)
        covered.update(range(lines[0], lines[1] + 1))
        if index in withdrawn:
            continue
        entry = reg.at(item.entry)
        via = "exact" if _whole(item, norm) else "text"
        result.matches.append(Match.of(entry, item.score, lines, via,
                                       coverage=round(item.segment.coverage, 4),
                                       truncated=via == "text" and _truncated(item.segment)))
        if entry.osi_approved:
            osi_regions.append(lines)
        if entry.kind == "license":
            osi_flags.append(entry.osi_approved)
    strong = [item for item in found.unknown if item.segment.score >= FRAGMENT_SCORE
              and item.segment.matched >= CLOSEST_MIN_TOKENS]
    for item in found.unknown:
        if item.segment.score >= CLOSEST_MIN_SCORE and item.segment.matched >= CLOSEST_MIN_TOKENS:
            lines = norm.line_range(item.segment.q_start, item.segment.q_end)
            covered.update(range(lines[0], lines[1] + 1))
    fragments = [Match.of(reg.at(item.entry), item.score, norm.line_range(
        item.segment.q_start, item.segment.q_end), "text") for item in strong]
    copy = _whole_copy(found, norm)
    if copy is not None and not osi_regions:
        findings, granted = _copy_analysis(copy, norm, text)
        sentences: list = []
    elif whole is not None:
        sentences = [s for s in whole[0] if not _inside([s.start, s.end], osi_regions)]
        findings = [f for f in whole[1] if not _inside(f.lines, osi_regions)]
        granted = grants(sentences)
    else:
        sentences = split(_without_lines(text, osi_regions) if osi_regions else text)
        findings = clauses.analyze(sentences)
        granted = grants(sentences)
    refs, unresolved = references.find(text, sentences, reg, lookup.Names(), covered)
    seen = {m.key for m in result.matches}
    named_at = {r.line for r in refs if r.via in ("spdx-identifier", "front-matter")}
    findings = [f for f in findings if f.source or f.lines[0] not in named_at]
    choices: dict[str, list] = {}
    for ref in refs:
        if ref.via == "spdx-identifier" and _OR.search(ref.statement):
            choices.setdefault(ref.statement, []).append(ref)
            continue
        extra, flags, more = lookup.add_reference(reg, ref, seen, result)
        findings += extra
        osi_flags += flags
        granted |= more
    not_chosen, choice_notes = _choices(reg, choices, seen, result, findings)
    result.warnings += [f"line {u.line}: license not recognized: {u.statement[:120]}"
                        for u in unresolved]
    result.restrictions = _one_per_clause(findings)
    findings = result.restrictions
    cover = _coverage(text, norm, [*found.matches, *strong], withdrawn, refs, copy is not None)
    result.text_coverage, result.unexplained = cover.share, cover.unexplained
    texts = [m for m in result.matches if m.via in ("exact", "text")]
    modified_texts = [Match.of(reg.at(found.matches[i].entry), 0.0, norm.line_range(
        found.matches[i].segment.q_start, found.matches[i].segment.q_end), "text") for i in withdrawn]
    result.contains = [{"key": m.key, "name": m.name, "lines": m.lines,
                        "share": round(cover.lines_share(m.lines or [0, -1]), 4)}
                       for m in sorted([*texts, *modified_texts, *fragments],
                                       key=lambda m: m.lines or [0])]
    card = _is_card(path, text) or any(r.via == "spdx-identifier" for r in refs)
    if cover.unexplained and texts and not card:
        result.matches = [m for m in result.matches if m.via not in ("exact", "text")]
    binding = [m for m in result.matches if m.key not in not_chosen]
    verdict, reason = judge_text(findings, _licenses(reg, [*texts, *modified_texts, *binding]),
                                 cover.unexplained and not card, cover.describe())
    lookup.apply(result, verdict)
    result.identified = bool(result.matches)
    result.closest = _closest(reg, norm, found.unknown)
    if withdrawn:
        _report_withdrawn(result, reg, norm, found.matches, withdrawn)
    elif texts and not result.matches and not card:
        biggest = max(texts, key=lambda m: cover.lines_share(m.lines or [0, -1]))
        result.closest = next(_closest_entry(reg, norm, item) for item in found.matches
                              if reg.at(item.entry).key == biggest.key)
        result.note = "unknown license; " + _contains_note(result.contains)
    elif fragments and not result.identified and cover.unexplained:
        # known text beside text no license explains (a near copy that explains all of the
        # input but is not clearly X keeps the "closest" note below)
        result.note = "unknown license; " + _contains_note(result.contains)
    elif not result.identified:
        result.note = _unknown_note(result.closest, norm)
    for addition in [*choice_notes, *([reason] if reason else [])]:
        result.note = f"{result.note}; {addition}" if result.note else addition
    return result


_OR = re.compile(r"\sOR\s", re.IGNORECASE)


def _choices(reg: Registry, choices: dict[str, list], seen: set, result: LicenseResult,
             findings: list[Finding]) -> tuple[set[str], list[str]]:
    """`SPDX-License-Identifier` expressions with OR: a choice (see `expression.py`). Every
    license is listed in `matches`; only the chosen branch's findings and licenses bind.
    Returns the registry keys not chosen and the notes naming the choice."""
    from opengauge.licenses import expression
    from opengauge.licenses.expression import Part

    not_chosen: set[str] = set()
    notes: list[str] = []
    for statement, group in choices.items():
        parts: dict[str, Part] = {}
        for ref in group:
            extra, flags, more = lookup.add_reference(reg, ref, seen, result)
            parts[str(ref.target)] = Part(list(extra), list(flags), set(more))

        def leaf(key: str, parts: dict[str, Part] = parts) -> Part:
            entry = reg.get(key)
            return parts.get(entry.key if entry else key, Part())

        try:
            combined = expression.evaluate(expression.parse(statement.split(":", 1)[1]), leaf)
        except (ValueError, IndexError):
            for part in parts.values():
                findings += part.findings
            continue
        chosen = {entry.key for k in combined.keys if (entry := reg.get(k)) is not None}
        not_chosen |= set(parts) - chosen
        findings += combined.findings
        notes += combined.notes
    return not_chosen, notes


def _one_per_clause(findings: list[Finding]) -> list[Finding]:
    """The user's file and a registry copy of a license it names never both report a clause:
    a finding from a registry copy (`source`) is dropped when the file itself has a finding of
    that kind (the file's lines are the ones to show)."""
    own = {f.kind for f in findings if not f.source}
    return [f for f in findings if not f.source or f.kind not in own]


def _contains_note(contains: list[dict]) -> str:
    """ "contains text of X at lines a-b (n % of the file)", for each text found."""
    parts = [f"{c['name']} at lines {c['lines'][0]}-{c['lines'][1]} ({c['share'] * 100:.0f} % "
             "of the file)" for c in sorted(contains, key=lambda c: -c["share"])]
    return "contains text of " + ", and of ".join(parts)


def _licenses(reg: Registry, matches: list[Match]) -> list[Match]:
    """The license-kind matches that bind (not exceptions, not use policies), each once."""
    found: dict[str, Match] = {}
    for match in matches:
        entry = reg.get(match.key) if match.key else None
        if match.kind != "license" or (entry is not None and entry.exception):
            continue
        found.setdefault(match.key or match.name, match)
    return list(found.values())


_CARD_NAME = re.compile(r"^(?:readme|model[_-]?card)", re.IGNORECASE)


def _is_card(path: str | None, text: str) -> bool:
    """Whether the input is a model card (a README, a model card, or front matter): its prose
    describes a model; the license texts inside it are named as they are. (So is a file
    with an `SPDX-License-Identifier` line: the rest of it is the work, not terms.)"""
    if path and _CARD_NAME.match(Path(path).name):
        return True
    return frontmatter.body_of(text)[1] > 1


def _coverage(text: str, norm: Normalized, found: list[TextMatch],
              withdrawn: dict[int, Withdrawn], refs: list, whole_copy: bool) -> coverage.Coverage:
    """What the texts found explain (see `coverage.py`): those named and the fragments that
    are clearly text of a known license though not named."""
    if whole_copy:
        return coverage.whole(text)
    spans = [(m.segment.q_start, m.segment.q_end) for m in found]
    added = [p for why in withdrawn.values() for p in why.added.positions]
    neutral = {ref.line for ref in refs}
    body_line = frontmatter.body_of(text)[1]
    if body_line > 1:
        neutral.update(range(1, body_line + 1))
    return coverage.measure(text, norm, spans, added, neutral)


def _modified(reg: Registry, norm: Normalized, matches: list[TextMatch], text: str
              ) -> tuple[tuple[list[Sentence], list[Finding]] | None, dict[int, Withdrawn]]:
    """The matches withdrawn for the words added inside them (see `modified.py`), by index.

    When any match has added words, the whole text is split and analyzed once (returned, so
    the caller need not do it again); otherwise (None, {})."""
    edits = {}
    for index, item in enumerate(matches):
        seg = item.segment
        if item.exact or seg.q_end - seg.q_start == seg.matched:
            continue
        text_added = modified.added(norm, seg, _reference_words(seg.text))
        if text_added is not None:
            edits[index] = text_added
    if not edits:
        return None, {}
    sentences = split(text)
    findings = clauses.analyze(sentences)
    withdrawn = {}
    for index, text_added in edits.items():
        entry = reg.at(matches[index].entry)
        own = {f.kind for f in lookup.reference_analysis(entry.key)[0]}
        judged = modified.judge(norm, text_added, findings, own,
                                partial(lookup.reference_text, entry))
        if judged is not None:
            withdrawn[index] = judged
    return (sentences, findings), withdrawn


def _reference_words(text: int) -> list[str]:
    """The normalized words of reference text number `text`."""
    found = matcher()
    words = found.vocab_words
    return [words[i] for i in found.tokens(text)]


def _inside(lines: list[int], regions: list[list[int]]) -> bool:
    """Whether the inclusive range `lines` lies within one of `regions`."""
    return any(start <= lines[0] and lines[1] <= end for start, end in regions)


def _report_withdrawn(result: LicenseResult, reg: Registry, norm: Normalized,
                      matches: list[TextMatch], withdrawn: dict[int, Withdrawn]) -> None:
    """Name the first withdrawn match as `closest`, with the lines of its added text."""
    index, why = next(iter(withdrawn.items()))
    result.closest = {**_closest_entry(reg, norm, matches[index]), "added_lines": why.added.lines}
    where = modified.describe(why.added.lines)
    note = (f"unknown license, closest: {result.closest['name']} ({result.closest['score']:.2f}), "
            f"with added text at {where}")
    if result.identified:
        lines = result.closest["lines"]
        note = f"lines {lines[0]}-{lines[1]}: {note}"
    result.note = note
    for other in withdrawn.values():
        if other.unclear:
            result.warnings.append(
                f"{modified.describe(other.added.lines)}: words added to a known license may "
                "restrict it and no rule reads them; not judged open source")


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
    import multiprocessing
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


def reset() -> None:
    """Forget the loaded index, registry and matcher (after the library changed, in tests)."""
    from opengauge.licenses import index
    from opengauge.licenses import match as match_module
    from opengauge.licenses import registry as registry_module

    index.load.cache_clear()
    registry_module.registry.cache_clear()
    match_module.matcher.cache_clear()
    lookup.reference_analysis.cache_clear()
    _COPIES.clear()
