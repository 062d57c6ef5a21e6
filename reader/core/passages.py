"""Which passages go with which: the glue behind objective selection and linked scrolling.

Pure Python over the core's objective links (no Qt, no searching): the window asks
here what to show in the other pane(s); "related" passages come from the search
service and are merged in by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .corpus import Corpus
from .model import BlockKind, Objective, ObjectiveLink
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


def link_counts(objective: Objective, corpus: Corpus) -> dict[str, int]:
    counts: dict[str, int] = {}
    for link in shown_links(objective, corpus):
        counts[link.doc] = counts.get(link.doc, 0) + 1
    return counts


def objective_passages(objective: Objective, corpus: Corpus) -> list[Passage]:
    return [Passage(link.doc, link.anchor, link.citation, link.kind)
            for link in shown_links(objective, corpus)]


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


class ObjectiveMap:
    """Which objective a block belongs to (in the Compact) or is linked to (elsewhere)."""

    def __init__(self, corpus: Corpus, objectives: list[Objective]) -> None:
        self.corpus, self.objectives = corpus, objectives
        self._compact_sections: dict[str, int] = {}
        if COMPACT_ID in corpus:
            self._index_compact()

    def _index_compact(self) -> None:
        current, level = 0, 0
        for block in self.corpus.get(COMPACT_ID).blocks:
            if block.kind is BlockKind.HEADING:
                match = OBJECTIVE_HEADING_RE.match(block.anchor)
                if match:
                    current, level = int(match.group(1)), block.level
                elif current and block.level <= level:
                    current = 0
            if current:
                self._compact_sections[block.anchor] = current

    def objectives_at(self, doc_id: str, anchor: str) -> list[int]:
        if doc_id == COMPACT_ID:
            number = self._compact_sections.get(anchor)
            return [number] if number else []
        return objective_for_block(self.objectives, doc_id, anchor)

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
        return next((link.anchor for link in shown_links(objective, self.corpus)
                     if link.doc == target_doc), None)
