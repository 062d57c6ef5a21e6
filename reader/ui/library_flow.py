"""Removing documents: the work in the background, then one corpus reload (`reload_corpus`,
which the import flow shares).

The flow does the file work and reloads the corpus and objectives off the main thread;
`reloaded` hands the new corpus to the window, which passes it to every part."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..core.corpus import Corpus, remove_imported
from ..core.library_cache import load_library
from ..core.model import Objective
from ..paths import AppPaths
from .workers import Worker

Reloaded = tuple[Corpus, list[Objective], str]  # corpus, objectives, id of a new document


def reload_corpus(paths: AppPaths, new_doc: str = "") -> Reloaded:
    """Worker side of an import or removal: the corpus and objectives as they now are."""
    library = load_library(paths)  # parses only what the cache no longer matches
    return library.corpus, library.objectives, new_doc


def remove_and_reload(doc_id: str, paths: AppPaths) -> Reloaded:
    remove_imported(doc_id, paths)
    return reload_corpus(paths)


class LibraryFlow(QObject):
    reloaded = Signal(object)  # Reloaded
    failed = Signal(str)

    def __init__(self, paths: AppPaths, worker: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths, self.worker = paths, worker

    def remove_document(self, doc_id: str) -> None:
        self.worker.submit(
            "library",
            remove_and_reload,
            doc_id,
            self.paths,
            on_result=self.reloaded.emit,
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.failed.emit(str(exc))
