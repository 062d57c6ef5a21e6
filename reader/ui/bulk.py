"""Bulk work in the window: many small objects made at once that live on.

Placing 50,000 highlights as the window opens (their excerpts, their pieces in each
pane, the list) makes hundreds of thousands of objects that form no cycles; Python's
collector would scan them again and again as they are made, and then twice more as they
age (a third of the window's start with 50,000 highlights). The collector is paused
meanwhile, and what was made goes straight to its oldest generation, as the annotations
store does for what it loads (core/annotations/loadcache.py): a full collection still
scans it, so no cycle goes unnoticed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from ..core.collector import collector_paused


@contextmanager
def bulk_work() -> Iterator[None]:
    with collector_paused():
        yield
    if gc.isenabled():  # the outermost pause has ended
        gc.freeze()
        gc.unfreeze()
