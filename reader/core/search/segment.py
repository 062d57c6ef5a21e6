"""Word segmentation of queries (and of "related" sources) without loading jieba.

jieba's dictionary takes about a second to load into jieba, too slow for a fresh
`reader search`. Text is segmented here with jieba's own algorithm (no HMM: the
most probable route through the graph of dictionary words, scored with jieba's
word counts), reading the counts of just the words that can occur in the text
from a copy of jieba's dictionary (dictionary.py). For query text the words are
restricted to those the library contains: where jieba would have chosen a word
that no passage contains, the segmenter picks words that passages do contain,
which is what matching needs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping

from .text import WORD_RE, fold, is_cjk

Counts = Callable[[Iterable[str]], Mapping[str, int]]


class Lexicon:
    """jieba's words and counts, optionally restricted by `present` (word → bool)."""

    def __init__(self, counts: Counts | Mapping[str, int], total: int,
                 longest: Callable[[str], int] | int | None = None,
                 present: Callable[[str], bool] | None = None) -> None:
        if isinstance(counts, Mapping):
            table = dict(counts)
            self._counts: Counts = lambda words: {w: table[w] for w in words if w in table}
            longest = longest or max((len(w) for w in table), default=1)
        else:
            self._counts = counts
        self._longest = (lambda _char, n=longest or 1: n) if not callable(longest) else longest
        self.total = total
        self.log_total = math.log(max(total, 2))
        self.present = present

    def counts_in(self, runs: list[str], restricted: bool = True) -> dict[str, int]:
        """The dictionary words (with counts) that occur in runs of Chinese characters
        (asked for all at once: one lookup, however many runs)."""
        pieces = {run[i:j] for run in runs for i in range(len(run))
                  for j in range(i + 2, min(len(run), i + self._longest(run[i])) + 1)}
        for run in runs:
            pieces.update(run)
        found = {w: c for w, c in self._counts(pieces).items() if c > 0}
        if restricted and self.present is not None:
            found = {w: c for w, c in found.items() if self.present(w)}
        return found

    def segment_run(self, run: str, restricted: bool = True,
                    counts: dict[str, int] | None = None) -> list[str]:
        """Split a run of Chinese characters into words, as jieba (no HMM) would."""
        if counts is None:
            counts = self.counts_in([run], restricted)
        longest = max(map(len, counts), default=1)
        n = len(run)
        best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        for i in range(n - 1, -1, -1):
            candidates = []
            for j in range(i + 1, min(n, i + longest) + 1):
                count = counts.get(run[i:j], 0)
                if count:
                    candidates.append((math.log(count) - self.log_total + best[j][0], j))
            if not candidates:  # like jieba: an unknown character stands alone
                candidates.append((-self.log_total + best[i + 1][0], i + 1))
            best[i] = max(candidates)
        words, i = [], 0
        while i < n:
            j = best[i][1]
            words.append(run[i:j])
            i = j
        return words

    def words(self, text: str, restricted: bool = True) -> list[str]:
        """The words a piece of text stands for, in order (folded). `restricted`: only
        words the library contains (for queries; a passage's own words all are)."""
        found: list[str] = []
        pieces = [m.group() for m in WORD_RE.finditer(fold(text))]
        runs = [p for p in pieces if is_cjk(p[0])]
        counts = self.counts_in(runs, restricted) if runs else {}
        for piece in pieces:
            found.extend(self.segment_run(piece, counts=counts) if is_cjk(piece[0]) else [piece])
        return found
