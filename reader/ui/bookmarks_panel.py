"""The bookmarks dock: named bookmarks on paragraphs, in folders ("a/b" nests)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import Bookmark
from ..core.corpus import Corpus
from .annotating import Annotator
from .escaping import plain_tip
from .icons import bind

BookmarkIdRole = Qt.ItemDataRole.UserRole + 1
FolderRole = Qt.ItemDataRole.UserRole + 2


def bookmark_order(corpus: Corpus, bookmark: Bookmark) -> tuple[int, int, str]:
    """Library order, then paragraph order (unknown places last)."""
    docs = [d.id for d in corpus]
    if bookmark.doc not in corpus:
        return (len(docs), 0, bookmark.name)
    doc = corpus.get(bookmark.doc)
    block = doc.index_of(bookmark.anchor) if doc.has(bookmark.anchor) else len(doc.blocks)
    return (docs.index(bookmark.doc), block, bookmark.name)


def build_bookmark_tree(
    model: QStandardItemModel, bookmarks: list[Bookmark], corpus: Corpus, missing: str
) -> list[QStandardItem]:
    """Folders (sorted, nested by "/") first, then bookmarks in document order.

    Built from the leaves up and handed to the model last: an item appended under an item
    the model already holds can lose its owner in the bindings and vanish. Returns every
    item made (keep them while the model shows them)."""
    model.clear()
    paths = sorted(
        {p for b in bookmarks if b.folder for p in _prefixes(b.folder)},
        key=lambda p: [part.casefold() for part in p.split("/")],
    )
    folders: dict[str, QStandardItem] = {}
    for path in paths:
        item = QStandardItem(path.rpartition("/")[2])
        item.setData(path, FolderRole)
        item.setEditable(False)
        item.setSelectable(False)
        item.setToolTip(plain_tip(path))
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        folders[path] = item
    top: list[QStandardItem] = []
    for path in paths:  # parents come before their subfolders: rows in sorted order
        parent = path.rpartition("/")[0]
        (folders[parent].appendRow if parent else top.append)(folders[path])
    items = list(folders.values())
    for bookmark in sorted(bookmarks, key=lambda b: bookmark_order(corpus, b)):
        place = ""
        if bookmark.doc in corpus and corpus.get(bookmark.doc).has(bookmark.anchor):
            place = corpus.get(bookmark.doc).block(bookmark.anchor).citation
        document = (
            f"《{corpus.get(bookmark.doc).info.short_title}》" if bookmark.doc in corpus else bookmark.doc
        )
        item = QStandardItem(f"{bookmark.name}  ·  {document}")  # which document it is in
        item.setData(bookmark.id, BookmarkIdRole)
        item.setEditable(False)
        item.setToolTip(
            plain_tip("\n".join(p for p in (bookmark.name, place or missing, bookmark.link) if p))
        )
        item.setData(f"{bookmark.name}. {place or missing}", Qt.ItemDataRole.AccessibleTextRole)
        (folders[bookmark.folder].appendRow if bookmark.folder else top.append)(item)
        items.append(item)
    for item in top:
        model.appendRow(item)
    return items


def _prefixes(folder: str) -> list[str]:
    """ "a/b/c" → ["a", "a/b", "a/b/c"]."""
    parts = folder.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]


class BookmarksPanel(QDockWidget):
    """Emits `openRequested(doc, anchor)` and `addRequested()`; edits and deletes through
    the annotator (undoable)."""

    openRequested = Signal(str, str)
    addRequested = Signal()

    def __init__(self, annotator: Annotator, corpus: Corpus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksDock")
        self.annotator, self._corpus = annotator, corpus
        self._items: list[QStandardItem] = []
        self._stale = False
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.status = QLabel(body)
        self.status.setObjectName("bookmarksStatus")
        self.status.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.view = QTreeView(body)
        self.view.setObjectName("bookmarksTree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.add_button = QToolButton(body)
        self.add_button.setObjectName("addBookmark")
        self.edit_button = QToolButton(body)
        self.edit_button.setObjectName("editBookmark")
        self.delete_button = QToolButton(body)
        self.delete_button.setObjectName("deleteBookmark")
        for button, icon in (
            (self.add_button, "bookmark"),
            (self.edit_button, "edit"),
            (self.delete_button, "delete"),
        ):
            bind(button, icon)
            button.setAutoRaise(True)
            button.setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonTextBesideIcon
                if icon == "bookmark"
                else Qt.ToolButtonStyle.ToolButtonIconOnly
            )
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        for key, slot in (("F2", self.edit_current), (QKeySequence.StandardKey.Delete, self.delete_selected)):
            action = QAction(self.view)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.view.addAction(action)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button.clicked.connect(self.addRequested)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_selected)
        annotator.changed.connect(self._maybe_refresh)
        self.visibilityChanged.connect(lambda visible: visible and self._stale and self.refresh())
        self.retranslate()

    def set_corpus(self, corpus: Corpus) -> None:
        self._corpus = corpus
        self.refresh()

    def _maybe_refresh(self, changes, _docs) -> None:
        if not changes or any(isinstance(c.item, Bookmark) for c in changes):
            if not self.visibleRegion().isEmpty():  # not a tab in the background
                self.refresh()
            else:
                self._stale = True

    def refresh(self) -> None:
        self._stale = False
        current = self.view.currentIndex().data(BookmarkIdRole)
        bookmarks = list(self.annotator.store.bookmarks)
        self._items = build_bookmark_tree(
            self.model, bookmarks, self._corpus, self.tr("(paragraph not found)")
        )
        self.view.expandAll()
        if current:
            index = self.index_of(current)
            if index.isValid():
                self.view.setCurrentIndex(index)
        if bookmarks:
            self.status.setText(self.tr("%n bookmark(s)", "", len(bookmarks)))
        else:
            self.status.setText(
                self.tr("No bookmarks yet. Press Ctrl+D to bookmark the paragraph you are reading.")
            )
        self._update_buttons()

    def index_of(self, bookmark_id: str) -> QModelIndex:
        found = self.model.match(
            self.model.index(0, 0),
            BookmarkIdRole,
            bookmark_id,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return found[0] if found else QModelIndex()

    def selected_ids(self) -> list[str]:
        ids = [i.data(BookmarkIdRole) for i in self.view.selectionModel().selectedIndexes()]
        if not ids and self.view.currentIndex().data(BookmarkIdRole):
            ids = [self.view.currentIndex().data(BookmarkIdRole)]
        return [i for i in ids if i]

    def _update_buttons(self) -> None:
        selected = bool(self.selected_ids())
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _open(self, index: QModelIndex) -> None:
        bookmark = self.annotator.store.bookmark(index.data(BookmarkIdRole) or "")
        if bookmark is not None:
            self.openRequested.emit(bookmark.doc, bookmark.anchor)

    def edit_current(self) -> None:
        bookmark_id = self.view.currentIndex().data(BookmarkIdRole)
        if bookmark_id:
            self.annotator.edit_bookmark(bookmark_id)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.annotator.delete_bookmarks(ids)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        bookmark = self.annotator.store.bookmark(index.data(BookmarkIdRole) or "")
        if bookmark is None:
            return
        menu = QMenu(self)
        menu.addAction(
            self.tr("&Go to paragraph"), lambda: self.openRequested.emit(bookmark.doc, bookmark.anchor)
        )
        menu.addAction(self.tr("&Rename or move…"), lambda: self.annotator.edit_bookmark(bookmark.id))
        menu.addAction(self.tr("Copy &link"), lambda: QGuiApplication.clipboard().setText(bookmark.link))
        menu.addSeparator()
        menu.addAction(self.tr("&Delete"), self.delete_selected)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Bookmarks"))
        self.view.setAccessibleName(self.tr("Bookmarks by folder"))
        for button, text, tip in (
            (self.add_button, self.tr("Add…"), self.tr("Bookmark the paragraph you are reading (Ctrl+D)")),
            (self.edit_button, self.tr("Edit…"), self.tr("Rename the bookmark or move it to a folder (F2)")),
            (self.delete_button, self.tr("Delete"), self.tr("Delete the selected bookmarks (Del)")),
        ):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text.rstrip("…"))
            button.setAccessibleDescription(tip)
        self.refresh()
