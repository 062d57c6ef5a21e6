"""A stand-in for `reader.core.search.SearchService` with the same contract.

Plain substring matching over block texts: deterministic and instant, so the panel's
own behaviour (debounce, stale results, grouping, highlighting) can be tested on its
own. Tests that need real Chinese search use the real service. The value types
are the real ones, so the panel is tested against what the service really returns.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from reader.core.model import BlockKind
from reader.core.objectives import objective_for_block
from reader.core.search import Hit, IndexBusyError, SearchError, SearchResults  # noqa: F401


@dataclass
class FakeSearchService:
    corpus: object
    objectives: list
    paths: object = None
    calls: list[str] = field(default_factory=list)
    gate: threading.Event | None = None  # when set, ensure_index waits for it
    index_error: str = ""

    def ensure_index(self, progress=None) -> list[str]:
        if self.gate is not None:
            self.gate.wait(10)
        if self.index_error:
            raise SearchError(self.index_error)
        total = len(self.corpus)
        for i in range(total):
            if progress:
                progress(i + 1, total)
        return []

    def search(self, query, *, doc=None, objective=None, kind=None, limit=20, offset=0):
        self.calls.append(query)
        if query.startswith("bad:"):
            raise SearchError("unbalanced quotes")
        hits = [h for h in self._all_hits(query.strip()) if self._keep(h, doc, objective, kind)]
        by_doc: dict[str, int] = {}
        for hit in hits:
            by_doc[hit.doc] = by_doc.get(hit.doc, 0) + 1
        return SearchResults(query, len(hits), by_doc, {}, (), tuple(hits[offset : offset + limit]))

    def related(self, doc_id, anchor, limit=10):
        words = ("拘留", "汇款", "证件")
        text = self.corpus.get(doc_id).block(anchor).text if doc_id in self.corpus else ""
        word = next((w for w in words if w in text), "拘留")
        return [h for h in self._all_hits(word) if h.doc != doc_id][:limit]

    def _keep(self, hit, doc, objective, kind) -> bool:
        if doc and hit.doc != doc:
            return False
        if kind and hit.kind != kind:
            return False
        return not objective or objective in objective_for_block(self.objectives, hit.doc, hit.anchor)

    def _all_hits(self, query: str) -> list[Hit]:
        if not query:
            return []
        hits = []
        for doc in self.corpus:
            for block in doc.blocks:
                if block.kind is BlockKind.FOOTNOTE or query not in block.text:
                    continue
                spans, start = [], block.text.find(query)
                while start >= 0:
                    spans.append((start, start + len(query)))
                    start = block.text.find(query, start + len(query))
                hits.append(
                    Hit(
                        doc.id,
                        block.anchor,
                        block.kind.value,
                        block.citation,
                        block.text,
                        block.text[:60],
                        tuple(spans),
                        float(len(spans)),
                    )
                )
        return hits
