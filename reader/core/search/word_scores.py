"""BM25F over the whoosh index's jieba words, read in bulk: what "related" ranks by.

whoosh's own search of a 30-word OR query walks its matcher tree posting by posting
and, to prune, asks every matcher for its best possible score at every step. In a
large library where many passages say the same things (drafts, copies, shared
boilerplate), the pruning never bites and that bookkeeping costs seconds. Here each
word's postings are decoded a block at a time, scored once with whoosh's own BM25F
formula and statistics (so the scores and their order are whoosh's), and kept for
the next query; a query then only adds up the kept scores of its words.
"""

from __future__ import annotations

import heapq
import operator
from array import array
from collections import OrderedDict
from collections.abc import Callable
from itertools import accumulate, compress, repeat
from typing import Any

from .ranking import sampled_floor

FIELD = "words"
B = 0.75  # whoosh's BM25F defaults, which "related" has always ranked with
K1 = 1.2


class WordScores:
    """Per index word: the whoosh document numbers holding it and their BM25F scores."""

    KEPT = 512  # words whose scored postings are kept, most recently used

    def __init__(self, searcher: Any) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self._norms: list[float] | None = None
        self._kept: OrderedDict[str, tuple[array, array]] = OrderedDict()

    @property
    def norms(self) -> list[float]:
        """Per document number, BM25's length part K1·(1 − B + B·length/average), computed
        as whoosh computes it (field lengths as whoosh stores them)."""
        if self._norms is None:
            average = self.searcher.avg_field_length(FIELD) or 1
            length = self.reader.doc_field_length
            # (a document without words, e.g. a meta entry, has no length; it is never scored)
            self._norms = [
                K1 * ((1 - B) + B * (length(docnum, FIELD, 1) or 1) / average)
                for docnum in range(self.reader.doc_count_all())
            ]
        return self._norms

    def scored(self, word: str) -> tuple[array, array]:
        """(document numbers, BM25F score of the word in each), in document order."""
        found = self._kept.get(word)
        if found is not None:
            self._kept.move_to_end(word)
            return found
        docnums, weights = self._postings(word)
        idf = self.searcher.idf(FIELD, word)
        norms = self.norms
        # whoosh's bm25(): idf * ((tf * (K1 + 1)) / (tf + norm)), in that order, so the
        # floating-point results are the same as its own (computed in C, over whole lists).
        saturated = map(
            operator.truediv,
            map(operator.mul, weights, repeat(K1 + 1)),
            map(operator.add, weights, map(norms.__getitem__, docnums)),
        )
        scores = array("d", map(operator.mul, repeat(idf), saturated))
        found = (docnums, scores)
        self._kept[word] = found
        if len(self._kept) > self.KEPT:
            self._kept.popitem(last=False)
        return found

    def _postings(self, word: str) -> tuple[array, array]:
        docnums, weights = array("q"), array("d")
        for leaf, base in self.reader.leaf_readers():
            if (FIELD, word) not in leaf:
                continue
            matcher = leaf.postings(FIELD, word)
            # Deleted documents stay in the postings (a filter hides them); they map to
            # no passage and are dropped by the caller.
            if type(matcher).__name__ == "FilterMatcher":
                matcher = matcher.child
            _read_all(matcher, base, docnums, weights)
        return docnums, weights

    def top(
        self,
        weighted: list[tuple[str, float]],
        count: int,
        excluded: set[int] | None = None,
        accept: Callable[[int], bool] | None = None,
    ) -> list[tuple[int, float]]:
        """The `count` best (document number, score) for an OR of weighted words, best
        first, equal scores in document order (as whoosh's collector ranks); documents
        `excluded`, or that `accept` refuses, are passed over."""
        totals = [0.0] * len(self.norms)  # by document number: cheaper to add into than a dict
        for word, boost in weighted:
            docnums, scores = self.scored(word)
            if boost != 1.0:  # whoosh multiplies a boosted term's score, after BM25
                scores = map(boost.__rmul__, scores)
            for docnum, score in zip(docnums, scores, strict=True):
                totals[docnum] += score
        for docnum in excluded or ():
            totals[docnum] = 0.0
        while True:  # refused documents are rare (deleted, unknown): usually one round
            best = _best(totals, count)
            refused = [docnum for docnum, _ in best if accept is not None and not accept(docnum)]
            if not refused:
                return best
            for docnum in refused:
                totals[docnum] = 0.0


def _best(totals: list[float], count: int) -> list[tuple[int, float]]:
    """The `count` largest positive totals, largest first, equal ones by index. Only
    the totals at least the count-th largest of a sample are ranked: picking them runs
    in C, ranking all would not."""
    floor = 0.0
    if count and len(totals) > 50 * count:
        floor = max(sampled_floor(totals, count, 50 * count) or 0.0, floor)
    keep = floor.__le__ if floor > 0 else floor.__lt__  # a document holding no word scores 0
    kept = list(compress(range(len(totals)), map(keep, totals)))
    best = heapq.nlargest(count, zip(map(totals.__getitem__, kept), map(operator.neg, kept), strict=True))
    return [(-negative, value) for value, negative in best]


def _read_all(matcher: Any, base: int, docnums: array, weights: array) -> None:
    """Every posting of a leaf matcher, a block at a time where the codec allows (whoosh's
    own decoding goes through a Python generator per posting)."""
    block_reader = all(
        hasattr(matcher, name) for name in ("_read_data", "_read_weights", "_next_block", "_byteids")
    )
    while matcher.is_active():
        if block_reader:
            if matcher._data is None:
                matcher._read_data()
            stored = matcher._data[0]  # document numbers as such, or their differences
            ids = (stored if matcher._byteids else list(accumulate(stored)))[matcher._i :]
            docnums.extend(map(base.__add__, ids) if base else ids)
            matcher._read_weights()
            weights.extend(map(float, matcher._weights[matcher._i :]))
            matcher._next_block()
        else:
            docnums.append(base + matcher.id())
            weights.append(matcher.weight())
            matcher.next()
