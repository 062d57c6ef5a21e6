"""Restarting restores the layout; languages; errors; the library; one instance per folder."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

from reader.core.corpus import load_corpus
from reader.core.objectives import build_objectives
from reader.ui.instance import InstanceGuard
from reader.ui.services import Services, open_settings


def fresh_services(paths, corpus, objectives) -> Services:
    return Services(
        paths=paths, corpus=corpus, objectives=objectives, settings=open_settings(paths), search=None
    )


def test_state_is_restored_after_a_restart(qtbot, make_window, paths, corpus, objectives):
    first = make_window(fresh_services(paths, corpus, objectives))
    first.actions_by_name["linkedScrolling"].setChecked(True)
    first.panes.panes[1].show_document("sgr", "10")
    first.add_pane("escap", "table1")
    first.panes.set_current(first.panes.panes[2])
    first.zoom(2)
    first.library_dock.raise_()
    first.search_panel.hide()
    first.resize(780, 700)  # within the offscreen screen (800×800)
    qtbot.waitUntil(lambda: first.panes.column_count() == first.panes.columns_that_fit())
    sizes = first.panes.sizes()
    first.close()
    assert (paths.data / "settings.ini").exists()

    second = make_window(fresh_services(paths, corpus, objectives))
    panes = second.panes.panes
    assert [(p.doc_id, p.current_anchor()) for p in panes] == [
        ("gcm", ""),
        ("sgr", "10"),
        ("escap", "table1"),
    ]
    assert second.current_pane() is panes[2]
    assert second.state.zoom == 2 and second.actions_by_name["linkedScrolling"].isChecked()
    assert second.size() == first.size()
    assert not second.search_panel.isVisible() and second.library_dock.isVisible()
    qtbot.waitUntil(lambda: second.panes.sizes() == sizes)


def test_a_missing_saved_document_falls_back_to_the_defaults(make_window, services):
    services.settings.setValue("panes/json", json.dumps([{"doc": "gone", "anchor": "1"}]))
    window = make_window(services)
    assert [p.doc_id for p in window.panes.panes] == ["gcm", "imrf"]


def test_language_switch(qtbot, make_window, services):
    window = make_window(services, language="zh_CN")
    file_menu = window.menus["file"]
    assert file_menu.title() == "文件(&F)"
    assert window.objectives_dock.windowTitle() == "目标"
    window.language_actions["en"].trigger()
    assert file_menu.title() == "&File"
    assert window.objectives_dock.windowTitle() == "Objectives"
    assert window.search_panel.query.placeholderText().startswith("Search")
    assert services.settings.value("language") == "en"
    window.language_actions["zh_CN"].trigger()
    assert window.actions_by_name["back"].text() == "后退(&B)"


def test_every_control_has_an_accessible_name_or_text(window):
    missing = []
    for cls in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView):
        for widget in window.findChildren(cls):
            if widget.objectName().startswith("qt_") or not widget.isVisibleTo(window):
                continue
            text = widget.text() if isinstance(widget, QAbstractButton) else ""
            if not (widget.accessibleName() or text or widget.toolTip()):
                missing.append(f"{type(widget).__name__} {widget.objectName()}")
    assert missing == []


def test_every_dock_and_toolbar_has_an_object_name(window):
    from PySide6.QtWidgets import QDockWidget, QToolBar

    names = [w.objectName() for w in window.findChildren(QDockWidget) + window.findChildren(QToolBar)]
    assert all(names) and len(set(names)) == len(names) == 9  # 6 docks, 2 toolbars, the dock strip


def test_unreadable_import_is_reported_and_the_rest_works(qtbot, make_window, paths):
    paths.imported_dir.mkdir(parents=True)
    (paths.imported_dir / "broken.toml").write_text(
        'id = "user-broken"\nfile = "missing.txt"\ntitle = "Broken"\n', encoding="utf-8"
    )
    corpus = load_corpus(paths=paths)
    assert corpus.problems
    window = make_window(fresh_services(paths, corpus, build_objectives(corpus)))
    assert window.message_bar.isVisible()
    assert "missing.txt" in window.message_bar.text.text()
    window.objectives_dock.select(13)
    assert window.panes.panes[0].current_anchor() == "obj13"
    qtbot.mouseClick(window.message_bar.close_button, Qt.MouseButton.LeftButton)
    assert not window.message_bar.isVisible()


def test_import_a_document_from_the_library(qtbot, make_window, services, tmp_path, monkeypatch):
    window = make_window(services)
    source = tmp_path / "notes.txt"
    source.write_text("我的笔记\n\n1. 第一段关于汇款。\n\n2. 第二段。\n", encoding="utf-8")
    monkeypatch.setattr(window, "ask_import_path", lambda: str(source))
    with qtbot.waitSignal(window.state.corpusChanged):
        qtbot.mouseClick(window.library_dock.import_button, Qt.MouseButton.LeftButton)
    doc_id = window.current_pane().doc_id
    assert doc_id.startswith("user-notes") and "第一段关于汇款" in window.current_pane().view.toPlainText()
    titles = [window.library_dock.model.item(r).text() for r in range(window.library_dock.model.rowCount())]
    assert len(titles) == 2
    with qtbot.waitSignal(window.state.corpusChanged):
        window.remove_document(doc_id)
    assert doc_id not in window.services.corpus and window.current_pane().doc_id != doc_id


def test_an_import_that_fails_shows_why(qtbot, make_window, services, tmp_path, monkeypatch):
    window = make_window(services)
    bad = tmp_path / "picture.pdf"
    bad.write_bytes(b"%PDF")
    monkeypatch.setattr(window, "ask_import_path", lambda: str(bad))
    window.actions_by_name["importDocument"].trigger()
    qtbot.waitUntil(window.message_bar.isVisible)
    assert "picture.pdf" in window.message_bar.text.text()


def test_a_second_instance_hands_its_request_to_the_first(qtbot, paths):
    first, second = InstanceGuard(paths), InstanceGuard(paths)
    try:
        assert first.acquire() and first.listen()
        assert not second.acquire()
        with qtbot.waitSignal(first.requestReceived) as received:
            assert second.send({"open": ["gcm:17"], "objective": 13, "search": None})
        assert received.args[0]["open"] == ["gcm:17"] and received.args[0]["objective"] == 13
    finally:
        first.release()
    assert second.acquire()
    second.release()


def test_a_handed_over_request_opens_documents_and_objective(window):
    from reader.app import apply_request

    apply_request(
        window, {"open": ["sgr:10", "reader://escap/table1", "nowhere:1"], "objective": 13, "search": None}
    )
    compact, other = window.panes.panes
    assert compact.doc_id == "gcm" and compact.current_anchor() == "obj13"
    assert other.doc_id == "escap" and other.current_passage().doc == "escap"  # it links to 13
    assert window.objectives_dock.model.objective_at(window.objectives_dock.view.currentIndex()).number == 13
    assert "nowhere" in window.message_bar.text.text()
