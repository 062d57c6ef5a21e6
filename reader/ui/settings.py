"""Every setting the window keeps, in one place: its key, its type and its default.

calibre's viewer declares its preferences in one list; so do we. Code reads and writes
settings only through `read` and `write` with one of the `Setting`s below, so a key
cannot be misspelt in one place, and a value of the wrong type in the file (edited by
hand, or left by an older version) falls back to the default instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    minimum: float | None = None  # numbers: values outside [minimum, maximum] fall back
    maximum: float | None = None


# --- window layout --------------------------------------------------------------------------
GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
SPLITTER = Setting("window/splitter", QByteArray, QByteArray())
PANES = Setting("panes/json", str, "[]")  # [{"doc": id, "anchor": a, "offset": n}]
CURRENT_PANE = Setting("panes/current", int, 0)
# --- view preferences -----------------------------------------------------------------------
LINKED_SCROLLING = Setting("view/linkedScrolling", bool, False)
ZOOM = Setting("view/zoom", int, 0, -6, 12)
FONT_FAMILY = Setting("view/fontFamily", str, "")
THEME = Setting("view/theme", str, "system")
LANGUAGE = Setting("language", str, "zh_CN")
FULL_WIDTH_PUNCTUATION = Setting("view/fullWidthPunctuation", bool, False)
MAX_LINE_CHARS = Setting("view/maxLineChars", int, 0, 0, 200)  # CJK characters; 0: no limit
PAGE_MARGIN = Setting("view/pageMargin", int, 0, 0, 300)  # px each side of the text
LINE_SPACING = Setting("view/lineSpacing", int, 165, 100, 300)  # percent

ALL: tuple[Setting[Any], ...] = (
    GEOMETRY,
    WINDOW_STATE,
    SPLITTER,
    PANES,
    CURRENT_PANE,
    LINKED_SCROLLING,
    ZOOM,
    FONT_FAMILY,
    THEME,
    LANGUAGE,
    FULL_WIDTH_PUNCTUATION,
    MAX_LINE_CHARS,
    PAGE_MARGIN,
    LINE_SPACING,
)


def read(settings: QSettings, setting: Setting[T]) -> T:
    """The stored value converted to the setting's type; the default when absent or invalid."""
    raw = settings.value(setting.key, None)
    if raw is None:
        return setting.default
    try:
        value = _convert(raw, setting.type)
    except (TypeError, ValueError):
        return setting.default
    if setting.type in (int, float) and not _in_range(value, setting):
        return setting.default
    return value  # type: ignore[no-any-return]


def write(settings: QSettings, setting: Setting[T], value: T) -> None:
    settings.setValue(setting.key, value)


def _convert(raw: Any, kind: type) -> Any:
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in ("true", "1", "yes"):
            return True
        if text in ("false", "0", "no", ""):
            return False
        raise ValueError(raw)
    if kind is QByteArray:
        if isinstance(raw, QByteArray):
            return raw
        raise TypeError(raw)
    if kind is int:
        return int(float(raw))
    if kind is float:
        return float(raw)
    return kind(raw)


def _in_range(value: float, setting: Setting[Any]) -> bool:
    low, high = setting.minimum, setting.maximum
    return (low is None or value >= low) and (high is None or value <= high)
