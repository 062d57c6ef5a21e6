"""Export highlighted excerpts: format, filters, grouping, a live preview, and Save.

Everything about the file comes from `reader.core.export` (`prepare_export`, `render_text`
for the preview, `render` for the file); this dialog only collects the choices. The
preview and the file are made in the background worker; the file is written atomically.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.atomic import atomic_write_bytes
from ...core.corpus import Corpus
from ...core.export import (
    SUFFIXES,
    TEXT_FORMATS,
    ExportFilter,
    ExportLabels,
    prepare_export,
    render,
    render_text,
)
from ...core.i18n import language_of
from ...core.model import Objective
from ..annotating import Annotator
from ..annotations_panel import AnnotationFilters, annotation_creators
from ..file_dialogs import documents_folder
from ..workers import Worker

PREVIEW_LIMIT = 60_000  # characters shown; the file has everything
PREVIEW_KEY, SAVE_KEY = "export-preview", "export-save"


def export_labels() -> ExportLabels:
    """The words written into an exported file, in the interface language, from the same
    Qt-free table the command line uses (reader.core.i18n)."""
    return ExportLabels.for_language(language_of(QLocale().name()))


class ExportDialog(QDialog):
    previewShown = Signal(str)
    saved = Signal(str)  # the path written
    failed = Signal(str)

    def __init__(
        self,
        annotator: Annotator,
        corpus: Corpus,
        objectives: list[Objective],
        worker: Worker,
        selection: ExportFilter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.annotator, self.corpus, self.objectives, self.worker = annotator, corpus, objectives, worker
        self.setWindowTitle(self.tr("Export annotations"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        for fmt, text in (
            ("md", self.tr("Markdown (.md)")),
            ("html", self.tr("Web page, ready to print (.html)")),
            ("docx", self.tr("Word document (.docx)")),
            ("csv", self.tr("Spreadsheet, UTF-8 (.csv)")),
            ("jsonld", self.tr("W3C Web Annotation JSON-LD (.jsonld)")),
        ):
            self.format.addItem(text, fmt)
        self.format.setAccessibleName(self.tr("Format"))
        self.group_by = QComboBox(self)
        self.group_by.setObjectName("exportGroupBy")
        self.group_by.addItem(self.tr("By document, in reading order"), "document")
        self.group_by.addItem(self.tr("By objective, each excerpt once"), "objective")
        self.group_by.addItem(self.tr("By section of each document"), "heading")
        self.group_by.setAccessibleName(self.tr("Order"))
        self.sort = QComboBox(self)
        self.sort.setObjectName("exportSort")
        self.sort.addItem(self.tr("Reading order"), "document")
        self.sort.addItem(self.tr("Date made"), "date")
        self.sort.setAccessibleName(self.tr("Sort"))
        self.filters = AnnotationFilters(self)
        self.filters.set_sources(
            corpus,
            objectives,
            annotator.palette,
            annotator.store.tags(),
            annotation_creators(annotator.store),
        )
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("&Order:"), self.group_by)
        form.addRow(self.tr("So&rt:"), self.sort)
        form.addRow(self.tr("Fi&lters:"), self.filters)
        self.count = QLabel(self)
        self.count.setObjectName("exportCount")
        self.preview_note = QLabel(self)
        self.preview_note.setWordWrap(True)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("exportPreview")
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of the export"))
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.preview.setFont(QFont("monospace"))
        self.preview.document().setDefaultFont(self.preview.font())
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save…"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addLayout(form)
        for widget in (self.count, self.preview_note):
            layout.addWidget(widget)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.group_by.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.sort.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.filters.changed.connect(self.update_preview)
        if selection is not None:
            self.filters.set_selection(selection)  # emits changed: the preview follows
        else:
            self.update_preview()

    # --- choices ------------------------------------------------------------------------------
    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def set_format(self, fmt: str) -> None:
        self.format.setCurrentIndex(self.format.findData(fmt))

    def _inputs(self) -> tuple:
        store = self.annotator.store
        # The palette as stored: the labels' language names the built-in meanings.
        return (
            store.annotations,
            self.corpus,
            list(self.objectives),
            store.palette,
            self.filters.selection(),
            str(self.group_by.currentData()),
            export_labels(),
            str(self.sort.currentData()),
            store.creator,
            store.bookmarks,
        )

    @staticmethod
    def _prepare(
        annotations, corpus, objectives, palette, selection, group_by, labels, sort, creator, bookmarks
    ):
        return prepare_export(
            annotations,
            corpus,
            objectives,
            palette,
            selection=selection,
            group_by=group_by,
            labels=labels,
            sort=sort,
            creator=creator,
            bookmarks=bookmarks,
        )

    # --- preview ------------------------------------------------------------------------------
    def update_preview(self) -> None:
        fmt, inputs = self.chosen_format(), self._inputs()
        shown = fmt if fmt in TEXT_FORMATS else "md"
        self.preview_note.setText(
            ""
            if fmt in TEXT_FORMATS
            else self.tr("A Word document cannot be shown here; this is its text, as Markdown.")
        )
        self.preview_note.setVisible(fmt not in TEXT_FORMATS)
        self.count.setText(self.tr("Preparing the preview…"))

        def job() -> tuple[int, str]:
            data = self._prepare(*inputs)
            return len(data.excerpts), render_text(shown, data)

        self.worker.submit(
            PREVIEW_KEY, job, on_result=self._show_preview, on_error=lambda exc: self._show_error(str(exc))
        )

    def _show_preview(self, result: tuple[int, str]) -> None:
        count, text = result
        self.count.setText(self.tr("%n excerpt(s) will be exported", "", count))
        if len(text) > PREVIEW_LIMIT:
            more = self.tr("(The preview stops here; the file has everything.)")
            text = f"{text[:PREVIEW_LIMIT]}\n…\n{more}"
        self.preview.setPlainText(text)
        self.save_button.setEnabled(count > 0)
        self.previewShown.emit(text)

    def _show_error(self, message: str) -> None:
        self.status.setText(message)
        self.failed.emit(message)

    # --- saving -------------------------------------------------------------------------------
    def suggested_path(self, fmt: str) -> str:
        return str(documents_folder() / (self.tr("annotations") + SUFFIXES[fmt]))

    def ask_save_path(self, suggested: str, fmt: str) -> str | None:
        """Where to save (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export annotations"), suggested, f"{self.format.currentText()} (*{SUFFIXES[fmt]})"
        )
        return path or None

    def save(self) -> None:
        fmt = self.chosen_format()
        chosen = self.ask_save_path(self.suggested_path(fmt), fmt)
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(SUFFIXES[fmt])
        inputs = self._inputs()

        def job() -> tuple[str, int]:
            data = self._prepare(*inputs)
            atomic_write_bytes(path, render(fmt, data), shared=True)
            return str(path), len(data.excerpts)

        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.worker.submit(SAVE_KEY, job, on_result=self._saved, on_error=self._save_failed)

    def _saved(self, result: tuple[str, int]) -> None:
        path, count = result
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("Saved %n excerpt(s) to %1", "", count).replace("%1", path))
        self.saved.emit(path)

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._show_error(self.tr("The export could not be saved: %1").replace("%1", str(exc)))

    def done(self, result: int) -> None:
        self.worker.cancel(PREVIEW_KEY)  # a late preview would arrive at a closed dialog
        super().done(result)
