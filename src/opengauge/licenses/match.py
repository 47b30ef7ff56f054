"""Identify the licenses in a text: exact fast path, ranked similarity, then telling
near-identical versions apart by what differs.

1. Exact: the whole normalized text equals a reference text.
2. Candidates: reference texts sharing the most token trigrams with the query (by count, and
   by share of the reference text, so short licenses inside long files are found too).
3. Alignment of each candidate (see `align.py`): the query span it explains and its errors.
4. Decision among the candidates that explain the same part of the query, by what differs:
   the evidence for a candidate is the query tokens only it explains plus the words of its
   rival's text that the query lacks. A candidate is *clearly ahead* when its evidence is at
   least twice its rival's and `MARGIN` more — so Llama 3.1 and 3.2, which differ in a few
   dozen words, are told apart by those words whatever else was changed in the copy (two
   words suffice when nothing at all points the other way, not even a rival text the query
   holds completely while it holds the candidate's only in part), while a
   copy that agrees with neither on those words is not given a version. With no difference,
   a complete reference text beats one the query covers only in part (MIT against a
   modified MIT that adds a sentence at the end; GPL-3.0 against GPL-3.0-or-later whose
   text starts with a notice the query lacks).
   The winner must be ahead of every rival and similar enough (`MIN_SCORE`); otherwise the
   region is unknown and its best candidate is reported as `closest`.
5. The explained span is removed and the rest of the query is searched again, so a license
   followed by its use policy, or two licenses of a dual-licensed file, are each found with
   their own line range.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from heapq import nlargest, nsmallest
from itertools import compress, pairwise, repeat
from operator import ge, mul, neg, truediv
from typing import Any

from opengauge.licenses.align import Segment, align, covers, gaps, shared, union_size, unique_grams
from opengauge.licenses.index import (
    SAMPLE_MASK,
    SMALL_TEXT,
    Built,
    load,
    sampled,
    text_digest,
    trigram_keys,
)
from opengauge.licenses.normalize import Normalized
from opengauge.licenses.vocabulary import BINDING_WORDS, MILITARY

SAMPLE_RATE = SAMPLE_MASK + 1
MIN_REGION = 8
"""Query stretches shorter than this many tokens are not searched."""
CANDIDATES = 6
COMMON = 400
"""Trigrams found in more reference texts than this ("the software is") rank no candidate."""
COUNT_FLOOR = 0.5
SHARE_CANDIDATES = 5
TEXT_CACHE = 256
"""Reference texts whose tokens and 4-grams are kept in memory between queries."""
CLOSE_CALL = 0.8
POOL = 40
"""When more than this many texts share `CLOSE_CALL` of the best candidate's trigrams, or
hold its span (see `Matcher._holders`), a fragment is not named."""
MARGIN = 3
MIN_SCORE = 0.9
"""Dice similarity over the matched spans needed to name a license."""
MIN_MATCHED = 60
"""Matched tokens needed to name a license from a partial copy (below `FULL_COVERAGE`)."""
FULL_COVERAGE = 0.8
MAX_ADDED = 12
"""A run of this many query tokens inside the span that the reference lacks is an added
clause: the text is a modified license, not the reference."""
MAX_REMOVED = 20
_VERSION_LIKE = re.compile(r"^\d+\.\d+(?:\.\d+)*$|^(?:19|20)\d\d$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)*[a-z]?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NOT_VERSIONS = frozenset({"section", "sections", "paragraph", "paragraphs", "clause", "clauses",
                           "article", "articles", "subsection", "exhibit", "appendix", "item",
                           "items", "chapter", "part", "page", "line", "lines", "step", "copyright"})
COMPOSITE = 0.8
HOLDS = 0.9
"""A text holding this share of a span's indexed trigrams could explain the span too."""
MIN_SPAN_KEYS = 4
"""A span with fewer indexed trigrams is too short to rule rivals out: not named unless it
covers most of its reference text."""
FRAGMENT = 0.25
"""Below this share of a reference text, two words of evidence are not enough."""
VERSION_WEIGHT = 3
"""A number only one candidate explains counts as this many words of evidence."""
MISSING_START = 20
PREAMBLE = 0.2
"""...when those missing first tokens are a preamble (a notice before the license), not most
of the text (a query that is a fragment from the middle of a long license)."""
"""With equal errors, a reference whose first this-many tokens are missing from the query
loses to one that starts where the query starts (copies get cut at the end, not the start)."""
CLOSEST_SCORE = 0.3
DICT_AFTER = 8
"""Queries answered by binary search before the trigram table becomes a dict (faster per
query, 30 ms to build): a single answer starts faster, a folder scan runs faster."""
COMPLETE = 0.95


@dataclass(slots=True)
class TextMatch:
    """A reference text aligned with a span of the query."""

    entry: int
    segment: Segment
    exact: bool = False

    @property
    def score(self) -> float:
        return 1.0 if self.exact else round(self.segment.score, 4)


@dataclass
class Identification:
    """What the matcher found: identified spans, and the best guess for unknown spans."""

    matches: list[TextMatch] = field(default_factory=list)
    unknown: list[TextMatch] = field(default_factory=list)
    ambiguous: list[list[TextMatch]] = field(default_factory=list)


class Matcher:
    """Identification against a prebuilt index."""

    def __init__(self, built: Built) -> None:
        self.built = built
        data = built.matching
        active = data.get("active", len(data["vocab"]))
        self.vocab = {w: i for i, w in enumerate(data["vocab"][:active])}
        self.wide = data["wide"]
        self.text_entry = data["texts"]["entry"]
        self.text_keys = data["texts"]["keys"]
        self.text_size = data["texts"]["size"]
        self.exact = data["exact"]
        self.retired = data.get("retired", {})
        self._tokens: OrderedDict[int, list[int]] = OrderedDict()
        self._numbered: OrderedDict[int, tuple[frozenset[int], dict[int, set[int]]]] = OrderedDict()
        self._queries = 0
        self._grams: OrderedDict[int, dict[tuple, int]] = OrderedDict()

    @cached_property
    def shingle_keys(self) -> array:
        return self.built.array("shingle-keys.bin", "Q")

    @cached_property
    def shingle_codes(self) -> array:
        return self.built.array("shingle-codes.bin", "Q")

    @cached_property
    def shingles(self) -> dict[int, int]:
        """Trigram key -> posting code, as a dict (built after `DICT_AFTER` queries)."""
        return dict(zip(self.shingle_keys, self.shingle_codes, strict=True))

    @cached_property
    def posting_texts(self) -> array:
        return self.built.array("shingle-texts.bin", "H")

    def _codes(self, keys: set[int]) -> list[int]:
        """Posting codes of the trigram `keys` present in the index."""
        self._queries += 1
        if self._queries > DICT_AFTER:
            get = self.shingles.get
            return [code for key in keys if (code := get(key)) is not None]
        table, codes, size = self.shingle_keys, self.shingle_codes, len(self.shingle_keys)
        found = []
        for key in sorted(k for k in keys if k >= 0):
            at = bisect_left(table, key)
            if at < size and table[at] == key:
                found.append(codes[at])
        return found

    def tokens(self, text: int) -> list[int]:
        """The vocabulary ids of reference text `text` (recently used texts are kept)."""
        return _cached(self._tokens, text, self.built.text_tokens)

    def grams(self, text: int) -> dict[tuple, int]:
        """The unique 4-grams of reference text `text` (recently used texts are kept)."""
        return _cached(self._grams, text, lambda t: unique_grams(self.tokens(t)))

    def ids(self, norm: Normalized) -> list[int]:
        get = self.vocab.get
        return [get(t, -1) for t in norm.tokens]

    def identify(self, norm: Normalized) -> Identification:
        """The licenses in `norm`, each with its token span."""
        result = Identification()
        if not norm.tokens:
            return result
        whole = self._exact(norm)
        if whole is not None:
            result.matches.append(whole)
            return result
        ids = self.ids(norm)
        regions = [(0, len(ids))]
        while regions:
            lo, hi = regions.pop()
            if hi - lo < MIN_REGION:
                continue
            found, rivals = self._best(ids, lo, hi)
            if found is None:
                continue
            seg = found.segment
            if rivals is None and not _edited(norm, seg, self.vocab_words, self.tokens(seg.text)):
                result.matches.append(found)
            elif rivals is None:
                result.unknown.append(found)
            elif seg.score >= CLOSEST_SCORE or seg.matched >= MIN_MATCHED:
                result.unknown.append(found)
                if rivals:
                    result.ambiguous.append(rivals)
            else:
                continue
            regions += [(lo, seg.q_start), (seg.q_end, hi)]
        result.matches.sort(key=lambda m: m.segment.q_start)
        result.unknown.sort(key=lambda m: -m.segment.matched)
        return result

    def _exact(self, norm: Normalized) -> TextMatch | None:
        """A reference text equal to the whole query: a current entry's, else a deprecated
        entry's (a registry variant named as itself, not as its replacement, which differs
        from it in words)."""
        digest = text_digest(norm.tokens)
        texts = self.exact.get(digest) or self.retired.get(digest)
        if not texts:
            return None
        entries = sorted({self.text_entry[t] for t in texts})
        text = next(t for t in texts if self.text_entry[t] == entries[0])
        size = len(norm.tokens)
        return TextMatch(entries[0], Segment(text, 0, size, 0, size, size, size), exact=True)

    def candidates(self, ids: list[int], lo: int, hi: int) -> tuple[list[int], bool]:
        """Reference texts most likely present in ids[lo:hi], and whether that list holds
        every text about as likely as the best (False when too many tie: a short fragment
        shared by dozens of MIT variants cannot be given one of them)."""
        hits: Counter[int] = Counter()
        posting = self.posting_texts
        for code in self._codes(set(trigram_keys(ids[lo:hi], self.wide))):
            if code & 0xFFFF <= COMMON:
                start = code >> 16
                hits.update(posting[start:start + (code & 0xFFFF)])
        if not hits:
            return [], True
        weighted = dict(zip(hits, map(mul, hits.values(), map(self._weights.__getitem__, hits)),
                            strict=True))
        share = dict(zip(hits, map(truediv, hits.values(), map(self._key_counts.__getitem__, hits)),
                         strict=True))
        order = dict(zip(hits, zip(map(neg, weighted.values()), map(neg, share.values()),
                                   strict=True), strict=True))
        best = max(weighted.values())
        by_count = [t for t in nsmallest(CANDIDATES, order, key=order.__getitem__)
                    if weighted[t] >= best * COUNT_FLOOR]
        close = sum(map(ge, weighted.values(), repeat(best * CLOSE_CALL)))
        by_share = [t for t in nlargest(SHARE_CANDIDATES, share, key=share.__getitem__)
                    if share[t] >= 0.5 and hits[t] >= 2]
        return list(dict.fromkeys(by_count + by_share)), close <= POOL

    @cached_property
    def _weights(self) -> list[int]:
        """What a shared trigram counts for, per text: long texts index one in `SAMPLE_RATE`."""
        return [SAMPLE_RATE if size > SMALL_TEXT else 1 for size in self.text_size]

    @cached_property
    def _key_counts(self) -> list[int]:
        """Indexed trigrams per text (at least 1, to divide by)."""
        return [max(keys, 1) for keys in self.text_keys]

    def _best(self, ids: list[int], lo: int, hi: int
              ) -> tuple[TextMatch | None, list[TextMatch] | None]:
        """The best match in ids[lo:hi] and, when it is not clearly ahead, its close rivals.

        Returns (match, None) when identified, (closest, rivals) when not, (None, None) when
        nothing aligns. Before a winner is named, every reference text that holds its span
        (nearly all of the span's indexed trigrams) is compared with it too.
        """
        texts, complete = self.candidates(ids, lo, hi)
        if not texts:
            return None, None
        query_grams = unique_grams(ids, lo, hi)
        best_per_entry: dict[int, TextMatch] = {}
        self._align_all(ids, lo, hi, texts, query_grams, best_per_entry)
        if not best_per_entry:
            return None, None
        versions = self._versions(ids, lo, hi)
        top, group, winner = self._decide(best_per_entry, versions)
        if winner is not None:
            missing = self._holders(ids, winner.segment, set(texts))
            if missing is None:
                complete = False
            elif missing:
                self._align_all(ids, lo, hi, missing, query_grams, best_per_entry)
                top, group, winner = self._decide(best_per_entry, versions)
                complete = True
        if winner is not None and _confident(winner.segment) and not self._foreign_version(
                ids, winner) and (complete or winner.segment.coverage >= FULL_COVERAGE):
            if _is_exact(winner.segment):
                winner.exact = True
            return winner, None
        rivals = [m for m in group if m is not top and not ahead(top.segment, m.segment, versions)]
        return top, [top, *rivals]

    def _align_all(self, ids: list[int], lo: int, hi: int, texts: list[int],
                   query_grams: dict[tuple, int], best_per_entry: dict[int, TextMatch]) -> None:
        """Align each text with ids[lo:hi]; keep the best segment per license."""
        for text in texts:
            segments = align(ids, self.tokens(text), text, lo, hi, self.grams(text), query_grams)
            if not segments:
                continue
            entry = self.text_entry[text]
            found = TextMatch(entry, segments[0])
            current = best_per_entry.get(entry)
            if current is None or _net(found.segment) > _net(current.segment):
                best_per_entry[entry] = found

    @staticmethod
    def _decide(best_per_entry: dict[int, TextMatch], versions: frozenset[int]
                ) -> tuple[TextMatch, list[TextMatch], TextMatch | None]:
        """(top by explained tokens, its rivals over the same span, the one ahead of all)."""
        ranked = _without_composites(sorted(
            best_per_entry.values(), key=lambda m: (-_net(m.segment), -m.segment.coverage, m.entry)))
        top = ranked[0]
        group = [m for m in ranked if _overlap(m.segment, top.segment) >= 0.5]
        winner = next((m for m in group if all(m is o or ahead(m.segment, o.segment, versions)
                                               for o in group)), None)
        return top, group, winner

    def _holders(self, ids: list[int], seg: Segment, seen: set[int]) -> list[int] | None:
        """Reference texts not yet compared that hold (nearly) every indexed trigram of the
        span; None when there are too many to compare, or too few trigrams to tell."""
        keys = {k for k in set(trigram_keys(ids[seg.q_start:seg.q_end], self.wide))
                if k >= 0 and sampled(k)}
        if len(keys) < MIN_SPAN_KEYS:
            return None
        counts: Counter[int] = Counter()
        posting = self.posting_texts
        for code in self._codes(keys):
            start = code >> 16
            counts.update(posting[start:start + (code & 0xFFFF)])
        need = HOLDS * len(keys)
        missing = [t for t, n in counts.items() if n >= need and t not in seen]
        return None if len(missing) > POOL else missing

    def _versions(self, ids: list[int], lo: int, hi: int) -> frozenset[int]:
        """Query positions holding a number (a version, a date), except at the very edges of
        the region, where a cut may have left only part of it ("3" of "3.3")."""
        words = self.vocab_words
        span = ids[lo + 2:hi - 2]
        numbers = {t for t in set(span) if t >= 0 and _NUMBER.match(words[t])}
        return frozenset(compress(range(lo + 2, hi - 2), map(numbers.__contains__, span)))

    def _foreign_version(self, ids: list[int], found: TextMatch) -> bool:
        """Whether the query's span names a version the reference text does not: a dotted
        number or year the reference never has ("Llama 3.7"), or a number after a word that
        the reference follows with another number ("Version 4" where it says "Version 3")."""
        seg = found.segment
        words = self.vocab_words
        ref_set, numbered = self._numbers(seg.text)
        span = ids[seg.q_start:seg.q_end]
        placeholder = any(w in ref_set for w in self._placeholder_ids)
        for before, token in pairwise(span):
            if token < 0 or (token in ref_set and token in numbered.get(before, {token})):
                continue
            word = words[token]
            if (_VERSION_LIKE.match(word) and not (placeholder and _YEAR.match(word))) or (
                    _NUMBER.match(word) and before in numbered and words[before] not in _NOT_VERSIONS):
                return True
        return False

    def _numbers(self, text: int) -> tuple[frozenset[int], dict[int, set[int]]]:
        """A reference text's tokens, and the numbers following each word in it (cached)."""
        return _cached(self._numbered, text, self._number_table)

    def _number_table(self, text: int) -> tuple[frozenset[int], dict[int, set[int]]]:
        ref = self.tokens(text)
        numbered: dict[int, set[int]] = {}
        words, number = self.vocab_words, _NUMBER.match
        for before, after in pairwise(ref):
            if after >= 0 and number(words[after]):
                numbered.setdefault(before, set()).add(after)
        return frozenset(ref), numbered

    @cached_property
    def _placeholder_ids(self) -> list[int]:
        return [self.vocab[w] for w in ("yyyy", "year", "yyy") if w in self.vocab]

    @cached_property
    def vocab_words(self) -> list[str]:
        return self.built.matching["vocab"]


def _cached(table: OrderedDict, key: int, make: Callable[[int], Any]) -> Any:
    """`table[key]`, made when missing; the least recently used entries are dropped."""
    found = table.get(key)
    if found is None:
        found = table[key] = make(key)
        if len(table) > TEXT_CACHE:
            table.popitem(last=False)
    else:
        table.move_to_end(key)
    return found


def _without_composites(ranked: list[TextMatch]) -> list[TextMatch]:
    """Drop reference texts that only look best because they chain whole licenses the query
    also holds (a "licensing" file quoting MIT then Apache-2.0 is not what an MIT + Apache
    file is): a candidate covering under half of its own text whose span is mostly explained
    by complete, well-matched other licenses is set aside. (A fragment of a long license that
    merely contains a short one, such as the LGPL's notice, is not such a chain.)"""
    complete = [m for m in ranked if m.segment.coverage >= COMPLETE and m.segment.score >= MIN_SCORE]
    if not complete:
        return ranked
    kept = []
    for item in ranked:
        seg = item.segment
        inside = [c.segment for c in complete if c is not item and seg.q_start <= c.segment.q_start
                  and c.segment.q_end <= seg.q_end]
        if seg.coverage < 0.5 and _covered(inside) >= COMPOSITE * seg.matched:
            continue
        kept.append(item)
    return kept or ranked


def _covered(segments: list[Segment]) -> int:
    """Query tokens explained by the union of `segments`."""
    return union_size([span for s in segments for span in s.spans()])


def _net(seg: Segment) -> int:
    return seg.matched - seg.cost


def _overlap(a: Segment, b: Segment) -> float:
    inter = min(a.q_end, b.q_end) - max(a.q_start, b.q_start)
    smaller = min(a.q_end - a.q_start, b.q_end - b.q_start)
    return inter / smaller if smaller > 0 else 0.0


def evidence(a: Segment, b: Segment, versions: frozenset[int] = frozenset()) -> tuple[int, int]:
    """What tells `a` and `b` apart in the query: for each, the query tokens only it explains
    (a version number counts `VERSION_WEIGHT` times) plus the words of the other's text that
    the query lacks beyond those both lack. Noise both share (a changed sentence, an added
    heading, a dropped paragraph) counts for neither."""
    sa, sb = a.spans(), b.spans()
    common = shared(sa, sb)
    for_a, for_b = a.matched - common, b.matched - common
    for position in versions:
        in_a, in_b = covers(sa, position), covers(sb, position)
        if in_a != in_b:
            if in_a:
                for_a += VERSION_WEIGHT - 1
            else:
                for_b += VERSION_WEIGHT - 1
    return for_a + max(0, b.deleted - a.deleted), for_b + max(0, a.deleted - b.deleted)


def ahead(a: Segment, b: Segment, versions: frozenset[int] = frozenset()) -> bool:
    """Whether `a` explains the query clearly better than `b` (see the module docstring)."""
    for_a, for_b = evidence(a, b, versions)
    fragment = a.coverage < FRAGMENT
    if (for_a - for_b >= MARGIN and for_b * 2 <= for_a) or (
            for_a >= 2 and for_b == 0 and not fragment and not _less_complete(a, b)):
        return True
    if abs(for_a - for_b) >= MARGIN:
        return False
    if a.coverage >= COMPLETE and b.coverage <= a.coverage - 0.05:
        return True
    return a.l_start <= 2 and MISSING_START <= b.l_start <= PREAMBLE * b.size


def _less_complete(a: Segment, b: Segment) -> bool:
    """Whether the query holds all of `b`'s text but only part of `a`'s: then two words only
    `a` explains (an added sentence that happens to start like the rest of `a`'s text) do
    not make `a` ahead of `b`."""
    return b.coverage >= COMPLETE and a.coverage < COMPLETE


def _confident(seg: Segment) -> bool:
    if seg.score < MIN_SCORE:
        return False
    added, removed = seg.longest_change()
    if added >= MAX_ADDED or removed >= MAX_REMOVED:
        return False
    return seg.coverage >= FULL_COVERAGE or seg.matched >= MIN_MATCHED


def _edited(norm: Normalized, seg: Segment, words: list[str], ref: list[int]) -> bool:
    """Whether the span is an edited copy of the reference text, not the text itself:

    - a number of the reference stands replaced by another number ("Dated: November 28,
      2023" where the reference says "December 06, 2023"; "100 million" for "700 million"):
      another version or edition. Numbers only added or only dropped (a section number, a
      copyright year) do not count;
    - a word of the reference that grants, limits or obliges (`BINDING_WORDS`, or a military
      use) is missing inside the span ("For military use in any way;" taken out of a list of
      prohibited uses, "not" dropped). A copy cut at its start or end is not edited: the
      span starts and ends where the copy does; nor are words lost with a copyright line
      that normalization dropped ("Copyright (C) 2007 Free Software Foundation, Inc.
      Everyone is permitted to copy" re-wrapped onto one line). Added words are judged in
      `modified.py`."""
    query = norm.tokens
    for q0, q1, l0, l1 in gaps(seg):
        ours = query[q0:q1]
        theirs = [words[t] for t in ref[l0:l1] if t >= 0]
        if "".join(ours) == "".join(theirs):
            continue
        numbers = {w for w in ours if _NUMBER.match(w)}
        their_numbers = {w for w in theirs if _NUMBER.match(w)}
        if numbers - their_numbers and their_numbers - numbers:
            return True
        lacking = Counter(theirs) - Counter(ours)
        binding = {w for w in lacking if w in BINDING_WORDS or MILITARY.fullmatch(w)}
        if binding and not (0 < q0 < len(query) and binding <= norm.notice_words(
                *norm.line_range(q0 - 1, q1 + 1))):
            return True
    return False


def _is_exact(seg: Segment) -> bool:
    return seg.cost == 0 and seg.matched == seg.size


@cache
def matcher() -> Matcher:
    """The matcher of the current library (built once per process)."""
    return Matcher(load())


