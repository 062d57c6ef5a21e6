"""View → Reading width…: maximum line length, page margins and line spacing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from ..reading_width import LINE_CHOICES, ReadingWidth


class ReadingWidthDialog(QDialog):
    """Every change is announced at once (`changed`) so the panes show it live."""

    changed = Signal(object)  # ReadingWidth

    def __init__(self, reading: ReadingWidth, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingWidthDialog")
        self.setWindowTitle(self.tr("Reading width"))
        self.line_length = QComboBox(self)
        self.line_length.setObjectName("maxLineChars")
        for chars in LINE_CHOICES:
            label = self.tr("Unlimited") if chars == 0 else self.tr("%1 characters").replace("%1", str(chars))
            self.line_length.addItem(label, chars)
        if reading.max_chars not in LINE_CHOICES:
            self.line_length.addItem(
                self.tr("%1 characters").replace("%1", str(reading.max_chars)), reading.max_chars
            )
        self.line_length.setCurrentIndex(self.line_length.findData(reading.max_chars))
        self.margin = self._spin("pageMargin", 0, 300, 10, reading.margin, self.tr(" px"))
        self.spacing = self._spin("lineSpacing", 100, 300, 5, reading.line_spacing, " %")
        form = QFormLayout(self)
        form.addRow(self.tr("Maximum line length:"), self.line_length)
        form.addRow(self.tr("Page margins:"), self.margin)
        form.addRow(self.tr("Line spacing:"), self.spacing)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.line_length.currentIndexChanged.connect(self._emit)
        self.margin.valueChanged.connect(self._emit)
        self.spacing.valueChanged.connect(self._emit)

    def _spin(self, name: str, low: int, high: int, step: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    def value(self) -> ReadingWidth:
        return ReadingWidth(int(self.line_length.currentData()), self.margin.value(), self.spacing.value())

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.value())
