"""Pausing Python's cyclic garbage collector around bulk work.

Parsing a document, decoding or encoding an annotations file and indexing a library each
make tens of thousands to millions of small objects that live on and form no cycles: the
collector would only scan them again and again (a fifth of a long parse, a third of an
annotations load, a third of the ×50 postings) and find nothing. Nested pauses are fine:
the collector comes back only when the outermost one ends, and only if it was on.

Placing 50,000 highlights as the window opens (their excerpts, their pieces in each pane,
the list) is such work too, and what it makes lives on: `bulk_work` pauses the collector
and then moves what was made straight to its oldest generation, as the annotations store
does for what it loads (annotations/loadcache.py).
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


def promote_to_oldest_generation() -> None:
    """Move the objects just built (and any other young ones) to the collector's oldest
    generation without scanning them: they live on, and scanning 250,000 of them as young
    objects, then again as middle-aged ones, costs 50 ms twice (a third of the window's
    start with 50,000 highlights). They are still scanned by every full collection, so no
    cycle goes unnoticed."""
    gc.freeze()
    gc.unfreeze()


@contextmanager
def bulk_work() -> Iterator[None]:
    """The collector paused meanwhile; what was made then goes to its oldest generation."""
    with collector_paused():
        yield
    if gc.isenabled():  # the outermost pause has ended
        promote_to_oldest_generation()
