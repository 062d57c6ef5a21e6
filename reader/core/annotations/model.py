"""The user's own data as frozen values: highlights with notes and tags, bookmarks, the palette.

Timestamps are ISO 8601 strings in one fixed UTC form (``2024-05-01T10:00:00.000Z``), so
that string order is time order: the merge of two instances' files compares them directly.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from .colors import COLORS

DEFAULT_COLOR = "yellow"
# Stored in English; the UI translates a name that still equals its default.
DEFAULT_MEANINGS: dict[str, str] = {
    "yellow": "agreed language",
    "red": "red line",
    "green": "key commitment",
    "blue": "to check",
    "purple": "question",
}
EPOCH = "1970-01-01T00:00:00.000Z"

Clock = Callable[[], datetime]


# --- time and ids ----------------------------------------------------------------------
def utc_now() -> datetime:
    return datetime.now(UTC)


def format_time(moment: datetime) -> str:
    """The one stored form: UTC, milliseconds, ``Z``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_time(value: str) -> datetime:
    """Any ISO 8601 date-time (a missing zone means UTC). ValueError if it is not one."""
    moment = datetime.fromisoformat(value.strip())
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def normalize_time(value: str) -> str:
    return format_time(parse_time(value))


def stamp_after(now: datetime, *earlier: str) -> str:
    """`now`, or 1 ms after the latest of `earlier` if the clock has not moved past it.

    A change must sort after what it replaces, even with a clock that went backwards,
    or the merge would keep the older version.
    """
    result = format_time(now)
    latest = max((t for t in earlier if t), default="")
    if latest and result <= latest:
        result = format_time(parse_time(latest) + timedelta(milliseconds=1))
    return result


def new_id() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def document_iri(doc_id: str) -> str:
    return f"reader://{doc_id}"


def passage_link(doc_id: str, anchor: str) -> str:
    """The link the app opens: reader://DOC/ANCHOR."""
    return f"reader://{doc_id}/{anchor}"


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, without empties or repeats, first spelling kept."""
    seen: dict[str, str] = {}
    for tag in tags:
        tag = " ".join(str(tag).split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


# --- selectors ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """The quoted text and a little context, in the document's text (W3C TextQuoteSelector)."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    """Character offsets, end exclusive (W3C TextPositionSelector)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class BlockRangeSelector:
    """Where a highlight starts and ends: a block anchor and an offset into that block's text.

    The end is exclusive. Start and end anchors differ when a highlight spans blocks.
    """

    start_anchor: str
    start_offset: int
    end_anchor: str
    end_offset: int

    @property
    def single_block(self) -> bool:
        return self.start_anchor == self.end_anchor

    @property
    def position(self) -> TextPositionSelector | None:
        """Offsets into the one block's text; None when the range spans blocks."""
        if not self.single_block:
            return None
        return TextPositionSelector(self.start_offset, self.end_offset)


@dataclass(frozen=True, slots=True)
class Target:
    """A passage of one document. `range` is None until the quote has been placed."""

    doc: str
    quote: TextQuoteSelector
    range: BlockRangeSelector | None = None

    @property
    def source(self) -> str:
        return document_iri(self.doc)

    @property
    def anchor(self) -> str:
        return self.range.start_anchor if self.range else ""

    @property
    def link(self) -> str:
        return passage_link(self.doc, self.anchor) if self.anchor else self.source


# --- annotations and bookmarks ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Annotation:
    """A highlight, with an optional note and tags (one W3C Web Annotation)."""

    id: str
    target: Target
    color: str = DEFAULT_COLOR
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    modified: str = ""
    creator: str = ""  # who made it (a name), so a colleague's notes can be told from one's own

    @property
    def doc(self) -> str:
        return self.target.doc

    @property
    def exact(self) -> str:
        return self.target.quote.exact

    @property
    def link(self) -> str:
        return self.target.link

    def edited(self, **changes: object) -> Annotation:
        """A copy with some fields changed (tags normalised); the Store stamps `modified`."""
        if "tags" in changes:
            changes["tags"] = normalize_tags(changes["tags"])  # type: ignore[arg-type]
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A named bookmark on a block, in a folder ("" is the top level; "a/b" nests)."""

    id: str
    doc: str
    anchor: str
    name: str
    folder: str = ""
    created: str = ""
    modified: str = ""
    creator: str = ""

    @property
    def link(self) -> str:
        return passage_link(self.doc, self.anchor)

    def edited(self, **changes: object) -> Bookmark:
        return replace(self, **changes)  # type: ignore[arg-type]


def new_annotation(
    target: Target,
    *,
    color: str = DEFAULT_COLOR,
    note: str = "",
    tags: Iterable[str] = (),
    annotation_id: str | None = None,
    creator: str = "",
) -> Annotation:
    """A fresh highlight; the Store fills in `created` and `modified` when it is added (and
    `creator`, when it is not given, from `Store.creator`)."""
    if color not in COLORS:
        raise ValueError(f"unknown colour {color!r} (choose from {', '.join(COLORS)})")
    return Annotation(
        annotation_id or new_id(), target, color, note, normalize_tags(tags), creator=creator.strip()
    )


def new_bookmark(
    doc: str, anchor: str, name: str, folder: str = "", bookmark_id: str | None = None, creator: str = ""
) -> Bookmark:
    return Bookmark(
        bookmark_id or new_id(), doc, anchor, name.strip(), normalize_folder(folder), creator=creator.strip()
    )


def normalize_folder(folder: str) -> str:
    return "/".join(part.strip() for part in folder.split("/") if part.strip())


# --- palette ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ColorMeaning:
    """What the user says a colour means. `modified` is "" while it was never renamed."""

    color: str
    name: str
    modified: str = ""

    @property
    def hex(self) -> str:
        return COLORS[self.color]

    @property
    def is_default(self) -> bool:
        """True while the name is the built-in one, which the UI shows translated."""
        return self.name == DEFAULT_MEANINGS[self.color]


@dataclass(frozen=True)
class Palette:
    """The five colours in their fixed order, each with its meaning."""

    colors: tuple[ColorMeaning, ...] = field(
        default_factory=lambda: tuple(ColorMeaning(c, DEFAULT_MEANINGS[c]) for c in COLORS)
    )

    def __iter__(self) -> Iterator[ColorMeaning]:
        return iter(self.colors)

    def get(self, color: str) -> ColorMeaning:
        for meaning in self.colors:
            if meaning.color == color:
                return meaning
        raise KeyError(f"unknown colour {color!r}")

    def meaning(self, color: str) -> str:
        try:
            return self.get(color).name
        except KeyError:
            return ""

    def with_meaning(self, meaning: ColorMeaning) -> Palette:
        return Palette(tuple(meaning if m.color == meaning.color else m for m in self.colors))

    def translated(self, translate: Callable[[str], str]) -> Palette:
        """For display and export: default names passed through the UI's translation."""
        return Palette(tuple(replace(m, name=translate(m.name)) if m.is_default else m for m in self.colors))

    @classmethod
    def from_meanings(cls, meanings: Iterable[ColorMeaning]) -> Palette:
        """Known colours from `meanings`, the built-in default for any not given."""
        given = {m.color: m for m in meanings if m.color in COLORS}
        return cls(tuple(given.get(c, ColorMeaning(c, DEFAULT_MEANINGS[c])) for c in COLORS))


# --- the whole store, as one value ---------------------------------------------------------
@dataclass(frozen=True)
class StoreState:
    """Everything in the annotations file. Treat the mappings as read-only.

    `deleted` maps the id of each deleted annotation or bookmark to when it was deleted
    (a tombstone), so that merging with another instance's file does not bring it back.
    `unreadable` keeps entries this version could not read, verbatim, so that saving never
    drops them: pairs of (section, entry). `extra` likewise keeps unknown top-level keys.
    """

    annotations: Mapping[str, Annotation] = field(default_factory=dict)
    bookmarks: Mapping[str, Bookmark] = field(default_factory=dict)
    deleted: Mapping[str, str] = field(default_factory=dict)
    palette: Palette = field(default_factory=Palette)
    unreadable: tuple[tuple[str, object], ...] = ()
    extra: tuple[tuple[str, object], ...] = ()  # top-level keys we do not know: written back as read
