"""Placing highlights by anchor and quote, and placing them again after the text changes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.core.annotations import (
    AnchorStatus,
    BlockRangeSelector,
    Segment,
    Store,
    Target,
    TextQuoteSelector,
    make_target,
    new_annotation,
    reanchor,
    resolve,
    segments,
)
from reader.core.annotations.anchoring import CONTEXT_CHARS, doc_text
from reader.core.corpus import Corpus, parse_document
from reader.core.model import Document

QUOTE = "提高移民统计和国家数据系统的国际可比性和兼容性"  # in gcm 17.b


def edited(doc: Document, anchor: str, change) -> Document:
    """`doc` with one block's text changed (as a corrected import would)."""
    blocks = tuple(replace(b, text=change(b.text)) if b.anchor == anchor else b for b in doc.blocks)
    return Document(doc.info, blocks)


def reparsed(doc: Document, old: str, new: str) -> Document:
    """`doc` parsed again from its source file with `old` replaced by `new`."""
    source = Path(doc.info.source).read_text(encoding="utf-8")
    assert source.count(old) == 1
    return parse_document(doc.info, source.replace(old, new))


# --- making targets ----------------------------------------------------------------------
def test_a_target_records_quote_context_anchor_and_offsets(corpus):
    gcm = corpus.get("gcm")
    text = gcm.block("17.b").text
    start = text.index(QUOTE)
    target = make_target(gcm, "17.b", start, "17.b", start + len(QUOTE))
    assert target.doc == "gcm" and target.source == "reader://gcm" and target.link == "reader://gcm/17.b"
    assert target.quote.exact == QUOTE
    assert target.range == BlockRangeSelector("17.b", start, "17.b", start + len(QUOTE))
    assert target.range.position.start == start and target.range.position.end == start + len(QUOTE)
    flat = doc_text(gcm).text
    at = flat.index(QUOTE)
    assert target.quote.prefix == flat[at - CONTEXT_CHARS : at]
    assert target.quote.suffix == flat[at + len(QUOTE) : at + len(QUOTE) + CONTEXT_CHARS]
    assert make_target(gcm, "gcm/17.b", start, None, start + len(QUOTE)) == target  # DOC/ prefix


def test_a_highlight_may_span_blocks(corpus):
    gcm = corpus.get("gcm")
    target = make_target(gcm, "17.a", 5, "17.c", 7)
    a, b, c = (gcm.block(x).text for x in ("17.a", "17.b", "17.c"))
    assert target.quote.exact == f"{a[5:]}\n{b}\n{c[:7]}"
    assert target.range.position is None and not target.range.single_block
    assert segments(gcm, target) == [
        Segment("17.a", 5, len(a)),
        Segment("17.b", 0, len(b)),
        Segment("17.c", 0, 7),
    ]
    assert resolve(gcm, target).status is AnchorStatus.ANCHORED


def test_bad_selections_are_refused(corpus):
    gcm = corpus.get("gcm")
    for args in [("nope", 0, "nope", 2), ("17.a", 0, "17.a", 10_000), ("17.a", 3, "17.a", 3)]:
        with pytest.raises(ValueError):
            make_target(gcm, *args)
    reversed_ = make_target(gcm, "17.a", 9, "17.a", 2)  # dragged right to left
    assert reversed_.range == BlockRangeSelector("17.a", 2, "17.a", 9)


# --- re-anchoring -----------------------------------------------------------------------
def test_after_an_edit_that_shifts_the_text_the_quote_is_found_again(corpus):
    gcm = corpus.get("gcm")
    start = gcm.block("17.b").text.index(QUOTE)
    target = make_target(gcm, "17.b", start, None, start + len(QUOTE))
    inserted = "（经订正）"
    changed = edited(gcm, "17.b", lambda t: inserted + t)
    result = resolve(changed, target)
    assert result.status is AnchorStatus.MOVED
    assert result.target.quote.exact == QUOTE
    assert result.target.range == BlockRangeSelector(
        "17.b", start + len(inserted), "17.b", start + len(inserted) + len(QUOTE)
    )


def test_after_a_reparse_that_renumbers_blocks_the_quote_is_found_in_its_new_block(corpus):
    gcm = corpus.get("gcm")
    block = gcm.block("17.b")
    target = make_target(gcm, "17.b", 0, None, 20)
    # A new paragraph before (b) makes the old (b) the new (c).
    changed = reparsed(gcm, "(b) 提高移民统计", "(b) 新插入的一项行动。\n(c) 提高移民统计")
    result = resolve(changed, target)
    assert result.status is AnchorStatus.MOVED and result.target.range.start_anchor == "17.c"
    assert changed.block("17.c").text[:20] == block.text[:20] == result.target.quote.exact


def test_a_slightly_reworded_passage_is_placed_fuzzily(corpus):
    gcm = corpus.get("gcm")
    start = gcm.block("17.b").text.index(QUOTE)
    target = make_target(gcm, "17.b", start, None, start + len(QUOTE))
    changed = edited(gcm, "17.b", lambda t: "前言。" + t.replace("国际可比性", "国际比较性"))
    result = resolve(changed, target)
    assert result.status is AnchorStatus.FUZZY and result.score >= 0.75
    assert result.target.quote.exact == QUOTE.replace("国际可比性", "国际比较性")


def test_when_the_quoted_passage_is_deleted_the_annotation_is_an_orphan_and_kept(corpus, tmp_path):
    gcm = corpus.get("gcm")
    start = gcm.block("17.b").text.index(QUOTE)
    target = make_target(gcm, "17.b", start, None, start + len(QUOTE))
    changed = edited(gcm, "17.b", lambda t: t.replace(QUOTE, ""))
    assert resolve(changed, target).status is AnchorStatus.ORPHAN
    assert resolve(None, target).status is AnchorStatus.ORPHAN  # document removed
    store = Store.open(tmp_path / "annotations.json")
    annotation = store.add(new_annotation(target, note="要核实")).after
    new_corpus = Corpus([changed if d.id == "gcm" else d for d in corpus])
    report = store.reanchor(new_corpus)
    assert [a.id for a in report.orphans] == [annotation.id]
    assert store.annotation(annotation.id) == annotation  # never dropped, never changed


def test_a_repeated_quote_is_told_apart_by_its_context(corpus):
    gcm = corpus.get("gcm")
    flat = doc_text(gcm).text
    word = "移民"
    places = [i for i in range(len(flat)) if flat.startswith(word, i)]
    assert len(places) > 50
    chosen = places[len(places) // 2]
    target = replace(make_target(gcm, *gcm_position(gcm, chosen, len(word))), range=None)
    result = resolve(gcm, target)  # no anchor to go by: the context decides
    assert result.status is AnchorStatus.MOVED
    assert doc_text(gcm).flat(result.target.range.start_anchor, result.target.range.start_offset) == chosen


def gcm_position(doc: Document, flat_start: int, length: int) -> tuple[str, int, str, int]:
    text = doc_text(doc)
    (a1, o1), (a2, o2) = text.locate(flat_start), text.locate(flat_start + length)
    return a1, o1, a2, o2


def test_reanchor_reports_moved_and_fuzzy_and_updates_only_those(corpus):
    gcm = corpus.get("gcm")
    same = new_annotation(make_target(gcm, "17.a", 0, None, 10))
    start = gcm.block("17.b").text.index(QUOTE)
    moving = new_annotation(make_target(gcm, "17.b", start, None, start + len(QUOTE)))
    changed = edited(gcm, "17.b", lambda t: "新增。" + t)
    report = reanchor([same, moving], Corpus([changed if d.id == "gcm" else d for d in corpus]))
    assert report.moved == (moving.id,) and report.fuzzy == () and report.orphans == ()
    assert [a.id for a in report.updated] == [moving.id]
    assert report.updated[0].note == moving.note and report.updated[0].modified == moving.modified


def test_a_target_without_anchors_is_placed_by_its_quote(corpus):
    target = Target("nyd", TextQuoteSelector("国际移民分类数据"))
    result = resolve(corpus.get("nyd"), target)
    assert result.placed and result.target.range == BlockRangeSelector("annex2/8.v", 0, "annex2/8.v", 8)


# --- properties --------------------------------------------------------------------------
def spans(corpus):
    """A document and a span of 1 to 4 consecutive blocks, as (doc, start, end) in its text."""
    docs = [d for d in corpus if len(d.blocks) > 4]

    @st.composite
    def build(draw):
        doc = draw(st.sampled_from(docs))
        text = doc_text(doc)
        first = draw(st.integers(0, len(doc.blocks) - 1))
        last = draw(st.integers(first, min(first + 3, len(doc.blocks) - 1)))
        lo, hi = text.starts[first], text.block_end(last)
        start = draw(st.integers(lo, hi))
        end = draw(st.integers(start, hi))
        core = text.text[start:end].strip("\n")
        assume(core)
        return doc, start, end

    return build()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_target_made_from_a_span_resolves_to_the_same_text_and_place(corpus, data):
    doc, start, end = data.draw(spans(corpus))
    target = make_target(doc, *gcm_position(doc, start, end - start))
    assert target.quote.exact == doc_text(doc).text[start:end].strip("\n")
    result = resolve(doc, target)
    assert result.status is AnchorStatus.ANCHORED and result.target == target
    pieces = segments(doc, target)
    assert "\n".join(doc.block(p.anchor).text[p.start : p.end] for p in pieces) == target.quote.exact


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.data(),
    insert=st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), min_size=1, max_size=20
    ),
)
def test_after_text_is_inserted_elsewhere_the_same_quote_is_found(corpus, data, insert):
    doc, start, end = data.draw(spans(corpus))
    target = make_target(doc, *gcm_position(doc, start, end - start))
    text = doc_text(doc)
    # Insert outside the highlighted span, in any block (its own included).
    before = data.draw(st.booleans())
    lo, hi = (
        (0, doc_text(doc).flat(target.range.start_anchor, target.range.start_offset))
        if before
        else (text.flat(target.range.end_anchor, target.range.end_offset), len(text.text))
    )
    where = data.draw(st.integers(lo, hi))
    anchor, offset = text.locate(where)
    changed = edited(doc, anchor, lambda t: t[:offset] + insert + t[offset:])
    result = resolve(changed, target)
    assert result.placed and result.status is not AnchorStatus.FUZZY
    assert result.target.quote.exact == target.quote.exact
    pieces = segments(changed, result.target)
    assert "\n".join(changed.block(p.anchor).text[p.start : p.end] for p in pieces) == target.quote.exact


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_resolve_takes_its_shortcut_only_when_the_full_search_would_leave_the_target(corpus, data):
    """resolve accepts at once a highlight whose recorded range, quote and context are all
    still those of the text: true exactly when the full search finds it ANCHORED and unchanged,
    whatever the recorded range (past a block's end, on a separator, reversed) or context."""
    from reader.core.annotations.anchoring import _resolve_in_full, _unchanged

    doc, start, end = data.draw(spans(corpus))
    target = make_target(doc, *gcm_position(doc, start, end - start))
    text = doc_text(doc)
    rng = target.range
    anchors = st.sampled_from([rng.start_anchor, rng.end_anchor, *text.anchors[:3], "gone"])
    near = st.integers(-1, 3)
    shifted = BlockRangeSelector(
        data.draw(st.just(rng.start_anchor) | anchors),
        data.draw(st.just(rng.start_offset) | near.map(lambda d: rng.start_offset + d)),
        data.draw(st.just(rng.end_anchor) | anchors),
        data.draw(st.just(rng.end_offset) | near.map(lambda d: rng.end_offset + d)),
    )
    prefix, suffix = target.quote.prefix, target.quote.suffix
    quote = TextQuoteSelector(
        target.quote.exact,
        data.draw(st.sampled_from([prefix, prefix[1:], "x" + prefix])),
        data.draw(st.sampled_from([suffix, suffix[:-1], suffix + "x"])),
    )
    recorded = Target(doc.id, quote, shifted)
    result = _resolve_in_full(doc, text, recorded)
    assert resolve(doc, recorded) == result
    kept = result.status is AnchorStatus.ANCHORED and result.target == recorded
    assert _unchanged(text, recorded) == kept
    assert reanchor([new_annotation(recorded)], Corpus([doc])).changed == (result.target != recorded)
