"""Back/forward history across panes, like a browser's but remembering the pane."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from .state import Location

MAX_ENTRIES = 200


class History(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[Location] = []
        self._index = -1

    def record(self, old: Location, new: Location) -> None:
        """A jump from `old` (where the reader was, scrolled) to `new`."""
        if old == new:
            return
        del self._entries[self._index + 1 :]
        if old.doc:
            if self._entries and self._same_place(self._entries[-1], old):
                self._entries[-1] = old
            elif not self._entries or self._entries[-1] != old:
                self._entries.append(old)
        if not self._entries or self._entries[-1] != new:
            self._entries.append(new)
        del self._entries[:-MAX_ENTRIES]
        self._index = len(self._entries) - 1
        self.changed.emit()

    def update_current(self, location: Location) -> None:
        """Remember where the reader scrolled to since the last jump, before moving away."""
        if 0 <= self._index < len(self._entries) and self._same_place(self._entries[self._index], location):
            self._entries[self._index] = location

    def back(self) -> Location | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        self.changed.emit()
        return self._entries[self._index]

    def forward(self) -> Location | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        self.changed.emit()
        return self._entries[self._index]

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def current(self) -> Location | None:
        return self._entries[self._index] if 0 <= self._index < len(self._entries) else None

    def entries(self) -> list[Location]:
        return list(self._entries)

    @staticmethod
    def _same_place(a: Location, b: Location) -> bool:
        return a.pane == b.pane and a.doc == b.doc
