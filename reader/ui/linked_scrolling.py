"""Linked scrolling: when one pane moves, the others follow to the passage that corresponds.

The correspondence comes from the objective map (the same objective's passage in the
other document); where a place belongs to no single objective and the search index is
ready, the best related passage found by search in the other pane's document is used.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ..core.passages import ObjectiveMap
from .document_pane import DocumentPane, Highlight
from .pane_area import PaneArea
from .services import Services
from .state import INDEX_READY, AppState
from .workers import Worker

RELATED_CANDIDATES = 30


class LinkedScrolling(QObject):
    def __init__(
        self,
        services: Services,
        objective_map: ObjectiveMap,
        panes: PaneArea,
        state: AppState,
        worker: Worker,
        action: QAction,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.objective_map = services, objective_map
        self.panes, self.state, self.worker, self.action = panes, state, worker, action

    @property
    def enabled(self) -> bool:
        return self.action.isChecked()

    def search_ready(self) -> bool:
        return self.services.search is not None and self.state.index_status == INDEX_READY

    def follow(self, pane: DocumentPane) -> None:
        """Keep the other panes on the passage that corresponds to `pane`'s (if enabled)."""
        if not self.enabled:
            return
        anchor = pane.current_anchor()
        numbers = self.objective_map.objectives_at(pane.doc_id, anchor) if anchor else []
        for other in self.panes.other_panes(pane):
            target = None
            if len(numbers) == 1 or (numbers and not self.search_ready()):
                target = self.objective_map.corresponding(numbers[0], other.doc_id)
            if target:
                self._sync_to(other, target)
            elif anchor and self.search_ready():
                self._sync_related(pane.doc_id, anchor, other, numbers)

    def _sync_to(self, pane: DocumentPane, anchor: str) -> None:
        if pane.current_anchor() != anchor:
            pane.scroll_to(anchor)
            pane.set_highlights("focus", [Highlight(anchor)])

    def _sync_related(self, doc_id: str, anchor: str, other: DocumentPane, numbers: list[int]) -> None:
        """The best related passage in the other pane's document (of the same objective)."""
        search, target_doc, mapping = self.services.search, other.doc_id, self.objective_map
        assert search is not None  # search_ready() said so

        def arrived(hits: list[Any]) -> None:
            here = [h for h in hits if h.doc == target_doc]
            same = [h for h in here if set(mapping.objectives_at(target_doc, h.anchor)) & set(numbers)]
            best = (same or here or [None])[0]
            target = (
                best.anchor if best else (mapping.corresponding(numbers[0], target_doc) if numbers else None)
            )
            if target and other in self.panes.panes and other.doc_id == target_doc:
                self._sync_to(other, target)

        self.worker.submit(
            f"sync:{other.uid}",
            search.related,
            doc_id,
            anchor,
            RELATED_CANDIDATES,
            on_result=arrived,
            on_error=lambda exc: None,
        )
