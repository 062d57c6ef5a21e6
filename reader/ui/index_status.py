"""The search index in the status bar: build or check it in the background, show progress,
and say when the window has settled (index done, nothing pending)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from .notices import notice_text
from .search_panel import SearchPanel
from .services import Services
from .state import INDEX_BUILDING, INDEX_FAILED, INDEX_READY, INDEX_UNAVAILABLE, AppState
from .workers import Worker

log = logging.getLogger(__name__)

MESSAGE_MS = 8000


class IndexStatus(QObject):
    ready = Signal()  # the index can be searched
    failed = Signal(str)  # why it could not be built (shown to the user by the window)
    settled = Signal()  # index finished and no background work pending

    def __init__(
        self,
        services: Services,
        state: AppState,
        worker: Worker,
        search_panel: SearchPanel,
        status_bar: QStatusBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.state, self.worker = services, state, worker
        self.search_panel = search_panel
        self.label = QLabel(status_bar)
        self.label.setObjectName("indexStatus")
        self.progress = QProgressBar(status_bar)
        self.progress.setObjectName("indexProgress")
        self.progress.setFixedWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        status_bar.addPermanentWidget(self.label)
        status_bar.addPermanentWidget(self.progress)
        state.indexStatusChanged.connect(self._status_changed)
        state.indexProgress.connect(self._progress)
        worker.busyChanged.connect(self.check_settled)

    def start(self) -> None:
        """Build or check the search index in the background."""
        search = self.services.search
        if search is None:
            self.state.set_index_status(INDEX_UNAVAILABLE)
            self.check_settled()
            return
        self.state.set_index_status(INDEX_BUILDING)
        progress: Callable[[int, int], None] = self.state.indexProgress.emit
        self.worker.submit(
            "index", search.ensure_index, on_result=self._ready, on_error=self._failed, on_progress=progress
        )

    def _ready(self, messages: list[str]) -> None:
        self.state.set_index_status(INDEX_READY)
        for message in messages or []:
            self.state.show_message(notice_text(message), MESSAGE_MS)
        self.ready.emit()

    def _failed(self, exc: BaseException) -> None:
        log.error("search index failed", exc_info=exc)
        self.state.set_index_status(INDEX_FAILED)
        self.failed.emit(self.tr("The search index could not be built: %1").replace("%1", str(exc)))

    def _status_changed(self, status: str) -> None:
        self.progress.setVisible(status == INDEX_BUILDING)
        if status == INDEX_BUILDING:
            self.progress.setRange(0, 0)
        self.show_label()
        self.check_settled()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.show_label(done, total)

    def show_label(self, done: int = 0, total: int = 0) -> None:
        status = self.state.index_status
        texts = {
            INDEX_BUILDING: self.tr("Preparing search…") + (f" {done}/{total}" if total else ""),
            INDEX_READY: self.tr("Search ready"),
            INDEX_FAILED: self.tr("Search unavailable (index error)"),
            INDEX_UNAVAILABLE: self.tr("Search not installed"),
        }
        self.label.setText(texts.get(status, ""))

    def retranslate(self) -> None:
        self.progress.setAccessibleName(self.tr("Search index progress"))
        self.show_label()

    def is_settled(self) -> bool:
        """Index done (or impossible), nothing running in the background, no search pending."""
        return (
            self.state.index_status != INDEX_BUILDING
            and not self.worker.is_busy()
            and self.search_panel.is_idle()
        )

    def check_settled(self, *_args: object) -> None:
        if self.is_settled():
            self.settled.emit()
