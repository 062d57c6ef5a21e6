"""Comparing two drafts: the pairs of blocks, each with its status and word changes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from ..model import Block, BlockKind, Document
from .align import Alignment, align, leading_number_end
from .textdiff import TextChange, diff_texts, map_new_to_old, map_old_to_new, similarity


class Status(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    INSERTED = "inserted"
    DELETED = "deleted"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"


@dataclass(frozen=True)
class Pair:
    """One row of a comparison. A split old block gives one pair per new piece (the old block
    repeated); a merge gives one pair per old piece. `changes` ranges index the two blocks'
    texts; for a piece of a split/merge, only that piece's part of the whole is compared."""

    status: Status
    old: Block | None
    new: Block | None
    similarity: float
    changes: tuple[TextChange, ...] = ()
    old_index: int | None = None
    new_index: int | None = None
    old_offset: int = 0  # where the compared part starts in old.text (a piece of a split)
    new_offset: int = 0  # ... in new.text (a piece of a merge)

    def map_old_offset(self, offset: int) -> int:
        """The offset in the new block's text of `offset` in the old block's text."""
        local = [_unshift(c, self.old_offset, self.new_offset) for c in self.changes]
        position = map_old_to_new(offset - self.old_offset, local) + self.new_offset
        return max(0, min(position, len(self.new.text) if self.new else 0))

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "old": _block_ref(self.old),
            "new": _block_ref(self.new),
            "similarity": self.similarity,
            "changes": [c.to_dict() for c in self.changes],
        }


def _unshift(change: TextChange, old_offset: int, new_offset: int) -> TextChange:
    return TextChange(
        change.op,
        change.old_text,
        change.new_text,
        (change.old_range[0] - old_offset, change.old_range[1] - old_offset),
        (change.new_range[0] - new_offset, change.new_range[1] - new_offset),
    )


def _block_ref(block: Block | None) -> dict[str, str] | None:
    return None if block is None else {"anchor": block.anchor, "label": block.label}


@dataclass(frozen=True)
class Comparison:
    old: Document
    new: Document
    pairs: tuple[Pair, ...]
    ignore_width: bool = False

    def summary(self) -> dict[str, int]:
        """How many pairs have each status (every status present, zeros included)."""
        counts = Counter(p.status for p in self.pairs)
        return {status.value: counts.get(status, 0) for status in Status}

    def differences(self) -> list[Pair]:
        return [p for p in self.pairs if p.status is not Status.SAME]

    def partners_of_old(self, anchor: str) -> list[Pair]:
        return [p for p in self.pairs if p.old is not None and p.old.anchor == anchor]

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old.id,
            "new": self.new.id,
            "summary": self.summary(),
            "pairs": [p.to_dict() for p in self.pairs],
        }


def compare_documents(old: Document, new: Document, ignore_width: bool = False) -> Comparison:
    """Pair the blocks of `old` and `new` and diff each pair, in the new draft's reading order."""
    alignment = align([b.text for b in old.blocks], [b.text for b in new.blocks])
    _unpair_notes_from_text(old, new, alignment)
    rows = _rows(old, new, alignment, ignore_width)
    return Comparison(old, new, tuple(pair for _, pair in sorted(rows, key=lambda r: r[0])), ignore_width)


def _unpair_notes_from_text(old: Document, new: Document, alignment: Alignment) -> None:
    """A footnote is never a paragraph's or a heading's earlier version: a cover note
    (* A/CONF.231/1。) is as alike a new cover line (A/CONF.231/3/Rev.1) as text can be."""
    for pairs in (alignment.in_place, alignment.moved):
        for i, j in list(pairs.items()):
            if (old.blocks[i].kind is BlockKind.FOOTNOTE) != (new.blocks[j].kind is BlockKind.FOOTNOTE):
                del pairs[i]


def _rows(
    old: Document, new: Document, alignment: Alignment, ignore_width: bool
) -> list[tuple[tuple[int, int, int], Pair]]:
    rows: list[tuple[tuple[int, int, int], Pair]] = []
    for i, j in alignment.in_place.items():
        rows.append(((j, 0, i), _one_to_one(old, new, i, j, ignore_width, moved=False)))
    for i, j in alignment.moved.items():
        rows.append(((j, 0, i), _one_to_one(old, new, i, j, ignore_width, moved=True)))
    for i, pieces in alignment.split.items():
        for j, pair in zip(
            pieces,
            _cut(old.blocks[i], [new.blocks[j] for j in pieces], ignore_width, Status.SPLIT),
            strict=True,
        ):
            rows.append(((j, 0, i), _indexed(pair, i, j)))
    for j, pieces in alignment.merged.items():
        for i, pair in zip(
            pieces,
            _cut(new.blocks[j], [old.blocks[i] for i in pieces], ignore_width, Status.MERGED),
            strict=True,
        ):
            rows.append(((j, 0, i), _indexed(pair, i, j)))
    paired_new = alignment.paired_new()
    for j, block in enumerate(new.blocks):
        if j not in paired_new:
            rows.append(((j, 0, -1), Pair(Status.INSERTED, None, block, 0.0, new_index=j)))
    rows.extend(_deleted_rows(old, alignment))
    return rows


def _deleted_rows(old: Document, alignment: Alignment) -> list[tuple[tuple[int, int, int], Pair]]:
    """Deleted blocks stand after the new place of the last old block before them still in place."""
    placed: dict[int, int] = dict(alignment.in_place)
    for i, pieces in alignment.split.items():
        placed[i] = max(pieces)
    for j, pieces in alignment.merged.items():
        placed.update({i: j for i in pieces})
    paired_old = alignment.paired_old()
    rows, last = [], -1
    for i, block in enumerate(old.blocks):
        if i in placed:
            last = placed[i]
        elif i not in paired_old:
            rows.append(((last, 1, i), Pair(Status.DELETED, block, None, 0.0, old_index=i)))
    return rows


def _one_to_one(old: Document, new: Document, i: int, j: int, ignore_width: bool, moved: bool) -> Pair:
    a, b = old.blocks[i], new.blocks[j]
    changes = diff_texts(a.text, b.text, ignore_width)
    if changes and _renumbered_only(a.text, b.text, changes):
        changes = []  # 目标 5 → 目标 6: the heading was renumbered, like a paragraph's marker
    status = Status.MOVED if moved else Status.CHANGED if changes else Status.SAME
    return Pair(status, a, b, similarity(a.text, b.text, changes), tuple(changes), i, j)


def _renumbered_only(old: str, new: str, changes: list[TextChange]) -> bool:
    old_end, new_end = leading_number_end(old), leading_number_end(new)
    return (
        bool(old_end and new_end)
        and old[old_end:] == new[new_end:]
        and all(c.old_range[1] <= old_end and c.new_range[1] <= new_end for c in changes)
    )


def _indexed(pair: Pair, i: int, j: int) -> Pair:
    return replace(pair, old_index=i, new_index=j)


def _cut(whole: Block, pieces: list[Block], ignore_width: bool, status: Status) -> list[Pair]:
    """One pair per piece of a split (whole = old) or merge (whole = new), each compared with
    the part of the whole it corresponds to."""
    joined = "".join(p.text for p in pieces)
    if status is Status.SPLIT:
        full = diff_texts(whole.text, joined, ignore_width)
        to_whole = map_new_to_old
    else:
        full = diff_texts(joined, whole.text, ignore_width)
        to_whole = map_old_to_new
    pairs, start = [], 0
    for k, piece in enumerate(pieces):
        end = start + len(piece.text)
        lo = 0 if k == 0 else to_whole(start, full)
        hi = len(whole.text) if k == len(pieces) - 1 else to_whole(end, full)
        part = whole.text[lo : max(lo, hi)]
        if status is Status.SPLIT:
            changes = _shifted(diff_texts(part, piece.text, ignore_width), lo, old_side=True)
            pairs.append(
                Pair(
                    status, whole, piece, similarity(part, piece.text, changes), tuple(changes), old_offset=lo
                )
            )
        else:
            changes = _shifted(diff_texts(piece.text, part, ignore_width), lo, old_side=False)
            pairs.append(
                Pair(
                    status, piece, whole, similarity(piece.text, part, changes), tuple(changes), new_offset=lo
                )
            )
        start = end
    return pairs


def _shifted(changes: list[TextChange], offset: int, old_side: bool) -> list[TextChange]:
    def move(r: tuple[int, int]) -> tuple[int, int]:
        return r[0] + offset, r[1] + offset

    return [
        TextChange(
            c.op,
            c.old_text,
            c.new_text,
            move(c.old_range) if old_side else c.old_range,
            c.new_range if old_side else move(c.new_range),
        )
        for c in changes
    ]
