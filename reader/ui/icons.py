"""Icons from resources/icons/*.svg, tinted for the current theme.

The SVGs are drawn in black (#000000); `icon()` recolours them to the palette's text
colour so one set of files serves the light and the dark theme.
"""

from __future__ import annotations

import weakref
from functools import lru_cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from ..paths import RESOURCES_DIR

ICON_DIR = RESOURCES_DIR / "icons"
SIZES = (16, 20, 24, 32, 48)
_state = {"color": "#3a4552"}
_bound: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@lru_cache(maxsize=256)
def _tinted(name: str, color: str) -> QIcon:
    path = ICON_DIR / f"{name}.svg"
    try:
        data = path.read_text(encoding="utf-8").replace("#000000", color)
    except OSError:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    result = QIcon()
    for size in SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result


def app_icon() -> QIcon:
    path = ICON_DIR / "app.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def icon(name: str, color: str | None = None) -> QIcon:
    """The named icon in `color` (default: the current theme's); empty if missing."""
    return _tinted(name, color or _state["color"])


def bind(target, name: str) -> None:
    """Give a button or action an icon that follows the theme (see `retint`)."""
    target.setIcon(icon(name))
    _bound[target] = name


def retint(color: str) -> None:
    """Recolour every bound icon, after a theme change."""
    _state["color"] = color
    for target, name in list(_bound.items()):
        try:
            target.setIcon(icon(name))
        except RuntimeError:  # the C++ object is gone
            _bound.pop(target, None)
