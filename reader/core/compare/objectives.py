"""Which objectives a comparison touches: the objective tree marks them while it is shown.

A pair of blocks belongs to an objective when, in either draft, one of its blocks is in
that objective's section of a Compact draft (the bundled Compact, or an imported draft
with the same 目标 N headings) or is linked to the objective (the ObjectiveMap's links).
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import BlockKind, Document
from ..objectives import COMPACT_ID
from ..passages import ObjectiveMap
from .comparison import Comparison, Pair, Status

_OBJECTIVE_ANCHOR_RE = re.compile(r"(?:^|/)obj(\d{1,2})$")


def objective_sections(document: Document) -> dict[str, int]:
    """Anchor → objective number for every block under a 目标 N heading of `document`, up to
    the next heading of the same or a higher level (empty when it has no such heading)."""
    sections: dict[str, int] = {}
    current, level = 0, 0
    for block in document.blocks:
        if block.kind is BlockKind.HEADING:
            match = _OBJECTIVE_ANCHOR_RE.search(block.anchor)
            if match:
                current, level = int(match.group(1)), block.level
            elif current and block.level <= level:
                current = 0
        if current:
            sections[block.anchor] = current
    return sections


class PairObjectives:
    """The objectives of each pair of one comparison (sections computed once per draft)."""

    def __init__(self, comparison: Comparison, objective_map: ObjectiveMap) -> None:
        self.comparison, self.objective_map = comparison, objective_map
        self._known = {objective.number for objective in objective_map.objectives}
        self._sections = {doc.id: ({} if doc.id == COMPACT_ID else objective_sections(doc))
                          for doc in (comparison.old, comparison.new)}

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


def changed_objectives(comparison: Comparison, objective_map: ObjectiveMap) -> dict[int, int]:
    """Objective number → how many of the comparison's non-same pairs touch its passages."""
    of_pair = PairObjectives(comparison, objective_map)
    counts: Counter[int] = Counter()
    for pair in comparison.pairs:
        if pair.status is not Status.SAME:
            counts.update(of_pair(pair))
    return dict(sorted(counts.items()))
