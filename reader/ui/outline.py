"""The outline dock: headings and numbered paragraphs of the current pane's document."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QTreeView, QWidget

from ..core.model import Block, BlockKind, Document
from .escaping import plain_tip

AnchorRole = Qt.ItemDataRole.UserRole + 1
PARAGRAPH_PREVIEW = 18


def block_label(block: Block) -> str:
    if block.kind is BlockKind.HEADING:
        marker = block.shown_marker
        gap = "" if not marker or not block.text or marker[-1] in "：:、" else " "
        return f"{marker}{gap}{block.text}".strip()
    preview = block.text[:PARAGRAPH_PREVIEW] + ("…" if len(block.text) > PARAGRAPH_PREVIEW else "")
    return f"{block.shown_marker or block.label} {preview}".strip()


def build_outline(doc: Document, model: QStandardItemModel) -> dict[str, QStandardItem]:
    """Fill `model` with the document's headings (nested by level) and numbered paragraphs."""
    model.clear()
    items: dict[str, QStandardItem] = {}
    stack: list[tuple[int, QStandardItem]] = []
    root = model.invisibleRootItem()
    for block in doc.blocks:
        if block.role:
            continue  # cover metadata and a repeated title are not headings
        if block.kind is BlockKind.HEADING:
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            parent = stack[-1][1] if stack else root
            item = _item(block)
            parent.appendRow(item)
            stack.append((block.level, item))
        elif block.kind is BlockKind.PARAGRAPH and block.label:
            item = _item(block)
            (stack[-1][1] if stack else root).appendRow(item)
        else:
            continue
        items[block.anchor] = item
    return items


def _item(block: Block) -> QStandardItem:
    item = QStandardItem(block_label(block))
    item.setData(block.anchor, AnchorRole)
    item.setToolTip(plain_tip(block.citation or block.text))
    item.setEditable(False)
    if block.kind is BlockKind.HEADING:
        font = item.font()
        font.setBold(block.level <= 1)
        item.setFont(font)
    return item


class OutlineDock(QDockWidget):
    """Emits `anchorActivated(anchor)`; follows the current pane with `show_position`."""

    anchorActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlineDock")
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("outlineTree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWidget(self.view)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        self._doc: Document | None = None
        self._items: dict[str, QStandardItem] = {}
        self.retranslate()

    @property
    def doc_id(self) -> str:
        return self._doc.id if self._doc else ""

    def show_document(self, doc: Document | None) -> None:
        if doc is self._doc:
            return
        self._doc = doc
        if doc is None:
            self.model.clear()
            self._items = {}
            return
        self._items = build_outline(doc, self.model)
        for row in range(self.model.rowCount()):
            self.view.expand(self.model.index(row, 0))

    def show_position(self, anchor: str) -> None:
        """Select the outline entry at or before `anchor` (the reader's place)."""
        if self._doc is None or not anchor or not self._doc.has(anchor):
            return
        blocks = self._doc.blocks
        for i in range(self._doc.index_of(anchor), -1, -1):
            item = self._items.get(blocks[i].anchor)
            if item is not None:
                index = item.index()
                self.view.selectionModel().setCurrentIndex(
                    index, self.view.selectionModel().SelectionFlag.ClearAndSelect
                )
                self.view.scrollTo(index)
                return

    def _activated(self, index: QModelIndex) -> None:
        anchor = index.data(AnchorRole)
        if anchor:
            self.anchorActivated.emit(anchor)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Outline"))
        self.view.setAccessibleName(self.tr("Outline of the current document"))
