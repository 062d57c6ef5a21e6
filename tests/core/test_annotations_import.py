"""Importing W3C Web Annotation JSON-LD: merged by id, idempotent, re-anchored, reported."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from reader.core.annotations import (
    AnnotationImportError,
    Palette,
    Store,
    make_target,
    new_annotation,
    plan_import,
)
from reader.core.corpus import Corpus
from reader.core.export import prepare_export, to_jsonld
from reader.core.model import Document


@pytest.fixture
def colleague(corpus, objectives, tmp_path) -> tuple[Store, str]:
    """A colleague's store with three annotations, and their JSON-LD export."""
    store = Store.open(tmp_path / "colleague" / "annotations.json")
    gcm = corpus.get("gcm")
    for anchor, note in [("17.a", "同意"), ("17.b", ""), ("17.c", "需要核实")]:
        store.add(new_annotation(make_target(gcm, anchor, 0, None, 12), note=note, tags=["同事"]))
    data = prepare_export(store.annotations, corpus, objectives, Palette())
    return store, to_jsonld(data)


@pytest.fixture
def mine(tmp_path) -> Store:
    return Store.open(tmp_path / "mine" / "annotations.json")


def apply(store: Store, plan) -> None:
    store.apply_import(plan)
    store.flush()


def test_importing_the_same_file_twice_changes_nothing_the_second_time(colleague, mine, corpus):
    theirs, payload = colleague
    first = plan_import(payload, mine.state, corpus)
    assert len(first.report.added) == 3 and first.report.summary().startswith("3 added, 0 updated")
    apply(mine, first)
    assert {a.id: a for a in mine.annotations} == {a.id: a for a in theirs.annotations}
    before = mine.path.read_bytes()
    second = plan_import(payload, mine.state, corpus)
    assert second.annotations == () and not second.report.changed
    assert sorted(second.report.unchanged) == sorted(a.id for a in theirs.annotations)
    apply(mine, second)
    assert not mine.dirty and mine.path.read_bytes() == before


def test_a_newer_version_updates_and_an_older_one_does_not(colleague, mine, corpus, objectives):
    theirs, payload = colleague
    apply(mine, plan_import(payload, mine.state, corpus))
    target = theirs.annotations[0]
    theirs.update(target.edited(note="改过了"))
    newer = to_jsonld(prepare_export(theirs.annotations, corpus, objectives, Palette()))
    plan = plan_import(newer, mine.state, corpus)
    assert plan.report.updated == (target.id,) and len(plan.report.unchanged) == 2
    apply(mine, plan)
    assert mine.annotation(target.id).note == "改过了"
    mine.update(mine.annotation(target.id).edited(note="我的更新"))  # ours is now the newest
    again = plan_import(newer, mine.state, corpus)
    assert target.id in again.report.unchanged and mine.annotation(target.id).note == "我的更新"


def test_an_annotation_deleted_here_is_not_brought_back(colleague, mine, corpus):
    theirs, payload = colleague
    apply(mine, plan_import(payload, mine.state, corpus))
    gone = theirs.annotations[1].id
    mine.delete(gone)
    plan = plan_import(payload, mine.state, corpus)
    assert [what for what, _ in plan.report.skipped] == [gone] and plan.annotations == ()


def test_imported_annotations_are_placed_by_their_quote_in_the_current_text(colleague, mine, corpus):
    _, payload = colleague
    gcm = corpus.get("gcm")
    # Our copy of the Compact differs: (a) has a new first sentence, (c) lost its text.
    edits = {"17.a": lambda t: "新句子。" + t, "17.c": lambda t: "完全不同的内容。"}
    blocks = tuple(replace(b, text=edits[b.anchor](b.text)) if b.anchor in edits else b for b in gcm.blocks)
    ours = Corpus([Document(gcm.info, blocks) if d.id == "gcm" else d for d in corpus])
    plan = plan_import(payload, mine.state, ours)
    by_note = {a.note: a for a in plan.annotations}
    assert by_note["同意"].target.range.start_offset == len("新句子。")
    assert plan.report.orphaned == (by_note["需要核实"].id,)  # kept, listed as an orphan
    assert len(plan.annotations) == 3 and "1 not found in the current text" in plan.report.summary()


def test_another_tools_annotation_without_anchors_or_id_is_imported_once(mine, corpus):
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "bodyValue": "From another tool",
        "target": {
            "source": "reader://nyd",
            "selector": {"type": "TextQuoteSelector", "exact": "国际移民分类数据"},
        },
    }
    plan = plan_import(json.dumps(foreign), mine.state, corpus)
    (annotation,) = plan.annotations
    assert annotation.id.startswith("urn:uuid:") and annotation.note == "From another tool"
    assert annotation.target.range.start_anchor == "annex2/8.v" and annotation.color == "yellow"
    apply(mine, plan)
    again = plan_import(json.dumps(foreign), mine.state, corpus)
    assert again.report.unchanged == (annotation.id,)  # the same derived id


def test_unusable_entries_are_skipped_with_a_reason(mine, corpus):
    entries = [
        {"type": "Annotation", "id": "urn:a", "target": "http://example.org/page"},
        {
            "type": "Annotation",
            "id": "urn:b",
            "target": {"source": "reader://gcm", "selector": {"type": "CssSelector", "value": "p"}},
        },
        {
            "type": "Annotation",
            "id": "urn:c",
            "created": "yesterday",
            "target": {"source": "reader://gcm", "selector": {"type": "TextQuoteSelector", "exact": "移民"}},
        },
        {"type": "Note", "id": "urn:d"},
        "just a string",
    ]
    plan = plan_import(entries, mine.state, corpus)
    assert plan.annotations == () and len(plan.report.skipped) == 5
    reasons = " ".join(why for _, why in plan.report.skipped)
    assert "TextQuoteSelector" in reasons and "not a date" in reasons and "not of type Annotation" in reasons


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"\xff\xfe garbage", "not UTF-8"),
        ("{not json", "not valid JSON"),
        ('{"type": "Something"}', "not W3C Web Annotation"),
        ('{"format": "compact-reader-annotations", "version": 99}', "newer version"),
    ],
)
def test_a_file_that_is_not_annotations_is_refused_as_a_whole(mine, corpus, payload, message):
    with pytest.raises(AnnotationImportError, match=message):
        plan_import(payload, mine.state, corpus)


def test_a_colleagues_annotations_file_can_be_imported_directly(colleague, mine, corpus):
    theirs, _ = colleague
    theirs.flush()
    plan = plan_import(theirs.path.read_bytes(), mine.state, corpus)
    assert len(plan.report.added) == 3


def test_a_collection_page_and_a_plain_list_are_read_alike(colleague, mine, corpus):
    _, payload = colleague
    items = json.loads(payload)["first"]["items"]
    page = {"type": "AnnotationPage", "items": items}
    for form in (items, page, items[0]):
        assert plan_import(form, mine.state, corpus).report.added
