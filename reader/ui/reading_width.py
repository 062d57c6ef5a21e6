"""The reading width, as calibre's viewer offers it: maximum line length, page margins
and line spacing, applied to every pane live and kept in the settings.

The maximum line length is counted in CJK characters of the reading font. Margins and
the line-length limit become the text view's viewport margins, so the text column (and
the responsive layout's measure of it) is what the reader sees; they never make the
column narrower than the responsive minimum (`MIN_COLUMN_CHARS`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QFont, QFontMetricsF, QTextBlockFormat, QTextCursor, QTextDocument

from . import settings as prefs
from .rendering import LINE_HEIGHT, PARA_INDENT

MIN_COLUMN_CHARS = 18  # as responsive.py: a narrower column is never made by a margin
LINE_CHOICES = (0, 30, 35, 40, 45, 50, 55, 60)  # 0: unlimited
LINE_SPACING_PROPERTY = "readerLineSpacing"


@dataclass(frozen=True)
class ReadingWidth:
    max_chars: int = 0  # characters a line holds at most; 0: the pane's width
    margin: int = 0  # px on each side of the text column
    line_spacing: int = LINE_HEIGHT  # percent of the font's line height


def side_margin(reading: ReadingWidth, available: int, font: QFont, document_margins: float) -> int:
    """The margin on each side of a view `available` px wide."""
    advance = QFontMetricsF(font).horizontalAdvance("中")
    fixed = PARA_INDENT + document_margins
    smallest = math.ceil(advance * MIN_COLUMN_CHARS)
    side = max(0, min(reading.margin, int((available - fixed - smallest) // 2)))
    if reading.max_chars:
        widest = math.ceil(advance * reading.max_chars) + 2
        side = max(side, int((available - fixed - widest) // 2))
    return side


def apply_line_spacing(qdoc: QTextDocument, percent: int) -> None:
    """Every block's line height (a rendered copy remembers what it has, so this is done
    once per change, not per show)."""
    current = qdoc.property(LINE_SPACING_PROPERTY) or LINE_HEIGHT
    if current == percent:
        return
    fmt = QTextBlockFormat()
    fmt.setLineHeight(percent, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor = QTextCursor(qdoc)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(fmt)
    qdoc.setProperty(LINE_SPACING_PROPERTY, percent)


def read_reading_width(settings: QSettings) -> ReadingWidth:
    return ReadingWidth(
        prefs.read(settings, prefs.MAX_LINE_CHARS),
        prefs.read(settings, prefs.PAGE_MARGIN),
        prefs.read(settings, prefs.LINE_SPACING),
    )


def write_reading_width(settings: QSettings, reading: ReadingWidth) -> None:
    prefs.write(settings, prefs.MAX_LINE_CHARS, reading.max_chars)
    prefs.write(settings, prefs.PAGE_MARGIN, reading.margin)
    prefs.write(settings, prefs.LINE_SPACING, reading.line_spacing)


class ReadingWidthFlow(QObject):
    """Holds the reading width; applies it to every pane, new ones too; stores it."""

    def __init__(self, panes, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panes, self.settings = panes, settings
        self.reading = ReadingWidth()
        panes.paneAdded.connect(lambda pane: pane.set_reading_width(self.reading))
        self.load(settings)

    def load(self, settings: QSettings) -> None:
        """The stored reading width (from now on also stored there), applied to every pane."""
        self.settings = settings
        self.reading = read_reading_width(settings)
        for pane in self.panes.panes:
            pane.set_reading_width(self.reading)

    def set_reading_width(self, reading: ReadingWidth) -> None:
        self.reading = reading
        write_reading_width(self.settings, reading)
        for pane in self.panes.panes:
            pane.set_reading_width(reading)

    def ask(self) -> None:
        """The dialog: changes show in every pane as they are made; Cancel puts back."""
        from .dialogs.reading_width import ReadingWidthDialog

        before = self.reading
        parent = self.parent()
        dialog = ReadingWidthDialog(before, parent if hasattr(parent, "winId") else None)
        dialog.changed.connect(self.set_reading_width)
        try:
            if not dialog.exec():
                self.set_reading_width(before)
        finally:
            dialog.deleteLater()
