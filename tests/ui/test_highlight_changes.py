"""One change among many highlights updates only what it touches (issue 14): the pane
repaints the changed highlight's ranges and the annotations list changes its row alone,
while the panes and the list stay exactly what a full rebuild would show."""

from __future__ import annotations

import pytest

from reader.core.annotations import COLORS, make_target, new_annotation
from reader.core.export import ExportFilter
from reader.ui.annotations_panel import ExcerptRole, IdRole
from reader.ui.dialogs.note import NoteResult

from .test_annotations_ui import select

PALETTE = ("yellow", "red", "blue", "green")


def painted(pane) -> list[tuple[int, int, str]]:
    """The pane's formatted ranges in paint order: (start, end, background colour)."""
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.background().color().name())
        for s in pane.view.extraSelections()
    ]


def listed(panel) -> list[tuple[str, str]]:
    """The list as shown: each group's title with its count, then each row's id."""
    model, rows = panel.model, []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        rows.append(("group", group.data()))
        rows.extend(("row", model.index(r, 0, group).data(IdRole)) for r in range(model.rowCount(group)))
    return rows


@pytest.fixture
def busy_window(make_window, services, corpus):
    """A window over a library with highlights in every paragraph of two documents (some
    overlapping, some with notes and tags), the annotations list shown."""
    store = services.store
    for doc_id in ("gcm", "imrf"):
        doc = corpus.get(doc_id)
        long = [b for b in doc.blocks if len(b.text) >= 30]
        blocks = long[:40] + long[-3:]  # and a few at the end, far from the top
        for i, block in enumerate(blocks):
            store.add(
                new_annotation(
                    make_target(doc, block.anchor, 2, block.anchor, 20),
                    color=PALETTE[i % 4],
                    note="可以引用" if i % 3 == 0 else "",
                    tags=("数据",) if i % 5 == 0 else (),
                )
            )
            if i % 4 == 1:  # a shorter one inside it
                store.add(new_annotation(make_target(doc, block.anchor, 5, block.anchor, 9), color="purple"))
    window = make_window(services)
    window.show_dock("annotations")
    pane = window.panes.panes[0]
    assert pane.doc_id == "gcm" and len(pane.highlighted_text("annotations")) > 40
    return window


def as_rebuilt(window) -> tuple[list, list, str]:
    """What the first pane and the list show once built again from scratch."""
    pane, panel = window.panes.panes[0], window.annotations_panel
    window.annotator.paint(pane)  # every highlight placed again
    panel.refresh()
    return painted(pane), listed(panel), panel.status.text()


def test_a_colour_change_repaints_that_highlight_alone(qtbot, busy_window):
    window, annotator = busy_window, busy_window.annotator
    pane, panel = window.panes.panes[0], window.annotations_panel
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    excerpt = annotator.index.placed_in("gcm")[7]
    rng = excerpt.annotation.target.range
    start, end = pane.rendered.range_of(rng.start_anchor, rng.start_offset, rng.end_offset)
    before, rows_before = painted(pane), listed(panel)
    new = "green" if excerpt.color != "green" else "red"

    annotator.set_color(excerpt.id, new)

    after = painted(pane)
    changed = [(b, a) for b, a in zip(before, after, strict=True) if b != a]
    assert changed == [((start, end, COLORS[excerpt.color]), (start, end, COLORS[new]))], (
        "one range changes colour in its place; the others are untouched"
    )
    row = panel.model.index_of(excerpt.id)
    assert row.data(ExcerptRole).color == new and listed(panel) == rows_before
    assert not resets, "the list was not built again"
    annotator.undo_stack.undo()
    assert painted(pane) == before and listed(panel) == rows_before and not resets
    assert (painted(pane), listed(panel)) == as_rebuilt(window)[:2]


def test_overlapping_highlights_paint_the_shortest_on_top(busy_window):
    pane = busy_window.panes.panes[0]
    shown = painted(pane)
    nested = [
        (outer, inner)
        for outer, inner in zip(shown, shown[1:], strict=False)
        if outer[0] <= inner[0] and inner[1] <= outer[1] and inner[1] - inner[0] < outer[1] - outer[0]
    ]
    assert nested and all(inner[2] == COLORS["purple"] for _outer, inner in nested)
    assert shown == as_rebuilt(busy_window)[0], "a full repaint paints in the same order"


def test_adds_deletes_and_undo_keep_the_list_in_order_through_a_filter(qtbot, busy_window, monkeypatch):
    window, annotator = busy_window, busy_window.annotator
    pane, panel = window.panes.panes[0], window.annotations_panel
    panel.filters.set_selection(ExportFilter(colors=frozenset({"red"})))
    assert {panel.model.index_of(i).data(ExcerptRole).color for _k, i in listed(panel) if _k == "row"} == {
        "red"
    }
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    placed = annotator.index.placed_in("gcm")
    red = next(e for e in placed if e.color == "red")
    yellow = next(e for e in placed if e.color == "yellow")
    block = next(b for b in pane.document.blocks if len(b.text) >= 40 and b.anchor not in red.anchors)

    def check(what: str) -> None:
        incremental = (painted(pane), listed(panel), panel.status.text())
        assert incremental == as_rebuilt(window), f"after {what}, as if built again"
        resets.clear()

    last = [i for kind, i in listed(panel) if kind == "row"][-1]
    panel.view.setCurrentIndex(panel.model.index_of(last))
    select(pane, block.anchor, 22, 30)
    added = annotator.highlight(pane, "red")
    assert panel.model.index_of(added.id).isValid() and not resets, "a new red row, in its place"
    assert panel.view.currentIndex().data(IdRole) == last, "the current row stays current"
    check("a new highlight")
    annotator.set_color(red.id, "blue")
    assert not panel.model.index_of(red.id).isValid() and not resets, "filtered out"
    check("a colour the filter hides")
    annotator.set_color(yellow.id, "red")
    assert panel.model.index_of(yellow.id).isValid() and not resets, "filtered in"
    check("a colour the filter shows")
    annotator.delete([added.id])
    assert not panel.model.index_of(added.id).isValid() and not resets
    check("a delete")
    monkeypatch.setattr(annotator, "ask_note", lambda request: NoteResult("red", "新的笔记", ("新标签",)))
    annotator.edit(yellow.id)
    assert panel.filters.tag.findData("新标签") > 0, "the new tag is offered"
    assert not resets, "a new tag does not rebuild the list"
    assert "新的笔记" in (n for _a, _o, n in pane.note_markers()), "its note gets a marker"
    check("a note and a new tag")
    for _ in range(5):
        annotator.undo_stack.undo()
        check("an undo")
    assert panel.filters.tag.findData("新标签") < 0, "the tag went with the last highlight carrying it"
    for _ in range(5):
        annotator.undo_stack.redo()
        check("a redo")


def test_a_change_in_a_document_not_shown_leaves_the_panes_alone(busy_window, monkeypatch):
    window, annotator = busy_window, busy_window.annotator
    left, right = window.panes.panes
    right.show_document("gcm")
    before = painted(left), painted(right)
    calls = []
    for pane in (left, right):
        for name in ("update_highlight_groups", "set_highlight_groups"):
            method = getattr(pane, name)
            monkeypatch.setattr(pane, name, lambda *a, m=method, n=name: calls.append(n) or m(*a))
    excerpt = annotator.index.placed_in("imrf")[3]
    annotator.set_color(excerpt.id, "blue" if excerpt.color != "blue" else "red")
    assert calls == [], "no pane showing another document is given highlights"
    assert (painted(left), painted(right)) == before
    assert window.annotations_panel.model.index_of(excerpt.id).data(ExcerptRole).color != excerpt.color


def test_highlights_far_from_the_view_show_once_scrolled_to(qtbot, busy_window):
    window, annotator = busy_window, busy_window.annotator
    pane = window.panes.panes[0]
    last = annotator.index.placed_in("gcm")[-1]
    rng = last.annotation.target.range
    start, end = pane.rendered.range_of(rng.start_anchor, rng.start_offset, rng.end_offset)
    assert (start, end) not in [(s, e) for s, e, _c in painted(pane)], "far from the view: not given to Qt"
    new = "blue" if last.color != "blue" else "red"
    annotator.set_color(last.id, new)  # changed while out of view
    pane.show_document("gcm", rng.start_anchor)
    qtbot.waitUntil(lambda: (start, end, COLORS[new]) in painted(pane))
    assert len(pane.highlighted_text("annotations")) == len(pane.highlights("annotations")), (
        "every highlight is placed, wherever the view is"
    )
    pane.view.verticalScrollBar().setValue(0)  # and back, by the scroll bar
    first = annotator.index.placed_in("gcm")[0]
    rng = first.annotation.target.range
    start, end = pane.rendered.range_of(rng.start_anchor, rng.start_offset, rng.end_offset)
    qtbot.waitUntil(lambda: (start, end, COLORS[first.color]) in painted(pane))


def test_list_rows_out_of_view_show_their_change_once_scrolled_to(qtbot, busy_window, monkeypatch):
    window, annotator = busy_window, busy_window.annotator
    panel, view = window.annotations_panel, window.annotations_panel.view
    ids = [i for kind, i in listed(panel) if kind == "row"]
    far = next(i for i in reversed(ids) if not annotator.excerpt(i).annotation.note)
    index = panel.model.index_of(far)
    assert not view.visualRect(index).intersects(view.viewport().rect()), "out of view"
    noted = next(i for i in ids if annotator.excerpt(i).annotation.note)
    three_lines = view.visualRect(panel.model.index_of(noted)).height()  # (near the top)
    monkeypatch.setattr(annotator, "ask_note", lambda request: NoteResult("blue", "后来加上的笔记", ()))
    annotator.edit(far)  # a note: one more line
    view.scrollTo(panel.model.index_of(far))
    qtbot.waitUntil(lambda: view.visualRect(panel.model.index_of(far)).intersects(view.viewport().rect()))
    row = panel.model.index_of(far)
    assert "后来加上的笔记" in row.data() and row.data(ExcerptRole).color == "blue"
    assert view.visualRect(row).height() == three_lines, "its height follows its lines"
    changed = []
    panel.model.dataChanged.connect(lambda first, _last, _roles=(): changed.append(first.data(IdRole)))
    annotator.set_color(far, "red")  # in view now: repainted at once
    assert changed == [far] and panel.model.index_of(far).data(ExcerptRole).color == "red"


def test_a_list_row_out_of_view_keeps_its_place_and_height_through_a_colour_change(qtbot, busy_window):
    window, annotator = busy_window, busy_window.annotator
    panel, view = window.annotations_panel, window.annotations_panel.view
    far = [i for kind, i in listed(panel) if kind == "row"][-2]
    view.scrollTo(panel.model.index_of(far))
    qtbot.waitUntil(lambda: view.visualRect(panel.model.index_of(far)).intersects(view.viewport().rect()))
    height = view.visualRect(panel.model.index_of(far)).height()
    view.scrollToTop()
    qtbot.waitUntil(lambda: not view.visualRect(panel.model.index_of(far)).intersects(view.viewport().rect()))
    new = "green" if annotator.excerpt(far).color != "green" else "red"
    annotator.set_color(far, new)
    view.scrollTo(panel.model.index_of(far))
    qtbot.waitUntil(lambda: view.visualRect(panel.model.index_of(far)).intersects(view.viewport().rect()))
    row = panel.model.index_of(far)
    assert row.data(ExcerptRole).color == new and view.visualRect(row).height() == height
    assert listed(panel) == as_rebuilt(window)[1]
