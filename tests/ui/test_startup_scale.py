"""A window over many highlights starts without listing them all first (issue 14 at
50,000): the annotations dock, a tab in the background, is listed when first shown —
complete, grouped and in order, filtered as the core filters — and the panes carry every
highlight of their documents."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core.annotations import Palette, TextQuoteSelector, make_target, new_annotation, segments
from reader.core.export import ExportFilter, build_excerpts
from reader.ui import annotating
from reader.ui.annotating import ExcerptIndex
from reader.ui.annotations_panel import ORPHANS, ExcerptRole, GroupRole, IdRole

COLOURS = ("yellow", "red", "blue", "green", "purple")


@pytest.fixture
def many(make_window, services, corpus):
    """A window over highlights in every long paragraph of three documents (some with
    notes and tags) and one that cannot be placed; the annotations dock in the background."""
    store = services.store
    for doc_id in ("gcm", "imrf", corpus.documents[-1].id):
        doc = corpus.get(doc_id)
        for i, block in enumerate(b for b in doc.blocks if len(b.text) >= 30):
            store.add(
                new_annotation(
                    make_target(doc, block.anchor, i % 7, block.anchor, 20 + i % 9),
                    color=COLOURS[i % len(COLOURS)],
                    note="可以引用" if i % 3 == 0 else "",
                    tags=("数据",) if i % 4 == 0 else (),
                )
            )
    target = make_target(corpus.get("gcm"), "17.a", 0, "17.a", 10)
    gone = TextQuoteSelector("这段文字在任何文件中都不存在，已被删除")
    store.add(new_annotation(type(target)(target.doc, gone, target.range)))
    return make_window(services)


def expected_excerpts(window):
    annotator = window.annotator
    return build_excerpts(
        annotator.store.annotations, annotator.corpus, annotator.index.objectives, annotator.palette
    )


def listed(panel) -> list[tuple[str, str, list[str]]]:
    """Each group as shown: its key, its title, its rows' ids."""
    model, groups = panel.model, []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        ids = [model.index(r, 0, group).data(IdRole) for r in range(model.rowCount(group))]
        groups.append((group.data(GroupRole), group.data(), ids))
    return groups


def grouped(excerpts) -> list[tuple[str, list[str]]]:
    """The core's order, grouped as the dock groups: documents in order, then orphans."""
    groups: dict[str, list[str]] = {}
    for e in excerpts:
        if e.found:
            groups.setdefault(e.doc, []).append(e.id)
    orphans = [e.id for e in excerpts if not e.found]
    return [*groups.items(), *([(ORPHANS, orphans)] if orphans else [])]


def test_the_dock_in_the_background_is_listed_complete_when_first_shown(qtbot, many):
    window, panel = many, many.annotations_panel
    assert panel.visibleRegion().isEmpty() and panel.model.rowCount() == 0, "nothing listed behind a tab"
    with qtbot.waitSignal(panel.refreshed):
        window.show_dock("annotations")
    excerpts = expected_excerpts(window)
    assert len(excerpts) > 300
    shown = listed(panel)
    assert [(key, ids) for key, _title, ids in shown] == grouped(excerpts), "every highlight, in order"
    assert all(title.endswith(f"  {len(ids)}") for _key, title, ids in shown), "each group's count"
    assert str(len(excerpts)) in panel.status.text()
    assert panel.filters.doc.count() == len(window.annotator.corpus) + 1, "the filters' choices offered"
    assert panel.filters.tag.findData("数据") > 0


def test_rows_show_their_highlight_when_the_view_asks(qtbot, many):
    window, panel = many, many.annotations_panel
    window.show_dock("annotations")
    model = panel.model
    noted = next(e for e in window.annotator.index.ordered() if e.found and e.annotation.note)
    plain = next(e for e in window.annotator.index.ordered() if e.found and not e.annotation.note)
    for excerpt, lines in ((noted, 3), (plain, 2)):
        row = model.index_of(excerpt.id)
        assert row.data(ExcerptRole) is excerpt and row.data(IdRole) == excerpt.id
        text = row.data()
        assert len(text.split("\n")) == lines and excerpt.annotation.exact[:10] in text
        assert excerpt.citation in row.data(Qt.ItemDataRole.ToolTipRole)
        assert excerpt.citation in row.data(Qt.ItemDataRole.AccessibleTextRole)
        assert row.data(Qt.ItemDataRole.SizeHintRole).height() == model.line_height * lines + model.MARGIN
        assert not row.data(Qt.ItemDataRole.DecorationRole).isNull()
        assert row.flags() & Qt.ItemFlag.ItemIsSelectable and row.flags() & Qt.ItemFlag.ItemIsEnabled
    assert model.index(0, 0).data(IdRole) is None and model.index(0, 0).data(ExcerptRole) is None


def test_filters_and_selection_after_a_lazy_start(qtbot, many):
    window, panel = many, many.annotations_panel
    window.show_dock("annotations")
    excerpts = expected_excerpts(window)
    for selection in (ExportFilter(colors=frozenset({"red"})), ExportFilter(tags=frozenset({"数据"}))):
        with qtbot.waitSignal(panel.refreshed):
            panel.filters.set_selection(selection)
        wanted = [e for e in excerpts if selection.matches(e)]
        assert [(k, ids) for k, _t, ids in listed(panel)] == grouped(wanted)
        assert str(len(wanted)) in panel.status.text() and str(len(excerpts)) in panel.status.text()
        panel.view.selectAll()
        assert sorted(panel.selected_ids()) == sorted(e.id for e in wanted), "every row selectable"
    panel.filters.clear()
    assert [(k, ids) for k, _t, ids in listed(panel)] == grouped(excerpts)


def test_changes_made_while_the_dock_waits_are_listed_when_it_is_shown(qtbot, many, corpus):
    window, panel = many, many.annotations_panel
    annotator, store = window.annotator, window.annotator.store
    doc = corpus.get("imrf")
    block = next(b for b in doc.blocks if len(b.text) >= 30)
    added = store.add(new_annotation(make_target(doc, block.anchor, 1, block.anchor, 3), color="blue"))
    annotator.record("add", [added])
    gone = annotator.index.placed_in("gcm")[0].id
    annotator.delete([gone])
    assert panel.model.rowCount() == 0, "still waiting"
    window.show_dock("annotations")
    ids = [i for _k, _t, group in listed(panel) for i in group]
    assert added.id in ids and gone not in ids
    assert [(k, ids) for k, _t, ids in listed(panel)] == grouped(expected_excerpts(window))


def test_the_panes_carry_every_highlight_of_their_documents(many, corpus):
    window = many
    for pane in window.panes.panes:
        doc = corpus.get(pane.doc_id)
        expected = sorted(
            doc.block(piece.anchor).text[piece.start : piece.end]
            for excerpt in window.annotator.index.placed_in(doc.id)
            for piece in segments(doc, excerpt.annotation.target)
        )
        assert len(expected) > 20
        assert sorted(pane.highlighted_text("annotations")) == expected


def pieces_of(window, doc, excerpts) -> list[str]:
    return sorted(
        doc.block(piece.anchor).text[piece.start : piece.end]
        for excerpt in excerpts
        for piece in segments(doc, excerpt.annotation.target)
    )


@pytest.mark.parametrize("placed_yet", [True, False], ids=["placed", "not-placed-yet"])
def test_a_pane_with_many_highlights_paints_the_view_first_then_the_rest(
    qtbot, many, corpus, monkeypatch, placed_yet
):
    monkeypatch.setattr(annotating, "PAINT_AT_ONCE", 30)
    monkeypatch.setattr(annotating, "NEAR_BLOCKS", (2, 12))
    monkeypatch.setattr(annotating, "PAINT_SLICE", 10)
    window, annotator = many, many.annotator
    pane = window.panes.panes[0]
    doc = pane.document
    placed = [e for e in expected_excerpts(window) if e.doc == doc.id and e.found]
    near = [e for e in placed if e.order[1] < 12]
    assert len(placed) > 60
    if not placed_yet:  # as the window opens: the excerpts of a document are placed when asked
        annotator.index.rebuild(annotator.store.annotations)
    annotator.paint(pane)  # as when the pane opens the document, at its top
    assert annotator.painting()
    in_doc = sum(a.doc == doc.id for a in annotator.store.annotations)  # its orphan too
    assert annotator.index.waiting_in(doc.id) == (0 if placed_yet else in_doc - len(near)), "the view's only"
    assert near
    assert sorted(pane.highlighted_text("annotations")) == pieces_of(window, doc, near), "the top first"
    # while the rest is painted: the user scrolls to the end and changes two highlights
    last = placed[-1]
    pane.show_document(doc.id, last.anchors[0])
    gone, recoloured = placed[len(placed) // 2], placed[len(placed) // 2 + 1]
    annotator.delete([gone.id])
    annotator.set_color(recoloured.id, "green" if recoloured.color != "green" else "red")
    pieces = {(p.anchor, p.start, p.end) for p in segments(doc, last.annotation.target)}
    qtbot.waitUntil(lambda: pieces <= {(h.anchor, h.start, h.end) for h in pane.highlights("annotations")})
    assert annotator.painting(), "the end of the document came before the middle"
    qtbot.waitUntil(lambda: not annotator.painting())
    now = annotator.index.placed_in(doc.id)
    assert sorted(pane.highlighted_text("annotations")) == pieces_of(window, doc, now)
    painted = {(h.anchor, h.start, h.end, h.color) for h in pane.highlights("annotations")}
    annotator.paint(pane)
    qtbot.waitUntil(lambda: not annotator.painting())
    assert {(h.anchor, h.start, h.end, h.color) for h in pane.highlights("annotations")} == painted


def test_a_pane_opened_partway_down_paints_its_view_first(qtbot, many, corpus, monkeypatch):
    """A restored session, a search jump or an objective opens a pane far down a document
    whose highlights are not placed yet: the view's come first, not the top's."""
    monkeypatch.setattr(annotating, "PAINT_AT_ONCE", 30)
    monkeypatch.setattr(annotating, "NEAR_BLOCKS", (2, 12))
    monkeypatch.setattr(annotating, "PAINT_SLICE", 10)
    monkeypatch.setattr(annotating, "PLACE_SLICE", 10)
    window, annotator = many, many.annotator
    doc = corpus.get("gcm")
    placed = [e for e in expected_excerpts(window) if e.doc == doc.id and e.found]
    far = placed[len(placed) * 3 // 4]
    annotator.index.rebuild(annotator.store.annotations)  # as the window opens
    pane = window.panes.add_pane(doc.id, far.anchors[0])
    top = doc.index_of(pane.current_anchor())
    assert top > 40, "opened far from the top"
    in_view = [e for e in placed if top - 2 <= e.order[1] < top + 12]
    assert in_view
    wanted = {(p.anchor, p.start, p.end) for e in in_view for p in segments(doc, e.annotation.target)}
    qtbot.waitUntil(lambda: wanted <= {(h.anchor, h.start, h.end) for h in pane.highlights("annotations")})
    assert annotator.index.waiting_in(doc.id) > 0, "the view painted before the whole document was placed"
    qtbot.waitUntil(lambda: not annotator.painting(), timeout=20000)
    now = annotator.index.placed_in(doc.id)
    assert sorted(pane.highlighted_text("annotations")) == pieces_of(window, doc, now), "then all of them"


def test_the_excerpt_index_places_what_is_asked_for_and_the_rest_slice_by_slice(many, corpus):
    store, objectives = many.annotator.store, many.annotator.index.objectives
    palette = Palette()
    index = ExcerptIndex(corpus, objectives, palette)
    index.rebuild(store.annotations)
    assert not index.complete() and len(index) == len(store.annotations), "nothing placed yet"
    expected = build_excerpts(store.annotations, corpus, objectives, palette)
    assert index.placed_in("imrf") == [e for e in expected if e.doc == "imrf" and e.found]
    assert not index.complete(), "one document placed"
    waiting = next(a for a in store.annotations if a.doc == "gcm")
    change = store.update(waiting.edited(color="green" if waiting.color != "green" else "red"))
    assert index.apply([change]) == {"gcm"} and index.get(waiting.id).color == change.after.color
    while not index.complete():
        index.place_some(7)
    assert index.ordered() == build_excerpts(store.annotations, corpus, objectives, palette)
    assert len(index.orphans()) == 1


def test_the_orphans_are_reported_once_every_highlight_is_placed(qtbot, many, monkeypatch):
    window, annotator = many, many.annotator
    monkeypatch.setattr(annotating, "PLACE_SLICE", 40)
    window.message_bar.hide()
    annotator.index.rebuild(annotator.store.annotations)
    annotator.start()
    assert not annotator.index.complete(), "placed slice by slice"
    qtbot.waitUntil(annotator.index.complete)
    orphans = sum(not e.found for e in expected_excerpts(window))
    assert orphans == 1
    assert window.message_bar.isVisible()
    assert (
        f"有 {orphans} 处高亮无法在文件的当前文本中定位；它们列在“批注”面板的“无法定位”之下。"
        in window.message_bar.text.text()
    ), "the translated sentence, with the count"


@pytest.mark.parametrize("started", [True, False], ids=["after-start", "in-front-as-the-window-opens"])
def test_the_dock_opened_while_highlights_are_placed_lists_them_once_all_are(
    qtbot, many, monkeypatch, started
):
    window, annotator, panel = many, many.annotator, many.annotations_panel
    monkeypatch.setattr(annotating, "PLACE_SLICE", 40)
    annotator.index.rebuild(annotator.store.annotations)
    if started:
        annotator.start()  # as the window opens with many: placed slice by slice
    assert annotator.placing() == started
    with qtbot.waitSignal(panel.refreshed, timeout=20000):
        window.show_dock("annotations")
        assert not annotator.index.complete(), "the window is not held until all are placed"
        assert panel.status.text() == "正在将高亮定位到文本中…"
    assert annotator.index.complete()
    assert [(k, ids) for k, _t, ids in listed(panel)] == grouped(expected_excerpts(window))


def test_a_library_reload_with_the_dock_shown_lists_the_highlights_once_placed(qtbot, many, monkeypatch):
    window, annotator, panel = many, many.annotator, many.annotations_panel
    with qtbot.waitSignal(panel.refreshed):
        window.show_dock("annotations")
    monkeypatch.setattr(annotating, "PLACE_SLICE", 40)
    with qtbot.waitSignal(panel.refreshed, timeout=20000):
        window.refresh_library()
        assert not annotator.index.complete(), "the window is not held until all are placed again"
        assert panel.status.text() == "正在将高亮定位到文本中…"
    assert annotator.index.complete()
    assert [(k, ids) for k, _t, ids in listed(panel)] == grouped(expected_excerpts(window))
    assert panel.filters.doc.count() == len(annotator.corpus) + 1, "the filters' choices offered again"


def test_filters_chosen_while_the_highlights_are_placed_wait_for_them(qtbot, many, monkeypatch):
    window, annotator, panel = many, many.annotator, many.annotations_panel
    with qtbot.waitSignal(panel.refreshed):
        window.show_dock("annotations")  # the filters' choices offered
    monkeypatch.setattr(annotating, "PLACE_SLICE", 40)
    annotator.index.rebuild(annotator.store.annotations)  # as after a library reload
    annotator.start()
    selection = ExportFilter(colors=frozenset({"red"}))
    with qtbot.waitSignal(panel.refreshed, timeout=20000):
        panel.filters.set_selection(selection)
        assert not annotator.index.complete(), "the filters do not place them all at once"
        assert panel.status.text() == "正在将高亮定位到文本中…"
    assert annotator.index.complete() and panel.filters.selection() == selection
    wanted = [e for e in expected_excerpts(window) if selection.matches(e)]
    assert [(k, ids) for k, _t, ids in listed(panel)] == grouped(wanted)


def test_a_click_before_a_document_is_placed_places_only_what_is_under_it(many, corpus):
    annotator, doc = many.annotator, corpus.get("gcm")
    placed = [e for e in expected_excerpts(many) if e.doc == doc.id and e.found]
    wanted = placed[len(placed) // 2]
    piece = segments(doc, wanted.annotation.target)[0]
    annotator.index.rebuild(annotator.store.annotations)  # as the window opens
    waiting = annotator.index.waiting_in(doc.id)
    under = annotator.annotation_at(doc.id, piece.anchor, piece.start + 1)
    assert under is not None and under.id == wanted.id
    assert annotator.index.waiting_in(doc.id) > waiting - 5, "not the whole document"
    at = annotator.index.placed_at(doc.id, wanted.annotation.target.range)
    assert at is not None and at.id == wanted.id
    other = placed[len(placed) // 3]
    assert annotator.index.placed_at(doc.id, other.annotation.target.range).id == other.id
    assert annotator.index.waiting_in(doc.id) > waiting - 10, "only the highlights there"
    assert sorted(e.id for e in annotator.index.placed_in(doc.id)) == sorted(e.id for e in placed)


def test_a_highlight_over_several_blocks_is_found_from_each_before_all_are_placed(many, corpus):
    annotator, doc = many.annotator, corpus.get("gcm")
    first, second = next(
        (a, b)
        for a, b in zip(doc.blocks[40:], doc.blocks[41:], strict=False)
        if len(a.text) > 5 and len(b.text) > 5
    )
    spanning = annotator.store.add(new_annotation(make_target(doc, first.anchor, 2, second.anchor, 3)))
    annotator.index.rebuild(annotator.store.annotations)
    assert spanning.id in [e.id for e in annotator.index.placed_over(doc, second.anchor)]
    assert spanning.id in [e.id for e in annotator.index.placed_over(doc, first.anchor)]
    assert spanning.id not in [e.id for e in annotator.index.placed_over(doc, doc.blocks[0].anchor)]
    assert annotator.index.waiting_in(doc.id) > 0
