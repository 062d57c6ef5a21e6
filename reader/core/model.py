"""Immutable value types shared by every part of the core.

A corpus is a list of `Document`s; a document is a flat, ordered list of `Block`s
(headings, paragraphs, items, tables, footnotes). Structure is carried by each
block's `heading_path`, `level` and `parent`, which is all the UI and the index need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    # Pickled by value, as every Python does: some 3.11 releases (Debian 12's 3.11.2) pickle
    # enum members as getattr(cls, name), which the library cache's strict unpickler refuses.
    def __reduce_ex__(self, protocol: object) -> tuple[type, tuple[str]]:
        return BlockKind, (self.value,)

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    TABLE = "table"
    FOOTNOTE = "footnote"


@dataclass(frozen=True)
class NoteRef:
    """A footnote mark inside a block's text, removed from the reading text.

    `offset` is where the mark stood in `Block.text`; `target` is the anchor of the
    footnote block it resolves to ("" if the document defines no such footnote).
    """

    mark: str
    offset: int
    target: str


@dataclass(frozen=True)
class SymbolRef:
    """A mention of a UN document symbol or resolution number, e.g. 第 73/195 号决议.

    `start`/`end` index `Block.text`; `doc_id` is set when the symbol belongs to a
    corpus document (an internal link), else None.
    """

    symbol: str
    start: int
    end: int
    doc_id: str | None


@dataclass(frozen=True)
class Block:
    anchor: str
    kind: BlockKind
    label: str
    text: str
    marker: str = ""
    heading_path: tuple[str, ...] = ()
    level: int = 0
    part: str = ""
    parent: str = ""
    notes: tuple[NoteRef, ...] = ()
    refs: tuple[SymbolRef, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    citation: str = ""
    lines: tuple[int, int] = (0, 0)
    role: str = ""  # "metadata" (cover field) or "duplicate" (a title repeated); "" = content

    @property
    def shown_marker(self) -> str:
        """The marker as the document prints it: a Word or Markdown heading's ## only says
        its level."""
        return self.marker.lstrip("#").lstrip()


@dataclass(frozen=True)
class DocumentInfo:
    """One manifest entry (or an imported document's equivalent)."""

    id: str
    title: str
    short_title: str
    kind: str
    date: str
    language: str
    symbol: str
    source: str
    cited_as: tuple[str, ...] = ()
    main_part: str = "body"
    bundled: bool = True
    revision_of: str = ""  # id of the document this one is a revision of (imported drafts)

    @property
    def iri(self) -> str:
        """The IRI used as annotation target source and in reader:// links."""
        return f"reader://{self.id}"


@dataclass(frozen=True)
class Document:
    info: DocumentInfo
    blocks: tuple[Block, ...]
    _by_anchor: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_anchor.update({b.anchor: i for i, b in enumerate(self.blocks)})

    @property
    def id(self) -> str:
        return self.info.id

    def index_of(self, anchor: str) -> int:
        """Position of the block with `anchor`; accepts a `DOC/` prefix. KeyError if absent."""
        prefix = self.id + "/"
        if anchor not in self._by_anchor and anchor.startswith(prefix):
            anchor = anchor[len(prefix) :]
        return self._by_anchor[anchor]

    def block(self, anchor: str) -> Block:
        return self.blocks[self.index_of(anchor)]

    def has(self, anchor: str) -> bool:
        try:
            self.index_of(anchor)
        except KeyError:
            return False
        return True

    def footnotes(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.FOOTNOTE]


@dataclass(frozen=True)
class ObjectiveLink:
    """A passage of another document that treats an objective.

    kind: "roundtable" (under a heading naming the objective), "table" (a table row
    naming it), "mention" (the text names 目标 N), "title" (a heading or item giving
    its title) — the explicit links — or "related" (found by its topic, see
    `reader.core.related`). `score` is the topical score (0 to about 2) that ranks
    the links of one document.
    """

    doc: str
    anchor: str
    kind: str
    citation: str
    score: float = 0.0

    @property
    def explicit(self) -> bool:
        return self.kind != "related"


@dataclass(frozen=True)
class Action:
    letter: str
    anchor: str
    text: str


@dataclass(frozen=True)
class Objective:
    number: int
    title: str
    anchor: str
    commitment_anchor: str
    commitment: str
    actions: tuple[Action, ...]
    links: tuple[ObjectiveLink, ...]
    title_variants: tuple[str, ...] = ()
    # Topical links (kind "related"), best first, never one of any objective's `links`;
    # `topic_terms` are the words they were found by (for highlighting).
    related: tuple[ObjectiveLink, ...] = ()
    topic_terms: tuple[str, ...] = ()
