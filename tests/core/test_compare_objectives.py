"""Which objectives a comparison touches (what the objective tree marks)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core.compare.comparison import compare_documents
from reader.core.compare.objectives import changed_objectives, objective_sections
from reader.core.model import BlockKind, Document
from reader.core.passages import ObjectiveMap


@pytest.fixture(scope="module")
def objective_map(corpus, objectives) -> ObjectiveMap:
    return ObjectiveMap(corpus, objectives)


def revised(doc: Document, new_id: str, edits: dict[str, str | None]) -> Document:
    """A copy of `doc` with blocks replaced (text) or deleted (None)."""
    blocks = [
        replace(b, text=edits[b.anchor]) if b.anchor in edits else b
        for b in doc.blocks
        if not (b.anchor in edits and edits[b.anchor] is None)
    ]
    info = replace(doc.info, id=new_id, bundled=False, revision_of=doc.id)
    return Document(info=info, blocks=tuple(blocks))


def last_paragraph(objective_map: ObjectiveMap, number: int) -> str:
    objective = next(o for o in objective_map.objectives if o.number == number)
    gcm = objective_map.corpus.get("gcm")
    return next(
        a for a in reversed(objective_map.section(objective)) if gcm.block(a).kind is not BlockKind.HEADING
    )


def test_a_draft_compared_with_itself_changes_no_objective(corpus, objective_map):
    gcm = corpus.get("gcm")
    assert changed_objectives(compare_documents(gcm, revised(gcm, "copy", {})), objective_map) == {}


def test_the_sections_of_a_compact_draft_are_its_own(corpus, objective_map):
    gcm = corpus.get("gcm")
    copy = revised(gcm, "gcm-rev", {})
    assert objective_sections(copy) == {
        a: n
        for n in range(1, 24)
        for a in objective_map.section(next(o for o in objective_map.objectives if o.number == n))
    }


def test_edits_and_deletions_in_objective_sections_are_counted(corpus, objective_map):
    gcm = corpus.get("gcm")
    edited, deleted = last_paragraph(objective_map, 5), last_paragraph(objective_map, 12)
    preamble = next(
        b.anchor
        for b in gcm.blocks
        if b.kind is BlockKind.PARAGRAPH and not objective_map.objectives_at("gcm", b.anchor)
    )
    draft = revised(
        gcm,
        "gcm-rev",
        {
            edited: "尽快" + gcm.block(edited).text,
            deleted: None,
            preamble: gcm.block(preamble).text + "另加一句。",
        },
    )
    comparison = compare_documents(gcm, draft)
    assert comparison.summary()["changed"] == 2 and comparison.summary()["deleted"] == 1
    assert changed_objectives(comparison, objective_map) == {5: 1, 12: 1}
    # the newer draft alone carries the sections too (an imported Compact draft, old side not the Compact)
    newer = revised(draft, "gcm-rev2", {edited: "立即" + draft.block(edited).text})
    assert changed_objectives(compare_documents(draft, newer), objective_map) == {5: 1}


def test_a_linked_passage_changed_in_another_document_marks_its_objectives(corpus, objective_map):
    objective = next(
        o
        for o in objective_map.objectives
        if any(link.doc not in ("gcm",) and link.doc in corpus for link in o.links)
    )
    link = next(link for link in objective.links if link.doc != "gcm" and link.doc in corpus)
    doc = corpus.get(link.doc)
    draft = revised(doc, f"{doc.id}-rev", {link.anchor: doc.block(link.anchor).text + "（已修订）"})
    changed = changed_objectives(compare_documents(doc, draft), objective_map)
    assert objective.number in changed
    assert set(changed) == set(objective_map.objectives_at(doc.id, link.anchor))
    assert all(count == 1 for count in changed.values())
