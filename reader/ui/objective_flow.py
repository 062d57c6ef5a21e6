"""The window and the objective tree following each other.

* A passage clicked in the tree's details panel is shown in a pane, within the
  objective's linked passages (so ▲/▼ go on from there).
* As the reader scrolls a pane into an objective of the Compact, or into a passage
  linked or related to one, the tree selects that objective quietly — nothing else
  moves — the way calibre's contents follow the reading position.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..core.objectives import COMPACT_ID

if TYPE_CHECKING:
    from .document_pane import DocumentPane
    from .main_window import MainWindow


class ObjectiveFlow(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def open_passage(self, number: int, doc_id: str, anchor: str) -> None:
        """Show objective `number` (if it is not shown yet), then its passage `doc_id/anchor`."""
        window = self.window
        if window.objectives_dock.current_number() != number or not self._panes_on(number):
            window.show_objective(number)
        pane = self._pane_for(number, doc_id)
        if pane is None:
            return
        passages = pane.passages()
        index = next((i for i, p in enumerate(passages.passages)
                      if p.doc == doc_id and p.anchor == anchor), None) if passages else None
        if index is None:
            pane.show_document(doc_id, anchor)
        else:
            pane.go_to_passage(index)
        window.panes.set_current(pane)

    def _panes_on(self, number: int) -> list[DocumentPane]:
        return [pane for pane in self.window.panes.panes
                if pane.passages() is not None and pane.passages().objective == number]

    def _pane_for(self, number: int, doc_id: str) -> DocumentPane | None:
        """The pane showing that document among the objective's panes, else the first of them."""
        panes = self._panes_on(number)
        return next((p for p in panes if p.doc_id == doc_id), panes[0] if panes else None)

    def follow(self, pane: DocumentPane) -> None:
        """The reader reached `pane`'s current block: select its objective in the tree."""
        anchor = pane.current_anchor()
        if not anchor or not pane.doc_id:
            return
        numbers = self.window.objective_map.objectives_following(pane.doc_id, anchor)
        dock = self.window.objectives_dock
        if not numbers or dock.current_number() in numbers[1:]:
            return  # several objectives share this passage and one of them is already selected
        dock.follow(numbers[0], anchor if pane.doc_id == COMPACT_ID else "")
