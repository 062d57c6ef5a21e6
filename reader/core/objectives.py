"""The Compact's 23 objectives and the passages of other documents that treat them.

Links come from what the texts themselves say, never from guesswork:

* ``roundtable``: a heading such as 第一场圆桌会议(目标2、5、6、12和18) applies to
  itself and every block beneath it;
* ``table``: a table with a 目标 column (the concept note's round-table table);
* ``mention``: the text names 目标 8 (SDG targets such as 具体目标 10.c and counts
  such as 所有23项目标 are not objectives);
* ``title``: a heading or list item that gives an objective's title, allowing
  for the small wording differences between documents (those are recorded as
  title variants).

Passages that treat an objective without saying so are found by their topic
(`reader.core.related`): the ten best of the other documents become the
objective's ``related`` links, and the same topical score ranks the explicit links
of each document (a round table covers five to seven objectives: the paragraph on
this one comes first).
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from .corpus import Corpus
from .model import Action, Block, BlockKind, Document, Objective, ObjectiveLink
from .related import TopicalIndex

COMPACT_ID = "gcm"
OBJECTIVE_COUNT = 23
TITLE_SIMILARITY = 0.75
RELATED_LIMIT = 10  # related links per objective, across documents

_NUM = r"(\d{1,2})(?![\d]|[.．]\d|[.．][a-z])"
MENTION_RE = re.compile(rf"(?<!具体)目标[ \t]*{_NUM}((?:[ \t]*(?:、|和|及|与|,|，)[ \t]*{_NUM})*)")
NUMBER_RE = re.compile(r"\d{1,2}")


def objective_numbers_in(text: str) -> list[int]:
    """Objective numbers a text names: 目标2、5、6、12和18 → [2, 5, 6, 12, 18]."""
    numbers: list[int] = []
    for m in MENTION_RE.finditer(text):
        for value in [m.group(1), *NUMBER_RE.findall(m.group(2) or "")]:
            n = int(value)
            if 1 <= n <= OBJECTIVE_COUNT and n not in numbers:
                numbers.append(n)
    return numbers


def build_objectives(corpus: Corpus, compact_id: str = COMPACT_ID) -> list[Objective]:
    """The objective tree with links; empty when the corpus has no Compact."""
    if compact_id not in corpus:
        return []
    compact = corpus.get(compact_id)
    skeletons = _objectives_of(compact)
    titles = {o.number: o.title for o in skeletons}
    links: dict[int, list[ObjectiveLink]] = {n: [] for n in titles}
    variants: dict[int, set[str]] = {n: {t} for n, t in titles.items()}
    for doc in corpus:
        for number, link, variant in _links_in(doc, titles, own=doc.id == compact_id):
            if (
                link is not None
                and number in links
                and all(link.anchor != x.anchor or link.doc != x.doc for x in links[number])
            ):
                links[number].append(link)
            if variant and number in variants:
                variants[number].add(variant)
    objectives = [
        Objective(
            o.number,
            o.title,
            o.anchor,
            o.commitment_anchor,
            o.commitment,
            o.actions,
            tuple(links[o.number]),
            tuple(sorted(variants[o.number] - {o.title})),
        )
        for o in skeletons
    ]
    return _with_topical_links(objectives, corpus, compact_id)


def _with_topical_links(objectives: list[Objective], corpus: Corpus, compact_id: str) -> list[Objective]:
    """Rank each objective's explicit links by topic, per document; add its related links."""
    index = TopicalIndex(corpus, compact_id)
    linked = {(link.doc, link.anchor) for o in objectives for link in o.links}
    order = {doc.id: i for i, doc in enumerate(corpus)}
    result = []
    for objective in objectives:
        query = index.query_terms(objective)
        scores = index.scores(objective, query)
        by_key = {(p.doc, p.anchor): s for p, s in zip(index.passages, scores, strict=True)}
        explicit = [
            replace(link, score=round(_link_score(link, by_key, corpus), 4)) for link in objective.links
        ]
        explicit.sort(key=lambda link: (order.get(link.doc, len(order)), -link.score))
        ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        related = []
        for i in ranked:
            passage = index.passages[i]
            if len(related) == RELATED_LIMIT or scores[i] <= 0:
                break
            if (passage.doc, passage.anchor) not in linked:
                block = corpus.get(passage.doc).block(passage.anchor)
                related.append(
                    ObjectiveLink(passage.doc, passage.anchor, "related", block.citation, round(scores[i], 4))
                )
        result.append(
            replace(objective, links=tuple(explicit), related=tuple(related), topic_terms=tuple(query))
        )
    return result


def _link_score(link: ObjectiveLink, scores: dict[tuple[str, str], float], corpus: Corpus) -> float:
    """A passage's own score; a heading's is that of the best passage beneath it."""
    if (link.doc, link.anchor) in scores:
        return scores[(link.doc, link.anchor)]
    doc = corpus.get(link.doc)
    heading = doc.block(link.anchor)
    if heading.kind is not BlockKind.HEADING:
        return 0.0
    under = [
        scores.get((link.doc, b.anchor), 0.0)
        for b in doc.blocks
        if b.heading_path[: len(heading.heading_path)] == heading.heading_path and b.anchor != link.anchor
    ]
    return max(under, default=0.0)


def _objectives_of(compact: Document) -> list[Objective]:
    objectives = []
    blocks = compact.blocks
    for i, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING or not block.anchor.startswith("obj"):
            continue
        commitment = next((b for b in blocks[i + 1 :] if b.kind is BlockKind.PARAGRAPH and b.label), None)
        if commitment is None:
            continue
        actions = tuple(
            Action(b.label, b.anchor, b.text)
            for b in blocks
            if b.kind is BlockKind.ITEM and b.parent == commitment.anchor and b.level == 1
        )
        objectives.append(
            Objective(
                int(block.label), block.text, block.anchor, commitment.anchor, commitment.text, actions, ()
            )
        )
    return sorted(objectives, key=lambda o: o.number)


def _links_in(doc: Document, titles: dict[int, str], own: bool):
    """Yield (objective number, link, title variant or "") for one document."""
    roundtables: list[tuple[str, list[int]]] = []
    for block in doc.blocks:
        if block.kind is BlockKind.FOOTNOTE:
            continue
        if block.kind is BlockKind.HEADING and "圆桌会议" in block.text:
            numbers = objective_numbers_in(block.text)
            if numbers:
                roundtables.append((block.heading_path[-1], numbers))
        for display, numbers in roundtables:
            if display in block.heading_path:
                for n in numbers:
                    yield n, _link(doc, block, "roundtable"), ""
        if own:
            continue
        if block.kind is BlockKind.TABLE:
            for n in _table_numbers(block):
                yield n, _link(doc, block, "table"), ""
        elif not (block.kind is BlockKind.HEADING and "圆桌会议" in block.text):
            for n in objective_numbers_in(block.text):
                yield n, _link(doc, block, "mention"), ""
        if block.kind in (BlockKind.HEADING, BlockKind.ITEM):
            n = _matching_title(block, titles)
            if n:
                yield n, _link(doc, block, "title"), block.text
    if own:  # the Compact's own list of objectives holds title variants, not links
        for block in doc.blocks:
            if block.kind is BlockKind.ITEM and block.label.isdigit():
                n = _matching_title(block, titles)
                if n:
                    yield n, None, block.text


def _link(doc: Document, block: Block, kind: str) -> ObjectiveLink:
    return ObjectiveLink(doc.id, block.anchor, kind, block.citation)


def _table_numbers(block: Block) -> list[int]:
    if not block.rows:
        return []
    header = block.rows[0]
    columns = [i for i, cell in enumerate(header) if "目标" in cell]
    numbers: list[int] = []
    for row in block.rows[1:]:
        for i in columns:
            if i < len(row):
                numbers += [
                    int(v)
                    for v in NUMBER_RE.findall(row[i])
                    if 1 <= int(v) <= OBJECTIVE_COUNT and int(v) not in numbers
                ]
    return numbers


def _matching_title(block: Block, titles: dict[int, str]) -> int | None:
    """The objective whose title this heading or list item gives, if any."""
    text = block.text.strip()
    if len(text) < 6:
        return None
    numbered = block.label.isdigit() and int(block.label) in titles
    if numbered:
        found = _best_title(text, titles, [int(block.label)])
        if found:
            return found
    # a draft that inserts or drops an objective renumbers the rest: its 目标 9 may give
    # objective 8's title, so the title decides, not the number
    return _best_title(text, titles, list(titles))


def _best_title(text: str, titles: dict[int, str], candidates: list[int]) -> int | None:
    best, best_score = None, 0.0
    for n in candidates:
        matcher = SequenceMatcher(None, text, titles[n])
        if matcher.real_quick_ratio() < TITLE_SIMILARITY or matcher.quick_ratio() < TITLE_SIMILARITY:
            continue
        score = matcher.ratio()
        if score > best_score:
            best, best_score = n, score
    return best if best_score >= TITLE_SIMILARITY else None


def objective_for_block(
    objectives: list[Objective], doc_id: str, anchor: str, compact_id: str = COMPACT_ID
) -> list[int]:
    """Objectives a block belongs to (in the Compact) or is linked to (elsewhere)."""
    found = []
    for o in objectives:
        if doc_id == compact_id:
            if (
                anchor in (o.anchor, o.commitment_anchor)
                or anchor.startswith(o.commitment_anchor + ".")
                or any(a.anchor == anchor for a in o.actions)
            ):
                found.append(o.number)
        elif any(link.doc == doc_id and link.anchor == anchor for link in o.links):
            found.append(o.number)
    return found
