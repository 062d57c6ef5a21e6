"""What the window is given to work with: folders, corpus, objectives, search, settings,
the annotation store.

`reader.app` builds one `Services` and hands it to the main window; tests build
their own (usually without a search service, or with a fake one). A `Services` made
without a store opens the one in its data folder (`paths.annotations_file`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QSettings

from ..core.annotations import Store, StoreError, StoreLoadReport
from ..core.collector import bulk_work
from ..core.corpus import Corpus
from ..core.model import Document, Objective
from ..core.objectives import COMPACT_ID
from ..core.search import SearchService
from ..core.userconfig import config_file, user_name
from ..paths import AppPaths

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.ini"


def open_settings(paths: AppPaths) -> QSettings:
    """The window's settings, kept in the data folder so `--data-dir` moves them too."""
    paths.data.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(paths.data / SETTINGS_FILE), QSettings.Format.IniFormat)
    settings.setFallbacksEnabled(False)
    return settings


def open_annotation_store(paths: AppPaths, corpus: Corpus | None = None) -> Store:
    """The user's annotations, placed in the current texts when `corpus` is given.

    Never raises: a bad file is set aside by the store itself (its `load_report` says so);
    a file that cannot even be locked leaves an empty store whose report says why (its
    changes are merged with the file when it can be saved).
    """
    try:
        # The journal makes a save append what changed instead of rewriting the file; the
        # cache folder keeps a decoded copy of the file, read instead of it while it matches.
        store = Store.open(paths.annotations_file, journal=True, cache_dir=paths.cache)
    except (StoreError, OSError) as exc:  # OSError: e.g. the folder cannot be written
        log.error("annotations not loaded: %s", exc)
        store = Store(paths.annotations_file)
        store.load_report = StoreLoadReport(
            paths.annotations_file, None, (getattr(exc, "notice", None) or str(exc),)
        )
    store.creator = user_name(config_file(paths.data))  # the author of what the user adds
    if corpus is not None:
        try:
            with bulk_work():
                store.reanchor(corpus)
        except Exception:  # noqa: BLE001 - a bug here must not keep the window from opening
            log.exception("re-anchoring the annotations failed")
    return store


@dataclass
class Services:
    paths: AppPaths
    corpus: Corpus
    objectives: list[Objective]
    settings: QSettings
    search: SearchService | None = None  # None only in tests that need no search
    persist: bool = True  # False in screenshot mode: never write the user's settings or notes
    store: Store | None = None  # the user's annotations (opened from the data folder if None)
    extras: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.store is None:
            self.store = open_annotation_store(self.paths, self.corpus)

    @property
    def compact(self) -> Document | None:
        return self.corpus.get(COMPACT_ID) if COMPACT_ID in self.corpus else None

    def objective(self, number: int) -> Objective | None:
        return next((o for o in self.objectives if o.number == number), None)

    def with_corpus(
        self, corpus: Corpus, objectives: list[Objective], search: SearchService | None
    ) -> Services:
        return replace(self, corpus=corpus, objectives=objectives, search=search)
