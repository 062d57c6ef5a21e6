"""Documents side by side: open, choose, add, close, swap; footnotes; links; copying."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor, QTextDocumentFragment
from PySide6.QtWidgets import QMenu

from reader.ui.document_pane import Highlight


def choose_document(qtbot, pane, doc_id: str) -> None:
    """Pick a document in the pane's chooser as a user would (keyboard)."""
    chooser = pane.header.chooser
    chooser.setFocus()
    target = chooser.findData(doc_id)
    while chooser.currentIndex() != target:
        key = Qt.Key.Key_Down if chooser.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(chooser, key)


def test_two_documents_side_by_side(qtbot, window):
    left, right = window.panes.panes
    assert (left.doc_id, right.doc_id) == ("gcm", "imrf")
    assert left.isVisible() and right.isVisible()
    assert left.geometry().right() < right.geometry().left()
    choose_document(qtbot, right, "sgr")
    assert right.doc_id == "sgr"
    assert "秘书长的报告" in right.view.toPlainText()
    assert "安全、有序和正常移民全球契约" in left.view.toPlainText()


def test_add_swap_and_close_panes(qtbot, window):
    window.actions_by_name["addPane"].trigger()
    assert len(window.panes.panes) == 3
    third = window.panes.panes[2]
    assert third.doc_id not in ("gcm", "imrf")
    first = window.panes.panes[0]
    qtbot.mouseClick(first.header.swap, Qt.MouseButton.LeftButton)
    assert [p.doc_id for p in window.panes.panes][:2] == ["imrf", "gcm"]
    qtbot.mouseClick(third.header.close_button, Qt.MouseButton.LeftButton)
    assert len(window.panes.panes) == 2
    window.panes.close_pane(window.panes.panes[0])
    assert len(window.panes.panes) == 1
    assert not window.panes.close_pane(window.panes.panes[0]), "the last pane stays"


def test_scroll_to_anchor_puts_the_paragraph_on_top(qtbot, window):
    pane = window.panes.panes[0]
    assert pane.show_document("gcm", "29")

    def top_anchor() -> str:
        point = QPoint(pane.view.viewport().width() // 2, 30)
        return pane.rendered.span_at(pane.view.cursorForPosition(point).position()).anchor

    qtbot.waitUntil(lambda: top_anchor() in ("29", "obj13"))
    assert pane.current_anchor() == "29"


def test_footnote_mark_shows_its_text_on_click_and_hover(qtbot, window):
    pane = window.panes.panes[0]
    pane.show_document("gcm", "2")
    position, target = next((p, t) for p, t in pane.note_marks() if t == "fn1")
    footnote = pane.document.block("fn1").text
    cursor = QTextCursor(pane.rendered.qdoc)
    cursor.setPosition(position + 1)
    hover = cursor.charFormat().toolTip()  # shown literally, never read as HTML
    assert QTextDocumentFragment.fromHtml(hover).toPlainText() == footnote
    pane.view.setTextCursor(cursor)
    pane.view.ensureCursorVisible()
    viewport = pane.view.viewport().rect()
    qtbot.waitUntil(lambda: viewport.contains(pane.view.cursorRect(cursor).center()))
    before = QTextCursor(pane.rendered.qdoc)
    before.setPosition(position)
    start = pane.view.cursorRect(before)  # just left of the mark (which may end a line)
    click = QPoint(start.left() + 2, start.center().y())
    assert pane.view.anchorAt(click).startswith("note:")
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=click)
    qtbot.waitUntil(pane.popup.isVisible)
    assert pane.popup.text.text() == footnote
    pane.popup.hide()


def test_footnotes_are_listed_at_the_end(window):
    pane = window.panes.panes[0]
    pane.show_document("gcm", "fn1")
    assert pane.current_anchor() == "fn1"
    assert pane.view.toPlainText().rstrip().endswith(pane.document.footnotes()[-1].text)


def test_cross_document_link_opens_the_target_in_the_other_pane(qtbot, window):
    left, right = window.panes.panes
    left.show_document("escap")
    right.show_document("sgr")
    block = next(b for b in right.document.blocks if any(r.doc_id == "gcm" for r in b.refs))
    ref = next(r for r in block.refs if r.doc_id == "gcm")
    right.show_document("sgr", block.anchor)
    cursor = QTextCursor(right.rendered.qdoc)
    cursor.setPosition(right.rendered.span(block.anchor).position(ref.start) + 1)
    assert cursor.charFormat().anchorHref() == "reader://gcm"
    qtbot.waitUntil(lambda: right.view.cursorRect(cursor).top() >= 0)
    with qtbot.waitSignal(right.linkOpened):
        qtbot.mouseClick(
            right.view.viewport(), Qt.MouseButton.LeftButton, pos=right.view.cursorRect(cursor).center()
        )
    assert left.doc_id == "gcm" and right.doc_id == "sgr"


def test_highlight_layers_cover_exact_text(window):
    pane = window.panes.panes[1]
    pane.show_document("imrf", "42")
    text = pane.document.block("42").text
    start = text.index("汇款")
    pane.set_highlights("search", [Highlight("42", start, start + 2)])
    assert pane.highlighted_text("search") == ["汇款"]
    pane.set_highlight_groups("annotations", {"a": [Highlight("43", 0, 5, color="#ffcc00")]})
    assert pane.highlighted_text("annotations") == [pane.document.block("43").text[:5]]
    assert len(pane.view.extraSelections()) == 2


def test_copy_with_citation_and_context_menu_hook(qtbot, window):
    pane = window.panes.panes[0]
    pane.show_document("gcm", "17")
    start, end = pane.rendered.range_of("17", 0, 6)
    cursor = QTextCursor(pane.rendered.qdoc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    assert pane.selection_ranges() == (("17", 0, 6),)
    seen = []
    pane.add_context_menu_provider(lambda menu, ctx: (seen.append(ctx), menu.addAction("Extra")))
    menu: QMenu = pane.build_context_menu(pane.view.cursorRect(cursor).center())
    texts = [a.text() for a in menu.actions()]
    assert "Extra" in texts and seen[0].doc_id == "gcm" and seen[0].selection == (("17", 0, 6),)
    cited = next(a for a in menu.actions() if a.objectName() == "copyWithCitation")
    cited.trigger()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("“" + pane.document.block("17").text[:6]) and "第17段" in copied
