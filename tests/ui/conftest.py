"""Fixtures for the window tests: services, a ready window, a shared search index.

Every window gets its own data folder (from the autouse `isolated_data` fixture);
only the search index cache is shared across the session, so it is built once.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import reader.ui  # noqa: F401  (binding work-arounds before any widget exists)
from reader.core.search import SearchService
from reader.paths import CACHE_ENV, resolve_paths
from reader.ui.i18n import I18N_DIR, Translations
from reader.ui.main_window import MainWindow
from reader.ui.services import Services, open_settings

from .fakes import FakeSearchService

# The offscreen platform cannot raise, grab or size windows to their hints, and says so.
OFFSCREEN_NOISE = ("This plugin does not support",)
WINDOW_SIZE = (1400, 900)


def pytest_collection_modifyitems(config, items) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


@pytest.fixture(scope="session")
def compiled_translations() -> Path:
    """Compile the .ts sources when their .qm is missing or stale (as .ci/setup does)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in I18N_DIR.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime) and lrelease.exists():
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    return I18N_DIR


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("shared-cache")


@pytest.fixture
def paths(isolated_data, shared_cache, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(shared_cache))
    return resolve_paths().ensure()


@pytest.fixture
def services(paths, corpus, objectives) -> Services:
    """Services without a search service (most tests do not need one)."""
    return Services(
        paths=paths, corpus=corpus, objectives=objectives, settings=open_settings(paths), search=None
    )


@pytest.fixture
def fake_search(corpus, objectives) -> FakeSearchService:
    return FakeSearchService(corpus, objectives)


@pytest.fixture
def real_search(paths, corpus, objectives) -> SearchService:
    return SearchService(corpus, objectives, paths)


@pytest.fixture
def make_window(qtbot, compiled_translations):
    """Build, restore and show a window the way the app does; closed at teardown."""
    windows: list[MainWindow] = []
    translations = Translations()

    def make(services: Services, *, language: str = "zh_CN", start: bool = True) -> MainWindow:
        translations.install(language)
        window = MainWindow(services, translations=translations)
        qtbot.addWidget(window)
        window.restore_state()
        if not services.settings.contains("window/geometry"):  # the offscreen screen is
            window.resize(*WINDOW_SIZE)  # small, and panes stack as tabs in a narrow window
        window.show()
        qtbot.waitExposed(window)
        if start:
            window.start()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.worker.shutdown()
    translations.install("en")
    translations.clear()


@pytest.fixture
def window(make_window, services) -> MainWindow:
    return make_window(services)


def wait_ready(qtbot, window: MainWindow, timeout: int = 60000) -> None:
    """Wait for the index and every background job to finish."""
    qtbot.waitUntil(window.is_settled, timeout=timeout)
