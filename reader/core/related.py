"""Topical scores: how much each passage of the other documents is about an objective.

Computed from the corpus alone and deterministically, so that the objective tree
(`objectives.build_objectives`) can carry the results and be cached with the corpus.

The recipe (measured on judged passages by `benchmarks/relevance.py`):

* the objective's query words come from its own text — the title counted three
  times, the commitment and each action once — keeping the `QUERY_TERMS` words
  with the highest count × idf (idf over every block of every document, the
  Compact included); each is weighted by its count;
* every paragraph, item and table of the other documents is scored with BM25 on
  those words, and the scores are normalised by the maximum;
* the scores are smoothed with the documents' structure: a passage gains half the
  mean score of its neighbours under the same heading, then the mean score of its
  section (same heading path, at least two passages) — a paragraph of the report's
  remittance section is about remittances even when it does not say the word.

Words need no dictionary: Chinese runs are cut into overlapping character pairs
(汇款成本 → 汇款, 款成, 成本), other scripts into words. Pairs load nothing (jieba's dictionary
takes a second) and ranked better than jieba's words on the judged set (recall@10
0.77 against 0.73), at a twentieth of the cost.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Block, BlockKind, Document, Objective

QUERY_TERMS = 25
TITLE_WEIGHT = 3
BM25_K1 = 1.2
BM25_B = 0.75
NEIGHBOUR_SHARE = 0.5
SCORED_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.TABLE})

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Every pair counts, even one across a function word (的移): idf keeps such pairs out of
# the query, and dropping them measured slightly worse (they also act as phrase pieces).
_PAIR_RE = re.compile(rf"(?=([{_CJK}]{{2}}))")  # with offsets, for highlighting
_RUN_RE = re.compile(rf"[{_CJK}]+")  # for counting, faster than the pairs with offsets
# Not highlighted: a pair across a function character (的金, 和便) is no word to a reader.
_FUNCTION_CHARS = frozenset("的和与及或在对为以并等了是其之于将各中也而由从把被向所使")
_LATIN_RE = re.compile(r"[A-Za-z]{2,}(?:-[A-Za-z]+)*")


def terms_of(text: str) -> list[str]:
    """The words a text stands for: Chinese character pairs, then Latin words (lower case)."""
    words: list[str] = []
    for run in _RUN_RE.findall(text):
        words.extend(map(str.__add__, run, run[1:]))
    return words + [w.lower() for w in _LATIN_RE.findall(text)]


@dataclass(frozen=True)
class ScoredPassage:
    """A passage that can be related to an objective: a paragraph, item or table."""

    doc: str
    anchor: str
    heading_path: tuple[str, ...]


class TopicalIndex:
    """Every block's words, counted once; `scores(objective)` then takes milliseconds."""

    def __init__(self, documents: Iterable[Document], compact_id: str) -> None:
        self.passages: list[ScoredPassage] = []
        counted: list[Counter[str]] = []
        document_frequency: Counter[str] = Counter()
        blocks = 0
        for doc in documents:
            for block in doc.blocks:
                if block.kind is BlockKind.FOOTNOTE:
                    continue
                counts = Counter(terms_of(_block_text(block)))
                document_frequency.update(counts.keys())
                blocks += 1
                if doc.id != compact_id and block.kind in SCORED_KINDS:
                    self.passages.append(ScoredPassage(doc.id, block.anchor, block.heading_path))
                    counted.append(counts)
        self._idf = {w: math.log(1 + (blocks - n + 0.5) / (n + 0.5)) for w, n in document_frequency.items()}
        lengths = [sum(counts.values()) for counts in counted]
        average = sum(lengths) / max(1, len(lengths)) or 1.0
        # BM25's length normalisation, once per passage
        self._norms = [BM25_K1 * (1 - BM25_B + BM25_B * n / average) for n in lengths]
        # word → (passage, count): scoring then visits only the passages holding a query word
        self._postings: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, counts in enumerate(counted):
            for word, tf in counts.items():
                self._postings[word].append((i, tf))
        self._neighbours, self._sections = self._structure()

    def _structure(self) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
        """Per passage: its neighbours under the same heading, and its section's passages."""

        def section(i: int) -> tuple[str, tuple[str, ...]]:
            return self.passages[i].doc, self.passages[i].heading_path

        members: dict[tuple[str, tuple[str, ...]], list[int]] = {}
        for i in range(len(self.passages)):
            members.setdefault(section(i), []).append(i)
        neighbours = [
            tuple(j for j in (i - 1, i + 1) if 0 <= j < len(self.passages) and section(j) == section(i))
            for i in range(len(self.passages))
        ]
        sections = [tuple(members[section(i)]) for i in range(len(self.passages))]
        return neighbours, sections

    def query_terms(self, objective: Objective) -> dict[str, float]:
        """The objective's most telling words, each weighted by how often its text uses it."""
        counts: Counter[str] = Counter()
        for _ in range(TITLE_WEIGHT):
            counts.update(terms_of(objective.title))
        counts.update(terms_of(objective.commitment))
        for action in objective.actions:
            counts.update(terms_of(action.text))
        ranked = sorted(
            ((tf * self._idf[w], w) for w, tf in counts.items() if w in self._idf),
            key=lambda item: (-item[0], item[1]),
        )
        return {w: float(counts[w]) for _, w in ranked[:QUERY_TERMS]}

    def scores(self, objective: Objective, query: dict[str, float] | None = None) -> list[float]:
        """Per passage (in the order of `passages`), its topical score: 0 to about 2.
        `query` saves recomputing `query_terms(objective)` when the caller has it."""
        raw = self._bm25(self.query_terms(objective) if query is None else query)
        top = max(raw, default=0.0)
        if top <= 0:
            return [0.0] * len(raw)
        raw = [s / top for s in raw]
        section_means: dict[int, float] = {}
        result = []
        for i, score in enumerate(raw):
            score += NEIGHBOUR_SHARE * _mean([raw[j] for j in self._neighbours[i]])
            members = self._sections[i]
            if len(members) >= 2:
                if members[0] not in section_means:
                    section_means[members[0]] = _mean([raw[j] for j in members])
                score += section_means[members[0]]
            result.append(score)
        return result

    def _bm25(self, weights: dict[str, float]) -> list[float]:
        scores = [0.0] * len(self.passages)
        norms = self._norms
        for word, weight in weights.items():
            boost = self._idf[word] * weight * (BM25_K1 + 1)
            for i, tf in self._postings.get(word, ()):
                scores[i] += boost * tf / (tf + norms[i])
        return scores


def highlight_spans(text: str, terms: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """Where a passage holds an objective's query words: merged [start, end) spans."""
    wanted = {t for t in terms if _FUNCTION_CHARS.isdisjoint(t)}
    found = [(m.start(), m.start() + 2) for m in _PAIR_RE.finditer(text) if m.group(1) in wanted]
    found += [m.span() for m in _LATIN_RE.finditer(text) if m.group().lower() in wanted]
    merged: list[list[int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def _block_text(block: Block) -> str:
    if block.kind is BlockKind.TABLE and block.rows:
        return "\n".join(" ".join(row) for row in block.rows)
    return block.text


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def passage_snippet(
    text: str, terms: Sequence[str], width: int = 60
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """One line of a passage around its first query word, with the words' spans in it."""
    text = " ".join(text.split())
    spans = highlight_spans(text, terms)
    if len(text) <= width:
        return text, spans
    start = max(0, min(spans[0][0] - width // 4 if spans else 0, len(text) - width))
    end = start + width
    prefix = "…" if start else ""
    snippet = prefix + text[start:end] + ("…" if end < len(text) else "")
    shift = len(prefix) - start
    inside = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start)
    return snippet, inside
