"""The whoosh analyzers of the search index.

whoosh pickles a field's analyzer into the index by module path, so the classes
here keep their names and this module keeps its place; changing what they emit
means bumping `index.SCHEMA_VERSION`. The text work itself is in text.py, which
the query side uses without importing whoosh.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer

from .text import fold, word_spans


class _StatelessTokenizer(Tokenizer):
    """Equal to any instance of its class: whoosh compares analyzers to detect schema changes."""

    def __eq__(self, other: object) -> bool:
        return other.__class__ is self.__class__

    def __hash__(self) -> int:
        return hash(self.__class__.__name__)


class WordTokenizer(_StatelessTokenizer):
    """Words of a block for ranked search: ordinal positions, exact character offsets."""

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos - 1
        for word, start, end, is_part in word_spans(fold(value)):
            if not is_part:
                pos += 1
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = value[start:end]
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


def WordAnalyzer() -> WordTokenizer:  # noqa: N802 - mirrors whoosh's analyzer factories
    return WordTokenizer()
