"""Importing in the window: drop files on the window or the library dock, see the progress bar
and the report of what was repaired."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from reader.core.importers import convert

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def drop(widget, files: list[Path]) -> QDropEvent:
    """What a file manager does: enter with the files, then drop them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QCoreApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QCoreApplication.sendEvent(widget, event)
    return event


def test_dropping_a_pdf_on_the_library_dock_imports_it_and_reports_repairs(
    qtbot, make_window, services, tmp_path
):
    window = make_window(services, language="en")
    source = tmp_path / "draft.pdf"
    shutil.copy(FIXTURES / "un-draft.pdf", source)
    with qtbot.waitSignal(window.state.corpusChanged, timeout=30000):
        event = drop(window.library_dock, [source])
    assert event.isAccepted()
    imported = [d for d in window.services.corpus if not d.info.bundled]
    assert [d.info.symbol for d in imported] == ["A/76/L.99"]
    qtbot.waitUntil(window.message_bar.isVisible)
    report = window.message_bar.text.text()
    repairs = convert(source)[0].repairs
    flow = window.import_flow  # the report is in the window's language: compare translated
    assert "A/76/L.99" in report and repairs.footnotes and repairs.page_breaks_joined
    assert flow.tr("%n footnote(s)", "", repairs.footnotes) in report
    assert flow.tr("%n page break(s) re-joined", "", repairs.page_breaks_joined) in report
    assert not window.import_flow.progress_bar.isVisible()


def test_dropping_a_duplicate_and_a_bad_file_on_the_window_says_why(qtbot, make_window, services, tmp_path):
    window = make_window(services, language="en")
    good, bad = tmp_path / "a.docx", tmp_path / "scan.pdf"
    shutil.copy(FIXTURES / "un-draft.docx", good)
    bad.write_bytes(b"%PDF-1.4\n%%EOF\n")
    with qtbot.waitSignal(window.state.corpusChanged, timeout=30000):
        drop(window, [good, bad])
    qtbot.waitUntil(window.message_bar.isVisible)
    assert "scan.pdf" in window.message_bar.text.text()
    before = len(window.services.corpus)
    drop(window, [good])
    duplicate = window.import_flow.tr("%1: already in the library").replace("%1", good.name)
    qtbot.waitUntil(lambda: duplicate in window.message_bar.text.text(), timeout=30000)
    assert len(window.services.corpus) == before


def test_a_drag_without_local_files_is_not_taken(make_window, services):
    window = make_window(services)
    mime = QMimeData()
    mime.setText("just text")
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    event.ignore()
    window.import_flow.eventFilter(window, event)
    assert not event.isAccepted()
