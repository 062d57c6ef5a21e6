"""Hostile annotation imports: every entry checked by type before use, bad ones listed with
the reason, a whole file that cannot be used is one clear message — never a traceback."""

from __future__ import annotations

import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_hostile_store import FIELDS as ENTRY_FIELDS  # tests/core is on sys.path
from test_hostile_store import json_values

from reader.cli import main
from reader.core.annotations import AnnotationImportError, Store, make_target, new_annotation, plan_import
from reader.core.annotations import importer as importer_module
from reader.core.annotations.importer import read_import_file
from reader.core.annotations.model import StoreState


def good(**changes) -> dict:
    data = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "id": "urn:uuid:00000000-0000-4000-8000-0000000000aa",
        "created": "2024-05-01T10:00:00Z",
        "target": {
            "source": "reader://gcm",
            "styleClass": "blue",
            "selector": [{"type": "TextQuoteSelector", "exact": "正常移民"}],
        },
    }
    data.update(changes)
    return data


WRONG_TYPES = {
    "created a number": ({"created": 12345}, "created is not a date"),
    "created a list": ({"created": ["2024-05-01"]}, "created is not a date"),
    "created true": ({"created": True}, "created is not a date"),
    "modified past the year 1": ({"modified": "0001-01-01T00:00:00+14:00"}, "modified is not a date"),
    "type a list of objects": ({"type": [{"a": 1}]}, "not of type Annotation"),
    "lone surrogate": ({"body": {"type": "TextualBody", "value": "\ud800"}}, "not valid Unicode"),
    "target a number": ({"target": 7}, "no target"),
}


@pytest.mark.parametrize("case", sorted(WRONG_TYPES))
def test_an_entry_of_a_wrong_type_is_skipped_with_its_reason(corpus, case):
    changes, reason = WRONG_TYPES[case]
    payload = json.dumps([good(id="urn:uuid:ok"), good(**{"id": "urn:uuid:bad", **changes})])
    plan = plan_import(payload, StoreState(), corpus)
    assert [a.id for a in plan.annotations] == ["urn:uuid:ok"]
    [(what, why)] = plan.report.skipped
    assert what == "entry 2" and reason in why


def test_a_list_as_colour_gives_the_default_colour(corpus):
    target = {
        "source": "reader://gcm",
        "styleClass": ["red"],
        "selector": {"type": "TextQuoteSelector", "exact": "正常移民"},
    }
    [annotation] = plan_import(json.dumps(good(target=target)), StoreState(), corpus).annotations
    assert annotation.color == "yellow"


@pytest.mark.parametrize(
    "payload, message",
    [
        ('{"format": "compact-reader-annotations", "version": 2, "annotations": 5}', "not a list"),
        ('{"format": "compact-reader-annotations", "version": 2, "annotations": "abc"}', "not a list"),
        ('{"format": "compact-reader-annotations", "version": 1, "highlights": 5}', "damaged"),
        ("[" * 100_000 + "]" * 100_000, "nested"),
        ('{"type": "Annotation", "n": ' + "9" * 5000 + "}", "number"),
        ('{"type": "AnnotationPage", "items": 5}', "JSON-LD"),
        ("5", "JSON-LD"),
        ('"text"', "JSON-LD"),
        ("null", "JSON-LD"),
        ('{"type": [{"x": 1}]}', "JSON-LD"),
    ],
)
def test_a_file_that_cannot_be_used_is_one_clear_message(corpus, payload, message):
    with pytest.raises(AnnotationImportError, match=message):
        plan_import(payload, StoreState(), corpus)


def test_a_version_1_file_with_a_list_of_colours_imports(corpus):
    payload = json.dumps(
        {
            "format": "compact-reader-annotations",
            "version": 1,
            "colors": [],
            "highlights": [
                {
                    "id": "a1",
                    "doc": "gcm",
                    "anchor": "17.a",
                    "start": 0,
                    "end": 4,
                    "text": "正常移民",
                    "created": "2024-05-01T10:00:00Z",
                }
            ],
        }
    )
    assert len(plan_import(payload, StoreState(), corpus).annotations) == 1


def test_too_many_entries_is_refused_with_a_clear_message(corpus, monkeypatch):
    monkeypatch.setattr(importer_module, "MAX_IMPORT_ENTRIES", 3)
    payload = json.dumps([good(id=f"urn:uuid:{i}") for i in range(4)])
    with pytest.raises(AnnotationImportError, match="more than 3"):
        plan_import(payload, StoreState(), corpus)
    assert (
        len(
            plan_import(
                json.dumps([good(id=f"urn:uuid:{i}") for i in range(3)]), StoreState(), corpus
            ).annotations
        )
        == 3
    )


def test_an_import_that_would_overflow_the_store_is_refused(corpus, colleague_state, monkeypatch):
    from reader.core.annotations import fileformat

    monkeypatch.setattr(fileformat, "MAX_ENTRIES", 2)
    payload = json.dumps([good(id=f"urn:uuid:{i}") for i in range(2)])
    with pytest.raises(AnnotationImportError, match="more than 2"):
        plan_import(payload, colleague_state, corpus)  # which holds one already


def test_a_huge_quote_is_skipped_instead_of_stalling_the_placing(corpus):
    quote = {"type": "TextQuoteSelector", "exact": "移" * 200_000}
    huge = good(target={"source": "reader://gcm", "selector": quote})
    plan = plan_import(json.dumps([huge]), StoreState(), corpus)
    assert plan.annotations == () and "too long" in plan.report.skipped[0][1]


def test_a_long_changed_quote_becomes_an_orphan_quickly(corpus):
    text = "\n".join(b.text for b in corpus.get("gcm").blocks)
    changed = "".join("X" if i % 40 == 0 else ch for i, ch in enumerate(text[1000:6000]))
    quote = {"type": "TextQuoteSelector", "exact": changed}
    entry = good(target={"source": "reader://gcm", "selector": quote})
    started = time.monotonic()
    plan = plan_import(json.dumps([entry]), StoreState(), corpus)
    assert plan.report.orphaned == (entry["id"],)
    assert time.monotonic() - started < 10  # placing it by likeness took 20 s (quadratic)


def test_only_regular_files_of_a_sane_size_are_read(tmp_path, monkeypatch):
    fifo = tmp_path / "pipe.jsonld"
    os.mkfifo(fifo)
    for path in (fifo, tmp_path, "/dev/zero"):
        with pytest.raises(AnnotationImportError, match="not a regular file"):
            read_import_file(path)
    big = tmp_path / "big.jsonld"
    big.write_bytes(b" " * 100)
    monkeypatch.setattr(importer_module, "MAX_IMPORT_BYTES", 50)
    with pytest.raises(AnnotationImportError, match="too large"):
        read_import_file(big)


HOSTILE_FILES = {
    "wrong-types.jsonld": json.dumps(
        [
            good(created=12345),
            good(target={"styleClass": [1]}),
            good(type=[{"a": 1}]),
            good(id="urn:uuid:fine"),
        ]
    ),
    "annotations-5.json": '{"format": "compact-reader-annotations", "version": 2, "annotations": 5}',
    "v1-colors-list.json": '{"format": "compact-reader-annotations", "version": 1, "colors": []}',
    "deep.jsonld": "[" * 100_000 + "]" * 100_000,
    "long-number.jsonld": '[{"type": "Annotation", "start": ' + "9" * 5000 + "}]",
    "overflow.jsonld": json.dumps([good(modified="0001-01-01T00:00:00+14:00")]),
    "surrogate.jsonld": json.dumps([good(body={"value": "\ud800"})]),
    "not-utf8.jsonld": b"\xff\xfe\x00[",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_the_import_command_never_shows_a_traceback(tmp_path, capsys, name):
    path = tmp_path / name
    data = HOSTILE_FILES[name]
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    code = main(["--lang", "en", "annotations", "import", str(path)])
    out, err = capsys.readouterr()
    assert code in (0, 1) and "Traceback" not in out + err
    assert (code == 0 and out.startswith("imported:")) or (code == 1 and err.startswith("reader: "))
    if name == "wrong-types.jsonld":
        assert "1 added" in out and "created is not a date" in out and out.count("skipped entry") == 3
    assert main(["--lang", "en", "annotations", "list"]) == 0  # the store is still fine


def test_the_import_command_refuses_a_fifo(tmp_path, capsys):
    fifo = tmp_path / "pipe.jsonld"
    os.mkfifo(fifo)
    assert main(["annotations", "import", str(fifo)]) == 1
    assert "not a regular file" in capsys.readouterr().err


# --- fuzzing ---------------------------------------------------------------------------------
# The store's entry fields, plus the keys of the collections an import reads.
FIELDS = [
    *ENTRY_FIELDS,
    "items",
    "first",
    "next",
    "format",
    "version",
    "annotations",
    "highlights",
    "colors",
    "text",
    "tags",  # a version-1 highlight's
    "note",
    "end_anchor",
]
TYPES = st.sampled_from(
    [
        "Annotation",
        "AnnotationPage",
        "AnnotationCollection",
        "TextQuoteSelector",
        "FragmentSelector",
        "RangeSelector",
        "TextPositionSelector",
        "TextualBody",
        "compact-reader-annotations",
        "reader://gcm",
        "urn:compact-reader:block-anchor",
        "2024-05-01T10:00:00Z",
        "17.a",
        "正常移民",
        1,
        2,
        0,
        -1,
    ]
)
shaped = st.recursive(
    json_values | TYPES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(FIELDS), inner, max_size=6),
    max_leaves=30,
)


@pytest.fixture(scope="module")
def colleague_state(corpus, tmp_path_factory) -> StoreState:
    store = Store.open(tmp_path_factory.mktemp("fuzz") / "annotations.json")
    store.add(new_annotation(make_target(corpus.get("gcm"), "17.a", 0, None, 6)))
    return store.state


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(payload=shaped)
def test_fuzz_the_importer_never_lets_an_exception_escape(corpus, colleague_state, payload):
    for form in (payload, json.dumps(payload)):
        try:
            plan = plan_import(form, colleague_state, corpus)
        except AnnotationImportError as exc:
            assert str(exc)
            continue
        for annotation in plan.annotations:  # what is taken can be stored and saved
            json.dumps(annotation.note, ensure_ascii=False).encode("utf-8")
