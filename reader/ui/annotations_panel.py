"""The annotations dock: highlights grouped by document, with filters, and those that
could not be placed in the current text listed apart for review.

The panel shows what `Annotator.index` holds (each highlight placed as an export places
it) and filters with the core's `ExportFilter`, so what the panel shows is what
"Export…" from the panel exports. Clicking a highlight opens its passage; F2 edits it,
Delete deletes it (both undoable).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import COLORS, Annotation, Palette
from ..core.corpus import Corpus
from ..core.export import Excerpt, ExportFilter
from ..core.model import Objective
from .annotating import Annotator
from .colors import color_label, swatch_icon
from .escaping import plain_tip
from .grouped_model import GroupedItemModel, Index, is_group
from .icons import bind

ExcerptRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2
GroupRole = Qt.ItemDataRole.UserRole + 3
ORPHANS = "orphans"
QUOTE_PREVIEW, NOTE_PREVIEW = 60, 60
FILTER_DELAY_MS = 150


def _short(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length] + "…"


# --- filters --------------------------------------------------------------------------------
class AnnotationFilters(QWidget):
    """Text, document, colour, tag, objective and author; `selection()` is an `ExportFilter`.
    Shared by the panel and the export dialog. The author filter shows once highlights come
    from more than one person (a colleague's import)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annotationFilters")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.text = QLineEdit(self)
        self.text.setObjectName("filterText")
        self.text.setClearButtonEnabled(True)
        self.doc = QComboBox(self)
        self.doc.setObjectName("filterDocument")
        self.color = QComboBox(self)
        self.color.setObjectName("filterColor")
        self.tag = QComboBox(self)
        self.tag.setObjectName("filterTag")
        self.objective = QComboBox(self)
        self.objective.setObjectName("filterObjective")
        self.creator = QComboBox(self)
        self.creator.setObjectName("filterCreator")
        layout.addWidget(self.text, 0, 0, 1, 2)
        for i, combo in enumerate((self.doc, self.color, self.tag, self.objective, self.creator)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
            combo.activated.connect(lambda _i: self.changed.emit())
            layout.addWidget(combo, 1 + i // 2, i % 2)
        self._delay = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._delay.timeout.connect(self.changed)
        self.text.textChanged.connect(lambda _t: self._delay.start())
        self._sources: tuple[Corpus, list[Objective], Palette, list[str], list[str]] | None = None
        self.retranslate()

    def set_sources(
        self,
        corpus: Corpus,
        objectives: list[Objective],
        palette: Palette,
        tags: list[str],
        creators: list[str] | None = None,
    ) -> None:
        """The choices offered (keeps what is chosen where it still exists). `creators`: the
        authors of the highlights ("" for those made before names were kept)."""
        creators = list(creators or [])
        self._set_creators(creators)
        self._sources = (corpus, objectives, palette, tags, creators)
        chosen = (
            self.doc.currentData(),
            self.color.currentData(),
            self.tag.currentData(),
            self.objective.currentData(),
        )
        for combo in (self.doc, self.color, self.tag, self.objective):
            combo.blockSignals(True)
            combo.clear()
        self.doc.addItem(self.tr("All documents"), "")
        for doc in corpus:
            self.doc.addItem(f"《{doc.info.short_title}》", doc.id)
        self.color.addItem(self.tr("All colours"), "")
        for color in COLORS:
            self.color.addItem(swatch_icon(color), color_label(palette, color), color)
        self.tag.addItem(self.tr("All tags"), "")
        for tag in tags:
            self.tag.addItem(f"#{tag}", tag)
        self.objective.addItem(self.tr("All objectives"), 0)
        for objective in objectives:
            self.objective.addItem(
                self.tr("Objective %1").replace("%1", str(objective.number)), objective.number
            )
            self.objective.setItemData(
                self.objective.count() - 1, plain_tip(objective.title), Qt.ItemDataRole.ToolTipRole
            )
        for combo, value in zip((self.doc, self.color, self.tag, self.objective), chosen, strict=True):
            combo.setCurrentIndex(max(0, combo.findData(value)) if value else 0)
            combo.blockSignals(False)

    def _set_creators(self, creators: list[str]) -> None:
        chosen = self.creator.currentData() if self.creator.currentIndex() > 0 else None
        self.creator.blockSignals(True)
        self.creator.clear()
        self.creator.addItem(self.tr("All authors"), None)
        for name in creators:
            self.creator.addItem(name or self.tr("Unknown author"), name)
        index = self.creator.findData(chosen) if chosen is not None else 0
        self.creator.setCurrentIndex(max(0, index))
        self.creator.blockSignals(False)
        self.creator.setVisible(len(creators) > 1)

    def creators(self) -> list[str]:
        return [self.creator.itemData(i) for i in range(1, self.creator.count())]

    def selection(self) -> ExportFilter:
        doc, color, tag = self.doc.currentData(), self.color.currentData(), self.tag.currentData()
        objective = self.objective.currentData()
        creator = self.creator.currentData() if self.creator.currentIndex() > 0 else None
        return ExportFilter(
            docs=frozenset({doc} if doc else ()),
            tags=frozenset({tag} if tag else ()),
            colors=frozenset({color} if color else ()),
            objectives=frozenset({objective} if objective else ()),
            text=self.text.text().strip(),
            creators=frozenset({creator} if creator is not None else ()),
        )

    def set_selection(self, selection: ExportFilter) -> None:
        """Show a filter (one value of each set is shown: the combos choose one)."""
        for combo, values in (
            (self.doc, selection.docs),
            (self.color, selection.colors),
            (self.tag, selection.tags),
            (self.objective, selection.objectives),
        ):
            value = next(iter(sorted(values)), None)
            combo.setCurrentIndex(max(0, combo.findData(value)) if value else 0)
        creator = next(iter(sorted(selection.creators)), None)
        self.creator.setCurrentIndex(max(0, self.creator.findData(creator)) if creator is not None else 0)
        self.text.blockSignals(True)
        self.text.setText(selection.text)
        self.text.blockSignals(False)
        self.changed.emit()

    def clear(self) -> None:
        self.set_selection(ExportFilter())

    def is_active(self) -> bool:
        return self.selection() != ExportFilter()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.text.setPlaceholderText(self.tr("Filter by text, note, tag or citation"))
        self.text.setAccessibleName(self.tr("Filter by text"))
        self.doc.setAccessibleName(self.tr("Filter by document"))
        self.color.setAccessibleName(self.tr("Filter by colour"))
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.objective.setAccessibleName(self.tr("Filter by objective"))
        self.creator.setAccessibleName(self.tr("Filter by author"))
        if self._sources is not None:
            self.set_sources(*self._sources)


def annotation_creators(store) -> list[str]:
    """The authors of the highlights, sorted ("" for those made before names were kept)."""
    return sorted({a.creator for a in store.annotations}, key=str.casefold)


# --- the model ------------------------------------------------------------------------------
@dataclass
class _Group:
    key: str  # a document id, or ORPHANS
    title: str
    excerpts: list[Excerpt]


class AnnotationsModel(GroupedItemModel):
    """Documents (in library order) → their highlights; then "Could not be placed" → orphans."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._palette = Palette()
        self._labels: dict[str, str] = {}

    def set_excerpts(self, excerpts: list[Excerpt], titles: dict[str, str], palette: Palette) -> None:
        self.beginResetModel()
        self._palette = palette
        self._labels = {color: color_label(palette, color) for color in COLORS}
        groups: dict[str, _Group] = {}
        orphans = _Group(ORPHANS, self.tr("Could not be placed"), [])
        for excerpt in excerpts:
            if not excerpt.found:
                orphans.excerpts.append(excerpt)
                continue
            group = groups.get(excerpt.doc)
            if group is None:
                group = groups[excerpt.doc] = _Group(
                    excerpt.doc, f"《{titles.get(excerpt.doc, excerpt.doc)}》", []
                )
            group.excerpts.append(excerpt)
        self._groups = [*groups.values(), *([orphans] if orphans.excerpts else [])]
        self.endResetModel()

    def replace_excerpts(self, excerpts: list[Excerpt]) -> bool:
        """Show new versions of excerpts already listed, in the same places (one row each
        repainted, not the list rebuilt); False, changing nothing, if one is not listed."""
        places = []
        for excerpt in excerpts:
            place = self._place_of(excerpt)
            if place is None:
                return False
            places.append(place)
        for (g, r), excerpt in zip(places, excerpts, strict=True):
            self._groups[g].excerpts[r] = excerpt
            index = self.index(r, 0, self.index(g, 0))
            self.dataChanged.emit(index, index)
        return True

    def _place_of(self, excerpt: Excerpt) -> tuple[int, int] | None:
        for g, group in enumerate(self._groups):
            if group.key != (excerpt.doc if excerpt.found else ORPHANS):
                continue
            for r, listed in enumerate(group.excerpts):
                if listed.id == excerpt.id:
                    return g, r
        return None

    def excerpt_count(self) -> int:
        return sum(len(g.excerpts) for g in self._groups)

    def index_of(self, annotation_id: str) -> QModelIndex:
        for g, group in enumerate(self._groups):
            for r, excerpt in enumerate(group.excerpts):
                if excerpt.id == annotation_id:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    def excerpt_indexes(self) -> list[QModelIndex]:
        return [
            self.index(r, 0, self.index(g, 0))
            for g, group in enumerate(self._groups)
            for r in range(len(group.excerpts))
        ]

    # --- QAbstractItemModel -------------------------------------------------------------------
    def group_count(self) -> int:
        return len(self._groups)

    def item_count(self, group: int) -> int:
        return len(self._groups[group].excerpts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if is_group(index):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if is_group(index):
            return self._group_data(self._groups[index.row()], role)
        excerpt = self._groups[self.group_row(index)].excerpts[index.row()]
        return self._excerpt_data(excerpt, role)

    def _group_data(self, group: _Group, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{group.title}  {len(group.excerpts)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if group.key == ORPHANS:
                return self.tr(
                    "The passages of these highlights were not found in the current text "
                    "of their document. They are kept: review, edit, export or delete them."
                )
            return self.tr("%n highlight(s) in this document", "", len(group.excerpts))
        if role == GroupRole:
            return group.key
        if role == Qt.ItemDataRole.ForegroundRole and group.key == ORPHANS:
            return QColor("#b3261e")
        return None

    def _excerpt_data(self, excerpt: Excerpt, role: int) -> Any:
        a = excerpt.annotation
        if role == Qt.ItemDataRole.DisplayRole:
            where = (
                excerpt.citation.removeprefix(excerpt.document_label) if excerpt.found else excerpt.citation
            )
            tags = "  " + " ".join(f"#{t}" for t in a.tags) if a.tags else ""
            lines = [(where or excerpt.doc) + tags, f"“{_short(a.exact, QUOTE_PREVIEW)}”"]
            if a.note:
                lines.append("✎ " + _short(a.note, NOTE_PREVIEW))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch_icon(a.color)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [excerpt.citation, self._labels.get(a.color, a.color), a.exact]
            if a.note:
                parts.append(self.tr("Note: %1").replace("%1", a.note))
            return plain_tip("\n\n".join(parts))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ". ".join(
                p
                for p in (
                    self._labels.get(a.color, a.color),
                    excerpt.citation,
                    _short(a.exact, QUOTE_PREVIEW),
                    a.note,
                )
                if p
            )
        if role == ExcerptRole:
            return excerpt
        if role == IdRole:
            return excerpt.id
        return None


class ExcerptDelegate(QStyledItemDelegate):
    """Row heights from the number of lines alone: measuring every row's text would make a
    list of thousands of highlights slow to show after each change."""

    MARGIN = 16  # the style's and the style sheet's padding around the text

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        line = option.fontMetrics.lineSpacing()
        if is_group(index):
            return QSize(option.rect.width(), line + self.MARGIN // 2)
        excerpt = index.data(ExcerptRole)
        lines = 3 if excerpt is not None and excerpt.annotation.note else 2
        return QSize(option.rect.width(), line * lines + self.MARGIN)


# --- the dock -------------------------------------------------------------------------------
class AnnotationsPanel(QDockWidget):
    """Emits `openRequested(id)` to show a highlight's passage, `exportRequested(filter)` and
    `importRequested()`; edits and deletes through the annotator (undoable)."""

    openRequested = Signal(str)
    exportRequested = Signal(object)  # ExportFilter
    importRequested = Signal()
    colorsRequested = Signal()
    refreshed = Signal()

    def __init__(
        self, annotator: Annotator, corpus: Corpus, objectives: list[Objective], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("annotationsDock")
        self.annotator = annotator
        self._corpus, self._objectives = corpus, objectives
        self._stale = False
        self._build()
        self._connect()
        self.retranslate()

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.filters = AnnotationFilters(body)
        self.status = QLabel(body)
        self.status.setObjectName("annotationsStatus")
        self.status.setWordWrap(True)
        self.model = AnnotationsModel(self)
        self.view = QTreeView(body)
        self.view.setObjectName("annotationsList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ExcerptDelegate(self.view))
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        buttons = QHBoxLayout()
        buttons.setSpacing(2)
        self.edit_button = self._button(body, "editAnnotation", "edit")
        self.delete_button = self._button(body, "deleteAnnotation", "delete")
        self.export_button = self._button(body, "exportAnnotations", "export", text=True)
        self.import_button = self._button(body, "importAnnotations", "import")
        self.colors_button = self._button(body, "colorMeanings", "palette")
        for button in (self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.colors_button, self.import_button, self.export_button):
            buttons.addWidget(button)
        layout.addWidget(self.filters)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.edit_action = self._view_action("F2", self.edit_current)
        self.delete_action = self._view_action(QKeySequence.StandardKey.Delete, self.delete_selected)

    @staticmethod
    def _button(parent: QWidget, name: str, icon: str, *, text: bool = False) -> QToolButton:
        button = QToolButton(parent)
        button.setObjectName(name)
        bind(button, icon)
        button.setAutoRaise(True)
        button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        return button

    def _view_action(self, key, slot) -> QAction:
        action = QAction(self.view)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def _connect(self) -> None:
        self.filters.changed.connect(self.refresh)
        self.view.clicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(lambda: self.exportRequested.emit(self.filters.selection()))
        self.import_button.clicked.connect(self.importRequested)
        self.colors_button.clicked.connect(self.colorsRequested)
        self.annotator.changed.connect(self._annotations_changed)
        self.annotator.paletteChanged.connect(self.refresh_sources)
        self.visibilityChanged.connect(lambda visible: visible and self._stale and self.refresh())

    # --- content ------------------------------------------------------------------------------
    def set_corpus(self, corpus: Corpus, objectives: list[Objective]) -> None:
        self._corpus, self._objectives = corpus, objectives
        self.refresh_sources()

    def refresh_sources(self) -> None:
        self.filters.set_sources(
            self._corpus,
            self._objectives,
            self.annotator.palette,
            self.annotator.store.tags(),
            annotation_creators(self.annotator.store),
        )
        self.refresh()

    def _annotations_changed(self, changes, _docs) -> None:
        if self._stale or self.visibleRegion().isEmpty() or not self._update_rows(changes):
            self.refresh_when_visible()

    def _update_rows(self, changes) -> bool:
        """A change that leaves every changed highlight in its place in the list (a new
        colour or note; not a new tag, which changes the filter's choices) repaints its
        rows; anything else rebuilds the list."""
        if not changes or any(
            c.kind != "updated" or not isinstance(c.item, Annotation) or c.before.tags != c.after.tags
            for c in changes
        ):
            return False
        selection = self.filters.selection()
        excerpts = [self.annotator.excerpt(c.id) for c in changes]
        if any(e is None or not selection.matches(e) for e in excerpts):
            return False
        return self.model.replace_excerpts(excerpts)  # type: ignore[arg-type]

    def refresh_when_visible(self) -> None:
        """Refresh now if the panel is shown, else when it is (a hidden tab costs nothing)."""
        if not self.visibleRegion().isEmpty():  # not a tab in the background
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        """Show the highlights that pass the filters, keeping the current one selected."""
        self._stale = False
        current = self.view.currentIndex().data(IdRole)
        tags, creators = self.annotator.store.tags(), annotation_creators(self.annotator.store)
        if [
            self.filters.tag.itemData(i) for i in range(1, self.filters.tag.count())
        ] != tags or self.filters.creators() != creators:
            self.filters.set_sources(self._corpus, self._objectives, self.annotator.palette, tags, creators)
        selection = self.filters.selection()
        everything = self.annotator.index.ordered()
        shown = [e for e in everything if selection.matches(e)]
        titles = {d.id: d.info.short_title for d in self._corpus}
        self.model.set_excerpts(shown, titles, self.annotator.palette)
        for row in range(self.model.rowCount()):  # not expandAll(): it visits every highlight
            self.view.setExpanded(self.model.index(row, 0), True)
        if current:
            index = self.model.index_of(current)
            if index.isValid():
                self.view.setCurrentIndex(index)
        self._show_status(len(shown), len(everything))
        self._update_buttons()
        self.refreshed.emit()

    def _show_status(self, shown: int, total: int) -> None:
        if not total:
            self.status.setText(
                self.tr(
                    "No highlights yet. Select text in a document and press "
                    "Alt+1 … Alt+5 (or use the Highlight toolbar) to highlight it."
                )
            )
        elif shown == total:
            self.status.setText(self.tr("%n highlight(s)", "", total))
        else:
            self.status.setText(
                self.tr("%1 of %2 highlights match the filters")
                .replace("%1", str(shown))
                .replace("%2", str(total))
            )

    def selected_ids(self) -> list[str]:
        ids = [i.data(IdRole) for i in self.view.selectionModel().selectedIndexes()]
        if not ids and self.view.currentIndex().data(IdRole):
            ids = [self.view.currentIndex().data(IdRole)]
        return [i for i in ids if i]

    def _update_buttons(self) -> None:
        selected = bool(self.selected_ids())
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.export_button.setEnabled(self.model.excerpt_count() > 0)

    # --- acting -------------------------------------------------------------------------------
    def _open(self, index: QModelIndex) -> None:
        annotation_id = index.data(IdRole)
        if annotation_id:
            self.openRequested.emit(annotation_id)

    def edit_current(self) -> None:
        annotation_id = self.view.currentIndex().data(IdRole)
        if annotation_id:
            self.annotator.edit(annotation_id)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.annotator.delete(ids)

    def build_menu(self, index: QModelIndex) -> QMenu | None:
        excerpt: Excerpt | None = index.data(ExcerptRole)
        if excerpt is None:
            return None
        menu = QMenu(self)
        annotation_id = excerpt.id
        if excerpt.found:
            menu.addAction(self.tr("&Go to passage"), lambda: self.openRequested.emit(annotation_id))
        menu.addAction(self.tr("&Edit note…"), lambda: self.annotator.edit(annotation_id))
        colors = menu.addMenu(self.tr("Change c&olour"))
        for color in COLORS:
            action = colors.addAction(swatch_icon(color), color_label(self.annotator.palette, color))
            action.setCheckable(True)
            action.setChecked(color == excerpt.color)
            action.triggered.connect(lambda _=False, c=color: self.annotator.set_color(annotation_id, c))
        link = excerpt.link
        menu.addAction(self.tr("Copy &link"), lambda: QGuiApplication.clipboard().setText(link))
        menu.addSeparator()
        menu.addAction(self.tr("&Delete"), self.delete_selected)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.build_menu(self.view.indexAt(pos))
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def focus_list(self) -> None:
        self.show()
        self.raise_()
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- language -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Annotations"))
        self.view.setAccessibleName(self.tr("Highlights and notes"))
        for button, text, tip in (
            (self.edit_button, self.tr("Edit…"), self.tr("Edit the note, tags and colour (F2)")),
            (self.delete_button, self.tr("Delete"), self.tr("Delete the selected highlights (Del)")),
            (
                self.export_button,
                self.tr("Export…"),
                self.tr("Export the highlights shown, with their citations"),
            ),
            (
                self.import_button,
                self.tr("Import…"),
                self.tr("Import a colleague's annotations (W3C JSON-LD)"),
            ),
            (self.colors_button, self.tr("Colours…"), self.tr("Name what each colour means")),
        ):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text.rstrip("…"))
            button.setAccessibleDescription(tip)
        self.refresh_sources()
