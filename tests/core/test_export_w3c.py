"""Exported JSON-LD against the W3C Web Annotation data model: the Working Group's MUST
assertions (vendored in tests/vendor/w3c-annotation-model, with their licence notice) and our
own checks of the selectors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from referencing import Registry
from referencing.jsonschema import DRAFT4

from reader.core.annotations import (
    ANCHOR_SPEC,
    ANNO_CONTEXT,
    COLORS,
    Palette,
    Store,
    annotation_from_w3c,
    annotation_to_w3c,
    make_target,
    new_annotation,
    new_bookmark,
)
from reader.core.annotations.anchoring import doc_text
from reader.core.annotations.exchange import bookmark_to_jsonld
from reader.core.export import prepare_export, to_jsonld

W3C = Path(__file__).resolve().parents[1] / "vendor" / "w3c-annotation-model"
BASE = "http://annotation-model.invalid/"  # any absolute base: every $ref is a bare file name


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def must_validators() -> dict[str, Draft4Validator]:
    """As in the README of the assertions: definitions and assertions registered by name."""
    registry = Registry().with_resources(
        (BASE + p.name, DRAFT4.create_resource(_load(p))) for p in (W3C / "definitions").glob("*.json")
    )
    musts = _load(W3C / "annotations" / "annotationMusts.test")["assertions"]
    for rel in musts:
        registry = registry.with_resource(BASE + Path(rel).name, DRAFT4.create_resource(_load(W3C / rel)))
    assert len(musts) == 14
    return {
        rel: Draft4Validator(
            {"$ref": BASE + Path(rel).name}, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER
        )
        for rel in musts
    }


def must_failures(validators, annotation) -> list[str]:
    return [rel for rel, v in validators.items() if not v.is_valid(annotation)]


@pytest.fixture(scope="module")
def exported(corpus, objectives) -> dict:
    gcm, nyd = corpus.get("gcm"), corpus.get("nyd")
    annotations = [
        new_annotation(make_target(gcm, "17.a", 3, None, 30), note="笔记 <b>", tags=["数据", "统计"]),
        new_annotation(make_target(gcm, "17.b", 5, "17.d", 6), color="red"),
        new_annotation(make_target(nyd, "annex2/8.v", 0, None, 8), color="blue", tags=["x"]),
    ]
    stamped = [
        a.edited(created="2024-03-01T09:00:00.000Z", modified="2024-03-02T09:00:00.000Z") for a in annotations
    ]
    data = prepare_export(stamped, corpus, objectives, Palette(), generated="2024-05-01T12:00:00.000Z")
    return json.loads(to_jsonld(data))


def test_the_validators_do_catch_broken_annotations(must_validators):
    good = _load(W3C / "examples" / "anno23.json")
    assert must_failures(must_validators, good) == []
    for broken in [
        {k: v for k, v in good.items() if k != "@context"},
        {**good, "id": "not a uri"},
        {**good, "created": "today"},
        {k: v for k, v in good.items() if k != "target"},
    ]:
        assert must_failures(must_validators, broken)


def test_every_exported_annotation_meets_the_w3c_musts(exported, must_validators):
    items = exported["first"]["items"]
    assert len(items) == 3
    for item in items:
        assert must_failures(must_validators, item) == [], item["id"]


def test_exported_bookmarks_meet_the_w3c_musts(must_validators):
    bookmark = new_bookmark("gcm", "17", "数据承诺", "谈判/目标1", creator="王芳").edited(
        created="2024-03-01T09:00:00.000Z", modified="2024-03-01T09:00:00.000Z"
    )
    item = bookmark_to_jsonld(bookmark, generated="2024-05-01T12:00:00.000Z")
    assert item["motivation"] == "bookmarking" and must_failures(must_validators, item) == []


def test_the_export_is_an_annotation_collection(exported):
    # the W3C context first; then ours, which keeps the palette as a JSON literal
    assert exported["@context"][0] == ANNO_CONTEXT and exported["type"] == "AnnotationCollection"
    assert exported["palette"][0] == {"color": "yellow", "name": "agreed language", "hex": COLORS["yellow"]}
    assert exported["id"].startswith("urn:uuid:") and exported["total"] == 3
    page = exported["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    for item in page["items"]:
        assert item["@context"] == ANNO_CONTEXT and item["type"] == "Annotation"
        assert item["id"].startswith("urn:uuid:") and item["motivation"] == "highlighting"


def test_selectors_quote_the_text_with_its_context_and_give_block_offsets(exported, corpus):
    for item in exported["first"]["items"]:
        target = item["target"]
        doc_id = target["source"].removeprefix("reader://")
        assert target["source"] == corpus.get(doc_id).info.iri
        doc = corpus.get(doc_id)
        flat = doc_text(doc)
        quote, anchors = target["selector"]
        assert quote["type"] == "TextQuoteSelector"
        start, end = _span(flat, anchors)
        assert quote["exact"] == flat.text[start:end]
        assert quote["prefix"] == flat.text[max(0, start - len(quote["prefix"])) : start]
        assert quote["suffix"] == flat.text[end : end + len(quote["suffix"])]
        assert 0 < len(quote["prefix"]) <= 32 and 0 < len(quote["suffix"]) <= 32
        assert target["styleClass"] in COLORS and target["scope"].startswith(target["source"] + "/")
        assert item["stylesheet"]["type"] == "CssStylesheet"
        assert f".{target['styleClass']} " in item["stylesheet"]["value"]


def _span(flat, selector: dict) -> tuple[int, int]:
    """Offsets in the whole text from our FragmentSelector (one block) or RangeSelector."""

    def point(fragment: dict, key: str) -> int:
        assert fragment["type"] == "FragmentSelector" and fragment["conformsTo"] == ANCHOR_SPEC
        position = fragment["refinedBy"]
        assert position["type"] == "TextPositionSelector"
        return flat.flat(fragment["value"], position[key])

    if selector["type"] == "FragmentSelector":
        refined = selector["refinedBy"]
        assert refined["start"] < refined["end"]
        return point(selector, "start"), point(selector, "end")
    assert selector["type"] == "RangeSelector"
    for end in ("startSelector", "endSelector"):
        refined = selector[end]["refinedBy"]
        assert refined["start"] == refined["end"]  # a point: the range runs from one to the other
    return point(selector["startSelector"], "start"), point(selector["endSelector"], "start")


def test_bodies_hold_note_tags_meaning_and_citation(exported):
    first = exported["first"]["items"][0]
    purposes = [(b["purpose"], b["value"]) for b in first["body"]]
    assert purposes[:3] == [("commenting", "笔记 <b>"), ("tagging", "数据"), ("tagging", "统计")]
    assert ("classifying", "agreed language") in purposes
    describing = next(v for p, v in purposes if p == "describing")
    assert describing.startswith("《全球契约》(A/RES/73/195，2018年12月10日)第17段(a)")
    assert "目标1" in describing


def test_an_exported_annotation_reads_back_as_it_was(exported):
    first, second, _ = (annotation_from_w3c(item) for item in exported["first"]["items"])
    assert (first.note, first.tags, first.color) == ("笔记 <b>", ("数据", "统计"), "yellow")
    assert (first.created, first.modified) == ("2024-03-01T09:00:00.000Z", "2024-03-02T09:00:00.000Z")
    assert first.target.range.start_anchor == "17.a" and first.target.range.start_offset == 3
    assert second.color == "red" and second.note == "" and second.tags == ()  # derived bodies ignored
    assert (second.target.range.start_anchor, second.target.range.end_anchor) == ("17.b", "17.d")
    assert annotation_from_w3c(annotation_to_w3c(second)) == second


def test_the_stored_file_entries_are_w3c_annotations_too(tmp_path, corpus, must_validators):
    store = Store.open(tmp_path / "annotations.json")
    store.add(new_annotation(make_target(corpus.get("gcm"), "17.a", 0, "17.b", 4), note="n", tags=["t"]))
    store.flush()
    entries = json.loads((tmp_path / "annotations.json").read_text(encoding="utf-8"))["annotations"]
    for entry in entries:
        assert must_failures(must_validators, {"@context": ANNO_CONTEXT, **entry}) == []
