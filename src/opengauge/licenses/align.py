"""Align a query's tokens with a reference text: which parts match, in order.

Anchors are token 4-grams that occur once in each sequence; the longest chain of anchors in
the same order on both sides (patience diff) is extended token by token, and short gaps are
filled with an exact longest-common-subsequence pass. The result is a list of matched blocks,
split into segments wherever more than `GAP` query tokens in a row stay unexplained.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import compress, pairwise
from operator import ne

K = 4
GAP = 64
"""Unexplained query tokens that end a segment (a license is followed by something else)."""
SMALL_GAP = 80
"""Gaps up to this size on both sides are filled by an exact LCS pass."""
MAX_DEPTH = 3
"""Larger gaps are aligned again with anchors unique within them, this many levels deep."""


@dataclass(slots=True)
class Segment:
    """A stretch of the query aligned with a stretch of one reference text."""

    text: int
    q_start: int
    q_end: int
    l_start: int
    l_end: int
    matched: int
    size: int
    """Length of the whole reference text."""
    blocks: list[list[int]] = field(default_factory=list)
    """Matched blocks [query position, reference position, length], in order."""
    def spans(self) -> list[tuple[int, int]]:
        """The query positions this reference text explains, as sorted [start, end) spans."""
        return [(q, q + n) for q, _, n in self.blocks]

    @property
    def inserted(self) -> int:
        """Query tokens in the span that the reference text lacks."""
        return self.q_end - self.q_start - self.matched

    @property
    def deleted(self) -> int:
        """Reference tokens in the span that the query lacks."""
        return self.l_end - self.l_start - self.matched

    @property
    def cost(self) -> int:
        return self.inserted + self.deleted

    @property
    def score(self) -> float:
        """Dice similarity of the two spans (1.0: identical)."""
        total = (self.q_end - self.q_start) + (self.l_end - self.l_start)
        return 2 * self.matched / total if total else 0.0

    @property
    def coverage(self) -> float:
        """Share of the reference text present in the query."""
        return self.matched / self.size if self.size else 0.0

    def longest_change(self) -> tuple[int, int]:
        """The longest run of query tokens the reference lacks, and of reference tokens the
        query lacks, between two matched blocks (an added or removed clause)."""
        added = removed = 0
        for (q0, l0, n0), (q1, l1, _) in pairwise(self.blocks):
            added = max(added, q1 - (q0 + n0))
            removed = max(removed, l1 - (l0 + n0))
        return added, removed

    def window_cost(self, start: int, end: int) -> int:
        """Errors over the query window [start, end) that contains this segment."""
        return (end - start - self.matched) + self.deleted


def gaps(seg: Segment) -> list[tuple[int, int, int, int]]:
    """(query start, query end, reference start, reference end) of each stretch between
    matched blocks, and at the edges of the span, where the two texts differ."""
    found = []
    q_at, l_at = seg.q_start, seg.l_start
    for q, lpos, n in seg.blocks:
        if q > q_at or lpos > l_at:
            found.append((q_at, max(q_at, q), l_at, max(l_at, lpos)))
        q_at, l_at = max(q_at, q + n), max(l_at, lpos + n)
    if seg.q_end > q_at:
        found.append((q_at, seg.q_end, l_at, max(l_at, seg.l_end)))
    return found


def unique_grams(seq: list[int], lo: int = 0, hi: int | None = None) -> dict[tuple, int]:
    """4-gram -> position for the 4-grams that occur once in seq[lo:hi], in position order
    (so anchor pairs built by walking it come out sorted)."""
    hi = len(seq) if hi is None else hi
    part = seq[lo:hi]
    grams = list(zip(part, part[1:], part[2:], part[3:], strict=False))
    positions = range(lo, lo + len(grams))
    where = dict(zip(grams, positions, strict=True))
    if len(where) != len(grams):
        # a 4-gram met again is one whose last position (the one `where` kept) is not this one
        for gram in set(compress(grams, map(ne, map(where.__getitem__, grams), positions))):
            del where[gram]
    return where


def _chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of `pairs` (sorted by query position) increasing in both."""
    later = [j for _, j in pairs]
    if later == sorted(later):
        return pairs
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(pairs)
    for i, j in enumerate(later):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(i)
        else:
            tails[k] = j
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k else -1
    chain = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        chain.append(pairs[i])
        i = previous[i]
    return chain[::-1]


def _blocks(query: list[int], ref: list[int], chain: list[tuple[int, int]],
            lo: int, hi: int, l_lo: int = 0, l_hi: int | None = None) -> list[list[int]]:
    """Matched blocks [q, l, n] from anchors, extended over equal tokens."""
    blocks: list[list[int]] = []
    if chain:
        qs = [q for q, _ in chain]
        diag = [q - lj for q, lj in chain]
        cuts = [i for i, (d0, d1, q0, q1) in enumerate(zip(diag, diag[1:], qs, qs[1:], strict=False), 1)
                if d0 != d1 or q1 > q0 + K]
        q_end = l_end = -1
        for start, stop in pairwise([0, *cuts, len(chain)]):
            q0, size = qs[start], qs[stop - 1] + K - qs[start]
            l0 = q0 - diag[start]
            skip = max(q_end - q0, l_end - l0, 0)
            if skip >= size:
                continue
            blocks.append([q0 + skip, l0 + skip, size - skip])
            q_end, l_end = q0 + size, l0 + size
    for index, block in enumerate(blocks):
        q_limit = blocks[index + 1][0] if index + 1 < len(blocks) else hi
        l_limit = blocks[index + 1][1] if index + 1 < len(blocks) else (
            len(ref) if l_hi is None else l_hi)
        while (block[0] + block[2] < q_limit and block[1] + block[2] < l_limit
               and query[block[0] + block[2]] == ref[block[1] + block[2]]):
            block[2] += 1
        q_floor = blocks[index - 1][0] + blocks[index - 1][2] if index else lo
        l_floor = blocks[index - 1][1] + blocks[index - 1][2] if index else l_lo
        while block[0] > q_floor and block[1] > l_floor and query[block[0] - 1] == ref[block[1] - 1]:
            block[0] -= 1
            block[1] -= 1
            block[2] += 1
    return blocks


def _fill(query: list[int], ref: list[int], blocks: list[list[int]], depth: int = 0
          ) -> list[list[int]]:
    """Add matches inside the gaps between consecutive blocks: an exact LCS for small gaps,
    anchors unique within the gap for large ones (text that repeats elsewhere in a license,
    such as its warranty disclaimer quoted again in its appendix)."""
    filled: list[list[int]] = []
    for index, block in enumerate(blocks):
        filled.append(block)
        if index + 1 == len(blocks):
            break
        nxt = blocks[index + 1]
        q0, l0 = block[0] + block[2], block[1] + block[2]
        q1, l1 = nxt[0], nxt[1]
        if q1 <= q0 or l1 <= l0:
            continue
        if q1 - q0 > SMALL_GAP or l1 - l0 > SMALL_GAP:
            if depth < MAX_DEPTH:
                filled += _window(query, ref, q0, q1, l0, l1, depth + 1)
            continue
        if q1 - q0 == l1 - l0 <= 3:
            filled += [[q0 + d, l0 + d, 1] for d in range(q1 - q0) if query[q0 + d] == ref[l0 + d]]
            continue
        matcher = SequenceMatcher(None, query[q0:q1], ref[l0:l1], autojunk=False)
        filled += [[q0 + a, l0 + b, n] for a, b, n in matcher.get_matching_blocks() if n]
    return filled


def _window(query: list[int], ref: list[int], q0: int, q1: int, l0: int, l1: int, depth: int
            ) -> list[list[int]]:
    """Blocks aligning query[q0:q1] with ref[l0:l1], anchored on 4-grams unique there."""
    query_grams, ref_grams = unique_grams(query, q0, q1), unique_grams(ref, l0, l1)
    common = query_grams.keys() & ref_grams.keys()
    if not common:
        return []
    chain = _chain(sorted([(query_grams[g], ref_grams[g]) for g in common]))
    return _fill(query, ref, _blocks(query, ref, chain, q0, q1, l0, l1), depth)


def align(query: list[int], ref: list[int], text: int, lo: int = 0, hi: int | None = None,
          ref_grams: dict[tuple, int] | None = None,
          query_grams: dict[tuple, int] | None = None) -> list[Segment]:
    """Segments of query[lo:hi] aligned with `ref`, best (most matched) first."""
    hi = len(query) if hi is None else hi
    ref_grams = unique_grams(ref) if ref_grams is None else ref_grams
    query_grams = unique_grams(query, lo, hi) if query_grams is None else query_grams
    get = ref_grams.get
    pairs = [(qi, lj) for g, qi in query_grams.items() if (lj := get(g)) is not None]
    if not pairs:
        return []
    blocks = _fill(query, ref, _blocks(query, ref, _chain(pairs), lo, hi))
    return _segments(_extend_tail(query, ref, blocks, hi), text, len(ref))


def _extend_tail(query: list[int], ref: list[int], blocks: list[list[int]], hi: int
                 ) -> list[list[int]]:
    """Continue past the last block where the rest of both sequences still agree (a short
    change before the end leaves no unique 4-gram to anchor on when the end repeats)."""
    for _ in range(32):
        q0, l0 = blocks[-1][0] + blocks[-1][2], blocks[-1][1] + blocks[-1][2]
        q1, l1 = min(hi, q0 + SMALL_GAP), min(len(ref), l0 + SMALL_GAP)
        if q0 >= q1 or l0 >= l1:
            break
        matcher = SequenceMatcher(None, query[q0:q1], ref[l0:l1], autojunk=False)
        found = [[q0 + a, l0 + b, n] for a, b, n in matcher.get_matching_blocks() if n >= 3]
        if not found:
            break
        blocks += found
    return blocks


def _segments(blocks: list[list[int]], text: int, size: int) -> list[Segment]:
    segments: list[Segment] = []
    current: Segment | None = None
    for q, lj, n in blocks:
        if current is not None and q - current.q_end <= GAP:
            current.q_end, current.l_end = q + n, lj + n
            current.matched += n
            current.blocks.append([q, lj, n])
            continue
        current = Segment(text, q, q + n, lj, lj + n, n, size, [[q, lj, n]])
        segments.append(current)
    segments.sort(key=lambda s: -s.matched)
    return segments


def shared(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """How many positions two sorted lists of disjoint [start, end) spans have in common."""
    total = i = j = 0
    while i < len(a) and j < len(b):
        low, high = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if low < high:
            total += high - low
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def covers(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` lies in one of the sorted, disjoint `spans`."""
    at = bisect_right(spans, (position, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= position < spans[at][1]


def union_size(spans: list[tuple[int, int]]) -> int:
    """The number of positions in the union of any [start, end) spans."""
    total, reach = 0, -1
    for start, end in sorted(spans):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total
