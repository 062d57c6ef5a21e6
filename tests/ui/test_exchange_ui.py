"""A colleague's work in the window: the import names its authors, the annotations dock
filters by author, your own name is asked once, file dialogs start in the documents folder."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.annotations import Store, make_target, new_annotation, new_bookmark
from reader.core.export import prepare_export, render
from reader.core.userconfig import config_file, user_name
from reader.ui.dialogs import author
from reader.ui.dialogs.import_annotations import ImportDialog
from reader.ui.file_dialogs import documents_folder


def colleague_export(tmp_path, corpus, objectives):
    other = Store.open(tmp_path / "ana" / "annotations.json")
    other.creator = "Ana Colleague"
    other.add(
        new_annotation(make_target(corpus.get("imrf"), "42", 0, "42", 12), color="red", note="同事的批注")
    )
    other.add(new_bookmark("imrf", "42", "圆桌", "谈判"))
    other.rename_color("red", "不能接受")
    data = prepare_export(
        other.annotations, corpus, objectives, other.palette, creator=other.creator, bookmarks=other.bookmarks
    )
    path = tmp_path / "ana.jsonld"
    path.write_bytes(render("jsonld", data))
    return path


def test_an_import_names_its_authors_and_brings_bookmarks_and_colours(
    qtbot, window, tmp_path, corpus, objectives, monkeypatch
):
    path = colleague_export(tmp_path, corpus, objectives)
    monkeypatch.setattr(ImportDialog, "ask_open_path", lambda self: str(path))
    window.show_dock("annotations")
    dialog = window.import_annotations()
    with qtbot.waitSignal(dialog.planned):
        pass
    assert "Ana Colleague (2)" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    store = window.annotator.store
    assert [b.name for b in store.bookmarks] == ["圆桌"]
    assert store.palette.meaning("red") == "不能接受"
    window.actions_by_name["undo"].trigger()  # one step: highlights, bookmarks and colours
    assert store.bookmarks == () and store.palette.get("red").is_default


def test_the_annotations_dock_filters_by_author(qtbot, window, corpus):
    store = window.annotator.store
    gcm = corpus.get("gcm")
    changes = [
        store.add(new_annotation(make_target(gcm, "17.a", 0, None, 10), creator="王芳")),
        store.add(new_annotation(make_target(gcm, "17.b", 0, None, 10), creator="Ana")),
    ]
    window.annotator._changed(changes)
    panel = window.annotations_panel
    window.show_dock("annotations")
    panel.refresh_sources()
    combo = panel.filters.creator
    assert not combo.isHidden() and [combo.itemData(i) for i in range(1, combo.count())] == ["Ana", "王芳"]
    combo.setCurrentIndex(combo.findData("Ana"))
    panel.filters.changed.emit()
    panel.refresh()
    assert panel.model.index_of(changes[1].id).isValid() and not panel.model.index_of(changes[0].id).isValid()
    assert panel.filters.selection().creators == frozenset({"Ana"})


def test_your_name_is_kept_and_given_to_what_you_highlight(qtbot, window, corpus, monkeypatch):
    store = window.annotator.store
    monkeypatch.setattr(author.QInputDialog, "getText", lambda *args, **kwargs: ("王芳", True))
    window.actions_by_name["authorName"].trigger()
    assert user_name(config_file(store.path.parent)) == "王芳" and store.creator == "王芳"
    change = store.add(new_annotation(make_target(corpus.get("gcm"), "17.a", 0, None, 10)))
    assert change.after.creator == "王芳"


def test_file_dialogs_start_in_the_documents_folder_and_speak_chinese(window):
    assert documents_folder().is_dir()
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
