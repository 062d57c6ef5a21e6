"""Document and user text shown in tooltips is displayed literally, never as HTML."""

from __future__ import annotations

from PySide6.QtGui import QTextDocumentFragment

from reader.ui.escaping import plain_tip

SAMPLES = ["<b>红线</b> & <img src='file:///etc/passwd'>", "第一行\n第二行 <i>", "a < b > c", "普通文字"]


def test_plain_tip_renders_exactly_the_given_text():
    for text in SAMPLES:
        assert QTextDocumentFragment.fromHtml(plain_tip(text)).toPlainText() == text
    assert plain_tip("") == ""
