"""Text as search sees it, without whoosh: folding, words (jieba), characters and pairs.

Folding (Traditional → Simplified, full-width → half-width, lower case) is done
one character at a time and never changes a string's length, so an offset into
the folded text is the same offset into the original: stored texts and highlight
offsets stay those of the original block.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any


# --- folding ----------------------------------------------------------------------
class _FoldTable(dict[int, int]):
    """str.translate's table: code point → folded code point, each worked out the first
    time it is seen. Every character seen has its entry (itself when unchanged): a lookup
    that fails costs translate far more than one that finds the character itself."""

    def __missing__(self, code: int) -> int:
        folded = ord(_fold_char(chr(code)))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()
_T2S: Any = None
_T2S_LOCK = threading.Lock()


def _t2s(char: str) -> str:
    global _T2S
    with _T2S_LOCK:
        if _T2S is None:
            import opencc  # ~10 ms; only when a CJK character is first seen

            _T2S = opencc.OpenCC("t2s")
        return _T2S.convert(char)


def _fold_char(char: str) -> str:
    """One character's folded form: folding again changes nothing (fold(fold(x)) == fold(x))."""
    folded = _fold_once(char)
    for _ in range(3):
        again = _fold_once(folded)
        if again == folded:
            break
        folded = again
    return folded


def _fold_once(char: str) -> str:
    """NFKC, Simplified, lower case: each step kept only if it keeps one character."""
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        folded = char
    if is_cjk(folded):
        simplified = _t2s(folded)
        folded = simplified if len(simplified) == 1 else folded
    lower = folded.lower()
    return lower if len(lower) == 1 else folded


def fold(text: str) -> str:
    """The text as the index sees it; always the same length as `text`."""
    return text.translate(_FOLD_TABLE)


def is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FA1F
    )


# --- words: jieba for Chinese, a pattern for everything else ------------------------
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
# An alphanumeric word, allowing inner connectors so that A/RES/73/195, COVID-19,
# 6.3% and e-mail stay one searchable term.
ALNUM = rf"(?:(?![{CJK}])[^\W_])"
WORD_RE = re.compile(rf"[{CJK}]+|{ALNUM}+(?:[./\-&+'’]{ALNUM}+)*%?")
PART_RE = re.compile(rf"{ALNUM}+")

_JIEBA: Any = None
_JIEBA_LOCK = threading.Lock()
_JIEBA_CACHE: Path | None = None


def configure_jieba(cache_file: Path) -> None:
    """Where jieba keeps its dictionary cache (never the system's temp folder)."""
    global _JIEBA_CACHE
    _JIEBA_CACHE = Path(cache_file)


def jieba_tokenizer() -> Any:
    """The shared jieba tokenizer, loading its dictionary (~1 s) on first use."""
    global _JIEBA
    with _JIEBA_LOCK:
        if _JIEBA is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" chatter
            tokenizer = jieba.Tokenizer()
            cache = _JIEBA_CACHE or _default_cache()
            cache.parent.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(cache.parent)
            tokenizer.cache_file = cache.name
            tokenizer.initialize()
            _JIEBA = tokenizer
        return _JIEBA


def _default_cache() -> Path:
    from ...paths import resolve_paths

    return resolve_paths().jieba_cache


_RJIEBA: Any = None  # rjieba.tokenize, or False when rjieba cannot be imported


def fast_tokenize() -> Any:
    """rjieba's `tokenize` (jieba's algorithm and dictionary in Rust: it loads in 0.16 s where
    jieba takes ~1.4 s, and segments ~8× faster, with the same words); None without rjieba."""
    global _RJIEBA
    if _RJIEBA is None:
        try:
            import rjieba

            _RJIEBA = rjieba.tokenize
        except ImportError:
            _RJIEBA = False
    return _RJIEBA or None


@lru_cache(maxsize=8192)
def _segment_run(run: str) -> tuple[tuple[str, int, int], ...]:
    # No HMM: segmentation then depends on the dictionary alone, which the query
    # segmenter (segment.py) reproduces from the index's own lexicon without jieba.
    # Cached because identical blocks recur (re-indexing, repeated boilerplate).
    tokenize = fast_tokenize()
    if tokenize is not None:
        return tuple(tokenize(run, hmm=False))
    return tuple(jieba_tokenizer().tokenize(run, HMM=False))


def segment_run(run: str) -> tuple[tuple[str, int, int], ...]:
    """(word, start, end) of a run of Chinese characters, as jieba (no HMM) cuts it."""
    return _segment_run(run)


@lru_cache(maxsize=8192)
def _run_words(run: str) -> tuple[str, ...]:
    return tuple(word for word, _start, _end in _segment_run(run))


def index_words(folded: str) -> list[str]:
    """The words of `word_spans`, without their offsets: what the index stores, made
    several times faster (a build's share of Python work per word)."""
    words: list[str] = []
    for word in WORD_RE.findall(folded):
        if is_cjk(word[0]):
            words.extend(_run_words(word))
            continue
        words.append(word)
        parts = PART_RE.findall(word)
        if len(parts) > 1 or (parts and parts[0] != word):
            words.extend(parts)
    return words


def word_spans(folded: str) -> Iterator[tuple[str, int, int, bool]]:
    """(word, start, end, is_part) for a folded text; offsets index the text.

    Chinese runs are segmented by jieba (exact offsets from `jieba.tokenize`); other
    words come whole, followed by their alphanumeric parts when they have several
    (a/res/73/195 → a, res, 73, 195), which share the whole word's position.
    Punctuation and spaces make no words; the character postings cover them.
    """
    for match in WORD_RE.finditer(folded):
        word, base = match.group(), match.start()
        if is_cjk(word[0]):
            for piece, start, end in _segment_run(word):
                yield piece, base + start, base + end, False
            continue
        yield word, base, match.end(), False
        parts = PART_RE.findall(word)
        if len(parts) > 1 or (parts and parts[0] != word):
            offset = base
            for part in PART_RE.finditer(word):
                yield part.group(), offset + part.start(), offset + part.end(), True


_SPACE_RE = re.compile(r"\s+")


def gram_counts(folded: str) -> Counter[str]:
    """The index's terms of a folded block text, each with how often it occurs: every
    character and every pair of adjacent characters, spaces aside. Any substring of the
    text is found among the blocks holding all of its own `query_grams`."""
    counts: Counter[str] = Counter()
    for piece in _SPACE_RE.split(folded) if _SPACE_RE.search(folded) else (folded,):
        counts.update(piece)
        counts.update(map(str.__add__, piece, piece[1:]))
    return counts


def gram_terms(folded: str) -> set[str]:
    return set(gram_counts(folded))


def counted_exactly(folded: str) -> bool:
    """Does the index's count of this term equal `str.count` (no overlapping repeats)?"""
    return (
        len(folded) == 1
        and not folded.isspace()
        or (len(folded) == 2 and folded[0] != folded[1] and not _SPACE_RE.search(folded))
    )


def query_grams(folded: str) -> set[str]:
    """The index terms every block containing `folded` holds: its character pairs, or
    its characters when it has no pair without a space (empty: nothing to narrow by)."""
    pieces = [p for p in _SPACE_RE.split(folded) if p]
    pairs = {a + b for piece in pieces for a, b in zip(piece, piece[1:], strict=False)}
    return pairs or {c for piece in pieces for c in piece}
