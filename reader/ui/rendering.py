"""Turn a core `Document` into a `QTextDocument`, keeping a map from anchors to positions.

Built with QTextCursor and formats only (no HTML). Footnote marks become superscript
links with the footnote text as tooltip; symbol references that name a corpus
document become `reader://DOC` links; footnotes are listed at the end. Every block's
place is recorded in a `BlockSpan`, so a pane can scroll to an anchor, highlight a
range given as offsets into `Block.text`, and tell which block a position is in.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextOption,
    QTextTableFormat,
)

from ..core.cleanup import full_width_punctuation
from ..core.coverlines import DUPLICATE_ROLE, METADATA_ROLE
from ..core.model import Block, BlockKind, Document
from .escaping import plain_tip

NOTE_SCHEME = "note"
LINK_SCHEME = "reader"
PARA_INDENT = 44  # px: room for a paragraph number hanging in the margin
ITEM_INDENT = 36  # px per item level
LINE_HEIGHT = 165  # percent
LINE_SEPARATOR = "\u2028"  # a line break inside one QTextBlock (the cover header)
HEADING_SIZES = {0: 1, 1: 1, 2: 1}  # QTextCharFormat font size adjustment by level
NO_SPACE_AFTER = set("：:、")


@dataclass(frozen=True)
class DocumentStyle:
    """Colours a rendered document uses; one per theme."""

    muted: str = "#5d6b7c"
    link: str = "#1a5fb4"
    rule: str = "#c8ced6"
    table_header: str = "#eef1f5"

    @classmethod
    def for_theme(cls, theme: str) -> DocumentStyle:
        if theme == "dark":
            return cls(muted="#9aa7b6", link="#8cb8f0", rule="#46505c", table_header="#2b323b")
        return cls()


@dataclass(frozen=True)
class NoteMark:
    position: int
    length: int
    target: str  # footnote anchor


@dataclass
class BlockSpan:
    """Where one block sits in the QTextDocument."""

    anchor: str
    start: int  # first position of the block, marker included
    text_start: int  # position of Block.text[0]
    end: int  # position just after the block's last character
    inserts: list[tuple[int, int, int]] = field(default_factory=list)  # offset, pos, length
    cells: list[tuple[int, int, int]] = field(default_factory=list)  # offset, pos, length

    def position(self, offset: int, *, end: bool = False) -> int:
        """Document position of `Block.text[offset]` (an end offset stays before marks)."""
        if self.cells:
            return self._cell_position(offset)
        shift = sum(length for o, _, length in self.inserts if o < offset or (o == offset and not end))
        return min(self.text_start + offset + shift, self.end)

    def offset(self, position: int) -> int:
        """Offset into `Block.text` of a document position inside this block."""
        if position <= self.text_start:
            return 0
        if self.cells:
            for offset, pos, length in self.cells:
                if pos <= position <= pos + length:
                    return offset + position - pos
            return 0
        shift = 0
        for o, pos, length in self.inserts:
            if position >= pos + length:
                shift += length
            elif position >= pos:
                return o
        return position - self.text_start - shift

    def _cell_position(self, offset: int) -> int:
        for cell_offset, pos, length in self.cells:
            if cell_offset <= offset <= cell_offset + length:
                return pos + offset - cell_offset
        return self.start


class RenderedDocument:
    """A QTextDocument for one core Document, plus its anchor ↔ position map."""

    def __init__(
        self,
        doc: Document,
        qdoc: QTextDocument,
        spans: dict[str, BlockSpan],
        notes: list[NoteMark],
        theme: str,
    ) -> None:
        self.doc, self.qdoc, self.spans, self.notes, self.theme = doc, qdoc, spans, notes, theme
        ordered = sorted(spans.values(), key=lambda s: s.start)
        self._starts = [s.start for s in ordered]
        self._ordered = ordered
        self.owner: object | None = None

    def span(self, anchor: str) -> BlockSpan | None:
        span = self.spans.get(anchor)
        if span is None and anchor.startswith(self.doc.id + "/"):
            span = self.spans.get(anchor[len(self.doc.id) + 1 :])
        return span

    def span_at(self, position: int) -> BlockSpan | None:
        """The block containing (or just before) a document position."""
        i = bisect_right(self._starts, position) - 1
        return self._ordered[i] if i >= 0 else None

    def range_of(self, anchor: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        """Document positions of `Block.text[start:end]` (whole block when end is None)."""
        span = self.span(anchor)
        if span is None:
            return None
        if end is None:
            return span.start, span.end
        return span.position(start), span.position(end, end=True)

    def clone(self, parent: QObject | None = None) -> RenderedDocument:
        twin = RenderedDocument(self.doc, self.qdoc.clone(parent), self.spans, self.notes, self.theme)
        return twin


def _size(fmt: QTextCharFormat, adjustment: int) -> None:
    """Relative font size (like HTML's small/large), so zoom rescales it."""
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, adjustment)


# --- building ---------------------------------------------------------------------------------
class DocumentRenderer:
    """Builds one RenderedDocument. Short-lived: make one per document."""

    def __init__(self, doc: Document, style: DocumentStyle, font: QFont, theme: str) -> None:
        self.doc, self.style, self.theme = doc, style, theme
        self.qdoc = QTextDocument()
        self.qdoc.setDefaultFont(font)
        self.qdoc.setDocumentMargin(28)
        self.qdoc.setUndoRedoEnabled(False)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.qdoc.setDefaultTextOption(option)
        self.cursor = QTextCursor(self.qdoc)
        self.spans: dict[str, BlockSpan] = {}
        self.notes: list[NoteMark] = []
        self.footnotes = {b.anchor: b for b in doc.footnotes()}
        self._first = True
        self.full_width = False
        self.title_anchors = _cover_title_anchors(doc)  # cover lines that spell the title
        self._in_header = False  # the last QTextBlock is the cover header: metadata joins it
        self._last_span: BlockSpan | None = None

    def build(self) -> RenderedDocument:
        self._title()
        for block in self.doc.blocks:
            if block.kind is BlockKind.FOOTNOTE:
                continue
            if block.role == DUPLICATE_ROLE and self._last_span is not None:
                self.spans[block.anchor] = self._last_span  # shown once: its twin's place
                continue
            if block.role == METADATA_ROLE:
                self._metadata(block)
                continue
            self._in_header = False
            if block.kind is BlockKind.TABLE and block.rows:
                self._table(block)
            else:
                self._block(block)
            self._last_span = self.spans.get(block.anchor)
        self._footnote_list()
        return RenderedDocument(self.doc, self.qdoc, self.spans, self.notes, self.theme)

    # --- pieces -------------------------------------------------------------------------------
    def _new_block(self, fmt: QTextBlockFormat, char: QTextCharFormat | None = None) -> None:
        char = char or QTextCharFormat()
        if self._first:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char)
            self._first = False
        else:
            self.cursor.insertBlock(fmt, char)

    def _title_formats(self) -> tuple[QTextBlockFormat, QTextCharFormat]:
        fmt = QTextBlockFormat()
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setBottomMargin(6)
        fmt.setHeadingLevel(1)
        char = QTextCharFormat()
        _size(char, 2)
        char.setFontWeight(QFont.Weight.Bold)
        return fmt, char

    def _title(self) -> None:
        info = self.doc.info
        if not self.title_anchors:  # else the cover's own title lines are shown in its place
            self._new_block(*self._title_formats())
            self.cursor.insertText(info.title, self._title_formats()[1])
        details = [d for d in (info.symbol, info.date) if d]
        if details:
            sub = QTextBlockFormat()
            sub.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            sub.setBottomMargin(18)
            muted = self._muted(QTextCharFormat())
            self._new_block(sub, muted)
            self.cursor.insertText("  ·  ".join(details), muted)

    def _metadata(self, block: Block) -> None:
        """Cover metadata (session, agenda item, date …): consecutive lines share one small,
        grey, centred paragraph, never a heading."""
        char = self._muted(QTextCharFormat())
        if self._in_header:
            self.cursor.insertText(LINE_SEPARATOR, char)
        else:
            fmt = QTextBlockFormat()
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            fmt.setTopMargin(4)
            fmt.setBottomMargin(14)
            self._new_block(fmt, char)
            self._in_header = True
        start = self.cursor.position()
        span = BlockSpan(block.anchor, start, start, 0)
        self._inline(block, char, span)
        span.end = self.cursor.position()
        self.spans[block.anchor] = span
        self._last_span = span

    def _block(self, block: Block) -> None:
        fmt, char = self._formats(block)
        self._new_block(fmt, char)
        start = self.cursor.position()
        marker = block.shown_marker or ("•" if block.kind is BlockKind.ITEM else "")
        if marker:
            marker_char = QTextCharFormat(char)
            if block.kind is not BlockKind.HEADING:
                marker_char.setForeground(QColor(self.style.muted))
                marker_char.setFontWeight(QFont.Weight.DemiBold)
            self.cursor.insertText(marker, marker_char)
            if block.text:
                self.cursor.insertText(self._gap(block, marker), char)
        span = BlockSpan(block.anchor, start, self.cursor.position(), 0)
        self._inline(block, char, span)
        span.end = self.cursor.position()
        self.spans[block.anchor] = span

    def _gap(self, block: Block, marker: str) -> str:
        if block.kind is BlockKind.HEADING:
            return "" if marker[-1] in NO_SPACE_AFTER else " "
        return "\t"

    def _formats(self, block: Block) -> tuple[QTextBlockFormat, QTextCharFormat]:
        if block.anchor in self.title_anchors:
            return self._title_formats()
        fmt = QTextBlockFormat()
        char = QTextCharFormat()
        fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setBottomMargin(9)
        if block.kind is BlockKind.HEADING:
            level = max(0, block.level)
            fmt.setHeadingLevel(min(6, level + 2))
            fmt.setTopMargin(16 if level <= 2 else 12)
            fmt.setBottomMargin(8)
            fmt.setLineHeight(130, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            if level == 0:
                fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            char.setFontWeight(QFont.Weight.Bold)
            _size(char, HEADING_SIZES.get(level, 0))
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_Auto)
            return fmt, char
        level = block.level if block.kind is BlockKind.ITEM else 0
        left = PARA_INDENT + ITEM_INDENT * max(0, level)
        fmt.setLeftMargin(left)
        hang = ITEM_INDENT if block.kind is BlockKind.ITEM else PARA_INDENT
        if block.shown_marker or block.kind is BlockKind.ITEM:
            fmt.setTextIndent(-hang)
        fmt.setTabPositions([QTextOption.Tab(hang, QTextOption.TabType.LeftTab)])
        return fmt, char

    def _inline(self, block: Block, char: QTextCharFormat, span: BlockSpan) -> None:
        """Insert Block.text with note marks and reference links."""
        text = block.text
        shown = full_width_punctuation(text) if self.full_width else text  # same length
        cuts = {0, len(text)}
        cuts.update(n.offset for n in block.notes if 0 <= n.offset <= len(text))
        for ref in block.refs:
            cuts.update((ref.start, ref.end))
        cuts = sorted(c for c in cuts if 0 <= c <= len(text))
        notes_at: dict[int, list] = {}
        for note in block.notes:
            notes_at.setdefault(min(max(note.offset, 0), len(text)), []).append(note)
        for a, b in zip(cuts, cuts[1:] + [None], strict=False):
            for note in notes_at.get(a, []):
                self._note_mark(note, char, span, a)
            if b is not None and b > a:
                self.cursor.insertText(shown[a:b], self._ref_format(block, a, b, char))

    def _ref_format(self, block: Block, a: int, b: int, char: QTextCharFormat) -> QTextCharFormat:
        for ref in block.refs:
            if ref.start <= a and b <= ref.end:
                fmt = QTextCharFormat(char)
                if ref.doc_id:
                    fmt.setAnchor(True)
                    fmt.setAnchorHref(f"{LINK_SCHEME}://{ref.doc_id}")
                    fmt.setForeground(QColor(self.style.link))
                    fmt.setToolTip(
                        QCoreApplication.translate("DocumentRenderer", "Open %1").replace("%1", ref.symbol)
                    )
                else:
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                    fmt.setToolTip(
                        QCoreApplication.translate("DocumentRenderer", "%1 is not in the library").replace(
                            "%1", ref.symbol
                        )
                    )
                return fmt
        return char

    def _note_mark(self, note, char: QTextCharFormat, span: BlockSpan, offset: int) -> None:
        fmt = QTextCharFormat(char)
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        fmt.setForeground(QColor(self.style.link))
        footnote = self.footnotes.get(note.target)
        if footnote is not None:
            fmt.setAnchor(True)
            fmt.setAnchorHref(f"{NOTE_SCHEME}:{note.target}")
            fmt.setToolTip(plain_tip(footnote.text))
        position = self.cursor.position()
        self.cursor.insertText(note.mark, fmt)
        span.inserts.append((offset, position, len(note.mark)))
        self.notes.append(NoteMark(position, len(note.mark), note.target))

    def _table(self, block: Block) -> None:
        self._block_for_table(block)
        columns = max(len(row) for row in block.rows)
        fmt = QTextTableFormat()
        fmt.setBorder(1)
        fmt.setBorderBrush(QBrush(QColor(self.style.rule)))
        fmt.setBorderCollapse(True)
        fmt.setCellPadding(6)
        fmt.setCellSpacing(0)
        fmt.setLeftMargin(PARA_INDENT)
        fmt.setBottomMargin(12)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 92))
        fmt.setHeaderRowCount(1)
        start = self.cursor.position()
        table = self.cursor.insertTable(len(block.rows), columns, fmt)
        span = BlockSpan(block.anchor, start, start, 0)
        self._fill_table(table, block, columns, span)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        span.text_start = span.cells[0][1] if span.cells else start
        span.end = self.cursor.position()
        self.spans[block.anchor] = span

    def _fill_table(self, table, block: Block, columns: int, span: BlockSpan) -> None:
        """Cell texts, recording where each starts (cells are joined by tab/newline in Block.text)."""
        offset = 0
        for r, row in enumerate(block.rows):
            for c in range(columns):
                cell_text = row[c] if c < len(row) else ""
                cell = table.cellAt(r, c)
                char = QTextCharFormat()
                if r == 0:
                    char.setFontWeight(QFont.Weight.Bold)
                    cell_fmt = cell.format()
                    cell_fmt.setBackground(QColor(self.style.table_header))
                    cell.setFormat(cell_fmt)
                cursor = cell.firstCursorPosition()
                span.cells.append((offset, cursor.position(), len(cell_text)))
                cursor.insertText(cell_text, char)
                offset += len(cell_text) + 1

    def _block_for_table(self, block: Block) -> None:
        """Tables follow a block; make sure the cursor is not inside the title block."""
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(PARA_INDENT)
        fmt.setBottomMargin(2)
        self._new_block(fmt)
        caption = self._muted(QTextCharFormat())
        label = block.marker
        if not label and block.label:
            label = QCoreApplication.translate("DocumentRenderer", "Table %1").replace("%1", block.label)
        if label:
            self.cursor.insertText(label, caption)

    def _footnote_list(self) -> None:
        footnotes = self.doc.footnotes()
        if not footnotes:
            return
        fmt = QTextBlockFormat()
        fmt.setTopMargin(28)
        fmt.setBottomMargin(8)
        fmt.setProperty(
            QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
            QTextLength(QTextLength.Type.PercentageLength, 100),
        )
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        self._new_block(fmt, heading)
        self.cursor.insertText(QCoreApplication.translate("DocumentRenderer", "Notes"), heading)
        for note in footnotes:
            self._footnote(note)

    def _footnote(self, note: Block) -> None:
        fmt = QTextBlockFormat()
        fmt.setLeftMargin(PARA_INDENT)
        fmt.setTextIndent(-PARA_INDENT)
        fmt.setBottomMargin(5)
        fmt.setTabPositions([QTextOption.Tab(PARA_INDENT, QTextOption.TabType.LeftTab)])
        char = QTextCharFormat()
        _size(char, -1)
        self.cursor.insertBlock(fmt, char)
        start = self.cursor.position()
        mark = QTextCharFormat(char)
        mark.setForeground(QColor(self.style.muted))
        mark.setAnchorNames([note.anchor])
        self.cursor.insertText(note.marker.lstrip("^") or note.label, mark)
        self.cursor.insertText("\t", char)
        span = BlockSpan(note.anchor, start, self.cursor.position(), 0)
        self._inline(note, char, span)
        span.end = self.cursor.position()
        self.spans[note.anchor] = span

    def _muted(self, char: QTextCharFormat) -> QTextCharFormat:
        char.setForeground(QColor(self.style.muted))
        _size(char, -1)
        return char


def _title_key(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and c not in "：:")


def _cover_title_anchors(doc: Document) -> set[str]:
    """The unnumbered headings before the body that together spell the document's title
    ("安全、有序和正常移民全球契约" + "秘书长的报告"), so the window shows the title once."""
    wanted = _title_key(doc.info.title)
    cover: list[Block] = []
    for block in doc.blocks:
        if block.kind is not BlockKind.HEADING or block.label or block.marker:
            break
        if not block.role:
            cover.append(block)
    for first in range(len(cover)):
        joined = ""
        for last in range(first, len(cover)):
            joined += _title_key(cover[last].text)
            if joined == wanted:
                return {b.anchor for b in cover[first : last + 1]}
            if not wanted.startswith(joined):
                break
    return set()


def render_document(
    doc: Document, font: QFont, theme: str = "light", *, full_width: bool = False
) -> RenderedDocument:
    """`full_width`: show half-width punctuation in Chinese text full-width (same offsets)."""
    renderer = DocumentRenderer(doc, DocumentStyle.for_theme(theme), font, theme)
    renderer.full_width = full_width
    return renderer.build()


class DocumentCache(QObject):
    """Rendered documents, built once each and shared out to panes.

    A QTextDocument has one layout, so two panes showing the same document get two
    copies (the second is a clone, which is cheap); a released copy is kept for reuse.
    """

    def __init__(self, corpus, font: QFont, theme: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corpus, self._font, self._theme = corpus, QFont(font), theme
        self._copies: dict[str, list[RenderedDocument]] = {}
        self.full_width = False  # punctuation shown full-width (reset() to re-render)

    def acquire(self, doc_id: str, owner: object) -> RenderedDocument:
        """A copy of `doc_id` for `owner`; KeyError for an unknown document."""
        copies = self._copies.setdefault(doc_id, [])
        for copy in copies:
            if copy.owner is owner:
                return copy
        for copy in copies:
            if copy.owner is None:
                copy.owner = owner
                return copy
        if copies:
            copy = copies[0].clone(self)
        else:
            copy = render_document(
                self._corpus.get(doc_id), self._font, self._theme, full_width=self.full_width
            )
            copy.qdoc.setParent(self)
        copy.owner = owner
        copies.append(copy)
        return copy

    def release(self, owner: object) -> None:
        for copies in self._copies.values():
            for copy in copies:
                if copy.owner is owner:
                    copy.owner = None

    def set_font(self, font: QFont) -> None:
        """Zoom and font family: relative sizes in the documents follow the default font."""
        self._font = QFont(font)
        for copies in self._copies.values():
            for copy in copies:
                copy.qdoc.setDefaultFont(self._font)

    def reset(self, corpus=None, theme: str | None = None) -> None:
        """Forget every copy (new corpus or theme); panes must acquire again."""
        if corpus is not None:
            self._corpus = corpus
        if theme is not None:
            self._theme = theme
        for copies in self._copies.values():
            for copy in copies:
                copy.owner = None
                copy.qdoc.deleteLater()
        self._copies.clear()

    @property
    def theme(self) -> str:
        return self._theme

    @property
    def font(self) -> QFont:
        return QFont(self._font)
