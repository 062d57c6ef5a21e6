"""The window on a laptop screen and from the keyboard (issue 11): readable columns, the caret
at every jump's target, Enter and Down in the search field, Ctrl+1…6, pane choice, the
objective bar, linked scrolling after jumps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from reader.core.objectives import COMPACT_ID
from reader.ui.responsive import MIN_COLUMN_CHARS, text_column_chars

from .conftest import wait_ready
from .test_search import type_with_input_method


def settle_layout(qtbot, window) -> None:
    qtbot.waitUntil(
        lambda: window.panes.column_count() == min(len(window.panes.panes), window.panes.columns_that_fit())
    )
    qtbot.waitUntil(lambda: not window.responsive._timer.isActive())


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)])
def test_three_panes_and_a_dock_keep_readable_columns(qtbot, window, size):
    window.add_pane("sgr")
    window.show_dock("objectives")
    window.resize(*size)
    settle_layout(qtbot, window)
    assert len(window.panes.panes) == 3
    for pane in window.panes.panes:
        if window.panes.is_stacked(pane):
            window.panes.set_current(pane)  # a stacked pane is read when its tab is chosen
        qtbot.waitUntil(
            lambda p=pane: (
                p.isVisible()  # laid out once its tab is shown
                and text_column_chars(p) >= MIN_COLUMN_CHARS
            ),
            timeout=2000,
        )
    main = window.toolbar
    for name in ("back", "search", "gotoParagraph", "addPane", "linkedScrolling"):
        assert main.widgetForAction(window.actions_by_name[name]).isVisible(), name
    bookmark = window.actions_by_name["addBookmark"]
    assert window.annotation_toolbar.widgetForAction(bookmark).isVisible()


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)])
def test_the_objective_tree_keeps_room_for_titles_beside_the_counts(qtbot, window, size):
    """On a laptop the counts of every document do not fit beside the titles: they scroll
    sideways, and the titles stay readable; in a wide dock the titles take what is left."""
    from reader.ui.objective_tree import TITLE_CHARS

    window.resize(*size)
    settle_layout(qtbot, window)
    window.show_dock("objectives")  # as Ctrl+1 brings it back to a narrow window
    dock = window.objectives_dock
    view, header = dock.view, dock.view.header()
    qtbot.waitUntil(view.isVisible)
    title = view.visualRect(dock.model.index(0, 0))
    assert title.width() >= view.fontMetrics().horizontalAdvance("国" * TITLE_CHARS)
    counts = sum(header.sectionSize(column) for column in range(1, header.count()))
    assert header.count() > 2 and header.sectionSize(0) + counts >= view.viewport().width()
    window.resizeDocks([dock], [header.sectionSize(0) + counts + 200], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: header.sectionSize(0) > dock.title_width())
    assert header.sectionSize(0) + counts == view.viewport().width()  # every count in sight


def test_panes_share_the_width_evenly(qtbot, window):
    window.resize(1400, 900)
    settle_layout(qtbot, window)
    left, right = (p.width() for p in window.panes.panes)
    assert abs(left - right) <= 10


def test_a_narrow_window_collapses_the_docks_and_ctrl_number_brings_them_back(qtbot, window):
    window.add_pane("sgr")
    window.resize(1024, 640)
    settle_layout(qtbot, window)
    assert window.responsive.is_collapsed() and not window.objectives_dock.isVisible()
    assert window.panes.column_count() == 2
    window.dock_actions["libraryDock"].trigger()
    assert window.library_dock.isVisible() and not window.responsive.is_collapsed()
    assert window.library_dock.isAncestorOf(QApplication.focusWidget())


def test_ctrl_number_shows_a_dock_behind_another_tab_and_never_hides_it(qtbot, window):
    window.objectives_dock.raise_()  # the search dock is a tab behind it
    for _ in range(2):  # pressed again, it stays
        window.dock_actions["searchDock"].trigger()
        assert window.search_panel.isVisible()
        assert QApplication.focusWidget() is window.search_panel.query


def test_caret_is_at_the_target_after_go_to_paragraph_and_history(qtbot, window):
    pane = window.current_pane()
    assert window.go_to_paragraph("29")
    cursor = pane.view.textCursor()
    assert pane.rendered.span_at(cursor.position()).anchor == "29"
    cursor.movePosition(cursor.MoveOperation.Right, cursor.MoveMode.KeepAnchor, 2)
    assert cursor.selectedText() == pane.document.block("29").text[:2]
    assert window.go_to_paragraph("13")
    window.go_back()
    assert pane.rendered.span_at(pane.view.textCursor().position()).anchor == "29"


def test_search_hit_caret_enter_and_down(qtbot, make_window, services, fake_search):
    services.search = fake_search
    window = make_window(services)
    wait_ready(qtbot, window)
    panel = window.search_panel
    panel.raise_()
    type_with_input_method(qtbot, panel.query, "汇款")
    with qtbot.waitSignal(window.hitOpened, timeout=5000) as opened:
        qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    hit = opened.args[0]
    pane = window.panes.pane_showing(hit.doc)
    cursor = pane.view.textCursor()
    start = hit.highlights[0][0]
    assert pane.rendered.span_at(cursor.position()).anchor == hit.anchor
    cursor.movePosition(cursor.MoveOperation.Right, cursor.MoveMode.KeepAnchor, 2)
    assert cursor.selectedText() == pane.document.block(hit.anchor).text[start : start + 2]
    panel.query.setFocus()
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is panel.view
    assert panel.view.currentIndex() == panel.model.hit_indexes()[0]


def test_a_result_never_replaces_the_compact_when_another_pane_is_there(qtbot, window):
    compact, other = window.panes.panes
    window.panes.set_current(compact)
    target = window.panes.pane_for("sgr", keep=COMPACT_ID)
    assert target is other
    window.panes.set_current(other)
    assert window.panes.pane_for("gcm", keep=COMPACT_ID) is compact  # it shows it already


def test_an_objective_keeps_the_documents_the_reader_opened(qtbot, window):
    window.add_pane("sgr")
    before = [p.doc_id for p in window.panes.panes]
    window.show_objective(20)
    assert [p.doc_id for p in window.panes.panes][:1] == [COMPACT_ID]
    assert window.panes.panes[2].doc_id == before[2] == "sgr"


def test_the_objective_bar_resets_when_the_document_changes(qtbot, window):
    window.show_objective(20)
    pane = window.panes.panes[1]
    assert pane.passage_bar.isVisible()
    shown_doc = pane.doc_id
    # Another document with passages of the objective: the bar moves to its first one.
    other = next(
        d.id
        for d in window.services.corpus
        if d.id not in (shown_doc, COMPACT_ID) and pane.passages().in_doc(d.id)
    )
    pane.show_document(other)
    assert pane.passage_bar.isVisible() and pane.current_passage().doc == other
    # A document with none of them (the Compact's own text is not among its passages): the bar goes.
    assert not pane.passages().in_doc(COMPACT_ID)
    pane.show_document(COMPACT_ID)
    assert not pane.passage_bar.isVisible() and pane.passages() is None


def test_linked_scrolling_follows_a_jump(qtbot, window):
    window.actions_by_name["linkedScrolling"].setChecked(True)
    compact, other = window.panes.panes
    window.panes.set_current(compact)
    objective = window.services.objective(20)
    target = window.objective_map.corresponding(20, other.doc_id)
    assert target
    compact.show_document(COMPACT_ID, objective.anchor)
    assert other.current_anchor() == target


def test_f1_lists_every_menu_shortcut(qtbot, window):
    dialog = window.show_shortcuts()
    table = dialog.table
    keys = {table.item(row, 2).text() for row in range(table.rowCount())}
    for name in ("gotoParagraph", "search", "nextHit", "caretBrowsing", "back", "highlightYellow"):
        shortcut = (
            window.actions_by_name[name].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        )  # as a menu shows it
        assert any(shortcut in k for k in keys), name
    assert any("Ctrl+3" in k for k in keys)
    dialog.close()


def test_full_width_punctuation_changes_the_display_not_the_text(qtbot, window):
    pane = window.panes.panes[1]
    assert pane.doc_id == "imrf"
    block = pane.document.block("1")
    assert "我们,各国" in block.text
    window.actions_by_name["fullWidthPunctuation"].trigger()
    assert "我们，各国" in window.panes.panes[1].view.toPlainText()
    assert "我们,各国" in window.services.corpus.get("imrf").block("1").text
    assert window.panes.panes[1].show_document("imrf", "1")


def test_lang_handed_to_a_running_window_switches_it(qtbot, window):
    from reader.app import apply_request

    apply_request(window, {"lang": "en"})
    assert window.menus["file"].title() == "&File"
    assert window.dock_actions["objectivesDock"].text() == "Objectives"


def test_search_matches_look_unlike_any_highlight_colour():
    from reader.core.annotations import COLORS
    from reader.ui.document_pane import LAYER_COLORS

    palette = {c.lower() for c in COLORS.values()}
    for colors in LAYER_COLORS.values():
        assert colors["search"].lower() not in palette | {colors["annotations"].lower()}


def test_scroll_position_is_restored_to_the_line(qtbot, make_window, paths, corpus, objectives):
    from PySide6.QtWidgets import QAbstractSlider

    from .test_state import fresh_services

    first = make_window(fresh_services(paths, corpus, objectives))
    pane = first.panes.panes[0]
    block = next(b for b in corpus.get("gcm").blocks if len(b.text) > 250 and b.label)
    pane.show_document("gcm", block.anchor)
    bar = pane.view.verticalScrollBar()
    for _ in range(3):  # the user scrolls a few lines into the paragraph
        bar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)
    qtbot.waitUntil(lambda: pane.current_anchor() == block.anchor and pane.top_line_offset() > 0)
    offset = pane.top_line_offset()
    first.close()

    second = make_window(fresh_services(paths, corpus, objectives))
    restored = second.panes.panes[0]
    qtbot.waitUntil(lambda: restored.current_anchor() == block.anchor)
    assert restored.top_line_offset() == offset

    def line_on_top() -> int:  # characters into the block of the first line in view
        view = restored.view
        top = view.cursorForPosition(view.viewport().rect().topLeft()).position()
        return top - restored.rendered.span(block.anchor).start

    # once laid out at its final width, the saved line is on top, not the paragraph's start
    qtbot.waitUntil(lambda: 0 < line_on_top() <= offset)


def test_dock_tabs_show_whole_titles(qtbot, make_window, services):
    from PySide6.QtWidgets import QTabBar

    window = make_window(services, language="en")
    qtbot.waitUntil(lambda: not window.responsive._timer.isActive())
    bars = [b for b in window.findChildren(QTabBar) if b.parent() is window]
    assert bars and all(b.elideMode() == Qt.TextElideMode.ElideNone for b in bars)
    titles = {bars[0].tabText(i) for i in range(bars[0].count())}
    assert "Objectives" in titles or "Annotations" in titles


def test_every_drop_down_list_paints_its_current_item_with_the_standard_delegate(window):
    from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

    combos = window.findChildren(QComboBox)
    assert len(combos) >= 4
    assert all(type(c.itemDelegate()) is QStyledItemDelegate for c in combos)
