"""From annotations to cited excerpts: placed in the current text, filtered, ordered, grouped.

Everything here is pure and Qt-free: the UI's export dialog calls `prepare_export` for its
preview and a writer (markdown, html_page, docx_file, csv_table, jsonld) for the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import tzinfo

from ..annotations.anchoring import resolve, segments
from ..annotations.model import (
    COLORS,
    Annotation,
    Bookmark,
    Palette,
    Target,
    format_time,
    parse_time,
    utc_now,
)
from ..citations import document_label
from ..corpus import Corpus
from ..i18n import color_name, join_list, long_date, meaning_text, tr
from ..model import Document, DocumentInfo, Objective
from ..objectives import objective_for_block
from .options import GROUP_BY, SORT_BY

# Which of an excerpt's objectives it is filed under: the Compact's own text first, then a
# passage under a heading naming the objective, a table row naming it, a mention in the text.
_LINK_RANK = {"own": 0, "roundtable": 1, "table": 2, "mention": 3}
_NOT_PLACED = "\x00not-placed"  # the section of excerpts not found in the current text
LIST_SEPARATOR = "; "  # between tags (and objectives in a CSV cell), in every format


def join_tags(tags: Iterable[str]) -> str:
    """Tags with the one separator; a tag containing it (or a quote) is put in double quotes."""
    return LIST_SEPARATOR.join(
        f'"{t.replace(chr(34), chr(34) * 2)}"' if ";" in t or '"' in t else t for t in tags
    )


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
    objectives_short: str = "目标 {numbers}"  # in "另见：目标 7、17"
    also: str = "Also"
    author: str = "Author"
    exported_by: str = "Exported by"
    by_heading: str = "Grouped by section"
    by_date: str = "by date"
    filters: str = "Filters"
    no_filter: str = "none"
    sources: str = "Sources"
    symbol: str = "Symbol"
    date: str = "Date"
    document: str = "Document"
    text: str = "Text"
    document_start: str = "Document start"
    not_placed: str = "Could not be placed"
    lang: str = "en"  # for colour names, meanings and dates

    @classmethod
    def for_language(cls, lang: str) -> ExportLabels:
        """Every label in `lang` ("zh", the default of the command line, or "en")."""
        english = cls()
        values = {name: tr(getattr(english, name), lang) for name in _TRANSLATED}
        return cls(
            **values,
            objective=tr("Objective {number}: {title}", lang),
            objectives_short=tr("Objectives {numbers}", lang),
            lang=lang,
        )

    @property
    def sep(self) -> str:
        """Between a label and its value: "：" in Chinese, ": " in English."""
        return "：" if self.lang == "zh" else ": "

    def color_label(self, color: str) -> str:
        return color_name(color, self.lang)

    def join(self, items: Iterable[str]) -> str:
        return join_list(list(items), self.lang)


_TRANSLATED = (
    "title",
    "exported",
    "count",
    "by_document",
    "by_objective",
    "citation",
    "objectives",
    "color",
    "note",
    "tags",
    "created",
    "modified",
    "link",
    "not_found",
    "no_objective",
    "also",
    "author",
    "exported_by",
    "by_heading",
    "by_date",
    "filters",
    "no_filter",
    "sources",
    "symbol",
    "date",
    "document",
    "text",
    "document_start",
    "not_placed",
)


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
    primary: int | None = None  # the objective it is filed under when grouped by objective
    source: str = ""  # 《short title》(symbol，date): the document as a dated citation begins
    heading: tuple[str, ...] = ()  # the section of the document it is in
    creator: str = ""  # the annotation's, or the exporter's name for one made before names

    @property
    def dated_citation(self) -> str:
        """With the document's symbol and date: 《全球契约》(A/RES/73/195，2018年12月10日)第17段(a)."""
        if self.source and self.citation.startswith(self.document_label):
            return self.source + self.citation.removeprefix(self.document_label)
        return self.citation

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
    creators: frozenset[str] = frozenset()  # "" stands for highlights made before names were kept

    def matches(self, excerpt: Excerpt) -> bool:
        a = excerpt.annotation
        if self.docs and a.doc not in self.docs:
            return False
        if self.creators and a.creator not in self.creators:
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
    key: str  # a document id, "objective-N", "objective-none", or "DOC/section-N"
    title: str
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True)
class Source:
    """A document cited by the export, for the list of sources at the end."""

    doc: str
    title: str
    symbol: str
    date: str  # ISO
    kind: str = ""


@dataclass(frozen=True)
class ExportData:
    """Everything a writer needs; writers add nothing but layout."""

    groups: tuple[ExcerptGroup, ...]
    group_by: str = "document"
    generated: str = ""
    labels: ExportLabels = field(default_factory=ExportLabels)
    sort: str = "document"
    creator: str = ""  # who exported (the core properties' author)
    filters: str = ""  # the filters line of the header ("" = none)
    sources: tuple[Source, ...] = ()
    bookmarks: tuple[tuple[Bookmark, str], ...] = ()  # with their citations (JSON-LD carries them)
    palette: Palette = field(default_factory=Palette)  # as stored (JSON-LD carries it)
    timezone: tzinfo | None = None  # for the times shown; None = the computer's own
    front_matter: bool = False  # Markdown: start with YAML front matter

    @property
    def excerpts(self) -> tuple[Excerpt, ...]:
        """Each excerpt once, in order."""
        seen: dict[str, Excerpt] = {}
        for group in self.groups:
            for excerpt in group.excerpts:
                seen.setdefault(excerpt.id, excerpt)
        return tuple(seen.values())

    @property
    def grouping_label(self) -> str:
        label = {"objective": self.labels.by_objective, "heading": self.labels.by_heading}.get(
            self.group_by, self.labels.by_document
        )
        return f"{label} · {self.labels.by_date}" if self.sort == "date" else label

    def time(self, value: str) -> str:
        return display_time(value, self.timezone)

    def header_line(self) -> str:
        """Exported: … · Excerpts: 5 · Grouped by document · Exported by: …"""
        labels = self.labels
        parts = [
            f"{labels.exported}{labels.sep}{self.time(self.generated)}",
            f"{labels.count}{labels.sep}{len(self.excerpts)}",
            self.grouping_label,
        ]
        if self.creator:
            parts.append(f"{labels.exported_by}{labels.sep}{self.creator}")
        return " · ".join(parts)

    def filters_line(self) -> str:
        return f"{self.labels.filters}{self.labels.sep}{self.filters or self.labels.no_filter}"

    def source_line(self, source: Source) -> str:
        """《title》, symbol, date — one entry of the sources list."""
        parts = [f"《{source.title}》"]
        if source.symbol:
            parts.append(source.symbol)
        if source.date:
            parts.append(long_date(source.date, self.labels.lang))
        return ("，" if self.labels.lang == "zh" else ", ").join(parts)

    def also_numbers(self, excerpt: Excerpt, group: ExcerptGroup) -> list[int]:
        """The other objectives of an excerpt filed under one (grouping by objective only)."""
        if self.group_by != "objective":
            return []
        return [n for n, _ in excerpt.objectives if f"objective-{n}" != group.key]

    def also_value(self, numbers: Iterable[object]) -> str:
        """ "目标 7、17" (the numbers may be links, for HTML)."""
        return self.labels.objectives_short.format(numbers=self.labels.join(str(n) for n in numbers))

    def also_line(self, excerpt: Excerpt, group: ExcerptGroup) -> str:
        """ "另见：目标 7、17": the other objectives of an excerpt filed under one ("" if none)."""
        numbers = self.also_numbers(excerpt, group)
        return f"{self.labels.also}{self.labels.sep}{self.also_value(numbers)}" if numbers else ""


def prepare_export(
    annotations: Iterable[Annotation],
    corpus: Corpus,
    objectives: Sequence[Objective],
    palette: Palette,
    *,
    selection: ExportFilter | None = None,
    group_by: str = "document",
    generated: str | None = None,
    labels: ExportLabels | None = None,
    sort: str = "document",
    creator: str = "",
    bookmarks: Iterable[Bookmark] = (),
    timezone: tzinfo | None = None,
    front_matter: bool = False,
) -> ExportData:
    """Excerpts of `annotations` that pass `selection`, ordered (`sort`) and grouped.

    `palette` is as stored: built-in meanings are shown in the labels' language. `bookmarks`
    travel only in JSON-LD (all of them: a filter selects highlights). `creator` is the
    exporter's name, also given to highlights made before the reader knew it.
    """
    if group_by not in GROUP_BY:
        raise ValueError(f"group_by must be one of {', '.join(GROUP_BY)}")
    if sort not in SORT_BY:
        raise ValueError(f"sort must be one of {', '.join(SORT_BY)}")
    labels = labels or ExportLabels()
    selection = selection or ExportFilter()
    chosen = [
        replace(e, creator=e.creator or creator)
        for e in build_excerpts(annotations, corpus, objectives, palette, labels)
        if selection.matches(e)
    ]
    if sort == "date":
        chosen.sort(key=lambda e: (e.annotation.created, e.id))
    if group_by == "objective":
        groups = _by_objective(chosen, objectives, labels, selection.objectives)
    elif group_by == "heading":
        groups = _by_heading(chosen, labels)
    else:
        groups = _by_document(chosen)
    cited = {e.doc for e in chosen}
    sources = tuple(_source(doc.info) for doc in corpus if doc.id in cited)
    marks = tuple(
        (b, _bookmark_citation(b, corpus))
        for b in sorted(bookmarks, key=lambda b: (b.folder, b.name.casefold(), b.created, b.id))
    )
    return ExportData(
        tuple(groups),
        group_by,
        generated or format_time(utc_now()),
        labels,
        sort,
        creator,
        describe_filter(selection, labels, objectives),
        sources,
        marks,
        palette,
        timezone,
        front_matter,
    )


def _source(info: DocumentInfo) -> Source:
    return Source(info.id, info.title, _symbol(info), info.date, info.kind)


def _symbol(info: DocumentInfo) -> str:
    """The document's own symbol, else the one it is cited by (the Compact: A/RES/73/195)."""
    return info.symbol or next((s for s in info.cited_as if "/" in s and s[0].isalpha()), "")


def _bookmark_citation(bookmark: Bookmark, corpus: Corpus) -> str:
    if bookmark.doc in corpus:
        doc = corpus.get(bookmark.doc)
        if doc.has(bookmark.anchor):
            return doc.block(bookmark.anchor).citation
    return ""


def describe_filter(
    selection: ExportFilter, labels: ExportLabels, objectives: Sequence[Objective] = ()
) -> str:
    """The filters in words ("" when there are none): 文件 全球契约；标签 数据；颜色 红色."""
    parts = []
    if selection.docs:
        parts.append(f"{labels.document} {labels.join(sorted(selection.docs))}")
    if selection.objectives:
        numbers = labels.join(str(n) for n in sorted(selection.objectives))
        parts.append(labels.objectives_short.format(numbers=numbers))
    if selection.colors:
        names = labels.join(labels.color_label(c) for c in COLORS if c in selection.colors)
        parts.append(f"{labels.color} {names}")
    if selection.tags:
        parts.append(f"{labels.tags} {labels.join(sorted(selection.tags, key=str.casefold))}")
    if selection.creators:
        parts.append(f"{labels.author} {labels.join(sorted(c or '—' for c in selection.creators))}")
    if selection.text.strip():
        parts.append(f"{labels.text} “{selection.text.strip()}”")
    return ("；" if labels.lang == "zh" else "; ").join(parts)


def build_excerpts(
    annotations: Iterable[Annotation],
    corpus: Corpus,
    objectives: Sequence[Objective],
    palette: Palette,
    labels: ExportLabels | None = None,
) -> list[Excerpt]:
    """Every annotation as an excerpt, in document order (orphans last within their document)."""
    labels = labels or ExportLabels()
    order = {doc.id: i for i, doc in enumerate(corpus)}
    memo = _Memo()
    titles = {o.number: o.title for o in objectives}
    excerpts = []
    for annotation in annotations:
        doc = corpus.get(annotation.doc) if annotation.doc in corpus else None
        excerpts.append(
            _excerpt(
                annotation,
                doc,
                objectives,
                memo,
                titles,
                palette,
                labels,
                order.get(annotation.doc, len(order)),
            )
        )
    return sorted(excerpts, key=lambda e: (e.order, e.annotation.created, e.id))


def _excerpt(
    annotation: Annotation,
    doc: Document | None,
    objectives: Sequence[Objective],
    memo: _Memo,
    titles: dict[int, str],
    palette: Palette,
    labels: ExportLabels,
    doc_order: int,
) -> Excerpt:
    meaning = memo.meanings.get(annotation.color)
    if meaning is None:
        meaning = memo.meanings[annotation.color] = meaning_text(
            palette.meaning(annotation.color), labels.lang
        )
    creator = annotation.creator
    if doc is None:
        return Excerpt(
            annotation,
            annotation.doc,
            annotation.doc,
            "",
            (),
            annotation.doc,
            (),
            meaning,
            False,
            (doc_order, 1 << 30, 0),
            "orphan",
            creator=creator,
        )
    label, source = _labels(doc.info)
    placed = resolve(doc, annotation.target)
    if not placed.placed:
        return Excerpt(
            annotation,
            doc.info.title,
            label,
            doc.info.language,
            (),
            label,
            (),
            meaning,
            False,
            (doc_order, 1 << 30, 0),
            "orphan",
            source=source,
            creator=creator,
        )
    if placed.target is not annotation.target:
        annotation = replace(annotation, target=placed.target)
    rng = placed.target.range
    assert rng is not None
    key = (doc.id, rng.start_anchor, rng.end_anchor)
    place = memo.places.get(key)  # many highlights share their blocks: what they give, once
    if place is None:
        place = memo.places[key] = _place(doc, placed.target, objectives, memo.objectives, titles)
    anchors, citation, objective_titles, primary, heading, block_number = place
    return Excerpt(
        annotation,
        doc.info.title,
        label,
        doc.info.language,
        anchors,
        citation,
        objective_titles,
        meaning,
        True,
        (doc_order, block_number, rng.start_offset),
        placed.status.value,
        primary=primary,
        source=source,
        heading=heading,
        creator=creator,
    )


def _labels(info: DocumentInfo) -> tuple[str, str]:
    """A document's label and dated label, made once per document, not once per excerpt."""
    found = _LABELS.get(info)
    if found is None:
        if len(_LABELS) > 4096:
            _LABELS.clear()
        found = _LABELS[info] = (document_label(info), dated_label(info))
    return found


_LABELS: dict[DocumentInfo, tuple[str, str]] = {}


@dataclass
class _Memo:
    """What excerpts of the same blocks share, worked out once per `build_excerpts`."""

    objectives: dict[tuple[str, str], list[tuple[int, int]]] = field(default_factory=dict)
    places: dict[tuple[str, str, str], _Place] = field(default_factory=dict)
    meanings: dict[str, str] = field(default_factory=dict)  # by colour


# anchors, citation, objectives with titles, the first-ranked one, heading, first block's number
_Place = tuple[tuple[str, ...], str, tuple[tuple[int, str], ...], "int | None", tuple[str, ...], int]


def _place(
    doc: Document,
    target: Target,
    objectives: Sequence[Objective],
    memo: dict[tuple[str, str], list[tuple[int, int]]],
    titles: dict[int, str],
) -> _Place:
    """What an excerpt takes from the blocks it spans: their anchors, the citation, the
    objectives (with titles) and the first-ranked one, the heading, the first block's number."""
    rng = target.range
    assert rng is not None
    anchors = tuple(s.anchor for s in segments(doc, target))
    ranked = sorted({link for a in anchors for link in _objectives_of(objectives, doc.id, a, memo)})
    numbers = sorted({n for _, n in ranked})
    return (
        anchors,
        _citation(doc, anchors),
        tuple((n, titles.get(n, "")) for n in numbers),
        ranked[0][1] if ranked else None,
        doc.block(rng.start_anchor).heading_path,
        doc.index_of(rng.start_anchor),
    )


def dated_label(info: DocumentInfo) -> str:
    """《全球契约》(A/RES/73/195，2018年12月10日): a citation's start with symbol and date."""
    facts = [f for f in (_symbol(info), long_date(info.date, "zh") if info.date else "") if f]
    return f"《{info.short_title}》" + (f"({'，'.join(facts)})" if facts else "")


def _objectives_of(
    objectives: Sequence[Objective],
    doc_id: str,
    anchor: str,
    memo: dict[tuple[str, str], list[tuple[int, int]]],
) -> list[tuple[int, int]]:
    """(rank, number) of each objective a block belongs or is linked to (see _LINK_RANK)."""
    key = (doc_id, anchor)
    if key not in memo:
        numbers = objective_for_block(list(objectives), doc_id, anchor)
        by_number = {o.number: o for o in objectives}
        memo[key] = [(_rank(by_number[n], doc_id, anchor), n) for n in numbers if n in by_number]
    return memo[key]


def _rank(objective: Objective, doc_id: str, anchor: str) -> int:
    kinds = [link.kind for link in objective.links if link.doc == doc_id and link.anchor == anchor]
    return min((_LINK_RANK.get(k, len(_LINK_RANK)) for k in kinds), default=0)


def _citation(doc: Document, anchors: tuple[str, ...]) -> str:
    """The first block's citation; for a span, "至" and the last block's locator."""
    first = doc.block(anchors[0]).citation
    if len(anchors) == 1:
        return first
    last = doc.block(anchors[-1]).citation
    label = document_label(doc.info)
    return f"{first}至{last.removeprefix(label)}"


def _by_document(excerpts: list[Excerpt]) -> list[ExcerptGroup]:
    groups: dict[str, list[Excerpt]] = {}
    for excerpt in sorted(excerpts, key=lambda e: e.order[0]):  # stable: keeps the chosen sort
        groups.setdefault(excerpt.doc, []).append(excerpt)
    return [ExcerptGroup(doc, items[0].document_title, tuple(items)) for doc, items in groups.items()]


def _by_heading(excerpts: list[Excerpt], labels: ExportLabels) -> list[ExcerptGroup]:
    """One group per section of a document (its heading path), in reading order."""
    groups: dict[tuple[str, tuple[str, ...]], list[Excerpt]] = {}
    for excerpt in sorted(excerpts, key=lambda e: e.order[0]):
        # an excerpt not found in the current text has no section: it gets one of its own
        section = excerpt.heading if excerpt.found else (_NOT_PLACED,)
        groups.setdefault((excerpt.doc, section), []).append(excerpt)
    keys = sorted(groups, key=lambda k: min(e.order for e in groups[k]))
    result = []
    for n, (doc, heading) in enumerate(keys, 1):
        items = groups[(doc, heading)]
        path = [h for h in heading if h != items[0].document_title]  # the title says it already
        section = " › ".join(path) or labels.document_start
        if heading == (_NOT_PLACED,):
            section = labels.not_placed
        result.append(
            ExcerptGroup(f"{doc}/section-{n}", f"{items[0].document_label} — {section}", tuple(items))
        )
    return result


def _by_objective(
    excerpts: list[Excerpt],
    objectives: Sequence[Objective],
    labels: ExportLabels,
    only: frozenset[int] = frozenset(),
) -> list[ExcerptGroup]:
    """Each excerpt once, under its primary objective (among `only`, when the export is limited
    to some objectives: then no other section appears); the writers add "also: …" for the rest."""
    filed: dict[int | None, list[Excerpt]] = {}
    for excerpt in excerpts:
        filed.setdefault(_filed_under(excerpt, only), []).append(excerpt)
    groups = []
    for objective in objectives:
        items = filed.get(objective.number)
        if items:
            title = labels.objective.format(number=objective.number, title=objective.title)
            groups.append(ExcerptGroup(f"objective-{objective.number}", title, tuple(items)))
    if filed.get(None):
        groups.append(ExcerptGroup("objective-none", labels.no_objective, tuple(filed[None])))
    return groups


def _filed_under(excerpt: Excerpt, only: frozenset[int]) -> int | None:
    numbers = [n for n, _ in excerpt.objectives]
    if only:
        chosen = [n for n in numbers if n in only]
        if excerpt.primary in chosen or not chosen:
            return excerpt.primary if chosen else None
        return chosen[0]
    return excerpt.primary if excerpt.primary in numbers else (numbers[0] if numbers else None)


def objective_names(excerpt: Excerpt, labels: ExportLabels) -> list[str]:
    return [labels.objective.format(number=n, title=t) for n, t in excerpt.objectives]


def excerpt_fields(
    excerpt: Excerpt,
    labels: ExportLabels,
    timezone: tzinfo | None = None,
) -> list[tuple[str, str]]:
    """The labelled facts every excerpt shows, in order (plain text; objectives one per line).

    Each writer formats and escapes them its own way; the link comes separately.
    """
    a = excerpt.annotation
    fields = [(labels.color, f"{labels.color_label(excerpt.color)} · {excerpt.meaning}")]
    if excerpt.objectives:
        fields.append((labels.objectives, "\n".join(objective_names(excerpt, labels))))
    if a.note:
        fields.append((labels.note, a.note))
    if a.tags:
        fields.append((labels.tags, join_tags(a.tags)))
    if excerpt.creator:
        fields.append((labels.author, excerpt.creator))
    fields += [
        (name, display_time(value, timezone))
        for name, value in ((labels.created, a.created), (labels.modified, a.modified))
        if value
    ]
    return fields


def display_time(value: str, timezone: tzinfo | None = None) -> str:
    """2024-05-01 18:00 +08:00: the stored UTC time in local time (or `timezone`), with its offset."""
    try:
        moment = parse_time(value).astimezone(timezone)
    except ValueError:
        return value
    offset = moment.strftime("%z")
    return moment.strftime("%Y-%m-%d %H:%M ") + (f"{offset[:3]}:{offset[3:]}" if offset else "")
