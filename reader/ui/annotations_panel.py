"""The annotations dock: highlights grouped by document, with filters, and those that
could not be placed in the current text listed apart for review.

The panel shows what `Annotator.index` holds (each highlight placed as an export places
it) and filters with the core's `ExportFilter`, so what the panel shows is what
"Export…" from the panel exports. Clicking a highlight opens its passage; F2 edits it,
Delete deletes it (both undoable).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.annotations import COLORS, Annotation, ColorMeaning, Palette
from ..core.corpus import Corpus
from ..core.export import Excerpt, ExportFilter
from ..core.model import Objective
from .annotating import PATCH_AT_MOST, Annotator, excerpt_order_key
from .colors import color_label, swatch_icon
from .escaping import plain_tip
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


def creator_order(creator: str) -> tuple[str, str]:
    """Authors in alphabetical order, ignoring case (then by case: a stable order)."""
    return creator.casefold(), creator


def annotation_creators(store) -> list[str]:
    """The authors of the highlights, sorted ("" for those made before names were kept)."""
    return sorted({a.creator for a in store.annotations}, key=creator_order)


class ChoiceCounts:
    """How many highlights carry each tag and each author, kept change by change, so the
    filters' choices follow a change without going through 10,000 highlights."""

    def __init__(self) -> None:
        self._tags: Counter[str] = Counter()
        self._creators: Counter[str] = Counter()

    def recount(self, annotations: Iterable[Annotation]) -> None:
        self._tags, self._creators = Counter(), Counter()
        for annotation in annotations:
            self._count(annotation, 1)

    def take_in(self, changes) -> None:
        for change in changes:
            if isinstance(change.before, Annotation):
                self._count(change.before, -1)
            if isinstance(change.after, Annotation):
                self._count(change.after, 1)

    def _count(self, annotation: Annotation, step: int) -> None:
        self._tags.update(dict.fromkeys(annotation.tags, step))
        self._creators[annotation.creator] += step

    def tags(self) -> list[str]:
        return sorted((t for t, n in self._tags.items() if n > 0), key=lambda t: (t.casefold(), t))

    def creators(self) -> list[str]:
        return sorted((c for c, n in self._creators.items() if n > 0), key=creator_order)


# --- the model ------------------------------------------------------------------------------
def _group_key(excerpt: Excerpt) -> str:
    return excerpt.doc if excerpt.found else ORPHANS


@dataclass(frozen=True)
class _RowTexts:
    """What a highlight's row shows, made when the view first asks."""

    display: str
    tooltip: str
    accessible: str
    lines: int


_TEXT_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.SizeHintRole,
    }
)


@dataclass
class _Group:
    key: str  # a document id, or ORPHANS
    title: str
    excerpts: list[Excerpt]  # in order, as the group's rows


class AnnotationsModel(QStandardItemModel):
    """Documents (in library order) → their highlights; then "Could not be placed" → orphans.

    The groups are Qt's items; a highlight's row is an empty place in Qt's own tree (no
    item at all), and what it shows (text, swatch, tooltip, height from its number of
    lines) is made by `data` when the view asks, that is for the rows in view. Qt keeps
    the tree, so a tree view lays out all its rows again after one came or went without
    asking Python anything (a model answering rowCount/index/parent in Python made that
    take most of a second at 10,000), and 50,000 rows are listed in milliseconds where
    filling 50,000 items from Python took ~2.5 s (issue 14). `take_in` changes one row;
    `set_excerpts` builds the list again."""

    MARGIN = 16  # the style's and the style sheet's padding around a row's text
    TEXTS_KEPT = 4096  # rows whose texts are kept made (those in view, and some more)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._group_rows: dict[str, int] = {}  # group key -> row
        self._listed: dict[str, Excerpt] = {}  # the excerpts listed, by id
        self._labels: dict[str, str] = {}
        self._texts: dict[str, tuple[Excerpt, _RowTexts]] = {}  # by id, while the excerpt is the same
        self._built: tuple | None = None  # what set_excerpts last showed, while nothing changed it
        self.line_height = 16  # the list's line spacing (the panel sets it from its font)
        self.row_in_view: Callable[[QModelIndex], bool] = lambda _index: True  # the panel's view

    def set_excerpts(self, excerpts: list[Excerpt], titles: dict[str, str], palette: Palette) -> None:
        """Build the list (unless it already shows exactly this: the window asks twice as it
        opens)."""
        labels = {color: color_label(palette, color) for color in COLORS}
        orphans = _Group(ORPHANS, self.tr("Could not be placed"), [])
        built = (list(excerpts), dict(titles), labels, orphans.title, self.line_height)
        if built == self._built:
            return
        self._built, self._labels, self._texts = built, labels, {}
        groups: dict[str, _Group] = {}
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
        self.clear()
        self._groups = [*groups.values(), *([orphans] if orphans.excerpts else [])]
        self._group_rows = {group.key: g for g, group in enumerate(self._groups)}
        self._listed = {e.id: e for group in self._groups for e in group.excerpts}
        self.invisibleRootItem().appendRows([self._group_item(group) for group in self._groups])

    def take_in(self, annotation_id: str, excerpt: Excerpt | None) -> bool:
        """Show a new version of one highlight (None: it is no longer listed) by repainting,
        inserting or removing its row alone, in document order; False, changing nothing,
        when that would add or empty a group (the caller then builds the list again)."""
        self._built = None
        old = self._listed.get(annotation_id)
        old_place = self._place_of(old) if old is not None else None
        new_group = self._group_rows.get(_group_key(excerpt)) if excerpt is not None else None
        if (old is not None and old_place is None) or (excerpt is not None and new_group is None):
            return False
        if (
            old_place is not None
            and excerpt is not None
            and new_group == old_place[0]
            and excerpt_order_key(excerpt) == excerpt_order_key(old)  # type: ignore[arg-type]
        ):
            self._replace_row(*old_place, excerpt)
            return True
        if old_place is not None and len(self._groups[old_place[0]].excerpts) == 1:
            return False
        if old_place is not None:
            self._remove_row(*old_place)
        if excerpt is not None and new_group is not None:
            self._insert_row(new_group, excerpt)
        return True

    def _replace_row(self, g: int, r: int, excerpt: Excerpt) -> None:
        old = self._groups[g].excerpts[r]
        height = self._texts_of(old).lines
        self._groups[g].excerpts[r] = self._listed[excerpt.id] = excerpt
        index = self.index(r, 0, self.index(g, 0))
        # A tree view finds a row's place by adding up the heights of the rows before it (all
        # measured again after a row came or went): a row out of view whose height stays
        # is shown from the new data once scrolled to, without telling the view now.
        if self._texts_of(excerpt).lines != height or self.row_in_view(index):
            self.dataChanged.emit(index, index)

    def _remove_row(self, g: int, r: int) -> None:
        # the list first: the view's handlers of the removal ask for the rows that stay
        removed = self._groups[g].excerpts.pop(r)
        del self._listed[removed.id]
        self.removeRows(r, 1, self.index(g, 0))
        self._title_group(g)

    def _insert_row(self, g: int, excerpt: Excerpt) -> None:
        rows = self._groups[g].excerpts
        r = bisect_left(rows, excerpt_order_key(excerpt), key=excerpt_order_key)
        rows.insert(r, excerpt)
        self._listed[excerpt.id] = excerpt
        self.insertRows(r, 1, self.index(g, 0))  # an empty place: `data` shows it
        self._title_group(g)

    def _place_of(self, excerpt: Excerpt) -> tuple[int, int] | None:
        """(group, row) of a listed excerpt, found by bisection (each group is in order)."""
        g = self._group_rows.get(_group_key(excerpt))
        if g is None:
            return None
        rows = self._groups[g].excerpts
        r = bisect_left(rows, excerpt_order_key(excerpt), key=excerpt_order_key)
        return (g, r) if r < len(rows) and rows[r].id == excerpt.id else None

    def excerpt_count(self) -> int:
        return sum(len(g.excerpts) for g in self._groups)

    def index_of(self, annotation_id: str) -> QModelIndex:
        listed = self._listed.get(annotation_id)
        place = self._place_of(listed) if listed is not None else None
        if place is None:
            return QModelIndex()
        return self.index(place[1], 0, self.index(place[0], 0))

    def excerpt_indexes(self) -> list[QModelIndex]:
        return [
            self.index(r, 0, self.index(g, 0))
            for g, group in enumerate(self._groups)
            for r in range(len(group.excerpts))
        ]

    # --- what a row shows ---------------------------------------------------------------------
    def excerpt_at(self, index: QModelIndex | QPersistentModelIndex) -> Excerpt | None:
        """The highlight a row shows (None for a group's row)."""
        parent = index.parent()
        if not parent.isValid() or not 0 <= parent.row() < len(self._groups):
            return None
        rows = self._groups[parent.row()].excerpts
        return rows[index.row()] if 0 <= index.row() < len(rows) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.parent().isValid():
            return super().data(index, role)
        excerpt = self.excerpt_at(index)
        if excerpt is None:
            return None
        if role == ExcerptRole:
            return excerpt
        if role == IdRole:
            return excerpt.id
        if role == Qt.ItemDataRole.DecorationRole:
            return swatch_icon(excerpt.color)
        if role not in _TEXT_ROLES:
            return None
        texts = self._texts_of(excerpt)
        if role == Qt.ItemDataRole.SizeHintRole:
            # the height from the number of lines alone: measuring thousands of texts is slow
            return QSize(0, self.line_height * texts.lines + self.MARGIN)
        if role == Qt.ItemDataRole.DisplayRole:
            return texts.display
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts.tooltip
        return texts.accessible

    def _texts_of(self, excerpt: Excerpt) -> _RowTexts:
        kept = self._texts.get(excerpt.id)
        if kept is not None and kept[0] is excerpt:
            return kept[1]
        if len(self._texts) >= self.TEXTS_KEPT:
            self._texts = {}
        texts = self._make_texts(excerpt)
        self._texts[excerpt.id] = (excerpt, texts)
        return texts

    def _make_texts(self, excerpt: Excerpt) -> _RowTexts:
        a = excerpt.annotation
        where = excerpt.citation.removeprefix(excerpt.document_label) if excerpt.found else excerpt.citation
        tags = "  " + " ".join(f"#{t}" for t in a.tags) if a.tags else ""
        lines = [(where or excerpt.doc) + tags, f"“{_short(a.exact, QUOTE_PREVIEW)}”"]
        if a.note:
            lines.append("✎ " + _short(a.note, NOTE_PREVIEW))
        label = self._labels.get(a.color, a.color)
        tip = [excerpt.citation, label, a.exact]
        if a.note:
            tip.append(self.tr("Note: %1").replace("%1", a.note))
        return _RowTexts(
            "\n".join(lines),
            plain_tip("\n\n".join(tip)),
            ". ".join(p for p in (label, excerpt.citation, _short(a.exact, QUOTE_PREVIEW), a.note) if p),
            len(lines),
        )

    # --- the groups ---------------------------------------------------------------------------
    def _group_item(self, group: _Group) -> QStandardItem:
        item = QStandardItem()
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if group.key == ORPHANS:
            item.setData(QColor("#b3261e"), Qt.ItemDataRole.ForegroundRole)
        item.setData(group.key, GroupRole)
        self._fill_group(item, group)
        item.setSizeHint(QSize(0, self.line_height + self.MARGIN // 2))
        # Its highlights' rows: empty places, shown by `data` (Qt's flags for an empty
        # place add editable and draggable to enabled and selectable: this view has no
        # edit trigger and no drag, so neither is ever offered).
        item.setColumnCount(1)
        item.setRowCount(len(group.excerpts))
        return item

    def _title_group(self, g: int) -> None:
        """The count beside a group's title (and in its tooltip) after a row came or went."""
        self._fill_group(self.item(g), self._groups[g])

    def _fill_group(self, item: QStandardItem, group: _Group) -> None:
        item.setText(f"{group.title}  {len(group.excerpts)}")
        if group.key == ORPHANS:
            item.setToolTip(
                self.tr(
                    "The passages of these highlights were not found in the current text "
                    "of their document. They are kept: review, edit, export or delete them."
                )
            )
        else:
            item.setToolTip(self.tr("%n highlight(s) in this document", "", len(group.excerpts)))


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
        self._stale = self._stale_sources = False  # to list, to offer the filters' choices: when shown
        self._choices = ChoiceCounts()
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
        self.model.row_in_view = self._row_in_view
        self.view = QTreeView(body)
        self.view.setObjectName("annotationsList")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Row by row: scrolling by pixels makes the view add up the height of every row after
        # each inserted or removed one, which with 10,000 highlights doubled a change's cost.
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
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
        self.filters.changed.connect(self._refresh_once_placed)  # chosen while "Placing…": waits too
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
        self.visibilityChanged.connect(lambda shown: shown and self._stale and self._refresh_once_placed())
        self.annotator.placed.connect(lambda: self._stale and self.refresh_when_visible())

    # --- content ------------------------------------------------------------------------------
    def set_corpus(self, corpus: Corpus, objectives: list[Objective]) -> None:
        self._corpus, self._objectives = corpus, objectives
        self.refresh_sources()

    def refresh_sources(self) -> None:
        """The documents, objectives or colours changed: offer them again, then refresh, now
        if the panel is shown, else when it is (the window builds the panel hidden: with
        50,000 highlights, listing them and counting their tags took seconds of its start),
        and once every highlight is placed (a library reload places them all again)."""
        self._stale_sources = True
        self.refresh_when_visible()

    def _offer_choices(self) -> None:
        self.filters.set_sources(
            self._corpus,
            self._objectives,
            self.annotator.palette,
            self._choices.tags(),
            self._choices.creators(),
        )

    def _annotations_changed(self, changes, _docs) -> None:
        if self._stale or self.visibleRegion().isEmpty() or not self._update_rows(changes):
            self.refresh_when_visible()

    def _update_rows(self, changes) -> bool:
        """Changed highlights are repainted, inserted or removed row by row (in document
        order, through the filters), so a change with 10,000 highlights does not rebuild
        the list; False when the list must be built again: a renamed colour, a tag or
        author chosen in the filters that no longer exists, a group to add or empty."""
        if not changes or any(isinstance(c.item, ColorMeaning) for c in changes):
            return False
        ids = list(dict.fromkeys(c.id for c in changes if isinstance(c.item, Annotation)))
        if not ids:
            return True  # bookmarks only
        if len(ids) > PATCH_AT_MOST:  # an import: the list is built again
            return False
        if self.model.line_height != self.view.fontMetrics().lineSpacing():
            return False
        selection = self.filters.selection()
        self._choices.take_in(changes)
        if self._choices_changed():  # a new or vanished tag or author: offer the new choices
            self._offer_choices()
            if self.filters.selection() != selection:  # what was chosen is gone
                return False
        for annotation_id in ids:
            excerpt = self.annotator.excerpt(annotation_id)
            shown = excerpt if excerpt is not None and selection.matches(excerpt) else None
            if not self.model.take_in(annotation_id, shown):
                return False
        self._show_status(self.model.excerpt_count(), len(self.annotator.index))
        self._update_buttons()
        return True

    def _choices_changed(self) -> bool:
        """Whether the tags or authors offered by the filters are no longer the highlights'."""
        offered = [self.filters.tag.itemData(i) for i in range(1, self.filters.tag.count())]
        return offered != self._choices.tags() or self.filters.creators() != self._choices.creators()

    def _row_in_view(self, index: QModelIndex) -> bool:
        """Whether a row is between the first and the last row the list shows."""
        viewport = self.view.viewport()
        if viewport.visibleRegion().isEmpty():
            return False
        top = self.view.indexAt(QPoint(1, 1))
        bottom = self.view.indexAt(QPoint(1, viewport.height() - 2))

        def place(i: QModelIndex) -> tuple[int, int]:  # a group's row comes before its rows
            return (i.parent().row(), i.row()) if i.parent().isValid() else (i.row(), -1)

        if not top.isValid():
            return True
        return place(top) <= place(index) and (not bottom.isValid() or place(index) <= place(bottom))

    def refresh_when_visible(self) -> None:
        """Refresh now if the panel is shown, else when it is (a hidden tab costs nothing)."""
        if not self.visibleRegion().isEmpty():  # not a tab in the background
            self._refresh_once_placed()
        else:
            self._stale = True

    def _refresh_once_placed(self) -> None:
        """Refresh now, or once the window has placed every highlight: just after it opens
        with 50,000, placing the rest at once would hold it for a second or more."""
        if self.annotator.little_to_place():
            self.refresh()
            return
        self._stale = True
        self.status.setText(self.tr("Placing the highlights in the texts…"))
        self.annotator.place_soon()  # shown in front as the window opens: before `start`

    def refresh(self, offer_choices: bool = False) -> None:
        """Show the highlights that pass the filters, keeping the current one selected;
        offer the filters' choices again when asked or when tags or authors changed."""
        offer_choices = offer_choices or self._stale_sources
        self._stale = self._stale_sources = False
        current = self.view.currentIndex().data(IdRole)
        self._choices.recount(self.annotator.store.annotations)
        if offer_choices or self._choices_changed():
            self._offer_choices()
        selection = self.filters.selection()
        everything = self.annotator.index.ordered()
        shown = [e for e in everything if selection.matches(e)]
        titles = {d.id: d.info.short_title for d in self._corpus}
        self.model.line_height = self.view.fontMetrics().lineSpacing()
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
