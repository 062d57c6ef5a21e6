"""The annotations file: encoding, decoding, migration from older versions, and merging.

The file is JSON with one entry per line inside each section, so it stays readable and a
diff shows which annotation changed; entries use the W3C Web Annotation shape (jsonld.py).
FORMAT.md documents it. Every version ever written must stay readable: add a migration to
MIGRATIONS and bump FORMAT_VERSION when the shape changes.
"""

from __future__ import annotations

import contextlib
import gc
import json
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from .jsonld import (
    W3CError,
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
@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading or writing 10,000 annotations makes tens of thousands of objects and no
    garbage cycles: the cyclic collector would only rescan them, again and again (a third
    of the load time, two thirds of the encoding time)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def decode(data: bytes) -> DecodedFile:
    """Read a whole file. FileProblem if it is damaged, not ours, or from a newer version."""
    with _collector_paused():
        return _decode(data)


def _decode(data: bytes) -> DecodedFile:
    raw = _parse_json(data)
    version = raw.get("version")
    if raw.get("format", FORMAT_NAME) != FORMAT_NAME:
        raise FileProblem("corrupt", "it is not a Compact Reader annotations file")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FileProblem("corrupt", "it has no valid format version")
    if version > FORMAT_VERSION:
        raise FileProblem("newer", f"it was written in file format {version}", version)
    try:
        raw = migrate(raw, version)
        state = _state_from(raw)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise FileProblem("corrupt", f"its structure is broken ({exc})") from exc
    saved = raw.get("saved", "")
    return DecodedFile(state, version, saved if isinstance(saved, str) else "")


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
    if not isinstance(raw, dict):
        raise FileProblem("corrupt", "it is not an annotations file")
    return raw


def _state_from(raw: Mapping[str, Any]) -> StoreState:
    sections = {name: raw.get(name, []) for name in SECTIONS}
    for name, value in sections.items():
        if not isinstance(value, list):
            raise TypeError(f"{name!r} is not a list")
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
                readers[name](entry)
            except (W3CError, TypeError, ValueError, KeyError):
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
    colors = raw.get("colors") or {}
    return {
        "format": FORMAT_NAME, "version": 2, "saved": raw.get("saved", ""),
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
        annotation = Annotation(ident if ident.startswith("urn:") else f"urn:uuid:{ident}",
                                Target(h["doc"], TextQuoteSelector(h["text"]), rng),
                                h.get("color") if h.get("color") in COLORS else "yellow",
                                h.get("note") or "", normalize_tags(h.get("tags") or ()), created, created)
    except (KeyError, TypeError, ValueError):
        return entry  # not readable: kept as it is, reported as unreadable
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
    so saving 10,000 annotations after one edit encodes one."""

    def __init__(self) -> None:
        self._lines: dict[str, tuple[Annotation, bytes]] = {}
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
                hit = cache[annotation.id] = (annotation, _dumps(annotation_to_w3c(annotation)))
            out.append(hit[1])
        if len(cache) > len(annotations) + 256:  # forget deleted ones now and then, not every time
            keep = {a.id for a in annotations}
            self._lines = {k: v for k, v in cache.items() if k in keep}
        return out


_BY_TIME = attrgetter("created", "id")


def encode(state: StoreState, saved: str, cache: EncodeCache | None = None) -> bytes:
    """The whole file, as bytes built from cached lines."""
    with _collector_paused():
        return _encode(state, saved, cache or EncodeCache())


def _encode(state: StoreState, saved: str, cache: EncodeCache) -> bytes:
    sections = {
        "palette": [_dumps(color_to_dict(m)) for m in state.palette],
        "annotations": cache.lines(cache.ordered(state.annotations)),
        "bookmarks": [_dumps(bookmark_to_dict(b)) for b in sorted(state.bookmarks.values(), key=_BY_TIME)],
        "deleted": [_dumps({"id": i, "deleted": t}) for i, t in sorted(state.deleted.items())],
    }
    for section, entry in state.unreadable:
        sections[section].append(_dumps(entry))
    parts = [b'{\n  "format": ', _dumps(FORMAT_NAME), b',\n  "version": ', str(FORMAT_VERSION).encode(),
             b',\n  "saved": ', _dumps(saved)]
    for name, lines in sections.items():
        parts.append(b',\n  "' + name.encode() + b'": ')
        parts += [b"[\n    ", b",\n    ".join(lines), b"\n  ]"] if lines else [b"[]"]
    parts.append(b"\n}\n")
    return b"".join(parts)


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


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
        max((ours.palette.get(c), theirs.palette.get(c)), key=lambda m: (m.modified, m.name))
        for c in COLORS)
    seen: set[str] = set()
    unreadable = []
    for section, entry in ours.unreadable + theirs.unreadable:
        key = section + json.dumps(entry, sort_keys=True)
        if key not in seen:
            seen.add(key)
            unreadable.append((section, entry))
    return StoreState(_merge_items(ours.annotations, theirs.annotations, deleted),
                      _merge_items(ours.bookmarks, theirs.bookmarks, deleted), deleted, palette,
                      tuple(unreadable))


def _merge_items(ours: Mapping[str, Any], theirs: Mapping[str, Any],
                 deleted: Mapping[str, str]) -> dict[str, Any]:
    merged = {}
    for key in [*ours, *(k for k in theirs if k not in ours)]:
        item = newer(ours.get(key), theirs.get(key))
        if item.modified > deleted.get(key, ""):  # a deletion at or after the change wins
            merged[key] = item
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
