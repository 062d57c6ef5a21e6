"""Damaged and hostile annotations files: never a traceback, never a silent loss.

Each damaged file sits beside a good backup (annotations.json.1): the damaged file is set
aside untouched and the backup loaded, with the coded message the window shows. One bad
entry never costs the rest of the file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_annotations_store import FakeClock, highlight, saved_twice  # tests/core is on sys.path

from reader.core.annotations import Store, new_annotation
from reader.core.annotations import store as store_module
from reader.core.annotations.fileformat import FileProblem, decode, encode
from reader.core.annotations.model import BlockRangeSelector, Target, TextQuoteSelector


def open_store(path: Path, **options) -> Store:
    options.setdefault("clock", FakeClock())
    options.setdefault("min_interval", 0)
    return Store.open(path, **options)


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "data" / "annotations.json"


def entry(**changes) -> dict:
    """One stored annotation in the file's shape, with some fields changed."""
    data = {
        "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
        "type": "Annotation",
        "motivation": "highlighting",
        "created": "2024-05-01T10:00:00.000Z",
        "modified": "2024-05-01T10:00:00.000Z",
        "target": {
            "source": "reader://gcm",
            "styleClass": "yellow",
            "selector": [{"type": "TextQuoteSelector", "exact": "引文"}],
        },
    }
    data.update(changes)
    return data


def file_with(annotations: list, **top) -> bytes:
    data = {"format": "compact-reader-annotations", "version": 2, "annotations": annotations, **top}
    return json.dumps(data).encode("utf-8")  # ASCII escapes: lone surrogates survive


DAMAGED = {
    "nested-100000": b'{"format": "compact-reader-annotations", "version": 2, "annotations": ['
    + b"[" * 100_000
    + b"]" * 100_000
    + b"]}",
    "long-number": b'{"format": "compact-reader-annotations", "version": 2, "saved": ' + b"9" * 5000 + b"}",
    "nested-in-unknown-key": b'{"format": "compact-reader-annotations", "version": 2, "x": '
    + b"[" * 500
    + b"]" * 500
    + b"}",
}


@pytest.mark.parametrize("damage", sorted(DAMAGED))
def test_a_file_that_cannot_be_decoded_is_set_aside_and_the_backup_loaded(path, damage):
    first, _ = saved_twice(path)
    path.write_bytes(DAMAGED[damage])
    store = open_store(path)
    report = store.load_report
    assert len(report.set_aside) == 1 and report.set_aside[0].read_bytes() == DAMAGED[damage]
    assert report.loaded_from == path.with_name("annotations.json.1")
    assert [a.id for a in store.annotations] == [first.id]
    assert [m.code for m in report.messages] == ["store-set-aside", "store-backup-loaded"]
    store.add(highlight(3))
    store.flush()
    assert len(open_store(path).annotations) == 2


@pytest.mark.parametrize(
    "bad",
    [
        {"modified": "0001-01-01T00:00:00+14:00"},  # OverflowError in the time zone shift
        {"created": 12345},
        {"created": ["2024"]},
        {"created": True},
        {"modified": {"a": 1}},
        {
            "target": {
                "source": "reader://gcm",
                "selector": [{"type": "TextQuoteSelector", "exact": ["引文"]}],
            }
        },
        {"type": [{"not": "a string"}]},
        {"body": [{"type": "TextualBody", "value": "\ud800"}]},
        {
            "target": {
                "source": "reader://gcm",
                "selector": [{"type": "TextQuoteSelector", "exact": "\udcff"}],
            }
        },
    ],
)
def test_one_bad_entry_is_kept_verbatim_and_the_others_load(path, bad):
    store = open_store(path)
    good = store.add(highlight(1)).after
    store.flush()
    data = json.loads(path.read_text(encoding="utf-8"))
    odd = entry(**bad, id="urn:uuid:odd")
    data["annotations"].append(odd)
    path.write_bytes(json.dumps(data).encode("utf-8"))  # ASCII escapes: lone surrogates survive
    store = open_store(path)
    assert [a.id for a in store.annotations] == [good.id]
    assert store.load_report.unreadable_entries == 1 and not store.load_report.set_aside
    store.add(highlight(2))
    store.flush()  # saving works, and keeps the bad entry as it was
    assert odd in json.loads(path.read_bytes())["annotations"]
    assert len(open_store(path).annotations) == 2


def test_unknown_top_level_keys_survive_a_save(path):
    path.parent.mkdir(parents=True)
    path.write_bytes(file_with([entry()], extension={"from": "a newer tool", "n": [1, 2]}, note="\ud800"))
    store = open_store(path)
    assert len(store.annotations) == 1 and store.load_report.ok
    store.add(highlight(2))
    store.flush()
    data = json.loads(path.read_bytes())
    assert data["extension"] == {"from": "a newer tool", "n": [1, 2]} and data["note"] == "\ud800"
    assert data["format"] == "compact-reader-annotations" and len(data["annotations"]) == 2


def test_a_version_1_file_with_colours_of_the_wrong_type_still_loads(path):
    path.parent.mkdir(parents=True)
    path.write_bytes(
        json.dumps(
            {
                "version": 1,
                "colors": [],
                "highlights": [
                    {
                        "id": "a",
                        "doc": "gcm",
                        "anchor": "17.a",
                        "start": 0,
                        "end": 2,
                        "text": "引文",
                        "created": "2024-05-01T10:00:00Z",
                    }
                ],
            }
        ).encode()
    )
    store = open_store(path)
    assert len(store.annotations) == 1 and not store.load_report.set_aside


def test_a_file_over_the_size_limit_is_set_aside_with_a_clear_message(path, monkeypatch):
    first, _ = saved_twice(path)
    monkeypatch.setattr(store_module, "MAX_FILE_BYTES", 200)
    path.write_bytes(b" " * 300 + path.read_bytes())
    store = open_store(path)
    assert [a.id for a in store.annotations] == [first.id] or not store.annotations
    assert "too large" in store.load_report.messages[0]


def test_too_many_annotations_is_a_clear_message(path, monkeypatch):
    from reader.core.annotations import fileformat

    first, _ = saved_twice(path)
    data = json.loads(path.read_bytes())
    data["annotations"] *= 4
    path.write_bytes(json.dumps(data).encode())
    monkeypatch.setattr(fileformat, "MAX_ENTRIES", 6)
    store = open_store(path)
    assert [a.id for a in store.annotations] == [first.id]
    assert "more than 6 annotations" in store.load_report.messages[0]


def test_a_fifo_in_place_of_the_file_does_not_hang(path):
    first, _ = saved_twice(path)
    path.unlink()
    os.mkfifo(path)
    store = open_store(path)
    assert [a.id for a in store.annotations] == [first.id]
    assert "not a regular file" in store.load_report.messages[0]


def test_a_damaged_file_in_a_folder_that_cannot_be_written_is_reported(path, monkeypatch):
    first, _ = saved_twice(path)
    path.write_bytes(b"{not json")

    def refused(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store_module.os, "rename", refused)
    store = open_store(path)
    assert [a.id for a in store.annotations] == [first.id] and path.read_bytes() == b"{not json"
    assert "could not be set aside" in store.load_report.messages[0]


def test_a_symlinked_file_stays_a_link_and_its_backups_hold_the_old_content(path, tmp_path):
    real = tmp_path / "synced" / "annotations.json"
    store = open_store(real)
    store.add(highlight(1))
    store.flush()
    path.parent.mkdir(parents=True)
    path.symlink_to(real)
    before = real.read_bytes()
    store = open_store(path)
    store.add(highlight(2))
    store.flush()
    assert path.is_symlink() and len(open_store(real).annotations) == 2
    backup = path.with_name("annotations.json.1")
    assert not backup.is_symlink() and backup.read_bytes() == before


def test_text_that_cannot_be_encoded_is_refused_at_input(path):
    store = open_store(path)
    target = Target("gcm", TextQuoteSelector("引文"), BlockRangeSelector("17.a", 0, "17.a", 2))
    for bad in ({"note": "\udcff"}, {"tags": ["ok", "\ud800"]}):
        with pytest.raises(ValueError, match="not valid Unicode"):
            store.add(new_annotation(target, **bad))
    with pytest.raises(ValueError, match="not valid Unicode"):
        store.add(new_annotation(Target("gcm", TextQuoteSelector("\ud800"), None)))
    assert store.annotations == () and not store.dirty


@pytest.mark.parametrize("kill_after", range(3))
def test_a_rotation_killed_half_way_is_finished_at_the_next_load(path, kill_after):
    """Killed after `kill_after` of the renames .2→.3, .1→.2, previous→.1: no gap remains."""
    store = open_store(path)
    for i in range(4):
        store.add(highlight(i))
        store.flush()
    backups = [path.with_name(f"annotations.json.{n}") for n in (1, 2, 3)]
    before = [b.read_bytes() for b in backups]
    main = path.read_bytes()
    store.add(highlight(9))
    store._rotate_backups = _interrupting(store._rotate_backups, kill_after)
    with pytest.raises(KeyboardInterrupt):
        store.flush()
    open_store(path)  # the next start finishes the rotation
    assert [b.read_bytes() for b in backups] == [main, *before[:2]]
    assert not list(path.parent.glob("*.tmp"))


def _interrupting(rotate, kill_after):
    """The rotation, stopped (as by kill -9) before its rename number `kill_after`."""

    def run(previous):
        real = os.replace
        count = [0]

        def replace(src, dst):
            if count[0] == kill_after:
                raise KeyboardInterrupt
            count[0] += 1
            return real(src, dst)

        os.replace = replace
        try:
            return rotate(previous)
        finally:
            os.replace = real

    return run


# --- fuzzing ---------------------------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
FIELDS = [
    "id",
    "type",
    "created",
    "modified",
    "target",
    "body",
    "bodyValue",
    "source",
    "selector",
    "styleClass",
    "exact",
    "prefix",
    "suffix",
    "refinedBy",
    "start",
    "end",
    "value",
    "purpose",
    "startSelector",
    "endSelector",
    "conformsTo",
    "doc",
    "anchor",
    "name",
    "folder",
    "color",
]
entries = st.recursive(
    json_values, lambda inner: st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6), max_leaves=25
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sections=st.dictionaries(
        st.sampled_from(
            [
                "palette",
                "annotations",
                "bookmarks",
                "deleted",
                "saved",
                "version",
                "format",
                "colors",
                "highlights",
            ]
        ),
        st.lists(entries, max_size=4) | entries,
        max_size=5,
    ),
    version=st.sampled_from([1, 2, 2, 3, "2", None]),
)
def test_fuzz_the_decoder_never_lets_an_exception_escape(sections, version):
    data = {"format": "compact-reader-annotations", **sections}
    if version is not None:
        data["version"] = version
    raw = json.dumps(data).encode("utf-8")
    try:
        decoded = decode(raw)
    except FileProblem:
        return
    again = decode(encode(decoded.state, decoded.saved))  # what loads also saves, and reloads
    assert set(again.state.annotations) == set(decoded.state.annotations)
    assert len(again.state.unreadable) == len(decoded.state.unreadable)


GOOD_FILE = file_with(
    [entry()],
    palette=[{"color": "red", "name": "红线"}],
    bookmarks=[
        {"id": "urn:b", "doc": "gcm", "anchor": "17", "name": "书签", "created": "2024-05-01T10:00:00.000Z"}
    ],
    deleted=[{"id": "urn:gone", "deleted": "2024-05-01T10:00:00.000Z"}],
)


@settings(max_examples=150, deadline=None)
@given(cut=st.integers(0, len(GOOD_FILE)), at=st.integers(0, len(GOOD_FILE) - 1), byte=st.binary(max_size=3))
def test_fuzz_damaged_bytes_never_let_an_exception_escape(cut, at, byte):
    for data in (GOOD_FILE[:cut], GOOD_FILE[:at] + byte + GOOD_FILE[at + 1 :], byte * 50):
        try:
            decoded = decode(data)
        except FileProblem:
            continue
        decode(encode(decoded.state, decoded.saved))
