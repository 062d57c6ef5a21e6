"""The annotations file: encoding, decoding, migration from older versions, and merging.

The file is JSON with one entry per line inside each section, so it stays readable and a
diff shows which annotation changed; entries use the W3C Web Annotation shape (jsonld.py).
FORMAT.md documents it. Every version ever written must stay readable: add a migration to
MIGRATIONS and bump FORMAT_VERSION when the shape changes.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import accumulate
from operator import attrgetter
from typing import Any

from ..collector import collector_paused
from .jsonld import (
    annotation_from_w3c,
    annotation_to_w3c,
    bookmark_from_dict,
    bookmark_to_dict,
    color_from_dict,
    color_to_dict,
)
from .model import (
    COLORS,
    Annotation,
    BlockRangeSelector,
    Bookmark,
    Palette,
    StoreState,
    Target,
    TextQuoteSelector,
    normalize_tags,
    normalize_time,
)

FORMAT_NAME = "compact-reader-annotations"
FORMAT_VERSION = 2
SECTIONS = ("palette", "annotations", "bookmarks", "deleted")
BOOKMARK_NAMESPACE = uuid.UUID("5b0f8a4e-2d59-4a56-9d8e-6f3f2b1f0c11")
# Limits for a hand-edited or hostile file: a clear message instead of a crash or a stall.
MAX_ENTRIES = 500_000  # per section; 10,000 annotations is a heavy user
MAX_DEPTH = 100  # nesting of what is kept verbatim (unknown keys, unreadable entries); ours needs 6
_KNOWN_KEYS = frozenset(("format", "version", "saved", *SECTIONS, "colors", "highlights"))
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")  # only a file with these can hold lone surrogates


class FileProblem(Exception):
    """The file cannot be used as it is. kind: "corrupt" or "newer"."""

    def __init__(self, kind: str, reason: str, version: int | None = None) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
        self.version = version


@dataclass(frozen=True)
class DecodedFile:
    state: StoreState
    version: int  # as found in the file, before migration
    saved: str


# --- decoding ---------------------------------------------------------------------------
def decode(data: bytes) -> DecodedFile:
    """Read a whole file. FileProblem if it is damaged, not ours, or from a newer version;
    never any other exception, whatever the bytes (a bad file must not stop the app)."""
    with collector_paused():
        try:
            return _decode(data)
        except FileProblem:
            raise
        except RecursionError as exc:
            raise FileProblem("corrupt", "it is nested too deeply to be read") from exc
        except MemoryError as exc:
            raise FileProblem("corrupt", "it is too large to read into memory") from exc
        except Exception as exc:  # noqa: BLE001 - any failure to decode means "set it aside"
            raise FileProblem("corrupt", f"its structure is broken ({type(exc).__name__}: {exc})") from exc


def _decode(data: bytes) -> DecodedFile:
    raw = _parse_json(data)
    version = raw.get("version")
    if raw.get("format", FORMAT_NAME) != FORMAT_NAME:
        raise FileProblem("corrupt", "it is not a Compact Reader annotations file")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileProblem("corrupt", "it has no valid format version")
    if version > FORMAT_VERSION:
        raise FileProblem("newer", f"it was written in file format {version}", version)
    extra = tuple((k, v) for k, v in raw.items() if k not in _KNOWN_KEYS)
    _check_depth(v for _, v in extra)
    try:
        migrated = migrate(raw, version)
        state = _state_from(migrated, check_text=_SURROGATE_ESCAPE.search(data) is not None)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise FileProblem("corrupt", f"its structure is broken ({exc})") from exc
    _check_depth(entry for _, entry in state.unreadable)
    saved = migrated.get("saved", "")
    saved = saved if isinstance(saved, str) and encodable(saved) else ""
    return DecodedFile(replace(state, extra=extra) if extra else state, version, saved)


def _check_depth(values: Iterable[object]) -> None:
    """What is written back verbatim must not be deeper than MAX_DEPTH (iterative: no recursion)."""
    stack = [(value, 1) for value in values]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise FileProblem("corrupt", f"it is nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            stack += ((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack += ((v, depth + 1) for v in value)


def encodable(value: object) -> bool:
    """False for text holding lone surrogates ("\\ud800"): it cannot be written as UTF-8."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_json(data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem("corrupt", "it is not UTF-8 text") from exc
    if not text.strip():
        raise FileProblem("corrupt", "it is empty")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FileProblem("corrupt", f"it is damaged or incomplete (at line {exc.lineno})") from exc
    except ValueError as exc:  # a number of more than 4,300 digits
        raise FileProblem("corrupt", "it holds a number too long to read") from exc
    if not isinstance(raw, dict):
        raise FileProblem("corrupt", "it is not an annotations file")
    return raw


def _state_from(raw: Mapping[str, Any], check_text: bool = False) -> StoreState:
    """Every entry read on its own: one that fails (whatever the error) is kept verbatim as
    unreadable and costs nothing else. check_text: the file holds escaped surrogates, so
    each entry is first checked for text that cannot be written back as UTF-8."""
    sections = {name: raw.get(name, []) for name in SECTIONS}
    for name, value in sections.items():
        if not isinstance(value, list):
            raise TypeError(f"{name!r} is not a list")
        if len(value) > MAX_ENTRIES:
            raise FileProblem(
                "corrupt", f"it holds more than {MAX_ENTRIES} {name}, more than this version can handle"
            )
    unreadable: list[tuple[str, object]] = []
    annotations: dict[str, Annotation] = {}
    bookmarks: dict[str, Bookmark] = {}
    deleted: dict[str, str] = {}
    colors = []
    readers: dict[str, Callable[[object], None]] = {
        "annotations": lambda e: _put(annotations, annotation_from_w3c(e)),
        "bookmarks": lambda e: _put(bookmarks, bookmark_from_dict(e)),
        "deleted": lambda e: _tombstone(deleted, e),
        "palette": lambda e: colors.append(color_from_dict(e)),
    }
    for name in SECTIONS:
        for entry in sections[name]:
            try:
                if check_text and not encodable(entry):
                    raise ValueError("text that is not valid Unicode")
                readers[name](entry)
            except Exception:  # noqa: BLE001 - W3CError, and whatever a hostile entry provokes
                unreadable.append((name, entry))  # kept verbatim: saving must not drop it
    return StoreState(annotations, bookmarks, deleted, Palette.from_meanings(colors), tuple(unreadable))


def _put(items: dict[str, Any], item: Annotation | Bookmark) -> None:
    old = items.get(item.id)
    if old is None or item.modified > old.modified:  # a repeated id: the newer entry wins
        items[item.id] = item


def _tombstone(deleted: dict[str, str], entry: object) -> None:
    if not isinstance(entry, Mapping) or not isinstance(entry.get("id"), str):
        raise ValueError("a deletion needs an id")
    when = normalize_time(entry["deleted"])
    deleted[entry["id"]] = max(when, deleted.get(entry["id"], ""))


# --- migrations -------------------------------------------------------------------------
def migrate(raw: dict[str, Any], version: int) -> dict[str, Any]:
    """Upgrade a decoded file, one version at a time, to FORMAT_VERSION."""
    while version < FORMAT_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
    return raw


def _v1_to_v2(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 1 (the first, pre-release shape): flat "highlights", "colors" as a mapping,
    bookmarks without ids, no modification times and no deletions."""
    colors = raw.get("colors")
    colors = colors if isinstance(colors, Mapping) else {}  # a damaged palette: the default names
    for section in ("highlights", "bookmarks"):
        if not isinstance(raw.get(section, []), list):
            raise TypeError(f"{section!r} is not a list")
    return {
        "format": FORMAT_NAME,
        "version": 2,
        "saved": raw.get("saved", ""),
        "palette": [{"color": c, "name": n} for c, n in colors.items() if c in COLORS],
        "annotations": [_v1_highlight(h) for h in raw.get("highlights", [])],
        "bookmarks": [_v1_bookmark(b) for b in raw.get("bookmarks", [])],
        "deleted": [],
    }


def _v1_highlight(entry: object) -> object:
    try:
        h: Mapping[str, Any] = entry  # type: ignore[assignment]
        anchor = h["anchor"]
        rng = BlockRangeSelector(anchor, int(h["start"]), h.get("end_anchor") or anchor, int(h["end"]))
        ident = str(h["id"])
        created = normalize_time(h["created"])
        annotation = Annotation(
            ident if ident.startswith("urn:") else f"urn:uuid:{ident}",
            Target(h["doc"], TextQuoteSelector(h["text"]), rng),
            h.get("color") if h.get("color") in COLORS else "yellow",
            h.get("note") or "",
            normalize_tags(h.get("tags") or ()),
            created,
            created,
        )
    except Exception:  # noqa: BLE001 - not readable: kept as it is, reported as unreadable
        return entry
    return annotation_to_w3c(annotation)


def _v1_bookmark(entry: object) -> object:
    if not isinstance(entry, Mapping):
        return entry
    # The same v1 file must give the same ids in two instances, or a merge would duplicate.
    key = "|".join(str(entry.get(k, "")) for k in ("doc", "anchor", "name", "created"))
    created = entry.get("created", "")
    return {**entry, "id": f"urn:uuid:{uuid.uuid5(BOOKMARK_NAMESPACE, key)}", "modified": created}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


# --- encoding ---------------------------------------------------------------------------
class EncodeCache:
    """Each annotation's encoded line, reused while the (immutable) annotation is unchanged,
    so saving 10,000 annotations after one edit encodes one.

    A line is marked verified once it is known to decode back to exactly its annotation (it
    was checked, or came from the load cache, which stores only checked lines): only then
    may the written file's decoded copy be cached without decoding the file (`written_file`)."""

    def __init__(self) -> None:
        self._lines: dict[str, tuple[Annotation, bytes, bool]] = {}
        self._order: list[str] = []

    def ordered(self, annotations: Mapping[str, Annotation]) -> list[Annotation]:
        """By creation time; the last order is reused while no annotation came or went (an
        edit does not change `created`), which spares a sort of 10,000 on every save."""
        if len(self._order) != len(annotations) or not all(i in annotations for i in self._order):
            self._order = [a.id for a in sorted(annotations.values(), key=_BY_TIME)]
        return [annotations[i] for i in self._order]

    def lines(self, annotations: list[Annotation]) -> list[bytes]:
        cache, out = self._lines, []
        for annotation in annotations:
            hit = cache.get(annotation.id)
            if hit is None or hit[0] is not annotation:
                hit = cache[annotation.id] = (annotation, _dumps(annotation_to_w3c(annotation)), False)
            out.append(hit[1])
        if len(cache) > len(annotations) + 256:  # forget deleted ones now and then, not every time
            keep = {a.id for a in annotations}
            self._lines = {k: v for k, v in cache.items() if k in keep}
        return out

    def prime(self, annotations: Iterable[Annotation], lines: Iterable[bytes]) -> None:
        """Take lines known to decode to exactly these annotations (from the load cache)."""
        for annotation, line in zip(annotations, lines, strict=True):
            self._lines.setdefault(annotation.id, (annotation, line, True))

    def verified_lines(self, annotations: list[Annotation]) -> list[bytes] | None:
        """The lines of `annotations` (encoded already), if each decodes back to exactly its
        annotation, else None; checks only lines not checked before, so that after the first
        time it costs next to nothing."""
        lines = []
        with collector_paused():
            for annotation in annotations:
                cached, line, verified = self._lines[annotation.id]
                if not verified:
                    if cached is not annotation or not _decodes_to(line, annotation):
                        return None
                    self._lines[annotation.id] = (annotation, line, True)
                lines.append(line)
        return lines


def _decodes_to(line: bytes, annotation: Annotation) -> bool:
    if _SURROGATE_ESCAPE.search(line):  # such a file is read entry by entry in another mode
        return False
    try:
        return annotation_from_w3c(json.loads(line)) == annotation
    except Exception:  # noqa: BLE001 - not readable back: simply not cacheable
        return False


_BY_TIME = attrgetter("created", "id")


def encode(state: StoreState, saved: str, cache: EncodeCache | None = None) -> bytes:
    """The whole file, as bytes built from cached lines."""
    with collector_paused():
        return _encode(state, saved, cache or EncodeCache())


def written_file(state: StoreState, saved: str, cache: EncodeCache) -> tuple[DecodedFile, list[bytes]] | None:
    """What `decode(encode(state, saved, cache))` gives, found without decoding the
    annotations again, and their lines: each line was checked to decode to its annotation
    (`verified_lines`), and the rest of the file (palette, bookmarks, deletions, unreadable
    entries, unknown keys: few) is decoded for real, as the same bytes less the annotation
    lines. None when that cannot be shown (the caller then keeps no cached copy)."""
    ordered = cache.ordered(state.annotations)
    unreadable = sum(1 for section, _ in state.unreadable if section == "annotations")
    if len(ordered) + unreadable > MAX_ENTRIES or any(a.id != i for i, a in state.annotations.items()):
        return None
    lines = cache.verified_lines(ordered)  # encoded already, by the write
    if lines is None:
        return None
    try:
        rest = decode(_encode(state, saved, cache, with_annotations=False))
    except FileProblem:
        return None
    if rest.state.annotations:  # an unreadable entry that reads now: not what the file gives
        return None
    written = replace(rest, state=replace(rest.state, annotations={a.id: a for a in ordered}))
    return written, lines


def _encode(state: StoreState, saved: str, cache: EncodeCache, with_annotations: bool = True) -> bytes:
    sections = {
        "palette": [_dumps(color_to_dict(m)) for m in state.palette],
        "annotations": cache.lines(cache.ordered(state.annotations)) if with_annotations else [],
        "bookmarks": [_dumps(bookmark_to_dict(b)) for b in sorted(state.bookmarks.values(), key=_BY_TIME)],
        "deleted": [_dumps({"id": i, "deleted": t}) for i, t in sorted(state.deleted.items())],
    }
    for section, entry in state.unreadable:
        sections[section].append(_dumps(entry))
    parts = [
        b'{\n  "format": ',
        _dumps(FORMAT_NAME),
        b',\n  "version": ',
        str(FORMAT_VERSION).encode(),
        b',\n  "saved": ',
        _dumps(saved),
    ]
    for name, lines in sections.items():
        parts.append(b',\n  "' + name.encode() + b'": ')
        parts += [b"[\n    ", b",\n    ".join(lines), b"\n  ]"] if lines else [b"[]"]
    for key, value in state.extra:  # another version's keys, as they were
        parts += [b",\n  ", _dumps(key), b": ", _dumps(value)]
    parts.append(b"\n}\n")
    return b"".join(parts)


_ANNOTATIONS_OPENING = (
    b'\n  "annotations": [\n    '  # in _encode's layout; a raw newline is never in a string
)
_LINE_SEPARATOR = b",\n    "


def line_spans(data: bytes, lines: list[bytes]) -> tuple[list[int], list[int]] | None:
    """Where each of `lines` lies in `data`, the file `encode` made of them (the annotations,
    in order): their starts and lengths. `_encode` writes them one after the other, after
    the section's opening line, a separator between two; that the first and the last are
    where this places them, the section closing right after, is checked (not the 50 MB
    between: a comparison as long as the file). None if `data` is not laid out that way."""
    lengths = [len(line) for line in lines]
    if not lines:
        return [], lengths
    first = data.find(_ANNOTATIONS_OPENING)
    if first < 0:
        return None
    step = len(_LINE_SEPARATOR)
    starts = list(accumulate((n + step for n in lengths[:-1]), initial=first + len(_ANNOTATIONS_OPENING)))
    end = starts[-1] + lengths[-1]
    placed = data.startswith(lines[0], starts[0]) and data.startswith(lines[-1], starts[-1])
    return (starts, lengths) if placed and data.startswith(b"\n  ]", end) else None


def _dumps(value: object) -> bytes:
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate kept verbatim: written as its \\u escape
        return json.dumps(value).encode("ascii")


def canonical(item: Annotation | Bookmark) -> str:
    """A stable text of an item, to break ties between two versions with the same time."""
    data = annotation_to_w3c(item) if isinstance(item, Annotation) else bookmark_to_dict(item)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


# --- merging ----------------------------------------------------------------------------
def merge_states(ours: StoreState, theirs: StoreState) -> StoreState:
    """Both sides' changes: per id the later modification wins, a later deletion removes.

    Symmetric, so two instances merging each other's files end with the same content.
    """
    if ours is theirs:
        return ours
    deleted = dict(theirs.deleted)
    for key, when in ours.deleted.items():
        if when > deleted.get(key, ""):
            deleted[key] = when
    palette = Palette.from_meanings(
        max((ours.palette.get(c), theirs.palette.get(c)), key=lambda m: (m.modified, m.name)) for c in COLORS
    )
    seen: set[str] = set()
    unreadable = []
    for section, entry in ours.unreadable + theirs.unreadable:
        key = section + json.dumps(entry, sort_keys=True)
        if key not in seen:
            seen.add(key)
            unreadable.append((section, entry))
    extra = tuple({**dict(theirs.extra), **dict(ours.extra)}.items())
    return StoreState(
        _merge_items(ours.annotations, theirs.annotations, deleted),
        _merge_items(ours.bookmarks, theirs.bookmarks, deleted),
        deleted,
        palette,
        tuple(unreadable),
        extra,
    )


def _merge_items(
    ours: Mapping[str, Any], theirs: Mapping[str, Any], deleted: Mapping[str, str]
) -> dict[str, Any]:
    """Ours in our order, theirs' new ids after them in theirs' order, per id the newer
    version, then what a deletion at or after the change removes, and any item never dated.
    Only theirs and the deletions are merged one by one (applying a journal of 300 lines to
    50,000 annotations must not compare 50,000); the last pass only tests a field."""
    merged = dict(ours)
    for key, item in theirs.items():
        mine = merged.get(key)
        merged[key] = item if mine is None else newer(mine, item)
    for key, when in deleted.items():
        item = merged.get(key)
        if item is not None and item.modified <= when:
            del merged[key]
    for key in [key for key, item in merged.items() if not item.modified]:
        del merged[key]  # never dated: older than any deletion, or no deletion at all
    return merged


def newer(a: Any, b: Any) -> Any:
    """The later of two versions of one item (either may be None, not both)."""
    if a is None or a is b:
        return b if a is None else a
    if b is None or a == b:
        return a
    if a.modified != b.modified:
        return a if a.modified > b.modified else b
    return a if canonical(a) >= canonical(b) else b
