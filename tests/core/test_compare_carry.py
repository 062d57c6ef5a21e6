"""Carrying highlights, notes and bookmarks from an old draft to a revision."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core.annotations import Store, make_target, new_annotation, new_bookmark, reanchor
from reader.core.compare import compare_documents
from reader.core.compare.carry import CHANGED_TAG, CarryStatus, apply_carry, plan_carry
from reader.core.corpus import Corpus
from reader.core.model import Document


@pytest.fixture(scope="module")
def drafts(corpus) -> tuple[Document, Document]:
    """The Compact and a revision: paragraph 5 deleted, words added to 9, 15(a) moved after 20,
    paragraph 12 cut in two."""
    gcm = corpus.get("gcm")
    blocks = list(gcm.blocks)
    index = {b.anchor: i for i, b in enumerate(blocks)}
    nine = blocks[index["9"]]
    blocks[index["9"]] = replace(nine, text=nine.text.replace("共同责任", "共同但有区别的责任"))
    twelve = blocks[index["12"]]
    cut = twelve.text.index("。") + 1
    moved = blocks[index["15.a"]]
    out = []
    for block in blocks:
        if block.anchor in ("5", "15.a"):
            continue
        if block.anchor == "12":
            out += [
                replace(twelve, text=twelve.text[:cut]),
                replace(twelve, anchor="12-bis", text=twelve.text[cut:]),
            ]
            continue
        out.append(block)
        if block.anchor == "20":
            out.append(moved)
    return gcm, Document(info=replace(gcm.info, id="gcm-rev", bundled=False), blocks=tuple(out))


@pytest.fixture
def store(tmp_path) -> Store:
    return Store.open(tmp_path / "annotations.json")


def highlight(
    store: Store,
    doc: Document,
    anchor: str,
    start: int,
    end: int,
    end_anchor: str | None = None,
    note: str = "",
) -> str:
    annotation = new_annotation(make_target(doc, anchor, start, end_anchor, end), note=note, tags=["谈判"])
    return store.add(annotation).after.id


def carried(store: Store, drafts) -> dict[str, object]:
    plan = plan_carry(compare_documents(*drafts), store.state)
    return {item.original.id: item for item in plan.items}


def test_each_status(store, drafts):
    old, new = drafts
    intact = highlight(store, old, "10", 0, 20, note="intact")
    edited = highlight(store, old, "9", 40, 60, note="edited")
    gone = highlight(store, old, "5", 0, 12, note="deleted paragraph")
    moved = highlight(store, old, "15.a", 0, 10, note="moved")
    second_half = old.block("12").text.index("。") + 5
    in_split = highlight(store, old, "12", second_half, second_half + 12, note="split")
    items = carried(store, drafts)
    assert items[intact].status is CarryStatus.UNCHANGED and items[intact].new_anchor == "10"
    assert items[edited].status is CarryStatus.CHANGED
    assert "但有区别的" in items[edited].copy.exact and CHANGED_TAG in items[edited].copy.tags
    assert items[edited].copy.note == "edited" and "谈判" in items[edited].copy.tags
    assert items[gone].status is CarryStatus.ORPHANED and items[gone].new_anchor is None
    assert items[moved].status is CarryStatus.UNCHANGED and items[moved].new_anchor == "15.a"
    assert new.index_of("15.a") > new.index_of("20")
    assert items[in_split].status is CarryStatus.UNCHANGED and items[in_split].new_anchor == "12-bis"
    for item in items.values():
        if item.status is not CarryStatus.ORPHANED:
            assert item.copy.doc == "gcm-rev"
            rng = item.copy.target.range
            assert new.block(rng.start_anchor).text[rng.start_offset : rng.end_offset] == item.copy.exact
        if item.status is CarryStatus.UNCHANGED:
            assert item.copy.exact == item.original.exact


def test_a_highlight_over_two_paragraphs_follows_both(store, drafts):
    old, new = drafts
    hid = highlight(store, old, "10", 30, 10, end_anchor="11")
    item = carried(store, drafts)[hid]
    assert item.status is CarryStatus.UNCHANGED
    rng = item.copy.target.range
    assert (rng.start_anchor, rng.end_anchor) == ("10", "11")


def test_orphans_are_kept_unplaced_for_the_panel(store, drafts, corpus):
    old, new = drafts
    gone = highlight(store, old, "5", 0, 12)
    plan = plan_carry(compare_documents(old, new), store.state)
    apply_carry(plan, store)
    copy = next(a for a in store.annotations if a.doc == "gcm-rev")
    assert copy.target.range is None and copy.exact == store.annotation(gone).exact
    report = reanchor([copy], Corpus([*corpus.documents, new]))
    assert [a.id for a in report.orphans] == [copy.id]


def test_bookmarks_are_carried(store, drafts):
    old, _ = drafts
    ids = {
        anchor: store.add(new_bookmark("gcm", anchor, f"mark {anchor}")).after.id
        for anchor in ("10", "9", "5")
    }
    items = carried(store, drafts)
    assert items[ids["10"]].status is CarryStatus.UNCHANGED and items[ids["10"]].new_anchor == "10"
    assert items[ids["9"]].status is CarryStatus.CHANGED
    assert items[ids["5"]].status is CarryStatus.ORPHANED and items[ids["5"]].copy is None
    assert items[ids["9"]].to_dict() == {
        "id": ids["9"],
        "note": "mark 9",
        "old_anchor": "9",
        "new_anchor": "9",
        "status": "changed",
    }


def test_carrying_twice_adds_nothing(store, drafts):
    old, new = drafts
    highlight(store, old, "10", 0, 20)
    highlight(store, old, "5", 0, 12)
    store.add(new_bookmark("gcm", "9", "nine"))
    first = apply_carry(plan_carry(compare_documents(old, new), store.state), store)
    assert len(first) == 3
    count = (len(store.annotations), len(store.bookmarks))
    again = plan_carry(compare_documents(old, new), store.state)
    assert all(item.present for item in again.items) and again.to_add() == []
    assert apply_carry(again, store) == []
    assert (len(store.annotations), len(store.bookmarks)) == count
    # the copies are not carried again as if they were the old draft's own
    assert all(a.doc in ("gcm", "gcm-rev") for a in store.annotations)


def test_undo_restores_the_store(store, drafts):
    """What the window's undo does with the returned changes: put each `before` back."""
    old, new = drafts
    highlight(store, old, "10", 0, 20)
    before = store.state.annotations
    changes = apply_carry(plan_carry(compare_documents(old, new), store.state), store)
    assert len(store.annotations) == 2
    for change in reversed(changes):
        store.delete(change.after.id)
    assert dict(store.state.annotations) == dict(before)
    for change in changes:
        store.put(change.after)
    assert len(store.annotations) == 2
