"""The central area: document panes side by side in a splitter."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtWidgets import QSplitter, QWidget

from .document_pane import DocumentPane
from .rendering import DocumentCache

MAX_PANES = 4


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

    def add_pane(self, doc_id: str = "", anchor: str = "") -> DocumentPane | None:
        if len(self.panes) >= MAX_PANES:
            return None
        pane = DocumentPane(self.cache, self.theme, self)
        self.panes.append(pane)
        self.addWidget(pane)
        pane.activated.connect(lambda p=pane: self.set_current(p))
        pane.closeRequested.connect(lambda p=pane: self.close_pane(p))
        pane.swapRequested.connect(lambda p=pane: self.swap(p))
        self.paneAdded.emit(pane)
        if doc_id:
            pane.show_document(doc_id, anchor, record=False)
        self.equalize()
        if self.current is None:
            self.set_current(pane)
        return pane

    def close_pane(self, pane: DocumentPane) -> bool:
        """Close a pane; the last one stays."""
        if len(self.panes) <= 1 or pane not in self.panes:
            return False
        self.panes.remove(pane)
        pane.release()
        pane.hide()
        pane.setParent(None)
        self.paneRemoved.emit(pane)
        pane.deleteLater()
        if self.current is pane:
            self.set_current(self.panes[0])
        self.equalize()
        return True

    def swap(self, pane: DocumentPane) -> None:
        """Swap a pane with the next one (the last with the first)."""
        if len(self.panes) < 2 or pane not in self.panes:
            return
        i = self.panes.index(pane)
        j = (i + 1) % len(self.panes)
        sizes = self.sizes()
        self.panes[i], self.panes[j] = self.panes[j], self.panes[i]
        for position, p in enumerate(self.panes):
            self.insertWidget(position, p)
        self.setSizes(sizes)

    def set_current(self, pane: DocumentPane) -> None:
        if pane is self.current or pane not in self.panes:
            return
        self.current = pane
        for p in self.panes:
            p.set_active(p is pane)
        self.currentChanged.emit(pane)

    def pane_by_uid(self, uid: int) -> DocumentPane | None:
        return next((p for p in self.panes if p.uid == uid), None)

    def pane_showing(self, doc_id: str, exclude: DocumentPane | None = None) -> DocumentPane | None:
        return next((p for p in self.panes if p.doc_id == doc_id and p is not exclude), None)

    def other_panes(self, pane: DocumentPane) -> list[DocumentPane]:
        return [p for p in self.panes if p is not pane]

    def next_pane(self, pane: DocumentPane) -> DocumentPane | None:
        others = self.other_panes(pane)
        if not others:
            return None
        i = self.panes.index(pane)
        return self.panes[(i + 1) % len(self.panes)]

    def equalize(self) -> None:
        total = sum(self.sizes()) or self.width()
        if self.panes:
            self.setSizes([total // len(self.panes)] * len(self.panes))

    def restore_sizes(self, state: QByteArray) -> None:
        if state and not state.isEmpty():
            self.restoreState(state)
