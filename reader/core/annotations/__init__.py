"""Highlights, notes, tags, bookmarks and the colour palette: stored safely, placed by quote.

No Qt anywhere. In short (FORMAT.md documents the file):

    store = Store.open(paths.annotations_file)      # never raises for a bad file:
    store.load_report.ok, store.load_report.messages  # ...it says what it did instead
    # cache_dir=paths.cache keeps a decoded copy there, read while it matches (loadcache.py)
    store.reanchor(corpus)                           # after loading the corpus: orphans listed
    change = store.add(new_annotation(make_target(doc, "17.a", 3, "17.b", 10), color="red"))
    store.save()                                     # coalesced; a QTimer calls flush_if_due()
    store.put(change.before) / store.delete(id)      # undo and redo: every change is a Change
    segments(doc, annotation.target)                 # per-block pieces to paint
    plan = plan_import(data, store.state, corpus); store.apply_import(plan)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
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
    from .colors import COLORS
    from .fileformat import FORMAT_NAME, FORMAT_VERSION
    from .importer import AnnotationImportError, ImportPlan, ImportReport, plan_import
    from .jsonld import (
        ANCHOR_SPEC,
        ANNO_CONTEXT,
        annotation_from_w3c,
        annotation_to_jsonld,
        annotation_to_w3c,
    )
    from .model import (
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

_EXPORTS = {
    "AnchorStatus": ".anchoring",
    "ReanchorReport": ".anchoring",
    "Resolution": ".anchoring",
    "Segment": ".anchoring",
    "make_target": ".anchoring",
    "reanchor": ".anchoring",
    "resolve": ".anchoring",
    "segments": ".anchoring",
    "target_at": ".anchoring",
    "FORMAT_NAME": ".fileformat",
    "FORMAT_VERSION": ".fileformat",
    "AnnotationImportError": ".importer",
    "ImportPlan": ".importer",
    "ImportReport": ".importer",
    "plan_import": ".importer",
    "ANCHOR_SPEC": ".jsonld",
    "ANNO_CONTEXT": ".jsonld",
    "annotation_from_w3c": ".jsonld",
    "annotation_to_jsonld": ".jsonld",
    "annotation_to_w3c": ".jsonld",
    "COLORS": ".colors",
    "DEFAULT_COLOR": ".model",
    "DEFAULT_MEANINGS": ".model",
    "Annotation": ".model",
    "BlockRangeSelector": ".model",
    "Bookmark": ".model",
    "ColorMeaning": ".model",
    "Palette": ".model",
    "StoreState": ".model",
    "Target": ".model",
    "TextPositionSelector": ".model",
    "TextQuoteSelector": ".model",
    "new_annotation": ".model",
    "new_bookmark": ".model",
    "Change": ".store",
    "SaveResult": ".store",
    "Store": ".store",
    "StoreError": ".store",
    "StoreLoadReport": ".store",
    "diff_states": ".store",
    "open_store": ".store",
}
__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)

__all__ = [
    "ANCHOR_SPEC",
    "ANNO_CONTEXT",
    "COLORS",
    "DEFAULT_COLOR",
    "DEFAULT_MEANINGS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "AnchorStatus",
    "Annotation",
    "AnnotationImportError",
    "BlockRangeSelector",
    "Bookmark",
    "Change",
    "ColorMeaning",
    "ImportPlan",
    "ImportReport",
    "Palette",
    "ReanchorReport",
    "Resolution",
    "SaveResult",
    "Segment",
    "Store",
    "StoreError",
    "StoreLoadReport",
    "StoreState",
    "Target",
    "TextPositionSelector",
    "TextQuoteSelector",
    "annotation_from_w3c",
    "annotation_to_jsonld",
    "annotation_to_w3c",
    "diff_states",
    "make_target",
    "new_annotation",
    "new_bookmark",
    "open_store",
    "plan_import",
    "reanchor",
    "resolve",
    "segments",
    "target_at",
]
