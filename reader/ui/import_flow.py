"""Importing documents in the window: the file dialog, drag-and-drop onto the window or the
library dock, a progress bar while files convert, and a report of what was repaired (in the message bar
above the panes, which never blocks the window).

The work is `core.importers.library.import_files` on the window's background worker; this
module only presents it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtWidgets import QProgressBar

from ..core.importers.library import ImportOutcome, import_files
from .library_flow import reload_corpus

if TYPE_CHECKING:
    from .main_window import MainWindow

DROP_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def dropped_files(mime: QMimeData) -> list[str]:
    """Local files and folders in a drag (links to the web are not documents to import)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def _import_job(files: list[str], paths, progress):
    """Worker side: import, then the corpus and objectives as they now are."""
    outcomes = import_files(
        [Path(f) for f in files], paths, progress=lambda done, total, _name: progress(done, total)
    )
    imported = [o for o in outcomes if o.status == "imported" and o.info is not None]
    reload = reload_corpus(paths, imported[-1].info.id) if imported else None
    return outcomes, reload


class ImportFlow(QObject):
    """Owns the import progress bar and the drop targets of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.progress_bar = QProgressBar(window)
        self.progress_bar.setObjectName("importProgress")
        self.progress_bar.setFixedWidth(140)
        self.progress_bar.hide()
        window.statusBar().addPermanentWidget(self.progress_bar)
        for target in (window, window.library_dock):
            target.setAcceptDrops(True)
            target.installEventFilter(self)

    # --- drag and drop -------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in DROP_EVENTS:
            files = dropped_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.start(files)
                return True
        return super().eventFilter(watched, event)

    # --- the import ----------------------------------------------------------------------
    def start(self, files: list[str]) -> None:
        if not files:
            return
        self.progress_bar.setRange(0, 0)  # busy until the first file is counted
        self.progress_bar.show()
        self.window.state.show_message(self.tr("Importing %n document(s)…", "", len(files)), 0)
        self.window.worker.submit(
            "library",
            _import_job,
            list(files),
            self.window.services.paths,
            on_result=self._finished,
            on_error=self._failed,
            on_progress=self._progress,
        )

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _failed(self, exc: BaseException) -> None:
        self.progress_bar.hide()
        self.window.state.show_message("", 1)
        self.window.show_problems([str(exc)])

    def _finished(self, result) -> None:
        outcomes, reload = result
        self.progress_bar.hide()
        if reload is not None:
            self.window._corpus_reloaded(reload)
        imported = [o for o in outcomes if o.status == "imported"]
        duplicates = [o for o in outcomes if o.status == "duplicate"]
        failed = [o for o in outcomes if o.status == "failed"]
        self.window.state.show_message(
            self.tr("%n document(s) imported", "", len(imported))
            + (self.tr(", %n skipped as already in the library", "", len(duplicates)) if duplicates else "")
            + (self.tr(", %n failed", "", len(failed)) if failed else ""),
            8000,
        )
        lines = [f"{Path(o.path).name}: {o.reason}" for o in failed]
        lines += self.report_lines(imported + duplicates)
        if failed:  # a problem: reported like every other one (and to whoever listens)
            self.window.show_messages(self.tr("Some files could not be imported:"), lines)
        else:
            self.window.message_bar.show_messages(self.tr("Imported; what was repaired:"), lines)

    def report_lines(self, outcomes: list[ImportOutcome]) -> list[str]:
        lines = []
        for outcome in outcomes:
            name = Path(outcome.path).name
            if outcome.status == "duplicate":
                lines.append(self.tr("%1: already in the library").replace("%1", name))
                continue
            if outcome.info is None or outcome.converted is None:
                continue
            repairs = outcome.converted.repairs
            counted = [
                (outcome.blocks, self.tr("%n block(s)", "", outcome.blocks)),
                (
                    repairs.page_breaks_joined,
                    self.tr("%n page break(s) re-joined", "", repairs.page_breaks_joined),
                ),
                (
                    repairs.header_lines_removed,
                    self.tr("%n header/footer line(s) removed", "", repairs.header_lines_removed),
                ),
                (repairs.footnotes, self.tr("%n footnote(s)", "", repairs.footnotes)),
                (repairs.tables, self.tr("%n table(s)", "", repairs.tables)),
            ]
            parts = [text for count, text in counted if count]
            lines.append(f"《{outcome.info.title}》 {outcome.info.symbol} — " + self.tr(", ").join(parts))
            lines.extend(f"  {warning}" for warning in outcome.warnings)
        return lines
