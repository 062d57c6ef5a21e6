"""The redline: one merged text of the two drafts, deletions and insertions marked.

`redline_rows` gives it as data (the window's redline mode uses it too); `to_docx` writes
a Word document with real tracked changes (w:ins / w:del with an author and a date), so
Word's and LibreOffice's review panes list them and "accept all" gives the new draft;
`to_html` writes a page with <ins>/<del> marks and a summary table. All document text is
escaped (XML by lxml, HTML by html.escape).
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..citations import document_label
from ..model import Block
from .comparison import Comparison, Pair, Status
from .report import block_label

AUTHOR = "Compact Reader"
EAST_ASIAN_FONT = "SimSun"  # Word's and LibreOffice's usual name for a Song face
LANGUAGE = "zh-CN"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

EQUAL, INSERT, DELETE = "equal", "insert", "delete"


@dataclass(frozen=True)
class RedlineRow:
    """One paragraph of the redline: its status, labels and (kind, text) segments."""

    status: Status
    old: Block | None
    new: Block | None
    segments: tuple[tuple[str, str], ...]

    @property
    def label(self) -> str:
        block = self.new or self.old
        return block.shown_marker if block is not None else ""

    @property
    def citation(self) -> str:
        block = self.new or self.old
        return block.citation if block is not None else ""


def redline_rows(comparison: Comparison) -> list[RedlineRow]:
    """Every pair as a paragraph of the merged text, in the comparison's order; the pieces of
    a merge (which share their new block) make one paragraph."""
    firsts: list[Pair] = []
    merged: dict[str, list[Pair]] = {}
    for pair in comparison.pairs:
        if pair.status is Status.MERGED and pair.new is not None:
            if pair.new.anchor in merged:
                merged[pair.new.anchor].append(pair)
                continue
            merged[pair.new.anchor] = [pair]
        firsts.append(pair)
    rows = []
    for pair in firsts:
        if pair.status is Status.MERGED and pair.new is not None:
            changes = sorted(
                (c for p in merged[pair.new.anchor] for c in p.changes), key=lambda c: c.new_range
            )
            segments = _segments(pair.new.text, changes)
        else:
            segments = pair_segments(pair)
        rows.append(RedlineRow(pair.status, pair.old, pair.new, tuple(segments)))
    return rows


def pair_segments(pair: Pair) -> list[tuple[str, str]]:
    if pair.status is Status.INSERTED and pair.new is not None:
        return [(INSERT, pair.new.text)]
    if pair.status is Status.DELETED and pair.old is not None:
        return [(DELETE, pair.old.text)]
    assert pair.new is not None
    return _segments(pair.new.text, pair.changes)


def _segments(new_text: str, changes) -> list[tuple[str, str]]:
    segments: list[tuple[str, str]] = []
    position = 0
    for change in changes:
        start, end = change.new_range
        if start > position:
            segments.append((EQUAL, new_text[position:start]))
        if change.old_text:
            segments.append((DELETE, change.old_text))
        if change.new_text:
            segments.append((INSERT, change.new_text))
        position = max(position, end)
    if position < len(new_text):
        segments.append((EQUAL, new_text[position:]))
    return segments


def _title(comparison: Comparison) -> str:
    return f"{comparison.old.info.title} → {comparison.new.info.title}"


# --- Word ---------------------------------------------------------------------------------------
def to_docx(comparison: Comparison, when: datetime | None = None, author: str = AUTHOR) -> bytes:
    """A .docx of the new draft with the differences from the old one as tracked changes."""
    when = (when or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    document = docx.Document()
    _chinese_defaults(document)
    props = document.core_properties
    props.title, props.author = _x(_title(comparison)), author
    props.created = props.modified = when.replace(tzinfo=None)
    document.add_heading(_x(_title(comparison)), 0)
    for label, doc in (("旧稿 Old", comparison.old), ("新稿 New", comparison.new)):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(_x(f"{document_label(doc.info)} {doc.info.title} [{doc.id}]"))
    _summary_table(document, comparison)
    ids = iter(range(1, 1_000_000))
    for row in redline_rows(comparison):
        paragraph = document.add_paragraph()
        if row.label:
            paragraph.add_run(_x(row.label + " "))
        for kind, text in row.segments:
            _tracked(paragraph, kind, text, next(ids), author, stamp)
        if row.status is not Status.SAME and row.citation:
            note = paragraph.add_run(_x(f"  〔{row.status.value}: {row.citation}〕"))
            note.font.size = Pt(8)
            note.font.highlight_color = WD_COLOR_INDEX.GRAY_25
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _x(text: str) -> str:
    return _NOT_XML.sub("", text)


def _chinese_defaults(document) -> None:
    """python-docx's template says en-US and a Latin font; a Chinese text needs zh-CN and a
    Chinese face, or Word spell-checks it as English and LibreOffice picks a poor fallback."""
    for style_name in ("Normal", "Title", "Heading 1"):
        style = document.styles[style_name]
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attribute), None)
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), LANGUAGE)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for lang in defaults.iter(qn("w:lang")):
            lang.set(qn("w:eastAsia"), LANGUAGE)
        for fonts in defaults.iter(qn("w:rFonts")):
            fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
            fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _summary_table(document, comparison: Comparison) -> None:
    summary = comparison.summary()
    table = document.add_table(rows=1, cols=len(summary))
    table.style = "Table Grid"
    for cell, status in zip(table.rows[0].cells, summary, strict=True):
        cell.text = f"{status}: {summary[status]}"


def _tracked(paragraph, kind: str, text: str, change_id: int, author: str, stamp: str) -> None:
    text = _x(text)
    if not text:
        return
    if kind == EQUAL:
        paragraph.add_run(text)
        return
    wrapper = OxmlElement("w:ins" if kind == INSERT else "w:del")
    wrapper.set(qn("w:id"), str(change_id))
    wrapper.set(qn("w:author"), author)
    wrapper.set(qn("w:date"), stamp)
    run = OxmlElement("w:r")
    piece = OxmlElement("w:t" if kind == INSERT else "w:delText")
    piece.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    piece.text = text
    run.append(piece)
    wrapper.append(run)
    paragraph._p.append(wrapper)


# --- HTML ---------------------------------------------------------------------------------------
_CSS = """
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
  color: #1b1b1b; max-width: 50em; margin: 2em auto; padding: 0 1em; line-height: 1.8; }
h1 { font-size: 1.5em; } .meta { color: #5c5c5c; }
table.summary { border-collapse: collapse; margin: 1em 0 2em; }
table.summary th, table.summary td { border: 1px solid #ccc; padding: .2em .7em; text-align: left; }
ins { color: #1b5e20; text-decoration: underline; text-decoration-color: #2e7d32; background: #e8f5e9; }
del { color: #b71c1c; text-decoration: line-through; background: #ffebee; }
p.row { margin: .5em 0; } p.row .label { color: #5c5c5c; margin-right: .4em; }
p.row .cite { color: #5c5c5c; font-size: .8em; margin-left: .6em; }
p.s-inserted { border-left: 3px solid #2e7d32; padding-left: .5em; }
p.s-deleted { border-left: 3px solid #c62828; padding-left: .5em; }
p.s-moved, p.s-split, p.s-merged { border-left: 3px solid #1565c0; padding-left: .5em; }
@media print { ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def to_html(comparison: Comparison) -> str:
    summary = comparison.summary()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-Hans">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="generator" content="Compact Reader">',
        f"<title>{_e(_title(comparison))}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(_title(comparison))}</h1>",
    ]
    for label, doc in (("旧稿 Old", comparison.old), ("新稿 New", comparison.new)):
        parts.append(
            f'<p class="meta"><b>{_e(label)}</b>: {_e(document_label(doc.info))} '
            f"{_e(doc.info.title)} [{_e(doc.id)}]</p>"
        )
    parts.append('<table class="summary"><tr><th>status</th><th>pairs</th></tr>')
    parts += [f"<tr><td>{_e(status)}</td><td>{n}</td></tr>" for status, n in summary.items()]
    parts.append("</table>")
    for row in redline_rows(comparison):
        body = "".join(_html_segment(kind, text) for kind, text in row.segments)
        label = f'<span class="label">{_e(row.label)}</span>' if row.label else ""
        cite = (
            f'<span class="cite">〔{_e(row.status.value)}: {_e(row.citation)}〕</span>'
            if row.status is not Status.SAME and row.citation
            else ""
        )
        parts.append(
            f'<p class="row s-{_e(row.status.value)}" title="{_e(_row_title(row))}">{label}{body}{cite}</p>'
        )
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _row_title(row: RedlineRow) -> str:
    return f"{row.status.value}: {block_label(row.old)} → {block_label(row.new)}"


def _html_segment(kind: str, text: str) -> str:
    if kind == INSERT:
        return f"<ins>{_e(text)}</ins>"
    if kind == DELETE:
        return f"<del>{_e(text)}</del>"
    return _e(text)
