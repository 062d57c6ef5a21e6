"""Plain-dict views of core objects, shared by the command line and exporters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..paths import DATA_ROOT
from .corpus import Corpus
from .model import Block, Document, Objective, ObjectiveLink
from .passages import link_counts, links_by_document, related_counts


def document_to_dict(doc: Document) -> dict[str, Any]:
    """`source` is the text file: `corpus/…` for bundled documents,
    absolute (in the user data folder) for imported ones."""
    info = doc.info
    source = Path(info.source)
    if info.bundled and source.is_relative_to(DATA_ROOT):
        source = source.relative_to(DATA_ROOT)  # corpus/…, installed or not
    return {
        "id": info.id,
        "title": info.title,
        "short_title": info.short_title,
        "kind": info.kind,
        "date": info.date,
        "symbol": info.symbol,
        "source": source.as_posix(),
        "bundled": info.bundled,
        "blocks": len(doc.blocks),
        "iri": info.iri,
        "language": info.language,
        "revision_of": info.revision_of,
    }


def block_to_dict(doc: Document, block: Block) -> dict[str, Any]:
    return {
        "anchor": block.anchor,
        "kind": block.kind.value,
        "label": block.label,
        "marker": block.marker,
        "level": block.level,
        "parent": block.parent,
        "heading_path": list(block.heading_path),
        "text": block.text,
        "notes": [
            {
                "mark": n.mark,
                "offset": n.offset,
                "target": n.target,
                "text": doc.block(n.target).text if n.target else "",
            }
            for n in block.notes
        ],
        "refs": [{"symbol": r.symbol, "start": r.start, "end": r.end, "doc": r.doc_id} for r in block.refs],
        "rows": [list(row) for row in block.rows],
        "citation": block.citation,
        "role": block.role,
    }


def objective_to_dict(objective: Objective, corpus: Corpus) -> dict[str, Any]:
    """`links`: per document, the explicit links ranked by topic, then the related ones;
    `related`: the related links in rank order across documents (what `reader related`
    gives); `counts`: per document, explicit and related links as the window counts them."""
    explicit, related = link_counts(objective, corpus), related_counts(objective, corpus)
    return {
        "number": objective.number,
        "title": objective.title,
        "anchor": objective.anchor,
        "commitment": {"anchor": objective.commitment_anchor, "text": objective.commitment},
        "actions": [{"letter": a.letter, "anchor": a.anchor, "text": a.text} for a in objective.actions],
        "links": [
            link_to_dict(link) for links in links_by_document(objective, corpus).values() for link in links
        ],
        "related": [link_to_dict(link) for link in objective.related],
        "counts": {
            doc: {"explicit": explicit.get(doc, 0), "related": related.get(doc, 0)}
            for doc in [d.id for d in corpus]
            if doc in explicit or doc in related
        },
        "title_variants": list(objective.title_variants),
    }


def link_to_dict(link: ObjectiveLink) -> dict[str, Any]:
    return {
        "doc": link.doc,
        "anchor": link.anchor,
        "kind": link.kind,
        "citation": link.citation,
        "score": link.score,
    }
