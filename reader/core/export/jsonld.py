"""Excerpts as a W3C Web Annotation Collection (JSON-LD), for a colleague or another tool.

Each annotation also carries its own @context, so any one of them can be taken out and
still be a complete W3C annotation.
"""

from __future__ import annotations

import json
import uuid

from ..annotations.jsonld import ANNO_CONTEXT, annotation_to_jsonld
from .excerpts import Excerpt, ExportData, objective_names

COLLECTION_NAMESPACE = uuid.UUID("7d1d3a52-5c36-4f0e-9a53-3c1a0b0e2a41")


def to_jsonld(data: ExportData) -> str:
    items = [_annotation(e, data) for e in data.excerpts]
    # Derived from content, so the same export twice has the same ids (and a stable test).
    seed = data.generated + "|" + "|".join(item["id"] for item in items)
    collection_id = f"urn:uuid:{uuid.uuid5(COLLECTION_NAMESPACE, seed)}"
    page_id = f"urn:uuid:{uuid.uuid5(COLLECTION_NAMESPACE, seed + '|page-1')}"
    collection = {"@context": ANNO_CONTEXT, "id": collection_id, "type": "AnnotationCollection",
                  "label": data.labels.title, "total": len(items),
                  "first": {"id": page_id, "type": "AnnotationPage", "startIndex": 0, "items": items}}
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def _annotation(excerpt: Excerpt, data: ExportData) -> dict:
    citation = "；".join([excerpt.citation, *objective_names(excerpt, data.labels)])
    return annotation_to_jsonld(excerpt.annotation, meaning=excerpt.meaning, citation=citation,
                                language=excerpt.language, generated=data.generated)
