"""The words that changed inside one paragraph: a Chinese-aware diff.

Texts are cut into words (jieba's dictionary for runs of Chinese characters, whole alphanumeric words
such as A/RES/73/195 or 2030, and every other character on its own), the two word
sequences are compared, and a replaced run of words is looked at again character by
character: when one side is the other with characters added or removed (责任 → 责任感),
those characters are reported; otherwise the words are reported as replaced, which reads
better than a scatter of single characters (加强 → 增强 stays one replacement).

So 共同责任 → 共同但有区别的责任 is the insertion of 但有区别的, never a whole-sentence
replacement. A change that only swaps full-width for half-width forms or adds or removes
spacing (，/,  （/(  ２０３０/2030) is "width-only": reported as such, or ignored on request.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from ..search.text import ALNUM, CJK, segment_run

TOKEN_RE = re.compile(rf"(?P<cjk>[{CJK}]+)|{ALNUM}+(?:[./\-&+'’]{ALNUM}+)*%?|\s+|.", re.S)


@dataclass(frozen=True)
class TextChange:
    """One edit: `op` is "insert", "delete" or "replace"; ranges are [start, end) offsets."""

    op: str
    old_text: str
    new_text: str
    old_range: tuple[int, int]
    new_range: tuple[int, int]

    @property
    def width_only(self) -> bool:
        """True when the two sides differ only in character width or spacing."""
        return width_key(self.old_text) == width_key(self.new_text)

    def to_dict(self) -> dict[str, object]:
        return {
            "op": self.op,
            "old_text": self.old_text,
            "new_text": self.new_text,
            "old_range": list(self.old_range),
            "new_range": list(self.new_range),
        }


# --- width ------------------------------------------------------------------------------
def _narrow_table() -> dict[int, str]:
    table = {}
    for code in [*range(0xFF01, 0xFFEF), 0x3000]:  # full-width and half-width forms
        narrow = unicodedata.normalize("NFKC", chr(code))
        if len(narrow) == 1 and narrow != chr(code):
            table[code] = narrow
    return table


_NARROW = _narrow_table()


def narrow(text: str) -> str:
    """Full-width forms as their ordinary (half-width) characters; same length as `text`."""
    return text.translate(_NARROW)


def width_key(text: str) -> str:
    """The text with width and spacing differences taken out: equal keys = width-only change."""
    return "".join(text.translate(_NARROW).split())


# --- words -------------------------------------------------------------------------------
@lru_cache(maxsize=16384)
def _chinese_words(run: str) -> tuple[tuple[int, int], ...]:
    # jieba's cut without HMM (from rjieba when it is there, as the search index cuts): it
    # depends on the dictionary alone, so it is the same on every machine.
    return tuple((start, end) for _, start, end in segment_run(run))


def words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of `text`, covering every character, in order."""
    spans: list[tuple[int, int]] = []
    for match in TOKEN_RE.finditer(text):
        start, token = match.start(), match.group()
        if match.lastgroup == "cjk" and len(token) > 1:
            spans.extend((start + s, start + e) for s, e in _chinese_words(token))
        else:
            spans.append((start, match.end()))
    return spans


# --- the diff ------------------------------------------------------------------------------
def diff_texts(old: str, new: str, ignore_width: bool = False) -> list[TextChange]:
    """The edits that turn `old` into `new`, in order (empty when they are equal)."""
    if old == new or (ignore_width and width_key(old) == width_key(new)):
        return []
    lo, old_hi, new_hi = _differing_middle(old, new)
    old_mid, new_mid = old[lo:old_hi], new[lo:new_hi]
    old_words, new_words = _comparable(old_mid, ignore_width), _comparable(new_mid, ignore_width)
    matcher = SequenceMatcher(None, [k for k, _ in old_words], [k for k, _ in new_words], autojunk=False)
    changes: list[TextChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old_span = _span(old_words, i1, i2, len(old_mid))
        new_span = _span(new_words, j1, j2, len(new_mid))
        changes.extend(_refined(old_mid, new_mid, old_span, new_span))
    if ignore_width:
        changes = [c for c in changes if not c.width_only]
    changes = _joined(changes, old_mid, new_mid)
    return [
        TextChange(
            c.op,
            c.old_text,
            c.new_text,
            (c.old_range[0] + lo, c.old_range[1] + lo),
            (c.new_range[0] + lo, c.new_range[1] + lo),
        )
        for c in changes
    ]


def _joined(changes: list[TextChange], old: str, new: str) -> list[TextChange]:
    """Two substantial changes with a single unchanged character between them (加强国家的能力 →
    提高区域的水平: 的) read better as one replacement than as two."""
    out: list[TextChange] = []
    for change in changes:
        if out and _joinable(out[-1], change):
            last = out.pop()
            change = _change(
                old, new, last.old_range[0], change.old_range[1], last.new_range[0], change.new_range[1]
            )
        out.append(change)
    return out


def _joinable(first: TextChange, second: TextChange) -> bool:
    gap = second.old_range[0] - first.old_range[1]
    if gap > 1 or first.width_only or second.width_only:
        return False

    def size(c: TextChange) -> int:
        return max(len(c.old_text), len(c.new_text))

    return size(first) >= 2 and size(second) >= 2


_BOUNDARY = re.compile(r"[^\w]", re.UNICODE)  # punctuation or space: no word runs across it


def _differing_middle(old: str, new: str) -> tuple[int, int, int]:
    """Where the two texts stop agreeing, widened to punctuation on both sides so that the
    words around the change are cut as they would be in the whole text (the diff, and jieba,
    then only look at the middle: a long paragraph with one edit costs little)."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    lo = prefix
    while lo > 0 and not _BOUNDARY.match(old[lo - 1]):
        lo -= 1
    old_hi, new_hi = len(old) - suffix, len(new) - suffix
    while old_hi < len(old) and not _BOUNDARY.match(old[old_hi]):
        old_hi += 1
        new_hi += 1
    return lo, old_hi, new_hi


def _comparable(text: str, ignore_width: bool) -> list[tuple[str, tuple[int, int]]]:
    """(comparison key, span) per word; with ignore_width, spacing is no word at all."""
    items = []
    for start, end in words(text):
        word = text[start:end]
        if ignore_width:
            if word.isspace():
                continue
            word = narrow(word)
        items.append((word, (start, end)))
    return items


def _span(items: list[tuple[str, tuple[int, int]]], i1: int, i2: int, length: int) -> tuple[int, int]:
    if i1 < i2:
        return items[i1][1][0], items[i2 - 1][1][1]
    # An empty run: the place between word i1-1 and word i1.
    if i1 < len(items):
        return items[i1][1][0], items[i1][1][0]
    return (items[-1][1][1],) * 2 if items else (length, length)


def _refined(old: str, new: str, old_span: tuple[int, int], new_span: tuple[int, int]) -> list[TextChange]:
    """A replaced run of words, as character insertions/deletions when that is what it is."""
    (os_, oe), (ns, ne) = old_span, new_span
    a, b = old[os_:oe], new[ns:ne]
    if a and b:
        opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if all(tag != "replace" for tag, *_ in opcodes):
            return [
                _change(old, new, os_ + i1, os_ + i2, ns + j1, ns + j2)
                for tag, i1, i2, j1, j2 in opcodes
                if tag != "equal"
            ]
    return [_change(old, new, os_, oe, ns, ne)]


def _change(old: str, new: str, i1: int, i2: int, j1: int, j2: int) -> TextChange:
    op = "replace" if i1 < i2 and j1 < j2 else "delete" if i1 < i2 else "insert"
    return TextChange(op, old[i1:i2], new[j1:j2], (i1, i2), (j1, j2))


def similarity(old: str, new: str, changes: list[TextChange]) -> float:
    """Share of the two texts left untouched by `changes` (1.0 = equal), to three places."""
    total = len(old) + len(new)
    if total == 0:
        return 1.0
    touched = sum(c.old_range[1] - c.old_range[0] + c.new_range[1] - c.new_range[0] for c in changes)
    return round(max(0.0, 1 - touched / total), 3)


def map_new_to_old(position: int, changes: list[TextChange]) -> int:
    """The offset in the old text that corresponds to `position` in the new one."""
    shift = 0
    for change in changes:
        (os_, oe), (ns, ne) = change.old_range, change.new_range
        if position < ns:
            break
        if position <= ne:
            return os_ if position < ne or ns == ne else oe
        shift = oe - ne
    return max(0, position + shift)


def map_old_to_new(position: int, changes: list[TextChange]) -> int:
    """The offset in the new text that corresponds to `position` in the old one."""
    swapped = [TextChange(c.op, c.new_text, c.old_text, c.new_range, c.old_range) for c in changes]
    return map_new_to_old(position, swapped)
