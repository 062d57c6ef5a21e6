"""Excerpts as a W3C Web Annotation Collection (JSON-LD), for a colleague or another tool.

Nothing is lost on the way: with the highlights go the bookmarks (motivation
``bookmarking``) and the colour meanings (the collection's ``palette``; each highlight also
names its meaning in a ``classifying`` body); every annotation names its ``creator`` and the
``generator``. Each annotation also carries its own @context, so any one of them can be
taken out and still be a complete W3C annotation.
"""

from __future__ import annotations

import json
import uuid

from ..annotations.exchange import COLLECTION_CONTEXT, PALETTE_KEY, bookmark_to_jsonld, palette_to_jsonld
from ..annotations.jsonld import GENERATOR, annotation_to_jsonld, person
from .excerpts import Excerpt, ExportData, objective_names

COLLECTION_NAMESPACE = uuid.UUID("7d1d3a52-5c36-4f0e-9a53-3c1a0b0e2a41")


def to_jsonld(data: ExportData) -> str:
    items = [_annotation(e, data) for e in data.excerpts]
    items += [
        bookmark_to_jsonld(b, citation=citation, generated=data.generated, creator=data.creator)
        for b, citation in data.bookmarks
    ]
    # Derived from content, so the same export twice has the same ids (and a stable test).
    seed = data.generated + "|" + "|".join(item["id"] for item in items)
    collection_id = f"urn:uuid:{uuid.uuid5(COLLECTION_NAMESPACE, seed)}"
    page_id = f"urn:uuid:{uuid.uuid5(COLLECTION_NAMESPACE, seed + '|page-1')}"
    collection = {
        "@context": COLLECTION_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": data.labels.title,
    }
    if data.creator:
        collection["creator"] = person(data.creator)
    sources = [
        {"id": f"reader://{s.doc}", "title": s.title, "symbol": s.symbol, "date": s.date}
        for s in data.sources
    ]  # the documents cited (title, symbol, date)
    collection.update(
        {
            "generator": GENERATOR,
            "generated": data.generated,
            "filters": data.filters_line(),
            PALETTE_KEY: palette_to_jsonld(data.palette),
            "sources": sources,
            "total": len(items),
            "first": {"id": page_id, "type": "AnnotationPage", "startIndex": 0, "items": items},
        }
    )
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def _annotation(excerpt: Excerpt, data: ExportData) -> dict:
    citation = "；".join([excerpt.dated_citation, *objective_names(excerpt, data.labels)])
    annotation = excerpt.annotation
    if not annotation.creator and excerpt.creator:
        annotation = annotation.edited(creator=excerpt.creator)
    return annotation_to_jsonld(
        annotation,
        meaning=excerpt.meaning,
        citation=citation,
        language=excerpt.language,
        generated=data.generated,
    )
