"""Name what each highlight colour means ("agreed language", "red line", …)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.annotations import DEFAULT_MEANINGS, Palette
from ..colors import ColorTexts, color_name, display_palette, swatch_icon


class ColorNamesDialog(QDialog):
    """One line per colour; `changes()` says which meanings the user changed."""

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("colorNamesDialog")
        self.setWindowTitle(self.tr("Colour meanings"))
        self.setMinimumWidth(420)
        self._palette, self._shown = palette, display_palette(palette)
        texts = ColorTexts().meanings()
        self._defaults = {c: texts.get(name, name) for c, name in DEFAULT_MEANINGS.items()}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "What does each highlight colour mean to you? Leave a line empty for the built-in meaning."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for meaning in self._shown:
            edit = QLineEdit(meaning.name, self)
            edit.setObjectName(f"meaning_{meaning.color}")
            edit.setPlaceholderText(self._defaults[meaning.color])
            edit.setAccessibleName(self.tr("Meaning of %1").replace("%1", color_name(meaning.color)))
            edit.addAction(swatch_icon(meaning.color), QLineEdit.ActionPosition.LeadingPosition)
            label = QLabel(color_name(meaning.color) + ":", self)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[meaning.color] = edit
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        layout.addWidget(self.buttons)

    def restore_defaults(self) -> None:
        for color, edit in self.edits.items():
            edit.setText(self._defaults[color])

    def changes(self) -> dict[str, str | None]:
        """colour → new meaning, or None for the built-in one; only colours that changed."""
        result: dict[str, str | None] = {}
        for stored, shown in zip(self._palette, self._shown, strict=True):
            text = " ".join(self.edits[shown.color].text().split())
            if text == shown.name:
                continue
            builtin = not text or text == self._defaults[shown.color]
            if builtin and stored.is_default:
                continue  # already the built-in meaning (shown translated)
            result[shown.color] = None if builtin else text
        return result
