"""The search dock: query box, filters, results grouped by document with snippets
(and, last, the passages that hold only some of the query's words).

Searching happens in the background worker under the key "search": typing debounces
for a moment, then submits; an answer to an older query is dropped by the worker.
The panel holds no search logic: it calls `SearchService.search` and shows the
`SearchResults` it returns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .escaping import plain_tip
from .grouped_model import GroupedItemModel, Index, is_group
from .services import Services
from .state import INDEX_BUILDING, INDEX_FAILED, INDEX_READY, INDEX_UNAVAILABLE, AppState
from .workers import Worker

DEBOUNCE_MS = 250
PAGE_SIZE = 50
SNIPPET_BEFORE, SNIPPET_LENGTH = 22, 96
HitRole = Qt.ItemDataRole.UserRole + 1
DocRole = Qt.ItemDataRole.UserRole + 2
SnippetRole = Qt.ItemDataRole.UserRole + 3
PartialRole = Qt.ItemDataRole.UserRole + 4  # True on the group of passages with some of the words


def make_snippet(text: str, highlights: tuple[tuple[int, int], ...]) -> tuple[str, list[tuple[int, int]]]:
    """A short window of `text` around its first highlight, with the highlights moved into it."""
    first = min((s for s, _ in highlights), default=0)
    start = max(0, first - SNIPPET_BEFORE)
    end = min(len(text), start + SNIPPET_LENGTH)
    prefix = "…" if start > 0 else ""
    snippet = prefix + text[start:end] + ("…" if end < len(text) else "")
    shift = len(prefix) - start
    ranges = [(max(s, start) + shift, min(e, end) + shift) for s, e in highlights if e > start and s < end]
    return snippet, ranges


@dataclass
class _Group:
    doc: str  # "" for the passages with only some of the words
    title: str
    count: int
    hits: list[Any]

    @property
    def partial(self) -> bool:
        return not self.doc


class SearchResultsModel(GroupedItemModel):
    """Documents (with their number of hits) → hits; then, as one last group, the
    passages holding only some of the query's words (`Hit.partial`), if any."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self.results: Any = None

    def set_results(self, results: Any, titles: dict[str, str], *, append: bool = False) -> None:
        self.beginResetModel()
        groups = self._groups if append else []
        self.results = results
        by_doc = {g.doc: g for g in groups}
        for hit in results.hits:
            key = "" if hit.partial else hit.doc
            group = by_doc.get(key)
            if group is None:
                group = _Group(key, titles.get(key, key), results.by_doc.get(key, 0), [])
                by_doc[key] = group
                groups.append(group)
            group.hits.append(hit)
        partial = by_doc.get("")
        if partial is not None:
            partial.count = max(results.partial_total, len(partial.hits))
        self._groups = [g for g in groups if not g.partial] + ([partial] if partial else [])
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._groups = []
        self.results = None
        self.endResetModel()

    def hit_count(self) -> int:
        return sum(len(g.hits) for g in self._groups)

    def hits_in(self, doc_id: str) -> list[Any]:
        """The hits shown for a document, partial ones included (to highlight in its pane)."""
        return [h for g in self._groups if g.doc in (doc_id, "") for h in g.hits if h.doc == doc_id]

    def hit_indexes(self) -> list[QModelIndex]:
        return [
            self.index(r, 0, self.index(g, 0))
            for g in range(len(self._groups))
            for r in range(len(self._groups[g].hits))
        ]

    # --- QAbstractItemModel -------------------------------------------------------------------
    def group_count(self) -> int:
        return len(self._groups)

    def item_count(self, group: int) -> int:
        return len(self._groups[group].hits)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if is_group(index):
            return self._group_data(self._groups[index.row()], role)
        hit = self._groups[self.group_row(index)].hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.citation or hit.anchor
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(hit.text)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return hit.text
        if role == HitRole:
            return hit
        if role == DocRole:
            return hit.doc
        if role == SnippetRole:
            return make_snippet(hit.text, tuple(hit.highlights))
        return None

    def _group_data(self, group: _Group, role: int) -> Any:
        if group.partial:
            return self._partial_group_data(group, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"《{group.title}》  {group.count}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%n result(s) in this document", "", group.count)
        if role == DocRole:
            return group.doc
        return None

    def _partial_group_data(self, group: _Group, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            title = self.tr("Passages with some of the words")
            return f"{title}  {group.count}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "%n passage(s) holding only some of the query's words; they are not "
                "counted among the results",
                "",
                group.count,
            )
        if role == PartialRole:
            return True
        return None


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as its citation over a two-line snippet with the matches highlighted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.match_color = QColor("#ffd84d")

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if is_group(index):
            return QSize(size.width(), size.height() + 6)
        line = option.fontMetrics.lineSpacing()
        return QSize(size.width(), line * 3 + 12)

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if is_group(index):
            option.font.setBold(True)
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, text, index.data(SnippetRole))
        painter.save()
        rect = option.rect.adjusted(4, 4, -4, -4)
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), self._whole_lines(document, rect.height())))
        context = QAbstractTextDocumentLayout.PaintContext()
        # the style sheet gives selected rows a light tint, so the text keeps its colour
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.Text))
        document.documentLayout().draw(painter, context)
        painter.restore()

    @staticmethod
    def _whole_lines(document: QTextDocument, height: float) -> float:
        """The height of the lines that fit entirely, so no line shows half cut."""
        bottom, block = 0.0, document.begin()
        while block.isValid():
            top = document.documentLayout().blockBoundingRect(block).top()
            layout = block.layout()
            for i in range(layout.lineCount()):
                line_bottom = top + layout.lineAt(i).y() + layout.lineAt(i).height()
                if line_bottom <= height:
                    bottom = line_bottom
            block = block.next()
        return bottom

    def _document(self, option: QStyleOptionViewItem, citation: str, snippet) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setTextWidth(max(40, option.rect.width() - 8))
        cursor = QTextCursor(document)
        muted = QTextCharFormat()
        muted.setForeground(option.palette.color(QPalette.ColorRole.PlaceholderText))
        cursor.insertText(citation + "\n", muted)
        text, ranges = snippet or ("", [])
        plain, mark = QTextCharFormat(), QTextCharFormat()
        mark.setBackground(self.match_color)
        mark.setForeground(QColor("#000000"))
        position = 0
        for start, end in ranges:
            cursor.insertText(text[position:start], plain)
            cursor.insertText(text[start:end], mark)
            position = end
        cursor.insertText(text[position:], plain)
        return document


class SearchPanel(QDockWidget):
    """Emits `hitActivated(hit)` when the user opens a result."""

    hitActivated = Signal(object)
    resultsShown = Signal(object)  # SearchResults, after they are displayed

    def __init__(
        self, services: Services, state: AppState, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchDock")
        self.services, self.state, self.worker = services, state, worker
        self._pending = False
        self._offset = 0
        self._open_first = False  # Enter was pressed before the results came
        self._shown_query = self._submitted_query = ""
        self._build()
        self._connect()
        self.retranslate()

    # --- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.query = QLineEdit(body)
        self.query.setObjectName("searchQuery")
        self.query.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        self.doc_filter = QComboBox(body)
        self.doc_filter.setObjectName("searchDocFilter")
        self.objective_filter = QComboBox(body)
        self.objective_filter.setObjectName("searchObjectiveFilter")
        for combo in (self.doc_filter, self.objective_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            filters.addWidget(combo, 1)
        self.status = QLabel(body)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        self.model = SearchResultsModel(self)
        self.view = QTreeView(body)
        self.view.setObjectName("searchResults")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setItemDelegate(HitDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.more = QPushButton(body)
        self.more.setObjectName("moreResults")
        self.more.hide()
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.more)
        self.setWidget(body)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._fill_filters()

    def _connect(self) -> None:
        self.query.textChanged.connect(lambda _text: self._debounce.start())
        self.query.returnPressed.connect(self._enter_pressed)
        self.query.installEventFilter(self)
        self._debounce.timeout.connect(self.search_now)
        self.doc_filter.activated.connect(lambda _i: self.search_now())
        self.objective_filter.activated.connect(lambda _i: self.search_now())
        self.view.activated.connect(self._open_index)
        self.view.clicked.connect(self._open_index)
        self.more.clicked.connect(self.load_more)
        self.state.indexStatusChanged.connect(self._index_status)
        self.state.indexProgress.connect(lambda _d, _t: self._show_index_status())

    def _fill_filters(self) -> None:
        doc = self.doc_filter.currentData()
        objective = self.objective_filter.currentData()
        self.doc_filter.clear()
        self.doc_filter.addItem(self.tr("All documents"), "")
        for d in self.services.corpus:
            self.doc_filter.addItem(f"《{d.info.short_title}》", d.id)
        self.objective_filter.clear()
        self.objective_filter.addItem(self.tr("All objectives"), 0)
        for o in self.services.objectives:
            self.objective_filter.addItem(self.tr("Objective %1").replace("%1", str(o.number)), o.number)
            self.objective_filter.setItemData(
                self.objective_filter.count() - 1, plain_tip(o.title), Qt.ItemDataRole.ToolTipRole
            )
        self.doc_filter.setCurrentIndex(max(0, self.doc_filter.findData(doc or "")))
        self.objective_filter.setCurrentIndex(max(0, self.objective_filter.findData(objective or 0)))

    def set_services(self, services: Services) -> None:
        self.services = services
        self._fill_filters()
        self.model.clear()
        self.search_now()

    # --- searching ----------------------------------------------------------------------------
    def filters(self) -> dict[str, Any]:
        return {
            "doc": self.doc_filter.currentData() or None,
            "objective": self.objective_filter.currentData() or None,
        }

    def set_query(self, text: str, *, immediately: bool = True) -> None:
        """Set the query as if typed (and search at once unless told otherwise)."""
        self.query.setText(text)
        if immediately:
            self.search_now()

    def search_now(self, *, offset: int = 0) -> None:
        self._debounce.stop()
        query = self.query.text().strip()
        if not query:
            self.worker.cancel("search")
            self.model.clear()
            self.more.hide()
            self._show_index_status()
            return
        if self.services.search is None or self.state.index_status != INDEX_READY:
            self._pending = True
            self._show_index_status()
            return
        self._pending = False
        self._offset = offset
        self._submitted_query = query
        service, filters = self.services.search, self.filters()
        self.worker.submit(
            "search",
            lambda: service.search(query, limit=PAGE_SIZE, offset=offset, **filters),
            on_result=lambda r: self._show_results(r, append=offset > 0),
            on_error=self._search_failed,
        )
        if offset == 0:
            self.status.setText(self.tr("Searching…"))

    def load_more(self) -> None:
        self.search_now(offset=self._offset + PAGE_SIZE)

    def _show_results(self, results: Any, *, append: bool) -> None:
        titles = {d.id: d.info.short_title for d in self.services.corpus}
        self.model.set_results(results, titles, append=append)
        self.view.expandAll()
        docs = len(results.by_doc)
        if results.total:
            text = (
                self.tr("%1 results in %2 documents")
                .replace("%1", str(results.total))
                .replace("%2", str(docs))
            )
        else:
            text = self.tr("No results for “%1”").replace("%1", results.query)
        lines = [text, *results.warnings]
        if results.partial_total:
            lines.insert(1, self.tr("%n passage(s) hold only some of the words", "", results.partial_total))
        self.status.setText("\n".join(lines))
        self._shown_query = self._submitted_query
        hidden = results.total + results.partial_total - self.model.hit_count()
        self.more.setVisible(hidden > 0)
        self.more.setText(self.tr("Show more (%1 not shown)").replace("%1", str(hidden)))
        self.resultsShown.emit(results)
        if self._open_first and not append:
            self._open_first = False
            self.open_selected()

    def _search_failed(self, exc: BaseException) -> None:
        if type(exc).__name__ == "IndexBusyError":
            self._pending = True
            self.status.setText(self.tr("The search index is busy; searching again when it is ready."))
            return
        self.model.clear()
        self.more.hide()
        self.status.setText(self.tr("Cannot search: %1").replace("%1", str(exc)))
        self.resultsShown.emit(None)

    def _index_status(self, status: str) -> None:
        if status == INDEX_READY and (self._pending or self.query.text().strip()):
            self.search_now()
        else:
            self._show_index_status()

    def _show_index_status(self) -> None:
        status = self.state.index_status
        if self.services.search is None or status == INDEX_UNAVAILABLE:
            self.status.setText(self.tr("Search is not available in this installation."))
        elif status == INDEX_BUILDING:
            self.status.setText(self.tr("Preparing the search index… results will appear when it is ready."))
        elif status == INDEX_FAILED:
            self.status.setText(self.tr("The search index could not be built; see the status bar."))
        elif not self.query.text().strip():
            self.status.setText(self.tr("Type words to search all documents."))

    # --- results ------------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.hitActivated.emit(hit)

    def step(self, delta: int) -> bool:
        """Select and open the next (+1) or previous (-1) hit: F3 / Shift+F3."""
        hits = self.model.hit_indexes()
        if not hits:
            return False
        current = self.view.currentIndex()
        positions = [i for i, index in enumerate(hits) if index == current]
        position = (positions[0] + delta) if positions else (0 if delta > 0 else len(hits) - 1)
        position %= len(hits)
        self.view.setCurrentIndex(hits[position])
        self.view.scrollTo(hits[position])
        self._open_index(hits[position])
        return True

    # --- keyboard in the query field ---------------------------------------------------------
    def _enter_pressed(self) -> None:
        """Enter opens the selected (or first) result of the query shown; searches first if
        the results are not those of the query typed."""
        query = self.query.text().strip()
        if query and query == self._shown_query and self.is_idle() and self.model.hit_count():
            self.open_selected()
        else:
            self._open_first = bool(query)
            self.search_now()

    def open_selected(self) -> bool:
        hits = self.model.hit_indexes()
        if not hits:
            return False
        current = self.view.currentIndex()
        target = current if current in hits else hits[0]
        self.view.setCurrentIndex(target)
        self.view.scrollTo(target)
        self._open_index(target)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the query field moves into the result list."""
        if (
            watched is self.query
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.hit_indexes()
        ):
            hits = self.model.hit_indexes()
            if self.view.currentIndex() not in hits:
                self.view.setCurrentIndex(hits[0])
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def focus_query(self) -> None:
        self.show()
        self.raise_()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def is_idle(self) -> bool:
        return not self._debounce.isActive() and "search" not in self.worker.pending_keys()

    # --- language -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Search"))
        self.query.setPlaceholderText(self.tr("Search all documents, e.g. 汇款 or 拘留 儿童"))
        self.query.setAccessibleName(self.tr("Search query"))
        self.doc_filter.setAccessibleName(self.tr("Limit to document"))
        self.objective_filter.setAccessibleName(self.tr("Limit to objective"))
        self.view.setAccessibleName(self.tr("Search results"))
        self.more.setAccessibleName(self.tr("Show more results"))
        self._fill_filters()
        self._show_index_status()
        self.view.viewport().update()  # group titles and tooltips are translated when drawn
