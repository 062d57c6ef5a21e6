"""The annotations file: round trips, coalesced saves, backups, damaged and newer files,
two instances, migration. No corpus needed: targets are built by hand."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.core.annotations import (
    Annotation,
    BlockRangeSelector,
    Store,
    StoreError,
    Target,
    TextQuoteSelector,
    new_annotation,
    new_bookmark,
)
from reader.core.annotations import store as store_module
from reader.core.annotations.fileformat import FORMAT_VERSION, decode
from reader.core.atomic import WriteError
from reader.core.locking import FileLock


class FakeClock:
    """Each call is one second later (or `step`); `now` can be set to go back in time."""

    def __init__(self, start: datetime = datetime(2024, 5, 1, 10, 0, tzinfo=UTC), step: float = 1.0):
        self.now, self.step = start, timedelta(seconds=step)

    def __call__(self) -> datetime:
        self.now += self.step
        return self.now


class FakeTimer:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "data" / "annotations.json"


def highlight(i: int, *, doc: str = "gcm", multi: bool = False, note: str = "", tags=()) -> Annotation:
    end = BlockRangeSelector("17.a", 2, "17.c", 4) if multi else BlockRangeSelector("17.a", 2, "17.a", 9)
    target = Target(doc, TextQuoteSelector(f"引文 {i}", "前", "后"), end)
    return new_annotation(target, note=note, tags=tags)


def open_store(path: Path, **options) -> Store:
    options.setdefault("clock", FakeClock())
    options.setdefault("min_interval", 0)
    return Store.open(path, **options)


# --- round trips ----------------------------------------------------------------------
def test_a_new_store_is_empty_and_reports_nothing(path):
    store = open_store(path)
    assert store.annotations == () and store.bookmarks == ()
    assert store.load_report.ok and store.load_report.messages == ()
    assert store.load_report.loaded_from is None
    assert store.flush() is None and not path.exists()  # nothing to save, nothing written


def test_everything_survives_a_save_and_reload(path):
    store = open_store(path)
    kept = [
        store.add(highlight(1, note="第一行\n第二行 <b>&", tags=["数据", " data ", "数据"])).after,
        store.add(highlight(2, multi=True)).after,
    ]
    gone = store.add(highlight(3)).after
    store.delete(gone.id)
    mark = store.add(new_bookmark("gcm", "17", "数据承诺", folder=" 谈判 / 目标1 ")).after
    store.rename_color("blue", "核实")
    assert store.save() is not None
    again = open_store(path)
    assert again.load_report.ok and again.load_report.loaded_from == path
    assert {a.id: a for a in again.annotations} == {a.id: a for a in kept}
    assert again.annotation(kept[0].id).tags == ("数据", "data")
    assert again.annotation(kept[1].id).target.range == BlockRangeSelector("17.a", 2, "17.c", 4)
    assert again.bookmarks == (mark,) and mark.folder == "谈判/目标1"
    assert again.palette.meaning("blue") == "核实" and again.palette.get("yellow").is_default
    assert gone.id in again.state.deleted


def test_the_file_is_versioned_readable_json_with_one_entry_per_line(path):
    store = open_store(path)
    for i in range(3):
        store.add(highlight(i, note="多\n行"))
    store.flush()
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == "compact-reader-annotations" and data["version"] == FORMAT_VERSION
    assert "引文" in text  # Chinese is kept as is, not \u-escaped
    lines = [line.strip().rstrip(",") for line in text.splitlines() if '"type": "Annotation"' in line]
    assert len(lines) == 3 and all(json.loads(line)["id"].startswith("urn:uuid:") for line in lines)
    entry = data["annotations"][0]
    assert entry["target"]["source"] == "reader://gcm"
    kinds = [s["type"] for s in entry["target"]["selector"]]
    assert kinds == ["TextQuoteSelector", "FragmentSelector"]


def test_changes_carry_before_and_after_for_undo(path):
    clock = FakeClock()
    store = open_store(path, clock=clock)
    added = store.add(highlight(1))
    assert added.kind == "added" and added.before is None and added.after.created == added.after.modified
    edited = store.update(added.after.edited(note="新的", tags=["t"]))
    assert edited.kind == "updated" and edited.before == added.after and edited.after.note == "新的"
    assert edited.after.created == added.after.created and edited.after.modified > added.after.modified
    undo = store.put(edited.before)  # undo of the edit
    assert store.annotation(added.id).note == "" and undo.after.modified > edited.after.modified
    deleted = store.delete(added.id)
    assert deleted.kind == "deleted" and store.annotation(added.id) is None
    clock.now -= timedelta(hours=1)  # a clock set back must not make the restore lose to the deletion
    restored = store.put(deleted.before)  # undo of the delete
    assert restored.kind == "added" and store.annotation(added.id) is not None
    assert added.id not in store.state.deleted
    with pytest.raises(ValueError, match="already"):
        store.add(restored.after)
    with pytest.raises(KeyError):
        store.update(highlight(9))
    with pytest.raises(KeyError):
        store.delete("urn:uuid:nothing")
    with pytest.raises(ValueError, match="colour"):
        store.add(highlight(5).edited(color="pink"))


def test_renaming_a_colour_back_to_nothing_restores_the_default(path):
    store = open_store(path)
    change = store.rename_color("red", "底线")
    assert change.before.name == "red line" and change.after.name == "底线"
    store.rename_color("red", "")
    assert store.palette.get("red").is_default


# --- coalesced saves and backups -------------------------------------------------------
def test_saves_are_coalesced_when_changes_come_fast(path):
    timer = FakeTimer()
    store = open_store(path, timer=timer, min_interval=0.5)
    store.add(highlight(1))
    assert store.save() is not None  # the first change is written at once
    first = path.read_bytes()
    store.add(highlight(2))
    assert store.save() is None and path.read_bytes() == first  # too soon: waits
    assert store.dirty and 0 < store.seconds_until_due() <= 0.5
    timer.now += 0.2
    assert store.flush_if_due() is None
    timer.now += 0.3
    assert store.flush_if_due() is not None and not store.dirty
    assert store.seconds_until_due() is None
    assert len(decode(path.read_bytes()).state.annotations) == 2


def test_three_rolling_backups_hold_the_previous_saves(path):
    store = open_store(path)
    for i in range(5):
        store.add(highlight(i))
        store.flush()
    counts = {
        n: len(decode(path.with_name(f"annotations.json.{n}").read_bytes()).state.annotations)
        for n in (1, 2, 3)
    }
    assert counts == {1: 4, 2: 3, 3: 2}
    assert not path.with_name("annotations.json.4").exists()


def test_a_failed_write_keeps_the_old_file_and_the_changes(path, monkeypatch):
    store = open_store(path)
    for i in range(3):
        store.add(highlight(i))
        store.flush()
    before = path.read_bytes()
    backups = [path.with_name(f"annotations.json.{n}").read_bytes() for n in (1, 2)]
    store.add(highlight(9))

    def full_disk(target, data):
        raise WriteError(28, f"could not save {target}: the disk is full; the previous version is kept")

    monkeypatch.setattr(store_module, "atomic_write_bytes", full_disk)
    for _ in range(3):  # retried by the timer: the backups must not rotate away meanwhile
        with pytest.raises(WriteError, match="disk is full"):
            store.flush()
    assert path.read_bytes() == before and store.dirty
    assert [path.with_name(f"annotations.json.{n}").read_bytes() for n in (1, 2)] == backups
    assert not list(path.parent.glob(".*.tmp"))
    monkeypatch.undo()
    store.flush()
    assert len(open_store(path).annotations) == 4


def test_a_held_lock_times_out_with_a_clear_error_and_keeps_the_changes(path):
    store = open_store(path, lock_timeout=0.05)
    store.add(highlight(1))
    with FileLock(path.with_name("annotations.json.lock")), pytest.raises(StoreError, match="in use"):
        store.flush()
    assert store.dirty
    store.flush()
    assert not store.dirty and len(open_store(path).annotations) == 1


def test_temporary_files_left_by_a_killed_save_are_removed_on_load(path):
    open_store(path).flush()
    path.parent.mkdir(parents=True, exist_ok=True)
    leftover = path.with_name(".annotations.json.abc123.tmp")
    leftover.write_bytes(b'{"half')
    open_store(path)
    assert not leftover.exists()


# --- damaged, truncated, newer ---------------------------------------------------------
def saved_twice(path: Path) -> list[Annotation]:
    """A file whose backup .1 holds one annotation and whose main file holds two."""
    store = open_store(path)
    first = store.add(highlight(1)).after
    store.flush()
    second = store.add(highlight(2)).after
    store.flush()
    return [first, second]


@pytest.mark.parametrize(
    "damage",
    ["truncate-half", "truncate-1", "garbage", "empty", "not-ours", "no-version", "binary", "broken-section"],
)
def test_a_damaged_file_is_set_aside_untouched_and_the_newest_backup_loaded(path, damage):
    first, _ = saved_twice(path)
    good = path.read_bytes()
    damaged = {
        "truncate-half": good[: len(good) // 2],
        "truncate-1": good[:-2],
        "garbage": b"\x00\x01{{",
        "empty": b"",
        "not-ours": b'{"format": "something-else", "version": 1}',
        "no-version": b'{"format": "compact-reader-annotations"}',
        "binary": b"\xff\xfe\x00a",
        "broken-section": b'{"version": 2, "annotations": {"not": "a list"}}',
    }[damage]
    path.write_bytes(damaged)
    store = open_store(path)
    report = store.load_report
    assert not report.ok and len(report.set_aside) == 1
    aside = report.set_aside[0]
    assert aside.name.startswith("annotations.json.corrupt-") and aside.read_bytes() == damaged
    assert report.loaded_from == path.with_name("annotations.json.1")
    assert [a.id for a in store.annotations] == [first.id]
    text = " ".join(report.messages)
    assert "cannot be read" in text and aside.name in text and "backup" in text
    store.add(highlight(3))
    store.flush()  # writes a new main file; the damaged one stays aside
    assert aside.read_bytes() == damaged and len(open_store(path).annotations) == 2


def test_a_file_from_a_newer_version_is_never_overwritten(path):
    saved_twice(path)
    newer = json.dumps(
        {
            "format": "compact-reader-annotations",
            "version": FORMAT_VERSION + 1,
            "annotations": [{"id": "x", "shape": "from the future"}],
        }
    ).encode()
    path.write_bytes(newer)
    store = open_store(path)
    report = store.load_report
    assert report.set_aside[0].name.startswith("annotations.json.newer-")
    assert report.set_aside[0].read_bytes() == newer
    assert "newer version" in report.messages[0] and f"file format {FORMAT_VERSION + 1}" in report.messages[0]
    assert len(store.annotations) == 1  # from the backup
    store.flush()
    assert report.set_aside[0].read_bytes() == newer


def test_a_missing_file_with_a_backup_is_restored_and_said(path):
    first, _ = saved_twice(path)
    path.unlink()
    store = open_store(path)
    assert [a.id for a in store.annotations] == [first.id]
    assert "was missing" in store.load_report.messages[0] and not store.load_report.ok
    assert store.dirty  # the restored content is written back at the next save


def test_with_nothing_readable_the_store_starts_empty_and_deletes_nothing(path):
    path.parent.mkdir(parents=True)
    path.write_bytes(b"{not json")
    path.with_name("annotations.json.1").write_bytes(b"")
    store = open_store(path)
    assert store.annotations == () and len(store.load_report.set_aside) == 2
    assert "Nothing was deleted" in store.load_report.messages[-1]
    assert all(p.exists() for p in store.load_report.set_aside)


def test_an_unreadable_entry_is_reported_and_kept_verbatim(path):
    store = open_store(path)
    store.add(highlight(1))
    store.flush()
    data = json.loads(path.read_text(encoding="utf-8"))
    odd = {"id": "urn:x", "type": "Annotation", "target": "not something we understand"}
    data["annotations"].append(odd)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    store = open_store(path)
    assert len(store.annotations) == 1 and store.load_report.unreadable_entries == 1
    assert "kept unchanged" in store.load_report.messages[0]
    store.add(highlight(2))
    store.flush()
    assert odd in json.loads(path.read_text(encoding="utf-8"))["annotations"]


# --- two instances -----------------------------------------------------------------------
def test_two_instances_merge_instead_of_clobbering(path):
    one, two = open_store(path), open_store(path)
    a = one.add(highlight(1)).after
    one.flush()
    b = two.add(highlight(2)).after
    result = two.flush()  # re-reads the file changed by `one` and merges
    assert [c.after.id for c in result.external] == [a.id]
    assert {x.id for x in two.annotations} == {a.id, b.id}
    assert {x for x in decode(path.read_bytes()).state.annotations} == {a.id, b.id}
    changes = one.refresh()  # takes in what `two` saved, writes nothing
    assert [c.kind for c in changes] == ["added"] and one.annotation(b.id) == b
    assert one.refresh() == ()


def test_a_deletion_is_not_undone_by_another_instance_that_still_has_the_annotation(path):
    one, two = open_store(path), open_store(path)
    a = one.add(highlight(1)).after
    one.flush()
    two.refresh()
    one.delete(a.id)
    one.flush()
    two.add(highlight(2))
    two.flush()  # `two` still held `a`: the tombstone wins
    assert two.annotation(a.id) is None
    assert a.id not in decode(path.read_bytes()).state.annotations


def test_the_later_edit_of_one_annotation_wins_in_both_instances(path):
    clock = FakeClock()
    one, two = open_store(path, clock=clock), open_store(path, clock=clock)
    a = one.add(highlight(1)).after
    one.flush()
    two.refresh()
    one.update(a.edited(note="first"))
    two.update(a.edited(note="second"))  # later (the shared clock moved on)
    two.flush()
    one.flush()  # `one` writes last, but its edit is older
    assert decode(path.read_bytes()).state.annotations[a.id].note == "second"
    assert one.annotation(a.id).note == "second"


def test_changes_made_during_a_save_are_kept_for_the_next_one(path):
    store = open_store(path)
    store.add(highlight(1))
    original = store_module.atomic_write_bytes

    def write_and_edit(target, data):
        original(target, data)
        store.add(highlight(2))  # e.g. from the UI thread while a worker saves

    store_module.atomic_write_bytes = write_and_edit
    try:
        store.flush()
    finally:
        store_module.atomic_write_bytes = original
    assert store.dirty and len(store.annotations) == 2
    store.flush()
    assert len(decode(path.read_bytes()).state.annotations) == 2


# --- migration ---------------------------------------------------------------------------
V1 = {
    "version": 1,
    "saved": "2023-11-02T09:00:00Z",
    "colors": {"yellow": "共识措辞", "red": "red line", "magenta": "not a colour of ours"},
    "highlights": [
        {
            "id": "7b0c6f9e-6d0b-4a39-9d7e-1d1c7d7b8a01",
            "doc": "gcm",
            "anchor": "17.a",
            "start": 0,
            "end": 8,
            "text": "在联合国统计委员",
            "color": "yellow",
            "note": "v1 笔记",
            "tags": ["数据"],
            "created": "2023-11-01T08:00:00+08:00",
        },
        {
            "id": "7b0c6f9e-6d0b-4a39-9d7e-1d1c7d7b8a02",
            "doc": "nyd",
            "anchor": "annex2/8.u",
            "end_anchor": "annex2/8.v",
            "start": 2,
            "end": 4,
            "text": "对所有…",
            "color": "red",
            "created": "2023-11-01T09:00:00Z",
        },
        {"doc": "gcm", "note": "a broken v1 entry without id or text"},
    ],
    "bookmarks": [
        {"doc": "gcm", "anchor": "17", "name": "数据", "folder": "谈判", "created": "2023-11-01T10:00:00Z"}
    ],
}


def test_a_version_1_file_is_migrated_and_its_original_kept(path):
    path.parent.mkdir(parents=True)
    original = json.dumps(V1, ensure_ascii=False).encode()
    path.write_bytes(original)
    store = open_store(path)
    report = store.load_report
    assert report.migrated_from == 1 and report.unreadable_entries == 1
    assert any("upgraded from file format 1" in m for m in report.messages)
    assert path.with_name("annotations.json.v1").read_bytes() == original
    first = store.annotation("urn:uuid:7b0c6f9e-6d0b-4a39-9d7e-1d1c7d7b8a01")
    assert first.target == Target(
        "gcm", TextQuoteSelector("在联合国统计委员"), BlockRangeSelector("17.a", 0, "17.a", 8)
    )
    assert (first.note, first.tags, first.color) == ("v1 笔记", ("数据",), "yellow")
    assert first.created == first.modified == "2023-11-01T00:00:00.000Z"
    second = store.annotation("urn:uuid:7b0c6f9e-6d0b-4a39-9d7e-1d1c7d7b8a02")
    assert second.target.range == BlockRangeSelector("annex2/8.u", 2, "annex2/8.v", 4)
    assert store.palette.meaning("yellow") == "共识措辞" and store.palette.get("red").is_default
    (mark,) = store.bookmarks
    assert (mark.doc, mark.anchor, mark.name, mark.folder) == ("gcm", "17", "数据", "谈判")
    assert mark.id.startswith("urn:uuid:") and mark.modified == mark.created
    assert store.dirty  # the upgrade is written at the next save
    store.flush()
    upgraded = json.loads(path.read_text(encoding="utf-8"))
    assert upgraded["version"] == FORMAT_VERSION and len(upgraded["annotations"]) == 3  # broken one kept
    again = open_store(path)
    assert again.load_report.migrated_from is None and again.bookmarks == (mark,)


def test_migrating_the_same_version_1_file_twice_gives_the_same_ids(tmp_path):
    ids = []
    for name in ("a", "b"):
        file = tmp_path / name / "annotations.json"
        file.parent.mkdir()
        file.write_text(json.dumps(V1, ensure_ascii=False), encoding="utf-8")
        store = open_store(file)
        ids.append(sorted([a.id for a in store.annotations] + [b.id for b in store.bookmarks]))
    assert ids[0] == ids[1]  # so two instances migrating one file merge without duplicates


def test_after_migration_re_anchoring_fills_in_the_missing_context(path, corpus):
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(V1, ensure_ascii=False), encoding="utf-8")
    store = open_store(path)
    report = store.reanchor(corpus)
    first = store.annotation("urn:uuid:7b0c6f9e-6d0b-4a39-9d7e-1d1c7d7b8a01")
    assert first.target.quote.exact == "在联合国统计委员"
    assert first.target.quote.suffix.startswith("会的指导下")
    assert first.id in {a.id for a in report.updated} and first.modified > first.created
    assert [a.id for a in report.orphans] == ["urn:uuid:7b0c6f9e-6d0b-4a39-9d7e-1d1c7d7b8a02"]  # "对所有…"


# --- coded notices (the window translates them) ------------------------------------------------
def test_a_damaged_file_yields_coded_notices_with_their_values(path):
    saved_twice(path)
    path.write_bytes(b"{not json")
    report = open_store(path).load_report
    set_aside, restored = report.messages
    aside = report.set_aside[0]
    assert set_aside.code == "store-set-aside" and "cannot be read" in set_aside
    assert set_aside.values["file"] == "annotations.json" and set_aside.values["kept"] == aside.name
    assert set_aside.values["reason"] and set_aside.values["reason"] in set_aside
    assert restored.code == "store-backup-loaded" and restored.values["missing"] is False
    assert restored.values["file"] == "annotations.json" and restored.values["backup"] == "annotations.json.1"
    assert restored.values["saved"] and restored == (
        f"annotations.json could not be used; loaded the newest "
        f"good backup, annotations.json.1 (saved "
        f"{restored.values['saved']})."
    )


def test_the_other_load_reports_and_store_errors_are_coded(path):
    store = open_store(path)
    store.add(highlight(1))
    store.flush()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["annotations"].append({"id": "urn:x", "type": "Annotation", "target": "odd"})
    path.write_text(json.dumps(data), encoding="utf-8")
    [unreadable] = open_store(path).load_report.messages
    assert unreadable.code == "store-unreadable-entries"
    assert unreadable.values == {"count": 1, "file": "annotations.json"}
    path.write_text(
        json.dumps({"format": "compact-reader-annotations", "version": FORMAT_VERSION + 1}), encoding="utf-8"
    )
    newer = open_store(path).load_report.messages[0]
    assert newer.code == "store-newer" and newer.values["version"] == FORMAT_VERSION + 1
    assert newer.values["supported"] == FORMAT_VERSION
    busy = open_store(path, lock_timeout=0.05)
    busy.add(highlight(2))
    with FileLock(path.with_name("annotations.json.lock")), pytest.raises(StoreError) as caught:
        busy.flush()
    notice = caught.value.notice
    assert notice.code == "store-busy" and notice.values == {"file": "annotations.json", "seconds": 0.05}
    assert str(caught.value) == notice and "within 0.05 s" in notice
    assert StoreError("plain").notice == "plain"
