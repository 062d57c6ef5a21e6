"""Excerpts as CSV: UTF-8 with a byte order mark, so spreadsheet programs read Chinese right.

Cells a spreadsheet would change are written so it cannot: a cell starting like a formula
gets a leading apostrophe, and anchors are written with their document (``imrf/38``), which
no spreadsheet reads as a number or a date. Tags are separated by ``; `` as in every export
(a tag that contains it is put in double quotes).
"""

from __future__ import annotations

import csv
import io

from .excerpts import LIST_SEPARATOR, ExportData, join_tags, objective_names

BOM = "\ufeff"
COLUMNS = (
    "id",
    "document",
    "document_title",
    "citation",
    "anchors",
    "objectives",
    "quote",
    "colour",
    "meaning",
    "note",
    "tags",
    "creator",
    "created",
    "modified",
    "link",
    "found",
)
# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(data: ExportData) -> str:
    """The table as text, starting with the BOM; encode it as UTF-8 to write it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for e in data.excerpts:
        a = e.annotation
        row = (
            a.id,
            e.doc,
            e.document_title,
            e.dated_citation,
            " ".join(f"{e.doc}/{x}" for x in e.anchors),
            LIST_SEPARATOR.join(objective_names(e, data.labels)),
            e.exact,
            e.color,
            e.meaning,
            a.note,
            join_tags(a.tags),
            e.creator,
            a.created,
            a.modified,
            e.link,
            "yes" if e.found else "no",
        )
        writer.writerow([_safe(cell) for cell in row])
    return BOM + out.getvalue()


def _safe(cell: str) -> str:
    """Keep a note such as "=HYPERLINK(…)" inert: a leading apostrophe makes it text."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
