"""Opening a search hit: the pane to use, every match highlighted, all matches fetched."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..core.objectives import COMPACT_ID
from .document_pane import DocumentPane, Highlight
from .pane_area import PaneArea
from .search_panel import SearchPanel
from .services import Services
from .workers import Worker

log = logging.getLogger(__name__)

ALL_MATCHES_LIMIT = 1000


def match_highlights(hits: list[Any]) -> list[Highlight]:
    return [Highlight(h.anchor, s, e) for h in hits for s, e in h.highlights]


class SearchHits(QObject):
    hitOpened = Signal(object)  # after a search hit was opened in a pane

    def __init__(
        self,
        services: Services,
        panes: PaneArea,
        search_panel: SearchPanel,
        worker: Worker,
        current_pane: Callable[[], DocumentPane],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.panes, self.search_panel = services, panes, search_panel
        self.worker, self._current_pane = worker, current_pane

    def open_hit(self, hit: Any) -> None:
        """Open a search result: scroll a pane to it and highlight every match."""
        pane = self.panes.pane_for(hit.doc, keep=COMPACT_ID) or self._current_pane()
        pane.clear_passages()
        if not pane.show_document(hit.doc, hit.anchor):
            return
        self.panes.set_current(pane)
        if hit.highlights:  # keyboard selection starts at the match
            pane.place_caret(hit.anchor, hit.highlights[0][0])
        hits = self.search_panel.model.hits_in(hit.doc) or [hit]
        pane.set_highlights("search", match_highlights(hits))
        for other in self.panes.other_panes(pane):
            other.set_highlights("search", match_highlights(self.search_panel.model.hits_in(other.doc_id)))
        pane.set_highlights("focus", [Highlight(hit.anchor)])
        self._request_all_matches(pane, hit)
        self.hitOpened.emit(hit)

    def _request_all_matches(self, pane: DocumentPane, hit: Any) -> None:
        search, query = self.services.search, self.search_panel.query.text().strip()
        if search is None or not query:
            return
        objective = self.search_panel.filters()["objective"]
        self.worker.submit(
            f"matches:{pane.uid}",
            lambda: search.search(query, doc=hit.doc, objective=objective, limit=ALL_MATCHES_LIMIT),
            on_result=lambda results: self._all_matches_arrived(pane, hit.doc, results),
            on_error=lambda exc: log.warning("matches failed: %s", exc),
        )

    def _all_matches_arrived(self, pane: DocumentPane, doc_id: str, results: Any) -> None:
        if pane in self.panes.panes and pane.doc_id == doc_id:
            pane.set_highlights("search", match_highlights(list(results.hits)))
