"""Annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), both ways.

One mapping serves the annotations file and the JSON-LD export, so a colleague's export
and our own file read the same way. See FORMAT.md for an annotated example.

* body: the note is a TextualBody with purpose ``commenting``, each tag one with purpose
  ``tagging``. Exports add ``classifying`` (the colour's meaning) and ``describing`` (the
  citation) bodies; reading ignores those, since they are derived from the palette and the
  corpus.
* target: a SpecificResource whose ``source`` is the document IRI (``reader://gcm``) and
  whose ``styleClass`` is the colour. Its selectors are alternatives: a TextQuoteSelector
  (exact, prefix, suffix in the document text, blocks joined by a newline) and our block
  anchors: a FragmentSelector (value: the anchor, conformsTo: ANCHOR_SPEC) refined by a
  TextPositionSelector with offsets in that block's text, or, for a highlight spanning
  blocks, a RangeSelector from one such point to another.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from .model import (
    COLORS,
    DEFAULT_COLOR,
    EPOCH,
    Annotation,
    BlockRangeSelector,
    Bookmark,
    ColorMeaning,
    Target,
    TextQuoteSelector,
    normalize_folder,
    normalize_tags,
    normalize_time,
)

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANCHOR_SPEC = "urn:compact-reader:block-anchor"  # what our FragmentSelector values conform to
READER_SCHEME = "reader://"
# Who wrote an exported file (W3C `generator`): the program, as a Software agent.
GENERATOR = {"type": "Software", "name": "Compact Reader"}
_STORED_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


class W3CError(ValueError):
    """An entry is not an annotation we can read; the message says why."""


# --- writing ----------------------------------------------------------------------------
def annotation_to_w3c(annotation: Annotation) -> dict[str, Any]:
    """The stored form: a W3C annotation without @context and without the optional types
    an export adds (the file is read 10,000 entries at a time: every byte counts)."""
    data: dict[str, Any] = {"id": annotation.id, "type": "Annotation", "motivation": "highlighting"}
    data.update(
        (key, value)
        for key, value in (("created", annotation.created), ("modified", annotation.modified))
        if value
    )
    if annotation.creator:
        data["creator"] = person(annotation.creator)
    bodies = _bodies(annotation)
    if bodies:
        data["body"] = bodies
    data["target"] = target_to_w3c(annotation.target, annotation.color)
    return data


def annotation_to_jsonld(
    annotation: Annotation, *, meaning: str = "", citation: str = "", language: str = "", generated: str = ""
) -> dict[str, Any]:
    """A self-contained JSON-LD annotation for export, with the derived bodies and styling."""
    stored = annotation_to_w3c(annotation)
    data: dict[str, Any] = {"@context": ANNO_CONTEXT}
    data.update(
        (k, stored[k]) for k in ("id", "type", "motivation", "created", "modified", "creator") if k in stored
    )
    if generated:
        data["generated"] = generated
    data["generator"] = GENERATOR
    bodies = [
        {**b, "format": "text/plain"} if b["purpose"] == "commenting" else b for b in stored.get("body", [])
    ]
    if meaning:
        bodies.append({"type": "TextualBody", "purpose": "classifying", "value": meaning})
    if citation:
        body = {"type": "TextualBody", "purpose": "describing", "value": citation}
        bodies.append({**body, "language": language} if language else body)
    if bodies:
        data["body"] = bodies
    target = {"type": "SpecificResource", **stored["target"]}
    if annotation.target.anchor:
        target["scope"] = annotation.target.link
    data["target"] = target
    color = annotation.color
    data["stylesheet"] = {
        "type": "CssStylesheet",
        "value": f".{color} {{ background-color: {COLORS[color]}; }}",
    }
    return data


def person(name: str) -> dict[str, str]:
    """A W3C creator: a Person with a name (no email or IRI: we have none to give)."""
    return {"type": "Person", "name": name}


def creator_of(data: Mapping[str, Any]) -> str:
    """The creator's name from a W3C annotation: an Agent object, a list of them, or a bare
    string (an IRI, or a name written by a less careful tool)."""
    for agent in _as_list(data.get("creator")):
        if isinstance(agent, str) and agent.strip():
            return agent.strip()
        if isinstance(agent, dict):
            for key in ("name", "nickname", "id"):
                value = agent.get(key)
                if isinstance(value, list):
                    value = next((v for v in value if isinstance(v, str)), "")
                if isinstance(value, str) and value.strip():
                    return value.strip()
    return ""


def _bodies(annotation: Annotation) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = []
    if annotation.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": annotation.note})
    bodies += [{"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in annotation.tags]
    return bodies


def target_to_w3c(target: Target, color: str) -> dict[str, Any]:
    quote = target.quote
    selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": quote.exact}
    if quote.prefix:
        selector["prefix"] = quote.prefix
    if quote.suffix:
        selector["suffix"] = quote.suffix
    selectors = [selector]
    if target.range is not None:
        selectors.append(range_to_w3c(target.range))
    return {"source": target.source, "styleClass": color, "selector": selectors}


def range_to_w3c(rng: BlockRangeSelector) -> dict[str, Any]:
    if rng.single_block:
        return _point(rng.start_anchor, rng.start_offset, rng.end_offset)
    # A RangeSelector runs from the start of one selection to the start of the other
    # (exclusive), so each end is an empty selection at its offset.
    return {
        "type": "RangeSelector",
        "startSelector": _point(rng.start_anchor, rng.start_offset, rng.start_offset),
        "endSelector": _point(rng.end_anchor, rng.end_offset, rng.end_offset),
    }


def _point(anchor: str, start: int, end: int) -> dict[str, Any]:
    return {
        "type": "FragmentSelector",
        "conformsTo": ANCHOR_SPEC,
        "value": anchor,
        "refinedBy": {"type": "TextPositionSelector", "start": start, "end": end},
    }


def bookmark_to_dict(bookmark: Bookmark) -> dict[str, Any]:
    data = {
        "id": bookmark.id,
        "doc": bookmark.doc,
        "anchor": bookmark.anchor,
        "name": bookmark.name,
        "folder": bookmark.folder,
        "created": bookmark.created,
        "modified": bookmark.modified,
    }
    return {**data, "creator": bookmark.creator} if bookmark.creator else data


def color_to_dict(meaning: ColorMeaning) -> dict[str, Any]:
    data = {"color": meaning.color, "name": meaning.name}
    return {**data, "modified": meaning.modified} if meaning.modified else data


# --- reading ----------------------------------------------------------------------------
def annotation_from_w3c(data: object) -> Annotation:
    """Read one W3C annotation (ours or another tool's). W3CError if it is not usable."""
    if not isinstance(data, dict):
        raise W3CError("not a JSON object")
    if "Annotation" not in _as_list(data.get("type")):
        raise W3CError("not of type Annotation")
    annotation_id = data.get("id")
    if not isinstance(annotation_id, str) or not annotation_id.strip():
        raise W3CError("no id")
    target, color = _target(data.get("target"))
    note, tags = _read_bodies(data.get("body"), data.get("bodyValue"))
    created, modified = _times(data)
    return Annotation(annotation_id.strip(), target, color, note, tags, created, modified, creator_of(data))


def _times(data: Mapping[str, Any]) -> tuple[str, str]:
    created, modified = _time(data, "created"), _time(data, "modified")
    created = created or modified or EPOCH
    return created, modified or created


def _time(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not value:
        return ""
    if isinstance(value, str) and _STORED_TIME.fullmatch(value):
        return value  # already in our form: the common case, and loading 10,000 must be quick
    if not isinstance(value, str):
        raise W3CError(f"{key} is not a date")
    try:
        return normalize_time(value)
    except (ValueError, OverflowError) as exc:  # OverflowError: a zone shift past year 1 or 9999
        raise W3CError(f"{key} is not a date ({exc})") from exc


def _target(value: object) -> tuple[Target, str]:
    for candidate in _as_list(value):
        if not isinstance(candidate, dict):
            continue
        source = candidate.get("source")
        if isinstance(source, dict):
            source = source.get("id")
        doc = doc_id_of(source)
        if not doc:
            continue
        quote, rng = _selectors(candidate.get("selector"))
        if quote is None:
            continue
        color = candidate.get("styleClass")
        return Target(doc, quote, rng), color if isinstance(color, str) and color in COLORS else DEFAULT_COLOR
    raise W3CError("no target in a Compact Reader document (reader://…) with a TextQuoteSelector")


def doc_id_of(iri: object) -> str:
    """ "gcm" from reader://gcm (or reader://gcm/17.a); "" for anything else."""
    if not isinstance(iri, str) or not iri.startswith(READER_SCHEME):
        return ""
    return iri[len(READER_SCHEME) :].split("/", 1)[0].strip()


def _selectors(value: object) -> tuple[TextQuoteSelector | None, BlockRangeSelector | None]:
    quote, rng = None, None
    for selector in _as_list(value):
        if not isinstance(selector, dict):
            continue
        kind = selector.get("type")
        if kind == "TextQuoteSelector" and quote is None:
            quote = _quote(selector)
        elif kind == "FragmentSelector":
            point = _fragment(selector)
            refined = selector.get("refinedBy")
            if quote is None and isinstance(refined, dict) and refined.get("type") == "TextQuoteSelector":
                quote = _quote(refined)
            if point and rng is None:
                rng = BlockRangeSelector(point[0], point[1], point[0], point[2])
        elif kind == "RangeSelector" and rng is None:
            rng = _range(selector)
    if rng is not None and rng.single_block and rng.end_offset < rng.start_offset:
        rng = None
    return quote, rng


def _quote(selector: Mapping[str, Any]) -> TextQuoteSelector | None:
    exact = selector.get("exact")
    if not isinstance(exact, str) or not exact:
        return None
    prefix, suffix = selector.get("prefix", ""), selector.get("suffix", "")
    return TextQuoteSelector(
        exact, prefix if isinstance(prefix, str) else "", suffix if isinstance(suffix, str) else ""
    )


def _fragment(selector: object) -> tuple[str, int, int] | None:
    """(anchor, start, end) from one of our FragmentSelectors refined by a position."""
    if not isinstance(selector, dict) or selector.get("type") != "FragmentSelector":
        return None
    if selector.get("conformsTo", ANCHOR_SPEC) != ANCHOR_SPEC:
        return None
    anchor, refined = selector.get("value"), selector.get("refinedBy")
    if not isinstance(anchor, str) or not anchor or not isinstance(refined, dict):
        return None
    start, end = refined.get("start"), refined.get("end")
    if refined.get("type") != "TextPositionSelector" or not _offset(start) or not _offset(end):
        return None
    return anchor, start, end  # type: ignore[return-value]


def _offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _range(selector: Mapping[str, Any]) -> BlockRangeSelector | None:
    start, end = _fragment(selector.get("startSelector")), _fragment(selector.get("endSelector"))
    if start is None or end is None:
        return None
    return BlockRangeSelector(start[0], start[1], end[0], end[1])


def _read_bodies(body: object, body_value: object) -> tuple[str, tuple[str, ...]]:
    notes: list[str] = []
    tags: list[str] = []
    for item in _as_list(body):
        if not isinstance(item, dict) or not isinstance(item.get("value"), str):
            continue  # a body that is a link to another resource: nothing to show
        purposes = _as_list(item.get("purpose"))
        if "tagging" in purposes:
            tags.append(item["value"])
        elif not purposes or "commenting" in purposes:
            notes.append(item["value"])
    if isinstance(body_value, str) and body_value:
        notes.append(body_value)
    return "\n\n".join(n for n in notes if n), normalize_tags(tags)


def bookmark_from_dict(data: object) -> Bookmark:
    if not isinstance(data, dict):
        raise W3CError("not a JSON object")
    fields = {key: data.get(key) for key in ("id", "doc", "anchor", "name")}
    if not all(isinstance(v, str) and v for v in fields.values()):
        raise W3CError("a bookmark needs id, doc, anchor and name")
    folder, creator = data.get("folder", ""), data.get("creator", "")
    created, modified = _times(data)
    return Bookmark(
        fields["id"],
        fields["doc"],
        fields["anchor"],
        fields["name"],  # type: ignore[arg-type]
        normalize_folder(folder if isinstance(folder, str) else ""),
        created,
        modified,
        creator.strip() if isinstance(creator, str) else "",
    )


def color_from_dict(data: object) -> ColorMeaning:
    if not isinstance(data, dict) or data.get("color") not in COLORS:
        raise W3CError("not one of the five colours")
    name, modified = data.get("name"), data.get("modified", "")
    if not isinstance(name, str) or not name.strip():
        raise W3CError("a colour needs a name")
    try:
        modified = normalize_time(modified) if modified else ""
    except (TypeError, ValueError) as exc:
        raise W3CError(f"bad date: {exc}") from exc
    return ColorMeaning(data["color"], name.strip(), modified)


def annotations_in(payload: object) -> Iterator[object]:
    """Every annotation in a JSON-LD document: one Annotation, a list, a Collection or Page."""
    if isinstance(payload, list):
        for item in payload:
            nested = isinstance(item, dict) and {"AnnotationCollection", "AnnotationPage"} & set(_types(item))
            # anything else is handed on, so that the reader reports why it was skipped
            yield from annotations_in(item) if nested else [item]
        return
    if not isinstance(payload, dict):
        raise W3CError("not W3C Web Annotation JSON-LD")
    types = _types(payload)
    if "Annotation" in types:
        yield payload
    elif "AnnotationCollection" in types:
        first = payload.get("first")
        if isinstance(first, dict | list):
            yield from annotations_in(first)
    elif "AnnotationPage" in types:
        yield from annotations_in(payload.get("items", []))
        if isinstance(payload.get("next"), dict):
            yield from annotations_in(payload["next"])
    else:
        raise W3CError("neither an Annotation nor an AnnotationCollection or AnnotationPage")


def _types(data: Mapping[str, Any]) -> list[str]:
    """The entry's types; anything but text in "type" (a hostile file) is no type at all."""
    return [t for t in _as_list(data.get("type")) if isinstance(t, str)]


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]
