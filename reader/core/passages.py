"""Which passages go with which: the glue behind objective selection and linked scrolling.

Pure Python over the core's objective links (no Qt, no searching): the window asks
here what to show in the other pane(s). An objective's passages are listed per
document: its explicit links first, ranked by topic, then its related (topical)
links, marked as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .corpus import Corpus
from .model import BlockKind, Document, Objective, ObjectiveLink
from .objectives import COMPACT_ID, objective_for_block

OBJECTIVE_HEADING_RE = re.compile(r"^obj(\d{1,2})$")


@dataclass(frozen=True)
class Passage:
    """One passage to visit; `kind` is the link kind or "related" (found by search)."""

    doc: str
    anchor: str
    citation: str
    kind: str
    highlights: tuple[tuple[int, int], ...] = ()

    @property
    def related(self) -> bool:
        return self.kind == "related"


@dataclass
class PassageSet:
    """Passages a pane steps through with next/previous; `objective` is 0 when none."""

    title: str
    passages: list[Passage]
    objective: int = 0

    def index_in(self, doc_id: str) -> int:
        """The first passage in `doc_id`, else 0."""
        return next((i for i, p in enumerate(self.passages) if p.doc == doc_id), 0)

    def in_doc(self, doc_id: str) -> list[Passage]:
        return [p for p in self.passages if p.doc == doc_id]


def shown_links(objective: Objective, corpus: Corpus) -> list[ObjectiveLink]:
    """The objective's links worth visiting: a round-table heading is left out when the
    paragraphs under it are links too (they are what a reader wants to see)."""
    result = []
    for link in objective.links:
        if link.doc == COMPACT_ID or link.doc not in corpus:
            continue
        doc = corpus.get(link.doc)
        if not doc.has(link.anchor):
            continue
        block = doc.block(link.anchor)
        if link.kind == "roundtable" and block.kind is BlockKind.HEADING:
            continue
        result.append(link)
    return result


def shown_related(objective: Objective, corpus: Corpus) -> list[ObjectiveLink]:
    """The objective's related links whose passage is still in the corpus, best first."""
    return [
        link for link in objective.related if link.doc in corpus and corpus.get(link.doc).has(link.anchor)
    ]


def link_counts(objective: Objective, corpus: Corpus) -> dict[str, int]:
    """Explicit links per document, as the window counts them."""
    return _count(shown_links(objective, corpus))


def related_counts(objective: Objective, corpus: Corpus) -> dict[str, int]:
    """Related (topical) links per document."""
    return _count(shown_related(objective, corpus))


def _count(links: list[ObjectiveLink]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for link in links:
        counts[link.doc] = counts.get(link.doc, 0) + 1
    return counts


def links_by_document(objective: Objective, corpus: Corpus) -> dict[str, list[ObjectiveLink]]:
    """Per document (in corpus order): explicit links ranked, then related links ranked."""
    grouped: dict[str, list[ObjectiveLink]] = {doc.id: [] for doc in corpus}
    for link in [*shown_links(objective, corpus), *shown_related(objective, corpus)]:
        grouped[link.doc].append(link)
    return {doc: links for doc, links in grouped.items() if links}


def objective_passages(objective: Objective, corpus: Corpus) -> list[Passage]:
    """What the panes step through: per document, explicit passages then related ones."""
    return [
        Passage(link.doc, link.anchor, link.citation, link.kind)
        for links in links_by_document(objective, corpus).values()
        for link in links
    ]


def merge_related(passages: list[Passage], related: list[Passage]) -> list[Passage]:
    """Explicit links first, then related passages not already listed."""
    seen = {(p.doc, p.anchor) for p in passages}
    merged = list(passages)
    for passage in related:
        if passage.doc != COMPACT_ID and (passage.doc, passage.anchor) not in seen:
            seen.add((passage.doc, passage.anchor))
            merged.append(passage)
    return merged


def best_document(passages: list[Passage], exclude: set[str]) -> str | None:
    """The document with most explicit passages, not in `exclude` if avoidable."""
    counts: dict[str, int] = {}
    for p in passages:
        if not p.related:
            counts[p.doc] = counts.get(p.doc, 0) + 1
    ranked = sorted(counts, key=lambda d: -counts[d])
    for doc in ranked:
        if doc not in exclude:
            return doc
    return ranked[0] if ranked else None


def objective_sections(document: Document) -> dict[str, int]:
    """Anchor → objective number for every block under a 目标 N heading of `document` (the
    Compact, or a draft of it), up to the next heading of the same or a higher level."""
    sections: dict[str, int] = {}
    current, level = 0, 0
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            match = OBJECTIVE_HEADING_RE.search(block.anchor.rsplit("/", 1)[-1])
            if match:
                current, level = int(match.group(1)), block.level
            elif current and block.level <= level:
                current = 0
        if current:
            sections[block.anchor] = current
    return sections


class ObjectiveMap:
    """Which objective a block belongs to (in the Compact) or is linked to (elsewhere)."""

    def __init__(self, corpus: Corpus, objectives: list[Objective]) -> None:
        self.corpus, self.objectives = corpus, objectives
        self._compact_sections: dict[str, int] = {}
        if COMPACT_ID in corpus:
            self._index_compact()

    def _index_compact(self) -> None:
        self._compact_sections = objective_sections(self.corpus.get(COMPACT_ID))

    def objectives_at(self, doc_id: str, anchor: str) -> list[int]:
        if doc_id == COMPACT_ID:
            number = self._compact_sections.get(anchor)
            return [number] if number else []
        return objective_for_block(self.objectives, doc_id, anchor)

    def objectives_following(self, doc_id: str, anchor: str) -> list[int]:
        """Objectives a reader at this block is reading about, most likely first: the
        Compact's own section; else those linking the block explicitly, then those it is
        related to, each by the block's topical score."""
        if doc_id == COMPACT_ID:
            return self.objectives_at(doc_id, anchor)
        ranked: list[tuple[int, float, int]] = []
        for objective in self.objectives:
            for tier, links in ((0, objective.links), (1, objective.related)):
                link = next((x for x in links if x.doc == doc_id and x.anchor == anchor), None)
                if link is not None:
                    ranked.append((tier, -link.score, objective.number))
                    break
        return [number for _, _, number in sorted(ranked)]

    def section(self, objective: Objective) -> list[str]:
        """Anchors of the Compact blocks from the objective's heading to its last action."""
        return [a for a, n in self._compact_sections.items() if n == objective.number]

    def corresponding(self, number: int, target_doc: str) -> str | None:
        """Where objective `number` is in `target_doc`: its heading, or its first link."""
        objective = next((o for o in self.objectives if o.number == number), None)
        if objective is None:
            return None
        if target_doc == COMPACT_ID:
            return objective.anchor
        return next(
            (link.anchor for link in shown_links(objective, self.corpus) if link.doc == target_doc), None
        )
