"""The objectives flow: an objective of the Compact in one pane, its passages in the others.

Selecting an objective shows its section of the Compact (shaded, the objective and its
commitment in focus) and lays out its passages of the other documents in the other
panes: per document its explicit links, ranked by topic, then its related ones. As
the reader scrolls into an objective (or a passage linked or related to one), the
tree selects it quietly; a passage clicked in the tree's details panel is shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..core.model import Objective
from ..core.objectives import COMPACT_ID
from ..core.passages import (
    ObjectiveMap,
    PassageSet,
    best_document,
    objective_passages,
)
from .document_pane import DocumentPane, Highlight
from .objective_tree import ObjectiveTreeDock
from .pane_area import PaneArea
from .services import Services
from .state import AppState
from .workers import Worker

log = logging.getLogger(__name__)


class ObjectivesFlow(QObject):
    objectiveShown = Signal(int)  # after an objective was shown and its passages laid out

    def __init__(
        self,
        services: Services,
        objective_map: ObjectiveMap,
        panes: PaneArea,
        state: AppState,
        worker: Worker,
        add_pane: Callable[[], object],
        tree: ObjectiveTreeDock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.objective_map = services, objective_map
        self.panes, self.state, self.worker, self._add_pane = panes, state, worker, add_pane
        self.tree = tree
        self.current: tuple[int, str] | None = None  # the objective shown, and its anchor

    def show_objective(self, number: int, anchor: str = "") -> None:
        """The Compact's objective in one pane; its linked passages in the other(s)."""
        objective = self.services.objective(number)
        compact = self.services.compact
        if objective is None or compact is None:
            return
        anchor = anchor or objective.anchor
        self.current = (number, anchor)
        if len(self.panes.panes) < 2:
            self._add_pane()
        compact_pane = self.panes.pane_showing(COMPACT_ID) or self.panes.panes[0]
        self._show_in_compact(compact_pane, objective, anchor)
        passages = PassageSet(
            self.tr("Objective %1").replace("%1", str(number)),
            objective_passages(objective, self.services.corpus),
            number,
        )
        self._lay_out_passages(compact_pane, passages)
        self.objectiveShown.emit(number)

    def _show_in_compact(self, pane: DocumentPane, objective: Objective, anchor: str) -> None:
        pane.clear_passages()
        pane.show_document(COMPACT_ID, anchor)
        pane.set_highlights("link", [Highlight(a) for a in self.objective_map.section(objective)])
        focus = [objective.anchor, objective.commitment_anchor] if anchor == objective.anchor else [anchor]
        pane.set_highlights("focus", [Highlight(a) for a in focus])
        self.panes.set_current(pane)

    def _lay_out_passages(self, compact_pane: DocumentPane, passages: PassageSet) -> None:
        """Each other pane shows the objective's passages in its own document. A pane whose
        document has none keeps it (the reader chose it), unless no pane shows any passage:
        then the first such pane turns to the document with the most."""
        others = self.panes.other_panes(compact_pane)
        linked = [p for p in others if p.doc_id != COMPACT_ID and passages.in_doc(p.doc_id)]
        used = {p.doc_id for p in linked}
        for pane in linked:
            pane.set_passages(passages, passages.index_in(pane.doc_id))
        for pane in others:
            if pane in linked:
                continue
            if linked and pane.doc_id != COMPACT_ID:
                pane.clear_passages()
                continue
            doc = best_document(passages.passages, used)
            used.add(doc or pane.doc_id)
            linked.append(pane)  # related passages found by search may come later
            pane.set_passages(passages, passages.index_in(doc) if doc else 0)

    def passage_step(self, current: DocumentPane, delta: int) -> None:
        """▲/▼ through the linked passages of the current pane (or the first pane that has some)."""
        pane = current
        if pane.passages() is None:
            pane = next((p for p in self.panes.panes if p.passages()), pane)
        if delta > 0:
            pane.next_passage()
        else:
            pane.previous_passage()

    def open_passage(self, number: int, doc_id: str, anchor: str) -> None:
        """Show objective `number` (if it is not shown yet), then its passage `doc_id/anchor`."""
        if self.tree.current_number() != number or not self._panes_on(number):
            self.show_objective(number)
        pane = self._pane_for(number, doc_id)
        if pane is None:
            return
        passages = pane.passages()
        index = (
            next((i for i, p in enumerate(passages.passages) if p.doc == doc_id and p.anchor == anchor), None)
            if passages
            else None
        )
        if index is None:
            pane.show_document(doc_id, anchor)
        else:
            pane.go_to_passage(index)
        self.panes.set_current(pane)

    def _panes_on(self, number: int) -> list[DocumentPane]:
        return [
            pane
            for pane in self.panes.panes
            if pane.passages() is not None and pane.passages().objective == number
        ]

    def _pane_for(self, number: int, doc_id: str) -> DocumentPane | None:
        """The pane showing that document among the objective's panes, else the first of them."""
        panes = self._panes_on(number)
        return next((p for p in panes if p.doc_id == doc_id), panes[0] if panes else None)

    def follow(self, pane: DocumentPane) -> None:
        """The reader reached `pane`'s current block: select its objective in the tree quietly."""
        anchor = pane.current_anchor()
        if not anchor or not pane.doc_id:
            return
        numbers = self.objective_map.objectives_following(pane.doc_id, anchor)
        if not numbers:
            return
        if pane.doc_id == COMPACT_ID:
            self.tree.follow(numbers[0], anchor)  # down to the action being read
        elif self.tree.current_number() not in numbers:  # several objectives may share a passage
            self.tree.follow(numbers[0])
