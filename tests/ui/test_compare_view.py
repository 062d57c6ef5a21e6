"""The compare window: aligned drafts, redline, changes dock, carrying annotations with undo."""

from __future__ import annotations

import zipfile
from dataclasses import replace

import pytest

from reader.core.annotations import make_target, new_annotation
from reader.core.corpus import Corpus
from reader.core.model import Document
from reader.ui.compare_view import open_compare
from reader.ui.services import Services, open_settings


@pytest.fixture
def revised_services(paths, corpus, objectives) -> Services:
    """The library plus a Rev.1 of the Compact (marked as its revision): words added to 9,
    paragraph 5 deleted, text that looks like markup added to 10, a word added to 17(a)."""
    gcm = corpus.get("gcm")
    blocks = []
    for block in gcm.blocks:
        if block.anchor == "5":
            continue
        if block.anchor == "9":
            block = replace(block, text=block.text.replace("共同责任", "共同但有区别的责任"))
        if block.anchor == "10":
            block = replace(block, text=block.text + "<b>不是标记</b>")
        if block.anchor == "17.a":
            block = replace(block, text="尽快" + block.text)
        blocks.append(block)
    info = replace(
        gcm.info,
        id="gcm-rev1",
        title="全球契约 修订一稿",
        short_title="契约修订一稿",
        bundled=False,
        revision_of="gcm",
    )
    library = Corpus([*corpus.documents, Document(info=info, blocks=tuple(blocks))])
    return Services(
        paths=paths, corpus=library, objectives=objectives, settings=open_settings(paths), search=None
    )


@pytest.fixture
def compare(qtbot, make_window, revised_services):
    window = make_window(revised_services)
    view = open_compare(window, "gcm", "gcm-rev1")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=30000)
    return window, view


def test_drafts_are_shown_pair_by_pair(compare):
    _, view = compare
    assert view.comparison.summary()["deleted"] == 1 and view.comparison.summary()["changed"] == 3
    page = view.view.toHtml()
    assert "但有区别的" in page and "underline" in page and "line-through" in page
    assert "<b>不是标记</b>" in view.view.toPlainText()  # document text is never markup
    assert view.changes.list.count() == 4
    assert "删除" in view.summary.text()  # the interface is in Chinese
    objectives = view.changes.objective_filter
    assert [objectives.itemData(i) for i in range(objectives.count())] == [0, 1]
    objectives.setCurrentIndex(1)
    assert view.changes.list.count() == 1 and "17.a" in view.changes.list.item(0).text()


def test_changes_dock_filters_and_steps(qtbot, compare):
    _, view = compare
    jumps = []
    view.changes.jumpRequested.connect(jumps.append)
    view.next_action.trigger()
    view.next_action.trigger()
    view.previous_action.trigger()
    assert view.changes.list.currentRow() == 0 and len(jumps) == 3
    view.changes.filter.setCurrentIndex(view.changes.filter.findData("deleted"))
    assert view.changes.list.count() == 1
    assert view.next_action.shortcut().toString() == "F8"
    assert view.previous_action.shortcut().toString() == "Shift+F8"


def test_redline_mode_shows_one_merged_text(compare):
    _, view = compare
    view.redline_action.trigger()
    text = view.view.toPlainText()
    assert "我们确认会员国" in text and "共同但有区别的责任" in text
    assert text.count("本全球契约以《联合国宪章》的宗旨和原则为基础") == 1


def test_carrying_annotations_is_one_undoable_step(qtbot, compare, revised_services):
    window, view = compare
    store = window.annotator.store
    gcm = revised_services.corpus.get("gcm")
    store.add(new_annotation(make_target(gcm, "9", 40, None, 60), note="共同责任"))
    store.add(new_annotation(make_target(gcm, "5", 0, None, 10)))
    changes = view.carry_annotations(confirm=False)
    assert len(changes) == 2
    copies = store.annotations_in("gcm-rev1")
    assert len(copies) == 2 and any("措辞已改" in a.tags for a in copies)
    assert view.carry_annotations(confirm=False) == []
    assert len(store.annotations_in("gcm-rev1")) == 2  # carrying again adds nothing
    window.annotator.undo_stack.undo()
    assert store.annotations_in("gcm-rev1") == []
    window.annotator.undo_stack.redo()
    assert len(store.annotations_in("gcm-rev1")) == 2


def test_export_redline(compare, tmp_path):
    _, view = compare
    target = tmp_path / "redline.docx"
    assert view.export_redline(str(target))
    assert "<w:ins " in zipfile.ZipFile(target).read("word/document.xml").decode()
    page = tmp_path / "redline.html"
    assert view.export_redline(str(page))
    assert "&lt;b&gt;不是标记&lt;/b&gt;" in page.read_text(encoding="utf-8")


def test_library_offers_to_compare_with_the_newest_draft(qtbot, make_window, revised_services):
    window = make_window(revised_services)
    menu = window.library_dock.build_menu("gcm")
    entries = {a.text(): a for a in menu.actions()}
    assert "与最新稿比较" in entries
    entries["与最新稿比较"].trigger()
    view = window.compare_window
    qtbot.addWidget(view)
    assert (view.old_box.currentData(), view.new_box.currentData()) == ("gcm", "gcm-rev1")
    labels = [window.library_dock.model.item(1).child(0).text()]
    assert "第 2 稿" in labels[0]
    window.open_document("gcm")
    hooks = window.compare_hooks
    qtbot.waitUntil(lambda: hooks.newest_button.isVisibleTo(window), timeout=5000)
    assert "契约修订一稿" in hooks.newest_button.text()
    window.open_document("gcm-rev1", pane=window.current_pane())
    hooks.update_offer()
    assert not hooks.newest_button.isVisibleTo(window)


def test_file_menu_has_compare(window):
    actions = [a for a in window.menus["file"].actions() if a.objectName() == "action_compare"]
    assert actions and actions[0].text() == "比较草案(&C)…"
    assert actions[0].shortcut().toString() == "Ctrl+Alt+C"
