"""Links, requests from other instances and saves that go wrong: a message, never a traceback."""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys

from PySide6.QtNetwork import QLocalSocket

from reader.app import add_gui_arguments, apply_request, link_problem, request_from
from reader.ui.instance import InstanceGuard, valid_request


def test_link_problems_are_named(corpus):
    assert link_problem(corpus, "reader://") == "no-document"
    assert link_problem(corpus, "reader:///17") == "no-document"
    assert link_problem(corpus, "reader://nowhere/1") == "unknown-document"
    assert link_problem(corpus, "reader://gcm/nosuchanchor") == "unknown-anchor"
    assert link_problem(corpus, "reader://gcm/17.a") is None and link_problem(corpus, "gcm") is None


def test_a_link_to_an_unknown_passage_opens_the_document_and_says_so(window):
    apply_request(window, {"open": ["reader://gcm/nosuchanchor"]})
    assert window.current_pane().doc_id == "gcm"
    assert "nosuchanchor" in window.message_bar.text.text()


def test_a_link_without_a_document_says_so(window):
    apply_request(window, {"open": ["reader://"]})
    assert "reader://" in window.message_bar.text.text()


def test_the_command_line_refuses_a_bad_link_with_exit_2(paths, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for link, said in [
        ("reader://gcm/nosuchanchor", "no passage 'nosuchanchor'"),
        ("reader://", "names no document"),
    ]:
        done = subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(paths.data), link],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 2 and said in done.stderr and "Traceback" not in done.stderr


def test_requests_of_the_wrong_shape_are_refused():
    assert valid_request({"open": ["gcm:17"], "objective": 13, "search": None, "dock": "search"})
    for bad in [
        5,
        [],
        {"open": 5},
        {"open": [5]},
        {"objective": "13"},
        {"objective": True},
        {"search": ["x"]},
        {"dock": {}},
        {"other": 1},
    ]:
        assert valid_request(bad) is None, bad


def test_every_request_the_command_line_sends_is_accepted():
    """What a second `reader gui …` hands over must pass the running window's check."""
    parser = add_gui_arguments(argparse.ArgumentParser())
    for argv in [
        [],
        ["--open", "gcm:17", "imrf"],
        ["--compare", "gcm", "imrf"],
        ["--objective", "20"],
        ["--search", "汇款", "--dock", "search"],
        ["--lang", "en"],
    ]:
        assert valid_request(request_from(parser.parse_args(argv))) is not None, argv
    assert valid_request({"open": [], "compare": ["gcm"]}) is None


def test_a_malformed_request_on_the_socket_is_ignored_with_one_log_line(qtbot, paths, caplog):
    guard = InstanceGuard(paths)
    received = []
    guard.requestReceived.connect(received.append)
    try:
        assert guard.acquire() and guard.listen()
        for payload in [b"\xff\xfe\n", b"[" * 5000 + b"\n", b'{"open": 5}\n', b'{"objective": "x"}\n']:
            caplog.clear()
            with caplog.at_level(logging.WARNING, logger="reader.ui.instance"):
                socket = QLocalSocket()
                socket.connectToServer(guard.name)
                assert socket.waitForConnected(2000)
                socket.write(payload)
                socket.waitForBytesWritten(2000)
                qtbot.waitUntil(lambda: len(caplog.records) == 1, timeout=5000)
                socket.disconnectFromServer()
            assert "malformed request" in caplog.records[0].getMessage() and not caplog.records[0].exc_info
        assert received == []
    finally:
        guard.release()


def test_any_failure_of_a_save_is_shown_and_retried(window, monkeypatch):
    problems = []
    window.annotator.problem.connect(lambda title, items: problems.append(items))

    def broken():
        raise UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed")

    window.annotator._save(broken)
    assert problems and "surrogates" in problems[0][0] and window.annotator.save_error


def test_screenshot_mode_leaves_no_temporary_folder(paths, tmp_path):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(scratch))
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
            str(tmp_path / "shot.png"),
            "--size",
            "800x600",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert not list(scratch.glob("compact-reader-shot-*"))


def test_a_link_to_a_document_imported_since_the_window_opened_finds_it(window, paths, tmp_path):
    """`reader import` in a terminal, then a reader:// link: the window reads the library again."""
    from reader.core.corpus import import_document

    source = tmp_path / "draft.txt"
    source.write_text("新的草案\n\n1. 各国承诺加强合作。\n", encoding="utf-8")
    info = import_document(source, paths)
    assert info.id not in window.services.corpus
    apply_request(window, {"open": [f"reader://{info.id}/1"]})
    assert window.current_pane().doc_id == info.id and info.id in window.services.corpus
    assert not window.message_bar.isVisible()
