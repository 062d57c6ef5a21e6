"""A delegate's next draft as it really arrives: the bundled texts written the ways other
drafts write them (full-width numbers, renumbered objectives, Word outline levels) must read
like the originals."""

from __future__ import annotations

import re

from reader.core.corpus import CORPUS_DIR
from reader.core.parser import parse_text

FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _gcm_text() -> str:
    return (CORPUS_DIR / "gcm-outcome-document-2018.txt").read_text(encoding="utf-8")


def _shape(text: str) -> list[tuple[str, str, str, str]]:
    return [(b.anchor, b.kind.value, b.label, b.text) for b in parse_text(text, main_part="annex")]


def test_full_width_paragraph_numbers_read_like_ascii_ones():
    """１２．我们… (full-width, no space, as typed in Chinese) and 12．我们… are paragraph 12."""
    original = _gcm_text()
    typed = re.sub(
        r"(?m)^(\d{1,2})\. ",
        lambda m: m.group(1).translate(FULL_WIDTH) + "．" if int(m.group(1)) % 2 else m.group(1) + "．",
        original,
    )
    assert typed != original
    assert _shape(typed) == _shape(original)
