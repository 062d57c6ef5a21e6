"""The window on a small screen: readable columns first, then docks, then toolbar text.

A pane's text column must hold at least `MIN_COLUMN_CHARS` CJK characters at the
reading font. When the window cannot give every pane that much:
1. the docks collapse to a narrow strip of tabs (when that gives the panes another column);
   a tab of the strip, or Ctrl+1…6, brings the docks back;
2. the panes that still do not fit are stacked as tabs in the last column (`PaneArea`).
The toolbars drop their button texts (icons and tooltips remain) when the window is too
narrow to show every action with its text, so no action falls into the overflow menu.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetricsF
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStyle, QTabBar, QToolBar, QWidget

from .document_pane import DocumentPane
from .pane_area import PaneArea
from .rendering import PARA_INDENT

MIN_COLUMN_CHARS = 18
CJK_SAMPLE = "中"
DOCUMENT_MARGIN = 28  # px, as `rendering` sets it on every document
COLUMN_SLACK = 10  # px: frame and rounding
DEFAULT_DOCK_WIDTH = 300


def cjk_advance(font: QFont) -> float:
    return QFontMetricsF(font).horizontalAdvance(CJK_SAMPLE)


def min_column_width(font: QFont, style: QStyle | None = None) -> int:
    """The narrowest pane whose plain paragraphs hold `MIN_COLUMN_CHARS` CJK characters."""
    scrollbar = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) if style else 16
    text = math.ceil(cjk_advance(font) * MIN_COLUMN_CHARS)
    return text + PARA_INDENT + 2 * DOCUMENT_MARGIN + scrollbar + COLUMN_SLACK


def text_column_chars(pane: DocumentPane) -> float:
    """How many CJK characters a plain paragraph line of `pane` holds right now."""
    document = pane.view.document()
    width = pane.view.viewport().width() - 2 * document.documentMargin() - PARA_INDENT
    return width / cjk_advance(document.defaultFont())


class DockStrip(QToolBar):
    """A narrow vertical strip standing in for the collapsed docks: one tab per dock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dockStrip")
        self.setMovable(False)
        self.setFloatable(False)
        self.setOrientation(Qt.Orientation.Vertical)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.hide()


class ResponsiveLayout(QObject):
    """Watches the window's size and keeps every pane readable (see the module docstring)."""

    def __init__(
        self,
        window: QMainWindow,
        panes: PaneArea,
        docks: list[QDockWidget],
        toolbars: list[QToolBar],
        font: Callable[[], QFont],
    ) -> None:
        super().__init__(window)
        self.window, self.panes, self.docks, self.toolbars = window, panes, docks, toolbars
        self._font = font
        self.strip = DockStrip(window)
        window.addToolBar(Qt.ToolBarArea.LeftToolBarArea, self.strip)
        self.strip_actions: dict[QDockWidget, QAction] = {}
        for dock in docks:
            action = self.strip.addAction(dock.windowTitle())
            action.setObjectName(f"strip_{dock.objectName()}")
            action.triggered.connect(lambda _=False, d=dock: self.expand(d))
            dock.windowTitleChanged.connect(lambda title, a=action: a.setText(title))
            self.strip_actions[dock] = action
        self.collapsed: list[QDockWidget] = []  # docks hidden by a collapse, to show again
        self._collapsed_width = 0
        self._text_widths = {bar: 0 for bar in toolbars}
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.update)
        window.installEventFilter(self)
        panes.paneAdded.connect(lambda _pane: self.schedule())
        panes.paneRemoved.connect(lambda _pane: self.schedule())

    # --- decisions ----------------------------------------------------------------------------
    def schedule(self) -> None:
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.schedule()
        return False

    def update(self) -> None:
        """Re-decide after a resize, a font change or a pane added or closed."""
        self.panes.set_min_column(min_column_width(self._font(), self.panes.style()))
        self._fit_toolbars()
        self._unelide_dock_tabs()
        wanted = len(self.panes.panes)
        width = self.panes.width()
        if not self.is_collapsed():
            docked = self._docked_width()
            if (
                docked
                and self.panes.columns_that_fit(width) < wanted
                and self.panes.columns_that_fit(width + docked - self._strip_width())
                > self.panes.columns_that_fit(width)
            ):
                self.collapse()
        elif self._collapsed_width:
            expanded = width - self._collapsed_width + self._strip_width()
            if self.panes.columns_that_fit(expanded) >= min(wanted, self.panes.columns_that_fit(width)):
                self.expand()
        self.panes.arrange()

    def _docked_width(self) -> int:
        """Width the visible docks take from the panes (each side counted once)."""
        widths: dict[Qt.DockWidgetArea, int] = {}
        for dock in self._visible_docked():
            area = self.window.dockWidgetArea(dock)
            widths[area] = max(widths.get(area, 0), dock.width())
        return sum(widths.values())

    def _visible_docked(self) -> list[QDockWidget]:
        return [d for d in self.docks if d.isVisible() and not d.isFloating()]

    def _strip_width(self) -> int:
        return self.strip.sizeHint().width()

    # --- collapsing the docks -----------------------------------------------------------------
    def is_collapsed(self) -> bool:
        return self.strip.isVisible()

    def collapse(self) -> None:
        docks = [d for d in self.docks if not d.isFloating() and not d.isHidden()]
        if not docks:
            return
        self._collapsed_width = self._docked_width()
        self.collapsed = docks
        for action in self.strip_actions.values():
            action.setVisible(False)
        for dock in docks:
            self.strip_actions[dock].setText(dock.windowTitle())
            self.strip_actions[dock].setVisible(True)
            dock.hide()
        self.strip.show()

    def expand(self, dock: QDockWidget | None = None) -> None:
        """Show the collapsed docks again (with `dock` in front)."""
        docks, self.collapsed = self.collapsed, []
        self._collapsed_width = 0
        self.strip.hide()
        for each in docks:
            each.show()
        if dock is not None:
            dock.show()
            dock.raise_()

    def _unelide_dock_tabs(self) -> None:
        """Dock tabs show whole titles ("Objectives", not "Object…"), scrolling if need be."""
        for bar in self.window.findChildren(QTabBar):
            if bar.parent() is self.window and bar.elideMode() != Qt.TextElideMode.ElideNone:
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)

    # --- toolbars -----------------------------------------------------------------------------
    def _fit_toolbars(self) -> None:
        """Texts beside the icons when everything fits in one row, icons only otherwise."""
        available = self.window.width() - self._strip_width() * self.is_collapsed()
        for bar in self.toolbars:
            if bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon:
                self._text_widths[bar] = bar.sizeHint().width()
        needed = sum(self._text_widths.values()) + 12
        style = (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if needed <= available
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        for bar in self.toolbars:
            if bar.toolButtonStyle() != style:
                bar.setToolButtonStyle(style)
                for action in bar.actions():  # these never show text: their icons say it
                    if action.property("iconOnly"):
                        bar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
