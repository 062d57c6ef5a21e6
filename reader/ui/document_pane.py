"""One reading pane: a header, the passage and find bars, and the rendered document.

The pane knows nothing of objectives or search: the window tells it which document
to show, where to scroll and what to highlight. Highlights are *layers* of ranges
given as block anchors plus offsets into `Block.text` ("link", "focus", "search",
"find", and any later layer such as "annotations"), so other panels can add their
own formatting without touching the rendered document. Context-menu providers let
them add actions too.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMenu,
    QTextBrowser,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core.model import Document
from ..core.passages import Passage, PassageSet
from .escaping import plain_tip
from .highlight_layer import KeyedLayer
from .note_markers import NoteMarkers
from .pane_bars import FindBar, PaneHeader, PassageBar
from .reading_width import ReadingWidth, apply_line_spacing, side_margin
from .rendering import LINK_SCHEME, NOTE_SCHEME, DocumentCache, RenderedDocument
from .state import Location

# Painted in this order, each over the ones before: a user's highlight shows over the
# whole-paragraph link/focus shading, and search matches over everything.
LAYER_ORDER = ("link", "focus", "annotations", "search", "find")
LAYER_COLORS = {
    "light": {
        "annotations": "#fff3b0",
        "link": "#eef4fc",
        "focus": "#d5e4f8",
        "search": "#b5efe8",
        "find": "#ffae4a",
    },
    "dark": {
        "annotations": "#5a4d12",
        "link": "#1f2f42",
        "focus": "#2c4a70",
        "search": "#8fded5",
        "find": "#9a5410",
    },
}
FULL_WIDTH_LAYERS = {"link", "focus"}
# Search matches: a teal no highlight colour uses, underlined, so they never read as a
# highlight ("agreed language" is yellow).
SEARCH_UNDERLINE = "#0b7a72"
SCROLL_CONTEXT_PX = 14
USER_SCROLL_DELAY_MS = 120
MAX_FIND_MATCHES = 2000
# Of a layer kept by key, Qt is given the ranges within this many characters of the text in
# view (the rest when scrolled near): with thousands of highlights, handing Qt all of them
# for each change and going through all of them for each paint is most of the cost.
WINDOW_MARGIN = 3000
_uids = itertools.count(1)


@dataclass(frozen=True)
class Highlight:
    """A range to format: `Block.text[start:end]` of `anchor` (whole block if end is None)."""

    anchor: str
    start: int = 0
    end: int | None = None
    color: str | None = None
    tooltip: str = ""
    note: str = ""  # a highlight's note, on its first piece only: a margin marker shows it


@dataclass(frozen=True)
class PaneContext:
    """What a context-menu provider is told about the click."""

    pane: DocumentPane
    doc_id: str
    anchor: str
    offset: int
    selection: tuple[tuple[str, int, int], ...]
    selected_text: str


ContextMenuProvider = Callable[[QMenu, PaneContext], None]


class FootnotePopup(QFrame):
    """The text of a footnote, shown next to its mark when the mark is clicked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("footnotePopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.title = QLabel(self)
        self.title.setObjectName("footnoteTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QLabel(self)
        self.text.setObjectName("footnoteText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setMaximumWidth(440)
        layout.addWidget(self.title)
        layout.addWidget(self.text)

    def show_note(self, title: str, text: str, global_pos: QPoint) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.setAccessibleName(title)
        self.adjustSize()
        self.move(global_pos)
        self.show()


class DocumentView(QTextBrowser):
    """The text itself: read-only, selectable, links open through the pane."""

    contextMenuWanted = Signal(QPoint, QPoint)  # viewport position, global position
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setUndoRedoEnabled(False)
        self.reading = ReadingWidth()
        self.markers = NoteMarkers(self)
        self.before_paint: Callable[[], None] | None = None  # the pane's last word on what to paint

    def set_reading_width(self, reading: ReadingWidth) -> None:
        self.reading = reading
        self.fit_margins()

    def fit_margins(self) -> None:
        """Page margins and the maximum line length, as viewport margins (the text column
        never narrower than the responsive layout's minimum)."""
        margins = self.viewportMargins()
        available = self.viewport().width() + margins.left() + margins.right()
        document = self.document()
        side = side_margin(self.reading, available, document.defaultFont(), 2 * document.documentMargin())
        if side != margins.left() or side != margins.right():
            self.setViewportMargins(side, 0, side, 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_margins()

    def paintEvent(self, event) -> None:
        if self.before_paint is not None:
            self.before_paint()
        super().paintEvent(event)
        self.markers.paint()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.contextMenuWanted.emit(event.pos(), event.globalPos())
        event.accept()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def mousePressEvent(self, event) -> None:
        self.focused.emit()
        super().mousePressEvent(event)

    def loadResource(self, kind: int, url: QUrl) -> None:  # type: ignore[override]  # never fetch
        return None


class DocumentPane(QFrame):
    """A pane showing one document, with passage navigation and find."""

    navigated = Signal(object, object)  # old Location, new Location (history)
    activated = Signal()  # the user focused or clicked this pane
    userScrolled = Signal()  # settled after the user scrolled
    documentChanged = Signal(str)
    linkOpened = Signal(str, str)  # doc id, anchor of a followed reader:// link
    gotoRequested = Signal()  # "Go to paragraph…" from the context menu
    swapRequested = Signal()
    closeRequested = Signal()

    def __init__(self, cache: DocumentCache, theme: str = "light", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uid = next(_uids)
        self.setObjectName("documentPane")
        self._cache, self._theme = cache, theme
        self._rendered: RenderedDocument | None = None
        self._highlights: dict[str, list[Highlight]] = {}
        self._positions: dict[str, list[tuple[int, int, QTextCharFormat]]] = {}
        # Each highlight's range, kept while the rendered text is the same, so that setting
        # a layer again (search, focus, links) places only its new highlights; annotations
        # are kept by key in _keyed.
        self._ranges: dict[str, dict[Highlight, tuple[int, int, QTextCharFormat] | None]] = {}
        self._selections: dict[int, tuple[tuple, QTextEdit.ExtraSelection]] = {}  # by id(range)
        self._keyed: dict[str, KeyedLayer] = {}  # layers changed key by key (annotations)
        self._formats: dict[tuple[str, str, bool], QTextCharFormat] = {}  # by layer, colour, whole line
        self._window: tuple[int, int] | None = None  # the positions whose keyed ranges Qt has
        self._passages: PassageSet | None = None
        self._passage_index = 0
        self._providers: list[ContextMenuProvider] = []
        self._want_anchor: str | None = None
        self._want_offset = 0  # characters into the wanted block: its line goes on top
        self._top_anchor = ""
        self._programmatic = 0
        self._find_text = ""
        self._build()
        self.view.markers.theme = theme

    # --- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = PaneHeader(self)
        self.passage_bar = PassageBar(self)
        self.find_bar = FindBar(self)
        self.view = DocumentView(self)
        self._blank = QTextDocument(self)
        self.popup = FootnotePopup(self)
        for widget in (self.header, self.passage_bar, self.find_bar):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)
        self._name_view()
        self._scroll_timer = QTimer(self, singleShot=True, interval=USER_SCROLL_DELAY_MS)
        self._scroll_timer.timeout.connect(self._settle_scroll)
        self._connect()

    def _connect(self) -> None:
        self.header.documentChosen.connect(lambda doc: self.show_document(doc))
        self.header.swapRequested.connect(self.swapRequested)
        self.header.closeRequested.connect(self.closeRequested)
        self.passage_bar.passageChosen.connect(self.go_to_passage)
        self.passage_bar.closed.connect(self.clear_passages)
        self.find_bar.textEdited.connect(self._find_all)
        self.find_bar.findRequested.connect(self.find_next)
        self.find_bar.closed.connect(self.close_find)
        self.view.anchorClicked.connect(self._link_clicked)
        self.view.contextMenuWanted.connect(self._context_menu)
        self.view.focused.connect(self.activated)
        self.view.verticalScrollBar().actionTriggered.connect(self._scrolled)
        self.view.verticalScrollBar().valueChanged.connect(lambda _value: self._follow_view())
        self.view.before_paint = self._follow_view
        self.view.viewport().installEventFilter(self)

    # --- documents ----------------------------------------------------------------------------
    @property
    def doc_id(self) -> str:
        return self._rendered.doc.id if self._rendered else ""

    @property
    def document(self) -> Document | None:
        return self._rendered.doc if self._rendered else None

    @property
    def rendered(self) -> RenderedDocument | None:
        return self._rendered

    def set_document_choices(self, items: list[tuple[str, str, str]]) -> None:
        self.header.set_documents(items, self.doc_id)

    def location(self) -> Location:
        return Location(self.uid, self.doc_id, self.current_anchor())

    def show_document(self, doc_id: str, anchor: str = "", *, record: bool = True) -> bool:
        """Show `doc_id` scrolled to `anchor` (its top when empty); False if unknown."""
        old = self.location()
        if doc_id != self.doc_id and not self._load(doc_id):
            return False
        self.scroll_to(anchor)
        if record:
            self.navigated.emit(old, Location(self.uid, doc_id, anchor))
        return True

    def _load(self, doc_id: str) -> bool:
        try:
            rendered = self._cache.acquire(doc_id, self)
        except KeyError:
            return False
        previous = self._rendered
        self._rendered = rendered
        self.view.setDocument(rendered.qdoc)
        rendered.qdoc.setDefaultFont(self._cache.font)
        apply_line_spacing(rendered.qdoc, self.view.reading.line_spacing)
        if previous is not None and previous is not rendered:
            previous.owner = None
        self._highlights = {}  # every layer belongs to one document; owners re-apply theirs
        self._positions.clear()
        self._ranges.clear()
        self._selections.clear()
        self._keyed.clear()
        self._window = None
        self.view.markers.clear()
        self._top_anchor = ""
        self.header.set_current(doc_id)
        self._name_view()
        self._follow_passages_to(doc_id)
        self._apply_passage_highlights()
        self._refresh_find()
        self.documentChanged.emit(doc_id)
        return True

    def reload(self, theme: str | None = None) -> None:
        """After the cache was reset (theme or corpus change): render again, keep the place."""
        if theme:
            self._theme = theme
            self.view.markers.theme = theme
        doc_id, anchor = self.doc_id, self.current_anchor()
        highlights = dict(self._highlights)
        keyed = {layer: kept.groups() for layer, kept in self._keyed.items()}
        self._rendered = None
        self.view.setDocument(self._blank)
        if doc_id and self._load(doc_id):
            self._highlights.update(highlights)
            for layer, groups in keyed.items():
                self._new_keyed_layer(layer).reset(groups)
            self._rebuild_selections()
            self._place_note_markers()
            self.scroll_to(anchor)

    def release(self) -> None:
        self._cache.release(self)

    # --- scrolling ----------------------------------------------------------------------------
    def scroll_to(self, anchor: str) -> bool:
        """Put block `anchor` at the top (with a little context); "" scrolls to the top."""
        if self._rendered is None:
            return False
        span = self._rendered.span(anchor) if anchor else None
        if anchor and span is None:
            return False
        self._want_anchor = span.anchor if span else ""
        self._want_offset = 0
        self._top_anchor = self._want_anchor
        self.place_caret(self._want_anchor)
        self._apply_scroll()
        return True

    def place_caret(self, anchor: str, offset: int = 0) -> bool:
        """Put the text cursor at `Block.text[offset]` of `anchor` (the document's start when
        ""), without scrolling, so keyboard selection (caret browsing) starts at the target."""
        if self._rendered is None:
            return False
        span = self._rendered.span(anchor) if anchor else None
        if anchor and span is None:
            return False
        cursor = QTextCursor(self._rendered.qdoc)
        cursor.setPosition(span.position(offset) if span else 0)
        bar = self.view.verticalScrollBar()
        self._programmatic += 1
        try:
            value = bar.value()
            self.view.setTextCursor(cursor)
            bar.setValue(value)  # the caller decides where to scroll
        finally:
            self._programmatic -= 1
        return True

    def _apply_scroll(self) -> None:
        if self._rendered is None or self._want_anchor is None:
            return
        span = self._rendered.span(self._want_anchor) if self._want_anchor else None
        y = 0 if span is None else max(0, int(self._block_top(span.start)) - SCROLL_CONTEXT_PX)
        if span is not None and self._want_offset:
            y = max(0, int(self._line_top(span.start + self._want_offset)) - 2)
        self._programmatic += 1
        try:
            self.view.verticalScrollBar().setValue(y)
        finally:
            self._programmatic -= 1

    def _line_top(self, position: int) -> float:
        """The top of the laid-out line holding `position` (at the current width)."""
        qdoc = self._rendered.qdoc
        block = qdoc.findBlock(min(position, qdoc.characterCount() - 1))
        top = qdoc.documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        return top + (line.y() if line.isValid() else 0)

    def scroll_to_line(self, anchor: str, offset: int) -> bool:
        """Like `scroll_to`, with the line holding `offset` (characters into the block as
        rendered) at the top: a place restored to the line, not the paragraph's start."""
        if not self.scroll_to(anchor) or not anchor:
            return False
        self._want_offset = max(0, offset)
        self._apply_scroll()
        return True

    def top_line_offset(self) -> int:
        """Characters from the top block's start to the first line in view (0: block start)."""
        anchor = self.current_anchor()
        if self._rendered is None or not anchor:
            return 0
        if self._want_anchor is not None:
            return self._want_offset
        span = self._rendered.span(anchor)
        point = QPoint(self.view.viewport().width() // 2, SCROLL_CONTEXT_PX + 4)  # as the anchor
        position = self.view.cursorForPosition(point).position()
        return max(0, position - span.start) if span and span.start <= position < span.end else 0

    def _block_top(self, position: int) -> float:
        qdoc = self._rendered.qdoc
        layout = qdoc.documentLayout()
        cursor = QTextCursor(qdoc)
        cursor.setPosition(position)
        table = cursor.currentTable()
        if table is not None:
            return layout.frameBoundingRect(table).top()
        return layout.blockBoundingRect(qdoc.findBlock(position)).top()

    def current_anchor(self) -> str:
        """The block at the top of the view (what a reader would call "where I am")."""
        if self._rendered is None:
            return ""
        if self._want_anchor is not None:
            return self._want_anchor
        return self._anchor_at_top()

    def _anchor_at_top(self) -> str:
        if self.view.verticalScrollBar().value() == 0:
            return ""
        point = QPoint(self.view.viewport().width() // 2, SCROLL_CONTEXT_PX + 4)
        span = self._rendered.span_at(self.view.cursorForPosition(point).position())
        return span.anchor if span else ""

    def _scrolled(self, _action: int) -> None:
        """The user scrolled (wheel, keys, scroll bar): the place is now theirs."""
        if self._programmatic:
            return
        self._want_anchor = None
        self._scroll_timer.start()

    def _settle_scroll(self) -> None:
        self._top_anchor = self._anchor_at_top()
        self.userScrolled.emit()

    def eventFilter(self, watched, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.ToolTip:
            return self._show_tooltip(event)
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            if self._want_anchor is None and self._top_anchor:
                self._want_anchor = self._top_anchor
            QTimer.singleShot(0, self, self._apply_scroll)
        return super().eventFilter(watched, event)

    # --- highlights ---------------------------------------------------------------------------
    def set_highlights(self, layer: str, highlights: list[Highlight]) -> None:
        """Replace one layer of highlights (anchors not in this document are ignored)."""
        self._keyed.pop(layer, None)
        self._highlights[layer] = list(highlights)
        self._positions.pop(layer, None)
        self._rebuild_selections()

    def set_highlight_groups(self, layer: str, groups: dict[str, list[Highlight]]) -> None:
        """Replace one layer with highlights by key (an annotation's id: its pieces), so
        that `update_highlight_groups` can later change a few keys without the rest."""
        if self._rendered is None:
            return
        for kept in (self._highlights, self._positions, self._ranges):
            kept.pop(layer, None)
        self._new_keyed_layer(layer).reset(groups)
        self._rebuild_selections()
        if layer == "annotations":
            self._place_note_markers()

    def update_highlight_groups(self, layer: str, groups: dict[str, list[Highlight]]) -> bool:
        """Replace the highlights of the keys given (an empty list removes a key), leaving
        the others as they are: only what changed is placed and repainted. False (nothing
        done) when the layer was not set by key."""
        kept = self._keyed.get(layer)
        if kept is None or self._rendered is None:
            return False
        markers_changed = kept.update(groups)
        self._rebuild_selections()
        if layer == "annotations" and markers_changed:
            self._place_note_markers()
        return True

    def _new_keyed_layer(self, layer: str) -> KeyedLayer:
        kept = self._keyed[layer] = KeyedLayer(self._rendered.qdoc, lambda h: self._highlight_range(layer, h))
        return kept

    def _placed_highlights(self, layer: str) -> list[tuple[Highlight, tuple[int, int, QTextCharFormat]]]:
        """Each highlight of a layer that could be placed, with its range and format."""
        if layer in self._keyed:
            return list(self._keyed[layer].placed())
        return [(h, placed) for h, placed in self._ranges.get(layer, {}).items() if placed]

    # --- notes: a marker in the margin, the note on hover --------------------------------------
    def _place_note_markers(self) -> None:
        """One marker per highlight with a note, beside the line where it starts (the ranges
        are the ones the annotations layer keeps, so a change places only what changed)."""
        kept = self._keyed.get("annotations")
        self.view.markers.set_markers(list(kept.markers) if kept is not None else [])

    def note_markers(self) -> list[tuple[str, int, str]]:
        """(anchor, offset into Block.text, note) of every marker shown (for tests and checks)."""
        result = []
        for position, note in self.view.markers.markers:
            span = self._rendered.span_at(position) if self._rendered else None
            if span is not None:
                result.append((span.anchor, span.offset(position), note))
        return result

    def tooltip_at(self, pos: QPoint) -> str:
        """What hovering viewport point `pos` shows: a marker's note, or the tip of the
        shortest highlight under it (plain text)."""
        note = self.view.markers.note_at(pos)
        if note:
            return note
        position = self.view.cursorForPosition(pos).position()
        under = [
            (end - start, h.tooltip)
            for h, (start, end, _fmt) in self._placed_highlights("annotations")
            if h.tooltip and start <= position < end
        ]
        return min(under)[1] if under else ""

    def _show_tooltip(self, event) -> bool:
        text = self.tooltip_at(event.pos())
        if not text:
            return False  # the document's own tooltips (footnotes, links)
        QToolTip.showText(event.globalPos(), plain_tip(text), self.view.viewport())
        return True

    def clear_highlights(self, layer: str) -> None:
        self.set_highlights(layer, [])

    def highlights(self, layer: str) -> list[Highlight]:
        if layer in self._keyed:
            return self._keyed[layer].highlights()
        return list(self._highlights.get(layer, []))

    def highlighted_text(self, layer: str) -> list[str]:
        """The text each range of a layer covers, in document order (for tests and checks)."""
        cursor = QTextCursor(self._rendered.qdoc) if self._rendered else None
        result = []
        for start, end, _fmt in sorted(self._layer_positions(layer)) if cursor else []:
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            result.append(cursor.selectedText())
        return result

    def _layer_positions(self, layer: str) -> list[tuple[int, int, QTextCharFormat]]:
        if layer in self._keyed:
            return self._keyed[layer].positions()
        if layer not in self._positions and self._rendered is not None:
            old = self._ranges.get(layer, {})
            ranges = self._ranges[layer] = {
                h: old[h] if h in old else self._highlight_range(layer, h)
                for h in self._highlights.get(layer, [])
            }
            self._positions[layer] = [r for r in ranges.values() if r]
        return self._positions.get(layer, [])

    def _highlight_range(self, layer: str, h: Highlight) -> tuple[int, int, QTextCharFormat] | None:
        span_range = self._rendered.range_of(h.anchor, h.start, h.end)
        if span_range is None or span_range[0] >= span_range[1]:
            return None
        color = h.color or LAYER_COLORS[self._theme].get(layer, "#fff3b0")
        whole = layer in FULL_WIDTH_LAYERS and h.end is None
        fmt = self._formats.get((layer, color, whole))
        if fmt is None:
            fmt = self._formats[(layer, color, whole)] = self._highlight_format(layer, color, whole)
        return span_range[0], span_range[1], fmt

    @staticmethod
    def _highlight_format(layer: str, color: str, whole: bool) -> QTextCharFormat:
        """One format per layer and colour, shared by its ranges (never changed once made):
        making one per range was a third of painting 24,000 highlights. A highlight's
        tooltip is not in it: Qt shows only the document's own formats' tooltips, and the
        pane shows a highlight's itself (`tooltip_at`)."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(color))
        if whole:
            fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        if layer in ("search", "find", "annotations"):  # light backgrounds in both themes
            fmt.setForeground(QColor("#000000"))
        if layer == "search":
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(SEARCH_UNDERLINE))
        return fmt

    def _rebuild_selections(self) -> None:
        if self._rendered is None:
            return
        layers = sorted(
            set(self._highlights) | set(self._positions) | set(self._keyed),
            key=lambda name: LAYER_ORDER.index(name) if name in LAYER_ORDER else 0,
        )
        selections, kept = [], {}
        # None while the view is hidden (the window not shown yet): its size is then not
        # its own, and the window is found when it first paints (`_follow_view`)
        self._window = self._window_for_view() if self._keyed and self.view.isVisible() else None
        for layer in layers:
            if layer in self._keyed:  # kept in paint order, change by change
                if self._window is not None:
                    selections.extend(self._keyed[layer].selections_between(*self._window))
                continue
            for placed in self._layer_positions(layer):
                cached = self._selections.get(id(placed))
                if cached is None or cached[0] is not placed:
                    start, end, fmt = placed
                    selection = QTextEdit.ExtraSelection()
                    cursor = QTextCursor(self._rendered.qdoc)
                    cursor.setPosition(start)
                    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                    selection.cursor = cursor
                    selection.format = fmt
                    cached = (placed, selection)
                kept[id(placed)] = cached
                selections.append(cached[1])
        self._selections = kept  # the ranges shown now (an id is not reused while they live)
        self.view.setExtraSelections(selections)

    def _visible_positions(self) -> tuple[int, int]:
        """The document positions at the top left and the bottom right of the view."""
        viewport = self.view.viewport()
        first = self.view.cursorForPosition(QPoint(0, 0)).position()
        last = self.view.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        # While Qt lays a document out again (the window first shown at its size), the top
        # left can give a position past the bottom right's: the text between both is in view.
        return min(first, last), max(first, last)

    def _window_for_view(self) -> tuple[int, int]:
        """The window Qt has while it still covers the view (so a change hands Qt the same
        ranges but the changed ones), else one around the view."""
        first, last = self._visible_positions()
        if self._window is not None and self._window[0] <= first and last <= self._window[1]:
            return self._window
        qdoc = self._rendered.qdoc
        start = qdoc.findBlock(max(0, first - WINDOW_MARGIN)).position()  # ranges stay in one block
        return start, last + WINDOW_MARGIN

    def _follow_view(self) -> None:
        """Give Qt the keyed ranges around the text in view once it has scrolled (or been
        laid out again) beyond those it has (a hidden view waits for its first paint)."""
        if not self._keyed or self._rendered is None or not self.view.isVisible():
            return
        first, last = self._visible_positions()
        if self._window is None or not (self._window[0] <= first and last <= self._window[1]):
            self._rebuild_selections()
            # the note markers too: a first paint while Qt still lays the text out (the
            # window just shown) places them where it cannot see them
            self.view.viewport().update()

    # --- linked passages ----------------------------------------------------------------------
    def set_passages(self, passages: PassageSet, index: int | None = None, *, navigate: bool = True) -> None:
        self._passages = passages
        self._passage_index = passages.index_in(self.doc_id) if index is None else index
        self.passage_bar.show_set(passages, self._passage_index)
        if navigate and passages.passages:
            self.go_to_passage(self._passage_index)
        else:
            self._apply_passage_highlights()

    def update_passages(self, passages: PassageSet) -> None:
        """More passages arrived (related ones): keep the current one selected."""
        current = self.current_passage()
        self._passages = passages
        if current is not None and current in passages.passages:
            self._passage_index = passages.passages.index(current)
        self.passage_bar.show_set(passages, self._passage_index)
        self._apply_passage_highlights()

    def passages(self) -> PassageSet | None:
        return self._passages

    def current_passage(self) -> Passage | None:
        if self._passages and 0 <= self._passage_index < len(self._passages.passages):
            return self._passages.passages[self._passage_index]
        return None

    def go_to_passage(self, index: int) -> None:
        if not self._passages or not 0 <= index < len(self._passages.passages):
            return
        self._passage_index = index
        passage = self._passages.passages[index]
        self.passage_bar.set_index(index)
        self.show_document(passage.doc, passage.anchor)
        self._apply_passage_highlights()

    def next_passage(self) -> None:
        self.go_to_passage(self._passage_index + 1)

    def previous_passage(self) -> None:
        self.go_to_passage(self._passage_index - 1)

    def clear_passages(self) -> None:
        self._passages = None
        self.passage_bar.hide()
        self.clear_highlights("link")
        self.clear_highlights("focus")

    def _follow_passages_to(self, doc_id: str) -> None:
        """The passage bar follows a change of document: to the new document's first linked
        passage, or away (it would name a passage that is no longer shown)."""
        current = self.current_passage()
        if self._passages is None or (current is not None and current.doc == doc_id):
            return
        if self._passages.in_doc(doc_id):
            self._passage_index = self._passages.index_in(doc_id)
            self.passage_bar.show_set(self._passages, self._passage_index)
        else:
            self._passages = None
            self.passage_bar.hide()

    def _apply_passage_highlights(self) -> None:
        if self._passages is None:
            return
        here = self._passages.in_doc(self.doc_id)
        current = self.current_passage()
        self._highlights["link"] = [Highlight(p.anchor) for p in here]
        self._highlights["focus"] = (
            [Highlight(current.anchor)] if current is not None and current.doc == self.doc_id else []
        )
        self._positions.pop("link", None)
        self._positions.pop("focus", None)
        self._rebuild_selections()

    # --- find in pane -------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.show()
        self.find_bar.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_bar.edit.selectAll()

    def close_find(self) -> None:
        self.find_bar.hide()
        self._find_text = ""
        self._positions.pop("find", None)
        self._highlights.pop("find", None)
        self._rebuild_selections()
        self.view.setFocus()

    def _find_all(self, text: str) -> None:
        self._find_text = text
        self._refresh_find()
        if text:
            self.find_next(text, False, from_top=True)

    def _refresh_find(self) -> None:
        if self._rendered is None:
            return
        matches = self._find_positions(self._find_text)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(LAYER_COLORS[self._theme]["find"]))
        fmt.setForeground(QColor("#000000"))
        self._highlights.setdefault("find", [])
        self._positions["find"] = [(s, e, fmt) for s, e in matches]
        self.find_bar.set_status(len(matches), self._find_text)
        self._rebuild_selections()

    def _find_positions(self, text: str) -> list[tuple[int, int]]:
        if not text:
            return []
        qdoc, found, position = self._rendered.qdoc, [], 0
        while len(found) < MAX_FIND_MATCHES:
            cursor = qdoc.find(text, position)
            if cursor.isNull():
                break
            found.append((cursor.selectionStart(), cursor.selectionEnd()))
            position = cursor.selectionEnd()
        return found

    def find_next(self, text: str, backwards: bool = False, *, from_top: bool = False) -> bool:
        if not text or self._rendered is None:
            return False
        qdoc = self._rendered.qdoc
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        start = self.view.textCursor()
        if from_top:
            start = QTextCursor(qdoc)
        found = qdoc.find(text, start, flags)
        if found.isNull():  # wrap around
            wrap = QTextCursor(qdoc)
            if backwards:
                wrap.movePosition(QTextCursor.MoveOperation.End)
            found = qdoc.find(text, wrap, flags)
        if found.isNull():
            return False
        self._want_anchor = None
        self.view.setTextCursor(found)
        self.view.ensureCursorVisible()
        return True

    # --- links and footnotes ------------------------------------------------------------------
    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == NOTE_SCHEME:
            self.show_footnote(url.path())
        elif url.scheme() == LINK_SCHEME:
            self.linkOpened.emit(url.host(), url.path().lstrip("/"))

    def show_footnote(self, anchor: str) -> bool:
        """Pop up the text of footnote `anchor` next to its (first) mark."""
        if self._rendered is None or not self._rendered.doc.has(anchor):
            return False
        block = self._rendered.doc.block(anchor)
        mark = next((n for n in self._rendered.notes if n.target == anchor), None)
        cursor = QTextCursor(self._rendered.qdoc)
        cursor.setPosition(mark.position if mark else 0)
        rect = self.view.cursorRect(cursor)
        where = self.view.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 4))
        title = self.tr("Note %1").replace("%1", block.label or block.marker.lstrip("^"))
        self.popup.show_note(title, block.text, where)
        return True

    def note_marks(self) -> list[tuple[int, str]]:
        """(document position, footnote anchor) of every footnote mark."""
        return [(n.position, n.target) for n in self._rendered.notes] if self._rendered else []

    # --- selection, copying, context menu -----------------------------------------------------
    def selection_ranges(self) -> tuple[tuple[str, int, int], ...]:
        """The selection as (anchor, start, end) ranges of `Block.text`, one per block."""
        cursor = self.view.textCursor()
        if self._rendered is None or not cursor.hasSelection():
            return ()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        ranges = []
        for anchor, span in self._rendered.spans.items():
            if span.end <= start or span.start >= end:
                continue
            ranges.append(
                (
                    span.start,
                    anchor,
                    span.offset(max(start, span.text_start)),
                    span.offset(min(end, span.end)),
                )
            )
        return tuple((a, s, e) for _, a, s, e in sorted(ranges) if e > s)

    def clear_selection(self) -> None:
        cursor = self.view.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.view.setTextCursor(cursor)

    def anchor_at_cursor(self) -> str:
        """The block of the text cursor (the last click or selection) if it is in view,
        else the block at the top of the view."""
        if self._rendered is None:
            return ""
        cursor = self.view.textCursor()
        if cursor.position() or cursor.hasSelection():
            start = QTextCursor(cursor)
            start.setPosition(cursor.selectionStart())
            if self.view.viewport().rect().intersects(self.view.cursorRect(start)):
                span = self._rendered.span_at(start.position())
                if span is not None:
                    return span.anchor
        doc = self._rendered.doc
        return self.current_anchor() or (doc.blocks[0].anchor if doc.blocks else "")

    def set_caret_browsing(self, on: bool) -> None:
        """A movable text cursor, so text can be selected from the keyboard (Shift+arrows)."""
        flags = self.view.textInteractionFlags()
        keyboard = Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.view.setTextInteractionFlags(flags | keyboard if on else flags & ~keyboard)

    def selected_text_with_citation(self) -> str:
        text = self.view.textCursor().selectedText().replace("\u2029", "\n").strip()
        ranges = self.selection_ranges()
        if not text or not ranges or self._rendered is None:
            return text
        doc = self._rendered.doc
        first, last = doc.block(ranges[0][0]), doc.block(ranges[-1][0])
        citation = first.citation if first is last else f"{first.citation}—{last.citation}"
        return f"“{text}”\n——{citation}"

    def copy_with_citation(self) -> None:
        text = self.selected_text_with_citation()
        if text:
            QGuiApplication.clipboard().setText(text)

    def add_context_menu_provider(self, provider: ContextMenuProvider) -> None:
        self._providers.append(provider)

    def context_at(self, pos: QPoint) -> PaneContext:
        position = self.view.cursorForPosition(pos).position()
        span = self._rendered.span_at(position) if self._rendered else None
        return PaneContext(
            self,
            self.doc_id,
            span.anchor if span else "",
            span.offset(position) if span else 0,
            self.selection_ranges(),
            self.view.textCursor().selectedText().replace("\u2029", "\n"),
        )

    def build_context_menu(self, pos: QPoint) -> QMenu:
        menu = self.view.createStandardContextMenu(pos)
        menu.setParent(self, menu.windowFlags())
        first = menu.actions()[0] if menu.actions() else None
        copy_cited = menu.addAction(self.tr("Copy with citation"))
        copy_cited.setObjectName("copyWithCitation")
        copy_cited.setEnabled(self.view.textCursor().hasSelection())
        copy_cited.triggered.connect(self.copy_with_citation)
        if first is not None:
            menu.insertAction(first, copy_cited)
        goto = menu.addAction(self.tr("Go to paragraph…"))
        goto.triggered.connect(self.gotoRequested)
        context = self.context_at(pos)
        for provider in self._providers:
            provider(menu, context)
        return menu

    def _context_menu(self, pos: QPoint, global_pos: QPoint) -> None:
        menu = self.build_context_menu(pos)
        menu.exec(global_pos)
        menu.deleteLater()

    # --- appearance ---------------------------------------------------------------------------
    def apply_font(self, font: QFont) -> None:
        anchor = self.current_anchor()
        if self._rendered is not None:
            self._rendered.qdoc.setDefaultFont(font)
        self.view.fit_margins()  # the maximum line length is counted in characters
        self.scroll_to(anchor)

    def set_reading_width(self, reading: ReadingWidth) -> None:
        """Maximum line length, page margins and line spacing; the place is kept."""
        anchor = self.current_anchor()
        self.view.set_reading_width(reading)
        if self._rendered is not None:
            apply_line_spacing(self._rendered.qdoc, reading.line_spacing)
        self.scroll_to(anchor)

    def _name_view(self) -> None:
        title = f"《{self.document.info.short_title}》" if self.document else ""
        label = self.tr("Document text")
        self.view.setAccessibleName(f"{label} {title}".strip())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._name_view()
        super().changeEvent(event)

    def set_active(self, active: bool) -> None:
        self.setProperty("active", active)
        self.style().unpolish(self)
        self.style().polish(self)
