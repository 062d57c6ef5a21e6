"""The objective tree dock: 23 objectives → commitment and actions, with link counts.

Column 0 names the objective (or its commitment / action); one further column per
other document counts its passages on the objective as `explicit + related`: those
the text links to the objective (round tables, tables, 目标 N, titles) and those found
by their topic. Below the tree, the selected objective's best passages per document,
each with a one-line snippet; clicking one shows it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFrame,
    QHeaderView,
    QLabel,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.corpus import Corpus
from ..core.model import Objective
from ..core.objectives import COMPACT_ID
from ..core.passages import link_counts, links_by_document, related_counts
from ..core.related import passage_snippet
from .escaping import plain_tip

AnchorRole = Qt.ItemDataRole.UserRole + 1
NumberRole = Qt.ItemDataRole.UserRole + 2
_TOP = 0  # internal id of objective rows; children carry (objective row + 1)
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
DETAIL_PASSAGES = 3  # passages per document in the details panel
TITLE_CHARS = 9  # Chinese characters of an objective's title the tree always has room for
PassageRole = Qt.ItemDataRole.UserRole + 3  # (doc, anchor) of a details row


def column_label(short_title: str, taken: set[str]) -> str:
    """A document's column header: its short title when short, else its last word
    (秘书长报告 → 报告), unless another column already reads so."""
    label = short_title if len(short_title) <= 4 else short_title[-2:]
    return label if label not in taken else short_title[:4]


class ObjectiveTreeModel(QAbstractItemModel):
    def __init__(self, objectives: list[Objective], corpus: Corpus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._objectives: list[Objective] = []
        self._counts: list[dict[str, int]] = []
        self._related: list[dict[str, int]] = []
        self._docs: list[tuple[str, str, str]] = []  # id, short title, column label
        self._changed: dict[int, int] = {}  # objective → changed pairs, while a comparison is shown
        self.set_objectives(objectives, corpus)

    def set_objectives(self, objectives: list[Objective], corpus: Corpus) -> None:
        self.beginResetModel()
        self._objectives = list(objectives)
        self._counts = [link_counts(o, corpus) for o in objectives]
        self._related = [related_counts(o, corpus) for o in objectives]
        linked = {doc for counts in self._counts + self._related for doc in counts}
        self._docs, taken = [], set()
        for d in corpus:
            if d.id != COMPACT_ID and d.id in linked:
                short = d.info.short_title or d.id
                label = column_label(short, taken)
                taken.add(label)
                self._docs.append((d.id, short, label))
        self.endResetModel()

    def objective_at(self, index: Index) -> Objective | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _TOP else index.internalId() - 1
        return self._objectives[row] if 0 <= row < len(self._objectives) else None

    def index_of(self, number: int, anchor: str = "") -> QModelIndex:
        row = next((i for i, o in enumerate(self._objectives) if o.number == number), -1)
        if row < 0:
            return QModelIndex()
        top = self.index(row, 0)
        objective = self._objectives[row]
        if anchor == objective.commitment_anchor:
            return self.index(0, 0, top)
        for i, action in enumerate(objective.actions):
            if action.anchor == anchor:
                return self.index(i + 1, 0, top)
        return top

    # --- QAbstractItemModel -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        if parent.internalId() == _TOP:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._objectives)
        if parent.internalId() == _TOP and parent.column() == 0:
            return 1 + len(self._objectives[parent.row()].actions)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 1 + len(self._docs)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if section == 0:
            return self.tr("Objective") if role == Qt.ItemDataRole.DisplayRole else None
        doc_id, short, label = self._docs[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(
                self.tr("《%1》: passages linking each objective + passages related to it by topic").replace(
                    "%1", short
                )
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        objective = self.objective_at(index)
        if objective is None:
            return None
        child = None if index.internalId() == _TOP else index.row()
        if index.column() > 0:
            return self._count_data(index, child, role)
        changed = self._changed.get(objective.number, 0) if child is None else 0
        if role == Qt.ItemDataRole.DisplayRole:
            return ("Δ " if changed else "") + self._label(objective, child)
        if role == Qt.ItemDataRole.FontRole and changed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(objective, child)
            return plain_tip(f"{self.changed_tip(changed)}\n{tip}" if changed else tip)
        if role == AnchorRole:
            return self._anchor(objective, child)
        if role == NumberRole:
            return objective.number
        return None

    def _label(self, objective: Objective, child: int | None) -> str:
        if child is None:
            return f"{objective.number}. {objective.title}"
        if child == 0:
            return self.tr("Commitment: %1").replace("%1", objective.commitment)
        action = objective.actions[child - 1]
        return f"({action.letter}) {action.text}"

    def _tooltip(self, objective: Objective, child: int | None) -> str:
        if child is not None:
            return self._label(objective, child)
        row = self._objectives.index(objective)
        heading = self.tr("Objective %1").replace("%1", str(objective.number))
        lines = [f"{heading}：{objective.title}"]
        for doc_id, short, _label in self._docs:
            explicit, related = self._counts[row].get(doc_id, 0), self._related[row].get(doc_id, 0)
            if explicit or related:
                lines.append(self.count_tip(short, explicit, related))
        return "\n".join(lines)

    def changed_tip(self, changed: int) -> str:
        return self.tr("%1 passages changed in the comparison shown").replace("%1", str(changed))

    def set_changed(self, counts: dict[int, int]) -> None:
        """Mark the objectives whose passages a comparison changed (empty: clear the marks)."""
        self._changed = dict(counts)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))

    def changed_counts(self) -> dict[int, int]:
        return dict(self._changed)

    def count_tip(self, short: str, explicit: int, related: int) -> str:
        return (
            self.tr("《%1》: %2 passages link this objective, %3 more are related to it by topic")
            .replace("%1", short)
            .replace("%2", str(explicit))
            .replace("%3", str(related))
        )

    def _anchor(self, objective: Objective, child: int | None) -> str:
        if child is None:
            return objective.anchor
        if child == 0:
            return objective.commitment_anchor
        return objective.actions[child - 1].anchor

    def _count_data(self, index: Index, child: int | None, role: int) -> Any:
        if child is not None:
            return None
        doc_id, short, _label = self._docs[index.column() - 1]
        explicit = self._counts[index.row()].get(doc_id, 0)
        related = self._related[index.row()].get(doc_id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{explicit} + {related}" if explicit or related else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self.count_tip(short, explicit, related))
        return None

    def counts_by_document(self, objective: Objective) -> list[tuple[str, str, int, int]]:
        """(id, short title, explicit, related) for one objective, documents in corpus order."""
        row = self._objectives.index(objective)
        counts = [
            (doc_id, short, self._counts[row].get(doc_id, 0), self._related[row].get(doc_id, 0))
            for doc_id, short, _label in self._docs
        ]
        return [c for c in counts if c[2] or c[3]]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))


class ObjectiveTreeDock(QDockWidget):
    """The dock; emits `objectiveSelected(number, anchor)` when the user picks a row and
    `passageActivated(number, doc, anchor)` when they click a passage in the details."""

    objectiveSelected = Signal(int, str)
    passageActivated = Signal(int, str, str)

    def __init__(self, objectives: list[Objective], corpus: Corpus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("objectivesDock")
        self._corpus = corpus
        self._following = False  # selecting quietly: no objectiveSelected
        self._quiet: QPersistentModelIndex | None = None  # selected quietly, not shown yet
        self.model = ObjectiveTreeModel(objectives, corpus, self)
        self.view = QTreeView(self)
        self.view.setObjectName("objectiveTree")
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setExpandsOnDoubleClick(True)
        self.view.viewport().installEventFilter(self)  # its width decides the title column's
        self._configure_header()
        self.setWidget(self._body())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._clicked)
        self.retranslate()

    def _body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.details = QFrame(body)
        self.details.setObjectName("objectiveDetails")
        details = QVBoxLayout(self.details)
        details.setContentsMargins(12, 10, 12, 12)
        self.details_title = QLabel(self.details)
        self.details_title.setObjectName("objectiveDetailsTitle")
        self.details_body = QLabel(self.details)
        self.details_body.setObjectName("objectiveDetailsBody")
        for label in (self.details_title, self.details_body):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            details.addWidget(label)
        self.details_passages = QTreeWidget(self.details)
        self.details_passages.setObjectName("objectiveDetailsPassages")
        self.details_passages.setHeaderHidden(True)
        self.details_passages.setRootIsDecorated(False)
        self.details_passages.setUniformRowHeights(True)
        self.details_passages.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.details_passages.setFrameShape(QFrame.Shape.NoFrame)
        self.details_passages.itemClicked.connect(self._passage_clicked)
        self.details_passages.itemActivated.connect(self._passage_clicked)
        details.addWidget(self.details_passages, 1)
        self.details.hide()
        layout.addWidget(self.view, 3)
        layout.addWidget(self.details, 2)
        return body

    def _show_details(self, objective: Objective) -> None:
        heading = self.tr("Objective %1").replace("%1", str(objective.number))
        self.details_title.setText(f"{heading}：{objective.title}")
        lines = [
            self.tr("Commitment: paragraph %1 · %2 actions")
            .replace("%1", objective.commitment_anchor)
            .replace("%2", str(len(objective.actions)))
        ]
        if not self.model.counts_by_document(objective):
            lines.append(self.tr("No passages of other documents treat it."))
        self.details_body.setText("\n".join(lines))
        self._list_passages(objective)
        self.details.setAccessibleName(self.details_title.text())
        self.details.show()

    def _list_passages(self, objective: Objective) -> None:
        """Per document: `explicit + related`, then its best passages with a snippet."""
        self.details_passages.clear()
        counts = {doc: (short, n, m) for doc, short, n, m in self.model.counts_by_document(objective)}
        bold = self.details_passages.font()
        bold.setBold(True)
        for doc_id, links in links_by_document(objective, self._corpus).items():
            short, explicit, related = counts.get(doc_id, (doc_id, 0, 0))
            group = QTreeWidgetItem(self.details_passages, [f"《{short}》 {explicit} + {related}"])
            group.setFont(0, bold)
            group.setToolTip(0, plain_tip(self.model.count_tip(short, explicit, related)))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for link in links[:DETAIL_PASSAGES]:
                self._passage_item(objective, link, group)
            group.setExpanded(True)
        self.details_passages.expandAll()

    def _passage_item(self, objective: Objective, link, group: QTreeWidgetItem) -> None:
        block = self._corpus.get(link.doc).block(link.anchor)
        snippet, _spans = passage_snippet(block.text, objective.topic_terms, width=40)
        place = block.label or link.anchor
        if not link.explicit:  # marked first: the end of the line is elided
            place = self.tr("%1 (related)").replace("%1", place)
        item = QTreeWidgetItem(group, [f"{place}  {snippet}"])
        item.setData(0, PassageRole, (objective.number, link.doc, link.anchor))
        item.setToolTip(0, plain_tip(f"{link.citation}\n{block.text}"))

    def _passage_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, PassageRole)
        if target:
            self.passageActivated.emit(*target)

    def _configure_header(self) -> None:
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(30)
        metrics = header.fontMetrics()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            if column:
                label = str(self.model.headerData(column, Qt.Orientation.Horizontal))
                width = max(metrics.horizontalAdvance(label), metrics.horizontalAdvance("10 + 10")) + 14
                header.resizeSection(column, width)
        self._fit_title_column()

    def title_width(self) -> int:
        """The least width of the objectives' column: its number, the branch arrow and
        TITLE_CHARS characters of its title (with 10 documents, their counts would
        otherwise squeeze it to nothing in a laptop's dock)."""
        metrics = self.view.fontMetrics()
        return self.view.indentation() + metrics.horizontalAdvance("23. " + "国" * TITLE_CHARS + "…") + 8

    def _fit_title_column(self) -> None:
        """The titles take what the counts leave, never less than `title_width`: when the
        dock is too narrow for every count, the counts scroll sideways, the titles stay."""
        header = self.view.header()
        counts = sum(header.sectionSize(column) for column in range(1, header.count()))
        header.resizeSection(0, max(self.title_width(), self.view.viewport().width() - counts))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit_title_column()
        return super().eventFilter(watched, event)

    def set_objectives(self, objectives: list[Objective], corpus: Corpus) -> None:
        self._corpus = corpus
        self.model.set_objectives(objectives, corpus)
        self._configure_header()
        self.details.hide()

    def mark_changed(self, counts: dict[int, int]) -> None:
        """Δ and bold on each objective whose passages the shown comparison changed."""
        self.model.set_changed(counts)

    def current_number(self) -> int:
        """The objective of the selected row, 0 when none."""
        objective = self.model.objective_at(self.view.currentIndex())
        return objective.number if objective is not None else 0

    def follow(self, number: int, anchor: str = "") -> None:
        """Select a row quietly, as the reader reaches it: nothing else moves."""
        index = self.model.index_of(number, anchor)
        if not index.isValid() or index == self.view.currentIndex():
            return
        self._following = True
        try:
            if index.parent().isValid():
                self.view.expand(index.parent())
            self.view.selectionModel().setCurrentIndex(
                index,
                self.view.selectionModel().SelectionFlag.ClearAndSelect
                | self.view.selectionModel().SelectionFlag.Rows,
            )
            self.view.scrollTo(index)
        finally:
            self._following = False
        self._quiet = QPersistentModelIndex(index)

    def _clicked(self, index: QModelIndex) -> None:
        """A click on the row the tree moved to by itself shows it (selection did not change)."""
        if self._quiet is not None and index.siblingAtColumn(0) == QModelIndex(self._quiet):
            self._activated(index)

    def select(self, number: int, anchor: str = "") -> None:
        """Select a row as the user would (emits objectiveSelected)."""
        index = self.model.index_of(number, anchor)
        if index.isValid() and self.view.selectionModel().isSelected(index):
            self._activated(index)
        elif index.isValid():
            if index.parent().isValid():
                self.view.expand(index.parent())
            self.view.selectionModel().setCurrentIndex(
                index,
                self.view.selectionModel().SelectionFlag.ClearAndSelect
                | self.view.selectionModel().SelectionFlag.Rows,
            )
            self.view.scrollTo(index)

    def _selection_changed(self, selected, _deselected) -> None:
        """Selecting a row (click or arrow keys) shows it; merely focusing the tree does not."""
        indexes = selected.indexes()
        if indexes and self._following:
            objective = self.model.objective_at(indexes[0])
            if objective is not None:
                self._show_details(objective)
        elif indexes:
            self._activated(indexes[0])

    def _activated(self, index: QModelIndex) -> None:
        self._quiet = None
        if index.isValid():
            index = index.siblingAtColumn(0)
            objective = self.model.objective_at(index)
            if objective is not None:
                self._show_details(objective)
            self.objectiveSelected.emit(index.data(NumberRole), index.data(AnchorRole))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Objectives"))
        self.view.setAccessibleName(self.tr("Objectives of the Global Compact"))
        self.view.header().setAccessibleName(
            self.tr("Columns: objective, then per document: linking passages + related passages")
        )
        self.details_passages.setAccessibleName(self.tr("Best passages per document"))
        self.model.retranslate()
        current = self.model.objective_at(self.view.currentIndex())
        if current is not None and self.details.isVisible():
            self._show_details(current)
