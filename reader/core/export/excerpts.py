"""From annotations to cited excerpts: placed in the current text, filtered, ordered, grouped.

Everything here is pure and Qt-free: the UI's export dialog calls `prepare_export` for its
preview and a writer (markdown, html_page, docx_file, csv_table, jsonld) for the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC

from ..annotations.anchoring import resolve, segments
from ..annotations.model import COLORS, Annotation, Palette, format_time, parse_time, utc_now
from ..citations import document_label
from ..corpus import Corpus
from ..model import Document, Objective
from ..objectives import objective_for_block
from .options import GROUP_BY


@dataclass(frozen=True)
class ExportLabels:
    """The words an export uses. English by default; the UI passes translated ones."""

    title: str = "Compact Reader: annotations"
    exported: str = "Exported"
    count: str = "Excerpts"
    by_document: str = "Grouped by document"
    by_objective: str = "Grouped by objective"
    citation: str = "Citation"
    objectives: str = "Objectives"
    color: str = "Colour"
    note: str = "Note"
    tags: str = "Tags"
    created: str = "Created"
    modified: str = "Modified"
    link: str = "Link"
    not_found: str = "Not found in the current text of the document; quoted as recorded."
    no_objective: str = "Not linked to an objective"
    objective: str = "目标{number}：{title}"  # how one objective is named


@dataclass(frozen=True)
class Excerpt:
    """One highlight as exported: the annotation (placed in the current text) and its context."""

    annotation: Annotation
    document_title: str
    document_label: str  # 《short title》(symbol), as citations begin
    language: str
    anchors: tuple[str, ...]  # the blocks it covers
    citation: str
    objectives: tuple[tuple[int, str], ...]  # (number, title)
    meaning: str
    found: bool  # False for an orphan: quoted as recorded
    order: tuple[int, int, int] = (0, 0, 0)  # document, block, offset
    status: str = "anchored"  # an AnchorStatus value: anchored, moved, fuzzy, orphan

    @property
    def id(self) -> str:
        return self.annotation.id

    @property
    def doc(self) -> str:
        return self.annotation.doc

    @property
    def exact(self) -> str:
        return self.annotation.exact

    @property
    def color(self) -> str:
        return self.annotation.color

    @property
    def color_hex(self) -> str:
        return COLORS[self.annotation.color]

    @property
    def link(self) -> str:
        return self.annotation.link


@dataclass(frozen=True)
class ExportFilter:
    """Which excerpts to export. Each non-empty set must match (any of its values); `text`
    is looked for, case-insensitively, in the quote, note, tags and citation."""

    docs: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    colors: frozenset[str] = frozenset()
    objectives: frozenset[int] = frozenset()
    text: str = ""

    def matches(self, excerpt: Excerpt) -> bool:
        a = excerpt.annotation
        if self.docs and a.doc not in self.docs:
            return False
        if self.colors and a.color not in self.colors:
            return False
        if self.tags and not {t.casefold() for t in self.tags} & {t.casefold() for t in a.tags}:
            return False
        if self.objectives and not self.objectives & {n for n, _ in excerpt.objectives}:
            return False
        needle = self.text.strip().casefold()
        haystack = "\n".join((a.exact, a.note, *a.tags, excerpt.citation)).casefold()
        return not needle or needle in haystack


@dataclass(frozen=True)
class ExcerptGroup:
    key: str  # a document id, "objective-N", or "objective-none"
    title: str
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True)
class ExportData:
    """Everything a writer needs; writers add nothing but layout."""

    groups: tuple[ExcerptGroup, ...]
    group_by: str = "document"
    generated: str = ""
    labels: ExportLabels = field(default_factory=ExportLabels)

    @property
    def excerpts(self) -> tuple[Excerpt, ...]:
        """Each excerpt once, in order (grouping by objective may list one under several)."""
        seen: dict[str, Excerpt] = {}
        for group in self.groups:
            for excerpt in group.excerpts:
                seen.setdefault(excerpt.id, excerpt)
        return tuple(seen.values())

    @property
    def grouping_label(self) -> str:
        return self.labels.by_objective if self.group_by == "objective" else self.labels.by_document


def prepare_export(annotations: Iterable[Annotation], corpus: Corpus, objectives: Sequence[Objective],
                   palette: Palette, *, selection: ExportFilter | None = None,
                   group_by: str = "document", generated: str | None = None,
                   labels: ExportLabels | None = None) -> ExportData:
    """Excerpts of `annotations` that pass `selection`, in document order, grouped."""
    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}")
    labels = labels or ExportLabels()
    chosen = [e for e in build_excerpts(annotations, corpus, objectives, palette, labels)
              if (selection or ExportFilter()).matches(e)]
    groups = (_by_objective(chosen, objectives, labels) if group_by == "objective"
              else _by_document(chosen, corpus))
    return ExportData(tuple(groups), group_by, generated or format_time(utc_now()), labels)


def build_excerpts(annotations: Iterable[Annotation], corpus: Corpus, objectives: Sequence[Objective],
                   palette: Palette, labels: ExportLabels | None = None) -> list[Excerpt]:
    """Every annotation as an excerpt, in document order (orphans last within their document)."""
    labels = labels or ExportLabels()
    order = {doc.id: i for i, doc in enumerate(corpus)}
    memo: dict[tuple[str, str], list[int]] = {}
    titles = {o.number: o.title for o in objectives}
    excerpts = []
    for annotation in annotations:
        doc = corpus.get(annotation.doc) if annotation.doc in corpus else None
        excerpts.append(_excerpt(annotation, doc, objectives, memo, titles, palette, labels,
                                 order.get(annotation.doc, len(order))))
    return sorted(excerpts, key=lambda e: (e.order, e.annotation.created, e.id))


def _excerpt(annotation: Annotation, doc: Document | None, objectives: Sequence[Objective],
             memo: dict[tuple[str, str], list[int]], titles: dict[int, str], palette: Palette,
             labels: ExportLabels, doc_order: int) -> Excerpt:
    meaning = palette.meaning(annotation.color)
    if doc is None:
        return Excerpt(annotation, annotation.doc, annotation.doc, "", (), annotation.doc, (), meaning,
                       False, (doc_order, 1 << 30, 0), "orphan")
    placed = resolve(doc, annotation.target)
    if not placed.placed:
        return Excerpt(annotation, doc.info.title, document_label(doc.info), doc.info.language, (),
                       document_label(doc.info), (), meaning, False, (doc_order, 1 << 30, 0), "orphan")
    annotation = replace(annotation, target=placed.target)
    anchors = tuple(s.anchor for s in segments(doc, placed.target))
    numbers = sorted({n for a in anchors for n in _objectives_of(objectives, doc.id, a, memo)})
    rng = placed.target.range
    assert rng is not None
    return Excerpt(annotation, doc.info.title, document_label(doc.info), doc.info.language, anchors,
                   _citation(doc, anchors), tuple((n, titles.get(n, "")) for n in numbers), meaning,
                   True, (doc_order, doc.index_of(rng.start_anchor), rng.start_offset),
                   placed.status.value)


def _objectives_of(objectives: Sequence[Objective], doc_id: str, anchor: str,
                   memo: dict[tuple[str, str], list[int]]) -> list[int]:
    key = (doc_id, anchor)
    if key not in memo:
        memo[key] = objective_for_block(list(objectives), doc_id, anchor)
    return memo[key]


def _citation(doc: Document, anchors: tuple[str, ...]) -> str:
    """The first block's citation; for a span, "至" and the last block's locator."""
    first = doc.block(anchors[0]).citation
    if len(anchors) == 1:
        return first
    last = doc.block(anchors[-1]).citation
    label = document_label(doc.info)
    return f"{first}至{last.removeprefix(label)}"


def _by_document(excerpts: list[Excerpt], corpus: Corpus) -> list[ExcerptGroup]:
    groups: dict[str, list[Excerpt]] = {}
    for excerpt in excerpts:
        groups.setdefault(excerpt.doc, []).append(excerpt)
    return [ExcerptGroup(doc, items[0].document_title, tuple(items)) for doc, items in groups.items()]


def _by_objective(excerpts: list[Excerpt], objectives: Sequence[Objective],
                  labels: ExportLabels) -> list[ExcerptGroup]:
    groups = []
    for objective in objectives:
        items = tuple(e for e in excerpts if objective.number in {n for n, _ in e.objectives})
        if items:
            title = labels.objective.format(number=objective.number, title=objective.title)
            groups.append(ExcerptGroup(f"objective-{objective.number}", title, items))
    rest = tuple(e for e in excerpts if not e.objectives)
    if rest:
        groups.append(ExcerptGroup("objective-none", labels.no_objective, rest))
    return groups


def objective_names(excerpt: Excerpt, labels: ExportLabels) -> list[str]:
    return [labels.objective.format(number=n, title=t) for n, t in excerpt.objectives]


def excerpt_fields(excerpt: Excerpt, labels: ExportLabels) -> list[tuple[str, str]]:
    """The labelled facts every excerpt shows, in order (plain text; objectives one per line).

    Each writer formats and escapes them its own way; the link comes separately.
    """
    a = excerpt.annotation
    fields = [(labels.color, f"{excerpt.color} · {excerpt.meaning}")]
    if excerpt.objectives:
        fields.append((labels.objectives, "\n".join(objective_names(excerpt, labels))))
    if a.note:
        fields.append((labels.note, a.note))
    if a.tags:
        fields.append((labels.tags, ", ".join(a.tags)))
    fields += [(name, display_time(value)) for name, value in
               ((labels.created, a.created), (labels.modified, a.modified)) if value]
    return fields


def display_time(value: str) -> str:
    """2024-05-01 10:00 UTC, for people (the stored form stays exact)."""
    try:
        return parse_time(value).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return value
