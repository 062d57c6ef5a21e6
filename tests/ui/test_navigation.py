"""Back/forward across panes, go to paragraph, zoom, font, theme, full screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from reader.ui.dialogs.goto import GoToDialog, anchor_candidates, resolve_paragraph


def press(qtbot, window, shortcut: str) -> None:
    """Press a shortcut in the window's focused widget, as a user would."""
    target = window.focusWidget() or window
    sequence = QKeySequence(shortcut)
    combination = sequence[0]
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


def test_back_and_forward_across_panes(qtbot, window):
    window.activateWindow()
    left, right = window.panes.panes
    left.show_document("gcm", "17")
    left.show_document("gcm", "42")
    right.show_document("sgr", "10")
    assert window.actions_by_name["back"].isEnabled()
    press(qtbot, window, "Alt+Left")
    assert right.doc_id == "imrf" and right.current_anchor() == ""
    window.go_back()
    assert left.current_anchor() == "42" and window.current_pane() is left
    window.go_back()
    assert left.current_anchor() == "17"
    press(qtbot, window, "Alt+Right")
    assert left.current_anchor() == "42"
    window.go_forward()
    window.go_forward()
    assert right.doc_id == "sgr" and right.current_anchor() == "10"
    assert not window.actions_by_name["forward"].isEnabled()


def test_going_back_after_following_an_objective(qtbot, window):
    left, right = window.panes.panes
    left.show_document("gcm", "17")
    window.objectives_dock.select(13)
    assert left.current_anchor() == "obj13"
    while window.history.can_go_back() and left.current_anchor() != "17":
        window.go_back()
    assert left.current_anchor() == "17"


def test_go_to_paragraph(qtbot, window, monkeypatch):
    pane = window.current_pane()
    pane.show_document("gcm")
    asked = []
    monkeypatch.setattr(window, "ask_paragraph", lambda p: asked.append(p) or "17.a")
    window.activateWindow()
    pane.view.setFocus()
    press(qtbot, window, "Ctrl+G")
    assert asked == [pane] and pane.current_anchor() == "17.a"
    assert window.go_to_paragraph("42") and pane.current_anchor() == "42"
    assert not window.go_to_paragraph("999")


def test_go_to_dialog_checks_the_paragraph(qtbot, corpus):
    dialog = GoToDialog(corpus.get("gcm"))
    qtbot.addWidget(dialog)
    dialog.edit.setText("999")
    dialog.accept()
    assert dialog.result() == 0 and "999" in dialog.error.text()
    dialog.edit.setText("17(a)")
    dialog.accept()
    assert dialog.anchor == "17.a"


def test_paragraph_notation():
    assert anchor_candidates("17(a)") == ["17.a"]
    assert anchor_candidates("第17段(a)") == ["17.a"]
    assert anchor_candidates("42") == ["42"]
    assert anchor_candidates("43(a)(一)") == ["43.a.1"]
    assert anchor_candidates("目标 13") == ["obj13"]
    assert anchor_candidates("１７（ａ）") == ["17.a"]


def test_go_to_paragraph_prefers_the_current_part(corpus):
    assert resolve_paragraph(corpus.get("nyd"), "5(a)", "annex1/3") == "annex1/5.a"


def test_zoom_changes_the_reading_size_and_keeps_the_place(qtbot, window):
    pane = window.current_pane()
    pane.show_document("gcm", "29")
    size = pane.rendered.qdoc.defaultFont().pointSizeF()
    window.actions_by_name["zoomIn"].trigger()
    window.actions_by_name["zoomIn"].trigger()
    assert pane.rendered.qdoc.defaultFont().pointSizeF() == size + 2
    assert pane.current_anchor() == "29"
    window.actions_by_name["zoomReset"].trigger()
    assert pane.rendered.qdoc.defaultFont().pointSizeF() == size


def test_font_choice(qtbot, window, monkeypatch):
    monkeypatch.setattr(window, "ask_font_family", lambda: "DejaVu Serif")
    window.actions_by_name["chooseFont"].trigger()
    for pane in window.panes.panes:
        assert pane.rendered.qdoc.defaultFont().family() == "DejaVu Serif"


def test_dark_theme_re_renders_and_keeps_the_place(qtbot, window):
    pane = window.current_pane()
    pane.show_document("gcm", "29")
    before = pane.rendered
    window.theme_actions["dark"].trigger()
    assert window.state.theme == "dark" and pane.rendered is not before
    assert pane.rendered.theme == "dark" and pane.current_anchor() == "29"
    assert window.palette().window().color().lightness() < 80
    window.theme_actions["light"].trigger()
    assert window.palette().window().color().lightness() > 200


def test_full_screen_reading_mode(qtbot, window):
    window.actions_by_name["fullScreen"].trigger()
    assert window.isFullScreen()
    assert not window.toolbar.isVisible() and not window.objectives_dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen()
    assert window.toolbar.isVisible() and window.objectives_dock.isVisible()
