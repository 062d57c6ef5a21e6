"""The main window: panes side by side, docks around them, and the flows between them.

All of the application's signal connections are made in `_connect` and the
`_wire_pane` helper, in one place, so the data flow can be read top to bottom.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QFontDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..core.annotations import COLORS
from ..core.export import ExportFilter
from ..core.objectives import COMPACT_ID
from ..core.passages import ObjectiveMap
from ..core.search import SearchService
from . import icons
from . import settings as prefs
from .actions import create_actions, retranslate_actions
from .annotating import Annotator, highlight_action_name
from .annotations_panel import AnnotationsPanel
from .bookmarks_panel import BookmarksPanel
from .compare_view import install_compare
from .dialogs.author import ask_author_name
from .dialogs.export import ExportDialog
from .dialogs.goto import GoToDialog, resolve_paragraph
from .dialogs.import_annotations import ImportDialog
from .dialogs.shortcuts import ShortcutsDialog, extra_rows, shortcut_rows
from .document_pane import DocumentPane, Highlight
from .file_dialogs import documents_folder
from .history import History
from .i18n import LANGUAGES, Translations
from .import_flow import ImportFlow
from .index_status import IndexStatus
from .library import LibraryDock
from .library_flow import LibraryFlow, Reloaded, reload_corpus
from .linked_scrolling import LinkedScrolling
from .notices import notice_text
from .objective_tree import ObjectiveTreeDock
from .objectives_flow import ObjectivesFlow
from .outline import OutlineDock
from .pane_area import PaneArea
from .pane_bars import plain_popup, tool_button
from .reading_width import ReadingWidthFlow
from .rendering import DocumentCache
from .responsive import DEFAULT_DOCK_WIDTH, ResponsiveLayout
from .search_hits import SearchHits
from .search_panel import SearchPanel
from .services import Services
from .state import AppState, Location
from .theme import MODES, apply_theme, effective_theme, icon_color
from .workers import Worker

log = logging.getLogger(__name__)

STATE_VERSION = 1


class MessageBar(QFrame):
    """A dismissible banner for problems the user must know about (not modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 4, 6)
        self.text = QLabel(self)
        self.text.setObjectName("messageText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = tool_button(self, "close", "closeMessage")
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self._sections: list[tuple[str, tuple[str, ...]]] = []
        self.hide()

    def show_messages(self, title: str, messages: list[str]) -> None:
        """Show a titled list; added below what is shown until the bar is dismissed."""
        if self.isHidden():
            self._sections = []
        section = (title, tuple(messages))
        if section not in self._sections:
            self._sections.append(section)
        self.text.setText(
            "\n".join(line for t, lines in self._sections for line in (t, *(f"• {m}" for m in lines)))
        )
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.setAccessibleName(self._sections[0][0])
        self.show()


class MainWindow(QMainWindow):
    """The reader window. Build it, `restore_state()`, `show()`, then `start()`."""

    objectiveShown = Signal(int)  # after an objective was shown and its passages laid out
    hitOpened = Signal(object)  # after a search hit was opened in a pane
    annotationShown = Signal(str)  # after a highlight's passage was shown in a pane
    settled = Signal()  # index finished and no background work pending
    # Each flow between the panes and docks lives in its own controller (created in `_build`):
    # objectives (ObjectivesFlow), search hits (SearchHits), linked scrolling (LinkedScrolling),
    # library changes (LibraryFlow) and the search index (IndexStatus).

    def __init__(
        self,
        services: Services,
        state: AppState | None = None,
        worker: Worker | None = None,
        translations: Translations | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._services = services
        self.state = state or AppState(self)
        self.worker = worker or Worker(self)
        self.translations = translations or Translations()
        self.history = History(self)
        self.objective_map = ObjectiveMap(services.corpus, services.objectives)
        self.cache = DocumentCache(services.corpus, self.state.reading_font(), self.state.theme, self)
        assert services.store is not None  # Services opens one
        self.annotator = Annotator(
            services.store, services.corpus, services.objectives, self, persist=services.persist
        )
        self.theme_mode = "system"
        self._fullscreen_state: QByteArray | None = None
        self._build()
        self.import_flow = ImportFlow(self)  # file dialog, drag-and-drop, progress, repairs report
        self.reading_width = ReadingWidthFlow(self.panes, self.services.settings, self)
        self._connect()
        self.compare_hooks = install_compare(self)
        self.retranslate()

    # === construction =========================================================================
    def _build(self) -> None:
        self.actions_by_name = create_actions(self)
        self.panes = PaneArea(self.cache, self.state.theme, self)
        self.message_bar = MessageBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.panes, 1)
        self.setCentralWidget(central)
        self._build_docks()
        self._build_toolbar()
        self._build_menus()
        self._build_flows()
        self.responsive = ResponsiveLayout(
            self, self.panes, self.docks, [self.toolbar, self.annotation_toolbar], lambda: self.cache.font
        )
        for combo in self.findChildren(QComboBox):  # the docks' filters
            plain_popup(combo)
        self.setWindowIcon(icons.app_icon())
        self._default_size()

    def _default_size(self) -> None:
        """1400×900, or 90 % of a smaller screen (a saved geometry replaces it)."""
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        width, height = 1400, 900
        if area is not None and area.width() > 0:
            width, height = min(width, int(area.width() * 0.9)), min(height, int(area.height() * 0.9))
        self.resize(width, height)

    def _build_docks(self) -> None:
        self.objectives_dock = ObjectiveTreeDock(self.services.objectives, self.services.corpus, self)
        self.outline_dock = OutlineDock(self)
        self.library_dock = LibraryDock(self.services.corpus, self)
        self.search_panel = SearchPanel(self.services, self.state, self.worker, self)
        self.annotations_panel = AnnotationsPanel(
            self.annotator, self.services.corpus, self.services.objectives, self
        )
        self.bookmarks_panel = BookmarksPanel(self.annotator, self.services.corpus, self)
        self.docks: list[QDockWidget] = [
            self.objectives_dock,
            self.search_panel,
            self.outline_dock,
            self.library_dock,
            self.annotations_panel,
            self.bookmarks_panel,
        ]
        for dock in self.docks:
            dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
        self.default_dock_layout()

    def default_dock_layout(self) -> None:
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        for dock in self.docks:
            dock.setFloating(False)
            self.addDockWidget(left, dock)
            dock.show()
        for dock in self.docks[1:]:
            self.tabifyDockWidget(self.docks[0], dock)
        self.objectives_dock.raise_()
        self.resizeDocks([self.objectives_dock], [DEFAULT_DOCK_WIDTH], Qt.Orientation.Horizontal)

    def _build_toolbar(self) -> None:
        a = self.actions_by_name
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in (
            "back",
            "forward",
            None,
            "addPane",
            "swapPanes",
            "linkedScrolling",
            None,
            "search",
            "gotoParagraph",
            None,
            "zoomOut",
            "zoomIn",
            None,
            "fullScreen",
        ):
            if name is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(a[name])
        for name in ("back", "forward", "zoomOut", "zoomIn", "swapPanes"):
            button = self.toolbar.widgetForAction(a[name])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            a[name].setProperty("iconOnly", True)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.annotation_toolbar = QToolBar(self)
        self.annotation_toolbar.setObjectName("annotationToolbar")
        self.annotation_toolbar.setMovable(False)
        self.annotation_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        colors = [highlight_action_name(c) for c in COLORS]
        for name in (*colors, "addNote", "addBookmark"):
            self.annotation_toolbar.addAction(a[name])
        for name in (*colors, "addNote"):  # their tooltips say what they do
            self.annotation_toolbar.widgetForAction(a[name]).setToolButtonStyle(
                Qt.ToolButtonStyle.ToolButtonIconOnly
            )
            a[name].setProperty("iconOnly", True)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.annotation_toolbar)

    def _build_menus(self) -> None:
        a = self.actions_by_name
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {}
        colors = [highlight_action_name(c) for c in COLORS]
        layout = {
            "file": ["importDocument", None, "importAnnotations", "exportAnnotations", None, "quit"],
            "edit": [
                "undo",
                "redo",
                None,
                *colors,
                "addNote",
                None,
                "addBookmark",
                None,
                "nameColors",
                "authorName",
            ],
            "view": [
                "addPane",
                "closePane",
                "swapPanes",
                "nextPane",
                "linkedScrolling",
                None,
                "zoomIn",
                "zoomOut",
                "zoomReset",
                "chooseFont",
                "readingWidth",
                "@theme",
                None,
                "@docks",
                "caretBrowsing",
                "fullWidthPunctuation",
                "fullScreen",
            ],
            "go": [
                "back",
                "forward",
                None,
                "gotoParagraph",
                "findInPane",
                "copyWithCitation",
                None,
                "search",
                "nextHit",
                "previousHit",
                None,
                "nextPassage",
                "previousPassage",
            ],
            "language": ["@language"],
            "help": ["keyboardShortcuts", None, "about"],
        }
        for key, entries in layout.items():
            menu = bar.addMenu("")
            menu.setObjectName(f"menu_{key}")
            self.menus[key] = menu
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                elif entry.startswith("@"):
                    getattr(self, f"_fill_{entry[1:]}_menu")(menu)
                else:
                    menu.addAction(a[entry])

    def _fill_theme_menu(self, menu: QMenu) -> None:
        self.theme_menu = menu.addMenu("")
        self.theme_menu.setObjectName("menu_theme")
        self.theme_group = QActionGroup(self)
        self.theme_actions = {}
        for mode in MODES:
            action = self.theme_menu.addAction("")
            action.setObjectName(f"action_theme_{mode}")
            action.setCheckable(True)
            action.setData(mode)
            self.theme_group.addAction(action)
            self.theme_actions[mode] = action
        self.theme_actions["system"].setChecked(True)

    def _fill_docks_menu(self, menu: QMenu) -> None:
        """Ctrl+1…6 show and focus a dock (never hide it: each dock has its own close button)."""
        self.dock_actions: dict[str, Any] = {}
        for number, dock in enumerate(self.docks, start=1):
            action = menu.addAction(dock.windowTitle())
            action.setObjectName(f"action_show_{dock.objectName()}")
            action.setShortcut(f"Ctrl+{number}")
            action.triggered.connect(lambda _=False, d=dock: self.focus_dock(d))
            dock.windowTitleChanged.connect(lambda title, a=action: a.setText(title))
            self.dock_actions[dock.objectName()] = action

    def _fill_language_menu(self, menu: QMenu) -> None:
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for code, name in LANGUAGES.items():
            action = menu.addAction(name)
            action.setObjectName(f"action_language_{code}")
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_actions[code] = action

    def _build_flows(self) -> None:
        services, a = self._services, self.actions_by_name
        self.statusBar().setObjectName("statusBar")
        self.objectives_flow = ObjectivesFlow(
            services,
            self.objective_map,
            self.panes,
            self.state,
            self.worker,
            self.add_pane,
            self.objectives_dock,
            self,
        )
        self.linked_scrolling = LinkedScrolling(
            services, self.objective_map, self.panes, self.state, self.worker, a["linkedScrolling"], self
        )
        self.search_hits = SearchHits(
            services, self.panes, self.search_panel, self.worker, self.current_pane, self
        )
        self.library_flow = LibraryFlow(services.paths, self.worker, self)
        self.index_status = IndexStatus(
            services, self.state, self.worker, self.search_panel, self.statusBar(), self
        )
        self.index_label, self.index_progress = self.index_status.label, self.index_status.progress

    @property
    def services(self) -> Services:
        return self._services

    @services.setter
    def services(self, services: Services) -> None:
        """New services (after an import or removal) reach every flow that uses them."""
        self._services = services
        self.objective_map = ObjectiveMap(services.corpus, services.objectives)
        for flow in (self.objectives_flow, self.linked_scrolling):
            flow.services, flow.objective_map = services, self.objective_map
        self.search_hits.services = services
        self.index_status.services = services

    # === signal wiring (all in one place) =====================================================
    def _connect(self) -> None:
        a = self.actions_by_name
        slots = {
            "back": self.go_back,
            "forward": self.go_forward,
            "addPane": self.add_pane,
            "closePane": self.close_current_pane,
            "swapPanes": self.swap_current_pane,
            "nextPane": self.focus_next_pane,
            "zoomIn": lambda: self.zoom(1),
            "zoomOut": lambda: self.zoom(-1),
            "zoomReset": lambda: self.zoom(0),
            "chooseFont": self.choose_font,
            "readingWidth": self.reading_width.ask,
            "gotoParagraph": lambda: self.go_to_paragraph(),
            "findInPane": self.find_in_pane,
            "search": self.search_panel.focus_query,
            "nextHit": lambda: self.search_panel.step(1),
            "previousHit": lambda: self.search_panel.step(-1),
            "nextPassage": lambda: self.objectives_flow.passage_step(self.current_pane(), 1),
            "previousPassage": lambda: self.objectives_flow.passage_step(self.current_pane(), -1),
            "copyWithCitation": lambda: self.current_pane().copy_with_citation(),
            "importDocument": self.import_document,
            "quit": self.close,
            "about": self.show_about,
            "keyboardShortcuts": lambda: self.show_shortcuts(),
            "undo": self.annotator.undo_stack.undo,
            "redo": self.annotator.undo_stack.redo,
            "addNote": lambda: self.annotator.annotate(self.current_pane()),
            "addBookmark": lambda: self.annotator.add_bookmark(self.current_pane()),
            "nameColors": self.annotator.name_colors,
            "authorName": lambda: ask_author_name(self, self.annotator.store),
            "exportAnnotations": lambda: self.export_annotations(),
            "importAnnotations": self.import_annotations,
        }
        for color in COLORS:
            slots[highlight_action_name(color)] = lambda _=False, c=color: self.annotator.highlight(
                self.current_pane(), c
            )
        for name, slot in slots.items():
            a[name].triggered.connect(slot)
        a["caretBrowsing"].toggled.connect(self._caret_browsing_toggled)
        a["fullScreen"].toggled.connect(self.set_full_screen)
        a["fullWidthPunctuation"].toggled.connect(self.set_full_width_punctuation)
        a["linkedScrolling"].toggled.connect(self._linked_scrolling_toggled)
        self.theme_group.triggered.connect(lambda action: self.set_theme_mode(action.data()))
        self.language_group.triggered.connect(lambda action: self.set_language(action.data()))
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self.history.changed.connect(self._update_history_actions)
        self.panes.paneAdded.connect(self._wire_pane)
        self.panes.paneRemoved.connect(lambda _p: self._panes_changed())
        self.panes.currentChanged.connect(self._current_pane_changed)
        self.objectives_dock.objectiveSelected.connect(self.show_objective)
        self.objectives_dock.passageActivated.connect(self.objectives_flow.open_passage)
        self.outline_dock.anchorActivated.connect(
            lambda anchor: self.current_pane().show_document(self.current_pane().doc_id, anchor)
        )
        self.library_dock.openRequested.connect(lambda doc, new: self.open_document(doc, new_pane=new))
        self.library_dock.importRequested.connect(self.import_document)
        self.library_dock.removeRequested.connect(self.remove_document)
        self.search_panel.hitActivated.connect(self.open_hit)
        self.annotator.bind_actions(a)
        self.annotator.changed.connect(self._annotations_changed)
        self.annotator.problem.connect(self.show_messages)
        self.annotator.message.connect(lambda text: self.state.show_message(text, 6000))
        stack = self.annotator.undo_stack  # slots take what the signals give: the stack may be
        stack.canUndoChanged.connect(a["undo"].setEnabled)  # half-destroyed when they fire
        stack.canRedoChanged.connect(a["redo"].setEnabled)
        stack.undoTextChanged.connect(lambda text: self._undo_tip("undo", text))
        stack.redoTextChanged.connect(lambda text: self._undo_tip("redo", text))
        self.annotations_panel.openRequested.connect(self.show_annotation)
        self.annotations_panel.exportRequested.connect(self.export_annotations)
        self.annotations_panel.importRequested.connect(self.import_annotations)
        self.annotations_panel.colorsRequested.connect(self.annotator.name_colors)
        self.bookmarks_panel.openRequested.connect(self.show_bookmark)
        self.bookmarks_panel.addRequested.connect(lambda: self.annotator.add_bookmark(self.current_pane()))
        self.state.readingFontChanged.connect(self._font_changed)
        self.state.themeChanged.connect(self._theme_changed)
        self.state.statusMessage.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.objectives_flow.objectiveShown.connect(self.objectiveShown)
        self.search_hits.hitOpened.connect(self.hitOpened)
        self.index_status.settled.connect(self.settled)
        self.index_status.failed.connect(lambda message: self.show_problems([message]))
        self.library_flow.reloaded.connect(self._corpus_reloaded)
        self.library_flow.failed.connect(lambda message: self.show_problems([message]))
        self._update_history_actions()
        self._update_undo_actions()
        self.annotator.selection_changed(None)

    def _wire_pane(self, pane: DocumentPane) -> None:
        pane.navigated.connect(self.history.record)
        pane.navigated.connect(lambda *_, p=pane: self.linked_scrolling.follow(p))  # jumps too
        pane.linkOpened.connect(lambda doc, anchor, p=pane: self._follow_link(p, doc, anchor))
        pane.gotoRequested.connect(lambda p=pane: self._goto_from(p))
        pane.userScrolled.connect(lambda p=pane: self._pane_scrolled(p))
        pane.documentChanged.connect(lambda _doc, p=pane: self._pane_document_changed(p))
        pane.closeRequested.connect(self._panes_changed)
        pane.view.selectionChanged.connect(lambda p=pane: self._pane_selection_changed(p))
        pane.add_context_menu_provider(self.annotator.context_menu)
        pane.set_caret_browsing(self.actions_by_name["caretBrowsing"].isChecked())
        self._panes_changed()

    # === panes and documents ==================================================================
    def current_pane(self) -> DocumentPane:
        return self.panes.current or self.panes.panes[0]

    def document_choices(self) -> list[tuple[str, str, str]]:
        return [(d.id, f"《{d.info.short_title}》", d.info.title) for d in self.services.corpus]

    def add_pane(self, doc_id: str = "", anchor: str = "") -> DocumentPane | None:
        if not doc_id:
            shown = {p.doc_id for p in self.panes.panes}
            doc_id = next(
                (d.id for d in self.services.corpus if d.id not in shown),
                self.services.corpus.documents[0].id if len(self.services.corpus) else "",
            )
        pane = self.panes.add_pane(doc_id, anchor)
        if pane is None:
            self.state.show_message(self.tr("At most four panes can be open."))
        return pane

    def close_current_pane(self) -> None:
        self.panes.close_pane(self.current_pane())

    def swap_current_pane(self) -> None:
        self.panes.swap(self.current_pane())

    def focus_next_pane(self) -> None:
        pane = self.panes.next_pane(self.current_pane()) or self.current_pane()
        self.panes.set_current(pane)
        pane.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_document(
        self, doc_id: str, anchor: str = "", *, pane: DocumentPane | None = None, new_pane: bool = False
    ) -> DocumentPane | None:
        if new_pane:
            pane = self.add_pane(doc_id, anchor)
            return pane
        pane = pane or self.current_pane()
        if not pane.show_document(doc_id, anchor):
            self.state.show_message(self.tr("Cannot open %1 %2").replace("%1", doc_id).replace("%2", anchor))
            return None
        self.panes.set_current(pane)
        return pane

    def _follow_link(self, pane: DocumentPane, doc_id: str, anchor: str) -> None:
        target = self.panes.next_pane(pane) if doc_id != pane.doc_id else pane
        self.open_document(doc_id, anchor, pane=target or pane)

    def _panes_changed(self) -> None:
        choices = self.document_choices()
        for pane in self.panes.panes:
            pane.set_document_choices(choices)
            pane.header.close_button.setEnabled(len(self.panes.panes) > 1)
            pane.header.swap.setEnabled(len(self.panes.panes) > 1)
        self.actions_by_name["closePane"].setEnabled(len(self.panes.panes) > 1)

    def _current_pane_changed(self, pane: DocumentPane) -> None:
        self.outline_dock.show_document(pane.document)
        self.outline_dock.show_position(pane.current_anchor())
        self.annotator.selection_changed(pane)

    def _pane_document_changed(self, pane: DocumentPane) -> None:
        self.annotator.paint(pane)
        if pane is self.panes.current:
            self.outline_dock.show_document(pane.document)

    def _pane_selection_changed(self, pane: DocumentPane) -> None:
        if pane is self.panes.current:
            self.annotator.selection_changed(pane)

    def _caret_browsing_toggled(self, on: bool) -> None:
        for pane in self.panes.panes:
            pane.set_caret_browsing(on)
        if on:
            self.current_pane().view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # === highlights, notes, bookmarks =========================================================
    def _annotations_changed(self, changes, docs: set[str]) -> None:
        for pane in self.panes.panes:
            if pane.doc_id in docs:
                self.annotator.paint(pane, changes)  # only the changed highlights

    def _update_undo_actions(self) -> None:
        stack, a = self.annotator.undo_stack, self.actions_by_name
        a["undo"].setEnabled(stack.canUndo())
        a["redo"].setEnabled(stack.canRedo())
        self._undo_tip("undo", stack.undoText())
        self._undo_tip("redo", stack.redoText())

    def _undo_tip(self, name: str, text: str) -> None:
        """ "Undo: Highlight (Ctrl+Z)"."""
        action = self.actions_by_name[name]
        label = self.tr("Undo: %1") if name == "undo" else self.tr("Redo: %1")
        tip = label.replace("%1", text) if text else action.statusTip()
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)

    def show_annotation(self, annotation_id: str) -> DocumentPane | None:
        """Show a highlight's passage in a pane (one showing its document, if any)."""
        excerpt = self.annotator.excerpt(annotation_id)
        if excerpt is None or not excerpt.found or not excerpt.anchors:
            self.state.show_message(
                self.tr(
                    "This highlight could not be placed in the current "
                    "text; its quote is kept in the Annotations panel."
                )
            )
            return None
        pane = self.panes.pane_for(excerpt.doc, keep=COMPACT_ID) or self.current_pane()
        if not pane.show_document(excerpt.doc, excerpt.anchors[0]):
            return None
        self.panes.set_current(pane)
        pane.set_highlights("focus", [Highlight(anchor) for anchor in excerpt.anchors])
        self.annotationShown.emit(annotation_id)
        return pane

    def show_bookmark(self, doc_id: str, anchor: str) -> DocumentPane | None:
        pane = self.panes.pane_for(doc_id, keep=COMPACT_ID) or self.current_pane()
        if not pane.show_document(doc_id, anchor):
            self.state.show_message(self.tr("Cannot open %1 %2").replace("%1", doc_id).replace("%2", anchor))
            return None
        self.panes.set_current(pane)
        pane.set_highlights("focus", [Highlight(anchor)])
        return pane

    def show_dock(self, name: str) -> None:
        """Bring a dock to the front: objectives, search, outline, library, annotations, bookmarks."""
        docks = {
            "objectives": self.objectives_dock,
            "search": self.search_panel,
            "outline": self.outline_dock,
            "library": self.library_dock,
            "annotations": self.annotations_panel,
            "bookmarks": self.bookmarks_panel,
        }
        dock = docks.get(name)
        if dock is not None:
            if self.responsive.is_collapsed():
                self.responsive.expand(dock)
            dock.show()
            dock.raise_()

    def focus_dock(self, dock: QDockWidget) -> None:
        """Show `dock` (in front of its tab group, docks expanded) and move the focus into it."""
        if self.responsive.is_collapsed():
            self.responsive.expand(dock)
        dock.show()
        dock.raise_()
        if dock is self.search_panel:
            self.search_panel.focus_query()
            return
        target = next(
            (
                w
                for w in dock.widget().findChildren(QWidget)
                if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(dock)
            ),
            dock.widget(),
        )
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def export_annotations(self, selection: ExportFilter | None = None) -> ExportDialog:
        """The export dialog (window-modal, returns at once), filtered like the panel."""
        dialog = ExportDialog(
            self.annotator, self.services.corpus, self.services.objectives, self.worker, selection, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(
            lambda path: self.state.show_message(self.tr("Exported to %1").replace("%1", path), 8000)
        )
        dialog.open()
        return dialog

    def import_annotations(self) -> ImportDialog:
        """Ask for a JSON-LD file, show what importing it would change, import on confirmation."""
        dialog = ImportDialog(self.annotator, self.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(
            lambda changes: self.state.show_message(
                self.tr("%n annotation(s) imported", "", len(changes)), 8000
            )
        )
        dialog.open()
        dialog.choose_file()
        return dialog

    # === history ==============================================================================
    def go_back(self) -> None:
        self._remember_place()
        self._apply_location(self.history.back())

    def go_forward(self) -> None:
        self._remember_place()
        self._apply_location(self.history.forward())

    def _remember_place(self) -> None:
        current = self.history.current()
        pane = self.panes.pane_by_uid(current.pane) if current else None
        if pane is not None:
            self.history.update_current(pane.location())

    def _apply_location(self, location: Location | None) -> None:
        if location is None:
            return
        pane = self.panes.pane_by_uid(location.pane) or self.current_pane()
        pane.show_document(location.doc, location.anchor, record=False)
        self.panes.set_current(pane)
        self.linked_scrolling.follow(pane)

    def _update_history_actions(self) -> None:
        self.actions_by_name["back"].setEnabled(self.history.can_go_back())
        self.actions_by_name["forward"].setEnabled(self.history.can_go_forward())

    # === navigation tools =====================================================================
    def ask_paragraph(self, pane: DocumentPane) -> str | None:
        """Ask which paragraph to go to (tests replace this)."""
        dialog = GoToDialog(pane.document, pane.current_anchor(), self)
        return dialog.anchor if dialog.exec() else None

    def go_to_paragraph(self, text: str | None = None) -> bool:
        pane = self.current_pane()
        if pane.document is None:
            return False
        if text is None:
            anchor = self.ask_paragraph(pane)
        else:
            anchor = resolve_paragraph(pane.document, text, pane.current_anchor())
        if not anchor:
            if text is not None:
                self.state.show_message(self.tr("No paragraph “%1” in this document.").replace("%1", text))
            return False
        return pane.show_document(pane.doc_id, anchor)

    def _goto_from(self, pane: DocumentPane) -> None:
        self.panes.set_current(pane)
        self.go_to_paragraph()

    def find_in_pane(self) -> None:
        self.current_pane().open_find()

    # === appearance ===========================================================================
    def zoom(self, step: int) -> None:
        self.state.set_zoom(0 if step == 0 else self.state.zoom + step)

    def ask_font_family(self) -> str | None:
        """Ask for the reading font (tests replace this)."""
        ok, font = QFontDialog.getFont(self.state.reading_font(), self, self.tr("Reading font"))
        return font.family() if ok else None

    def choose_font(self) -> None:
        family = self.ask_font_family()
        if family:
            self.state.set_font_family(family)

    def _font_changed(self, font) -> None:
        self.cache.set_font(font)
        self.responsive.schedule()
        for pane in self.panes.panes:
            pane.apply_font(font)

    def set_theme_mode(self, mode: str) -> None:
        self.theme_mode = mode if mode in MODES else "system"
        self.theme_actions[self.theme_mode].setChecked(True)
        self.state.set_theme(effective_theme(self.theme_mode))
        self._apply_app_theme()

    def _system_scheme_changed(self, _scheme) -> None:
        if self.theme_mode == "system":
            self.set_theme_mode("system")

    def _apply_app_theme(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.state.theme)
        icons.retint(icon_color(self.state.theme))

    def _theme_changed(self, theme: str) -> None:
        self.cache.reset(theme=theme)
        self.panes.theme = theme
        for pane in self.panes.panes:
            pane.reload(theme)

    def set_full_screen(self, on: bool) -> None:
        """Reading mode: only the panes, full screen; F11 or Esc returns."""
        if on == self.isFullScreen() and (self._fullscreen_state is not None) == on:
            return
        if on:
            self._fullscreen_state = self.saveState(STATE_VERSION)
            for widget in (*self.docks, self.toolbar, self.menuBar(), self.statusBar()):
                widget.hide()
            self.showFullScreen()
        else:
            self.showNormal()
            for widget in (self.toolbar, self.menuBar(), self.statusBar()):
                widget.show()
            if self._fullscreen_state is not None:
                self.restoreState(self._fullscreen_state, STATE_VERSION)
            self._fullscreen_state = None
        self.actions_by_name["fullScreen"].setChecked(on)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self._fullscreen_state is not None:
            self.set_full_screen(False)
            return
        super().keyPressEvent(event)

    # === language =============================================================================
    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            return
        self.translations.install(language)
        self.state.set_language(language)
        self.language_actions[language].setChecked(True)
        self.cache.reset()  # rendered documents carry a few UI words ("Notes")
        for pane in self.panes.panes:
            pane.reload()
        if self.services.persist:
            prefs.write(self.services.settings, prefs.LANGUAGE, language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.annotator.refresh()  # take in what another instance saved meanwhile
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compact Reader"))
        retranslate_actions(self.actions_by_name)
        titles = {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "view": self.tr("&View"),
            "go": self.tr("&Go"),
            "language": self.tr("&Language"),
            "help": self.tr("&Help"),
        }
        for key, menu in self.menus.items():
            menu.setTitle(titles[key])
        self.theme_menu.setTitle(self.tr("&Theme"))
        for mode, text in (
            ("system", self.tr("Follow the &system")),
            ("light", self.tr("&Light")),
            ("dark", self.tr("&Dark")),
        ):
            self.theme_actions[mode].setText(text)
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self.annotation_toolbar.setWindowTitle(self.tr("Highlight toolbar"))
        self.annotator.retranslate()
        self._update_undo_actions()
        for pane in self.panes.panes:
            self.annotator.paint(pane)  # tooltips name the colours' meanings
        self.index_status.retranslate()
        for pane in self.panes.panes:
            pane.set_document_choices(self.document_choices())

    # === flows (each in its controller) ======================================================
    def show_objective(self, number: int, anchor: str = "") -> None:
        """The Compact's objective in one pane; its linked passages in the other(s)."""
        self.objectives_flow.show_objective(number, anchor)

    def open_hit(self, hit: Any) -> None:
        """Open a search result: scroll a pane to it and highlight every match."""
        self.search_hits.open_hit(hit)

    def _linked_scrolling_toggled(self, on: bool) -> None:
        if on and self.panes.panes:
            self._pane_scrolled(self.current_pane())

    def _pane_scrolled(self, pane: DocumentPane) -> None:
        self.panes.set_current(pane)
        self.outline_dock.show_position(pane.current_anchor())
        self.objectives_flow.follow(pane)
        self.linked_scrolling.follow(pane)

    def start(self) -> None:
        """Background work after the window is shown: build or check the search index."""
        problems = list(self.services.corpus.problems)
        if problems:
            self.show_problems(problems)
        self.annotator.start()
        self.index_status.start()

    def is_settled(self) -> bool:
        """Index done (or impossible), nothing running in the background, no search pending."""
        return self.index_status.is_settled()

    def notice_text(self, message: str) -> str:
        """A core notice (`reader.core.notices.Notice`) in the interface language; a
        message without a code, or with one not known here, as it is (in English)."""
        return notice_text(message)

    def show_problems(self, problems: list[str]) -> None:
        self.show_messages(self.tr("Some things could not be loaded; the rest works:"), problems)

    def show_messages(self, title: str, messages: list[str]) -> None:
        messages = [notice_text(message) for message in messages]  # core notices, if not yet
        self.message_bar.show_messages(title, messages)

    # === library changes ======================================================================
    def ask_import_path(self) -> list[str] | str | None:
        """Ask for documents to import (tests replace this)."""
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import a document"),
            str(documents_folder()),
            self.tr("Documents (*.pdf *.docx *.txt *.md)"),
        )
        return paths or None

    def import_document(self) -> None:
        chosen = self.ask_import_path()
        if chosen:
            self.import_flow.start([chosen] if isinstance(chosen, str) else list(chosen))

    def remove_document(self, doc_id: str) -> None:
        self.library_flow.remove_document(doc_id)

    def refresh_library(self) -> None:
        """Read the library again now (documents imported or removed by another process)."""
        self._corpus_reloaded(reload_corpus(self.services.paths))

    def _corpus_reloaded(self, result: Reloaded) -> None:
        corpus, objectives, new_doc = result
        search = SearchService(corpus, objectives, self.services.paths)
        self.services = self.services.with_corpus(corpus, objectives, search)
        self.cache.reset(corpus=corpus)
        fallback = corpus.documents[0].id if len(corpus) else ""
        for pane in self.panes.panes:
            if pane.doc_id not in corpus:
                pane.show_document(fallback, record=False)
            pane.reload()
        self.objectives_dock.set_objectives(objectives, corpus)
        self.library_dock.set_corpus(corpus)
        self.annotator.set_corpus(corpus, objectives)
        self.annotations_panel.set_corpus(corpus, objectives)
        self.bookmarks_panel.set_corpus(corpus)
        self.search_panel.set_services(self.services)
        self._panes_changed()
        self.state.corpusChanged.emit()
        if corpus.problems:
            self.show_problems(list(corpus.problems))
        if new_doc:
            self.open_document(new_doc)
        self.start()

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help → Keyboard shortcuts (F1), listed from the menus themselves."""
        colors = [self.actions_by_name[highlight_action_name(c)] for c in COLORS]
        in_menus = shortcut_rows(list(self.menus.values()))
        listed = {(row[1], row[2]) for row in in_menus}
        rows = in_menus + [r for r in extra_rows(colors, self.tr("Highlight")) if (r[1], r[2]) not in listed]
        dialog = ShortcutsDialog(rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def set_full_width_punctuation(self, on: bool) -> None:
        """Display only: the stored text, offsets and anchors stay as they are."""
        if self.cache.full_width == on:
            return
        self.cache.full_width = on
        self.actions_by_name["fullWidthPunctuation"].setChecked(on)
        self.cache.reset()
        for pane in self.panes.panes:
            pane.reload()
            self.annotator.paint(pane)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Compact Reader"),
            self.tr(
                "Compact Reader %1\nThe UN texts on the Global Compact for Migration, side by side."
            ).replace("%1", __version__),
        )

    # === state ================================================================================
    def save_state(self) -> None:
        if not self.services.persist:
            return
        s = self.services.settings
        if self.responsive.is_collapsed():  # the docks are the user's; the collapse is ours
            self.panes.hide()  # closing: spare laying the documents out again at a new width
            self.responsive.expand()
        prefs.write(s, prefs.GEOMETRY, self.saveGeometry())
        prefs.write(s, prefs.WINDOW_STATE, self._fullscreen_state or self.saveState(STATE_VERSION))
        prefs.write(s, prefs.SPLITTER, self.panes.saveState())
        panes = [
            {"doc": p.doc_id, "anchor": p.current_anchor(), "line": p.top_line_offset()}
            for p in self.panes.panes
        ]
        prefs.write(s, prefs.PANES, json.dumps(panes, ensure_ascii=False))
        prefs.write(s, prefs.CURRENT_PANE, self.panes.panes.index(self.current_pane()))
        prefs.write(s, prefs.LINKED_SCROLLING, self.actions_by_name["linkedScrolling"].isChecked())
        prefs.write(s, prefs.ZOOM, self.state.zoom)
        prefs.write(s, prefs.FONT_FAMILY, self.state.font_family)
        prefs.write(s, prefs.THEME, self.theme_mode)
        prefs.write(s, prefs.LANGUAGE, self.state.language)
        prefs.write(s, prefs.FULL_WIDTH_PUNCTUATION, self.cache.full_width)
        s.sync()

    def restore_state(self, settings: QSettings | None = None) -> None:
        """Panes, docks, splitter and preferences from the last session (or defaults)."""
        s = settings or self.services.settings
        self._restore_preferences(s)
        self._restore_panes(s)
        geometry = prefs.read(s, prefs.GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = prefs.read(s, prefs.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state, STATE_VERSION)
        splitter = prefs.read(s, prefs.SPLITTER)
        if not splitter.isEmpty():
            QTimer.singleShot(0, self.panes, lambda: self.panes.restore_sizes(splitter))

    def _restore_preferences(self, s: QSettings) -> None:
        self.state.zoom = prefs.read(s, prefs.ZOOM)
        self.state.font_family = prefs.read(s, prefs.FONT_FAMILY)
        self.cache.set_font(self.state.reading_font())
        self.reading_width.load(s)
        linked = prefs.read(s, prefs.LINKED_SCROLLING)
        self.actions_by_name["linkedScrolling"].setChecked(linked)
        self.set_theme_mode(prefs.read(s, prefs.THEME))
        self.cache.full_width = prefs.read(s, prefs.FULL_WIDTH_PUNCTUATION)
        self.actions_by_name["fullWidthPunctuation"].setChecked(self.cache.full_width)
        language = (
            prefs.read(s, prefs.LANGUAGE)
            if s.contains(prefs.LANGUAGE.key)
            else (self.translations.language or prefs.LANGUAGE.default)
        )
        self.language_actions.get(language, self.language_actions["zh_CN"]).setChecked(True)
        self.state.language = language

    def _restore_panes(self, s: QSettings) -> None:
        try:
            saved = json.loads(prefs.read(s, prefs.PANES))
        except ValueError:
            saved = []
        saved = [p for p in saved if isinstance(p, dict) and p.get("doc") in self.services.corpus]
        if not saved:
            saved = self._default_panes()
        for entry in saved:
            pane = self.panes.add_pane(entry["doc"], str(entry.get("anchor", "")))
            line = entry.get("line", 0)
            if pane is not None and isinstance(line, int) and line > 0:
                pane.scroll_to_line(str(entry.get("anchor", "")), line)
        current = prefs.read(s, prefs.CURRENT_PANE)
        if 0 <= current < len(self.panes.panes):
            self.panes.set_current(self.panes.panes[current])
        if self.panes.panes:
            self.current_pane().view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _default_panes(self) -> list[dict[str, str]]:
        ids = [d.id for d in self.services.corpus]
        first = COMPACT_ID if COMPACT_ID in ids else (ids[0] if ids else "")
        second = next((i for i in ids if i != first), first)
        return [{"doc": first, "anchor": ""}, {"doc": second, "anchor": ""}] if first else []

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.annotator.close():  # saving failed and the user chose to stay
            event.ignore()
            return
        self.save_state()
        self.worker.shutdown()
        super().closeEvent(event)
