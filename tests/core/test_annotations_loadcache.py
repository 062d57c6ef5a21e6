"""The decoded copy of the annotations file in the cache folder (loadcache.py): read instead of
the file only while it provably describes it; damaged, stale or unwritable copies change nothing."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core.annotations import (
    BlockRangeSelector,
    Store,
    loadcache,
    make_target,
    new_annotation,
    new_bookmark,
)
from reader.core.annotations import store as store_module
from reader.core.annotations.fileformat import decode
from reader.core.annotations.journal import journal_path

COUNT = 120


@pytest.fixture
def folders(tmp_path) -> tuple[Path, Path]:
    """The annotations file in a data folder, and a separate cache folder."""
    return tmp_path / "data" / "annotations.json", tmp_path / "cache"


def sample(corpus, count: int = COUNT, seed: int = 3):
    """Highlights of real passages of the corpus, some with notes, tags or several blocks."""
    rng = random.Random(seed)
    blocks = [(doc, i) for doc in corpus for i, b in enumerate(doc.blocks) if len(b.text) > 12]
    out = []
    for n in range(count):
        doc, i = rng.choice(blocks)
        block = doc.blocks[i]
        start = rng.randrange(len(block.text) - 6)
        if n % 7 == 0 and i + 1 < len(doc.blocks) and doc.blocks[i + 1].text:
            end_block = doc.blocks[i + 1]
            target = make_target(doc, block.anchor, start, end_block.anchor, len(end_block.text) // 2)
        else:
            target = make_target(doc, block.anchor, start, None, rng.randint(start + 1, len(block.text)))
        note = "" if n % 3 else f'笔记 {n}\n第二行 "引号" \\ 反斜杠'
        tags = rng.sample(["数据", "底线", "核实"], rng.randint(0, 2))
        out.append(new_annotation(target, color=rng.choice(["yellow", "red", "blue"]), note=note, tags=tags))
    return out


def filled(path: Path, cache: Path | None, corpus) -> Store:
    """A saved file with annotations, bookmarks, a deletion and a renamed colour."""
    store = Store.open(path, min_interval=0, cache_dir=cache)
    store.creator = "李雷"
    annotations = sample(corpus)
    store.put_many(annotations)
    store.add(new_bookmark("gcm", corpus.get("gcm").blocks[5].anchor, "书签", folder="a/b"))
    store.delete(annotations[4].id)
    store.rename_color("red", "红线")
    store.flush()
    return store


def as_decoded(path: Path):
    return decode(path.read_bytes()).state


def assert_same(state, expected) -> None:
    """Equal, and in the same order (the window lists them in the order loading gives)."""
    assert state == expected
    assert list(state.annotations) == list(expected.annotations)
    assert list(state.bookmarks) == list(expected.bookmarks)


def decoding_forbidden(monkeypatch) -> None:
    def refuse(data):
        raise AssertionError("the file was decoded although its cached copy matches")

    monkeypatch.setattr(store_module, "decode", refuse)


def test_a_saved_file_loads_from_its_cached_copy_exactly_as_decoding_gives(folders, corpus, monkeypatch):
    path, cache = folders
    filled(path, cache, corpus)
    expected = as_decoded(path)
    assert list(cache.glob("annotations-*.cache")), "the whole-file save kept a copy"
    assert not [p.name for p in path.parent.iterdir() if "cache" in p.name], "never in the data folder"
    decoding_forbidden(monkeypatch)
    store = Store.open(path, cache_dir=cache)
    assert store.load_report.from_cache and store.load_report.ok
    assert_same(store.state, expected)
    assert store.annotation(next(iter(expected.annotations))).creator == "李雷"


def test_a_file_decoded_once_is_cached_with_unreadable_entries_and_unknown_keys(folders, corpus):
    path, cache = folders
    filled(path, None, corpus)  # saved without a cache folder: the first load must decode
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["annotations"].append({"id": "urn:x", "type": "Annotation", "target": 42})
    raw["bookmarks"].append(["not", "a", "bookmark"])
    raw["future-key"] = {"nested": [1, 2.5, None, True, "文"]}
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    first = Store.open(path, cache_dir=cache)
    second = Store.open(path, cache_dir=cache)
    assert not first.load_report.from_cache and second.load_report.from_cache
    assert second.load_report.messages == first.load_report.messages  # "2 entries could not be read"
    assert second.load_report.unreadable_entries == 2
    assert_same(second.state, as_decoded(path))
    assert dict(second.state.extra)["future-key"] == {"nested": [1, 2.5, None, True, "文"]}


def test_journalled_changes_are_applied_on_top_of_the_cached_copy(folders, corpus):
    path, cache = folders
    ids = [a.id for a in filled(path, cache, corpus).annotations]
    window = Store.open(path, min_interval=0, journal=True, cache_dir=cache)
    window.update(window.annotation(ids[0]).edited(note="日志里的修改"))
    window.delete(ids[1])
    window.flush()
    assert journal_path(path).exists()
    again = Store.open(path, journal=True, cache_dir=cache)
    assert again.load_report.from_cache
    assert again.annotation(ids[0]).note == "日志里的修改" and again.annotation(ids[1]) is None
    assert_same(again.state, Store.open(path).state)  # as a reader without any cache


def fixed_clock() -> datetime:
    return datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_the_first_whole_save_after_a_cached_load_writes_what_a_store_without_cache_writes(tmp_path, corpus):
    path, cache = tmp_path / "a" / "annotations.json", tmp_path / "cache"
    ids = [a.id for a in filled(path, cache, corpus).annotations]
    twin = tmp_path / "b" / "annotations.json"
    twin.parent.mkdir()
    shutil.copy(path, twin)
    cached = Store.open(path, min_interval=0, clock=fixed_clock, cache_dir=cache)
    plain = Store.open(twin, min_interval=0, clock=fixed_clock)
    assert cached.load_report.from_cache
    for store in (cached, plain):  # lines of unchanged annotations come from the file itself
        store.update(store.annotation(ids[2]).edited(note="改"))
        store.add(new_annotation(store.annotation(ids[3]).target, note="新"))
        store.flush()
    assert path.read_bytes().replace(cached.annotations[-1].id.encode(), b"ID") == twin.read_bytes().replace(
        plain.annotations[-1].id.encode(), b"ID"
    )
    reopened = Store.open(path, cache_dir=cache)  # and the copy of the new file is exact
    assert reopened.load_report.from_cache
    assert_same(reopened.state, as_decoded(path))


def cache_file(cache: Path) -> Path:
    (file,) = cache.glob("annotations-*.cache")
    return file


def flip_a_letter(data: bytes) -> bytes:
    """An id's "urn:" becomes "Urn:": still a valid dump, with a wrong value in it."""
    where = data.index(b"urn:uuid:")
    return data[:where] + b"U" + data[where + 1 :]


@pytest.mark.parametrize(
    "damage",
    [
        flip_a_letter,
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:20],  # not even a header
        lambda data: b"",
        lambda data: random.Random(1).randbytes(len(data)),
    ],
    ids=["flipped-letter", "truncated", "header-only", "empty", "garbage"],
)
def test_a_damaged_cache_is_never_read_and_is_replaced(folders, corpus, damage):
    path, cache = folders
    filled(path, cache, corpus)
    file = cache_file(cache)
    file.write_bytes(damage(file.read_bytes()))
    store = Store.open(path, cache_dir=cache)
    assert not store.load_report.from_cache and store.load_report.ok and not store.load_report.messages
    assert_same(store.state, as_decoded(path))
    assert Store.open(path, cache_dir=cache).load_report.from_cache  # rebuilt from the file


def test_a_cache_of_another_program_version_is_ignored(folders, corpus, monkeypatch):
    path, cache = folders
    filled(path, cache, corpus)
    monkeypatch.setattr(loadcache, "code_key", lambda: b"\0" * 32)
    store = Store.open(path, cache_dir=cache)
    assert not store.load_report.from_cache
    assert_same(store.state, as_decoded(path))


def test_a_file_changed_by_another_instance_without_the_cache_is_decoded(folders, corpus):
    path, cache = folders
    filled(path, cache, corpus)
    other = Store.open(path, min_interval=0)  # e.g. an older version, or another cache folder
    added = other.add(new_annotation(other.annotations[0].target, note="别处添加")).item
    other.flush()
    store = Store.open(path, cache_dir=cache)
    assert not store.load_report.from_cache and store.annotation(added.id) is not None
    assert_same(store.state, as_decoded(path))


def test_a_file_changed_in_place_with_the_same_size_inode_and_time_is_decoded(folders, corpus):
    path, cache = folders
    filled(path, cache, corpus)
    assert Store.open(path, cache_dir=cache).load_report.from_cache
    before = os.stat(path)
    data = path.read_bytes()
    edited = data.replace("笔记 0".encode(), "摘记 0".encode(), 1)  # as many bytes
    assert edited != data and len(edited) == len(data)
    with open(path, "r+b") as file:  # the same file (inode), rewritten
        file.write(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    same = ("st_ino", "st_size", "st_mtime_ns")
    assert [getattr(after, key) for key in same] == [getattr(before, key) for key in same]
    store = Store.open(path, cache_dir=cache)
    assert not store.load_report.from_cache
    assert any(a.note.startswith("摘记 0") for a in store.annotations)
    assert_same(store.state, as_decoded(path))


def test_a_file_replaced_by_another_of_the_same_size_is_decoded(folders, corpus):
    path, cache = folders
    filled(path, cache, corpus)
    before = os.stat(path)
    other = path.with_name("other.json")
    other.write_bytes(path.read_bytes().replace("红线".encode(), "底线".encode()))
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, path)
    assert os.stat(path).st_size == before.st_size and os.stat(path).st_mtime_ns == before.st_mtime_ns
    store = Store.open(path, cache_dir=cache)
    assert not store.load_report.from_cache and store.palette.meaning("red") == "底线"


def test_deleting_the_cache_is_harmless(folders, corpus):
    path, cache = folders
    expected = filled(path, cache, corpus).state
    shutil.rmtree(cache)
    store = Store.open(path, cache_dir=cache)
    assert store.load_report.ok and not store.load_report.from_cache
    assert store.state.annotations == expected.annotations
    assert Store.open(path, cache_dir=cache).load_report.from_cache


def test_a_cache_folder_that_cannot_be_written_changes_nothing(folders, corpus):
    path, cache = folders
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("a file where the folder should be")
    store = filled(path, cache, corpus)  # saves work
    again = Store.open(path, cache_dir=cache)
    assert again.load_report.ok and not again.load_report.from_cache
    assert_same(again.state, as_decoded(path))
    assert store.state.annotations == again.state.annotations


def test_a_full_disk_leaves_no_cache_and_no_temporary_file(folders, corpus, monkeypatch):
    path, cache = folders
    filled(path, cache, corpus)

    def disk_full(fd: int, parts) -> None:
        with os.fdopen(fd, "wb") as file:
            file.write(parts[0][:100])  # the disk fills up part of the way
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(loadcache, "_write_all", disk_full)
    store = Store.open(path, min_interval=0, cache_dir=cache)
    store.update(store.annotations[0].edited(note="满"))
    assert store.flush() is not None  # the file itself is saved
    assert not list(cache.iterdir()), "no copy (the stale one is removed) and no temporary file"
    monkeypatch.undo()
    again = Store.open(path, cache_dir=cache)
    assert again.load_report.ok and not again.load_report.from_cache
    assert again.annotations[0].note == "满"
    assert Store.open(path, cache_dir=cache).load_report.from_cache  # back once there is room


def test_a_state_whose_file_would_read_back_differently_is_not_cached_as_it_was_held(folders, corpus):
    path, cache = folders
    store = filled(path, cache, corpus)
    first = store.annotations[0]
    rng = first.target.range
    backwards = BlockRangeSelector(rng.start_anchor, 9, rng.start_anchor, 2)  # decoding drops it
    store.put(replace(first, target=replace(first.target, range=backwards)))
    store.flush()
    again = Store.open(path, cache_dir=cache)
    assert not again.load_report.from_cache  # no copy claimed the range the file cannot give
    assert again.annotation(first.id).target.range is None
    assert_same(again.state, as_decoded(path))
    assert Store.open(path, cache_dir=cache).load_report.from_cache  # the decoded file, cached


def test_two_instances_sharing_the_cache_merge_and_keep_an_exact_copy(folders, corpus):
    path, cache = folders
    ids = [a.id for a in filled(path, cache, corpus).annotations]
    window = Store.open(path, min_interval=0, cache_dir=cache)
    command = Store.open(path, min_interval=0, cache_dir=cache)
    assert window.load_report.from_cache and command.load_report.from_cache
    command.update(command.annotation(ids[5]).edited(note="命令行改的"))
    command.flush()  # a whole-file save, and a copy of that file
    changes = window.refresh()
    assert [c.id for c in changes] == [ids[5]] and window.annotation(ids[5]).note == "命令行改的"
    window.update(window.annotation(ids[6]).edited(color="blue"))
    command.delete(ids[7])
    command.flush()
    window.flush()  # merges the command's deletion, writes lines taken from the command's file
    final = as_decoded(path)
    assert final.annotations[ids[5]].note == "命令行改的" and final.annotations[ids[6]].color == "blue"
    assert ids[7] not in final.annotations
    assert_same(window.state, final)
    reopened = Store.open(path, cache_dir=cache)
    assert reopened.load_report.from_cache
    assert_same(reopened.state, final)
