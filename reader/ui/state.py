"""The one hub of application-wide signals and view preferences.

Created once by the application (or by a test) and passed to every widget that
needs it; nothing imports an instance of it. Widgets announce changes here and
listen here, so no widget needs a reference to another one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont

ZOOM_MIN, ZOOM_MAX = -6, 12
BASE_POINT_SIZE = 13.0
ZOOM_STEP = 1.0

INDEX_UNAVAILABLE = "unavailable"  # no search service (tests that need none)
INDEX_BUILDING = "building"
INDEX_READY = "ready"
INDEX_FAILED = "failed"


@dataclass(frozen=True)
class Location:
    """Where a pane is: the document and the block anchor at the top of the view."""

    pane: int
    doc: str
    anchor: str = ""


class AppState(QObject):
    """Signals every part of the UI may emit or listen to, and the shared preferences."""

    languageChanged = Signal(str)  # "zh_CN" | "en"
    themeChanged = Signal(str)  # "light" | "dark" (the effective theme)
    readingFontChanged = Signal(QFont)  # family and zoomed size for document panes
    corpusChanged = Signal()  # documents were imported or removed
    indexStatusChanged = Signal(str)  # one of the INDEX_* values
    indexProgress = Signal(int, int)  # done, total while the index is being built
    statusMessage = Signal(str, int)  # text, timeout in ms (0: until replaced)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = "zh_CN"
        self.theme = "light"
        self.font_family = ""
        self.zoom = 0
        self.index_status = INDEX_UNAVAILABLE

    # --- reading font -------------------------------------------------------------------------
    def reading_font(self) -> QFont:
        font = QFont(self.font_family) if self.font_family else QFont()
        if not self.font_family:
            font.setFamilies(
                [
                    "Noto Serif CJK SC",
                    "Source Han Serif SC",
                    "WenQuanYi Micro Hei",
                    "Microsoft YaHei",
                    "PingFang SC",
                    "sans-serif",
                ]
            )
        font.setPointSizeF(BASE_POINT_SIZE + ZOOM_STEP * self.zoom)
        return font

    def set_font_family(self, family: str) -> None:
        if family != self.font_family:
            self.font_family = family
            self.readingFontChanged.emit(self.reading_font())

    def set_zoom(self, zoom: int) -> None:
        zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        if zoom != self.zoom:
            self.zoom = zoom
            self.readingFontChanged.emit(self.reading_font())

    # --- theme, language, index ---------------------------------------------------------------
    def set_theme(self, theme: str) -> None:
        if theme != self.theme:
            self.theme = theme
            self.themeChanged.emit(theme)

    def set_language(self, language: str) -> None:
        if language != self.language:
            self.language = language
            self.languageChanged.emit(language)

    def set_index_status(self, status: str) -> None:
        if status != self.index_status:
            self.index_status = status
            self.indexStatusChanged.emit(status)

    def show_message(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusMessage.emit(text, timeout_ms)
