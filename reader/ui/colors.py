"""The five highlight colours as the interface shows them: names, meanings, swatches.

The core stores the built-in meanings in English ("agreed language", …); the interface
shows a meaning translated while it still equals the built-in one (`display_palette`).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ..core.annotations import COLORS, Palette

SWATCH_SIZES = (16, 20, 24, 32)


class ColorTexts(QObject):
    """Translatable names of the colours and of their built-in meanings."""

    def names(self) -> dict[str, str]:
        return {
            "yellow": self.tr("Yellow"),
            "red": self.tr("Red"),
            "green": self.tr("Green"),
            "blue": self.tr("Blue"),
            "purple": self.tr("Purple"),
        }

    def meanings(self) -> dict[str, str]:
        """Built-in meaning (as stored, in English) → shown."""
        return {
            "agreed language": self.tr("agreed language"),
            "red line": self.tr("red line"),
            "key commitment": self.tr("key commitment"),
            "to check": self.tr("to check"),
            "question": self.tr("question"),
        }


def color_name(color: str) -> str:
    return ColorTexts().names().get(color, color)


def display_palette(palette: Palette) -> Palette:
    """The palette with built-in meanings in the interface language (for showing and exporting)."""
    meanings = ColorTexts().meanings()
    return palette.translated(lambda name: meanings.get(name, name))


def color_label(palette: Palette, color: str) -> str:
    """ "Yellow — agreed language", in the interface language."""
    meaning = display_palette(palette).meaning(color)
    return f"{color_name(color)} — {meaning}" if meaning else color_name(color)


@lru_cache(maxsize=16)
def swatch_icon(color: str) -> QIcon:
    """A round swatch of a highlight colour (for buttons, menus and lists)."""
    icon = QIcon()
    fill = QColor(COLORS.get(color, color))
    for size in SWATCH_SIZES:
        for mode, opacity in ((QIcon.Mode.Normal, 1.0), (QIcon.Mode.Disabled, 0.4)):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setOpacity(opacity)  # a disabled swatch keeps its colour, faded
            painter.setPen(QPen(fill.darker(150), max(1.0, size / 16)))
            painter.setBrush(fill)
            margin = size * 0.14
            painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon
