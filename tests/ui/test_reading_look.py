"""Issue 11, look: a highlight with a note shows a marker in the margin and its note on
hover (literally, never as HTML); the reading width (maximum line length, page margins,
line spacing) changes every pane live and is kept."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor

from reader.core.annotations import make_target, new_annotation
from reader.ui import settings as prefs
from reader.ui.reading_width import ReadingWidth, read_reading_width
from reader.ui.responsive import MIN_COLUMN_CHARS, text_column_chars

NOTE = "<b>not bold</b> & 红线\n第二行"


def annotate(window, anchor: str, start: int, end: int, note: str = "", end_anchor: str = ""):
    doc = window.panes.panes[0].document
    store = window.annotator.store
    change = store.add(
        new_annotation(make_target(doc, anchor, start, end_anchor or anchor, end), color="green", note=note)
    )
    window.annotator.record("test", [change])
    return change.after


def point_of(pane, anchor: str, offset: int):
    cursor = QTextCursor(pane.rendered.qdoc)
    cursor.setPosition(pane.rendered.span(anchor).position(offset))
    return pane.view.cursorRect(cursor).center()


def test_a_marker_shows_exactly_for_highlights_with_a_note_in_every_pane(qtbot, window):
    first = window.panes.panes[0]
    second = window.add_pane(first.doc_id, "17")
    annotate(window, "17.a", 0, 10)  # no note: no marker
    annotate(window, "17.b", 2, 8, NOTE)
    annotate(window, "17.c", 5, 3, "跨段的批注", end_anchor="17.d")
    for pane in (first, second):
        assert pane.note_markers() == [("17.b", 2, NOTE), ("17.c", 5, "跨段的批注")]


def test_hover_shows_the_note_literally_on_the_text_and_on_the_marker(qtbot, window):
    window.resize(1200, 800)
    pane = window.panes.panes[0]
    annotate(window, "17.b", 2, 12, NOTE)
    pane.show_document(pane.doc_id, "17.b")
    qtbot.waitUntil(lambda: bool(pane.view.markers.visible()))
    assert NOTE in pane.tooltip_at(point_of(pane, "17.b", 5))
    rect, note = pane.view.markers.visible()[0]
    assert note == NOTE and pane.tooltip_at(rect.center()) == NOTE
    assert pane.tooltip_at(point_of(pane, "17.b", 20)) == ""  # past the highlight


def test_deleting_the_note_removes_its_marker(qtbot, window):
    pane = window.panes.panes[0]
    annotation = annotate(window, "17.b", 2, 8, NOTE)
    change = window.annotator.store.update(annotation.edited(note=""))
    window.annotator.record("test", [change])
    assert pane.note_markers() == []


def test_reading_width_narrows_the_column_spaces_lines_and_is_kept(qtbot, window, services):
    for extra in window.panes.panes[1:]:
        window.panes.close_pane(extra)
    window.resize(1400, 900)
    window.show()
    pane = window.panes.panes[0]
    qtbot.waitUntil(lambda: text_column_chars(pane) > 40)
    block = pane.rendered.qdoc.findBlock(pane.rendered.span("17").start)
    spacing_before = block.blockFormat().lineHeight()
    window.reading_width.set_reading_width(ReadingWidth(30, 0, 200))
    qtbot.waitUntil(lambda: 29 <= text_column_chars(pane) <= 31)
    assert block.blockFormat().lineHeight() == 200 != spacing_before
    added = window.add_pane(pane.doc_id)  # a new pane follows the setting too
    assert added.view.reading == ReadingWidth(30, 0, 200)
    assert added.rendered.qdoc.findBlock(added.rendered.span("17").start).blockFormat().lineHeight() == 200
    qtbot.waitUntil(lambda: text_column_chars(added) <= 31)
    window.panes.close_pane(added)
    stored = QSettings(services.settings.fileName(), QSettings.Format.IniFormat)
    assert read_reading_width(stored) == ReadingWidth(30, 0, 200)
    window.reading_width.set_reading_width(ReadingWidth(0, 0, 165))
    qtbot.waitUntil(lambda: text_column_chars(pane) > 40)


def test_margins_never_make_a_column_narrower_than_the_minimum(qtbot, window):
    for extra in window.panes.panes[1:]:
        window.panes.close_pane(extra)
    window.resize(1000, 600)
    window.show()
    pane = window.panes.panes[0]
    qtbot.waitUntil(lambda: text_column_chars(pane) > MIN_COLUMN_CHARS + 4)
    window.reading_width.set_reading_width(ReadingWidth(0, 300, 165))  # wider than the room
    qtbot.waitUntil(lambda: pane.view.viewportMargins().left() > 0)
    assert pane.view.viewportMargins().left() < 300
    assert MIN_COLUMN_CHARS - 0.5 <= text_column_chars(pane) <= MIN_COLUMN_CHARS + 1.5


def test_invalid_stored_values_fall_back_to_the_defaults(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(prefs.LINE_SPACING.key, "9999")
    settings.setValue(prefs.MAX_LINE_CHARS.key, "wide")
    assert read_reading_width(settings) == ReadingWidth()
