"""Invariants of the parser for any input: nothing of the content is lost or reordered.

"Content" is every non-space character of the input except markdown syntax
(list dashes, [text](#) links, <url> autolinks, ** and the ^ of ^a marks).
Footnote definitions are moved out of the reading flow by design, so the
reading flow and the footnotes are each checked for order on their own.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.cleanup import FIELD_ERRORS
from reader.core.model import Block, BlockKind
from reader.core.parser import (
    AUTOLINK_RE,
    BOLD_RE,
    DASH_RE,
    LINK_RE,
    SUPERSCRIPTS,
    parse_text,
)

_TO_ASCII = str.maketrans(SUPERSCRIPTS, "0123456789")
_CARET_RE = re.compile(r"\^(?=[a-z])")


def canonical(text: str) -> str:
    text = _CARET_RE.sub("", text.translate(_TO_ASCII))
    return re.sub(r"\s+", "", text)


def source_content(text: str) -> str:
    """The input as a reader should see it: markdown syntax removed, spaces ignored."""
    out = []
    text = text.removeprefix("\ufeff")  # a byte-order mark is encoding, not content
    text = FIELD_ERRORS.sub("", text)  # Word's field-error text is debris, removed on purpose
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        dash = DASH_RE.match(line)
        if dash and _strip_inline(line[dash.end() :]).strip():
            line = line[dash.end() :]
        out.append(canonical(_strip_inline(line)))
    return "".join(out)


def _strip_inline(line: str) -> str:
    return BOLD_RE.sub("", AUTOLINK_RE.sub(r"\1", LINK_RE.sub(r"\1", line)))


def rendered(block: Block) -> str:
    """Marker + text with the footnote marks put back where they stood."""
    text = block.text
    for note in reversed(block.notes):  # in text order; equal offsets keep their order
        mark = f"^{note.mark}" if note.mark.isalpha() else note.mark  # as the source wrote it
        text = text[: note.offset] + mark + text[note.offset :]
    return canonical(block.marker + text)


def is_subsequence(part: str, whole: str) -> bool:
    it = iter(whole)
    return all(c in it for c in part)


def assert_content_preserved(text: str, main_part: str = "body") -> None:
    blocks = parse_text(text, main_part=main_part)
    expected = source_content(text)
    flow = "".join(rendered(b) for b in blocks if b.kind is not BlockKind.FOOTNOTE)
    notes = "".join(
        rendered(b)
        for b in sorted((b for b in blocks if b.kind is BlockKind.FOOTNOTE), key=lambda b: b.lines)
    )
    assert Counter(flow + notes) == Counter(expected)
    assert is_subsequence(flow, expected)
    assert is_subsequence(notes, expected)


MARKERS = [
    "",
    "",
    "",
    "1. ",
    "2. ",
    "12. ",
    "(a) ",
    "(b) ",
    "- (c) ",
    " - (一) ",
    "(二). ",
    "一. ",
    "B. ",
    "目标 3：",
    "¹ ",
    "²³ ",
    "^a ",
    "* ",
    "# ",
    "- ",
    "a. ",
]
PIECES = list("移民契约目标汇款和、，。；：()[]-*^ab1２ \t") + [
    "(#)",
    "[73/195](#)",
    "**",
    "¹",
    "^a",
    "<https://x.example/p>",
    "第 73/195 号决议",
    "目标 8",
    "COVID-19",
    "附件",
    "附录二",
    "\u3000",
]

lines = st.builds(
    lambda m, parts: m + "".join(parts),
    st.sampled_from(MARKERS),
    st.lists(st.sampled_from(PIECES), max_size=12),
)
documents = st.lists(st.one_of(lines, st.just("")), max_size=25).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from(["body", "annex"]))
def test_structured_input_keeps_every_content_character(text, main_part):
    assert_content_preserved(text, main_part)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_keeps_every_content_character(text):
    assert_content_preserved(text)


@given(documents)
@settings(max_examples=100, deadline=None)
def test_anchors_are_unique_and_reparse_identically(text):
    first = parse_text(text)
    anchors = [b.anchor for b in first]
    assert len(anchors) == len(set(anchors))
    assert anchors == [b.anchor for b in parse_text(text)]


def test_each_real_document_keeps_every_content_character(corpus):
    for doc in corpus:
        assert_content_preserved(Path(doc.info.source).read_text(encoding="utf-8"), doc.info.main_part)
