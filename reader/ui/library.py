"""The library dock: bundled and imported documents; open, open beside, import, remove."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QInputDialog,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.corpus import Corpus
from ..core.model import Document
from .compare_menu import add_compare_entries, family_order
from .escaping import plain_tip
from .icons import bind

DocRole = Qt.ItemDataRole.UserRole + 1


def document_tooltip(doc: Document) -> str:
    info = doc.info
    parts = [info.title, info.symbol, info.date, info.kind]
    return "\n".join(p for p in parts if p)


class LibraryDock(QDockWidget):
    openRequested = Signal(str, bool)  # doc id, in a new pane
    importRequested = Signal()
    removeRequested = Signal(str)
    compareRequested = Signal(str, str)  # older draft, newer draft
    revisionRequested = Signal(str, str)  # document, the document it revises ("" = none)

    def __init__(self, corpus: Corpus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 4)
        self.model = QStandardItemModel(self)
        self.view = QTreeView(body)
        self.view.setObjectName("libraryTree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.import_button = QPushButton(body)
        self.import_button.setObjectName("importButton")
        bind(self.import_button, "import")
        layout.addWidget(self.view, 1)
        layout.addWidget(self.import_button)
        self.setWidget(body)
        self.view.activated.connect(self._activated)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.import_button.clicked.connect(self.importRequested)
        self._corpus = corpus
        self.retranslate()

    def set_corpus(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self._fill()

    def _fill(self) -> None:
        self.model.clear()
        groups = [
            (self.tr("Bundled documents"), [d for d in self._corpus if d.info.bundled]),
            (self.tr("Imported documents"), [d for d in self._corpus if not d.info.bundled]),
        ]
        for title, docs in groups:
            if not docs:
                continue
            group = QStandardItem(title)
            group.setSelectable(False)
            group.setEditable(False)
            for doc, version in family_order(self._corpus, docs):
                item = QStandardItem(
                    f"《{doc.info.short_title}》"
                    + ("  " + self.tr("draft %1").replace("%1", str(version)) if version else "")
                )
                item.setData(doc.id, DocRole)
                item.setToolTip(plain_tip(document_tooltip(doc)))
                item.setEditable(False)
                group.appendRow(item)
            self.model.appendRow(group)
        self.view.expandAll()

    def _activated(self, index: QModelIndex) -> None:
        doc_id = index.data(DocRole)
        if doc_id:
            self.openRequested.emit(doc_id, False)

    def build_menu(self, doc_id: str) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.openRequested.emit(doc_id, False))
        menu.addAction(self.tr("Open in a new pane"), lambda: self.openRequested.emit(doc_id, True))
        if doc_id in self._corpus:
            add_compare_entries(menu, self._corpus, doc_id, self.compareRequested.emit)
        if doc_id in self._corpus:
            self._add_revision_entries(menu, doc_id)
        if doc_id in self._corpus and not self._corpus.get(doc_id).info.bundled:
            menu.addSeparator()
            menu.addAction(self.tr("Remove from library"), lambda: self.removeRequested.emit(doc_id))
        return menu

    def _add_revision_entries(self, menu: QMenu, doc_id: str) -> None:
        """Mark as a revision of… / Not a revision: imported documents only (the bundled
        ones' manifest is read-only)."""
        info = self._corpus.get(doc_id).info
        menu.addSeparator()
        mark = menu.addAction(self.tr("Mark as a revision of…"), lambda: self._ask_and_mark(doc_id))
        unmark = menu.addAction(self.tr("Not a revision"), lambda: self.revisionRequested.emit(doc_id, ""))
        mark.setEnabled(not info.bundled and len(self._corpus) > 1)
        unmark.setEnabled(not info.bundled and bool(info.revision_of))
        if info.bundled:
            mark.setStatusTip(self.tr("Bundled documents cannot be marked as revisions"))

    def _ask_and_mark(self, doc_id: str) -> None:
        target = self.ask_revision_of(doc_id)
        if target and target != doc_id:
            self.revisionRequested.emit(doc_id, target)

    def ask_revision_of(self, doc_id: str) -> str | None:
        """Ask which document `doc_id` revises (tests replace this)."""
        choices = [d for d in self._corpus if d.id != doc_id]
        labels = [f"《{d.info.short_title}》 {d.info.title}" for d in choices]
        current = self._corpus.get(doc_id).info.revision_of
        start = next((i for i, d in enumerate(choices) if d.id == current), 0)
        label, accepted = QInputDialog.getItem(
            self,
            self.tr("Mark as a revision"),
            self.tr("《%1》 is a revision of:").replace("%1", self._corpus.get(doc_id).info.short_title),
            labels,
            start,
            False,
        )
        return choices[labels.index(label)].id if accepted and label in labels else None

    def _context_menu(self, pos: QPoint) -> None:
        doc_id = self.view.indexAt(pos).data(DocRole)
        if doc_id:
            menu = self.build_menu(doc_id)
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Library"))
        self.view.setAccessibleName(self.tr("Documents in the library"))
        self.import_button.setText(self.tr("Import document…"))
        self.import_button.setAccessibleName(self.tr("Import a document"))
        self._fill()
