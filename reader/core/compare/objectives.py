"""Which objectives a comparison touches: the objective tree marks them while it is shown.

A pair of blocks belongs to an objective when, in either draft, one of its blocks is in
that objective's section of a Compact draft (the bundled Compact, or an imported draft
with the same 目标 N headings) or is linked to the objective (the ObjectiveMap's links).
"""

from __future__ import annotations

from collections import Counter

from ..objectives import COMPACT_ID
from ..passages import OBJECTIVE_HEADING_RE, ObjectiveMap, objective_sections
from .comparison import Comparison, Pair, Status


class PairObjectives:
    """The objectives of each pair of one comparison (sections computed once per draft)."""

    def __init__(self, comparison: Comparison, objective_map: ObjectiveMap) -> None:
        self.comparison, self.objective_map = comparison, objective_map
        self._known = {objective.number for objective in objective_map.objectives}
        self._sections = {
            doc.id: ({} if doc.id == COMPACT_ID else _sections_by_title(doc, objective_map))
            for doc in (comparison.old, comparison.new)
        }

    def __call__(self, pair: Pair) -> list[int]:
        found: set[int] = set()
        for doc, block in ((self.comparison.old, pair.old), (self.comparison.new, pair.new)):
            if block is None:
                continue
            found.update(self.objective_map.objectives_at(doc.id, block.anchor))
            number = self._sections[doc.id].get(block.anchor)
            if number:
                found.add(number)
        return sorted(found & self._known)


def _sections_by_title(doc, objective_map: ObjectiveMap) -> dict[str, int]:
    """A Compact draft's objective sections by the objective each heading's title gives: a
    draft that inserts an objective renumbers the rest (its 目标 9 is objective 8), and its
    new objective is none of the 23. A heading whose title matches none keeps its number,
    unless another heading's title claims that number."""
    renumbered: dict[int, int] = {}
    for objective in objective_map.objectives:
        for link in objective.links:
            match = OBJECTIVE_HEADING_RE.search(link.anchor.rsplit("/", 1)[-1])
            if link.doc == doc.id and link.kind == "title" and match:
                renumbered[int(match.group(1))] = objective.number
    claimed = set(renumbered.values())
    sections = {}
    for anchor, number in objective_sections(doc).items():
        mapped = renumbered.get(number, 0 if number in claimed else number)
        if mapped:
            sections[anchor] = mapped
    return sections


def changed_objectives(comparison: Comparison, objective_map: ObjectiveMap) -> dict[int, int]:
    """Objective number → how many of the comparison's non-same pairs touch its passages."""
    of_pair = PairObjectives(comparison, objective_map)
    counts: Counter[int] = Counter()
    for pair in comparison.pairs:
        if pair.status is not Status.SAME:
            counts.update(of_pair(pair))
    return dict(sorted(counts.items()))
