"""Query-side word segmentation without loading jieba.

jieba's dictionary takes about a second to load, too slow for a fresh `reader
search`. A query can only ever match words that are in the index, so it is
segmented with jieba's own algorithm (the most probable route through the
graph of dictionary words, scored with jieba's word counts) restricted to the
index's lexicon, whose counts the index stores when it is built. For any text
made of indexed words this gives jieba's segmentation; where jieba would have
chosen a word that no block contains, it picks indexed words instead, which is
what matching needs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from .text import WORD_RE, fold, is_cjk


class Lexicon:
    """Words of the index with jieba's counts for them."""

    def __init__(self, counts: Mapping[str, int], total: int) -> None:
        self.counts = dict(counts)
        self.total = total
        self.log_total = math.log(max(total, 2))
        self.longest = max((len(w) for w in self.counts), default=1)

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def segment_run(self, run: str) -> list[str]:
        """Split a run of Chinese characters into words, as jieba (no HMM) would."""
        n = len(run)
        counts = self.counts
        best: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        for i in range(n - 1, -1, -1):
            candidates = []
            for j in range(i + 1, min(n, i + self.longest) + 1):
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

    def words(self, text: str) -> list[str]:
        """The index terms a piece of query text stands for, in order (folded)."""
        found: list[str] = []
        for match in WORD_RE.finditer(fold(text)):
            word = match.group()
            found.extend(self.segment_run(word) if is_cjk(word[0]) else [word])
        return found


def serialize_counts(counts: Mapping[str, int]) -> str:
    """A compact text form for the index's stored lexicon (one "word<TAB>count" a line)."""
    return "\n".join(f"{w}\t{c}" for w, c in sorted(counts.items()))


def parse_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in text.splitlines():
        word, _, count = line.rpartition("\t")
        if word:
            counts[word] = int(count or 0)
    return counts
