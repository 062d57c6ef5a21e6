"""Highlights, notes and bookmarks in the window: select → highlight → note → panel → undo,
several paragraphs, every pane, bookmarks, filters, startup problems, saving."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QTextCursor

from reader.core import annotations as core_annotations
from reader.core.annotations import (
    Store,
    StoreError,
    TextQuoteSelector,
    make_target,
    new_annotation,
)
from reader.core.annotations.journal import Journal
from reader.core.atomic import WriteError
from reader.ui import annotating
from reader.ui.annotations_panel import ORPHANS, GroupRole, IdRole
from reader.ui.bookmarks_panel import BookmarkIdRole, FolderRole
from reader.ui.dialogs.bookmark import BookmarkResult
from reader.ui.dialogs.note import NoteResult


# --- helpers --------------------------------------------------------------------------------
def press(qtbot, window, shortcut: str) -> None:
    """Press a shortcut in the window's focused widget, as a user would."""
    window.activateWindow()
    target = window.focusWidget() or window
    combination = QKeySequence(shortcut)[0]
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


def select(pane, anchor: str, start: int, end: int, end_anchor: str | None = None) -> str:
    """Leave a selection in the pane as dragging over it would; returns the selected text."""
    pane.show_document(pane.doc_id, anchor)
    first, last = pane.rendered.span(anchor), pane.rendered.span(end_anchor or anchor)
    cursor = QTextCursor(pane.rendered.qdoc)
    cursor.setPosition(first.position(start))
    cursor.setPosition(last.position(end, end=True), QTextCursor.MoveMode.KeepAnchor)
    pane.view.setFocus()
    pane.view.setTextCursor(cursor)
    return cursor.selectedText()


def panel_rows(window) -> list[str]:
    model = window.annotations_panel.model
    return [i.data(IdRole) for i in model.excerpt_indexes()]


def click_row(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def saved_file(paths) -> dict:
    """The annotations as saved: the file with its journal applied, as any reader sees them."""
    from reader.core.annotations import StoreState
    from reader.core.annotations.fileformat import decode, encode
    from reader.core.annotations.journal import journal_path

    path = paths.annotations_file
    state = decode(path.read_bytes()).state if path.exists() else StoreState()
    return json.loads(encode(Journal(journal_path(path)).apply(state), ""))


# --- highlight, note, panel, undo -----------------------------------------------------------
def test_highlight_note_panel_undo_redo(qtbot, window, paths, monkeypatch):
    pane = window.panes.panes[0]
    text = pane.document.block("17.a").text
    actions = window.actions_by_name
    assert not actions["highlightYellow"].isEnabled(), "nothing selected yet"
    select(pane, "17.a", 0, 20)
    assert actions["highlightYellow"].isEnabled()
    press(qtbot, window, "Alt+1")

    store = window.annotator.store
    (annotation,) = store.annotations
    assert (annotation.color, annotation.exact) == ("yellow", text[:20])
    assert pane.highlighted_text("annotations") == [text[:20]]
    assert not pane.view.textCursor().hasSelection(), "the colour shows at once"
    assert panel_rows(window) == [], "the panel, a tab in the background, waits until it is shown"
    window.show_dock("annotations")
    qtbot.waitUntil(lambda: panel_rows(window) == [annotation.id])
    qtbot.waitUntil(lambda: [a["id"] for a in saved_file(paths)["annotations"]] == [annotation.id])

    # a note and tags, through the panel (the dialog is stubbed)
    monkeypatch.setattr(
        window.annotator,
        "ask_note",
        lambda request: NoteResult("yellow", "可以引用的商定措辞", ("数据", "核实")),
    )
    panel = window.annotations_panel
    click_row(qtbot, panel.view, panel.model.index_of(annotation.id))
    assert pane.current_anchor() == "17.a", "clicking a highlight shows its passage"
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert store.annotation(annotation.id).note == "可以引用的商定措辞"
    shown = panel.model.index_of(annotation.id).data()
    assert "可以引用的商定措辞" in shown and "#数据" in shown

    # undo the note, then the highlight; redo both
    press(qtbot, window, "Ctrl+Z")
    assert store.annotation(annotation.id).note == ""
    assert "可以引用" not in panel.model.index_of(annotation.id).data()
    window.actions_by_name["undo"].trigger()
    assert store.annotations == () and panel_rows(window) == []
    assert pane.highlighted_text("annotations") == []
    assert not actions["undo"].isEnabled()
    press(qtbot, window, "Ctrl+Shift+Z")
    press(qtbot, window, "Ctrl+Shift+Z")
    assert store.annotation(annotation.id).note == "可以引用的商定措辞"
    assert panel_rows(window) == [annotation.id] and pane.highlighted_text("annotations") == [text[:20]]
    assert "Highlight" not in actions["redo"].toolTip() or not actions["redo"].isEnabled()
    qtbot.waitUntil(lambda: bool(saved_file(paths)["annotations"][0].get("body")))


def test_a_highlight_may_span_paragraphs_and_shows_in_every_pane(qtbot, window):
    left, right = window.panes.panes
    right.show_document("gcm", "17")
    b, c = left.document.block("17.b").text, left.document.block("17.c").text
    select(left, "17.b", 5, 12, end_anchor="17.c")
    window.annotator.highlight(left, "blue")
    (annotation,) = window.annotator.store.annotations
    rng = annotation.target.range
    assert (rng.start_anchor, rng.start_offset, rng.end_anchor, rng.end_offset) == ("17.b", 5, "17.c", 12)
    assert annotation.exact == b[5:] + "\n" + c[:12]
    for pane in (left, right):
        assert pane.highlighted_text("annotations") == [b[5:], c[:12]]
    third = window.add_pane("gcm", "17")
    assert third.highlighted_text("annotations") == [b[5:], c[:12]], "a new pane paints them too"
    excerpt = window.annotator.excerpt(annotation.id)
    assert excerpt.citation == "《全球契约》(A/RES/73/195)第17段(b)至第17段(c)"


def test_selecting_the_same_text_again_recolours_instead_of_duplicating(window):
    pane = window.panes.panes[0]
    select(pane, "17.a", 0, 20)
    first = window.annotator.highlight(pane, "yellow")
    select(pane, "17.a", 0, 20)
    window.annotator.highlight(pane, "red")
    assert [(a.id, a.color) for a in window.annotator.store.annotations] == [(first.id, "red")]
    window.actions_by_name["undo"].trigger()
    assert window.annotator.store.annotation(first.id).color == "yellow"


def test_context_menu_highlights_edits_and_removes(qtbot, window, monkeypatch):
    pane = window.panes.panes[0]
    text = select(pane, "17.a", 3, 15)
    at = pane.view.cursorRect(pane.view.textCursor()).center() - QPoint(4, 0)
    menu = pane.build_context_menu(at)
    colors = menu.findChild(type(menu), "highlightMenu")
    assert colors.isEnabled()
    green = next(a for a in colors.actions() if a.objectName() == "action_highlightGreen")
    assert "Alt+3" in green.toolTip()
    green.trigger()
    menu.deleteLater()
    (annotation,) = window.annotator.store.annotations
    assert annotation.exact == text and annotation.color == "green"

    menu = pane.build_context_menu(at)  # on the highlight now: edit, colour, remove
    names = {a.objectName() for a in menu.actions()}
    assert {"editNote", "removeHighlight", "addBookmarkHere"} <= names
    monkeypatch.setattr(window.annotator, "ask_note", lambda request: NoteResult("purple", "问题", ()))
    next(a for a in menu.actions() if a.objectName() == "editNote").trigger()
    assert window.annotator.store.annotation(annotation.id).color == "purple"
    next(a for a in menu.actions() if a.objectName() == "removeHighlight").trigger()
    menu.deleteLater()
    assert window.annotator.store.annotations == ()


def test_highlight_with_a_note_from_the_selection(qtbot, window, monkeypatch):
    pane = window.panes.panes[0]
    select(pane, "29", 0, 10)
    asked = []

    def answer(request):
        asked.append(request)
        return NoteResult("red", "拘留只能作为最后手段", ("底线",))

    monkeypatch.setattr(window.annotator, "ask_note", answer)
    press(qtbot, window, "Ctrl+Shift+N")
    (annotation,) = window.annotator.store.annotations
    assert (annotation.color, annotation.note, annotation.tags) == ("red", "拘留只能作为最后手段", ("底线",))
    assert asked[0].citation == "《全球契约》(A/RES/73/195)第29段" and asked[0].new
    window.actions_by_name["undo"].trigger()
    assert window.annotator.store.annotations == ()


def test_caret_browsing_lets_the_keyboard_select_and_highlight(qtbot, window):
    pane = window.panes.panes[0]
    pane.show_document("gcm", "17")
    press(qtbot, window, "F7")
    assert window.actions_by_name["caretBrowsing"].isChecked()
    cursor = QTextCursor(pane.rendered.qdoc)
    cursor.setPosition(pane.rendered.span("17").position(0))
    pane.view.setTextCursor(cursor)
    pane.view.setFocus()
    for _ in range(4):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert pane.selection_ranges() == (("17", 0, 4),)
    press(qtbot, window, "Alt+4")
    assert [a.exact for a in window.annotator.store.annotations] == [pane.document.block("17").text[:4]]


# --- bookmarks ------------------------------------------------------------------------------
def test_add_a_bookmark_and_jump_to_it(qtbot, window, monkeypatch):
    pane = window.panes.panes[0]
    pane.show_document("gcm", "29")
    asked = []
    monkeypatch.setattr(
        window.annotator,
        "ask_bookmark",
        lambda request: asked.append(request) or BookmarkResult("拘留", "谈判/目标13"),
    )
    press(qtbot, window, "Ctrl+D")
    (bookmark,) = window.annotator.store.bookmarks
    assert (bookmark.doc, bookmark.anchor) == ("gcm", "29")
    assert (bookmark.name, bookmark.folder) == ("拘留", "谈判/目标13")
    assert asked[0].name.startswith("第29段") and asked[0].citation == "《全球契约》(A/RES/73/195)第29段"

    panel = window.bookmarks_panel
    panel.raise_()
    top = panel.model.index(0, 0)
    assert top.data(FolderRole) == "谈判" and top.data() == "谈判"
    sub = panel.model.index(0, 0, top)
    assert sub.data(FolderRole) == "谈判/目标13"
    item = panel.model.index(0, 0, sub)
    assert item.data(BookmarkIdRole) == bookmark.id and item.data() == "拘留  ·  《全球契约》"

    pane.show_document("gcm", "")
    window.panes.panes[1].show_document("imrf", "42")
    click_row(qtbot, panel.view, item)
    assert pane.doc_id == "gcm" and pane.current_anchor() == "29"
    assert pane.highlights("focus")[0].anchor == "29"

    monkeypatch.setattr(window.annotator, "ask_bookmark", lambda request: BookmarkResult("拘留替代办法", ""))
    panel.view.setCurrentIndex(panel.index_of(bookmark.id))
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    assert window.annotator.store.bookmark(bookmark.id).folder == ""
    assert panel.model.index(0, 0).data() == "拘留替代办法  ·  《全球契约》"
    panel.view.setCurrentIndex(panel.index_of(bookmark.id))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert window.annotator.store.bookmarks == ()
    window.actions_by_name["undo"].trigger()
    assert window.annotator.store.bookmark(bookmark.id).name == "拘留替代办法"


def test_bookmark_from_the_context_menu_uses_the_paragraph_clicked(window, monkeypatch):
    pane = window.panes.panes[1]
    pane.show_document("imrf", "42")
    monkeypatch.setattr(window.annotator, "ask_bookmark", lambda request: BookmarkResult("汇款", ""))
    span = pane.rendered.span("43")
    cursor = QTextCursor(pane.rendered.qdoc)
    cursor.setPosition(span.position(3))
    menu = pane.build_context_menu(pane.view.cursorRect(cursor).center())
    next(a for a in menu.actions() if a.objectName() == "addBookmarkHere").trigger()
    menu.deleteLater()
    assert [(b.doc, b.anchor) for b in window.annotator.store.bookmarks] == [("imrf", "43")]


# --- panel filters and orphans --------------------------------------------------------------
def test_panel_filters_by_colour_tag_text_and_document(qtbot, window, monkeypatch):
    window.show_dock("annotations")
    left, right = window.panes.panes
    for pane, anchor, color in ((left, "17.a", "yellow"), (left, "29", "red"), (right, "42", "red")):
        select(pane, anchor, 0, 8)
        window.annotator.highlight(pane, color)
    panel = window.annotations_panel
    assert len(panel_rows(window)) == 3
    groups = [panel.model.index(r, 0).data(GroupRole) for r in range(panel.model.rowCount())]
    assert groups == [d.id for d in window.services.corpus if d.id in ("gcm", "imrf")], "library order"

    combo = panel.filters.color
    combo.setFocus()
    while combo.currentData() != "red":
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # as the keyboard chooses
    with qtbot.waitSignal(panel.refreshed):
        combo.activated.emit(combo.currentIndex())
    red = {a.id for a in window.annotator.store.annotations if a.color == "red"}
    assert set(panel_rows(window)) == red
    assert "2" in panel.status.text() and "3" in panel.status.text()

    with qtbot.waitSignal(panel.refreshed):
        panel.filters.text.setText("移民")  # filters after a short pause, like typing
    assert all(
        "移民" in window.annotator.excerpt(i).exact or "移民" in window.annotator.excerpt(i).citation
        for i in panel_rows(window)
    )
    panel.filters.clear()
    assert len(panel_rows(window)) == 3
    doc = panel.filters.doc
    doc.setCurrentIndex(doc.findData("imrf"))
    with qtbot.waitSignal(panel.refreshed):
        doc.activated.emit(doc.currentIndex())
    assert [window.annotator.excerpt(i).doc for i in panel_rows(window)] == ["imrf"]


def test_unplaceable_highlights_are_listed_for_review(qtbot, make_window, services, corpus, paths):
    store = services.store
    doc = corpus.get("gcm")
    placed = store.add(new_annotation(make_target(doc, "17.a", 0, "17.a", 10), color="green")).after
    target = make_target(doc, "17.a", 0, "17.a", 10)
    gone = TextQuoteSelector("这段文字在任何文件中都不存在，已被删除")
    lost = new_annotation(type(target)(target.doc, gone, target.range), note="原来的段落")
    store.add(lost)
    window = make_window(services)
    panel = window.annotations_panel
    window.show_dock("annotations")  # listed when first shown (a tab in the background waits)
    groups = [panel.model.index(r, 0).data(GroupRole) for r in range(panel.model.rowCount())]
    assert groups == ["gcm", ORPHANS]
    orphans = panel.model.index(1, 0)
    assert panel.model.index(0, 0, orphans).data(IdRole) == lost.id
    assert "不存在" in panel.model.index(0, 0, orphans).data()
    assert "1" in window.message_bar.text.text()
    pane = window.panes.panes[0]
    pane.show_document("gcm", "17.a")
    assert pane.highlighted_text("annotations") == [doc.block("17.a").text[:10]], "only the placed one"
    assert window.show_annotation(lost.id) is None, "an orphan has no passage to show"
    assert window.show_annotation(placed.id) is pane


# --- startup and saving ---------------------------------------------------------------------
def test_a_corrupt_annotations_file_is_reported_and_the_app_works(
    qtbot, make_window, paths, corpus, objectives
):
    from reader.ui.services import Services, open_settings

    paths.annotations_file.write_text(
        '{"format": "compact-reader-annotations", "version": 2, "annot', encoding="utf-8"
    )
    services = Services(
        paths=paths, corpus=corpus, objectives=objectives, settings=open_settings(paths), search=None
    )
    window = make_window(services)
    assert window.message_bar.isVisible()
    shown = window.message_bar.text.text()
    aside = list(paths.data.glob("annotations.json.corrupt-*"))
    assert len(aside) == 1, "the damaged file is kept aside, never overwritten"
    assert "无法读取 annotations.json：" in shown and f"已保留为 {aside[0].name}。" in shown, shown
    assert "没有找到可读取的批注文件或备份" in shown and "cannot be read" not in shown, "in Chinese"
    pane = window.panes.panes[0]
    select(pane, "17.a", 0, 5)
    window.annotator.highlight(pane, "yellow")
    qtbot.waitUntil(lambda: paths.annotations_file.exists() and len(saved_file(paths)["annotations"]) == 1)


def test_saves_are_coalesced_and_flushed_on_quit(qtbot, make_window, services, paths):
    now = [100.0]  # the store's clock for spacing writes: time passes only when the test says
    services.store = Store.open(paths.annotations_file, timer=lambda: now[0])
    window = make_window(services)
    pane = window.panes.panes[0]
    store = window.annotator.store
    select(pane, "17.a", 0, 5)
    window.annotator.highlight(pane, "yellow")
    assert not store.dirty and len(saved_file(paths)["annotations"]) == 1, "the first save is at once"
    select(pane, "17.a", 6, 9)
    window.annotator.highlight(pane, "red")
    select(pane, "17.a", 10, 12)
    window.annotator.highlight(pane, "blue")
    assert store.dirty and len(saved_file(paths)["annotations"]) == 1, "the next ones wait a moment"
    now[0] += 0.6  # half a second later the timer writes them together
    qtbot.waitUntil(lambda: not store.dirty, timeout=3000)
    assert len(saved_file(paths)["annotations"]) == 3
    select(pane, "29", 0, 4)
    window.annotator.highlight(pane, "green")
    assert store.dirty
    window.close()
    assert len(saved_file(paths)["annotations"]) == 4, "quitting writes what was pending"


def test_a_failing_save_is_shown_retried_and_checked_on_quit(qtbot, window, paths, monkeypatch):
    monkeypatch.setattr(annotating, "RETRY_AFTER_FAILURE_MS", 50)
    real_write = core_annotations.store.atomic_write_bytes

    def full_disk(path, data, **kwargs):
        raise WriteError(f"Cannot save {path.name}: the disk is full.")

    monkeypatch.setattr(core_annotations.store, "atomic_write_bytes", full_disk)
    real_append = Journal.append
    monkeypatch.setattr(Journal, "append", lambda self, lines: full_disk(self.path, b""))
    pane = window.panes.panes[0]
    select(pane, "17.a", 0, 5)
    window.annotator.highlight(pane, "yellow")
    assert window.message_bar.isVisible() and "disk is full" in window.message_bar.text.text()
    assert window.annotator.save_error and window.annotator.store.dirty
    asked = []
    monkeypatch.setattr(window.annotator, "ask_quit_unsaved", lambda error: asked.append(error) or False)
    window.close()
    assert asked and window.isVisible(), "the user chose to stay rather than lose the highlight"
    monkeypatch.setattr(core_annotations.store, "atomic_write_bytes", real_write)
    monkeypatch.setattr(Journal, "append", real_append)
    qtbot.waitUntil(lambda: not window.annotator.store.dirty, timeout=3000)
    assert window.annotator.save_error == "" and len(saved_file(paths)["annotations"]) == 1


def test_changes_saved_by_another_instance_are_taken_in(qtbot, window, paths, corpus):
    other = Store.open(paths.annotations_file)
    other.add(new_annotation(make_target(corpus.get("imrf"), "42", 0, "42", 6), color="purple"))
    other.flush()
    window.show_dock("annotations")
    window.annotator.refresh()  # what activating the window does
    assert [window.annotator.excerpt(i).doc for i in panel_rows(window)] == ["imrf"]
    assert window.panes.panes[1].highlighted_text("annotations") == [corpus.get("imrf").block("42").text[:6]]


def test_a_store_that_cannot_be_opened_leaves_an_empty_one_and_says_why(monkeypatch, paths, corpus):
    from reader.ui.services import open_annotation_store

    def locked(self):
        raise StoreError("annotations.json is in use by another Compact Reader; try again.")

    monkeypatch.setattr(Store, "load", locked)
    store = open_annotation_store(paths, corpus)
    assert store.annotations == () and "in use" in store.load_report.messages[0]


def test_a_busy_store_is_said_in_the_interface_language(make_window, services):
    from reader.core.annotations.store import Notice
    from reader.ui.notices import notice_text

    busy = StoreError(
        Notice("store-busy", "{file} is in use, {seconds:g} s", file="annotations.json", seconds=10.0)
    )
    window = make_window(services)
    assert notice_text(busy.notice) == (
        "annotations.json 正被另一个契约阅读器使用，它在 10 秒内未完成保存；请重试。"
    )
    assert notice_text("no code here") == "no code here"
    window.show_messages("title", [busy.notice])
    assert "10 秒" in window.message_bar.text.text()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_highlight_actions_name_the_colour_meanings(make_window, services, language):
    window = make_window(services, language=language)
    text = window.actions_by_name["highlightRed"].text()
    assert text.startswith("&2 ") and ("红线" in text if language == "zh_CN" else "red line" in text)
    assert window.actions_by_name["highlightRed"].shortcut().toString() == "Alt+2"
