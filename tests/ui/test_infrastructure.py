"""The pieces under the window: worker, rendering map, binding work-around, command line."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QTextCursor

from reader import app
from reader.app import gui_parser, parse_gui_args, split_target
from reader.cli import main
from reader.core.model import BlockKind
from reader.ui import theme
from reader.ui.rendering import render_document
from reader.ui.state import AppState
from reader.ui.workers import Worker


def test_worker_delivers_results_in_the_ui_thread(qtbot):
    worker = Worker()
    main = threading.get_ident()
    seen = []
    with qtbot.waitSignal(worker.busyChanged, check_params_cb=lambda busy: not busy):
        worker.submit(
            "job",
            lambda: threading.get_ident(),
            on_result=lambda tid: seen.append((tid, threading.get_ident())),
        )
    assert seen and seen[0][0] != main and seen[0][1] == main
    worker.shutdown()


def test_worker_drops_stale_results_and_skips_stale_jobs(qtbot):
    worker = Worker()
    started, gate, ran, results = threading.Event(), threading.Event(), [], []

    def slow(name):
        ran.append(name)
        if name == "first":
            started.set()
            gate.wait(5)
        return name

    worker.submit("search", slow, "first", on_result=results.append)
    assert started.wait(5)
    worker.submit("search", slow, "second", on_result=results.append)
    worker.submit("search", slow, "third", on_result=results.append)
    gate.set()
    qtbot.waitUntil(lambda: not worker.is_busy())
    assert results == ["third"], "older answers are dropped"
    assert ran == ["first", "third"], "a request already superseded in the queue never runs"
    worker.shutdown()


def test_worker_reports_errors_and_progress(qtbot):
    worker = Worker()
    errors, progress = [], []

    def job(progress):
        progress(1, 2)
        progress(2, 2)
        raise ValueError("boom")

    worker.submit("index", job, on_error=errors.append, on_progress=lambda d, t: progress.append(d))
    qtbot.waitUntil(lambda: not worker.is_busy())
    assert progress == [1, 2] and str(errors[0]) == "boom"
    worker.shutdown()


@pytest.mark.parametrize("doc_id", ["gcm", "imrf", "sgr", "nyd", "escap"])
def test_every_block_maps_to_its_text(qapp, corpus, doc_id):
    doc = corpus.get(doc_id)
    rendered = render_document(doc, AppState().reading_font())
    cursor = QTextCursor(rendered.qdoc)
    for block in doc.blocks:
        span = rendered.span(block.anchor)
        assert span is not None, block.anchor
        if block.kind is BlockKind.TABLE or not block.text:
            continue
        start, end = rendered.range_of(block.anchor, 0, len(block.text))
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        shown = cursor.selectedText()
        marks = "".join(n.mark for n in block.notes if 0 < n.offset < len(block.text))
        assert len(shown) == len(block.text) + len(marks)
        for offset in range(0, len(block.text), 7):
            position = span.position(offset)
            assert rendered.qdoc.characterAt(position) == block.text[offset]
            assert span.offset(position) == offset
            assert rendered.span_at(position) is span


def test_table_cells_map_to_the_table_text(qapp, corpus):
    doc = corpus.get("escap")
    rendered = render_document(doc, AppState().reading_font())
    table = doc.block("table1")
    span = rendered.span("table1")
    for offset, char in enumerate(table.text):
        if char not in "\t\n":
            assert rendered.qdoc.characterAt(span.position(offset)) == char


def test_bindings_do_not_leak_references_to_singletons():
    """PySide6 6.12.0 on Python 3.11 loses a reference to None per void call and aborts
    the interpreter; pyproject.toml excludes it. This guards against a regression."""

    class Probe(QObject):
        fired = Signal()

    probe = Probe()
    probe.fired.connect(lambda: None)
    point = QPoint()
    before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        point.setX(1)
        probe.fired.emit()
    assert sys.getrefcount(None) >= before[0] - 10 and sys.getrefcount(True) >= before[1] - 10


def test_gui_options():
    options, qt_args = parse_gui_args(
        [
            "--",
            "--screenshot",
            "x.png",
            "--open",
            "gcm:17",
            "imrf",
            "--objective",
            "13",
            "-platform",
            "offscreen",
        ]
    )
    assert options.open == ["gcm:17", "imrf"] and options.objective == 13
    assert qt_args == ["-platform", "offscreen"]
    assert gui_parser().parse_args(["--size", "1600x1000"]).size == (1600, 1000)
    assert split_target("gcm:17.a") == ("gcm", "17.a")
    assert split_target("reader://imrf/42") == ("imrf", "42")


def test_gui_without_a_display_says_so_instead_of_aborting(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(
        app, "create_application", lambda *_: pytest.fail("checked only after the QApplication was made")
    )
    assert main(["gui", "--open", "gcm:17"]) == 1
    assert capsys.readouterr().err.splitlines() == [app.NO_DISPLAY]
    assert not app.display_missing(["-platform", "offscreen"]), "a platform chosen is respected"


def test_theme_follows_the_system_colour_scheme(qtbot, window, monkeypatch):
    """The offscreen platform has no colour scheme to change, so the system is simulated."""
    hints = QGuiApplication.styleHints()
    assert window.theme_mode == "system"
    monkeypatch.setattr(theme, "system_theme", lambda: "dark")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.state.theme == "dark" and window.current_pane().rendered.theme == "dark"
    window.set_theme_mode("light")
    monkeypatch.setattr(theme, "system_theme", lambda: "dark")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert window.state.theme == "light", "an explicit choice wins over the system"


def test_screenshot_mode_saves_a_png_and_exits(tmp_path, paths):
    shot = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--data-dir",
            str(paths.data),
            "gui",
            "--",
            "--screenshot",
            str(shot),
            "--size",
            "1000x700",
            "--open",
            "gcm:29",
            "imrf:42",
            "--objective",
            "13",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "propagateSizeHints" not in done.stderr, "offscreen noise is not printed"
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1000, 700)
    assert not (paths.data / "settings.ini").exists(), "screenshots never write settings"
