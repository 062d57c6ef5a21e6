"""A layer of highlights kept by key (one key per annotation), changed key by key.

A pane showing a document with thousands of highlights must not place, format and sort
all of them again when one changes (issue 14: ≤ 100 ms per change with 10,000). This
layer keeps each key's ranges, their `ExtraSelection`s in paint order and the note
markers, and `update` replaces only the keys given: the ranges of the others are not
placed again, and the lists are patched with bisection rather than sorted again.

Paint order: by start position, a longer range before a shorter one starting at the
same place, so where highlights overlap the shortest is painted on top (the one a
click or a hover names).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

if TYPE_CHECKING:
    from .document_pane import Highlight

Placed = tuple[int, int, QTextCharFormat]  # document start, end, format
Placer = Callable[["Highlight"], "Placed | None"]
_SortKey = tuple[int, int, str, int]  # start, -end, key, piece


class KeyedLayer:
    """Highlights by key, placed in one rendered document by `place`."""

    def __init__(self, qdoc: QTextDocument, place: Placer) -> None:
        self._qdoc, self._place = qdoc, place
        self._groups: dict[str, tuple[Highlight, ...]] = {}
        self._placed: dict[str, list[tuple[Highlight, Placed]]] = {}
        self._order: list[_SortKey] = []  # sorted; `_ranges` and `_selections` follow it
        self._ranges: list[Placed] = []
        # made when first painted: with 50,000 highlights most are never near the view
        self._selections: list[QTextEdit.ExtraSelection | None] = []
        self.markers: list[tuple[int, str]] = []  # (position, note), sorted

    # --- reading ------------------------------------------------------------------------------
    def groups(self) -> dict[str, tuple[Highlight, ...]]:
        return dict(self._groups)

    def highlights(self) -> list[Highlight]:
        return [h for group in self._groups.values() for h in group]

    def placed(self) -> Iterator[tuple[Highlight, Placed]]:
        """Every range that could be placed, with the highlight it shows."""
        for pieces in self._placed.values():
            yield from pieces

    def positions(self) -> list[Placed]:
        """The placed ranges in paint order."""
        by_key = {k: [p for _h, p in pieces] for k, pieces in self._placed.items()}
        return [by_key[key][piece] for _s, _e, key, piece in self._order]

    def selections_between(self, start: int, end: int) -> list[QTextEdit.ExtraSelection]:
        """The selections of the ranges starting from `start` to `end`, in paint order."""
        low, high = bisect_left(self._order, (start,)), bisect_left(self._order, (end + 1,))
        selections = self._selections
        for i in range(low, high):
            if selections[i] is None:
                selections[i] = self._selection(self._ranges[i])
        return selections[low:high]  # type: ignore[return-value]

    # --- changing -----------------------------------------------------------------------------
    def update(self, groups: Mapping[str, Sequence[Highlight]]) -> bool:
        """Replace the highlights of the keys given (none: the key goes). Returns whether
        the note markers changed."""
        markers_changed = False
        for key, highlights in groups.items():
            if tuple(highlights) == self._groups.get(key):
                continue
            before = self._remove(key)
            after = self._add(key, tuple(highlights)) if highlights else None
            markers_changed = markers_changed or before != after  # a new colour keeps its marker
        return markers_changed

    def reset(self, groups: Mapping[str, Sequence[Highlight]]) -> None:
        """Every key placed again (a new document, or all highlights replaced)."""
        self._groups, self._placed, self.markers = {}, {}, []
        entries: list[tuple[_SortKey, Placed]] = []
        for key, highlights in groups.items():
            if not highlights:
                continue
            self._groups[key] = tuple(highlights)
            pieces = self._place_all(key, self._groups[key])
            entries.extend((self._sort_key(key, i, placed), placed) for i, (_h, placed) in enumerate(pieces))
            marker = self._marker_of(pieces)
            if marker is not None:
                self.markers.append(marker)
        entries.sort(key=lambda entry: entry[0])
        self._order = [key for key, _placed in entries]
        self._ranges = [placed for _key, placed in entries]
        self._selections = [None] * len(entries)
        self.markers.sort()

    def _add(self, key: str, highlights: tuple[Highlight, ...]) -> tuple[int, str] | None:
        """Place a key's highlights; returns its note marker (if any)."""
        self._groups[key] = highlights
        pieces = self._place_all(key, highlights)
        for i, (_h, placed) in enumerate(pieces):
            sort_key = self._sort_key(key, i, placed)
            at = bisect_left(self._order, sort_key)
            self._order.insert(at, sort_key)
            self._ranges.insert(at, placed)
            self._selections.insert(at, None)
        marker = self._marker_of(pieces)
        if marker is not None:
            insort(self.markers, marker)
        return marker

    def _remove(self, key: str) -> tuple[int, str] | None:
        """Take a key's highlights away; returns the note marker it had (if any)."""
        pieces = self._placed.pop(key, None)
        self._groups.pop(key, None)
        if not pieces:
            return None
        for i, (_h, placed) in enumerate(pieces):
            at = bisect_left(self._order, self._sort_key(key, i, placed))
            del self._order[at]
            del self._ranges[at]
            del self._selections[at]
        marker = self._marker_of(pieces)
        if marker is not None:
            del self.markers[bisect_left(self.markers, marker)]
        return marker

    def _place_all(self, key: str, highlights: tuple[Highlight, ...]) -> list[tuple[Highlight, Placed]]:
        pieces = []
        for h in highlights:
            placed = self._place(h)
            if placed is not None:
                pieces.append((h, placed))
        self._placed[key] = pieces
        return pieces

    @staticmethod
    def _sort_key(key: str, piece: int, placed: Placed) -> _SortKey:
        return placed[0], -placed[1], key, piece

    @staticmethod
    def _marker_of(pieces: list[tuple[Highlight, Placed]]) -> tuple[int, str] | None:
        """A note's marker goes where its highlight's first piece starts."""
        if pieces and pieces[0][0].note:
            return pieces[0][1][0], pieces[0][0].note
        return None

    def _selection(self, placed: Placed) -> QTextEdit.ExtraSelection:
        start, end, fmt = placed
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self._qdoc)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection
