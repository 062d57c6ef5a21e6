"""Export of highlighted excerpts: Markdown, HTML, DOCX, CSV, W3C JSON-LD. No dialogs, no Qt.

    data = prepare_export(store.annotations, corpus, objectives, store.palette,
                          selection=ExportFilter(tags=frozenset({"data"})), group_by="objective")
    preview = render_text("md", data)      # str, for a preview pane
    payload = render("docx", data)         # bytes, ready for atomic_write_bytes
"""

from __future__ import annotations

from collections.abc import Callable

from .csv_table import to_csv
from .docx_file import to_docx
from .excerpts import (
    GROUP_BY,
    Excerpt,
    ExcerptGroup,
    ExportData,
    ExportFilter,
    ExportLabels,
    build_excerpts,
    prepare_export,
)
from .html_page import to_html
from .jsonld import to_jsonld
from .markdown import to_markdown

WRITERS: dict[str, Callable[[ExportData], str | bytes]] = {
    "md": to_markdown, "html": to_html, "docx": to_docx, "csv": to_csv, "jsonld": to_jsonld,
}
FORMATS = tuple(WRITERS)
SUFFIXES = {"md": ".md", "html": ".html", "docx": ".docx", "csv": ".csv", "jsonld": ".jsonld"}
TEXT_FORMATS = ("md", "html", "csv", "jsonld")


def render(fmt: str, data: ExportData) -> bytes:
    """The file's bytes (text formats as UTF-8; CSV keeps its byte order mark)."""
    try:
        writer = WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})") from None
    result = writer(data)
    return result.encode("utf-8") if isinstance(result, str) else result


def render_text(fmt: str, data: ExportData) -> str:
    """A text format as str, for a preview (ValueError for DOCX)."""
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"{fmt} is not a text format")
    result = WRITERS[fmt](data)
    assert isinstance(result, str)
    return result


__all__ = [
    "FORMATS", "GROUP_BY", "SUFFIXES", "TEXT_FORMATS", "WRITERS", "Excerpt", "ExcerptGroup",
    "ExportData", "ExportFilter", "ExportLabels", "build_excerpts", "prepare_export", "render",
    "render_text", "to_csv", "to_docx", "to_html", "to_jsonld", "to_markdown",
]
