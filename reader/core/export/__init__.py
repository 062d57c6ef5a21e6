"""Export of highlighted excerpts: Markdown, HTML, DOCX, CSV, W3C JSON-LD. No dialogs, no Qt.

data = prepare_export(store.annotations, corpus, objectives, store.palette,
                      selection=ExportFilter(tags=frozenset({"data"})), group_by="objective")
preview = render_text("md", data)      # str, for a preview pane
payload = render("docx", data)         # bytes, ready for atomic_write_bytes
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .csv_table import to_csv
    from .docx_file import to_docx
    from .excerpts import (
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
    from .options import GROUP_BY

# Each writer is imported when first used: python-docx and lxml load only for a DOCX export.
_WRITERS = {
    "md": (".markdown", "to_markdown"),
    "html": (".html_page", "to_html"),
    "docx": (".docx_file", "to_docx"),
    "csv": (".csv_table", "to_csv"),
    "jsonld": (".jsonld", "to_jsonld"),
}
_EXPORTS = {
    "GROUP_BY": ".options",
    "Excerpt": ".excerpts",
    "ExcerptGroup": ".excerpts",
    "ExportData": ".excerpts",
    "ExportFilter": ".excerpts",
    "ExportLabels": ".excerpts",
    "build_excerpts": ".excerpts",
    "prepare_export": ".excerpts",
    "to_markdown": ".markdown",
    "to_html": ".html_page",
    "to_docx": ".docx_file",
    "to_csv": ".csv_table",
    "to_jsonld": ".jsonld",
}
_lazy_getattr, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)


def writer(fmt: str) -> Callable[[ExportData], str | bytes]:
    """The function writing `fmt` (ValueError for an unknown format)."""
    try:
        module, name = _WRITERS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})") from None
    return getattr(importlib.import_module(module, __name__), name)


def __getattr__(name: str):
    if name == "WRITERS":  # the whole table imports every writer: kept for callers that want it
        return {fmt: writer(fmt) for fmt in FORMATS}
    return _lazy_getattr(name)


FORMATS = tuple(_WRITERS)
SUFFIXES = {"md": ".md", "html": ".html", "docx": ".docx", "csv": ".csv", "jsonld": ".jsonld"}
TEXT_FORMATS = ("md", "html", "csv", "jsonld")


def render(fmt: str, data: ExportData) -> bytes:
    """The file's bytes (text formats as UTF-8; CSV keeps its byte order mark)."""
    result = writer(fmt)(data)
    return result.encode("utf-8") if isinstance(result, str) else result


def render_text(fmt: str, data: ExportData) -> str:
    """A text format as str, for a preview (ValueError for DOCX)."""
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"{fmt} is not a text format")
    result = writer(fmt)(data)
    assert isinstance(result, str)
    return result


__all__ = [
    "FORMATS",
    "GROUP_BY",
    "SUFFIXES",
    "TEXT_FORMATS",
    "WRITERS",
    "Excerpt",
    "ExcerptGroup",
    "ExportData",
    "ExportFilter",
    "ExportLabels",
    "build_excerpts",
    "prepare_export",
    "render",
    "render_text",
    "to_csv",
    "to_docx",
    "to_html",
    "to_jsonld",
    "to_markdown",
    "writer",
]
