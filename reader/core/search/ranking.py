"""The best k of many matches without scoring them all (the threshold algorithm).

A frequent word (移民, 的, 儿) matches tens of thousands of passages in a large
library, and adding up BM25F for each of them costs more than everything else a
query does. But a passage's score is a sum over the query's ranked units of what
each unit alone gives it — kind boost × (its text score + its headings' score) —
and what a unit alone gives each passage depends only on the index. So each unit's
passages are ordered once by that share (kept with the postings), and a query
walks its units' orders side by side, scoring every matching passage it meets
exactly (the same formula and floating-point operations as scoring them all). It
stops as soon as no passage not yet met can beat the k-th best: such a passage
gets from each unit at most the share at that unit's current place. The answer is
exactly the top k of scoring every match, equal scores in corpus order.
"""

from __future__ import annotations

import heapq
import operator
from collections.abc import Callable, Iterable, Sequence
from itertools import compress, repeat

SAFETY = 1 + 1e-9  # shares and scores are rounded differently: keep the bound above


class UnitShares:
    """The passages that get something from one unit, the most first, and how much.

    Only the best part is sorted at first (a walk rarely goes deeper); the rest,
    each below `rest_top`, is sorted the first time a walk reaches it."""

    SORTED_FIRST = 8  # sample stride: about the top 64 × SORTED_FIRST (~500) are sorted first

    def __init__(self, positions: list[int], shares: list[float]) -> None:
        self.order: list[int] = []
        self.shares: list[float] = []
        self._rest = (positions, shares)
        if len(positions) > 64 * self.SORTED_FIRST:
            sample = heapq.nlargest(64, shares[:: self.SORTED_FIRST])
            floor = sample[-1]
            first = list(map(floor.__le__, shares))
            self._take(list(compress(positions, first)), list(compress(shares, first)))
            later = list(map(operator.not_, first))
            self._rest = (list(compress(positions, later)), list(compress(shares, later)))

    def __len__(self) -> int:
        return len(self.order) + len(self._rest[0])

    def reach(self, depth: int) -> bool:
        """Make `order` and `shares` reach `depth` if there are that many; say whether."""
        if depth >= len(self.order) and self._rest[0]:
            self._take(*self._rest)
            self._rest = ([], [])
        return depth < len(self.order)

    def _take(self, positions: list[int], shares: list[float]) -> None:
        ranked = sorted(range(len(positions)), key=shares.__getitem__, reverse=True)
        self.order += map(positions.__getitem__, ranked)
        self.shares += map(shares.__getitem__, ranked)


def unit_shares(
    text_weight: float,
    counts: dict[int, int],
    norms: Sequence[float],
    context_values: dict[str, float],
    context_members: Iterable[set[int]],
    context_of: Sequence[str],
    boost_of: Sequence[float],
) -> UnitShares:
    """Per passage, boost × (text_weight·tf/(tf + norm) + the value of its headings), for
    the passages holding the unit or under a heading that does; the most first."""
    positions = set(counts)
    for members in context_members:
        positions |= members
    order = list(positions)
    tfs = list(map(counts.get, order, repeat(0)))
    text = map(
        operator.truediv,
        map(operator.mul, repeat(text_weight), tfs),
        map(operator.add, tfs, map(norms.__getitem__, order)),
    )
    headings = map(context_values.get, map(context_of.__getitem__, order), repeat(0.0))
    shares = list(map(operator.mul, map(operator.add, text, headings), map(boost_of.__getitem__, order)))
    return UnitShares(order, shares)


def best_of(
    units: list[UnitShares], matches: set[int], k: int, score: Callable[[int], float]
) -> dict[int, float] | None:
    """The k best matches and their scores (`score(position)`), or None when the walk
    cannot prove them (fewer than k matches get anything from the units, e.g. an OR
    with a filter): the caller then scores every match."""
    if k <= 0:
        return {}
    heap: list[tuple[float, int]] = []  # (score, -position): the worst kept on top
    seen: set[int] = set()
    depth = 0
    while True:
        bound, active = 0.0, False
        for unit in units:
            if not unit.reach(depth):
                continue
            active = True
            bound += unit.shares[depth]
            position = unit.order[depth]
            if position in seen or position not in matches:
                continue
            seen.add(position)
            entry = (score(position), -position)
            if len(heap) < k:
                heapq.heappush(heap, entry)
            elif entry > heap[0]:
                heapq.heapreplace(heap, entry)
        if len(heap) == k and bound * SAFETY < heap[0][0]:
            break
        if not active:
            return None  # every order walked and still not proven
        depth += 1
    return {-negative: value for value, negative in heap}


def sampled_floor(values: Sequence[float], k: int, sample_size: int) -> float | None:
    """A value at most the k-th largest of `values`, so that only values at least this
    need ranking: the k-th largest of an evenly spread sample of about `sample_size` of
    them (a subset's k-th largest is never above the whole's). None when the sample holds
    fewer than k."""
    sample = values[:: max(1, len(values) // sample_size)]
    return heapq.nlargest(k, sample)[-1] if len(sample) >= k else None
