"""Light and dark themes: Fusion style, a palette, and resources/styles/<theme>.qss.

"system" follows the desktop's colour scheme (QStyleHints.colorScheme) and changes
with it while the app runs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ..paths import RESOURCES_DIR

log = logging.getLogger(__name__)

STYLE_DIR = RESOURCES_DIR / "styles"
MODES = ("system", "light", "dark")

_COLORS = {
    "light": {
        "Window": "#f3f4f6",
        "WindowText": "#1f2630",
        "Base": "#ffffff",
        "AlternateBase": "#f5f7fa",
        "Text": "#1f2630",
        "Button": "#eceef1",
        "ButtonText": "#1f2630",
        "Highlight": "#2f6fc0",
        "HighlightedText": "#ffffff",
        "ToolTipBase": "#fffdf2",
        "ToolTipText": "#1f2630",
        "PlaceholderText": "#6b7684",
        "Link": "#1a5fb4",
        "Mid": "#c9ced6",
        "Dark": "#9aa3ae",
        "Light": "#ffffff",
        "Midlight": "#e3e6ea",
        "Shadow": "#7a828c",
        "BrightText": "#ffffff",
    },
    "dark": {
        "Window": "#23272e",
        "WindowText": "#e3e7ec",
        "Base": "#1b1e23",
        "AlternateBase": "#262a31",
        "Text": "#e3e7ec",
        "Button": "#2d323a",
        "ButtonText": "#e3e7ec",
        "Highlight": "#3d7dd8",
        "HighlightedText": "#ffffff",
        "ToolTipBase": "#2d323a",
        "ToolTipText": "#e3e7ec",
        "PlaceholderText": "#8e98a5",
        "Link": "#8cb8f0",
        "Mid": "#444b55",
        "Dark": "#15181c",
        "Light": "#3a4049",
        "Midlight": "#343a42",
        "Shadow": "#0c0e10",
        "BrightText": "#ffffff",
    },
}


def system_theme() -> str:
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def effective_theme(mode: str) -> str:
    return system_theme() if mode not in ("light", "dark") else mode


def palette_for(theme: str) -> QPalette:
    palette = QPalette()
    for role_name, color in _COLORS[theme].items():
        role = getattr(QPalette.ColorRole, role_name)
        palette.setColor(QPalette.ColorGroup.All, role, QColor(color))
    disabled = QColor(_COLORS[theme]["PlaceholderText"])
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def style_sheet(theme: str) -> str:
    try:
        return (STYLE_DIR / f"{theme}.qss").read_text(encoding="utf-8")
    except OSError as exc:
        log.warning("no style sheet for the %s theme: %s", theme, exc)
        return ""


def apply_theme(app: QApplication, theme: str) -> None:
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette_for(theme))
    app.setStyleSheet(style_sheet(theme))


def icon_color(theme: str) -> str:
    return "#d5dbe2" if theme == "dark" else "#3a4552"
