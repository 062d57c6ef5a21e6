"""Highlights, notes and bookmarks in the window: one store, one undo stack, saving, painting.

`Annotator` is the only part of the interface that changes the annotation store, and it
does so only through the core API (`Store.add`, `update`, `delete`, `rename_color`,
`apply_import`), each of which returns the `Change`s it made. Every user action becomes a
`StoreCommand` on the window's one QUndoStack; undo and redo put the recorded versions
back (`Store.put`, `Store.delete`). After any change the `ExcerptIndex` (every annotation
placed in the current text, exactly as an export places it) is updated for the changed
annotations only, and `changed` tells the views which documents to repaint.

Saving is coalesced: `Store.save()` writes at once unless it wrote less than half a second
ago; a single-shot QTimer then calls `flush_if_due()`. The window's store keeps a journal
(core/annotations/journal.py), so a save appends only what changed; once the journal is
long it is folded into the annotations file on a background thread, and `close()` folds it
on quit. A failed save is reported once and retried. Nothing here formats, filters or stores anything
itself: that is `reader.core.annotations` and `reader.core.export`.
"""

from __future__ import annotations

import logging
import threading
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from ..core.annotations import (
    COLORS,
    DEFAULT_COLOR,
    Annotation,
    BlockRangeSelector,
    Bookmark,
    Change,
    ColorMeaning,
    ImportPlan,
    Palette,
    Store,
    Target,
    make_target,
    new_annotation,
    new_bookmark,
    segments,
)
from ..core.annotations.anchoring import doc_text
from ..core.citations import document_label
from ..core.collector import bulk_work
from ..core.corpus import Corpus
from ..core.export import Excerpt, build_excerpts
from ..core.model import Document, Objective
from .colors import color_label, color_name, display_palette, swatch_icon
from .dialogs.bookmark import BookmarkDialog, BookmarkRequest, BookmarkResult
from .dialogs.colors import ColorNamesDialog
from .dialogs.note import NoteDialog, NoteRequest, NoteResult
from .document_pane import DocumentPane, Highlight, PaneContext
from .notices import notice_text

log = logging.getLogger(__name__)

RETRY_AFTER_FAILURE_MS = 5000
FOLD_AFTER = 2000  # journal lines: past this, fold them into the file in the background
FOLD_WAIT_MS = 100  # a save asked for during a fold is tried again this much later
BOOKMARK_PREVIEW = 16
TOOLTIP_NOTE = 200
PATCH_AT_MOST = 500  # changed highlights a pane takes in one by one; more (an import): all again
# A pane with more highlights than this paints those around the place it shows at once,
# and the others in slices after (24,000 in two panes took a second of the window's start).
PAINT_AT_ONCE = 2000
NEAR_BLOCKS = (4, 80)  # blocks before and after the one at the top of the view
PAINT_SLICE = 1000  # highlights painted in one slice, the nearest to the view (~30 ms)
PLACE_SLICE = 1500  # highlights placed in one slice once the window is shown (~30 ms)
Item = Annotation | Bookmark | ColorMeaning


def highlight_action_name(color: str) -> str:
    return f"highlight{color.capitalize()}"


class ExcerptIndex:
    """Every annotation as an `Excerpt` placed in the current text (orphans marked), kept
    current change by change: only the annotations that changed are placed again, and the
    document order (all of it, and each document's placed highlights) is patched by
    bisection rather than sorted again (issue 14: one change with 10,000 highlights).

    `rebuild` places nothing yet: a document's annotations are placed when something asks
    about that document (its pane, a change in it) or about all of them (the list, the
    orphans), or by `place_some`, which the window calls slice by slice once shown (at
    start-up with 50,000 highlights, placing them all took a second)."""

    def __init__(self, corpus: Corpus, objectives: Sequence[Objective], palette: Palette) -> None:
        self.corpus, self.objectives, self.palette = corpus, list(objectives), palette
        self._by_id: dict[str, Excerpt] = {}
        self._ordered: list[Excerpt] | None = None
        self._placed: dict[str, list[Excerpt]] = {}  # by document, in order; made when asked
        self._at_range: dict[tuple[str, BlockRangeSelector], set[str]] = {}  # placed ones' ids
        self._waiting: dict[str, list[Annotation]] = {}  # not placed yet, by document
        self._waiting_doc: dict[str, str] = {}  # their ids -> document

    def rebuild(self, annotations: Iterable[Annotation]) -> None:
        self._by_id, self._at_range, self._waiting, self._waiting_doc = {}, {}, {}, {}
        self._forget_order()
        for annotation in annotations:
            self._waiting.setdefault(annotation.doc, []).append(annotation)
            self._waiting_doc[annotation.id] = annotation.doc

    def complete(self) -> bool:
        """Whether every annotation is placed."""
        return not self._waiting

    def waiting(self) -> int:
        """How many annotations are not placed yet."""
        return len(self._waiting_doc)

    def waiting_in(self, doc_id: str) -> int:
        """How many annotations of a document are not placed yet."""
        return len(self._waiting.get(doc_id, ()))

    def place_near(self, doc: Document, first: int, last: int) -> list[Excerpt]:
        """The highlights placed in `doc` starting in its blocks `first` to `last`
        (excluded), in order, placing only those (a pane's view, before the rest)."""
        blocks = doc_text(doc).index
        near, far = [], []
        for annotation in self._waiting.get(doc.id, ()):
            rng = annotation.target.range  # where the store's re-anchoring found it
            block = blocks.get(rng.start_anchor) if rng is not None else None
            (near if block is not None and first <= block < last else far).append(annotation)
        if near:
            self._waiting[doc.id] = far
            if not far:
                del self._waiting[doc.id]
            self._place(near)
        return sorted(
            (e for e in self._by_id.values() if e.doc == doc.id and e.found and first <= e.order[1] < last),
            key=excerpt_order_key,
        )

    def place_some(self, count: int, doc_id: str = "") -> None:
        """Place up to `count` annotations still waiting (a slice of the work), those of
        `doc_id` first."""
        while count > 0 and self._waiting:
            if doc_id in self._waiting:
                waiting = self._waiting[doc_id]
            else:
                doc_id, waiting = next(iter(self._waiting.items()))
            some = waiting[-count:]
            del waiting[-count:]
            if not waiting:
                del self._waiting[doc_id]
            self._place(some)
            count -= len(some)

    def _ensure(self, doc_ids: Iterable[str]) -> None:
        """Place the annotations of these documents still waiting."""
        for doc_id in doc_ids:
            waiting = self._waiting.pop(doc_id, None)
            if waiting:
                self._place(waiting)

    def _place_waiting(self, doc_id: str, wanted: Callable[[Annotation], bool]) -> None:
        """Place the annotations of a document still waiting that `wanted` takes (a click
        just after the window opens: not the whole document, a second with 25,000)."""
        waiting = self._waiting.get(doc_id)
        if not waiting:
            return
        now, later = [], []
        for annotation in waiting:
            (now if wanted(annotation) else later).append(annotation)
        if now:
            if later:
                self._waiting[doc_id] = later
            else:
                del self._waiting[doc_id]
            self._place(now)

    def placed_over(self, doc: Document, anchor: str) -> list[Excerpt]:
        """The highlights placed in `doc` over its block `anchor` (starting there, before it
        or ending after it), in order, placing only those of them still waiting."""
        blocks = doc_text(doc).index
        at = blocks.get(anchor)
        if at is None:
            return []

        def over(annotation: Annotation) -> bool:
            rng = annotation.target.range
            first = blocks.get(rng.start_anchor) if rng is not None else None
            last = blocks.get(rng.end_anchor) if rng is not None else None
            return first is not None and last is not None and first <= at <= last

        self._place_waiting(doc.id, over)
        placed = self._placed.get(doc.id)
        source = placed if placed is not None else self._by_id.values()
        return sorted(
            (e for e in source if e.doc == doc.id and e.found and over(e.annotation)), key=excerpt_order_key
        )

    def _ensure_all(self) -> None:
        self._ensure(list(self._waiting))

    def _place(self, annotations: list[Annotation]) -> None:
        with bulk_work():
            for excerpt in build_excerpts(annotations, self.corpus, self.objectives, self.palette):
                self._by_id[excerpt.id] = excerpt
                del self._waiting_doc[excerpt.id]
                self._note_range(excerpt, add=True)
        self._ordered = None  # each document's order is made once it is all placed

    def set_corpus(self, corpus: Corpus, objectives: Sequence[Objective]) -> None:
        self.corpus, self.objectives = corpus, list(objectives)

    def set_palette(self, palette: Palette) -> None:
        """New meanings (renamed colours or another interface language)."""
        self.palette = palette
        meanings = {color: palette.meaning(color) for color in {e.color for e in self._by_id.values()}}
        renamed = {k: e for k, e in self._by_id.items() if e.meaning != meanings[e.color]}
        if renamed:  # at start-up, none: 50,000 copies took ~1 s
            self._by_id.update({k: replace(e, meaning=meanings[e.color]) for k, e in renamed.items()})
            self._forget_order()

    def _forget_order(self) -> None:
        self._ordered = None
        self._placed = {}

    def apply(self, changes: Iterable[Change]) -> set[str]:
        """Take in changes; returns the ids of the documents whose highlights changed."""
        latest: dict[str, Annotation | None] = {}
        touched: set[str] = set()
        for change in changes:
            if isinstance(change.item, Annotation):
                latest[change.id] = change.after  # type: ignore[assignment]
                touched.update(a.doc for a in (change.before, change.after) if isinstance(a, Annotation))
        self._ensure(touched)  # what waits there is placed before it changes
        docs: set[str] = set()
        for annotation_id in latest:
            old = self._by_id.pop(annotation_id, None)
            if old is not None:
                docs.add(old.doc)
                self._unlist(old)
                self._note_range(old, add=False)
        current = [a for a in latest.values() if a is not None]
        for excerpt in build_excerpts(current, self.corpus, self.objectives, self.palette):
            self._by_id[excerpt.id] = excerpt
            docs.add(excerpt.doc)
            self._list(excerpt)
            self._note_range(excerpt, add=True)
        return docs

    def _note_range(self, excerpt: Excerpt, *, add: bool) -> None:
        target = excerpt.annotation.target
        if not excerpt.found or target.range is None:
            return
        key = (target.doc, target.range)
        if add:
            self._at_range.setdefault(key, set()).add(excerpt.id)
        elif key in self._at_range:
            ids = self._at_range[key]
            ids.discard(excerpt.id)
            if not ids:
                del self._at_range[key]

    def placed_at(self, doc_id: str, where: BlockRangeSelector) -> Excerpt | None:
        """The first highlight (in document order) placed in a document over exactly `where`
        (placing only those of its highlights still waiting that are there)."""
        self._place_waiting(doc_id, lambda annotation: annotation.target.range == where)
        placed = (self._by_id.get(i) for i in self._at_range.get((doc_id, where), ()))
        return min((e for e in placed if e is not None), key=excerpt_order_key, default=None)

    def _lists_of(self, excerpt: Excerpt) -> list[list[Excerpt]]:
        """The ordered lists made so far that hold (or would hold) `excerpt`."""
        lists = [] if self._ordered is None else [self._ordered]
        if excerpt.found and excerpt.doc in self._placed:
            lists.append(self._placed[excerpt.doc])
        return lists

    def _list(self, excerpt: Excerpt) -> None:
        for ordered in self._lists_of(excerpt):
            insort(ordered, excerpt, key=excerpt_order_key)

    def _unlist(self, excerpt: Excerpt) -> None:
        key = excerpt_order_key(excerpt)
        for ordered in self._lists_of(excerpt):
            at = bisect_left(ordered, key, key=excerpt_order_key)
            if at < len(ordered) and ordered[at].id == excerpt.id:
                del ordered[at]

    def get(self, annotation_id: str) -> Excerpt | None:
        doc_id = self._waiting_doc.get(annotation_id)
        if doc_id is not None:
            self._ensure([doc_id])
        return self._by_id.get(annotation_id)

    def ordered(self) -> list[Excerpt]:
        """Document order, orphans last within their document (as exports order them)."""
        self._ensure_all()
        if self._ordered is None:
            self._ordered = sorted(self._by_id.values(), key=excerpt_order_key)
        return self._ordered

    def placed_in(self, doc_id: str) -> list[Excerpt]:
        """The highlights placed in a document, in order (a list the caller may keep)."""
        placed = self._placed.get(doc_id)
        if placed is None:
            self._ensure([doc_id])
            source = self._ordered if self._ordered is not None else self._by_id.values()
            placed = [e for e in source if e.doc == doc_id and e.found]
            if self._ordered is None:
                placed.sort(key=excerpt_order_key)
            self._placed[doc_id] = placed
        return list(placed)

    def orphans(self) -> list[Excerpt]:
        return [e for e in self.ordered() if not e.found]

    def __len__(self) -> int:
        return len(self._by_id) + len(self._waiting_doc)


def _around(
    placed: list[Excerpt], doc: Document, anchor: str, blocks: tuple[int, int], at_least: int = 0
) -> tuple[list[Excerpt], list[Excerpt]]:
    """Of highlights in document order, those starting in the blocks around `anchor` (the
    top of a view: `blocks` before and after it), and at least `at_least` nearest to it;
    then the others, still in order."""
    top = _block_at(doc, anchor)
    block_of = _start_block
    low = bisect_left(placed, top - blocks[0], key=block_of)
    high = bisect_left(placed, top + blocks[1], key=block_of)
    if high - low < at_least:  # few highlights there: the nearest ones, mostly below
        low = min(low, max(0, bisect_left(placed, top, key=block_of) - at_least // 4))
        high = max(high, min(len(placed), low + at_least))
    return placed[low:high], placed[:low] + placed[high:]


def _block_at(doc: Document, anchor: str) -> int:
    """The index of the block at the top of a view (0 for none)."""
    return doc.index_of(anchor) if anchor and doc.has(anchor) else 0


def _start_block(excerpt: Excerpt) -> int:
    return excerpt.order[1]


def excerpt_order_key(excerpt: Excerpt) -> tuple:
    """The order of the index, the annotations list and exports: document, place, creation."""
    return excerpt.order, excerpt.annotation.created, excerpt.id


class StoreCommand(QUndoCommand):
    """One user action on the store. Its changes are made before it is pushed, so the
    first `redo` (which QUndoStack.push calls) does nothing."""

    def __init__(self, annotator: Annotator, text: str, changes: Sequence[Change]) -> None:
        super().__init__(text)
        self.annotator, self.changes = annotator, tuple(changes)
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self.annotator.restore([(c.before, c.after) for c in self.changes])

    def undo(self) -> None:
        self.annotator.restore([(c.after, c.before) for c in reversed(self.changes)])


class Annotator(QObject):
    """Owns the store in the interface: changes (with undo), saving, highlight painting."""

    changed = Signal(object, object)  # tuple[Change, ...], set of document ids to repaint
    paletteChanged = Signal()
    placed = Signal()  # every highlight placed (after the slices that follow the start)
    problem = Signal(str, list)  # a title and messages (translated) for the window's message bar
    message = Signal(str)  # a short status-bar message
    _foldDone = Signal(object, object)  # from the fold thread: SaveResult | None, error | None

    def __init__(
        self,
        store: Store,
        corpus: Corpus,
        objectives: Sequence[Objective],
        parent: QObject | None = None,
        *,
        persist: bool = True,
    ) -> None:
        super().__init__(parent)
        self.store, self.persist = store, persist
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setObjectName("annotationUndoStack")
        self.index = ExcerptIndex(corpus, objectives, display_palette(store.palette))
        self.index.rebuild(store.annotations)
        self.actions: dict[str, QAction] = {}
        self.last_color = DEFAULT_COLOR
        self._failure = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._save(self.store.flush_if_due))
        self._folding: threading.Thread | None = None
        self._pieces: dict[str, tuple[Excerpt, Document, str, list[Highlight]]] = {}
        # a pane's highlights still to paint, in order (None: not placed yet), and those painted
        self._unpainted: dict[DocumentPane, tuple[Document, list[Excerpt] | None, set[str]]] = {}
        self._view_placed: dict[DocumentPane, tuple[str, int]] = {}  # the view last placed, by pane
        self._paint_timer = QTimer(self, singleShot=True, interval=0)
        self._paint_timer.timeout.connect(self._paint_more)
        self._place_timer = QTimer(self, singleShot=True, interval=0)
        self._place_timer.timeout.connect(self._place_more)
        self._orphans_reported = True  # until `start`
        self._foldDone.connect(self._fold_done)

    # --- reading ----------------------------------------------------------------------------
    @property
    def corpus(self) -> Corpus:
        return self.index.corpus

    @property
    def palette(self) -> Palette:
        """The palette as shown: built-in meanings in the interface language."""
        return self.index.palette

    def excerpt(self, annotation_id: str) -> Excerpt | None:
        return self.index.get(annotation_id)

    def annotation_at(self, doc_id: str, anchor: str, offset: int) -> Excerpt | None:
        """The highlight under a point of a document (the shortest, if several overlap).
        `offset` is a cursor position, between characters: a click on the right half of a
        highlight's last character gives its end, which still counts."""
        if doc_id not in self.corpus:
            return None
        doc = self.corpus.get(doc_id)
        hits = [
            e
            for e in self.index.placed_over(doc, anchor)
            if any(
                s.anchor == anchor and s.start <= offset <= s.end for s in segments(doc, e.annotation.target)
            )
        ]
        return min(hits, key=lambda e: len(e.exact), default=None)

    def highlights_for(self, doc: Document) -> list[Highlight]:
        """The "annotations" layer of a pane showing `doc`, as one list."""
        return [h for pieces in self.highlight_groups_for(doc).values() for h in pieces]

    def highlight_groups_for(
        self, doc: Document, ids: Iterable[str] | None = None
    ) -> dict[str, list[Highlight]]:
        """The "annotations" layer of a pane showing `doc`: each highlight's pieces by its
        id (all of them, or those of `ids`: [] for one no longer placed in `doc`). Each
        excerpt's pieces are kept while the excerpt is the same object (the index replaces
        only those that changed, and all of them for a new palette or corpus), so a change
        with 10,000 highlights places one again, not all."""
        labels = {color: color_label(self.palette, color) for color in COLORS}
        excerpts = self.index.placed_in(doc.id) if ids is None else [self.index.get(i) for i in ids]
        groups: dict[str, list[Highlight]] = {} if ids is None else dict.fromkeys(ids, [])
        for excerpt in excerpts:
            if excerpt is not None and excerpt.found and excerpt.doc == doc.id:
                groups[excerpt.id] = self._pieces_of(excerpt, doc, labels)
        if len(self._pieces) > 2 * len(self.index) + 256:  # forget deleted ones now and then
            self._pieces = {k: v for k, v in self._pieces.items() if self.index.get(k) is v[0]}
        return groups

    def _pieces_of(self, excerpt: Excerpt, doc: Document, labels: dict[str, str]) -> list[Highlight]:
        label = labels[excerpt.color]  # follows the interface language as well as renaming
        cached = self._pieces.get(excerpt.id)
        if cached is not None and cached[0] is excerpt and cached[1] is doc and cached[2] == label:
            return cached[3]
        note = excerpt.annotation.note
        tip = label + (
            "\n" + (note if len(note) <= TOOLTIP_NOTE else note[:TOOLTIP_NOTE] + "…") if note else ""
        )
        pieces = [  # the first piece carries the marker
            Highlight(
                piece.anchor, piece.start, piece.end, COLORS[excerpt.color], tip, note if i == 0 else ""
            )
            for i, piece in enumerate(segments(doc, excerpt.annotation.target))
        ]
        self._pieces[excerpt.id] = (excerpt, doc, label, pieces)
        return pieces

    def paint(self, pane: DocumentPane, changes: Sequence[Change] | None = None) -> None:
        """Paint a pane's highlights: all of them, or after `changes` only the changed ones
        (when the pane holds them by id and no colour was renamed)."""
        doc = pane.document
        if doc is None:
            return
        if changes and not any(isinstance(c.item, ColorMeaning) for c in changes):
            ids = [c.id for c in changes if isinstance(c.item, Annotation)]
            if len(ids) <= PATCH_AT_MOST and pane.update_highlight_groups(
                "annotations", self.highlight_groups_for(doc, ids)
            ):
                return
        self._unpainted.pop(pane, None)
        self._view_placed.pop(pane, None)
        if self.index.waiting_in(doc.id) > PAINT_AT_ONCE:  # those in view placed and painted now
            top = _block_at(doc, pane.current_anchor())
            placed = self.index.place_near(doc, top - NEAR_BLOCKS[0], top + NEAR_BLOCKS[1])
            self._view_placed[pane] = (doc.id, top)  # a jump scrolls after this: see _paint_view
            self._unpainted[pane] = (doc, None, {e.id for e in placed})  # the others: not placed yet
            self._paint_timer.start()
        else:
            placed = self.index.placed_in(doc.id)
            if len(placed) > PAINT_AT_ONCE:  # those in view now, the others in slices
                placed, rest = _around(placed, doc, pane.current_anchor(), NEAR_BLOCKS)
                self._unpainted[pane] = (doc, rest, set())
                self._paint_timer.start()
        with bulk_work():
            pane.set_highlight_groups("annotations", self.highlight_groups_for(doc, [e.id for e in placed]))

    def _paint_more(self) -> None:
        """Paint a slice of one pane's highlights not painted yet, the nearest to what it
        shows first (each slice takes a few tens of milliseconds: the window stays live)."""
        for pane, (doc, rest, painted) in list(self._unpainted.items()):
            del self._unpainted[pane]
            try:
                if pane.document is not doc:  # it shows another document (painted as it came)
                    continue
                anchor = pane.current_anchor()
            except RuntimeError:  # the pane was closed
                self._view_placed.pop(pane, None)
                continue
            if rest is None:  # its document placed first, slice by slice
                if self.index.waiting_in(doc.id):
                    self._unpainted[pane] = (doc, None, painted)
                    if not self._paint_view(pane, doc, anchor, painted):
                        self.index.place_some(PLACE_SLICE, doc.id)
                    break
                self._view_placed.pop(pane, None)
                rest = [e for e in self.index.placed_in(doc.id) if e.id not in painted]
            chunk, rest = _around(rest, doc, anchor, (0, 0), at_least=PAINT_SLICE)
            if rest:
                self._unpainted[pane] = (doc, rest, set())
            ids = [e.id for e in chunk]  # painted as they are now: changes since were painted
            with bulk_work():
                pane.update_highlight_groups("annotations", self.highlight_groups_for(doc, ids))
            break
        if self._unpainted:
            self._paint_timer.start()

    def _paint_view(self, pane: DocumentPane, doc: Document, anchor: str, painted: set[str]) -> bool:
        """Place and paint the highlights in a pane's view not painted yet (`painted` takes
        them); whether there were any. The view is read as the slice runs: `paint` came as
        the pane loaded the document, before it scrolled to the place it opens at."""
        top = _block_at(doc, anchor)
        if self._view_placed.get(pane) == (doc.id, top):  # as the last slice left it
            return False
        self._view_placed[pane] = (doc.id, top)
        near = self.index.place_near(doc, top - NEAR_BLOCKS[0], top + NEAR_BLOCKS[1])
        ids = [e.id for e in near if e.id not in painted]
        if ids:
            painted.update(ids)
            with bulk_work():
                pane.update_highlight_groups("annotations", self.highlight_groups_for(doc, ids))
        return bool(ids)

    def painting(self) -> bool:
        """Whether some pane's highlights are still being painted slice by slice."""
        return bool(self._unpainted)

    # --- startup and corpus -------------------------------------------------------------------
    def start(self) -> None:
        """After the window is shown: say what loading found; save what loading changed."""
        report = self.store.load_report
        if report.messages:
            title = (
                self.tr("Your annotations file had a problem. Nothing was deleted:")
                if not report.ok
                else self.tr("Your annotations file:")
            )
            self.problem.emit(title, [notice_text(m) for m in report.messages])
        self._orphans_reported = False  # counted once every highlight is placed:
        if self.little_to_place():
            self._place_more()  # now
        else:
            self._place_timer.start()  # from the event loop on, the window painted first
        if self.store.dirty:  # re-anchored, restored from a backup or upgraded
            self.save_soon()

    def _place_more(self) -> None:
        """Place a slice of the highlights not placed yet (see `ExcerptIndex`); once all
        are, say how many could not be."""
        self.index.place_some(PLACE_SLICE)
        if not self.index.complete():
            self._place_timer.start()
            return
        if not self._orphans_reported:
            self._orphans_reported = True
            self._report_orphans()
        self.placed.emit()

    def placing(self) -> bool:
        """Whether highlights are being placed slice by slice (see `ExcerptIndex`)."""
        return self._place_timer.isActive() and not self.index.complete()

    def little_to_place(self) -> bool:
        """Whether the highlights still waiting to be placed are a moment's work."""
        return self.index.waiting() <= PLACE_SLICE

    def place_soon(self) -> None:
        """Place the highlights still waiting, slice by slice from the event loop on
        (`placed` says when all are)."""
        if not self._place_timer.isActive():
            self._place_timer.start()

    def _report_orphans(self) -> None:
        orphans = len(self.index.orphans())
        if orphans:
            self.problem.emit(
                self.tr("Highlights to review:"),
                [
                    self.tr(
                        "%n highlight(s) could not be placed in the current text of their document; they "
                        "are listed under “Could not be placed” in the Annotations panel.",
                        "",
                        orphans,
                    )
                ],
            )

    def set_corpus(self, corpus: Corpus, objectives: Sequence[Objective]) -> None:
        """The library changed: place every annotation again in the new texts."""
        self.store.reanchor(corpus)
        self.index.set_corpus(corpus, objectives)
        self.index.rebuild(self.store.annotations)
        self._place_timer.start()
        self.changed.emit((), {d.id for d in corpus})
        self.save_soon()

    def retranslate(self) -> None:
        palette = display_palette(self.store.palette)
        changed = palette != self.index.palette
        self.index.set_palette(palette)
        self._title_actions()
        if changed:  # not as the window is made: the list would be built twice (~2 s at 50,000)
            self.paletteChanged.emit()

    # --- actions ----------------------------------------------------------------------------
    def bind_actions(self, actions: dict[str, QAction]) -> None:
        """The window's actions this object gives icons and texts to (and shows in menus)."""
        self.actions = actions
        for color in COLORS:
            action = actions[highlight_action_name(color)]
            action.setIcon(swatch_icon(color))
            action.setData(color)
        self._title_actions()

    def _title_actions(self) -> None:
        for number, color in enumerate(COLORS, start=1):
            action = self.actions.get(highlight_action_name(color))
            if action is None:
                continue
            label = color_label(self.palette, color)
            action.setText(f"&{number} {label}")
            action.setIconText(color_name(color))
            tip = self.tr("Highlight the selection: %1").replace("%1", label)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            action.setStatusTip(tip)

    def selection_changed(self, pane: DocumentPane | None) -> None:
        """Highlighting needs a selection in the current pane."""
        selected = pane is not None and pane.view.textCursor().hasSelection()
        for color in COLORS:
            if highlight_action_name(color) in self.actions:
                self.actions[highlight_action_name(color)].setEnabled(selected)
        if "addNote" in self.actions:
            self.actions["addNote"].setEnabled(selected)

    def context_menu(self, menu: QMenu, context: PaneContext) -> None:
        """Added to every pane's context menu: highlight, note, the highlight under the
        pointer (edit, colour, remove) and a bookmark on the paragraph under it."""
        menu.addSeparator()
        colors = menu.addMenu(self.tr("&Highlight"))
        colors.setObjectName("highlightMenu")
        for color in COLORS:
            if highlight_action_name(color) in self.actions:
                colors.addAction(self.actions[highlight_action_name(color)])
        colors.setEnabled(bool(context.selection))
        if "addNote" in self.actions:
            menu.addAction(self.actions["addNote"])
        under = self.annotation_at(context.doc_id, context.anchor, context.offset) if context.anchor else None
        if under is not None:
            annotation_id = under.id
            edit = menu.addAction(self.tr("&Edit note…"))
            edit.setObjectName("editNote")
            edit.triggered.connect(lambda: self.edit(annotation_id))
            recolor = menu.addMenu(self.tr("Change c&olour"))
            recolor.setObjectName("changeColorMenu")
            for color in COLORS:
                action = recolor.addAction(swatch_icon(color), color_label(self.palette, color))
                action.setCheckable(True)
                action.setChecked(color == under.color)
                action.triggered.connect(lambda _=False, c=color: self.set_color(annotation_id, c))
            remove = menu.addAction(self.tr("&Remove highlight"))
            remove.setObjectName("removeHighlight")
            remove.triggered.connect(lambda: self.delete([annotation_id]))
        if context.anchor:
            pane, anchor = context.pane, context.anchor
            bookmark = menu.addAction(self.tr("Add &bookmark…"))
            bookmark.setObjectName("addBookmarkHere")
            bookmark.triggered.connect(lambda: self.add_bookmark(pane, anchor))

    # --- dialogs (tests replace these) ------------------------------------------------------------
    def _dialog_parent(self) -> QWidget | None:
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    def ask_note(self, request: NoteRequest) -> NoteResult | None:
        dialog = NoteDialog(request, self.palette, self.store.tags(), self._dialog_parent())
        try:
            return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def ask_bookmark(self, request: BookmarkRequest) -> BookmarkResult | None:
        dialog = BookmarkDialog(request, self.store.folders(), self._dialog_parent())
        try:
            return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def ask_color_names(self, palette: Palette) -> dict[str, str | None] | None:
        dialog = ColorNamesDialog(palette, self._dialog_parent())
        try:
            return dialog.changes() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def ask_quit_unsaved(self, error: str) -> bool:
        answer = QMessageBox.warning(
            self._dialog_parent(),
            self.tr("Annotations not saved"),
            self.tr("Your latest annotations could not be saved:\n%1\n\nQuit anyway and lose them?").replace(
                "%1", error
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- highlights ---------------------------------------------------------------------------
    def selection_target(self, pane: DocumentPane) -> Target | None:
        """The pane's selection as a target (from its first to its last character)."""
        ranges, doc = pane.selection_ranges(), pane.document
        if not ranges or doc is None:
            self.message.emit(self.tr("Select the text to highlight first."))
            return None
        (first, start, _), (last, _, end) = ranges[0], ranges[-1]
        try:
            return make_target(doc, first, start, last, end)
        except ValueError as exc:
            log.info("no target for the selection: %s", exc)
            self.message.emit(self.tr("This selection cannot be highlighted."))
            return None

    def _same_place(self, target: Target) -> Annotation | None:
        if target.range is None:
            return None
        excerpt = self.index.placed_at(target.doc, target.range)
        return self.store.annotation(excerpt.id) if excerpt is not None else None

    def highlight(self, pane: DocumentPane, color: str) -> Annotation | None:
        """Highlight the pane's selection (or recolour the highlight of exactly that text)."""
        target = self.selection_target(pane)
        if target is None:
            return None
        self.last_color = color
        same = self._same_place(target)
        if same is not None:
            if same.color != color:
                self._commit(self.tr("Change colour"), [self.store.update(same.edited(color=color))])
            pane.clear_selection()
            return self.store.annotation(same.id)
        change = self.store.add(new_annotation(target, color=color))
        self._commit(self.tr("Highlight"), [change])
        pane.clear_selection()
        return change.after  # type: ignore[return-value]

    def annotate(self, pane: DocumentPane) -> Annotation | None:
        """Highlight the selection with a note and tags (asked for first)."""
        target = self.selection_target(pane)
        if target is None:
            return None
        same = self._same_place(target)
        if same is not None:
            return self.edit(same.id)
        draft = new_annotation(target, color=self.last_color)
        citation = build_excerpts([draft], self.corpus, self.index.objectives, self.palette)[0].citation
        result = self.ask_note(NoteRequest(target.quote.exact, citation, self.last_color))
        if result is None:
            return None
        change = self.store.add(draft.edited(color=result.color, note=result.note, tags=result.tags))
        self.last_color = result.color
        self._commit(self.tr("Add note"), [change])
        pane.clear_selection()
        return change.after  # type: ignore[return-value]

    def edit(self, annotation_id: str) -> Annotation | None:
        """Edit a highlight's colour, note and tags."""
        annotation = self.store.annotation(annotation_id)
        if annotation is None:
            return None
        excerpt = self.index.get(annotation_id)
        result = self.ask_note(
            NoteRequest(
                annotation.exact,
                excerpt.citation if excerpt else annotation.doc,
                annotation.color,
                annotation.note,
                annotation.tags,
                new=False,
            )
        )
        if result is None:
            return None
        edited = annotation.edited(color=result.color, note=result.note, tags=result.tags)
        if edited == annotation:
            return annotation
        change = self.store.update(edited)
        self._commit(self.tr("Edit note"), [change])
        return change.after  # type: ignore[return-value]

    def set_color(self, annotation_id: str, color: str) -> None:
        annotation = self.store.annotation(annotation_id)
        if annotation is not None and annotation.color != color:
            self._commit(self.tr("Change colour"), [self.store.update(annotation.edited(color=color))])

    def delete(self, annotation_ids: Iterable[str]) -> None:
        changes = [
            self.store.delete(i)
            for i in dict.fromkeys(annotation_ids)
            if self.store.annotation(i) is not None
        ]
        self._commit(self.tr("Delete %n highlight(s)", "", len(changes)), changes)

    # --- bookmarks ----------------------------------------------------------------------------
    def add_bookmark(self, pane: DocumentPane, anchor: str | None = None) -> Bookmark | None:
        """Bookmark a paragraph (default: the one at the text cursor, or at the top)."""
        doc = pane.document
        if doc is None:
            return None
        anchor = anchor or pane.anchor_at_cursor()
        if not doc.has(anchor):
            return None
        block = doc.block(anchor)
        locator = block.citation.removeprefix(document_label(doc.info)) or block.label or anchor
        preview = block.text[:BOOKMARK_PREVIEW] + ("…" if len(block.text) > BOOKMARK_PREVIEW else "")
        result = self.ask_bookmark(BookmarkRequest(block.citation or anchor, f"{locator} {preview}".strip()))
        if result is None:
            return None
        change = self.store.add(new_bookmark(doc.id, block.anchor, result.name, result.folder))
        self._commit(self.tr("Add bookmark"), [change])
        return change.after  # type: ignore[return-value]

    def edit_bookmark(self, bookmark_id: str) -> Bookmark | None:
        bookmark = self.store.bookmark(bookmark_id)
        if bookmark is None:
            return None
        citation = bookmark.link
        if bookmark.doc in self.corpus and self.corpus.get(bookmark.doc).has(bookmark.anchor):
            citation = self.corpus.get(bookmark.doc).block(bookmark.anchor).citation or citation
        result = self.ask_bookmark(BookmarkRequest(citation, bookmark.name, bookmark.folder, new=False))
        if result is None:
            return None
        edited = bookmark.edited(name=result.name, folder=result.folder)
        if (edited.name, edited.folder) == (bookmark.name, bookmark.folder):
            return bookmark
        change = self.store.update(edited)
        self._commit(self.tr("Edit bookmark"), [change])
        return change.after  # type: ignore[return-value]

    def delete_bookmarks(self, bookmark_ids: Iterable[str]) -> None:
        changes = [
            self.store.delete(i) for i in dict.fromkeys(bookmark_ids) if self.store.bookmark(i) is not None
        ]
        self._commit(self.tr("Delete %n bookmark(s)", "", len(changes)), changes)

    # --- palette and import -----------------------------------------------------------------------
    def name_colors(self) -> None:
        names = self.ask_color_names(self.store.palette)
        if names:
            self._commit(
                self.tr("Name colours"),
                [self.store.rename_color(color, name) for color, name in names.items()],
            )

    def apply_import(self, plan: ImportPlan) -> list[Change]:
        changes = self.store.apply_import(plan)
        self._commit(self.tr("Import annotations"), changes)
        return changes

    # --- changing, undo and redo ----------------------------------------------------------------
    def record(self, text: str, changes: Sequence[Change]) -> None:
        """Record changes made to the store elsewhere (e.g. carrying annotations) as one undoable step."""
        self._commit(text, changes)

    def _commit(self, text: str, changes: Sequence[Change]) -> None:
        """Record changes already made as one undoable step; refresh views; save."""
        if not changes:
            return
        self.undo_stack.push(StoreCommand(self, text, changes))
        self._changed(changes)

    def restore(self, pairs: Sequence[tuple[Item | None, Item | None]]) -> None:
        """Put each item back as `wanted` (None: delete it): what undo and redo do."""
        changes = []
        for current, wanted in pairs:
            try:
                if isinstance(wanted, ColorMeaning):
                    changes.append(self.store.rename_color(wanted.color, wanted.name))
                elif wanted is None:
                    if current is not None and not isinstance(current, ColorMeaning):
                        changes.append(self.store.delete(current.id))
                else:
                    changes.append(self.store.put(wanted))
            except KeyError:  # already gone (another instance deleted it)
                continue
        self._changed(changes)

    def _changed(self, changes: Sequence[Change]) -> None:
        self._take_in(changes)
        self.save_soon()

    def _take_in(self, changes: Sequence[Change]) -> None:
        changes = tuple(changes)
        if not changes:
            return
        palette = any(isinstance(c.item, ColorMeaning) for c in changes)
        if palette:
            self.index.set_palette(display_palette(self.store.palette))
            self._title_actions()
        docs = self.index.apply(changes)
        if palette:
            docs |= {e.doc for e in self.index.ordered()}
        self.changed.emit(changes, docs)
        if palette:
            self.paletteChanged.emit()

    def refresh(self) -> None:
        """Take in what another running instance saved (the window was activated)."""
        try:
            self._take_in(self.store.refresh())
        except Exception as exc:  # noqa: BLE001 - reading another instance's save is best effort
            log.warning("could not read the annotations saved elsewhere: %s", exc)

    # --- saving -------------------------------------------------------------------------------
    def save_soon(self) -> None:
        """Save now, or as soon as the store allows (coalesced)."""
        if self.persist:
            self._save(self.store.save)

    def _save(self, write) -> None:
        if self._folding is not None:  # the fold holds the file: save when it is done
            self._timer.start(FOLD_WAIT_MS)
            return
        try:
            result = write()
        except Exception as exc:  # noqa: BLE001 - every failure is shown; the changes stay in memory
            self._save_failed(getattr(exc, "notice", str(exc)))  # translated by the window
            return
        if self._failure and result is not None:
            self._failure = ""
            self.message.emit(self.tr("Annotations saved."))
        if result is not None:
            if result.external:
                self._take_in(result.external)
            if result.messages:
                self.problem.emit(
                    self.tr("While saving your annotations:"), [notice_text(m) for m in result.messages]
                )
        due = self.store.seconds_until_due()
        if due is not None and not self._timer.isActive():
            self._timer.start(max(1, int(due * 1000) + 1))
        self._fold_soon()

    def _fold_soon(self) -> None:
        """Fold a long journal into the annotations file, off the UI thread (a whole
        rewrite: a quarter of a second at 50,000 annotations)."""
        if self._folding is not None or self.store.journal_lines < FOLD_AFTER:
            return

        def fold() -> None:
            try:
                self._foldDone.emit(self.store.fold(), None)
            except Exception as exc:  # noqa: BLE001 - the journal keeps everything meanwhile
                self._foldDone.emit(None, str(exc))

        self._folding = threading.Thread(target=fold, name="annotations-fold", daemon=True)
        self._folding.start()

    def _fold_done(self, result, error: str | None) -> None:
        self._folding = None
        if error:
            log.warning("folding the annotations journal failed (kept; retried later): %s", error)
        elif result is not None and result.external:
            self._take_in(result.external)

    def _save_failed(self, error: str) -> None:
        log.warning("saving the annotations failed: %s", error)
        if error != self._failure:
            self._failure = error
            self.problem.emit(
                self.tr(
                    "Your latest annotations could not be saved. They are kept "
                    "while the reader is open and saving is tried again:"
                ),
                [notice_text(error)],
            )
        self._timer.start(RETRY_AFTER_FAILURE_MS)

    @property
    def save_error(self) -> str:
        """The last save failure, or "" once saving works."""
        return self._failure

    def close(self) -> bool:
        """Write what is pending; False if it failed and the user chose not to quit."""
        self._timer.stop()
        if not self.persist:
            return True
        if self._folding is not None:
            self._folding.join()
        try:
            self.store.close()  # writes what is pending and folds the journal in
        except Exception as exc:  # noqa: BLE001 - whatever failed, the user decides whether to quit
            log.error("saving the annotations on quit failed: %s", exc)
            if self.ask_quit_unsaved(notice_text(getattr(exc, "notice", str(exc)))):
                return True
            self._timer.start(RETRY_AFTER_FAILURE_MS)  # staying: keep trying
            return False
        return True
