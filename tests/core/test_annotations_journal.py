"""The journal beside the annotations file: what a journalled save writes, how every reader
applies it, folding, torn lines, and a second instance that does not journal."""

from __future__ import annotations

from pathlib import Path

from reader.core.annotations import (
    BlockRangeSelector,
    Store,
    Target,
    TextQuoteSelector,
    new_annotation,
    new_bookmark,
)
from reader.core.annotations.fileformat import decode
from reader.core.annotations.journal import Journal, journal_path


def highlight(text: str, color: str = "yellow"):
    target = Target("gcm", TextQuoteSelector(text, "前", "后"), BlockRangeSelector("17.a", 0, "17.a", 4))
    return new_annotation(target, color=color, note=f"笔记 {text}")


def seeded(path: Path, count: int = 20) -> list[str]:
    store = Store.open(path, min_interval=0)
    ids = [store.add(highlight(f"原文 {i}")).item.id for i in range(count)]
    store.flush()
    return ids


def test_a_journalled_save_appends_only_the_change_and_every_reader_sees_it(tmp_path):
    path = tmp_path / "annotations.json"
    ids = seeded(path)
    main_before = path.read_bytes()
    store = Store.open(path, min_interval=0, journal=True)
    store.update(store.annotation(ids[3]).edited(note="改过的笔记"))
    store.delete(ids[4])
    store.add(new_bookmark("gcm", "17.a", "书签"))
    store.rename_color("red", "红线")
    store.flush()
    assert path.read_bytes() == main_before, "the file itself is not rewritten"
    lines = journal_path(path).read_bytes().splitlines()
    assert len(lines) == 4 and store.journal_lines == 4  # one line per change, nothing else
    again = Store.open(path)
    assert again.load_report.ok
    assert again.annotation(ids[3]).note == "改过的笔记" and again.annotation(ids[4]) is None
    assert [b.name for b in again.bookmarks] == ["书签"] and again.palette.meaning("red") == "红线"
    assert again.state.annotations == store.state.annotations


def test_folding_writes_the_file_whole_and_empties_the_journal(tmp_path):
    path = tmp_path / "annotations.json"
    ids = seeded(path)
    store = Store.open(path, min_interval=0, journal=True)
    store.update(store.annotation(ids[0]).edited(color="green"))
    store.flush()
    assert store.fold() is not None
    assert not journal_path(path).exists() and store.journal_lines == 0
    assert decode(path.read_bytes()).state.annotations[ids[0]].color == "green"
    assert path.with_name(path.name + ".1").exists(), "a fold keeps a backup like any whole save"
    assert store.fold() is None, "nothing to fold"


def test_a_torn_last_line_was_never_confirmed_and_is_cut_before_the_next_append(tmp_path):
    path = tmp_path / "annotations.json"
    ids = seeded(path)
    store = Store.open(path, min_interval=0, journal=True)
    store.update(store.annotation(ids[1]).edited(note="已确认"))
    store.flush()
    with open(journal_path(path), "ab") as journal:  # a save killed half-way through its line
        journal.write(b'{"annotations": {"id": "half')
    reader = Store.open(path, min_interval=0, journal=True)
    assert reader.load_report.ok and reader.annotation(ids[1]).note == "已确认"
    reader.update(reader.annotation(ids[2]).edited(note="之后的修改"))
    reader.flush()
    state = Journal(journal_path(path)).apply(decode(path.read_bytes()).state)
    assert state.annotations[ids[1]].note == "已确认" and state.annotations[ids[2]].note == "之后的修改"
    assert all(line.endswith(b"}") for line in journal_path(path).read_bytes().splitlines())


def test_applying_a_journal_twice_changes_nothing(tmp_path):
    """A process killed after writing the file but before emptying the journal."""
    path = tmp_path / "annotations.json"
    ids = seeded(path)
    store = Store.open(path, min_interval=0, journal=True)
    store.delete(ids[5])
    store.update(store.annotation(ids[6]).edited(note="新"))
    store.flush()
    journal = journal_path(path).read_bytes()
    store.fold()
    journal_path(path).write_bytes(journal)  # as if the fold had been killed before emptying it
    again = Store.open(path)
    assert again.state.annotations == store.state.annotations
    assert ids[5] in again.state.deleted


def test_an_instance_without_journal_merges_the_journal_and_folds_it(tmp_path):
    path = tmp_path / "annotations.json"
    ids = seeded(path)
    window = Store.open(path, min_interval=0, journal=True)
    command_line = Store.open(path, min_interval=0)
    window.update(window.annotation(ids[7]).edited(note="窗口里改的"))
    window.flush()
    command_line.add(highlight("命令行加的"))
    result = command_line.flush()
    assert result is not None and [c.item.id for c in result.external] == [ids[7]]
    assert not journal_path(path).exists(), "a whole save folds the journal in"
    final = decode(path.read_bytes()).state
    assert final.annotations[ids[7]].note == "窗口里改的" and len(final.annotations) == 21
    window.update(window.annotation(ids[8]).edited(note="再改"))
    assert window.flush() is not None and window.refresh() == ()
    assert len(Store.open(path).annotations) == 21
