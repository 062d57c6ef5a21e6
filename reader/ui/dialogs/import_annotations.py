"""Import a colleague's annotations (W3C Web Annotation JSON-LD): what it would change, then confirm.

`reader.core.annotations.plan_import` (in the background) says what would be added,
updated, left unchanged, placed on a changed passage or not placed at all; nothing
changes until the user presses Import, and the import is one undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.annotations import AnnotationImportError, ImportPlan, plan_import
from ...core.annotations.importer import read_import_file
from ..annotating import Annotator
from ..file_dialogs import documents_folder
from ..workers import Worker

PLAN_KEY = "import-plan"
QUOTE_PREVIEW = 40


class ImportDialog(QDialog):
    planned = Signal(object)  # ImportPlan, or None when the file cannot be imported
    imported = Signal(object)  # the changes made

    def __init__(self, annotator: Annotator, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importAnnotationsDialog")
        self.annotator, self.worker = annotator, worker
        self.plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("Import annotations"))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.file = QLabel(self.tr("No file chosen."), self)
        self.file.setObjectName("importFile")
        self.file.setWordWrap(True)
        self.file.setTextFormat(Qt.TextFormat.PlainText)
        self.choose = QPushButton(self.tr("&Choose file…"), self)
        self.choose.setObjectName("chooseImportFile")
        row.addWidget(self.file, 1)
        row.addWidget(self.choose)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("importDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("What the import would change"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.choose.clicked.connect(self.choose_file)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)

    def ask_open_path(self) -> str | None:
        """Which file to import (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import annotations"),
            str(documents_folder()),
            self.tr("W3C Web Annotations or an annotations file (*.jsonld *.json);;All files (*)"),
        )
        return path or None

    def choose_file(self) -> None:
        path = self.ask_open_path()
        if path:
            self.load(path)
        elif self.plan is None:
            self.reject()

    def load(self, path: str) -> None:
        """Read and plan in the background; `planned` tells when the report is shown."""
        self.plan = None
        self.import_button.setEnabled(False)
        self.file.setText(path)
        self.summary.setText(self.tr("Reading…"))
        self.details.clear()
        store, corpus = self.annotator.store, self.annotator.corpus

        def job() -> ImportPlan:
            return plan_import(read_import_file(path), store.state, corpus)

        self.worker.submit(PLAN_KEY, job, on_result=self._show_plan, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        reason = (
            str(exc) if isinstance(exc, AnnotationImportError) else getattr(exc, "strerror", None) or str(exc)
        )
        self.summary.setText(self.tr("This file cannot be imported: %1").replace("%1", reason))
        self.planned.emit(None)

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        report = plan.report
        counts = [
            self.tr("%n new", "", len(report.added)),
            self.tr("%n updated", "", len(report.updated)),
            self.tr("%n already here", "", len(report.unchanged)),
        ]
        if report.fuzzy:
            counts.append(self.tr("%n placed on a passage that has changed", "", len(report.fuzzy)))
        if report.orphaned:
            counts.append(self.tr("%n not found in the current text", "", len(report.orphaned)))
        if report.skipped:
            counts.append(self.tr("%n skipped", "", len(report.skipped)))
        if report.bookmarks:
            counts.append(self.tr("%n bookmark(s)", "", len(report.bookmarks)))
        if report.colors:
            counts.append(self.tr("%n colour meaning(s)", "", len(report.colors)))
        summary = self.tr("In this file: %1.").replace("%1", self.tr(", ").join(counts))
        if report.creators:
            unknown = self.tr("Unknown author")
            names = self.tr(", ").join(f"{name or unknown} ({count})" for name, count in report.creators)
            summary += "\n" + self.tr("By: %1").replace("%1", names)
        if not report.changed:
            summary += "\n" + self.tr("Nothing to import: you already have everything in it.")
        self.summary.setText(summary)
        self.details.setPlainText("\n".join(self._details(plan)))
        self.import_button.setEnabled(report.changed)
        self.planned.emit(plan)

    def _details(self, plan: ImportPlan) -> list[str]:
        report, quotes = plan.report, {a.id: a.exact for a in plan.annotations}

        def quote(annotation_id: str) -> str:
            text = " ".join(quotes.get(annotation_id, annotation_id).split())
            return "“" + (text if len(text) <= QUOTE_PREVIEW else text[:QUOTE_PREVIEW] + "…") + "”"

        lines = []
        for title, ids in (
            (self.tr("New:"), report.added),
            (self.tr("Updated:"), report.updated),
            (
                self.tr(
                    "Not found in the current text (listed under “Could not be placed” for you to review):"
                ),
                report.orphaned,
            ),
        ):
            if ids:
                lines += [title, *(f"  • {quote(i)}" for i in ids), ""]
        if report.skipped:
            lines += [self.tr("Skipped:"), *(f"  • {what}: {why}" for what, why in report.skipped)]
        return lines

    def accept(self) -> None:
        if self.plan is None or not self.plan.report.changed:
            return
        changes = self.annotator.apply_import(self.plan)
        self.imported.emit(changes)
        super().accept()

    def done(self, result: int) -> None:
        self.worker.cancel(PLAN_KEY)
        super().done(result)
