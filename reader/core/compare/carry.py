"""Carrying highlights, notes and bookmarks from an old draft to the new one.

Each highlight of the old draft is placed in the new one through the pairing of blocks
(its start and end offsets follow the word changes of their pairs); where the pairing has
nothing to offer (the paragraph was deleted, or its words went elsewhere), the existing
quote re-anchoring looks for the quoted text in the whole new draft. Each is reported as

- ``unchanged``: placed, and the text under it is exactly what was highlighted;
- ``changed``: placed, but the words under it were edited; tagged CHANGED_TAG so the
  delegate re-reads it;
- ``orphaned``: nowhere to put it; a highlight is still copied, unplaced, so that it shows
  in the annotations panel's "could not be placed" list (a bookmark is only reported).

The copies get ids derived from the original's and the new draft's, so carrying twice
adds nothing the second time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from enum import StrEnum
from typing import Any

from ..annotations.anchoring import AnchorStatus, doc_text, resolve, target_at
from ..annotations.model import Annotation, Bookmark, Target, normalize_tags
from ..annotations.store import Change, Store, StoreState
from ..model import Document
from .comparison import Comparison, Pair, Status

CHANGED_TAG = "措辞已改"  # "wording changed": re-read this one
_NAMESPACE = uuid.UUID("0f1c7d2a-5b7e-4c38-9f0a-6d2b1e9a4c11")
ELSEWHERE_MIN_CHARS = 8  # a quote this long found verbatim elsewhere beats a poor mapped place


class CarryStatus(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class CarriedItem:
    """One annotation or bookmark of the old draft and its copy for the new one."""

    original: Annotation | Bookmark
    copy: Annotation | Bookmark | None  # None: an orphaned bookmark (nothing to point at)
    status: CarryStatus
    present: bool = False  # the copy is already in the store (carried before)

    @property
    def new_anchor(self) -> str | None:
        if isinstance(self.copy, Annotation):
            return self.copy.target.anchor or None
        return self.copy.anchor if self.copy is not None else None

    @property
    def old_anchor(self) -> str:
        if isinstance(self.original, Annotation):
            return self.original.target.anchor
        return self.original.anchor

    def to_dict(self) -> dict[str, Any]:
        note = self.original.note if isinstance(self.original, Annotation) else self.original.name
        return {
            "id": self.original.id,
            "note": note,
            "old_anchor": self.old_anchor,
            "new_anchor": self.new_anchor,
            "status": self.status.value,
        }


@dataclass(frozen=True)
class CarryPlan:
    old: str
    new: str
    items: tuple[CarriedItem, ...]

    def to_add(self) -> list[Annotation | Bookmark]:
        return [item.copy for item in self.items if item.copy is not None and not item.present]

    def counts(self) -> dict[str, int]:
        return {s.value: sum(1 for i in self.items if i.status is s) for s in CarryStatus}

    def to_dict(self) -> dict[str, Any]:
        return {"carried": [item.to_dict() for item in self.items]}


def carried_id(original_id: str, new_doc: str) -> str:
    """The copy's id: the same every time the same item is carried to the same draft."""
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{original_id}|{new_doc}')}"


def plan_carry(comparison: Comparison, state: StoreState) -> CarryPlan:
    """What carrying the old draft's annotations and bookmarks to the new one would do."""
    old, new = comparison.old, comparison.new
    by_old_anchor: dict[str, list[Pair]] = {}
    for pair in comparison.pairs:
        if pair.old is not None and pair.new is not None:
            by_old_anchor.setdefault(pair.old.anchor, []).append(pair)
    existing = set(state.annotations) | set(state.bookmarks)
    unchanged_new = {p.new.anchor for p in comparison.pairs if p.new is not None and p.status is Status.SAME}
    items: list[CarriedItem] = []
    for annotation in sorted(
        (a for a in state.annotations.values() if a.doc == old.id),
        key=lambda a: _order(old, a.target.anchor, a.id),
    ):
        item = _carry_annotation(annotation, old, new, by_old_anchor, unchanged_new)
        items.append(replace(item, present=item.copy is not None and item.copy.id in existing))
    for bookmark in sorted(
        (b for b in state.bookmarks.values() if b.doc == old.id), key=lambda b: _order(old, b.anchor, b.id)
    ):
        item = _carry_bookmark(bookmark, new, by_old_anchor)
        items.append(replace(item, present=item.copy is not None and item.copy.id in existing))
    return CarryPlan(old.id, new.id, tuple(items))


def apply_carry(plan: CarryPlan, store: Store) -> list[Change]:
    """Add the copies not yet in the store; the changes are what an undo needs."""
    return store.put_many(plan.to_add())


def _order(doc: Document, anchor: str, item_id: str) -> tuple[int, str]:
    return (doc.index_of(anchor) if anchor and doc.has(anchor) else len(doc.blocks), item_id)


# --- highlights ---------------------------------------------------------------------------------
def _carry_annotation(
    annotation: Annotation,
    old: Document,
    new: Document,
    by_old_anchor: dict[str, list[Pair]],
    unchanged_new: set[str],
) -> CarriedItem:
    copy_id = carried_id(annotation.id, new.id)
    exact = annotation.exact
    in_old = resolve(old, annotation.target)
    target = _through_pairs(in_old.target, new, by_old_anchor) if in_old.placed else None
    if target is not None and target.quote.exact != exact:
        elsewhere = resolve(new, Target(new.id, annotation.target.quote))
        if (
            elsewhere.status is AnchorStatus.MOVED
            and len(exact) >= ELSEWHERE_MIN_CHARS
            and _likeness(target.quote.exact, exact) < 0.5
        ):
            target = elsewhere.target
    if target is None:
        found = resolve(new, Target(new.id, annotation.target.quote))
        # words like the quote, in a paragraph the new draft took unchanged from another old
        # one, are not where a deleted paragraph's words went (与学术机构和其他 → 金融机构和其他)
        misplaced = found.status is AnchorStatus.FUZZY and found.target.anchor in unchanged_new
        if not found.placed or misplaced:
            orphan = replace(
                annotation,
                id=copy_id,
                target=Target(new.id, annotation.target.quote),
                created="",
                modified="",
            )
            return CarriedItem(annotation, orphan, CarryStatus.ORPHANED)
        target = found.target
    status = CarryStatus.UNCHANGED if target.quote.exact == exact else CarryStatus.CHANGED
    tags = (
        annotation.tags
        if status is CarryStatus.UNCHANGED
        else normalize_tags((*annotation.tags, CHANGED_TAG))
    )
    copy = replace(annotation, id=copy_id, target=target, tags=tags, created="", modified="")
    return CarriedItem(annotation, copy, status)


def _through_pairs(target: Target, new: Document, by_old_anchor: dict[str, list[Pair]]) -> Target | None:
    """The target's start and end carried through their blocks' pairs (None if either has
    no partner, or nothing is left between them)."""
    rng = target.range
    if rng is None:
        return None
    start = _map(rng.start_anchor, rng.start_offset, new, by_old_anchor, at_end=False)
    end = _map(rng.end_anchor, rng.end_offset, new, by_old_anchor, at_end=True)
    if start is None or end is None or end <= start:
        return None
    try:
        return target_at(new, start, end)
    except ValueError:
        return None


def _map(
    anchor: str, offset: int, new: Document, by_old_anchor: dict[str, list[Pair]], at_end: bool
) -> int | None:
    """Position in the new draft's joined text of (anchor, offset) of the old one."""
    pairs = by_old_anchor.get(anchor)
    if not pairs:
        return None
    pair = _piece_holding(pairs, offset, at_end)
    text = doc_text(new)
    assert pair.new is not None
    return text.starts[text.index[pair.new.anchor]] + pair.map_old_offset(offset)


def _piece_holding(pairs: list[Pair], offset: int, at_end: bool) -> Pair:
    """For a split paragraph, the piece an offset falls in (the pairs are in new order)."""
    pieces = sorted(pairs, key=lambda p: p.new_index if p.new_index is not None else 0)
    if len(pieces) == 1 or pieces[0].status is not Status.SPLIT:
        return pieces[0]
    holding = pieces[0]
    for pair in pieces:
        if pair.old_offset < offset or (pair.old_offset == offset and not at_end):
            holding = pair
    return holding


def _likeness(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() if a and b else 0.0


# --- bookmarks ----------------------------------------------------------------------------------
def _carry_bookmark(bookmark: Bookmark, new: Document, by_old_anchor: dict[str, list[Pair]]) -> CarriedItem:
    pairs = by_old_anchor.get(bookmark.anchor)
    if not pairs:
        return CarriedItem(bookmark, None, CarryStatus.ORPHANED)
    pair = min(pairs, key=lambda p: p.new_index if p.new_index is not None else 0)
    assert pair.new is not None
    copy = replace(
        bookmark,
        id=carried_id(bookmark.id, new.id),
        doc=new.id,
        anchor=pair.new.anchor,
        created="",
        modified="",
    )
    unchanged = pair.status in (Status.SAME, Status.MOVED) and not pair.changes
    return CarriedItem(bookmark, copy, CarryStatus.UNCHANGED if unchanged else CarryStatus.CHANGED)
