"""The compare window: two drafts aligned pair by pair, or one redline text, with a changes dock.

The core does the work (`reader.core.compare`): pairing, word diff, carrying annotations,
redline export. This module only shows it. Both drafts sit in one table, one row per pair,
so scrolling keeps every paragraph level with its partner and an inserted or deleted
paragraph leaves a gap on the other side. Insertions are underlined green, deletions struck
through red, width-only changes shaded grey; highlights of either draft keep their colour.
"""

from __future__ import annotations

import html
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.atomic import WriteError, atomic_write_bytes
from ..core.compare import Comparison, Pair, Status, compare_documents
from ..core.compare.carry import CarryPlan, apply_carry, plan_carry
from ..core.compare.objectives import PairObjectives, changed_objectives
from ..core.compare.redline import DELETE, INSERT, redline_rows, to_docx, to_html
from ..core.compare.report import block_label
from ..core.compare.versions import newest_version, previous_version
from ..core.corpus import Corpus
from .library_flow import Reloaded, reload_corpus

log = logging.getLogger(__name__)

INSERT_STYLE = "color:#1b5e20; text-decoration:underline; background-color:#e3f2e1;"
DELETE_STYLE = "color:#b71c1c; text-decoration:line-through; background-color:#fdecea;"
WIDTH_STYLE = "background-color:#e0e0e0;"
ROW_TINT = {Status.MOVED: "#eef3fb", Status.SPLIT: "#eef3fb", Status.MERGED: "#eef3fb"}
GAP_TINT = "#f4f4f4"


def status_names() -> dict[Status, str]:
    return {
        Status.SAME: QCoreApplication.translate("CompareWindow", "same"),
        Status.CHANGED: QCoreApplication.translate("CompareWindow", "changed"),
        Status.INSERTED: QCoreApplication.translate("CompareWindow", "inserted"),
        Status.DELETED: QCoreApplication.translate("CompareWindow", "deleted"),
        Status.MOVED: QCoreApplication.translate("CompareWindow", "moved"),
        Status.SPLIT: QCoreApplication.translate("CompareWindow", "split"),
        Status.MERGED: QCoreApplication.translate("CompareWindow", "merged"),
    }


# --- HTML of one side of a pair ------------------------------------------------------------------
Range = tuple[int, int, str]  # start, end, a style


def marked_html(text: str, marks: Sequence[Range], highlights: Sequence[Range] = ()) -> str:
    """`text` escaped, with diff marks and (under them) highlight backgrounds as spans."""
    cuts = {0, len(text)}
    for start, end, _ in (*marks, *highlights):
        cuts.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        if a == b:
            continue
        style = "".join(s for start, end, s in highlights if start <= a < end)
        style += "".join(s for start, end, s in marks if start <= a < end)
        piece = html.escape(text[a:b])
        out.append(f'<span style="{style}">{piece}</span>' if style else piece)
    return "".join(out)


def _side_marks(pairs: Sequence[Pair], old_side: bool) -> list[Range]:
    marks = []
    for pair in pairs:
        for change in pair.changes:
            start, end = change.old_range if old_side else change.new_range
            if end > start:
                style = WIDTH_STYLE if change.width_only else DELETE_STYLE if old_side else INSERT_STYLE
                marks.append((start, end, style))
    return marks


class CompareView(QTextBrowser):
    """The aligned table (side by side) or the merged text (redline) of a comparison."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.setOpenLinks(False)
        self.comparison: Comparison | None = None
        self.redline = False
        self.highlights: dict[tuple[str, str], list[Range]] = {}

    def show_comparison(
        self, comparison: Comparison | None, redline: bool, highlights: dict[tuple[str, str], list[Range]]
    ) -> None:
        self.comparison, self.redline, self.highlights = comparison, redline, highlights
        bar = self.verticalScrollBar().value()
        if comparison is None:
            self.setHtml("")
            return
        self.setHtml(self._redline_html(comparison) if redline else self._table_html(comparison))
        self.verticalScrollBar().setValue(bar)

    def jump_to(self, row: int) -> None:
        self.scrollToAnchor(f"pair-{row}")

    def _table_html(self, comparison: Comparison) -> str:
        names = status_names()
        split_seen: set[str] = set()
        merged_seen: set[str] = set()
        by_old: dict[str, list[Pair]] = defaultdict(list)
        by_new: dict[str, list[Pair]] = defaultdict(list)
        for pair in comparison.pairs:
            if pair.status is Status.SPLIT and pair.old is not None:
                by_old[pair.old.anchor].append(pair)
            if pair.status is Status.MERGED and pair.new is not None:
                by_new[pair.new.anchor].append(pair)
        rows = ['<table width="100%" cellspacing="0" cellpadding="6" style="border-collapse:collapse;">']
        for n, pair in enumerate(comparison.pairs):
            old_html = new_html = ""
            if pair.old is not None:
                anchor = pair.old.anchor
                if pair.status is Status.SPLIT and anchor in split_seen:
                    old_html = '<span style="color:#777;">↑</span>'
                else:
                    if pair.status is Status.SPLIT:
                        split_seen.add(anchor)
                    pieces = by_old[anchor] if pair.status is Status.SPLIT else [pair]
                    marks = (
                        [(0, len(pair.old.text), DELETE_STYLE)]
                        if pair.status is Status.DELETED
                        else _side_marks(pieces, old_side=True)
                    )
                    old_html = self._cell(comparison.old.id, pair.old, marks)
            if pair.new is not None:
                anchor = pair.new.anchor
                if pair.status is Status.MERGED and anchor in merged_seen:
                    new_html = '<span style="color:#777;">↑</span>'
                else:
                    if pair.status is Status.MERGED:
                        merged_seen.add(anchor)
                    pieces = by_new[anchor] if pair.status is Status.MERGED else [pair]
                    marks = (
                        [(0, len(pair.new.text), INSERT_STYLE)]
                        if pair.status is Status.INSERTED
                        else _side_marks(pieces, old_side=False)
                    )
                    new_html = self._cell(comparison.new.id, pair.new, marks)
            tint = ROW_TINT.get(pair.status, "")
            old_bg = GAP_TINT if pair.old is None else tint
            new_bg = GAP_TINT if pair.new is None else tint
            label = (
                ""
                if pair.status is Status.SAME
                else (
                    f'<span style="color:#555; font-size:small;">{html.escape(names[pair.status])}'
                    + (f" · {pair.similarity:.0%}" if pair.status in (Status.CHANGED, Status.MOVED) else "")
                    + "</span><br>"
                )
            )
            cell = '<td width="50%" valign="top" style="background-color:{};">'
            rows.append(
                "<tr>"
                + cell.format(old_bg or "transparent")
                + f'<a name="pair-{n}"></a>{old_html}</td>'
                + cell.format(new_bg or "transparent")
                + f"{label}{new_html}</td></tr>"
            )
        rows.append("</table>")
        return "".join(rows)

    def _cell(self, doc_id: str, block, marks: list[Range]) -> str:
        shown = block.shown_marker
        marker = f'<span style="color:#777;">{html.escape(shown)}</span> ' if shown else ""
        body = marked_html(block.text, marks, self.highlights.get((doc_id, block.anchor), ()))
        if block.kind.value == "heading":
            body = f"<b>{body}</b>"
        return marker + body

    def _redline_html(self, comparison: Comparison) -> str:
        out = []
        for n, row in enumerate(redline_rows(comparison)):
            parts = []
            for kind, text in row.segments:
                escaped = html.escape(text)
                if kind == INSERT:
                    parts.append(f'<span style="{INSERT_STYLE}">{escaped}</span>')
                elif kind == DELETE:
                    parts.append(f'<span style="{DELETE_STYLE}">{escaped}</span>')
                else:
                    parts.append(escaped)
            label = f'<span style="color:#777;">{html.escape(row.label)}</span> ' if row.label else ""
            out.append(f'<p><a name="pair-{n}"></a>{label}{"".join(parts)}</p>')
        return "".join(out)


# --- the changes dock ---------------------------------------------------------------------------
class ChangesDock(QDockWidget):
    """Every pair that is not the same, filterable by status; click to jump, F8/Shift+F8 to step."""

    jumpRequested = Signal(int)  # row in the view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareChangesDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.filter = QComboBox(body)
        self.filter.setObjectName("compareStatusFilter")
        self.objective_filter = QComboBox(body)
        self.objective_filter.setObjectName("compareObjectiveFilter")
        self.list = QListWidget(body)
        self.list.setObjectName("compareChangesList")
        self.list.setWordWrap(True)
        layout.addWidget(self.filter)
        layout.addWidget(self.objective_filter)
        layout.addWidget(self.list, 1)
        self.setWidget(body)
        self.comparison: Comparison | None = None
        self.redline = False
        self.objectives_of: Callable[[Pair], list[int]] = lambda _pair: []
        self.filter.currentIndexChanged.connect(lambda _: self._fill())
        self.objective_filter.currentIndexChanged.connect(lambda _: self._fill())
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Changes"))
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All changes"), "")
        for status, name in status_names().items():
            if status is not Status.SAME:
                self.filter.addItem(name, status.value)
        index = self.filter.findData(current)
        self.filter.setCurrentIndex(max(0, index))
        self.filter.blockSignals(False)
        self._fill_objectives()
        self._fill()

    def set_comparison(
        self,
        comparison: Comparison | None,
        redline: bool,
        objectives_of: Callable[[Pair], list[int]] | None = None,
    ) -> None:
        self.comparison, self.redline = comparison, redline
        if objectives_of is not None:
            self.objectives_of = objectives_of
        self._fill_objectives()
        self._fill()

    def _fill_objectives(self) -> None:
        """Each objective whose passages changed, with how many of its pairs did."""
        current = self.objective_filter.currentData()
        counts: dict[int, int] = defaultdict(int)
        for pair in self.comparison.pairs if self.comparison is not None else ():
            if pair.status is not Status.SAME:
                for number in self.objectives_of(pair):
                    counts[number] += 1
        self.objective_filter.blockSignals(True)
        self.objective_filter.clear()
        self.objective_filter.addItem(self.tr("All objectives"), 0)
        for number in sorted(counts):
            label = self.tr("Objective %1 (%2 changed)").replace("%1", str(number))
            self.objective_filter.addItem(label.replace("%2", str(counts[number])), number)
        self.objective_filter.setCurrentIndex(max(0, self.objective_filter.findData(current)))
        self.objective_filter.blockSignals(False)
        self.objective_filter.setVisible(bool(counts))

    def _rows(self) -> list[int]:
        """Row numbers in the view of the pairs listed (redline rows fold a merge into one)."""
        if self.comparison is None:
            return []
        rows, n, seen = [], 0, set()
        for pair in self.comparison.pairs:
            if self.redline and pair.status is Status.MERGED and pair.new is not None:
                if pair.new.anchor in seen:
                    rows.append(n - 1)
                    continue
                seen.add(pair.new.anchor)
            rows.append(n)
            n += 1
        return rows

    def _fill(self) -> None:
        self.list.clear()
        if self.comparison is None:
            return
        wanted = self.filter.currentData() or ""
        objective = self.objective_filter.currentData() or 0
        names = status_names()
        for pair, row in zip(self.comparison.pairs, self._rows(), strict=True):
            if pair.status is Status.SAME or (wanted and pair.status.value != wanted):
                continue
            if objective and objective not in self.objectives_of(pair):
                continue
            block = pair.new or pair.old
            snippet = _snippet(pair) if block is not None else ""
            text = f"{names[pair.status]}  {block_label(pair.old)} → {block_label(pair.new)}  {snippet}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.list.addItem(item)

    def step(self, delta: int) -> None:
        count = self.list.count()
        if not count:
            return
        current = self.list.currentRow()
        target = (0 if delta > 0 else count - 1) if current < 0 else (current + delta) % count
        self.list.setCurrentRow(target)
        self._activated(self.list.item(target))

    def _activated(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.jumpRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _snippet(pair: Pair, size: int = 24) -> str:
    if pair.changes:
        change = pair.changes[0]
        return (f"[-{change.old_text[:size]}-]" if change.old_text else "") + (
            f"{{+{change.new_text[:size]}+}}" if change.new_text else ""
        )
    block = pair.new or pair.old
    assert block is not None
    return block.text[:size] + ("…" if len(block.text) > size else "")


# --- the window -----------------------------------------------------------------------------------
class CompareWindow(QMainWindow):
    """Two drafts compared: chooser, view, changes dock, carry annotations, export redline."""

    def __init__(self, main_window, old_id: str, new_id: str) -> None:
        super().__init__(main_window, Qt.WindowType.Window)
        self.setObjectName("compareWindow")
        self.main_window = main_window
        self.annotator = main_window.annotator
        self.comparison: Comparison | None = None
        self._pair_objectives: PairObjectives | None = None
        self.view = CompareView(self)
        self.setCentralWidget(self.view)
        self.changes = ChangesDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.changes)
        self._build_toolbar()
        self.summary = QLabel(self)
        self.summary.setObjectName("compareSummary")
        self.statusBar().addWidget(self.summary, 1)
        self.changes.jumpRequested.connect(self.view.jump_to)
        self.annotator.changed.connect(self._annotations_changed)
        self.retranslate()
        self.resize(1400, 900)
        self.set_documents(old_id, new_id)

    @property
    def corpus(self) -> Corpus:
        return self.main_window.services.corpus

    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
        bar.setObjectName("compareToolbar")
        self.addToolBar(bar)
        self.old_box, self.new_box = QComboBox(bar), QComboBox(bar)
        self.old_box.setObjectName("compareOld")
        self.new_box.setObjectName("compareNew")
        self.arrow = QLabel(" → ", bar)
        bar.addWidget(self.old_box)
        bar.addWidget(self.arrow)
        bar.addWidget(self.new_box)
        bar.addSeparator()
        self.side_action = QAction(self, checkable=True, checked=True)
        self.redline_action = QAction(self, checkable=True)
        group = QActionGroup(self)
        for action in (self.side_action, self.redline_action):
            group.addAction(action)
            bar.addAction(action)
        self.ignore_width = QCheckBox(bar)
        self.ignore_width.setObjectName("compareIgnoreWidth")
        bar.addWidget(self.ignore_width)
        bar.addSeparator()
        self.previous_action = QAction(self)
        self.previous_action.setShortcut(QKeySequence("Shift+F8"))
        self.next_action = QAction(self)
        self.next_action.setShortcut(QKeySequence("F8"))
        self.carry_action = QAction(self)
        self.carry_action.setObjectName("action_carryAnnotations")
        self.export_action = QAction(self)
        self.export_action.setObjectName("action_exportRedline")
        self.undo_action = self.annotator.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        for action in (
            self.previous_action,
            self.next_action,
            self.carry_action,
            self.export_action,
            self.undo_action,
        ):
            bar.addAction(action)
        self.side_action.triggered.connect(self._refresh_view)
        self.redline_action.triggered.connect(self._refresh_view)
        self.ignore_width.toggled.connect(lambda _: self._recompare())
        self.old_box.activated.connect(lambda _: self._recompare())
        self.new_box.activated.connect(lambda _: self._recompare())
        self.previous_action.triggered.connect(lambda: self.changes.step(-1))
        self.next_action.triggered.connect(lambda: self.changes.step(1))
        self.carry_action.triggered.connect(self.carry_annotations)
        self.export_action.triggered.connect(self.export_redline)

    def _fill_choosers(self) -> None:
        for box in (self.old_box, self.new_box):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for doc in self.corpus:
                box.addItem(f"《{doc.info.short_title}》", doc.id)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def set_documents(self, old_id: str, new_id: str) -> None:
        self._fill_choosers()
        self.old_box.setCurrentIndex(max(0, self.old_box.findData(old_id)))
        self.new_box.setCurrentIndex(max(0, self.new_box.findData(new_id)))
        self._recompare()

    def _recompare(self) -> None:
        old_id, new_id = self.old_box.currentData(), self.new_box.currentData()
        if old_id not in self.corpus or new_id not in self.corpus:
            return
        old, new = self.corpus.get(old_id), self.corpus.get(new_id)
        self.summary.setText(self.tr("Comparing…"))
        self.main_window.worker.submit(
            "compare",
            compare_documents,
            old,
            new,
            self.ignore_width.isChecked(),
            on_result=self._compared,
            on_error=self._failed,
        )

    def _compared(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.setWindowTitle(
            self.tr("Compare: %1 → %2")
            .replace("%1", comparison.old.info.short_title)
            .replace("%2", comparison.new.info.short_title)
        )
        names = status_names()
        counts = [f"{names[Status(s)]} {n}" for s, n in comparison.summary().items() if n]
        self.summary.setText(" · ".join(counts))
        self._refresh_view()
        self._mark_objectives()

    def _failed(self, exc: BaseException) -> None:
        log.error("comparison failed: %s", exc)
        self._clear_objective_marks()  # the marks belonged to the previous comparison
        self.summary.setText(self.tr("The comparison failed: %1").replace("%1", str(exc)))

    def _highlights(self) -> dict[tuple[str, str], list[Range]]:
        found: dict[tuple[str, str], list[Range]] = defaultdict(list)
        if self.comparison is None:
            return found
        both = {self.comparison.old.id: self.comparison.old, self.comparison.new.id: self.comparison.new}
        for doc in both.values():
            for light in self.annotator.highlights_for(doc):
                end = light.end if light.end is not None else 1 << 30
                found[(doc.id, light.anchor)].append((light.start, end, f"background-color:{light.color};"))
        return found

    def _refresh_view(self) -> None:
        redline = self.redline_action.isChecked()
        self.view.show_comparison(self.comparison, redline, self._highlights())
        self.changes.set_comparison(self.comparison, redline, self._objectives_of)

    def _objectives_of(self, pair: Pair) -> list[int]:
        """The objectives a pair's passages belong to or are linked to, in either draft."""
        objective_map = getattr(self.main_window, "objective_map", None)
        if objective_map is None or self.comparison is None:
            return []
        if self._pair_objectives is None or self._pair_objectives.comparison is not self.comparison:
            self._pair_objectives = PairObjectives(self.comparison, objective_map)
        return self._pair_objectives(pair)

    def _mark_objectives(self) -> None:
        """The main window's objective tree marks the objectives whose passages changed."""
        objective_map = getattr(self.main_window, "objective_map", None)
        dock = getattr(self.main_window, "objectives_dock", None)
        if dock is not None and objective_map is not None and self.comparison is not None:
            dock.mark_changed(changed_objectives(self.comparison, objective_map))

    def _clear_objective_marks(self) -> None:
        dock = getattr(self.main_window, "objectives_dock", None)
        if dock is not None:
            dock.mark_changed({})

    def _annotations_changed(self, _changes, docs: set[str]) -> None:
        if self.comparison is not None and docs & {self.comparison.old.id, self.comparison.new.id}:
            self._refresh_view()

    # --- carrying annotations -----------------------------------------------------------------
    def carry_plan(self) -> CarryPlan | None:
        if self.comparison is None:
            return None
        return plan_carry(self.comparison, self.annotator.store.state)

    def carry_annotations(self, confirm: bool = True) -> list:
        """Copy the old draft's annotations onto the new one (one undoable step)."""
        plan = self.carry_plan()
        if plan is None:
            return []
        adding = plan.to_add()
        counts = plan.counts()
        if not adding:
            if confirm:
                QMessageBox.information(
                    self,
                    self.tr("Carry annotations"),
                    self.tr(
                        "Nothing to carry: every annotation of the old draft is "
                        "already on the new one, or it has none."
                    ),
                )
            return []
        question = (
            self.tr(
                "Copy %1 annotations and bookmarks onto the new draft?\n\n"
                "Unchanged: %2\nWords edited (tagged to re-read): %3\n"
                "Could not be placed (listed in the annotations panel): %4"
            )
            .replace("%1", str(len(adding)))
            .replace("%2", str(counts["unchanged"]))
            .replace("%3", str(counts["changed"]))
            .replace("%4", str(counts["orphaned"]))
        )
        if (
            confirm
            and QMessageBox.question(self, self.tr("Carry annotations"), question)
            != QMessageBox.StandardButton.Yes
        ):
            return []
        changes = apply_carry(plan, self.annotator.store)
        self.annotator.record(
            self.tr("Carry annotations to %1").replace(
                "%1", self.comparison.new.info.short_title if self.comparison else ""
            ),
            changes,
        )
        return changes

    # --- redline export -----------------------------------------------------------------------
    def export_redline(self, path: str | None = None) -> bool:
        if self.comparison is None:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export redline"),
                f"{self.comparison.old.id}-{self.comparison.new.id}.docx",
                self.tr("Word document (*.docx);;Web page (*.html)"),
            )
            if not path:
                return False
        target = Path(path)
        try:
            data = (
                to_html(self.comparison).encode("utf-8")
                if target.suffix.lower() in (".html", ".htm")
                else to_docx(self.comparison)
            )
            atomic_write_bytes(target, data, shared=True)
        except (WriteError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export redline"), str(exc))
            return False
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(target)), 5000)
        return True

    # --- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare drafts"))
        self.old_box.setToolTip(self.tr("Older draft"))
        self.new_box.setToolTip(self.tr("Newer draft"))
        self.side_action.setText(self.tr("Side by side"))
        self.redline_action.setText(self.tr("Redline"))
        self.ignore_width.setText(self.tr("Ignore width (，/,)"))
        self.previous_action.setText(self.tr("Previous change"))
        self.next_action.setText(self.tr("Next change"))
        self.carry_action.setText(self.tr("Carry annotations…"))
        self.carry_action.setToolTip(
            self.tr("Copy the old draft's highlights, notes and bookmarks onto the new draft")
        )
        self.export_action.setText(self.tr("Export redline…"))
        if self.comparison is not None:
            self._compared(self.comparison)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def is_settled(self) -> bool:
        return self.comparison is not None and not self.main_window.worker.is_busy()

    def closeEvent(self, event: QCloseEvent) -> None:
        if getattr(self.main_window, "compare_window", None) is self:
            self.main_window.compare_window = None
        self._clear_objective_marks()
        super().closeEvent(event)


# --- choosing what to compare, and the hooks into the main window ------------------------------
class CompareDialog(QDialog):
    def __init__(self, corpus: Corpus, old_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Compare drafts"))
        form = QFormLayout(self)
        self.old_box, self.new_box = QComboBox(self), QComboBox(self)
        for box in (self.old_box, self.new_box):
            for doc in corpus:
                box.addItem(f"《{doc.info.short_title}》 {doc.info.title}", doc.id)
        form.addRow(self.tr("Older draft:"), self.old_box)
        form.addRow(self.tr("Newer draft:"), self.new_box)
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if old_id:
            self.old_box.setCurrentIndex(max(0, self.old_box.findData(old_id)))
            newer = newest_version(corpus, old_id)
            if newer:
                self.new_box.setCurrentIndex(max(0, self.new_box.findData(newer)))

    def choice(self) -> tuple[str, str]:
        return self.old_box.currentData(), self.new_box.currentData()


def open_compare(window, old_id: str, new_id: str) -> CompareWindow | None:
    """Show the compare window for two documents of the library (reusing an open one)."""
    corpus = window.services.corpus
    missing = [d for d in (old_id, new_id) if d not in corpus]
    if missing:
        window.show_problems(
            [
                QCoreApplication.translate("MainWindow", "Unknown document: %1").replace("%1", d)
                for d in missing
            ]
        )
        return None
    view = getattr(window, "compare_window", None)
    if view is None:
        view = CompareWindow(window, old_id, new_id)
        view.resize(window.size())
        window.compare_window = view
    else:
        view.set_documents(old_id, new_id)
    view.show()
    view.raise_()
    return view


class CompareHooks(QObject):
    """Compare… in the File menu, and the offer to compare an older draft with the newest."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        window.compare_window = None
        self.action = QAction(window)
        self.action.setObjectName("action_compare")
        self.action.setShortcut(QKeySequence("Ctrl+Alt+C"))
        self.action.triggered.connect(self.ask)
        menu = window.menus["file"]
        separators = [a for a in menu.actions() if a.isSeparator()]
        menu.insertAction(separators[0] if separators else None, self.action)
        self.newest_button = QToolButton(window)
        self.newest_button.setObjectName("compareWithNewest")
        self.newest_button.setAutoRaise(True)
        self.newest_button.hide()
        self.newest_button.clicked.connect(self._compare_with_newest)
        window.statusBar().addPermanentWidget(self.newest_button)
        self._older = ""
        window.installEventFilter(self)
        window.panes.currentChanged.connect(lambda _pane: self.update_offer())
        window.panes.paneAdded.connect(self._watch)
        window.state.corpusChanged.connect(self.update_offer)
        for pane in window.panes.panes:
            self._watch(pane)
        window.library_dock.compareRequested.connect(lambda old, new: open_compare(window, old, new))
        window.library_dock.revisionRequested.connect(self.mark_revision)
        self.retranslate()

    def mark_revision(self, doc_id: str, revision_of: str) -> None:
        """Write the link in the background, then reload the library (its families change)."""
        flow = self.window.library_flow
        self.window.worker.submit(
            "library",
            mark_and_reload,
            doc_id,
            revision_of,
            flow.paths,
            on_result=flow.reloaded.emit,
            on_error=self._revision_failed,
        )

    def _revision_failed(self, exc: BaseException) -> None:
        self.window.show_messages(self.tr("The revision link was not changed:"), [self.revision_problem(exc)])

    def revision_problem(self, exc: BaseException) -> str:
        """The core's refusal (a Notice, code revision-…) in the interface language."""
        notice = exc.args[0] if exc.args else ""
        values = getattr(notice, "values", {})
        texts = {
            "revision-bundled": self.tr(
                "《%1》 is a bundled document: only imported documents can be marked as revisions"
            ),
            "revision-not-imported": self.tr("%1 is not an imported document of the library"),
            "revision-itself": self.tr("《%1》 cannot be a revision of itself"),
            "revision-unknown": self.tr("%2 is not in the library"),
            "revision-loop": self.tr(
                "《%1》 cannot be a revision of 《%2》: 《%2》 is already a revision of 《%1》"
            ),
            "revision-write-failed": self.tr("Cannot save %3 (%4); nothing changed"),
        }
        text = texts.get(getattr(notice, "code", ""))
        if text is None:
            return str(exc)
        for number, key in enumerate(("doc", "target", "file", "reason"), start=1):
            text = text.replace(f"%{number}", self._title(str(values.get(key, ""))))
        return text

    def _title(self, doc_id: str) -> str:
        corpus = self.window.services.corpus
        return corpus.get(doc_id).info.short_title if doc_id in corpus else doc_id

    def _watch(self, pane) -> None:
        pane.documentChanged.connect(lambda _doc: self.update_offer())

    def ask(self) -> CompareWindow | None:
        pane = self.window.panes.current or next(iter(self.window.panes.panes), None)
        current = pane.document.id if pane is not None and pane.document is not None else ""
        dialog = CompareDialog(self.window.services.corpus, current, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return open_compare(self.window, *dialog.choice())

    def update_offer(self) -> None:
        """Show "compare with the newest draft" while the current pane shows an older draft."""
        pane = self.window.panes.current or next(iter(self.window.panes.panes), None)
        doc = pane.document if pane is not None else None
        corpus = self.window.services.corpus
        newest = newest_version(corpus, doc.id) if doc is not None else None
        self._older = doc.id if newest else ""
        self.newest_button.setVisible(bool(newest))
        if newest:
            self.newest_button.setText(
                self.tr("A newer draft exists: compare with 《%1》").replace(
                    "%1", corpus.get(newest).info.short_title
                )
            )

    def _compare_with_newest(self) -> None:
        newest = newest_version(self.window.services.corpus, self._older) if self._older else None
        if newest:
            open_compare(self.window, self._older, newest)

    def previous_of(self, doc_id: str) -> str | None:
        return previous_version(self.window.services.corpus, doc_id)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Compare drafts…"))
        self.action.setStatusTip(self.tr("Compare two drafts and carry your annotations to the newer one"))
        self.update_offer()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def mark_and_reload(doc_id: str, revision_of: str, paths) -> Reloaded:
    """Worker side of "Mark as a revision of…" / "Not a revision"."""
    from ..core.importers.library import set_revision_of  # the importers load only when needed

    set_revision_of(doc_id, revision_of, paths)
    return reload_corpus(paths)


def install_compare(window) -> CompareHooks:
    """Hook the compare window into the main window (menu entry, newer-draft offer)."""
    return CompareHooks(window)


def screenshot_widget(window) -> QWidget:
    """What `reader gui --screenshot` photographs: the compare window when one is open."""
    return getattr(window, "compare_window", None) or window
