"""Placing highlights in a document's text, and placing them again when the text changes.

A document's text, for anchoring, is its blocks' texts joined by "\\n". A highlight is
recorded both ways: block anchor + offset (exact while the text is unchanged) and the
quoted text with some context (survives edits). `resolve` tries, in order: the recorded
position; the exact quote, choosing among repeats by context and then by nearness; a fuzzy
match (difflib). What it cannot place is an orphan, which the caller keeps and lists.
"""

from __future__ import annotations

import bisect
import threading
import weakref
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from enum import StrEnum

from ..corpus import Corpus
from ..model import Document
from .model import Annotation, BlockRangeSelector, Target, TextQuoteSelector

CONTEXT_CHARS = 32
FUZZY_THRESHOLD = 0.75  # similarity (difflib ratio) below which a passage is an orphan
FUZZY_MIN_LENGTH = 8  # shorter quotes are too common to place by likeness (3 of 4 is 0.86)
FUZZY_MAX_LENGTH = 2000  # likeness costs the square of the length: 5,000 characters took 20 s
MAX_OCCURRENCES = 2000
MAX_FUZZY_CANDIDATES = 40
SEPARATOR = "\n"
UNCHANGED_KEPT = 200_000  # targets remembered as unchanged, per document text


class AnchorStatus(StrEnum):
    ANCHORED = "anchored"  # found where it was recorded
    MOVED = "moved"  # the exact quote, elsewhere
    FUZZY = "fuzzy"  # a similar passage
    ORPHAN = "orphan"  # not found: listed for the user, never dropped


@dataclass(frozen=True)
class Resolution:
    status: AnchorStatus
    target: Target  # where it is now (the old target for an orphan)
    score: float = 1.0

    @property
    def placed(self) -> bool:
        return self.status is not AnchorStatus.ORPHAN


@dataclass(frozen=True)
class Segment:
    """The part of a highlight inside one block, for painting: offsets in the block's text."""

    anchor: str
    start: int
    end: int


# --- a document as one text ----------------------------------------------------------------
@dataclass(frozen=True)
class DocText:
    """A document's blocks joined by SEPARATOR, with where each block starts."""

    text: str
    starts: tuple[int, ...]
    anchors: tuple[str, ...]
    index: dict[str, int]
    # Targets found unchanged in this text, by id (each kept, so its id is not reused):
    # the store places every highlight as it loads, and the window's excerpts place them
    # again, lazily, a document or a slice at a time (issue 14: 50,000 checked twice at
    # every start).
    unchanged: dict[int, Target] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, doc: Document) -> DocText:
        starts, position = [], 0
        for block in doc.blocks:
            starts.append(position)
            position += len(block.text) + len(SEPARATOR)
        return cls(
            SEPARATOR.join(b.text for b in doc.blocks),
            tuple(starts),
            tuple(b.anchor for b in doc.blocks),
            {b.anchor: i for i, b in enumerate(doc.blocks)},
        )

    def block_end(self, i: int) -> int:
        return self.starts[i + 1] - len(SEPARATOR) if i + 1 < len(self.starts) else len(self.text)

    def flat(self, anchor: str, offset: int) -> int | None:
        """Offset in the whole text, or None if the anchor is gone or the offset past its end."""
        i = self.index.get(anchor)
        if i is None or not 0 <= offset <= self.block_end(i) - self.starts[i]:
            return None
        return self.starts[i] + offset

    def locate(self, position: int) -> tuple[str, int]:
        i = max(0, bisect.bisect_right(self.starts, position) - 1)
        return self.anchors[i], position - self.starts[i]


_TEXTS: dict[int, tuple[weakref.ref[Document], DocText]] = {}


_TEXTS_LOCK = threading.Lock()  # the UI places annotations from worker threads too


def doc_text(doc: Document) -> DocText:
    """The joined text of `doc`, built once per Document object (documents are immutable)."""
    hit = _TEXTS.get(id(doc))
    if hit is not None and hit[0]() is doc:
        return hit[1]
    text = DocText.build(doc)
    with _TEXTS_LOCK:
        if len(_TEXTS) > 64:  # drop entries of documents that no longer exist
            for key in [k for k, (ref, _) in _TEXTS.items() if ref() is None]:
                del _TEXTS[key]
        _TEXTS[id(doc)] = (weakref.ref(doc), text)
    return text


# --- making a target --------------------------------------------------------------------
def make_target(
    doc: Document,
    start_anchor: str,
    start_offset: int,
    end_anchor: str | None = None,
    end_offset: int | None = None,
) -> Target:
    """The target for a selection from (anchor, offset) to (anchor, offset), end exclusive.

    ValueError for an unknown anchor, an offset outside its block, or an empty selection.
    """
    text = doc_text(doc)
    end_anchor = end_anchor or start_anchor
    start = text.flat(doc_anchor(doc, start_anchor), start_offset)
    end = text.flat(doc_anchor(doc, end_anchor), start_offset if end_offset is None else end_offset)
    if start is None or end is None:
        raise ValueError(
            f"{doc.id}: no such position {start_anchor}:{start_offset} - {end_anchor}:{end_offset}"
        )
    if end < start:
        start, end = end, start
    return target_at(doc, start, end)


def doc_anchor(doc: Document, anchor: str) -> str:
    """Accept "gcm/17.a" as well as "17.a"."""
    prefix = doc.id + "/"
    if anchor.startswith(prefix) and anchor not in doc_text(doc).index:
        return anchor[len(prefix) :]
    return anchor


def target_at(doc: Document, start: int, end: int) -> Target:
    """The target for offsets in the joined text; block separators at the edges are dropped."""
    text = doc_text(doc)
    while start < end and text.text[start] == SEPARATOR:
        start += 1
    while end > start and text.text[end - 1] == SEPARATOR:
        end -= 1
    if start >= end:
        raise ValueError(f"{doc.id}: empty selection")
    quote = TextQuoteSelector(
        text.text[start:end],
        text.text[max(0, start - CONTEXT_CHARS) : start],
        text.text[end : end + CONTEXT_CHARS],
    )
    (a1, o1), (a2, o2) = text.locate(start), text.locate(end)
    return Target(doc.id, quote, BlockRangeSelector(a1, o1, a2, o2))


def segments(doc: Document, target: Target) -> list[Segment]:
    """Per-block pieces of a placed target, in document order ([] if it has no range)."""
    text, rng = doc_text(doc), target.range
    if rng is None or rng.start_anchor not in text.index or rng.end_anchor not in text.index:
        return []
    first, last = text.index[rng.start_anchor], text.index[rng.end_anchor]
    pieces = []
    for i in range(first, last + 1):
        length = text.block_end(i) - text.starts[i]
        start = rng.start_offset if i == first else 0
        end = rng.end_offset if i == last else length
        pieces.append(Segment(text.anchors[i], min(start, length), min(end, length)))
    return pieces


# --- placing it again ----------------------------------------------------------------------
def resolve(doc: Document | None, target: Target) -> Resolution:
    """Where `target` is in `doc` now (see the module docstring for the order of attempts)."""
    if doc is None:
        return Resolution(AnchorStatus.ORPHAN, target, 0.0)
    text = doc_text(doc)
    if _unchanged(text, target):  # nearly every highlight, every time: checked cheaply first
        return Resolution(AnchorStatus.ANCHORED, target)
    return _resolve_in_full(doc, text, target)


def _resolve_in_full(doc: Document, text: DocText, target: Target) -> Resolution:
    start, end = _recorded_span(text, target)
    exact = target.quote.exact
    if start is not None and end is not None and exact and text.text[start:end] == exact:
        return Resolution(AnchorStatus.ANCHORED, _refreshed(doc, target, start, end))
    if not exact:
        return Resolution(AnchorStatus.ORPHAN, target, 0.0)
    hint = start
    found = _find_exact(text.text, target.quote, hint)
    if found is not None:
        return Resolution(AnchorStatus.MOVED, target_at(doc, found, found + len(exact)))
    fuzzy = _find_fuzzy(text.text, target.quote, hint)
    if fuzzy is not None:
        (s, e), score = fuzzy
        return Resolution(AnchorStatus.FUZZY, target_at(doc, s, e), score)
    return Resolution(AnchorStatus.ORPHAN, target, 0.0)


def _recorded_span(text: DocText, target: Target) -> tuple[int | None, int | None]:
    rng = target.range
    if rng is None:
        return None, None
    return text.flat(rng.start_anchor, rng.start_offset), text.flat(rng.end_anchor, rng.end_offset)


def _refreshed(doc: Document, target: Target, start: int, end: int) -> Target:
    """Same place, context brought up to date (keeps the object when nothing changed)."""
    fresh = target_at(doc, start, end)
    return target if fresh == target else fresh


def _occurrences(text: str, needle: str, limit: int = MAX_OCCURRENCES) -> list[int]:
    found, i = [], text.find(needle)
    while i != -1 and len(found) < limit:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _context_score(text: str, start: int, end: int, quote: TextQuoteSelector) -> int:
    """How many characters of the recorded prefix and suffix agree at this place."""
    before = text[max(0, start - len(quote.prefix)) : start]
    after = text[end : end + len(quote.suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(quote.prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(after, quote.suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def _find_exact(text: str, quote: TextQuoteSelector, hint: int | None) -> int | None:
    places = _occurrences(text, quote.exact)
    if not places:
        return None
    n = len(quote.exact)
    return max(
        places,
        key=lambda p: (_context_score(text, p, p + n, quote), -abs(p - hint) if hint is not None else 0, -p),
    )


def _find_fuzzy(
    text: str, quote: TextQuoteSelector, hint: int | None
) -> tuple[tuple[int, int], float] | None:
    exact = quote.exact
    if not FUZZY_MIN_LENGTH <= len(exact) <= FUZZY_MAX_LENGTH:
        return None
    best: tuple[tuple[float, int, int], tuple[int, int]] | None = None
    for candidate in _fuzzy_candidates(text, exact, hint):
        span = _align(text, exact, candidate)
        if span is None:
            continue
        s, e = span
        score = SequenceMatcher(None, text[s:e], exact, autojunk=False).ratio()
        rank = (round(score, 3), _context_score(text, s, e, quote), -abs(s - hint) if hint is not None else 0)
        if best is None or rank > best[0]:
            best = (rank, span)
    if best is None or best[0][0] < FUZZY_THRESHOLD:
        return None
    return best[1], best[0][0]


def _fuzzy_candidates(text: str, exact: str, hint: int | None) -> list[int]:
    """Likely start positions: where pieces of the quote still occur, most supported first."""
    n = len(exact)
    size = max(3, min(12, n // 5))
    votes: Counter[int] = Counter()
    for offset in sorted({0, n // 4, n // 2, 3 * n // 4, n - size}):
        piece = exact[offset : offset + size]
        for place in _occurrences(text, piece, 50):
            votes[max(0, place - offset) // max(1, n // 8)] += 1  # bucket nearby votes
    starts: list[int] = [] if hint is None else [hint]
    for bucket, _ in votes.most_common():
        place = bucket * max(1, n // 8)
        if all(abs(place - s) > n // 2 for s in starts):  # one try per region of the text
            starts.append(place)
        if len(starts) >= MAX_FUZZY_CANDIDATES:
            break
    return starts


def _align(text: str, exact: str, start: int) -> tuple[int, int] | None:
    """The stretch of text near `start` that lines up best with `exact`."""
    n = len(exact)
    lo, hi = max(0, start - n // 2 - 8), min(len(text), start + n + n // 2 + 8)
    blocks = [
        b for b in SequenceMatcher(None, text[lo:hi], exact, autojunk=False).get_matching_blocks() if b.size
    ]
    if not blocks:
        return None
    return lo + blocks[0].a, lo + blocks[-1].a + blocks[-1].size


# --- many at once --------------------------------------------------------------------------
def _unchanged(text: DocText, target: Target) -> bool:
    """Is `target` exactly what a full resolve would return for it (ANCHORED, nothing
    refreshed)? The same test as its first step and `target_at`, inlined: at start-up every
    highlight is placed again, nearly all in unchanged texts (50,000: 0.5 s → 0.2 s)."""
    if text.unchanged.get(id(target)) is target:
        return True
    if _unchanged_now(text, target):
        if len(text.unchanged) >= UNCHANGED_KEPT:
            text.unchanged.clear()
        text.unchanged[id(target)] = target
        return True
    return False


def _unchanged_now(text: DocText, target: Target) -> bool:
    rng, quote = target.range, target.quote
    if rng is None or not quote.exact:
        return False
    first, last = text.index.get(rng.start_anchor), text.index.get(rng.end_anchor)
    if first is None or last is None or rng.start_offset < 0 or rng.end_offset < 0:
        return False
    if rng.start_offset > text.block_end(first) - text.starts[first]:
        return False
    if rng.end_offset > text.block_end(last) - text.starts[last]:
        return False
    whole = text.text
    start, end = text.starts[first] + rng.start_offset, text.starts[last] + rng.end_offset
    return (
        start < end
        and whole[start] != SEPARATOR
        and whole[end - 1] != SEPARATOR
        and whole[start:end] == quote.exact
        and whole[max(0, start - CONTEXT_CHARS) : start] == quote.prefix
        and whole[end : end + CONTEXT_CHARS] == quote.suffix
    )


@dataclass(frozen=True)
class ReanchorReport:
    """What `reanchor` found. `updated` holds new versions of the annotations that moved."""

    updated: tuple[Annotation, ...] = ()
    moved: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()
    orphans: tuple[Annotation, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.updated)


def reanchor(annotations: Iterable[Annotation], corpus: Corpus) -> ReanchorReport:
    """Place every annotation in the current corpus; pure (returns new versions, changes nothing)."""
    updated, moved, fuzzy, orphans = [], [], [], []
    for annotation in annotations:
        doc = corpus.get(annotation.doc) if annotation.doc in corpus else None
        result = resolve(doc, annotation.target)
        if result.status is AnchorStatus.ORPHAN:
            orphans.append(annotation)
            continue
        if result.status is AnchorStatus.MOVED:
            moved.append(annotation.id)
        elif result.status is AnchorStatus.FUZZY:
            fuzzy.append(annotation.id)
        if result.target is not annotation.target and result.target != annotation.target:
            updated.append(replace(annotation, target=result.target))
    return ReanchorReport(tuple(updated), tuple(moved), tuple(fuzzy), tuple(orphans))
