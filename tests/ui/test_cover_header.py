"""The window shows a document's cover metadata as one small grey header, not as headings,
and a cover line that repeats the document title only once."""

from __future__ import annotations

from PySide6.QtGui import QFont, QStandardItemModel, QTextCursor

from reader.ui.outline import build_outline
from reader.ui.rendering import render_document
from reader.ui.state import AppState


def _format_at(rendered, anchor: str):
    cursor = QTextCursor(rendered.qdoc)
    cursor.setPosition(rendered.span(anchor).text_start + 1)
    return cursor.blockFormat(), cursor.charFormat()


def test_imrf_title_shown_once_and_metadata_not_as_headings(qapp, corpus):
    doc = corpus.get("imrf")
    rendered = render_document(doc, AppState().reading_font())
    plain = rendered.qdoc.toPlainText()
    assert plain.count(doc.info.title) == 1
    block_fmt, _ = _format_at(rendered, "h2")  # the cover's title line takes the title's place
    assert block_fmt.headingLevel() == 1
    metadata = [b for b in doc.blocks if b.role == "metadata"]
    assert len(metadata) == 3
    for block in metadata:
        block_fmt, char_fmt = _format_at(rendered, block.anchor)
        assert block_fmt.headingLevel() == 0
        assert char_fmt.fontWeight() < QFont.Weight.DemiBold.value
        start, end = rendered.range_of(block.anchor, 0, len(block.text))
        cursor = QTextCursor(rendered.qdoc)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == block.text
    # the last two cover lines share one header paragraph
    cursor = QTextCursor(rendered.qdoc)
    cursor.setPosition(rendered.span(metadata[1].anchor).start)
    header = cursor.block()
    cursor.setPosition(rendered.span(metadata[2].anchor).start)
    assert cursor.block() == header


def test_outline_lists_no_metadata_line(qapp, corpus):
    for doc_id in ("imrf", "sgr", "nyd"):
        doc = corpus.get(doc_id)
        items = build_outline(doc, QStandardItemModel())
        assert not [b.anchor for b in doc.blocks if b.role and b.anchor in items]
        assert any(b.kind.value == "heading" and b.anchor in items for b in doc.blocks)


def test_a_title_spread_over_two_cover_lines_is_not_repeated_above_them(qapp, corpus):
    doc = corpus.get("sgr")  # "安全、有序和正常移民全球契约：秘书长的报告" = cover lines h4 + h5
    rendered = render_document(doc, AppState().reading_font())
    assert doc.info.title not in rendered.qdoc.toPlainText()
    assert [_format_at(rendered, a)[0].headingLevel() for a in ("h4", "h5", "h6")] == [1, 1, 3]
