"""The note dialog: colour, note and tags of a highlight (new or existing)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.annotations import COLORS, Palette
from ..colors import color_label, swatch_icon

QUOTE_PREVIEW = 280
_TAG_SEPARATORS = re.compile(r"[,，、;；]")


def split_tags(text: str) -> tuple[str, ...]:
    """ "数据, 核实，返回" → ("数据", "核实", "返回") (the store drops repeats)."""
    return tuple(t.strip() for t in _TAG_SEPARATORS.split(text) if t.strip())


def join_tags(tags: tuple[str, ...] | list[str]) -> str:
    return ", ".join(tags)


@dataclass(frozen=True)
class NoteRequest:
    """What the dialog starts from."""

    quote: str
    citation: str
    color: str
    note: str = ""
    tags: tuple[str, ...] = ()
    new: bool = True


@dataclass(frozen=True)
class NoteResult:
    color: str
    note: str
    tags: tuple[str, ...]


class TagCompleter(QCompleter):
    """Completes the tag being typed after the last comma."""

    def splitPath(self, path: str) -> list[str]:
        return [_TAG_SEPARATORS.split(path)[-1].strip()]

    def pathFromIndex(self, index) -> str:
        widget = self.widget()
        done = list(split_tags(widget.text()))[:-1] if isinstance(widget, QLineEdit) else []
        return join_tags([*done, str(index.data())])


class NoteDialog(QDialog):
    def __init__(
        self, request: NoteRequest, palette: Palette, known_tags: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(self.tr("New note") if request.new else self.tr("Edit note"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        quote = request.quote if len(request.quote) <= QUOTE_PREVIEW else request.quote[:QUOTE_PREVIEW] + "…"
        self.quote = QLabel(f"“{quote}”", self)
        self.quote.setObjectName("noteQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.citation = QLabel(request.citation, self)
        self.citation.setObjectName("noteCitation")
        self.citation.setWordWrap(True)
        self.citation.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        self.color = QComboBox(self)
        self.color.setObjectName("noteColor")
        for color in COLORS:
            self.color.addItem(swatch_icon(color), color_label(palette, color), color)
        self.color.setCurrentIndex(max(0, self.color.findData(request.color)))
        self.color.setAccessibleName(self.tr("Colour"))
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("noteText")
        self.note.setPlainText(request.note)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Your note on this passage"))
        self.tags = QLineEdit(join_tags(request.tags), self)
        self.tags.setObjectName("noteTags")
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("Separated by commas, e.g. 数据, 核实"))
        completer = TagCompleter(QStringListModel(known_tags, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        form.addRow(self.tr("&Colour:"), self.color)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.tr("&Tags:"), self.tags)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.quote, self.citation):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.note.setFocus()

    def result_value(self) -> NoteResult:
        return NoteResult(
            str(self.color.currentData()), self.note.toPlainText().strip(), split_tags(self.tags.text())
        )
