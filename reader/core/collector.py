"""Pausing Python's cyclic garbage collector around bulk work.

Parsing a document, decoding or encoding an annotations file and indexing a library each
make tens of thousands to millions of small objects that live on and form no cycles: the
collector would only scan them again and again (a fifth of a long parse, a third of an
annotations load, a third of the ×50 postings) and find nothing. Nested pauses are fine:
the collector comes back only when the outermost one ends, and only if it was on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
