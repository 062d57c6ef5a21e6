"""What a search returns. Plain frozen values: safe to hand from a worker thread to the UI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Hit:
    """One matching block.

    `highlights` are [start, end) offsets into `text` (the block text) for every
    match; `snippet` is plain text around the best match, and `snippet_highlights`
    the same matches as offsets into `snippet`. `partial` marks a block that holds
    only some of the query's words (see SearchResults.partial_total).
    """

    doc: str
    anchor: str
    kind: str
    citation: str
    text: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float
    snippet_highlights: tuple[tuple[int, int], ...] = ()
    objectives: tuple[int, ...] = ()
    partial: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of the command line (and of any other machine reader)."""
        return {
            "doc": self.doc,
            "anchor": self.anchor,
            "kind": self.kind,
            "citation": self.citation,
            "text": self.text,
            "snippet": self.snippet,
            "highlights": [list(span) for span in self.highlights],
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class SearchResults:
    """Ranked hits for one query.

    `total`, `by_doc` and `by_objective` count the blocks that match the query.
    When fewer than ten do, blocks holding only some of its words follow them in
    `hits` (flagged `partial`, ranked below every match), and `partial_total` says
    how many there are; they are not counted in `total`.
    """

    query: str
    total: int
    by_doc: dict[str, int]
    by_objective: dict[int, int]
    warnings: tuple[str, ...]
    hits: tuple[Hit, ...]
    offset: int = 0
    limit: int = 20
    messages: tuple[str, ...] = field(default=())  # index maintenance done on the way
    partial_total: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "by_doc": dict(self.by_doc),
            "by_objective": {str(k): v for k, v in self.by_objective.items()},
            "warnings": list(self.warnings),
            "hits": [h.to_dict() for h in self.hits],
        }
