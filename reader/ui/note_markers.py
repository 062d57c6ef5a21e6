"""The margin marks of highlights that carry a note.

A highlight with a note gets a small pen glyph in the right-hand margin, beside the line
where it starts; hovering the glyph shows the note (the pane turns it into a plain-text
tooltip). Only the markers in view are laid out and painted, so a document with
thousands of annotated highlights scrolls as fast as one with none.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QTextCursor
from PySide6.QtWidgets import QTextEdit

GLYPH = "✎"
GLYPH_COLORS = {"light": "#b8860b", "dark": "#e0b84a"}
MARK_WIDTH = 22  # px, inside the document's right margin (28 px)


class NoteMarkers:
    """The note markers of one text view: (document position, note), sorted by position."""

    def __init__(self, view: QTextEdit) -> None:
        self.view = view
        self.theme = "light"
        self.markers: list[tuple[int, str]] = []
        self._positions: list[int] = []

    def clear(self) -> None:
        self.set_markers([])

    def set_markers(self, markers: list[tuple[int, str]]) -> None:
        self.markers = markers
        self._positions = [position for position, _note in markers]
        viewport = self.view.viewport()  # only the margin the marks are painted in
        left = viewport.width() - int(self.view.document().documentMargin()) + 2
        viewport.update(QRect(left, 0, MARK_WIDTH, viewport.height()))

    def visible(self) -> list[tuple[QRect, str]]:
        """Each marker in view with the rectangle it is painted in (viewport coordinates)."""
        if not self.markers:
            return []
        viewport = self.view.viewport()
        first = self.view.cursorForPosition(QPoint(0, 0)).position()
        last = self.view.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        first, last = min(first, last), max(first, last)  # inverted while Qt lays the text out again
        result = []
        document = self.view.document()
        left = viewport.width() - int(document.documentMargin()) + 2
        for index in range(bisect_left(self._positions, first), bisect_right(self._positions, last)):
            position, note = self.markers[index]
            cursor = QTextCursor(document)
            cursor.setPosition(min(position, document.characterCount() - 1))
            line = self.view.cursorRect(cursor)
            result.append((QRect(left, line.top(), MARK_WIDTH, max(line.height(), MARK_WIDTH)), note))
        return result

    def note_at(self, pos: QPoint) -> str:
        """The note of the marker under `pos` (several on one line: all of them)."""
        notes = [note for rect, note in self.visible() if rect.contains(pos)]
        return "\n\n".join(notes)

    def paint(self) -> None:
        shown = self.visible()
        if not shown:
            return
        painter = QPainter(self.view.viewport())
        painter.setFont(self.view.document().defaultFont())  # as large as the text beside it
        painter.setPen(QColor(GLYPH_COLORS.get(self.theme, GLYPH_COLORS["light"])))
        drawn: set[int] = set()
        for rect, _note in shown:
            if rect.top() in drawn:  # two notes starting on one line: one mark
                continue
            drawn.add(rect.top())
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, GLYPH)
        painter.end()
