"""The objective tree: selecting objective 13 shows it beside its linked passages."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from reader.ui.objective_tree import AnchorRole, ObjectiveTreeModel
from reader.ui.outline import build_outline

ROUND_TABLE_2 = {str(n) for n in range(30, 37)}


def click_row(qtbot, view, index: QModelIndex) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_objective_13_shows_the_compact_and_a_linked_round_table_paragraph(qtbot, window):
    dock = window.objectives_dock
    index = dock.model.index_of(13)
    with qtbot.waitSignal(window.objectiveShown):
        click_row(qtbot, dock.view, index)
    compact, other = window.panes.panes
    assert compact.doc_id == "gcm" and compact.current_anchor() == "obj13"
    assert compact.highlighted_text("focus")[0].startswith("目标 13")
    assert other.doc_id == "imrf"
    passage = other.current_passage()
    assert passage.anchor in ROUND_TABLE_2 and passage.kind == "roundtable"
    assert other.current_anchor() == passage.anchor
    block = other.document.block(passage.anchor)
    assert "第二场圆桌会议(目标4、8、9、10、11、13和21)" in block.heading_path
    assert other.highlighted_text("focus") == [f"{block.marker}\t{block.text}"]
    assert other.passage_bar.isVisible()
    assert other.passage_bar.list.count() == len(other.passages().passages) >= 7


def test_next_and_previous_passage_buttons(qtbot, window):
    window.objectives_dock.select(13)
    other = window.panes.panes[1]
    first = other.current_passage()
    qtbot.mouseClick(other.passage_bar.next, Qt.MouseButton.LeftButton)
    second = other.current_passage()
    assert second != first and other.current_anchor() == second.anchor
    qtbot.mouseClick(other.passage_bar.previous, Qt.MouseButton.LeftButton)
    assert other.current_passage() == first
    last = other.passage_bar.list.count() - 1
    other.passage_bar.list.setCurrentIndex(last)
    other.passage_bar.list.activated.emit(last)
    assert other.current_passage().doc == "escap"  # the concept note's links come after
    assert other.doc_id == "escap"


def test_selecting_an_action_shows_that_action(qtbot, window):
    objective = window.services.objective(13)
    action = objective.actions[2]
    view = window.objectives_dock.view
    top = window.objectives_dock.model.index_of(13)
    view.expand(top)
    with qtbot.waitSignal(window.objectiveShown):
        click_row(qtbot, view, window.objectives_dock.model.index(3, 0, top))
    compact = window.panes.panes[0]
    assert compact.current_anchor() == action.anchor == "29.c"
    assert compact.highlighted_text("focus")[0].startswith("(c)")


def test_linked_scrolling_follows_the_objective(qtbot, window):
    window.actions_by_name["linkedScrolling"].setChecked(True)
    compact, other = window.panes.panes
    span = compact.rendered.span("obj8")
    y = int(compact._block_top(span.start))
    with qtbot.waitSignal(compact.userScrolled):
        compact.view.verticalScrollBar().setSliderPosition(y)  # as dragging the scroll bar does
    assert window.objective_map.objectives_at("gcm", compact.current_anchor()) == [8]
    assert other.doc_id == "imrf" and other.current_anchor() in ROUND_TABLE_2


def test_objective_tree_model_passes_the_model_tester(qtmodeltester, corpus, objectives):
    model = ObjectiveTreeModel(objectives, corpus)
    qtmodeltester.check(model)  # Qt's QAbstractItemModelTester
    qtmodeltester.check(model, force_py=True)  # pytest-qt's stricter Python port
    assert model.rowCount() == 23
    top = model.index(12, 0)
    assert model.data(top).startswith("13.")
    assert model.rowCount(top) == 1 + len(objectives[12].actions)
    assert model.data(model.index(0, 0, top), AnchorRole) == objectives[12].commitment_anchor
    counts = [model.data(model.index(12, c)) for c in range(1, model.columnCount())]
    related = [link for link in objectives[12].related if link.doc == "imrf"]
    assert counts[0] == f"7 + {len(related)}"  # paragraphs 30-36 of the declaration + related
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, model.columnCount())]
    assert "报告" in headers and "秘书" not in headers
    assert len(set(headers)) == len(headers)


def test_objective_20_counts_and_details_list_the_reports_remittance_passages(qtbot, window):
    dock = window.objectives_dock
    with qtbot.waitSignal(window.objectiveShown):
        dock.select(20)
    column = next(
        c
        for c in range(1, dock.model.columnCount())
        if dock.model.headerData(c, Qt.Orientation.Horizontal) == "报告"
    )
    count = dock.model.index(19, column)
    assert count.data().startswith("0 + ") and int(count.data().split("+")[1]) >= 4
    assert "相关" in count.data(Qt.ItemDataRole.ToolTipRole) or "related" in count.data(
        Qt.ItemDataRole.ToolTipRole
    )
    groups = [dock.details_passages.topLevelItem(i) for i in range(dock.details_passages.topLevelItemCount())]
    report = next(g for g in groups if "秘书长报告" in g.text(0))
    first = report.child(0)
    assert "汇款" in first.text(0)
    with qtbot.waitSignal(window.objectiveShown, timeout=1000, raising=False):
        dock.details_passages.itemClicked.emit(first, 0)
    _number, doc, anchor = first.data(0, Qt.ItemDataRole.UserRole + 3)
    pane = window.panes.pane_showing(doc)
    assert pane is not None and pane.current_anchor() == anchor
    assert pane.current_passage().related and pane.passages().objective == 20
    imrf = next(g for g in groups if "进展宣言" in g.text(0))
    assert "汇款" in imrf.child(0).text(0)  # the round table's remittance paragraph first


def test_imrf_steps_through_explicit_then_related_passages(qtbot, window):
    with qtbot.waitSignal(window.objectiveShown):
        window.objectives_dock.select(20)
    other = window.panes.panes[1]
    assert other.doc_id == "imrf"
    here = other.passages().in_doc("imrf")
    assert "汇款" in other.document.block(here[0].anchor).text
    kinds = [p.related for p in here]
    assert kinds == sorted(kinds) and kinds[-1]  # explicit first, then related ones
    labels = [other.passage_bar.list.itemText(i) for i in range(other.passage_bar.list.count())]
    assert any("相关" in label or "related" in label for label in labels)


def test_the_tree_follows_the_reader_quietly(qtbot, window):
    compact, other = window.panes.panes
    dock = window.objectives_dock
    shown = []
    window.objectiveShown.connect(shown.append)
    compact.show_document("gcm", "obj8")
    before = other.doc_id, other.current_anchor()
    span = compact.rendered.span("obj8")
    with qtbot.waitSignal(compact.userScrolled):
        compact.view.verticalScrollBar().setSliderPosition(int(compact._block_top(span.start)) + 1)
    assert dock.current_number() == 8
    assert shown == [] and (other.doc_id, other.current_anchor()) == before
    assert dock.details.isVisible()
    other.show_document("sgr", "38")
    span = other.rendered.span("38")
    with qtbot.waitSignal(other.userScrolled):
        other.view.verticalScrollBar().setSliderPosition(int(other._block_top(span.start)) + 1)
    assert dock.current_number() == 20 and shown == []
    with qtbot.waitSignal(window.objectiveShown):  # clicking the row it moved to shows it
        click_row(qtbot, dock.view, dock.view.currentIndex())
    assert shown == [20]


def test_outline_model_passes_the_model_tester(qtmodeltester, corpus):
    from PySide6.QtGui import QStandardItemModel

    model = QStandardItemModel()
    items = build_outline(corpus.get("gcm"), model)
    qtmodeltester.check(model)
    assert "obj13" in items and "17" in items


def test_outline_follows_the_current_pane(qtbot, window):
    pane = window.panes.panes[0]
    pane.show_document("gcm", "29.c")
    window.outline_dock.raise_()
    window.outline_dock.show_position("29.c")
    current = window.outline_dock.view.currentIndex()
    assert current.data(Qt.ItemDataRole.UserRole + 1) == "29"
    window.outline_dock.view.activated.emit(window.outline_dock.model.index(0, 0))
    assert pane.current_anchor() == window.outline_dock.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
