"""The parsed library is cached between starts, and the cache is never trusted blindly."""

from __future__ import annotations

import io
import operator
import os
import pickle

import pytest

from reader.core import library_cache
from reader.core.corpus import import_document
from reader.core.library_cache import cache_file, load_library
from reader.paths import resolve_paths


@pytest.fixture
def paths(isolated_data):
    return isolated_data.ensure()


def _same(a, b) -> None:
    assert [d.info for d in a.corpus] == [d.info for d in b.corpus]
    assert [d.blocks for d in a.corpus] == [d.blocks for d in b.corpus]
    assert a.objectives == b.objectives and a.corpus.problems == b.corpus.problems


def test_a_second_start_reads_the_cache_and_gets_the_same_library(paths, corpus, objectives):
    first, second = load_library(paths), load_library(paths)
    assert (first.from_cache, second.from_cache) == (False, True)
    _same(first, second)
    assert [d.blocks for d in second.corpus] == [d.blocks for d in corpus]
    assert second.objectives == objectives
    assert second.corpus.get("gcm").block("17.a").citation == corpus.get("gcm").block("17.a").citation


def test_an_import_or_a_changed_import_makes_it_stale(paths, tmp_path):
    load_library(paths)
    source = tmp_path / "notes.txt"
    source.write_text("会议笔记\n\n1. 第一段，关于汇款。\n", encoding="utf-8")
    info = import_document(source, paths)
    fresh = load_library(paths)
    assert not fresh.from_cache and info.id in fresh.corpus
    text = paths.imported_dir / f"{info.id}.txt"
    text.write_text("会议笔记\n\n1. 改过的第一段。\n", encoding="utf-8")
    changed = load_library(paths)
    assert not changed.from_cache and "改过" in changed.corpus.get(info.id).blocks[-1].text
    assert load_library(paths).from_cache


def test_a_code_change_makes_it_stale(paths, monkeypatch):
    load_library(paths)
    monkeypatch.setattr(library_cache, "code_version", lambda: "another version")
    assert not load_library(paths).from_cache
    assert load_library(paths).from_cache


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not a pickle at all",
        b"\x80\x05\x95",  # empty, garbage, truncated
        pickle.dumps(("key", (), [], [])),  # a well-formed file from another key
        pickle.dumps((None, ("not", "documents"), [], [])),
    ],
)
def test_a_damaged_cache_is_rebuilt_and_replaced(paths, corpus, damage):
    file = cache_file(paths)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(damage)
    library = load_library(paths)
    assert not library.from_cache and len(library.corpus) == len(corpus)
    assert load_library(paths).from_cache


def test_a_tampered_cache_cannot_run_code(paths, tmp_path):
    load_library(paths)
    file, witness = cache_file(paths), tmp_path / "ran"
    key = pickle.loads(file.read_bytes())[0]

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {witness}",))

    file.write_bytes(pickle.dumps((key, (Evil(),), [], [])))
    library = load_library(paths)
    assert not witness.exists() and not library.from_cache and library.corpus.get("gcm")


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch, corpus):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("COMPACT_READER_CACHE_DIR", str(blocker / "cache"))
    paths = resolve_paths()
    assert len(load_library(paths).corpus) == len(corpus)
    assert not load_library(paths).from_cache


def test_two_data_folders_sharing_a_cache_folder_keep_their_own_copy(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPACT_READER_CACHE_DIR", str(tmp_path / "cache"))
    one, two = resolve_paths(tmp_path / "one"), resolve_paths(tmp_path / "two")
    assert cache_file(one) != cache_file(two)
    load_library(one), load_library(two)
    assert load_library(one).from_cache and load_library(two).from_cache


def test_the_search_table_is_cached_for_the_same_library_only(paths, tmp_path):
    from reader.core.library_cache import load_search_table
    from reader.core.search.table import BlockTable

    library = load_library(paths)
    built = BlockTable.build(library.corpus, library.objectives)
    first = load_search_table(library, paths)
    file = cache_file(paths).with_suffix(".search.pickle")
    assert file.exists()
    reloaded = load_library(paths)
    again = load_search_table(reloaded, paths)
    for table in (first, again):
        assert (table.texts, table.context, table.objectives, table.positions, table.doc_ids) == (
            built.texts,
            built.context,
            built.objectives,
            built.positions,
            built.doc_ids,
        )
    own_blocks = [b for d in reloaded.corpus for b in d.blocks]  # the table shares the corpus's blocks
    assert len(again.blocks) == len(own_blocks) and all(map(operator.is_, again.blocks, own_blocks))
    file.write_bytes(pickle.dumps((library.key, ["too short"], [], [])))
    assert load_search_table(library, paths).texts == built.texts  # rebuilt, not trusted
    source = tmp_path / "notes.txt"
    source.write_text("笔记\n\n1. 关于汇款的一段。\n", encoding="utf-8")
    import_document(source, paths)
    changed = load_library(paths)
    assert len(load_search_table(changed, paths).texts) == sum(len(d.blocks) for d in changed.corpus)


def test_an_import_parses_only_the_new_document(paths, tmp_path, monkeypatch):
    from reader.core import corpus as corpus_module

    first = tmp_path / "first.txt"
    first.write_text("第一份\n\n1. 关于汇款的一段。\n", encoding="utf-8")
    import_document(first, paths)
    load_library(paths)
    parsed: list[str] = []
    real_parse = corpus_module.parse_document

    def counting_parse(info, text, resolve=None):
        parsed.append(info.id)
        return real_parse(info, text, resolve)

    monkeypatch.setattr(corpus_module, "parse_document", counting_parse)
    second = tmp_path / "second.txt"
    second.write_text("第二份\n\n1. 另一段。\n", encoding="utf-8")
    info = import_document(second, paths)
    parsed.clear()
    library = load_library(paths)
    assert not library.from_cache and parsed == [info.id]
    assert {"gcm", "user-first", info.id} <= {d.id for d in library.corpus}
    (paths.imported_dir / f"{info.id}.toml").unlink()
    (paths.imported_dir / f"{info.id}.txt").unlink()
    parsed.clear()
    assert info.id not in load_library(paths).corpus and parsed == []
    assert len(list(cache_file(paths).with_suffix(".docs").glob("*.pickle"))) == 6  # five bundled, one import


def test_block_kinds_pickle_by_value_on_every_python():
    """Debian 12's Python 3.11.2 pickles enum members as getattr(cls, name), which the cache's
    strict unpickler refuses: the cache was rebuilt at every start there."""
    from reader.core.model import BlockKind

    for kind in BlockKind:
        data = pickle.dumps(kind)
        assert b"getattr" not in data
        assert library_cache._CoreOnlyUnpickler(io.BytesIO(data)).load() is kind
