"""What the window is given to work with: folders, corpus, objectives, search, settings.

`reader.app` builds one `Services` and hands it to the main window; tests build
their own (usually without a search service, or with a fake one).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QSettings

from ..core.corpus import Corpus
from ..core.model import Document, Objective
from ..core.objectives import COMPACT_ID
from ..paths import AppPaths

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.ini"


def open_settings(paths: AppPaths) -> QSettings:
    """The window's settings, kept in the data folder so `--data-dir` moves them too."""
    paths.data.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(paths.data / SETTINGS_FILE), QSettings.Format.IniFormat)
    settings.setFallbacksEnabled(False)
    return settings


def make_search_service(corpus: Corpus, objectives: list[Objective], paths: AppPaths) -> Any:
    """The search service, or None while `reader.core.search` is not available."""
    try:
        from ..core.search import SearchService
    except ImportError as exc:
        log.warning("search is unavailable: %s", exc)
        return None
    return SearchService(corpus, objectives, paths)


@dataclass
class Services:
    paths: AppPaths
    corpus: Corpus
    objectives: list[Objective]
    settings: QSettings
    search: Any = None  # reader.core.search.SearchService, when available
    persist: bool = True  # False in screenshot mode: never write the user's settings
    extras: dict[str, Any] = field(default_factory=dict)  # later services (annotations)

    @property
    def compact(self) -> Document | None:
        return self.corpus.get(COMPACT_ID) if COMPACT_ID in self.corpus else None

    def objective(self, number: int) -> Objective | None:
        return next((o for o in self.objectives if o.number == number), None)

    def with_corpus(self, corpus: Corpus, objectives: list[Objective], search: Any) -> Services:
        return replace(self, corpus=corpus, objectives=objectives, search=search)
