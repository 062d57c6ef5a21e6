"""While drafts are compared, the objective tree marks the objectives whose passages changed;
the library marks an imported document as a revision of another (families update)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from reader.core.compare.objectives import changed_objectives
from reader.core.corpus import Corpus, load_corpus
from reader.core.importers.library import import_files
from reader.core.model import BlockKind, Document
from reader.core.passages import ObjectiveMap
from reader.ui.compare_view import open_compare
from reader.ui.services import Services, open_settings


def last_paragraph(objective_map: ObjectiveMap, number: int) -> str:
    objective = next(o for o in objective_map.objectives if o.number == number)
    gcm = objective_map.corpus.get("gcm")
    return next(
        a for a in reversed(objective_map.section(objective)) if gcm.block(a).kind is not BlockKind.HEADING
    )


@pytest.fixture
def drafts_services(paths, corpus, objectives) -> Services:
    """The library plus a Rev.1 of the Compact: a word added in objective 5, a paragraph of
    objective 12 deleted."""
    objective_map = ObjectiveMap(corpus, objectives)
    edited, deleted = last_paragraph(objective_map, 5), last_paragraph(objective_map, 12)
    gcm = corpus.get("gcm")
    blocks = tuple(
        replace(b, text="尽快" + b.text) if b.anchor == edited else b
        for b in gcm.blocks
        if b.anchor != deleted
    )
    info = replace(
        gcm.info,
        id="gcm-rev1",
        title="全球契约 修订一稿",
        short_title="契约修订一稿",
        bundled=False,
        revision_of="gcm",
    )
    library = Corpus([*corpus.documents, Document(info=info, blocks=blocks)])
    return Services(
        paths=paths, corpus=library, objectives=objectives, settings=open_settings(paths), search=None
    )


def test_the_objective_tree_marks_changed_objectives_until_the_comparison_closes(
    qtbot, make_window, drafts_services
):
    window = make_window(drafts_services)
    model = window.objectives_dock.model
    view = open_compare(window, "gcm", "gcm-rev1")
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.comparison is not None, timeout=30000)
    expected = changed_objectives(view.comparison, window.objective_map)
    assert model.changed_counts() == expected == {5: 1, 12: 1}
    for number in range(1, 24):
        index = model.index_of(number)
        label, font = index.data(), index.data(Qt.ItemDataRole.FontRole)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        if number in expected:
            assert label.startswith("Δ ") and font.bold() and "1 处段落有改动" in tip
        else:
            assert not label.startswith("Δ") and font is None and "改动" not in tip
    view.close()
    assert model.changed_counts() == {}
    assert not model.index_of(5).data().startswith("Δ")


def draft_files(tmp_path, corpus) -> list:
    text = corpus.get("gcm").block("9").text
    files = []
    for name, body in (("zero.txt", text), ("rev1.txt", text.replace("共同责任", "共同但有区别的责任"))):
        (tmp_path / name).write_text(f"草案\n\n{body}\n", encoding="utf-8")
        files.append(tmp_path / name)
    return files


def menu_entries(window, doc_id: str) -> dict:
    return {a.text(): a for a in window.library_dock.build_menu(doc_id).actions() if a.text()}


def test_the_library_marks_and_unmarks_a_revision(qtbot, make_window, paths, corpus, objectives, tmp_path):
    zero, rev1 = (o.info.id for o in import_files(draft_files(tmp_path, corpus), paths))
    services = Services(
        paths=paths,
        corpus=load_corpus(paths=paths),
        objectives=objectives,
        settings=open_settings(paths),
        search=None,
    )
    window = make_window(services)
    dock = window.library_dock
    bundled = menu_entries(window, "gcm")
    assert not bundled["标记为另一文件的修订稿…"].isEnabled() and not bundled["不是修订稿"].isEnabled()
    entries = menu_entries(window, rev1)
    assert entries["标记为另一文件的修订稿…"].isEnabled() and not entries["不是修订稿"].isEnabled()
    dock.ask_revision_of = lambda doc_id: zero
    with qtbot.waitSignal(window.state.corpusChanged, timeout=60000):
        entries["标记为另一文件的修订稿…"].trigger()
    assert window.services.corpus.get(rev1).info.revision_of == zero
    texts = [dock.model.item(1).child(row).text() for row in range(dock.model.item(1).rowCount())]
    assert any("第 2 稿" in text for text in texts)  # the library now lists the family
    assert menu_entries(window, rev1)["不是修订稿"].isEnabled()
    with qtbot.waitSignal(window.state.corpusChanged, timeout=60000):
        menu_entries(window, rev1)["不是修订稿"].trigger()
    assert window.services.corpus.get(rev1).info.revision_of == ""
    assert not menu_entries(window, rev1)["不是修订稿"].isEnabled()


def test_a_refused_link_is_reported_and_changes_nothing(
    qtbot, make_window, paths, corpus, objectives, tmp_path
):
    zero, rev1 = (o.info.id for o in import_files(draft_files(tmp_path, corpus), paths))
    services = Services(
        paths=paths,
        corpus=load_corpus(paths=paths),
        objectives=objectives,
        settings=open_settings(paths),
        search=None,
    )
    window = make_window(services)
    before = {p.name: p.read_bytes() for p in paths.imported_dir.iterdir()}
    title = window.services.corpus.get(zero).info.short_title
    window.library_dock.revisionRequested.emit(zero, zero)  # a draft cannot revise itself
    qtbot.waitUntil(window.message_bar.isVisible, timeout=30000)
    assert f"《{title}》不能是其自身的修订稿" in window.message_bar.text.text()  # in the window's language
    window.message_bar.hide()
    window.library_dock.revisionRequested.emit("gcm", zero)  # the bundled manifest is read-only
    qtbot.waitUntil(window.message_bar.isVisible, timeout=30000)
    assert "只有导入的文件才能标记为修订稿" in window.message_bar.text.text()
    assert {p.name: p.read_bytes() for p in paths.imported_dir.iterdir()} == before
    assert window.services.corpus.get(zero).info.revision_of == ""
