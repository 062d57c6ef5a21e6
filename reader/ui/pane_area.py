"""The central area: document panes side by side in a splitter.

The panes share the width evenly unless the user dragged a handle (then those ratios are
kept as the window is resized). A pane never gets less than `min_column` pixels: when the
area cannot give every pane that much, the last panes are stacked as tabs in one column
instead of crushing the text to a few characters per line.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from .document_pane import DocumentPane
from .escaping import plain_tip
from .rendering import DocumentCache

MAX_PANES = 4
DEFAULT_MIN_COLUMN = 420  # px; the window sets the real value from the reading font
CRUSHED_WIDTH = 160  # px: what a column may be squeezed to while the window is resized


class PaneArea(QSplitter):
    """Owns the panes; tells the window when one is added, removed or becomes current."""

    paneAdded = Signal(object)
    paneRemoved = Signal(object)
    currentChanged = Signal(object)

    def __init__(self, cache: DocumentCache, theme: str, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("paneArea")
        self.setChildrenCollapsible(False)
        self.setHandleWidth(8)
        self.cache, self.theme = cache, theme
        self.panes: list[DocumentPane] = []
        self.current: DocumentPane | None = None
        self.min_column = DEFAULT_MIN_COLUMN
        self.stack = QTabWidget(self)  # the panes that do not fit side by side
        self.stack.setObjectName("paneStack")
        self.stack.setDocumentMode(True)
        self.stack.hide()
        self.stack.currentChanged.connect(self._stack_tab_chosen)
        self._columns = 0
        self._recent: list[DocumentPane] = []  # most recently current first
        self._ratios: list[float] = []  # of each column's width; empty: share evenly
        self.splitterMoved.connect(self._remember_ratios)

    def add_pane(self, doc_id: str = "", anchor: str = "") -> DocumentPane | None:
        if len(self.panes) >= MAX_PANES:
            return None
        pane = DocumentPane(self.cache, self.theme, self)
        pane.setMinimumWidth(CRUSHED_WIDTH)
        self.panes.append(pane)
        self.addWidget(pane)
        pane.documentChanged.connect(lambda _doc, p=pane: self._retitle(p))
        pane.activated.connect(lambda p=pane: self.set_current(p))
        pane.closeRequested.connect(lambda p=pane: self.close_pane(p))
        pane.swapRequested.connect(lambda p=pane: self.swap(p))
        self.paneAdded.emit(pane)
        if doc_id:
            pane.show_document(doc_id, anchor, record=False)
        self._ratios = []
        self.arrange(force=True)
        if self.current is None:
            self.set_current(pane)
        return pane

    def close_pane(self, pane: DocumentPane) -> bool:
        """Close a pane; the last one stays."""
        if len(self.panes) <= 1 or pane not in self.panes:
            return False
        self.panes.remove(pane)
        self._recent = [p for p in self._recent if p is not pane]
        if self.stack.indexOf(pane) >= 0:
            self.stack.removeTab(self.stack.indexOf(pane))
        pane.release()
        pane.hide()
        pane.setParent(None)
        self.paneRemoved.emit(pane)
        pane.deleteLater()
        if self.current is pane:
            self.set_current(self.panes[0])
        self._ratios = []
        self.arrange(force=True)
        return True

    def swap(self, pane: DocumentPane) -> None:
        """Swap a pane with the next one (the last with the first)."""
        if len(self.panes) < 2 or pane not in self.panes:
            return
        i = self.panes.index(pane)
        j = (i + 1) % len(self.panes)
        self.panes[i], self.panes[j] = self.panes[j], self.panes[i]
        self.arrange(force=True)

    def set_current(self, pane: DocumentPane) -> None:
        if pane is self.current or pane not in self.panes:
            return
        self.current = pane
        self._recent = [pane, *(p for p in self._recent if p is not pane)]
        for p in self.panes:
            p.set_active(p is pane)
        if self.stack.indexOf(pane) >= 0:
            self.stack.setCurrentWidget(pane)
        self.currentChanged.emit(pane)

    def pane_by_uid(self, uid: int) -> DocumentPane | None:
        return next((p for p in self.panes if p.uid == uid), None)

    def pane_showing(self, doc_id: str, exclude: DocumentPane | None = None) -> DocumentPane | None:
        return next((p for p in self.panes if p.doc_id == doc_id and p is not exclude), None)

    def pane_for(self, doc_id: str, keep: str = "") -> DocumentPane | None:
        """Where to open `doc_id`: the pane already showing it; otherwise the most recently
        used pane not showing `keep` (the Compact), so it is not replaced while another
        pane is available; the current pane as the last resort."""
        showing = self.pane_showing(doc_id)
        if showing is not None:
            return showing
        recent = [*self._recent, *(p for p in self.panes if p not in self._recent)]
        return next(
            (p for p in recent if p.doc_id != keep or not keep),
            self.current or (self.panes[0] if self.panes else None),
        )

    def other_panes(self, pane: DocumentPane) -> list[DocumentPane]:
        return [p for p in self.panes if p is not pane]

    def next_pane(self, pane: DocumentPane) -> DocumentPane | None:
        others = self.other_panes(pane)
        if not others:
            return None
        i = self.panes.index(pane)
        return self.panes[(i + 1) % len(self.panes)]

    def equalize(self) -> None:
        """Share the width evenly between the columns (forgetting ratios the user set)."""
        self._ratios = []
        self._apply_ratios()

    def restore_sizes(self, state: QByteArray) -> None:
        if state and not state.isEmpty() and self.restoreState(state):
            self._remember_ratios()

    # --- columns ------------------------------------------------------------------------------
    def set_min_column(self, width: int) -> None:
        if width != self.min_column:
            self.min_column = width
            self.arrange()

    def columns_that_fit(self, width: int | None = None) -> int:
        """How many columns of at least `min_column` px fit in `width` (this area's width)."""
        width = self.width() if width is None else width
        handle = self.handleWidth()
        return max(1, (width + handle) // (self.min_column + handle))

    def column_count(self) -> int:
        return self._columns

    def is_stacked(self, pane: DocumentPane) -> bool:
        return self.stack.indexOf(pane) >= 0

    def arrange(self, *, force: bool = False) -> None:
        """Side by side as many panes as fit; the rest as tabs in the last column."""
        columns = min(len(self.panes), self.columns_that_fit()) if self.panes else 0
        if columns == self._columns and not force:
            return
        if columns != self._columns:
            self._ratios = []
        self._columns = columns
        side_by_side = self.panes if columns >= len(self.panes) else self.panes[: columns - 1]
        stacked = self.panes[len(side_by_side) :]
        self.stack.blockSignals(True)
        while self.stack.count():
            self.stack.removeTab(0)
        for position, pane in enumerate(side_by_side):
            self.insertWidget(position, pane)
            pane.show()
        for pane in stacked:
            self.stack.addTab(pane, "")
            self._retitle(pane)
            pane.show()
        if self.current in stacked:
            self.stack.setCurrentWidget(self.current)
        self.stack.blockSignals(False)
        self.insertWidget(len(side_by_side), self.stack)
        self.stack.setVisible(bool(stacked))
        self._apply_ratios()

    def _columns_widgets(self) -> list[QWidget]:
        return [self.widget(i) for i in range(self.count()) if not self.widget(i).isHidden()]

    def _apply_ratios(self) -> None:
        columns = self._columns_widgets()
        if not columns:
            return
        total = sum(self.sizes()) or self.width()
        ratios = self._ratios if len(self._ratios) == len(columns) else [1 / len(columns)] * len(columns)
        sizes = iter(int(total * r) for r in ratios)
        self.setSizes([next(sizes) if not self.widget(i).isHidden() else 0 for i in range(self.count())])

    def _remember_ratios(self, *_args: object) -> None:
        sizes = [size for i, size in enumerate(self.sizes()) if not self.widget(i).isHidden()]
        total = sum(sizes)
        if total > 0:
            self._ratios = [size / total for size in sizes]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.columns_that_fit() != self._columns:
            QTimer.singleShot(0, self, self.arrange)  # not while Qt lays the splitter out
        else:
            self._apply_ratios()

    def _retitle(self, pane: DocumentPane) -> None:
        index = self.stack.indexOf(pane)
        if index >= 0 and pane.document is not None:
            self.stack.setTabText(index, f"《{pane.document.info.short_title}》")
            self.stack.setTabToolTip(index, plain_tip(pane.document.info.title))

    def _stack_tab_chosen(self, index: int) -> None:
        pane = self.stack.widget(index)
        if isinstance(pane, DocumentPane):
            self.set_current(pane)
