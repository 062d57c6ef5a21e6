"""Plain text and Markdown: decoding with detection of the encodings people actually send."""

from __future__ import annotations

import codecs
import re

from .base import Converted
from .errors import ImportFailure

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes, name: str = "the file") -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16 without one, else GB18030.

    Empty, BOM-only and binary input is refused with a message a user can act on.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data[len(bom) :], encoding, name), name, bom=True)
    if not data.strip():
        raise ImportFailure(f"{name} is empty", "empty")
    bare_utf16 = _bare_utf16(data)
    if bare_utf16:
        return _checked(_decode(data, bare_utf16, name), name)
    if b"\x00" in data[:8192]:
        raise ImportFailure(f"{name} is a binary file, not a text document", "binary")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return _checked(text, name)
    raise ImportFailure(f"{name} is neither UTF-8 nor GB18030/GBK text", "encoding")


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFailure(f"{name} is not valid {encoding.upper()} text", "encoding") from exc


def _bare_utf16(data: bytes) -> str:
    """UTF-16 without a BOM: ASCII-range text has a NUL in every other byte; Chinese text has
    few NULs (only its digits, punctuation and line ends), so the decoded sample decides."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return ""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even == 0:
        return "utf-16-le"
    if even > 0.3 * half and odd == 0:
        return "utf-16-be"
    if not even and not odd:
        return ""
    for encoding in ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le"):
        text = sample.decode(encoding, errors="replace")
        if sum(map(_is_readable, text)) >= 0.95 * len(text):
            return encoding
    return ""


def _is_readable(char: str) -> bool:
    """Chinese, Latin, digits, punctuation and line ends: what a document's text is made of."""
    code = ord(char)
    return (
        0x20 <= code < 0x7F
        or char in "\t\r\n"
        or 0x3000 <= code <= 0x9FFF  # CJK punctuation, kana, unified ideographs
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x2000 <= code <= 0x206F  # general punctuation (“”—…)
        or 0xA0 <= code <= 0x17F  # Latin-1 and Latin Extended-A
    )


def _checked(text: str, name: str, bom: bool = False) -> str:
    if not text.strip():
        raise ImportFailure(f"{name} contains only a byte-order mark" if bom else f"{name} is empty", "empty")
    if not _looks_like_text(text):
        raise ImportFailure(f"{name} is a binary file, not a text document", "binary")
    return text


_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _looks_like_text(text: str) -> bool:
    return len(_CONTROL_RE.findall(text)) <= len(text) // 100


def convert_text(data: bytes, name: str) -> Converted:
    return Converted(text=decode_text(data, name), format="text")
