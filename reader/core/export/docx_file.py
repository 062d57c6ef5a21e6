"""Excerpts as a Word document (python-docx): headings per group and excerpt, shaded quotes."""

from __future__ import annotations

import contextlib
import io
import re

import docx
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..annotations.model import parse_time
from .excerpts import Excerpt, ExportData, display_time, excerpt_fields

# XML 1.0 cannot hold most control characters; a pasted note may contain some.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
LINK_COLOR = RGBColor(0x1D, 0x4F, 0x91)


def _t(text: str) -> str:
    return _NOT_XML.sub("", text)


def to_docx(data: ExportData) -> bytes:
    document = docx.Document()
    labels = data.labels
    props = document.core_properties
    props.title, props.author = _t(labels.title), "Compact Reader"
    with contextlib.suppress(ValueError):  # a fixed date keeps the file reproducible
        props.created = props.modified = parse_time(data.generated)
    document.add_heading(_t(labels.title), 0)
    document.add_paragraph(_t(f"{labels.exported}: {display_time(data.generated)} · {labels.count}: "
                              f"{len(data.excerpts)} · {data.grouping_label}"))
    for group in data.groups:
        document.add_heading(_t(group.title), 1)
        for excerpt in group.excerpts:
            _excerpt(document, excerpt, data)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _excerpt(document: WordDocument, excerpt: Excerpt, data: ExportData) -> None:
    labels = data.labels
    document.add_heading(_t(excerpt.citation), 2)
    for line in excerpt.exact.split("\n"):
        _shade(document.add_paragraph(style="Quote").add_run(_t(line)), excerpt.color_hex)
    if not excerpt.found:
        document.add_paragraph().add_run(_t(labels.not_found)).italic = True
    rows = [(name, value.replace("\n", "; ") if name == labels.objectives else value)
            for name, value in excerpt_fields(excerpt, labels)]
    for name, value in rows:
        paragraph = document.add_paragraph()
        paragraph.add_run(_t(f"{name}: ")).bold = True
        paragraph.add_run(_t(value))
    paragraph = document.add_paragraph()
    paragraph.add_run(_t(f"{labels.link}: ")).bold = True
    _hyperlink(paragraph, excerpt.link)


def _shade(run: Run, hex_color: str) -> None:
    """The exact palette colour behind the quote (a highlight colour only approximates it)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), hex_color.lstrip("#").upper())
    run._r.get_or_add_rPr().append(shading)


def _hyperlink(paragraph: Paragraph, url: str) -> None:
    """A clickable link (python-docx has no API for adding one)."""
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = paragraph.add_run(_t(url))
    run.font.color.rgb = LINK_COLOR
    run.font.underline = True
    link.append(run._r)  # moves the run inside the hyperlink element
    paragraph._p.append(link)
