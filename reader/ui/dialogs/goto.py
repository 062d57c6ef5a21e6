"""Go to paragraph (Ctrl+G): "17(a)", "42", "第17段(a)", "目标13" → a block anchor."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...core.model import Document
from ...core.parser import CJK_NUMERALS, cjk_to_int

_OBJECTIVE_RE = re.compile(r"^(?:目标|objective|obj)\s*(\d{1,2})$", re.IGNORECASE)
_NOTE_RE = re.compile(r"^(?:脚注|注|note|fn)\s*(\w+)$", re.IGNORECASE)
_PARA_RE = re.compile(rf"^(\d{{1,3}})((?:\s*[.(]?\s*(?:[a-z]|[{CJK_NUMERALS}]+)\s*\)?)*)$")
_PART_RE = re.compile(rf"[a-z]|[{CJK_NUMERALS}]+")


def anchor_candidates(text: str) -> list[str]:
    """Anchors the user may mean, most likely first (without any part prefix)."""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = re.sub(r"^第\s*", "", text).replace("段", "").replace(" ", "")
    if not text:
        return []
    if m := _OBJECTIVE_RE.match(text):
        return [f"obj{int(m.group(1))}"]
    if m := _NOTE_RE.match(text):
        return [f"fn{m.group(1)}"]
    if m := _PARA_RE.match(text):
        parts = [m.group(1)]
        for part in _PART_RE.findall(m.group(2)):
            parts.append(str(cjk_to_int(part)) if part[0] in CJK_NUMERALS else part)
        return [".".join(parts)]
    return [text]


def resolve_paragraph(doc: Document, text: str, near_anchor: str = "") -> str | None:
    """The anchor in `doc` the user means, trying the part of `near_anchor` first."""
    parts = []
    if "/" in near_anchor:
        parts.append(near_anchor.split("/", 1)[0])
    parts += sorted({b.part for b in doc.blocks if b.part and b.part not in parts})
    for candidate in anchor_candidates(text):
        if doc.has(candidate):
            return candidate
        for part in parts:
            if doc.has(f"{part}/{candidate}"):
                return f"{part}/{candidate}"
    return None


class GoToDialog(QDialog):
    """Asks for a paragraph; checks it against the document before accepting."""

    def __init__(self, doc: Document, near_anchor: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goToDialog")
        self.doc, self.near, self.anchor = doc, near_anchor, ""
        self.setWindowTitle(self.tr("Go to paragraph"))
        layout = QVBoxLayout(self)
        prompt = QLabel(
            self.tr("Paragraph in 《%1》, e.g. 17(a), 42 or 目标13:").replace("%1", doc.info.short_title),
            self,
        )
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(self.tr("Paragraph"))
        prompt.setBuddy(self.edit)
        self.error = QLabel(self)
        self.error.setObjectName("goToError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (prompt, self.edit, self.error, buttons):
            layout.addWidget(widget)

    def accept(self) -> None:
        anchor = resolve_paragraph(self.doc, self.edit.text(), self.near)
        if anchor is None:
            self.error.setText(self.tr("No paragraph “%1” in this document.").replace("%1", self.edit.text()))
            return
        self.anchor = anchor
        super().accept()
