"""Highlights, notes, tags, bookmarks and the colour palette: stored safely, placed by quote.

No Qt anywhere. In short (FORMAT.md documents the file):

    store = Store.open(paths.annotations_file)      # never raises for a bad file:
    store.load_report.ok, store.load_report.messages  # ...it says what it did instead
    store.reanchor(corpus)                           # after loading the corpus: orphans listed
    change = store.add(new_annotation(make_target(doc, "17.a", 3, "17.b", 10), color="red"))
    store.save()                                     # coalesced; a QTimer calls flush_if_due()
    store.put(change.before) / store.delete(id)      # undo and redo: every change is a Change
    segments(doc, annotation.target)                 # per-block pieces to paint
    plan = plan_import(data, store.state, corpus); store.apply_import(plan)
"""

from __future__ import annotations

from .anchoring import (
    AnchorStatus,
    ReanchorReport,
    Resolution,
    Segment,
    make_target,
    reanchor,
    resolve,
    segments,
    target_at,
)
from .fileformat import FORMAT_NAME, FORMAT_VERSION
from .importer import AnnotationImportError, ImportPlan, ImportReport, plan_import
from .jsonld import ANCHOR_SPEC, ANNO_CONTEXT, annotation_from_w3c, annotation_to_jsonld, annotation_to_w3c
from .model import (
    COLORS,
    DEFAULT_COLOR,
    DEFAULT_MEANINGS,
    Annotation,
    BlockRangeSelector,
    Bookmark,
    ColorMeaning,
    Palette,
    StoreState,
    Target,
    TextPositionSelector,
    TextQuoteSelector,
    new_annotation,
    new_bookmark,
)
from .store import Change, SaveResult, Store, StoreError, StoreLoadReport, diff_states, open_store

__all__ = [
    "ANCHOR_SPEC", "ANNO_CONTEXT", "COLORS", "DEFAULT_COLOR", "DEFAULT_MEANINGS", "FORMAT_NAME",
    "FORMAT_VERSION", "AnchorStatus", "Annotation", "AnnotationImportError", "BlockRangeSelector",
    "Bookmark", "Change", "ColorMeaning", "ImportPlan", "ImportReport", "Palette", "ReanchorReport",
    "Resolution", "SaveResult", "Segment", "Store", "StoreError", "StoreLoadReport", "StoreState",
    "Target", "TextPositionSelector", "TextQuoteSelector", "annotation_from_w3c",
    "annotation_to_jsonld", "annotation_to_w3c", "diff_states", "make_target", "new_annotation",
    "new_bookmark", "open_store", "plan_import", "reanchor", "resolve", "segments", "target_at",
]
