"""Evaluating a parsed query: matching, BM25F ranking, highlights and snippets.

Matching is decided on the folded block texts, which makes every match exact:

* a quoted phrase matches the blocks that contain it, nothing else;
* an unquoted word matches the blocks that contain it, and, when the query
  segmenter splits it into several index words (移民拘留替代办法 → 移民 拘留 替代
  办法), also the blocks that contain all of those words;
* words of Latin letters and digits (COVID-19, 73/195, 6.3%) must not be part of
  a longer such word (2030 does not match 20301).

The index narrows the candidates (postings of character-pair buckets) when that
is cheaper than reading every text; it also gives the document frequencies of
words. Ranking is BM25F over two fields, the block text and its nearest
headings, with every query word and every multi-word query term (scored as a
phrase) as a unit; headings get a modest boost, footnotes a modest cut.
"""

from __future__ import annotations

import heapq
import math
import operator
import re
import sqlite3
from collections import Counter, OrderedDict
from collections.abc import Callable, KeysView
from dataclasses import dataclass
from functools import partial
from itertools import compress
from typing import Any

from ..model import BlockKind
from .index import read_lexicon
from .postings import ENTRY_SIZE, decode_postings
from .query import And as AndNode
from .query import Filter, Node, Not, ParsedQuery, Phrase, Word, positive_terms
from .query import Or as OrNode
from .ranking import UnitShares, best_of, sampled_floor, unit_shares
from .results import Hit, SearchResults
from .segment import Lexicon
from .table import K1, BlockTable
from .text import ALNUM, CJK, counted_exactly, fold, is_cjk, query_grams
from .word_scores import WordScores

CONTEXT_WEIGHT = 0.5  # BM25F weight of the nearest headings relative to the text
PHRASE_WEIGHT = 0.5  # a multi-word term found contiguously, on top of its words
SCAN_RATIO = 2  # read postings only when they are this much shorter than the corpus
# An unquoted term found as written in fewer blocks than this is relaxed to "all of
# its words" (汇款成本 → 汇款 … 成本): exact where the corpus says it, helpful where not.
RELAX_BELOW = 10
# Question and function words a delegate may type that need not be in a passage
# when a term is relaxed (they still rank, and exact phrases still need them).
OPTIONAL_WORDS = frozenset(
    ["如何", "怎样", "怎么", "什么", "哪些", "有关", "关于", "方面", "问题", "以及", "或者", "进行"]
)
RANK_ALL = 2000  # above this many matches, the best are found without scoring them all
TOP_SAMPLE = 2000  # above this many matches, the top k are picked by a sampled bound
SNIPPET_CHARS = 90
SNIPPET_LEAD = 24

_CONNECTORS = "./-&+'’%#_"
_CHUNK_RE = re.compile(rf"(?:[{CJK}]|{ALNUM}|[{re.escape(_CONNECTORS)}])+")
ALNUM_RE = re.compile(ALNUM)


@dataclass(frozen=True)
class Unit:
    """Something counted in a block: it ranks (BM25F) and is highlighted."""

    text: str  # folded
    weight: float
    highlight: bool
    boundary: bool  # Latin/digit edges must not touch other Latin letters or digits

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """[start, end) of each occurrence in a folded text (whole Latin/digit words only
        when `boundary`), left to right, not overlapping."""
        return bounded_spans(self.text, folded, self.boundary)


def bounded_spans(text: str, folded: str, boundary: bool = True) -> list[tuple[int, int]]:
    """Where `text` occurs in `folded`, left to right and not overlapping; with `boundary`,
    only where a Latin letter or digit at its edge does not touch another (2030 is not
    found in 20301). The same answers as a regex with a lookbehind, but found with
    str.find: the lookbehind makes re try every position of every text (~10× slower)."""
    head = boundary and _is_alnum(text[0])
    tail = boundary and _is_alnum(text[-1])
    size, length = len(text), len(folded)
    spans = []
    start = folded.find(text)
    while start >= 0:
        end = start + size
        touches_before = head and start and _is_alnum(folded[start - 1])
        if touches_before or (tail and end < length and _is_alnum(folded[end])):
            start = folded.find(text, start + 1)
        else:
            spans.append((start, end))
            start = folded.find(text, end)
    return spans


_ALNUM_CHARS: dict[str, bool] = {}


def _is_alnum(char: str) -> bool:
    """Whether one character is a Latin-like letter or digit (ALNUM), remembered per
    character: a text's neighbours are few distinct characters, met many times."""
    found = _ALNUM_CHARS.get(char)
    if found is None:
        found = _ALNUM_CHARS[char] = ALNUM_RE.match(char) is not None
    return found


def _needs_boundary(text: str) -> bool:
    return bool(ALNUM_RE.match(text[0]) or ALNUM_RE.match(text[-1]))


class IndexView:
    """What the engine reads from one open index: the whoosh index of jieba words, and
    the SQLite postings of characters and pairs."""

    POSTINGS_KEPT = 256  # decoded postings kept in memory, most recently used …
    POSTING_ENTRIES_KEPT = 1_000_000  # … holding at most this many blocks (~100 MB)
    SHARES_KEPT = 1_500_000  # passages in the kept ranking orders (ranking.py), most recently used

    def __init__(self, opened: tuple[Any, sqlite3.Connection], table: BlockTable) -> None:
        self.ix, self.db = opened
        self.searcher = self.ix.searcher()
        self.reader = self.searcher.reader()
        self.lexicon: Lexicon = read_lexicon(self.searcher)
        self._table = table
        self._starts = table.doc_starts
        self._docmap: list[int] | None = None
        self._df: dict[str, int] = {}
        self._word_df: dict[str, int] = {}  # a few bytes each: at most the index's words
        self._postings: OrderedDict[str, dict[int, int]] = OrderedDict()
        self._posting_entries = 0  # blocks in all kept postings
        self._shares: OrderedDict[tuple[str, bool, float], UnitShares] = OrderedDict()
        self._shares_kept = 0  # passages in all kept shares
        self.word_scores = WordScores(self.searcher)

    def close(self) -> None:
        self.searcher.close()
        self.db.close()

    @property
    def docmap(self) -> list[int]:
        """whoosh document number → table position (-1: meta, deleted or unknown)."""
        if self._docmap is None:
            docmap = [-1] * self.reader.doc_count_all()
            positions = self._table.positions
            for docnum, fields in self.reader.iter_docs():
                docmap[docnum] = positions.get(fields.get("key", ""), -1)
            self._docmap = docmap
        return self._docmap

    def position_of(self, docnum: int) -> int:
        """The table position of one whoosh document (-1: meta, deleted or unknown), read
        from its stored key: cheaper than `docmap` when only a few are wanted."""
        if self._docmap is not None:
            return self._docmap[docnum]
        if self.reader.is_deleted(docnum):
            return -1
        return self._table.positions.get(self.reader.stored_fields(docnum).get("key", ""), -1)

    def docnums_of(self, doc_id: str) -> set[int]:
        """whoosh document numbers of the passages of one document."""
        from whoosh.query import Term

        return set(self.searcher.docs_for_query(Term("doc", doc_id))) if doc_id else set()

    def word_df(self, word: str) -> int:
        df = self._word_df.get(word)
        if df is None:
            df = self._word_df[word] = self.reader.doc_frequency("words", word)
        return df

    def gram_df(self, term: str) -> int:
        """How many blocks hold the term (a character or a pair of characters)."""
        df = self._df.get(term)
        if df is None:
            df = (
                self.db.execute(
                    "SELECT coalesce(sum(length(blocks)), 0) FROM grams WHERE gram = ?", (term,)
                ).fetchone()[0]
                // ENTRY_SIZE
            )
            if len(self._df) > 100_000:
                self._df.clear()
            self._df[term] = df
        return df

    def gram_counts(self, term: str) -> dict[int, int]:
        """Table position → how often the term occurs there, for the blocks holding it."""
        found = self._postings.get(term)
        if found is not None:
            self._postings.move_to_end(term)
            return found
        starts = self._starts
        found = {}
        for doc_id, blob in self.db.execute("SELECT doc, blocks FROM grams WHERE gram = ?", (term,)):
            start = starts.get(doc_id)
            if start is not None:
                numbers, counts = decode_postings(blob)
                found.update(zip(map(start.__add__, numbers), counts, strict=True))
        self._postings[term] = found
        self._posting_entries += len(found)
        # At ×50 a frequent character's postings hold tens of thousands of blocks: the
        # budget bounds memory whatever the library's size (the newest is always kept).
        while len(self._postings) > 1 and (
            len(self._postings) > self.POSTINGS_KEPT or self._posting_entries > self.POSTING_ENTRIES_KEPT
        ):
            self._posting_entries -= len(self._postings.popitem(last=False)[1])
        return found

    def unit_shares(self, key: tuple[str, bool, float], make: Callable[[], UnitShares]) -> UnitShares:
        """What one query unit gives each block, ordered (ranking.py); it depends only on
        the index, so it is kept with the postings."""
        found = self._shares.get(key)
        if found is None:
            found = self._shares[key] = make()
            self._shares_kept += len(found)
            # ~40 bytes a passage: at most ~60 MB, whatever the library's size
            while self._shares_kept > self.SHARES_KEPT and len(self._shares) > 1:
                self._shares_kept -= len(self._shares.popitem(last=False)[1])
        else:
            self._shares.move_to_end(key)
        return found

    def gram_postings(self, term: str) -> KeysView[int]:
        """Table positions of the blocks holding the term."""
        return self.gram_counts(term).keys()


class Engine:
    """One query at a time; holds per-query caches and the warnings it collects."""

    def __init__(self, table: BlockTable, view: IndexView) -> None:
        self.table = table
        self.view = view
        self.warnings: list[str] = []
        self._full: dict[tuple[str, bool], dict[int, int]] = {}

    # --- matching --------------------------------------------------------------------
    def substring(self, text: str, boundary: bool, within: set[int] | None) -> set[int]:
        """Blocks whose folded text contains `text` (exactly the substring scan's answer)."""
        return set(self.occurrences(text, boundary, within))

    def occurrences(self, text: str, boundary: bool, within: set[int] | None) -> dict[int, int]:
        """position → number of occurrences, for the blocks (of `within`) containing `text`.

        Counting costs about what testing does, and ranking needs the counts, so the
        answer over the whole corpus is kept for the rest of the query.
        """
        key = (text, boundary)
        if key not in self._full and not boundary and counted_exactly(text):
            self._full[key] = self.view.gram_counts(text)  # the index counted it already
        if key not in self._full:
            candidates = self._gram_candidates(text)
            if within is not None and (candidates is None or len(within) < len(candidates)):
                scope = within if candidates is None else within & candidates
                return _count(text, boundary, self.table.texts, scope)
            self._full[key] = _count(text, boundary, self.table.texts, candidates)
        found = self._full[key]
        if within is None or found.keys() <= within:
            return found
        if len(within) < len(found):
            return {i: found[i] for i in within if i in found}
        return {i: tf for i, tf in found.items() if i in within}

    def _gram_candidates(self, text: str) -> set[int] | None:
        """Blocks that may contain `text`, from the index; None when a scan is cheaper."""
        terms = sorted((self.view.gram_df(t), t) for t in query_grams(text))
        limit = len(self.table) // SCAN_RATIO
        if not terms or terms[0][0] > limit:
            return None
        if terms[0][0] == 0:  # a pair no block has
            return set()
        found = self.view.gram_postings(terms[0][1])
        if len(terms) > 1 and terms[1][0] <= limit:
            found &= self.view.gram_postings(terms[1][1])
        return found

    def evaluate(self, node: Node, within: set[int] | None) -> set[int]:
        if isinstance(node, Phrase):
            return self.substring(fold(node.text), False, within)
        if isinstance(node, Word):
            return self._word(node, within)
        if isinstance(node, Filter):
            found = self._filter(node)
            return found if within is None else found & within
        if isinstance(node, Not):
            base = set(range(len(self.table))) if within is None else within
            return base - self.evaluate(node.child, base)
        if isinstance(node, AndNode):
            current = within
            for child in sorted(node.children, key=self._cost):
                current = self.evaluate(child, current)
                if not current:
                    return set()
            return current if current is not None else set(range(len(self.table)))
        if isinstance(node, OrNode):
            found: set[int] = set()
            for child in node.children:
                found |= self.evaluate(child, within)
            return found
        raise TypeError(node)

    def _cost(self, node: Node) -> int:
        """Cheap estimate of a node's matches, to evaluate the most selective first."""
        if isinstance(node, Filter):
            return len(self._filter(node))
        if isinstance(node, Not):
            return len(self.table) * 2
        if isinstance(node, Word | Phrase):
            dfs = [self.view.gram_df(t) for t in query_grams(fold(node.text))]
            return min(dfs) if dfs else len(self.table)
        return len(self.table)

    def _word(self, node: Word, within: set[int] | None) -> set[int]:
        chunks = word_chunks(node.text)
        if not chunks:
            return set()
        current = within
        for chunk in chunks:
            current = self._chunk(chunk, current)
            if not current:
                return set()
        return current if current is not None else set()

    def _chunk(self, chunk: str, within: set[int] | None) -> set[int]:
        """Blocks containing the chunk as written; when fewer than RELAX_BELOW do
        in the whole corpus, also those containing all its words (relaxation)."""
        boundary = _needs_boundary(chunk)
        found = self.substring(chunk, boundary, within)
        words = [
            w
            for w in self.view.lexicon.words(chunk)
            if (len(w) > 1 or not is_cjk(w)) and w not in OPTIONAL_WORDS
        ]
        if not words or words == [chunk] or len(self.substring(chunk, boundary, None)) >= RELAX_BELOW:
            return found
        together = within
        for word in sorted(set(words), key=self.view.word_df):
            together = self.substring(word, _needs_boundary(word), together)
            if not together:
                return found
        return found | together

    def _filter(self, node: Filter) -> set[int]:
        table = self.table
        if node.field == "doc":
            found = table.of_doc(node.value)
            if found is None:
                self._warn(f"no document {node.value!r} (known: {', '.join(table.doc_order())})")
            return found or set()
        if node.field == "kind":
            found = table.of_kind(node.value.lower())
            if found is None:
                kinds = ", ".join(k.value for k in BlockKind)
                self._warn(f"no kind {node.value!r} (known: {kinds})")
            return found or set()
        if not node.value.isdigit() or not table.of_objective(int(node.value)):
            self._warn(f"no objective {node.value!r}: use a number from 1 to 23")
            return set()
        return table.of_objective(int(node.value))

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # --- ranking ---------------------------------------------------------------------
    def units(self, parsed: ParsedQuery) -> list[Unit]:
        units: dict[str, Unit] = {}
        for term in positive_terms(parsed.root):
            if isinstance(term, Phrase):
                text = fold(term.text)
                units.setdefault(text, Unit(text, 1.0, True, False))
                continue
            for chunk in word_chunks(term.text):
                words = self.view.lexicon.words(chunk)
                several = len(words) > 1
                units.setdefault(
                    chunk, Unit(chunk, PHRASE_WEIGHT if several else 1.0, True, _needs_boundary(chunk))
                )
                for word in words if several else ():
                    units.setdefault(
                        word, Unit(word, 1.0, len(word) > 1 or not is_cjk(word), _needs_boundary(word))
                    )
        return list(units.values())

    def idf(self, unit: Unit) -> float:
        # An index word's frequency is free; anything else is counted by substring.
        df = self.view.word_df(unit.text) if len(self.view.lexicon.words(unit.text)) == 1 else 0
        if df == 0:
            df = len(self.occurrences(unit.text, unit.boundary, None))
        n = len(self.table)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def score(self, matches: set[int], units: list[Unit]) -> dict[int, float]:
        """BM25F: per unit, saturated frequency in the text plus, weighted, in the headings.

        At tens of thousands of matches these additions are most of a query's time: each
        is one step of a comprehension or a tight loop, nothing more."""
        table = self.table
        norms = table.norms
        scores: dict[int, float] = {}
        for unit in units:
            weight = unit.weight * self.idf(unit)
            found = self.occurrences(unit.text, unit.boundary, matches)
            if not scores:
                scores = {i: weight * tf * (K1 + 1) / (tf + norms[i]) for i, tf in found.items()}
            else:
                get = scores.get
                for i, tf in found.items():
                    scores[i] = get(i, 0.0) + weight * tf * (K1 + 1) / (tf + norms[i])
            for context, value in self._context_values(unit, weight * CONTEXT_WEIGHT).items():
                get = scores.get
                for i in table.context_groups[context] & matches:
                    scores[i] = get(i, 0.0) + value
        if len(scores) < len(matches):  # an OR: blocks holding none of the ranked words
            scores.update(dict.fromkeys(matches - scores.keys(), 0.0))
        for i in matches & table.boosted.keys():
            scores[i] *= table.boosted[i]
        return scores

    def _context_values(self, unit: Unit, weight: float) -> dict[str, float]:
        """Heading text → what the unit found in it adds to the score of each block under
        it. Many blocks share their headings, so each distinct text is counted once; its
        length, and so the value, is the same for all its blocks."""
        values = {}
        for context, members in self.table.context_groups.items():
            tf = _count_one(unit, context)
            if tf:
                norm = self.table.context_norms[next(iter(members))]
                values[context] = weight * tf * (K1 + 1) / (tf + norm)
        return values

    def best(self, matches: set[int], units: list[Unit], k: int) -> dict[int, float] | None:
        """The k best-scoring matches and their scores, as `score` would give them, found
        without scoring every match (ranking.py); None when that cannot be proven."""
        table = self.table
        norms, context, boosted = table.norms, table.context, table.boosted
        walked, exact = [], []
        for unit in units:
            weight = unit.weight * self.idf(unit)
            counts = self.occurrences(unit.text, unit.boundary, None)
            values = self._context_values(unit, weight * CONTEXT_WEIGHT)
            make = partial(
                unit_shares,
                weight * (K1 + 1),
                counts,
                norms,
                values,
                [table.context_groups[c] for c in values],
                context,
                table.boost_of,
            )
            walked.append(self.view.unit_shares((unit.text, unit.boundary, unit.weight), make))
            exact.append((weight, counts, values))

        def score(i: int) -> float:  # the additions of `score`, in the same order
            total = 0.0
            for weight, counts, values in exact:
                tf = counts.get(i)
                if tf:
                    total += weight * tf * (K1 + 1) / (tf + norms[i])
                value = values.get(context[i])
                if value:
                    total += value
            boost = boosted.get(i)
            return total * boost if boost is not None else total

        return best_of(walked, matches, k, score)

    # --- the whole search ------------------------------------------------------------
    def run(self, parsed: ParsedQuery, within: set[int] | None, limit: int, offset: int) -> SearchResults:
        self.warnings = list(parsed.warnings)
        if parsed.root is None:
            matches = set() if within is None else set(within)
            if within is None:
                return self._results(parsed, matches, [], {}, limit, offset)
        else:
            matches = self.evaluate(parsed.root, within)
        units = self.units(parsed)
        scores: dict[int, float] | None = {}
        if units and len(matches) > RANK_ALL:
            scores = self.best(matches, units, offset + limit)
        if units and not scores:
            scores = self.score(matches, units)
        partial: dict[int, float] = {}
        if len(matches) < RELAX_BELOW and units:
            partial = self._partial(parsed, within, matches, units)
        return self._results(parsed, matches, units, scores, limit, offset, partial)

    # --- when few blocks match: blocks with some of the words ---------------------------
    def _partial(
        self, parsed: ParsedQuery, within: set[int] | None, matches: set[int], units: list[Unit]
    ) -> dict[int, float]:
        """Blocks that hold some of the query's words (and meet its filters and
        exclusions), scored by BM25F times the share of words they hold. They are
        listed after the real matches, flagged, and not counted in the totals."""
        words = self._key_words(parsed)
        if len(words) < 2 and not (words and words[0] not in {u.text for u in units[:1]}):
            return {}
        allowed = self.constraints(parsed.root, within)
        found: dict[int, int] = {}
        for word in words:
            for i in self.substring(word, _needs_boundary(word), allowed) - matches:
                found[i] = found.get(i, 0) + 1
        if not found:
            return {}
        scores = self.score(set(found), units)
        return {i: scores[i] * found[i] / len(words) for i in found}

    def _key_words(self, parsed: ParsedQuery) -> list[str]:
        """The words a block may hold some of: phrases whole, the content words of terms."""
        words: list[str] = []
        for term in positive_terms(parsed.root):
            if isinstance(term, Phrase):
                words.append(fold(term.text))
                continue
            for chunk in word_chunks(term.text):
                pieces = [
                    w
                    for w in self.view.lexicon.words(chunk)
                    if (len(w) > 1 or not is_cjk(w)) and w not in OPTIONAL_WORDS
                ]
                words.extend(pieces or [chunk])
        return list(dict.fromkeys(words))

    def constraints(self, node: Node | None, within: set[int] | None) -> set[int]:
        """The blocks a query's filters and exclusions allow, its wanted words aside."""
        everything = set(range(len(self.table))) if within is None else within
        if node is None or isinstance(node, Word | Phrase):
            return everything
        if isinstance(node, Filter | Not):
            return self.evaluate(node, everything)
        found = [self.constraints(child, within) for child in node.children]
        if isinstance(node, AndNode):
            return set.intersection(*found)
        return set.union(*found)

    def _results(
        self,
        parsed: ParsedQuery,
        matches: set[int],
        units: list[Unit],
        scores: dict[int, float],
        limit: int,
        offset: int,
        partial: dict[int, float] | None = None,
    ) -> SearchResults:
        table = self.table
        partial = partial or {}
        # With nothing to rank by (only filters or exclusions): corpus order.
        ranked = _top(scores, offset + limit) if scores else heapq.nsmallest(offset + limit, matches)
        if partial and len(ranked) < offset + limit:
            ranked += _top(partial, offset + limit - len(ranked))
        by_doc = Counter(map(table.doc_ids.__getitem__, matches))
        by_objective = {n: len(matches & members) for n, members in table.objective_members.items()}
        hits = tuple(
            self.hit(i, units, scores.get(i, partial.get(i, 0.0)), i in partial) for i in ranked[offset:]
        )
        return SearchResults(
            query=parsed.text,
            total=len(matches),
            by_doc={d: by_doc[d] for d in table.doc_order() if by_doc[d]},
            by_objective={n: count for n, count in sorted(by_objective.items()) if count},
            warnings=tuple(self.warnings),
            hits=hits,
            offset=offset,
            limit=limit,
            partial_total=len(partial),
        )

    def hit(self, i: int, units: list[Unit], score: float, partial: bool = False) -> Hit:
        return table_hit(self.table, i, [u for u in units if u.highlight], score, partial)


def table_hit(table: BlockTable, i: int, units: list[Unit], score: float, partial: bool = False) -> Hit:
    """Block `i` of `table` as a hit, its matches of `units` highlighted in text and snippet."""
    block = table.blocks[i]
    spans = highlight_spans(table.texts[i], units)
    snippet, snippet_spans = make_snippet(block.text, spans)
    return Hit(
        doc=table.doc_ids[i],
        anchor=block.anchor,
        kind=block.kind.value,
        citation=block.citation,
        text=block.text,
        snippet=snippet,
        highlights=spans,
        score=score,
        snippet_highlights=snippet_spans,
        objectives=table.objectives[i],
        partial=partial,
    )


def word_chunks(text: str) -> list[str]:
    """The pieces of an unquoted word that must each match: runs of letters, digits and
    Chinese characters (inner connectors such as - / . % kept), folded. Text with none
    of those (e.g. only punctuation) is searched literally."""
    folded = fold(text)
    chunks = [m.group().strip(_CONNECTORS.replace("%", "")) for m in _CHUNK_RE.finditer(folded)]
    chunks = [c for c in chunks if c]
    if not chunks and folded.strip():
        chunks = [folded.strip()]
    return chunks


def _count(text: str, boundary: bool, texts: list[str], scope: set[int] | None) -> dict[int, int]:
    """Occurrences of `text` in each of `texts` (only those in `scope`, if given)."""
    pairs = enumerate(texts) if scope is None else ((i, texts[i]) for i in scope)
    if not boundary:
        return {i: tf for i, folded in pairs if (tf := folded.count(text))}
    found = {}
    for i, folded in pairs:
        if text in folded:  # the plain test first: most candidates fail it
            tf = len(bounded_spans(text, folded))
            if tf:
                found[i] = tf
    return found


def _top(scores: dict[int, float], k: int) -> list[int]:
    """The k best positions, best first; equal scores in corpus order (as a sort would).

    Among many scores, only those at least the k-th best of a sample (a bound below the
    true k-th best) are ranked: picking them runs in C, ranking all would not."""
    if len(scores) > TOP_SAMPLE and k:
        values = list(scores.values())
        floor = sampled_floor(values, k, TOP_SAMPLE)
        if floor is not None:  # a page deeper than the sample: everything is ranked
            kept = list(compress(scores, map(floor.__le__, values)))
            scores = dict(zip(kept, map(scores.__getitem__, kept), strict=True))
    best = heapq.nlargest(k, zip(scores.values(), map(operator.neg, scores), strict=True))
    return [-negative for _, negative in best]


def _count_one(unit: Unit, text: str) -> int:
    if unit.text not in text:
        return 0
    if unit.boundary:
        return len(unit.spans(text))
    return text.count(unit.text)


def highlight_spans(folded: str, units: list[Unit]) -> tuple[tuple[int, int], ...]:
    """[start, end) of every occurrence of every unit in the block, overlaps merged."""
    spans: list[tuple[int, int]] = []
    for unit in units:
        if unit.boundary:
            spans.extend(unit.spans(folded))
            continue
        start = folded.find(unit.text)
        while start >= 0:
            spans.append((start, start + len(unit.text)))
            start = folded.find(unit.text, start + 1)
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def make_snippet(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of the text around the densest cluster of matches, with ellipses."""
    if len(text) <= SNIPPET_CHARS:
        return text, spans
    anchor = _best_span(spans)
    start = max(0, min(anchor - SNIPPET_LEAD, len(text) - SNIPPET_CHARS))
    end = min(len(text), start + SNIPPET_CHARS)
    prefix = "…" if start > 0 else ""
    snippet = prefix + text[start:end] + ("…" if end < len(text) else "")
    shift = len(prefix) - start
    inside = tuple((max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end)
    return snippet, inside


def _best_span(spans: tuple[tuple[int, int], ...]) -> int:
    """Start of the match whose window holds the most highlighted characters."""
    if not spans:
        return SNIPPET_LEAD
    best, best_cover = spans[0][0], -1
    for s, _e in spans:
        window_end = s - SNIPPET_LEAD + SNIPPET_CHARS
        cover = sum(
            min(e2, window_end) - max(s2, s - SNIPPET_LEAD)
            for s2, e2 in spans
            if e2 > s - SNIPPET_LEAD and s2 < window_end
        )
        if cover > best_cover:
            best, best_cover = s, cover
    return best
