"""The corpus as the search engine reads it: every block, folded, in corpus order.

Matching is decided on these folded texts (the index only narrows the
candidates), which is what makes exact phrases equal a substring scan.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import compress, count
from operator import attrgetter

from ..corpus import Corpus
from ..model import Block, BlockKind, Objective
from .index import block_key, objective_map
from .text import fold

CONTEXT_HEADINGS = 2  # how many of the nearest headings rank a block (BM25F's second field)
# BM25 parameters and kind boosts, tuned on benchmarks/relevance.py (a plateau:
# nearby values score within 0.01 nDCG). Blocks are short, so a low B: a long
# paragraph that names a topic three times should not lose to a one-line list item.
K1 = 1.0
B = 0.4
KIND_BOOST = {BlockKind.HEADING.value: 1.4, BlockKind.FOOTNOTE.value: 0.8}


@dataclass
class BlockTable:
    doc_ids: list[str]
    blocks: list[Block]
    texts: list[str]  # folded block texts, same offsets as the originals
    context: list[str]  # folded nearest headings
    objectives: list[tuple[int, ...]]
    positions: dict[str, int]  # block_key → position in this table

    @classmethod
    def build(
        cls, corpus: Corpus, objectives: list[Objective], folded: list[str] | None = None
    ) -> BlockTable:
        """`folded`: every block's folded text in corpus order, when the caller has them."""
        objmap = objective_map(corpus, objectives)
        doc_ids, blocks, context, numbers = [], [], [], []
        for doc in corpus:
            for block in doc.blocks:
                doc_ids.append(doc.id)
                blocks.append(block)
                context.append(fold(" ".join(block.heading_path[-CONTEXT_HEADINGS:])))
                numbers.append(objmap.get((doc.id, block.anchor), ()))
        if folded is None:
            folded = [fold(block.text) for block in blocks]
        elif len(folded) != len(blocks):
            raise ValueError(f"{len(folded)} folded texts for {len(blocks)} blocks")
        positions = {block_key(d, b.anchor): i for i, (d, b) in enumerate(zip(doc_ids, blocks, strict=True))}
        return cls(doc_ids, blocks, folded, context, numbers, positions)

    def __len__(self) -> int:
        return len(self.blocks)

    @cached_property
    def norms(self) -> list[float]:
        """BM25's length normalisation of each text, K1·(1 − B + B·length/average)."""
        return _norms(self.texts)

    @cached_property
    def context_norms(self) -> list[float]:
        return _norms(self.context)

    @cached_property
    def context_groups(self) -> dict[str, set[int]]:
        """Distinct heading contexts → the positions of the blocks under them."""
        groups: dict[str, set[int]] = {}
        for i, context in enumerate(self.context):
            if context:
                groups.setdefault(context, set()).add(i)
        return groups

    @cached_property
    def boosted(self) -> dict[int, float]:
        """Positions whose kind changes the score (headings up, footnotes down)."""
        by_kind = self._by_kind
        return {i: boost for kind, boost in KIND_BOOST.items() for i in sorted(by_kind[kind])}

    @cached_property
    def boost_of(self) -> list[float]:
        """Each position's kind boost (1.0 for most)."""
        boosts = [1.0] * len(self.blocks)
        for i, boost in self.boosted.items():
            boosts[i] = boost
        return boosts

    @cached_property
    def _by_doc(self) -> dict[str, set[int]]:
        found: dict[str, set[int]] = {}
        for i, doc_id in enumerate(self.doc_ids):
            found.setdefault(doc_id, set()).add(i)
        return found

    @cached_property
    def doc_starts(self) -> dict[str, int]:
        """Each document's first position (its blocks follow in order)."""
        starts: dict[str, int] = {}
        for i, doc_id in enumerate(self.doc_ids):
            starts.setdefault(doc_id, i)
        return starts

    @cached_property
    def _by_kind(self) -> dict[str, set[int]]:
        # By identity, in C: an enum's .value and hash are Python calls, ~1 µs per block.
        kinds = list(map(id, map(attrgetter("kind"), self.blocks)))
        return {kind.value: set(compress(count(), map(id(kind).__eq__, kinds))) for kind in BlockKind}

    @cached_property
    def _by_objective(self) -> dict[int, set[int]]:
        found: dict[int, set[int]] = {}
        for i, numbers in enumerate(self.objectives):
            for n in numbers:
                found.setdefault(n, set()).add(i)
        return found

    @property
    def objective_members(self) -> dict[int, set[int]]:
        """Objective number → the positions of its blocks (its own and those linked to it)."""
        return self._by_objective

    def of_doc(self, doc_id: str) -> set[int] | None:
        return self._by_doc.get(doc_id)

    def of_kind(self, kind: str) -> set[int] | None:
        return self._by_kind.get(kind)

    def of_objective(self, number: int) -> set[int]:
        return self._by_objective.get(number, set())

    def doc_order(self) -> list[str]:
        return list(self._by_doc)


def _norms(texts: list[str]) -> list[float]:
    average = max(1.0, sum(map(len, texts)) / max(1, len(texts)))
    return [K1 * (1 - B + B * len(text) / average) for text in texts]
