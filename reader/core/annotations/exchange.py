"""What an exchange file carries besides highlights: bookmarks and the colour meanings.

Bookmarks travel as W3C annotations with motivation ``bookmarking``: the target is the
paragraph (our block-anchor FragmentSelector on the document IRI), the name a ``describing``
body and the folder a ``tagging`` body holding the folder path (``谈判/目标13``). The colour
meanings travel as the collection's ``palette`` (a JSON literal in the collection's context),
each annotation repeating its own meaning as a ``classifying`` body for other tools.

Reading accepts the same from a JSON-LD export and from a whole annotations.json (whose
``bookmarks`` and ``palette`` sections are read as they are stored).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .jsonld import (
    ANCHOR_SPEC,
    ANNO_CONTEXT,
    GENERATOR,
    W3CError,
    bookmark_from_dict,
    color_from_dict,
    color_to_dict,
    creator_of,
    doc_id_of,
    person,
)
from .model import (
    COLORS,
    EPOCH,
    Bookmark,
    ColorMeaning,
    Palette,
    StoreState,
    normalize_folder,
    normalize_time,
)

PALETTE_KEY = "palette"
# The collection's context: the W3C one, plus our palette kept as a JSON literal (JSON-LD 1.1).
COLLECTION_CONTEXT: list[Any] = [
    ANNO_CONTEXT,
    {
        "@version": 1.1,
        PALETTE_KEY: {"@id": "urn:compact-reader:palette", "@type": "@json"},
        "sources": {"@id": "urn:compact-reader:sources", "@type": "@json"},
        "filters": "urn:compact-reader:filters",
    },
]


# --- writing ----------------------------------------------------------------------------
def bookmark_to_jsonld(
    bookmark: Bookmark, *, citation: str = "", generated: str = "", creator: str = ""
) -> dict[str, Any]:
    """A bookmark as a self-contained W3C annotation (motivation ``bookmarking``)."""
    data: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": bookmark.id,
        "type": "Annotation",
        "motivation": "bookmarking",
    }
    data.update((k, v) for k, v in (("created", bookmark.created), ("modified", bookmark.modified)) if v)
    if bookmark.creator or creator:
        data["creator"] = person(bookmark.creator or creator)
    if generated:
        data["generated"] = generated
    data["generator"] = GENERATOR
    bodies: list[dict[str, Any]] = [{"type": "TextualBody", "purpose": "describing", "value": bookmark.name}]
    if bookmark.folder:
        bodies.append({"type": "TextualBody", "purpose": "tagging", "value": bookmark.folder})
    data["body"] = bodies
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": f"reader://{bookmark.doc}",
        "selector": {"type": "FragmentSelector", "conformsTo": ANCHOR_SPEC, "value": bookmark.anchor},
        "scope": bookmark.link,
    }
    data["target"] = target
    if citation:
        data["label"] = citation  # for people reading the file; not read back
    return data


def palette_to_jsonld(palette: Palette) -> list[dict[str, Any]]:
    """Every colour with its meaning and display colour (the colour itself is never read back)."""
    return [{**color_to_dict(m), "hex": m.hex} for m in palette]


# --- reading ----------------------------------------------------------------------------
def is_bookmark(entry: object) -> bool:
    if not isinstance(entry, Mapping):
        return False
    motivation = entry.get("motivation")
    return motivation == "bookmarking" or (isinstance(motivation, list) and "bookmarking" in motivation)


def bookmark_from_jsonld(data: Mapping[str, Any]) -> Bookmark:
    """Read a bookmarking annotation. W3CError if it has no id, paragraph or name."""
    bookmark_id = data.get("id")
    if not isinstance(bookmark_id, str) or not bookmark_id.strip():
        raise W3CError("a bookmark needs an id")
    doc, anchor = _bookmark_target(data.get("target"))
    name, folder = "", ""
    for body in _as_list(data.get("body")):
        if not isinstance(body, Mapping) or not isinstance(body.get("value"), str):
            continue
        purposes = _as_list(body.get("purpose"))
        if "tagging" in purposes and not folder:
            folder = body["value"]
        elif not name and ("describing" in purposes or not purposes):
            name = body["value"]
    if not name and isinstance(data.get("bodyValue"), str):
        name = data["bodyValue"]
    if not name.strip():
        raise W3CError("a bookmark needs a name")
    created, modified = _times(data)
    return Bookmark(
        bookmark_id.strip(),
        doc,
        anchor,
        name.strip(),
        normalize_folder(folder),
        created,
        modified,
        creator_of(data),
    )


def _bookmark_target(value: object) -> tuple[str, str]:
    for target in _as_list(value):
        if not isinstance(target, Mapping):
            continue
        doc = doc_id_of(target.get("source"))
        for selector in _as_list(target.get("selector")):
            if (
                isinstance(selector, Mapping)
                and selector.get("type") == "FragmentSelector"
                and selector.get("conformsTo", ANCHOR_SPEC) == ANCHOR_SPEC
                and isinstance(selector.get("value"), str)
                and selector["value"].strip()
                and doc
            ):
                return doc, selector["value"].strip()
        scope = target.get("scope")  # reader://gcm/17 alone also says where
        if isinstance(scope, str) and doc_id_of(scope) and scope.count("/") >= 3:
            return doc_id_of(scope), scope.split("/", 3)[3]
    raise W3CError("a bookmark needs a paragraph of a Compact Reader document (reader://…)")


def _times(data: Mapping[str, Any]) -> tuple[str, str]:
    try:
        created = normalize_time(data["created"]) if data.get("created") else ""
        modified = normalize_time(data["modified"]) if data.get("modified") else ""
    except (TypeError, ValueError) as exc:
        raise W3CError(f"bad date: {exc}") from exc
    created = created or modified or EPOCH
    return created, modified or created


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


@dataclass(frozen=True)
class Extras:
    """Bookmarks and colour meanings found in an import, and those newer than ours."""

    bookmarks: tuple[Bookmark, ...] = ()  # to apply: new or newer than ours
    colors: tuple[ColorMeaning, ...] = ()  # to apply: renamed later than ours
    unchanged_bookmarks: int = 0
    skipped: tuple[tuple[str, str], ...] = ()


def read_extras(data: object, entries: Iterable[object], state: StoreState) -> Extras:
    """Bookmarks (from bookmarking `entries`, or an annotations file's section) and the palette
    of `data`, keeping what is newer than `state`."""
    bookmarks: dict[str, Bookmark] = {}
    skipped: list[tuple[str, str]] = []
    raw_bookmarks, readers = _bookmark_sources(data, entries)
    for index, entry in enumerate(raw_bookmarks, 1):
        try:
            bookmark = readers(entry)
        except (W3CError, TypeError, ValueError) as exc:
            skipped.append((f"bookmark {index}", str(exc)))
            continue
        previous = bookmarks.get(bookmark.id)
        if previous is None or bookmark.modified > previous.modified:
            bookmarks[bookmark.id] = bookmark
    taken = [b for b in bookmarks.values() if _newer(b, state)]
    colors = [m for m in _palette_of(data) if m.modified > state.palette.get(m.color).modified]
    return Extras(tuple(taken), tuple(colors), len(bookmarks) - len(taken), tuple(skipped))


def _bookmark_sources(data: object, entries: Iterable[object]):
    if isinstance(data, Mapping) and isinstance(data.get("bookmarks"), list):  # an annotations file
        return list(data["bookmarks"]), bookmark_from_dict
    return [e for e in entries if is_bookmark(e)], bookmark_from_jsonld


def _newer(bookmark: Bookmark, state: StoreState) -> bool:
    current = state.bookmarks.get(bookmark.id)
    floor = max(current.modified if current else "", state.deleted.get(bookmark.id, ""))
    return bookmark.modified > floor


def _palette_of(data: object) -> list[ColorMeaning]:
    if not isinstance(data, Mapping) or not isinstance(data.get(PALETTE_KEY), list):
        return []
    meanings = []
    for entry in data[PALETTE_KEY]:
        try:
            meaning = color_from_dict(entry)
        except W3CError:
            continue
        if meaning.color in COLORS and meaning.modified:  # never renamed: nothing to carry
            meanings.append(meaning)
    return meanings
