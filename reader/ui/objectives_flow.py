"""The objectives flow: an objective of the Compact in one pane, its passages in the others.

Selecting an objective shows its section of the Compact (shaded, the objective and its
commitment in focus) and lays out the linked passages of the other documents in the
other panes; once the search index is ready, related passages found by search are
merged in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..core.model import Objective
from ..core.objectives import COMPACT_ID
from ..core.passages import (
    ObjectiveMap,
    Passage,
    PassageSet,
    best_document,
    merge_related,
    objective_passages,
)
from .document_pane import DocumentPane, Highlight
from .pane_area import PaneArea
from .services import Services
from .state import INDEX_READY, AppState
from .workers import Worker

log = logging.getLogger(__name__)

RELATED_LIMIT = 12


class ObjectivesFlow(QObject):
    objectiveShown = Signal(int)     # after an objective was shown and its passages laid out

    def __init__(self, services: Services, objective_map: ObjectiveMap, panes: PaneArea,
                 state: AppState, worker: Worker, add_pane: Callable[[], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services, self.objective_map = services, objective_map
        self.panes, self.state, self.worker, self._add_pane = panes, state, worker, add_pane
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
        passages = PassageSet(self.tr("Objective %1").replace("%1", str(number)),
                              objective_passages(objective, self.services.corpus), number)
        self._lay_out_passages(compact_pane, passages)
        self.request_related()
        self.objectiveShown.emit(number)

    def _show_in_compact(self, pane: DocumentPane, objective: Objective, anchor: str) -> None:
        pane.clear_passages()
        pane.show_document(COMPACT_ID, anchor)
        pane.set_highlights("link", [Highlight(a) for a in self.objective_map.section(objective)])
        focus = [objective.anchor, objective.commitment_anchor] if anchor == objective.anchor \
            else [anchor]
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

    def request_related(self) -> None:
        """Search for passages related to the objective shown (once the index is ready)."""
        search = self.services.search
        if self.current is None or search is None or self.state.index_status != INDEX_READY:
            return
        number, anchor = self.current
        self.worker.submit("related", search.related, COMPACT_ID, anchor, RELATED_LIMIT,
                           on_result=lambda hits: self._related_arrived(number, anchor, hits),
                           on_error=lambda exc: log.warning("related passages failed: %s", exc))

    def _related_arrived(self, number: int, anchor: str, hits: list[Any]) -> None:
        if self.current != (number, anchor):
            return
        related = [Passage(h.doc, h.anchor, h.citation, "related", tuple(h.highlights))
                   for h in hits]
        for pane in self.panes.panes:
            current = pane.passages()
            if current is None or current.objective != number:
                continue
            merged = PassageSet(current.title, merge_related(current.passages, related), number)
            had_none = not current.passages
            pane.update_passages(merged)
            if had_none and merged.passages:
                pane.go_to_passage(0)

    def passage_step(self, current: DocumentPane, delta: int) -> None:
        """▲/▼ through the linked passages of the current pane (or the first pane that has some)."""
        pane = current
        if pane.passages() is None:
            pane = next((p for p in self.panes.panes if p.passages()), pane)
        if delta > 0:
            pane.next_passage()
        else:
            pane.previous_passage()
