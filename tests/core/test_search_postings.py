"""The substring postings written by a second process equal those written in-process."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.core.search import SearchError, SearchService, postings
from reader.core.search import index as search_index
from reader.paths import AppPaths


def _rows(paths) -> list[tuple[str, str, bytes]]:
    store = search_index.IndexStore(paths.index_dir, paths.jieba_cache)
    db = sqlite3.connect(paths.index_dir / store.current_generation() / search_index.POSTINGS_FILE)
    try:
        return db.execute("SELECT gram, doc, blocks FROM grams ORDER BY gram, doc").fetchall()
    finally:
        db.close()


def test_a_second_process_writes_the_same_postings(corpus, objectives, isolated_data, tmp_path, monkeypatch):
    here = AppPaths(data=tmp_path / "here-data", cache=tmp_path / "here-cache")
    monkeypatch.setattr(postings, "BACKGROUND_BLOCKS", 10**9)
    SearchService(corpus, objectives, here).ensure_index()
    started = []
    original = postings._start

    def start(path: Path, documents, log: Path):
        started.append(len(documents))
        return original(path, documents, log)

    monkeypatch.setattr(postings, "BACKGROUND_BLOCKS", 1)
    monkeypatch.setattr(postings, "_start", start)
    svc = SearchService(corpus, objectives, isolated_data)
    svc.ensure_index()
    assert started == [len(corpus)]
    rows = _rows(isolated_data)
    assert rows == _rows(here) and len(rows) > 10_000
    generation = next(p for p in isolated_data.index_dir.iterdir() if p.is_dir())
    assert not list(generation.glob("*.documents")) and not list(generation.glob("*.log"))  # cleaned up
    assert svc.search('"正常移民途径"').total > 0


def test_a_failing_second_process_is_a_clear_error(corpus, objectives, isolated_data, monkeypatch):
    original = postings._start

    def start(path: Path, documents, log: Path):
        folder = path.with_name("a folder, not a database")  # the second process cannot open it
        folder.mkdir()
        return original(folder, documents, log)

    monkeypatch.setattr(postings, "BACKGROUND_BLOCKS", 1)
    monkeypatch.setattr(postings, "_start", start)
    with pytest.raises(SearchError, match="writing the search postings failed: .*Error"):
        SearchService(corpus, objectives, isolated_data).ensure_index()
