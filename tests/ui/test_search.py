"""The search dock: typing (with an input method), results, opening a hit, F3.

Most tests use the fake service (instant, deterministic); the "汇款" flow runs
against the real `reader.core.search` service.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from reader.core.notices import Notice
from reader.core.search import SearchService
from reader.paths import CACHE_ENV, resolve_paths
from reader.ui.search_panel import DocRole, HitRole, PartialRole, SearchResultsModel, make_snippet
from reader.ui.services import Services, open_settings
from reader.ui.state import INDEX_READY

from .conftest import wait_ready


def type_with_input_method(qtbot, widget, text: str) -> None:
    """Commit Chinese text the way an input method does (never keyClicks non-ASCII)."""
    widget.setFocus()
    preedit = QInputMethodEvent(text[:1], [])
    QApplication.sendEvent(widget, preedit)
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


def first_hit_index(panel):
    group = panel.model.index(0, 0)
    return panel.model.index(0, 0, group)


def click_index(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


@pytest.fixture
def search_window(make_window, services, fake_search):
    services.search = fake_search
    window = make_window(services)
    return window


def test_search_remittances_opens_the_hit_with_matches_highlighted(qtbot, make_window, services, real_search):
    services.search = real_search
    window = make_window(services)
    wait_ready(qtbot, window)
    assert window.state.index_status == INDEX_READY
    panel = window.search_panel
    panel.raise_()
    with qtbot.waitSignal(panel.resultsShown, timeout=20000) as shown:
        type_with_input_method(qtbot, panel.query, "汇款")
    results = shown.args[0]
    assert results.total > 0 and panel.model.rowCount() == len(results.by_doc)
    index = first_hit_index(panel)
    hit = index.data(HitRole)
    with qtbot.waitSignal(window.hitOpened):
        click_index(qtbot, panel.view, index)
    pane = window.current_pane()
    assert pane.doc_id == hit.doc and pane.current_anchor() == hit.anchor
    qtbot.waitUntil(lambda: "matches" not in " ".join(window.worker.pending_keys()))
    highlighted = pane.highlighted_text("search")
    assert highlighted and all("汇款" in text or text in "汇款" for text in highlighted)
    assert len(highlighted) >= sum(len(h.highlights) for h in panel.model.hits_in(hit.doc))


def test_passages_with_some_of_the_words_come_last_in_their_own_group(
    qtbot, make_window, services, real_search, qtmodeltester
):
    services.search = real_search
    window = make_window(services)
    wait_ready(qtbot, window)
    panel, model = window.search_panel, window.search_panel.model

    def groups():
        return [model.index(r, 0) for r in range(model.rowCount())]

    def count(group) -> int:
        return int(group.data().rsplit(maxsplit=1)[-1])

    with qtbot.waitSignal(panel.resultsShown, timeout=20000) as shown:
        panel.set_query("气候变化导致的流离失所")
    results = shown.args[0]
    assert results.total == 0 and results.partial_total > 0
    [partial] = groups()
    assert partial.data(PartialRole) and partial.data(DocRole) is None
    assert count(partial) == results.partial_total == model.rowCount(partial)
    assert str(results.partial_total) in panel.status.text() and not panel.more.isVisible()

    with qtbot.waitSignal(panel.resultsShown, timeout=20000) as shown:
        panel.set_query("气候变化 流离失所")
    results = shown.args[0]
    assert results.total > 0 and results.partial_total > 0
    *documents, partial = groups()
    assert partial.data(PartialRole) and not any(g.data(PartialRole) for g in documents)
    assert {g.data(DocRole): count(g) for g in documents} == results.by_doc, "no group counts 0"
    assert count(partial) == results.partial_total
    qtmodeltester.check(model)
    steps = [index.data(HitRole).partial for index in model.hit_indexes()]
    assert steps == sorted(steps) and steps.count(True) == results.partial_total, (
        "F3 steps through the matches, then through the passages with some of the words"
    )
    with qtbot.waitSignal(window.hitOpened) as opened:
        window.actions_by_name["previousHit"].trigger()
    last = opened.args[0]
    assert last.partial and window.current_pane().doc_id == last.doc
    assert last in model.hits_in(last.doc), "its words are highlighted with the doc's matches"


def test_index_notices_are_shown_in_the_interface_language(
    qtbot, make_window, corpus, objectives, tmp_path, monkeypatch
):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "fresh-cache"))  # no index yet
    paths = resolve_paths().ensure()
    services = Services(
        paths=paths,
        corpus=corpus,
        objectives=objectives,
        settings=open_settings(paths),
        search=SearchService(corpus, objectives, paths),
    )
    window = make_window(services)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "搜索索引尚不存在，已建立", timeout=60000)
    updated = Notice(
        "index-updated", "{added} added, {changed} changed, {removed} removed", added=1, changed=2, removed=3
    )
    assert window.notice_text(updated) == "搜索索引已更新：新增 1 个文件，修改 2 个，删除 3 个"
    assert window.notice_text(Notice("index-new-kind", "in {n} words", n=2)) == "in 2 words"
    assert window.notice_text("plain text") == "plain text"


def test_typing_searches_after_a_pause_and_groups_by_document(qtbot, search_window, fake_search):
    panel = search_window.search_panel
    wait_ready(qtbot, search_window)
    with qtbot.waitSignal(panel.resultsShown) as shown:
        type_with_input_method(qtbot, panel.query, "汇款")
    assert fake_search.calls == ["汇款"], "one search for one burst of typing"
    results = shown.args[0]
    groups = [panel.model.index(r, 0) for r in range(panel.model.rowCount())]
    assert {g.data(Qt.ItemDataRole.UserRole + 2) for g in groups} == set(results.by_doc)
    assert all(str(results.by_doc[g.data(Qt.ItemDataRole.UserRole + 2)]) in g.data() for g in groups)
    assert "汇款" in panel.status.text() or str(results.total) in panel.status.text()


def test_stale_results_are_dropped(qtbot, search_window, fake_search):
    panel = search_window.search_panel
    wait_ready(qtbot, search_window)
    gate = threading.Event()
    slow_search = fake_search.search

    def search(query, **kwargs):
        if query == "拘留":
            gate.wait(5)
        return slow_search(query, **kwargs)

    fake_search.search = search
    panel.set_query("拘留")
    with qtbot.waitSignal(panel.resultsShown) as shown:
        panel.set_query("汇款")
        gate.set()
    assert shown.args[0].query == "汇款"
    wait_ready(qtbot, search_window)
    assert panel.model.results.query == "汇款"


def test_filters_limit_the_search(qtbot, search_window):
    panel = search_window.search_panel
    wait_ready(qtbot, search_window)
    panel.doc_filter.setCurrentIndex(panel.doc_filter.findData("imrf"))
    with qtbot.waitSignal(panel.resultsShown) as shown:
        panel.set_query("汇款")
    assert set(shown.args[0].by_doc) == {"imrf"}
    panel.doc_filter.setCurrentIndex(0)
    panel.objective_filter.setCurrentIndex(panel.objective_filter.findData(20))
    with qtbot.waitSignal(panel.resultsShown) as shown:
        panel.objective_filter.activated.emit(panel.objective_filter.currentIndex())
    assert shown.args[0].total >= 1


def test_f3_steps_through_results(qtbot, search_window):
    panel = search_window.search_panel
    wait_ready(qtbot, search_window)
    with qtbot.waitSignal(panel.resultsShown):
        panel.set_query("汇款")
    opened = []
    search_window.hitOpened.connect(opened.append)
    search_window.actions_by_name["nextHit"].trigger()
    search_window.actions_by_name["nextHit"].trigger()
    search_window.actions_by_name["previousHit"].trigger()
    assert len(opened) == 3 and opened[0] == opened[2] != opened[1]
    pane = search_window.current_pane()
    assert pane.doc_id == opened[2].doc and pane.current_anchor() == opened[2].anchor
    assert "汇款" in pane.highlighted_text("search")


def test_errors_are_shown_in_the_panel(qtbot, search_window):
    panel = search_window.search_panel
    wait_ready(qtbot, search_window)
    with qtbot.waitSignal(panel.resultsShown):
        panel.set_query('bad: "')
    assert "unbalanced quotes" in panel.status.text()
    assert panel.model.rowCount() == 0


def test_search_waits_for_the_index(qtbot, make_window, services, fake_search):
    fake_search.gate = threading.Event()
    services.search = fake_search
    window = make_window(services)
    panel = window.search_panel
    panel.set_query("汇款")
    assert not window.is_settled() and window.index_progress.isVisible()
    assert fake_search.calls == []
    with qtbot.waitSignal(panel.resultsShown):
        fake_search.gate.set()
    assert fake_search.calls == ["汇款"] and not window.index_progress.isVisible()


def test_find_in_pane(qtbot, window):
    pane = window.current_pane()
    pane.show_document("imrf")
    window.actions_by_name["findInPane"].trigger()
    assert pane.find_bar.isVisible() and pane.find_bar.edit.hasFocus()
    type_with_input_method(qtbot, pane.find_bar.edit, "汇款")
    count = pane.view.toPlainText().count("汇款")
    assert len(pane.highlighted_text("find")) == count > 3
    assert pane.view.textCursor().selectedText() == "汇款"
    first = pane.view.textCursor().position()
    qtbot.keyClick(pane.find_bar.edit, Qt.Key.Key_Return)
    assert pane.view.textCursor().position() > first
    qtbot.keyClick(pane.find_bar.edit, Qt.Key.Key_Escape)
    assert not pane.find_bar.isVisible() and pane.highlighted_text("find") == []


def test_results_model_passes_the_model_tester(qtmodeltester, fake_search):
    model = SearchResultsModel()
    results = fake_search.search("汇款", limit=50)
    model.set_results(results, {"imrf": "进展宣言"})
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)
    assert model.hit_count() == len(results.hits)


def test_snippet_keeps_highlights_on_the_matched_text():
    text = "甲" * 50 + "汇款" + "乙" * 200
    snippet, ranges = make_snippet(text, ((50, 52),))
    assert snippet.startswith("…") and snippet.endswith("…")
    assert [snippet[s:e] for s, e in ranges] == ["汇款"]
