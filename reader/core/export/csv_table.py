"""Excerpts as CSV: UTF-8 with a byte order mark, so spreadsheet programs read Chinese right."""

from __future__ import annotations

import csv
import io

from .excerpts import ExportData, objective_names

BOM = "\ufeff"
COLUMNS = ("id", "document", "document_title", "citation", "anchors", "objectives", "quote", "colour",
           "meaning", "note", "tags", "created", "modified", "link", "found")
# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_csv(data: ExportData) -> str:
    """The table as text, starting with the BOM; encode it as UTF-8 to write it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for e in data.excerpts:
        a = e.annotation
        row = (a.id, e.doc, e.document_title, e.citation, " ".join(e.anchors),
               "; ".join(objective_names(e, data.labels)), e.exact, e.color, e.meaning, a.note,
               "; ".join(a.tags), a.created, a.modified, e.link, "yes" if e.found else "no")
        writer.writerow([_safe(cell) for cell in row])
    return BOM + out.getvalue()


def _safe(cell: str) -> str:
    """Keep a note such as "=HYPERLINK(…)" inert: a leading apostrophe makes it text."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
