"""Export and import through their dialogs, colour meanings, the note and bookmark dialogs,
the panels' item models, and reader:// links."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QDialogButtonBox

from reader.app import apply_request, gui_options
from reader.cli import build_parser, link_means_gui
from reader.core.annotations import DEFAULT_MEANINGS, Palette, Store, make_target, new_annotation
from reader.core.annotations import TextQuoteSelector as Quote
from reader.core.export import build_excerpts, prepare_export, render
from reader.ui.annotations_panel import AnnotationsModel
from reader.ui.bookmarks_panel import build_bookmark_tree
from reader.ui.colors import ColorTexts
from reader.ui.dialogs.bookmark import BookmarkDialog, BookmarkRequest
from reader.ui.dialogs.colors import ColorNamesDialog
from reader.ui.dialogs.export import ExportDialog
from reader.ui.dialogs.import_annotations import ImportDialog
from reader.ui.dialogs.note import NoteDialog, NoteRequest, split_tags

from .test_annotations_ui import select


@pytest.fixture
def noted(window):
    """A window with one highlight on 17(a) that has a note and a tag."""
    pane = window.panes.panes[0]
    select(pane, "17.a", 0, 20)
    annotation = window.annotator.highlight(pane, "yellow")
    change = window.annotator.store.update(annotation.edited(note="商定措辞，可引用", tags=("数据",)))
    window.annotator._changed([change])
    return window


# --- export ---------------------------------------------------------------------------------
def test_export_markdown_through_the_dialog(qtbot, noted, tmp_path, monkeypatch):
    window = noted
    quote = window.panes.panes[0].document.block("17.a").text[:20]
    target = tmp_path / "摘录"  # no suffix: the format's is added
    monkeypatch.setattr(ExportDialog, "ask_save_path", lambda self, suggested, fmt: str(target))
    window.annotations_panel.raise_()
    with qtbot.waitSignal(window.annotations_panel.exportRequested):
        qtbot.mouseClick(window.annotations_panel.export_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(dialog.previewShown) as shown:
        dialog.set_format("html")
    assert "<!DOCTYPE html>" in shown.args[0] or "<html" in shown.args[0]
    with qtbot.waitSignal(dialog.previewShown) as shown:
        dialog.set_format("md")
    assert quote in shown.args[0] and "《全球契约》(A/RES/73/195，2018年12月10日)第17段(a)" in shown.args[0]
    assert "1" in dialog.count.text()
    with qtbot.waitSignal(dialog.saved, timeout=10000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args[0] == str(tmp_path / "摘录.md")
    written = (tmp_path / "摘录.md").read_text(encoding="utf-8")
    assert f"> {quote}" in written
    assert "### 《全球契约》(A/RES/73/195，2018年12月10日)第17段(a)" in written
    assert "商定措辞，可引用" in written, written
    assert "](reader://gcm/17.a)" in written
    assert "目标1：" in written, "the objective it belongs to, labelled in the interface language"
    dialog.reject()


def test_export_preview_follows_filters_and_docx_is_written(qtbot, noted, tmp_path, monkeypatch):
    window = noted
    dialog = window.export_annotations()
    qtbot.waitUntil(lambda: "1" in dialog.count.text())
    color = dialog.filters.color
    color.setCurrentIndex(color.findData("red"))
    with qtbot.waitSignal(dialog.previewShown):
        color.activated.emit(color.currentIndex())
    assert "0" in dialog.count.text() and not dialog.save_button.isEnabled()
    color.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.previewShown):
        color.activated.emit(0)
    with qtbot.waitSignal(dialog.previewShown):
        dialog.set_format("docx")
    assert dialog.preview_note.isVisibleTo(dialog)
    monkeypatch.setattr(ExportDialog, "ask_save_path", lambda self, suggested, fmt: str(tmp_path / "a.docx"))
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.save_button.click()
    assert (tmp_path / "a.docx").read_bytes()[:2] == b"PK"
    dialog.reject()


# --- import ---------------------------------------------------------------------------------
def colleague_file(tmp_path, corpus, objectives) -> tuple:
    other = Store.open(tmp_path / "colleague" / "annotations.json")
    doc = corpus.get("imrf")
    change = other.add(
        new_annotation(make_target(doc, "42", 0, "42", 12), color="red", note="同事的批注", tags=("汇款",))
    )
    data = prepare_export(other.annotations, corpus, objectives, other.palette)
    path = tmp_path / "colleague.jsonld"
    path.write_bytes(render("jsonld", data))
    return path, change.after


def test_import_shows_what_it_would_change_then_imports_undoably(
    qtbot, window, tmp_path, corpus, objectives, monkeypatch
):
    path, theirs = colleague_file(tmp_path, corpus, objectives)
    monkeypatch.setattr(ImportDialog, "ask_open_path", lambda self: str(path))
    window.show_dock("annotations")
    dialog = window.import_annotations()
    with qtbot.waitSignal(dialog.planned) as planned:
        pass
    assert planned.args[0].report.added == (theirs.id,)
    assert "1" in dialog.summary.text() and "同事" not in dialog.summary.text()
    assert theirs.exact[:10] in dialog.details.toPlainText()
    assert window.annotator.store.annotations == (), "nothing changes before the user confirms"
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    (mine,) = window.annotator.store.annotations
    assert (mine.id, mine.note) == (theirs.id, "同事的批注")
    assert window.annotations_panel.model.index_of(theirs.id).isValid()
    window.actions_by_name["undo"].trigger()
    assert window.annotator.store.annotations == ()


def test_importing_a_file_twice_offers_nothing_the_second_time(
    qtbot, window, tmp_path, corpus, objectives, monkeypatch
):
    path, _ = colleague_file(tmp_path, corpus, objectives)
    monkeypatch.setattr(ImportDialog, "ask_open_path", lambda self: str(path))
    for expected in (True, False):
        dialog = window.import_annotations()
        qtbot.waitUntil(lambda d=dialog: d.plan is not None)
        assert dialog.import_button.isEnabled() is expected
        if expected:
            dialog.accept()
        else:
            assert "1" in dialog.summary.text()
            dialog.reject()


def test_a_file_that_is_not_json_ld_is_refused_with_a_reason(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "notes.jsonld"
    bad.write_text("这不是 JSON", encoding="utf-8")
    monkeypatch.setattr(ImportDialog, "ask_open_path", lambda self: str(bad))
    dialog = window.import_annotations()
    with qtbot.waitSignal(dialog.planned) as planned:
        pass
    assert planned.args[0] is None and "JSON" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.reject()


# --- colour meanings ------------------------------------------------------------------------
def test_every_built_in_meaning_has_a_translatable_text():
    assert set(ColorTexts().meanings()) == set(DEFAULT_MEANINGS.values())


def test_naming_a_colour_updates_actions_panel_and_undo(qtbot, noted, monkeypatch):
    window = noted
    monkeypatch.setattr(window.annotator, "ask_color_names", lambda palette: {"yellow": "可直接引用"})
    window.actions_by_name["nameColors"].trigger()
    assert window.annotator.store.palette.meaning("yellow") == "可直接引用"
    assert "可直接引用" in window.actions_by_name["highlightYellow"].text()
    panel = window.annotations_panel
    window.show_dock("annotations")  # a panel in the background follows once shown
    assert any("可直接引用" in panel.filters.color.itemText(i) for i in range(panel.filters.color.count()))
    excerpt_id = window.annotator.store.annotations[0].id
    assert "可直接引用" in panel.model.index_of(excerpt_id).data(Qt.ItemDataRole.ToolTipRole)
    window.actions_by_name["undo"].trigger()
    assert window.annotator.store.palette.get("yellow").is_default


def test_colour_meanings_dialog_reports_only_changes(qtbot):
    palette = Palette()
    dialog = ColorNamesDialog(palette)
    qtbot.addWidget(dialog)
    assert dialog.changes() == {}
    dialog.edits["red"].setText("  不可接受  ")
    dialog.edits["blue"].setText("")
    assert dialog.changes() == {"red": "不可接受"}, "an empty line means the built-in meaning"
    renamed = palette.with_meaning(palette.get("green").__class__("green", "我的"))
    dialog = ColorNamesDialog(renamed)
    qtbot.addWidget(dialog)
    dialog.restore_defaults()
    assert dialog.changes() == {"green": None}


# --- note and bookmark dialogs --------------------------------------------------------------
def test_note_dialog_returns_colour_note_and_tags(qtbot):
    dialog = NoteDialog(
        NoteRequest("在联合国统计委员会的指导下", "《全球契约》第17段(a)", "blue"),
        Palette(),
        ["数据", "核实"],
    )
    qtbot.addWidget(dialog)
    assert dialog.color.currentData() == "blue" and dialog.windowTitle()
    dialog.note.setPlainText("需要核实统计委员会的角色")
    dialog.tags.setText("数据，核实、 返回 ,数据")
    dialog.color.setCurrentIndex(dialog.color.findData("purple"))
    result = dialog.result_value()
    assert (result.color, result.note) == ("purple", "需要核实统计委员会的角色")
    assert result.tags == ("数据", "核实", "返回", "数据")  # the store drops the repeat
    assert split_tags(" , ") == ()


def test_bookmark_dialog_needs_a_name(qtbot):
    dialog = BookmarkDialog(BookmarkRequest("《全球契约》第29段", "第29段"), ["谈判", "谈判/目标13"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.name.setText("  ")
    assert not ok.isEnabled()
    dialog.name.setText("拘留")
    dialog.folder.setCurrentText("谈判/目标13")
    assert dialog.result_value().name == "拘留" and dialog.result_value().folder == "谈判/目标13"


# --- item models ----------------------------------------------------------------------------
def test_annotations_model_passes_the_model_tester(qtmodeltester, corpus, objectives):
    gcm, imrf = corpus.get("gcm"), corpus.get("imrf")
    annotations = [
        new_annotation(make_target(gcm, "17.a", 0, "17.a", 10)),
        new_annotation(make_target(gcm, "17.b", 0, "17.c", 5), color="red", note="跨段"),
        new_annotation(make_target(imrf, "42", 2, "42", 9), tags=("汇款",)),
    ]
    target = make_target(gcm, "29", 0, "29", 5)
    annotations.append(new_annotation(type(target)("gcm", Quote("不在任何文件中的一段文字"), target.range)))
    excerpts = build_excerpts(annotations, corpus, objectives, Palette())
    model = AnnotationsModel()
    model.set_excerpts(excerpts, {d.id: d.info.short_title for d in corpus}, Palette())
    assert model.rowCount() == 3 and model.excerpt_count() == 4
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)


def test_bookmarks_model_passes_the_model_tester(qtmodeltester, corpus):
    from reader.core.annotations import new_bookmark

    bookmarks = [
        new_bookmark("gcm", "29", "拘留", "谈判/目标13"),
        new_bookmark("imrf", "42", "汇款", "谈判"),
        new_bookmark("gcm", "17", "数据"),
        new_bookmark("gone", "1", "已删除的文件"),
    ]
    model = QStandardItemModel()
    build_bookmark_tree(model, bookmarks, corpus, "(not found)")
    gc.collect()  # the model alone must keep every item (nested folders once went missing)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "谈判",
        "数据  ·  《全球契约》",
        "已删除的文件  ·  gone",
    ]  # each names its document
    folder = model.index(0, 0)
    assert [model.index(r, 0, folder).data() for r in range(model.rowCount(folder))] == [
        "目标13",
        "汇款  ·  《进展宣言》",
    ]
    assert model.index(0, 0, model.index(0, 0, folder)).data() == "拘留  ·  《全球契约》"
    qtmodeltester.check(model)


# --- reader:// links ------------------------------------------------------------------------
def test_reader_links_open_their_passage(window):
    parser = build_parser()
    assert link_means_gui(["--data-dir", "x", "reader://gcm/17.a"]) == [
        "--data-dir",
        "x",
        "gui",
        "reader://gcm/17.a",
    ]
    assert link_means_gui(["export", "--format", "md"]) == ["export", "--format", "md"]
    args = parser.parse_args(link_means_gui(["reader://gcm/17.a"]))
    options, qt_args = gui_options(args)
    assert options.open == ["reader://gcm/17.a"] and qt_args == []
    options, _ = gui_options(parser.parse_args(["gui", "--open", "reader://imrf/42", "--dock", "bookmarks"]))
    apply_request(window, {"open": options.open, "dock": options.dock})
    assert window.panes.panes[0].doc_id == "imrf" and window.panes.panes[0].current_anchor() == "42"
    assert window.bookmarks_panel.isVisible()
