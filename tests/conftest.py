"""Shared fixtures. Every test runs headless and with its own data folder."""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from reader.core.corpus import Corpus, load_corpus  # noqa: E402
from reader.core.objectives import build_objectives  # noqa: E402
from reader.paths import CACHE_ENV, DATA_ENV, AppPaths, resolve_paths  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_data(tmp_path, monkeypatch) -> AppPaths:
    """No test ever reads or writes the user's real folders."""
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "data"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    return resolve_paths()


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus()


@pytest.fixture(scope="session")
def objectives(corpus):
    return build_objectives(corpus)
