"""The substring postings written by a second process (spawned or forked) equal those
written in-process, and its failure is a clear error."""

from __future__ import annotations

import sqlite3
import sys
import threading
import time
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


def test_a_documents_rows_give_each_terms_blocks_and_counts(corpus):
    """Every character and pair of the folded blocks, in the blocks holding it, with how
    often it occurs there (spaces make no pairs), as a plain count over the texts finds."""
    from reader.core.search.text import fold

    doc = corpus.get("sgr")
    texts = [fold(block.text) for block in doc.blocks]
    expected: dict[str, dict[int, int]] = {}
    for number, text in enumerate(texts):
        for piece in text.split():
            for term in [*piece, *(piece[i : i + 2] for i in range(len(piece) - 1))]:
                counts = expected.setdefault(term, {})
                counts[number] = counts.get(number, 0) + 1
    rows = postings.postings_rows(doc.id, texts)
    assert {term for term, _, _ in rows} == set(expected) and {d for _, d, _ in rows} == {doc.id}
    for term, _, blob in rows:
        numbers, counts = postings.decode_postings(bytes(blob))
        assert list(numbers) == sorted(expected[term]), term
        assert dict(zip(numbers, counts, strict=True)) == expected[term], term


@pytest.mark.parametrize("how", ["_start", "_fork"])
def test_a_second_process_writes_the_same_postings(
    how, corpus, objectives, isolated_data, tmp_path, monkeypatch
):
    here = AppPaths(data=tmp_path / "here-data", cache=tmp_path / "here-cache")
    monkeypatch.setattr(postings, "BACKGROUND_BLOCKS", 10**9)
    monkeypatch.setattr(postings, "_single_threaded", lambda: False)
    SearchService(corpus, objectives, here).ensure_index()
    started = []
    original = getattr(postings, how)

    def start(path: Path, documents, log: Path):
        started.append(len(documents))
        return original(path, documents, log)

    monkeypatch.setattr(postings, "BACKGROUND_BLOCKS", 1)
    monkeypatch.setattr(postings, "_single_threaded", lambda: how == "_fork")
    monkeypatch.setattr(postings, "_second_core", lambda: True)
    monkeypatch.setattr(postings, how, start)
    svc = SearchService(corpus, objectives, isolated_data)
    svc.ensure_index()
    assert started == [len(corpus)]
    rows = _rows(isolated_data)
    assert rows == _rows(here) and len(rows) > 10_000
    generation = next(p for p in isolated_data.index_dir.iterdir() if p.is_dir())
    assert not list(generation.glob("*.documents")) and not list(generation.glob("*.log"))  # cleaned up
    assert svc.search('"正常移民途径"').total > 0


@pytest.mark.parametrize("how", ["_start", "_fork"])
def test_a_failing_second_process_is_a_clear_error(how, corpus, objectives, isolated_data, monkeypatch):
    original = getattr(postings, how)

    def start(path: Path, documents, log: Path):
        folder = path.with_name("a folder, not a database")  # the second process cannot open it
        folder.mkdir()
        return original(folder, documents, log)

    monkeypatch.setattr(postings, "BACKGROUND_BLOCKS", 1)
    monkeypatch.setattr(postings, "_single_threaded", lambda: how == "_fork")
    monkeypatch.setattr(postings, "_second_core", lambda: True)
    monkeypatch.setattr(postings, how, start)
    with pytest.raises(SearchError, match="writing the search postings failed: .*Error"):
        SearchService(corpus, objectives, isolated_data).ensure_index()
    # whoosh's half had committed; nothing was published, and the next start builds again
    assert not (isolated_data.index_dir / search_index.CURRENT_FILE).exists()
    monkeypatch.undo()
    service = SearchService(corpus, objectives, isolated_data)
    assert any("interrupted" in message for message in service.ensure_index())
    assert service.search('"正常移民途径"').total > 0


def test_only_a_process_with_one_thread_forks(monkeypatch):
    """A fork copies locks other threads may hold: with threads (the window's), a small
    build writes its postings here and a large one spawns a fresh interpreter; with one
    core, every build writes them here."""
    single_threaded = postings._single_threaded
    monkeypatch.setattr(postings, "_second_core", lambda: False)
    assert postings._how_to_start(postings.BACKGROUND_BLOCKS) is None
    monkeypatch.setattr(postings, "_second_core", lambda: True)
    monkeypatch.setattr(postings, "_single_threaded", lambda: True)
    assert postings._how_to_start(1) is postings._fork
    assert postings._how_to_start(0) is None
    monkeypatch.setattr(postings, "_single_threaded", lambda: False)
    assert postings._how_to_start(postings.BACKGROUND_BLOCKS - 1) is None
    assert postings._how_to_start(postings.BACKGROUND_BLOCKS) is postings._start
    monkeypatch.setattr(sys, "frozen", True, raising=False)  # a bundled application
    assert postings._how_to_start(postings.BACKGROUND_BLOCKS) is None
    thread = threading.Thread(target=time.sleep, args=(0.5,))
    thread.start()
    try:
        assert not single_threaded()
    finally:
        thread.join()
