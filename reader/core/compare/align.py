"""Which block of the new draft is which block of the old one: pairing by content.

Paragraph numbers are never trusted (a deleted paragraph renumbers everything after it);
texts are. The steps, each working on what the previous ones left unpaired:

1. identical texts in the same order (difflib's longest-run matching over whole blocks,
   so repeated short headings are paired by their neighbours);
2. identical texts elsewhere; the longest chain of the pairs so far that keeps both
   orders is "in place", the others moved;
3. a paragraph cut in two (or more) consecutive ones, or two glued into one: split/merged
   (by character pairs: the pieces lie within the whole, and together they match it);
4. between two pairs in place, the remaining blocks are paired in order by likeness
   (bigram Dice; a low bar, since the place agrees too) — edited paragraphs — unless a
   block is much more like one at another place; a lone old and a lone new block left
   between the same two pairs are the same paragraph rewritten (a lower bar still);
5. what is still unpaired and much alike elsewhere: moved and edited; the rest was
   deleted (old) or inserted (new).

Everything is deterministic: ties are broken by position, never by hashing order.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .textdiff import width_key

STRONG = 0.6  # likeness at which two blocks pair wherever they are
IN_PLACE = 0.35  # likeness enough between two pairs in place
LONE_GAP = 0.2  # ... when exactly one old and one new block lie between two pairs in place
MIN_CANDIDATE = 0.25  # below this, two blocks are not worth remembering as a possible pair
MOVED = 0.5  # likeness for an edited block found at another place
SPLIT = 0.7  # likeness of a block with the run of blocks it was cut into
PIECE_CONTAINED = 0.7  # share of a piece's character pairs found in the whole
PIECE_MIN_CHARS = 10
SPLIT_GAIN = 0.02  # the run must be more like the whole than its paired piece alone
COMMON_GRAM_SHARE = 0.1  # character pairs in more blocks than this don't propose candidates
MAX_CANDIDATES = 24


@dataclass
class Alignment:
    """Pairs of block indices. `in_place`/`moved` are 1:1; `split` maps an old block to the new
    ones it was cut into, `merged` a new block to the old ones glued into it."""

    in_place: dict[int, int] = field(default_factory=dict)
    moved: dict[int, int] = field(default_factory=dict)
    split: dict[int, list[int]] = field(default_factory=dict)
    merged: dict[int, list[int]] = field(default_factory=dict)

    def paired_old(self) -> set[int]:
        return (
            set(self.in_place)
            | set(self.moved)
            | set(self.split)
            | {i for olds in self.merged.values() for i in olds}
        )

    def paired_new(self) -> set[int]:
        return (
            set(self.in_place.values())
            | set(self.moved.values())
            | set(self.merged)
            | {j for news in self.split.values() for j in news}
        )


# A heading's own number (目标 13：, 第二章): renumbered when something is inserted before it.
LEADING_NUMBER = re.compile(
    r"^\s*(?:目标|第)\s*[0-9０-９一二三四五六七八九十百零〇]+\s*(?:[章节条部分]|[：:、.．])?\s*"
)


def leading_number_end(text: str) -> int:
    """Where a heading's leading number (目标 13：) ends; 0 if the text has none."""
    match = LEADING_NUMBER.match(text)
    return match.end() if match else 0


def block_key(text: str) -> str:
    """What pairing compares: the text without its leading number, width and spacing."""
    return width_key(text[leading_number_end(text) :]) or width_key(text)


def grams(key: str) -> frozenset[str]:
    if len(key) < 2:
        return frozenset([key]) if key else frozenset()
    return frozenset(map(str.__add__, key, key[1:]))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


class _Blocks:
    """Keys of one side, and their character pairs computed once when first needed (blocks
    paired as identical never need them)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.keys = [block_key(t) for t in texts]
        self.grams = _LazyGrams(self.keys)

    def __len__(self) -> int:
        return len(self.keys)


class _LazyGrams:
    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.cache: dict[int, frozenset[str]] = {}

    def __getitem__(self, index: int) -> frozenset[str]:
        found = self.cache.get(index)
        if found is None:
            found = self.cache[index] = grams(self.keys[index])
        return found


def align(old_texts: Sequence[str], new_texts: Sequence[str]) -> Alignment:
    """Pair the blocks of two drafts (see the module docstring)."""
    old, new = _Blocks(old_texts), _Blocks(new_texts)
    result = Alignment()
    anchors = _identical_in_order(old.keys, new.keys)
    extra = _identical_elsewhere(old.keys, new.keys, anchors)
    # Identical blocks in order weigh most, so a moved paragraph never displaces them.
    weights = {**{p: 1.5 for p in anchors.items()}, **{p: 1.0 for p in extra.items()}}
    chain = set(_heaviest_chain(weights))
    for i, j in weights:
        (result.in_place if (i, j) in chain else result.moved)[i] = j
    candidates = _candidates(old, new, set(anchors) | set(extra), set(anchors.values()) | set(extra.values()))
    _find_splits(old, new, result, candidates)
    _pair_in_gaps(old, new, result, candidates)
    _pair_sandwiched(old, new, result)
    _pair_moved(result, candidates)
    return result


# --- step 1 and 2 ---------------------------------------------------------------------------
def _identical_in_order(old_keys: list[str], new_keys: list[str]) -> dict[int, int]:
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    pairs: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            pairs[block.a + k] = block.b + k
    return pairs


def _identical_elsewhere(old_keys: list[str], new_keys: list[str], anchors: dict[int, int]) -> dict[int, int]:
    """Unpaired blocks whose text is identical: k-th unpaired copy with k-th unpaired copy."""
    taken = set(anchors.values())
    waiting: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(new_keys):
        if j not in taken and key:
            waiting[key].append(j)
    pairs: dict[int, int] = {}
    for i, key in enumerate(old_keys):
        if i not in anchors and waiting.get(key):
            pairs[i] = waiting[key].pop(0)
    return pairs


def _candidates(
    old: _Blocks, new: _Blocks, old_taken: set[int], new_taken: set[int]
) -> dict[tuple[int, int], float]:
    """Likeness (bigram Dice) of unpaired old/new blocks that share uncommon character pairs."""
    new_free = [j for j in range(len(new)) if j not in new_taken]
    postings: dict[str, list[int]] = defaultdict(list)
    for j in new_free:
        for gram in new.grams[j]:
            postings[gram].append(j)
    common = max(8, int(COMMON_GRAM_SHARE * len(new_free)))
    scores: dict[tuple[int, int], float] = {}
    for i in range(len(old)):
        if i in old_taken or not old.grams[i]:
            continue
        mine = old.grams[i]
        shared: Counter[int] = Counter()
        for gram in mine:
            found = postings.get(gram)
            if found and len(found) <= common:
                shared.update(found)
        if not shared and len(mine) <= 2:  # a short text: its pairs may all be common
            for gram in mine:
                shared.update(postings.get(gram, ()))
        if len(shared) > MAX_CANDIDATES:
            ranked = heapq.nsmallest(MAX_CANDIDATES, ((-n, j) for j, n in shared.items()))
            likely = [j for _, j in ranked]
        else:
            likely = list(shared)
        for j in likely:
            score = dice(mine, new.grams[j])
            if score >= MIN_CANDIDATE:
                scores[(i, j)] = score
    return scores


# --- step 3: the pairs in place ---------------------------------------------------------------
def _heaviest_chain(weights: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """The pairs, increasing in both indices, of greatest total weight (Fenwick tree over j)."""
    if not weights:
        return []
    pairs = sorted(weights, key=lambda p: (p[0], -p[1]))  # same i: never two in one chain
    size = max(j for _, j in pairs) + 1
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)  # position j+1 holds new index j
    best: list[tuple[float, int]] = []  # per pair: (chain total, position of the previous pair)
    for position, (i, j) in enumerate(pairs):
        before, k = (0.0, -1), j  # the best chain ending at a new index below j
        while k > 0:
            if tree[k][0] > before[0]:
                before = tree[k]
            k -= k & -k
        total = before[0] + weights[(i, j)]
        best.append((total, before[1]))
        k = j + 1
        while k <= size:
            if total > tree[k][0]:
                tree[k] = (total, position)
            k += k & -k
    end = max(range(len(pairs)), key=lambda k: (best[k][0], -k))
    chain = []
    while end != -1:
        chain.append(pairs[end])
        end = best[end][1]
    return chain[::-1]


# --- step 4: splits and merges ----------------------------------------------------------------
def _find_splits(
    old: _Blocks, new: _Blocks, result: Alignment, candidates: dict[tuple[int, int], float]
) -> None:
    _find_cuts(old, new, result, candidates, merged=False)
    flipped = {(j, i): s for (i, j), s in candidates.items()}
    _find_cuts(new, old, result, flipped, merged=True)


def _find_cuts(
    whole: _Blocks, parts: _Blocks, result: Alignment, candidates: dict[tuple[int, int], float], merged: bool
) -> None:
    """Blocks of `whole` cut into consecutive blocks of `parts` (old→new splits; with
    merged=True the sides are swapped: new blocks glued from consecutive old ones)."""
    near: dict[int, list[int]] = defaultdict(list)
    for w, p in candidates:
        near[w].append(p)
    for w in sorted(near):
        partner = _partner(result, w, merged)
        if partner is False:
            continue
        score_now = candidates.get((w, partner), 1.0) if partner is not None else 0.0
        taken = result.paired_old() if merged else result.paired_new()
        pieces = sorted(
            p
            for p in set(near[w]) | ({partner} if partner is not None else set())
            if p == partner or (p not in taken and _contained(parts, p, whole.grams[w]))
        )
        best = _best_run(whole, parts, w, pieces, partner)
        if best is None:
            continue
        run, score = best
        # The run must beat its best single piece: an edited paragraph followed by a new one
        # that reuses its words is not a split.
        single = max(dice(whole.grams[w], parts.grams[p]) for p in run)
        if score >= SPLIT and score > max(score_now, single) + SPLIT_GAIN:
            _record_cut(result, w, run, merged)


def _partner(result: Alignment, w: int, merged: bool) -> int | None | bool:
    """The block w is paired with 1:1, None if unpaired, False if already in a split/merge."""
    if merged:
        if w in result.merged or any(w in news for news in result.split.values()):
            return False
        for i, j in (*result.in_place.items(), *result.moved.items()):
            if j == w:
                return i
        return None
    if w in result.split or any(w in olds for olds in result.merged.values()):
        return False
    return result.in_place.get(w, result.moved.get(w))


def _contained(parts: _Blocks, p: int, whole_grams: frozenset[str]) -> bool:
    piece = parts.grams[p]
    if len(parts.keys[p]) < PIECE_MIN_CHARS or not piece:
        return False
    return len(piece & whole_grams) / len(piece) >= PIECE_CONTAINED


def _best_run(
    whole: _Blocks, parts: _Blocks, w: int, pieces: list[int], current: int | None
) -> tuple[list[int], float] | None:
    """The run of consecutive pieces (containing `current` if paired) most like block w."""
    runs: list[list[int]] = []
    for p in pieces:
        if runs and p == runs[-1][-1] + 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    best: tuple[list[int], float] | None = None
    for run in runs:
        if len(run) < 2 or (current is not None and current not in run):
            continue
        joined = grams("".join(parts.keys[p] for p in run))
        score = dice(whole.grams[w], joined)
        if best is None or score > best[1]:
            best = (run, score)
    return best


def _record_cut(result: Alignment, w: int, run: list[int], merged: bool) -> None:
    if merged:  # w is a new block, run are old blocks
        for i in run:
            result.in_place.pop(i, None)
            result.moved.pop(i, None)
        result.merged[w] = run
    else:
        result.in_place.pop(w, None)
        result.moved.pop(w, None)
        result.split[w] = run


# --- step 5 and 6 ------------------------------------------------------------------------------
def _pair_in_gaps(
    old: _Blocks, new: _Blocks, result: Alignment, candidates: dict[tuple[int, int], float]
) -> None:
    """Between consecutive pairs in place, pair the leftovers in order by likeness."""
    fixed = sorted(
        [
            *result.in_place.items(),
            *((i, max(js)) for i, js in result.split.items()),
            *((max(is_), j) for j, is_ in result.merged.items()),
        ]
    )
    old_marks = [i for i, _ in fixed]
    new_marks = sorted(j for _, j in fixed)
    taken_old, taken_new = result.paired_old(), result.paired_new()
    by_gap: dict[int, dict[tuple[int, int], float]] = defaultdict(dict)
    elsewhere: dict[tuple[str, int], float] = defaultdict(float)  # best likeness in another gap
    for (i, j), score in candidates.items():
        if i in taken_old or j in taken_new:
            continue
        gap = bisect.bisect_left(old_marks, i)
        if gap == bisect.bisect_left(new_marks, j):
            by_gap[gap][(i, j)] = score
        else:
            elsewhere["old", i] = max(elsewhere["old", i], score)
            elsewhere["new", j] = max(elsewhere["new", j], score)
    for scores in by_gap.values():  # a block much more like one elsewhere has moved there
        for (i, j), score in list(scores.items()):
            rival = max(elsewhere["old", i], elsewhere["new", j])
            if rival >= STRONG and rival >= score + 0.2:
                del scores[(i, j)]
    for _, scores in sorted(by_gap.items()):
        usable = {p: s for p, s in scores.items() if s >= IN_PLACE}
        for i, j in _heaviest_chain(usable):
            result.in_place[i] = j


def _pair_sandwiched(old: _Blocks, new: _Blocks, result: Alignment) -> None:
    """One unpaired old and one unpaired new block between the same two pairs in place are
    the same paragraph rewritten, unless they have almost nothing in common."""
    fixed = sorted(
        [
            (-1, -1),
            *result.in_place.items(),
            *((i, max(js)) for i, js in result.split.items()),
            *((max(is_), j) for j, is_ in result.merged.items()),
            (len(old), len(new)),
        ]
    )
    taken_old, taken_new = result.paired_old(), result.paired_new()
    for (i1, j1), (i2, j2) in zip(fixed, fixed[1:], strict=False):
        if i2 <= i1 or j2 <= j1:
            continue
        olds = [i for i in range(i1 + 1, i2) if i not in taken_old]
        news = [j for j in range(j1 + 1, j2) if j not in taken_new]
        if len(olds) == len(news) == 1 and dice(old.grams[olds[0]], new.grams[news[0]]) >= LONE_GAP:
            result.in_place[olds[0]] = news[0]


def _pair_moved(result: Alignment, candidates: dict[tuple[int, int], float]) -> None:
    taken_old, taken_new = result.paired_old(), result.paired_new()
    for (i, j), score in sorted(candidates.items(), key=lambda item: (-item[1], item[0])):
        if score >= MOVED and i not in taken_old and j not in taken_new:
            result.moved[i] = j
            taken_old.add(i)
            taken_new.add(j)
