"""The bookmark dialog: a name and a folder for a bookmark on one paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class BookmarkRequest:
    citation: str
    name: str
    folder: str = ""
    new: bool = True


@dataclass(frozen=True)
class BookmarkResult:
    name: str
    folder: str


class BookmarkDialog(QDialog):
    def __init__(self, request: BookmarkRequest, folders: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarkDialog")
        self.setWindowTitle(self.tr("Add bookmark") if request.new else self.tr("Edit bookmark"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        self.citation = QLabel(request.citation, self)
        self.citation.setObjectName("bookmarkCitation")
        self.citation.setWordWrap(True)
        self.citation.setTextFormat(Qt.TextFormat.PlainText)
        self.name = QLineEdit(request.name, self)
        self.name.setObjectName("bookmarkName")
        self.name.setAccessibleName(self.tr("Bookmark name"))
        self.folder = QComboBox(self)
        self.folder.setObjectName("bookmarkFolder")
        self.folder.setEditable(True)
        self.folder.addItems(["", *folders])
        self.folder.setCurrentText(request.folder)
        self.folder.setAccessibleName(self.tr("Folder"))
        self.folder.lineEdit().setPlaceholderText(self.tr("None (top level); “a/b” for a subfolder"))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Folder:"), self.folder)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._check)
        layout.addWidget(self.citation)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.selectAll()
        self.name.setFocus()
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def result_value(self) -> BookmarkResult:
        return BookmarkResult(self.name.text().strip(), self.folder.currentText().strip())
