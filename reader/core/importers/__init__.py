"""Importers: a user's .txt/.md, PDF or Word file → text in the parser's dialect.

`convert(path)` reads the file safely (see `source`), recognises its type by its first bytes
(not by its name), and hands it to the right importer. `library.import_files` adds converted
documents to the library.
"""

from __future__ import annotations

from pathlib import Path

from .base import Converted, Repairs
from .errors import ImportFailure
from .source import MAX_BYTES, read_source

__all__ = [
    "Converted",
    "ImportFailure",
    "Repairs",
    "convert",
    "convert_bytes",
    "detect_format",
    "MAX_BYTES",
    "SUFFIXES",
]

SUFFIXES = (".txt", ".md", ".pdf", ".docx")
_TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


def detect_format(data: bytes, name: str) -> str:
    """ "pdf", "docx" or "text" by content; ImportFailure for what we cannot read."""
    suffix = Path(name).suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if b"word/" in data[:65536] or suffix == ".docx":
            return "docx"
        raise ImportFailure(f"{name} is a ZIP archive, not a Word (.docx) document", "unsupported")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "EncryptedPackage".encode("utf-16-le") in data[: 1 << 20]:
            raise ImportFailure(
                f"{name} is password-protected: remove the password in Word and import it again", "encrypted"
            )
        raise ImportFailure(
            f"{name} is an old-format Word (.doc) file: save it as .docx first", "unsupported"
        )
    if suffix == ".pdf":
        raise ImportFailure(f"{name} is damaged: it does not start like a PDF", "corrupt")
    if suffix == ".docx":
        raise ImportFailure(f"{name} is damaged: it is not a Word package", "corrupt")
    if suffix not in _TEXT_SUFFIXES:
        raise ImportFailure(
            f"{name}: only .txt, .md, .pdf and .docx documents can be imported", "unsupported"
        )
    return "text"


def convert_bytes(data: bytes, name: str) -> Converted:
    """Convert by content. Whatever a damaged file makes a library raise becomes one
    ImportFailure with the file's name: an import never ends in a traceback."""
    kind = detect_format(data, name)
    try:
        return _convert(kind, data, name)
    except ImportFailure:
        raise
    except Exception as exc:  # noqa: BLE001 - third-party parsers raise anything on bad input
        raise ImportFailure(
            f"{name} is damaged and cannot be read ({type(exc).__name__})", "corrupt"
        ) from exc


def _convert(kind: str, data: bytes, name: str) -> Converted:
    if kind == "pdf":
        from .pdf import convert_pdf

        return convert_pdf(data, name)
    if kind == "docx":
        from .docx import convert_docx

        return convert_docx(data, name)
    from .text import convert_text

    return convert_text(data, name)


def convert(path: Path, limit: int = MAX_BYTES) -> tuple[Converted, bytes]:
    """Read and convert one file; the bytes are returned too (they are kept as the source copy)."""
    path = Path(path)
    data = read_source(path, limit)
    return convert_bytes(data, path.name), data
