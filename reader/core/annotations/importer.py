"""Importing W3C Web Annotation JSON-LD (a colleague's export, or another annotations file).

`plan_import` is pure: it reads the data, compares it with the current annotations and
returns what would change with a report, so a dialog can preview it; `Store.put_many(plan.
annotations, keep_times=True)` then applies it. Merged by id: an incoming annotation is
taken only if it is newer than ours (or new), so importing the same file twice changes
nothing the second time. Each taken annotation is placed again by its quote.
"""

from __future__ import annotations

import json
import os
import stat
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from ..corpus import Corpus
from ..i18n import join_list, language_of, tr, tr_format
from . import fileformat
from .anchoring import AnchorStatus, resolve
from .exchange import Extras, is_bookmark, read_extras
from .fileformat import FORMAT_NAME, FORMAT_VERSION, FileProblem, encodable, migrate
from .jsonld import W3CError, annotation_from_w3c, annotations_in
from .model import Annotation, Bookmark, ColorMeaning, StoreState

IMPORT_NAMESPACE = uuid.UUID("0f7e6d4c-3b2a-4c1d-8e9f-a1b2c3d4e5f6")
MAX_IMPORT_ENTRIES = 100_000  # ten times a heavy user's whole store
MAX_IMPORT_BYTES = 200 * 1024 * 1024
MAX_QUOTE = 20_000  # characters; placing a longer quote by similarity would take minutes


class AnnotationImportError(ValueError):
    """The data as a whole cannot be imported; the message is fit for the user."""


@dataclass(frozen=True)
class ImportReport:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    orphaned: tuple[str, ...] = ()  # taken, but their passage is not in the current text
    fuzzy: tuple[str, ...] = ()  # taken, placed on a similar (changed) passage
    skipped: tuple[tuple[str, str], ...] = ()  # (entry, reason)
    bookmarks: tuple[str, ...] = ()  # bookmarks taken (new or newer)
    colors: tuple[str, ...] = ()  # colours whose meaning is taken
    creators: tuple[tuple[str, int], ...] = ()  # (creator, annotations taken), most first

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.bookmarks or self.colors)

    def summary(self, lang: str = "en") -> str:
        counts = [
            ("{count} added", self.added),
            ("{count} updated", self.updated),
            ("{count} unchanged", self.unchanged),
        ]
        counts += [
            (text, ids)
            for text, ids in (
                ("{count} not found in the current text (listed as orphans)", self.orphaned),
                ("{count} placed on a changed passage", self.fuzzy),
                ("{count} skipped", self.skipped),
                ("{count} bookmark(s)", self.bookmarks),
                ("{count} colour meaning(s)", self.colors),
            )
            if ids
        ]
        parts = [tr_format(text, lang, count=len(ids)) for text, ids in counts]
        if self.creators:
            names = [f"{name or tr('unknown author', lang)} ({n})" for name, n in self.creators]
            parts.append(tr_format("from {names}", lang, names=join_list(names, lang)))
        return ("，" if language_of(lang) == "zh" else ", ").join(parts)


@dataclass(frozen=True)
class ImportPlan:
    annotations: tuple[Annotation, ...]  # to apply: new or newer than ours, already placed
    report: ImportReport
    bookmarks: tuple[Bookmark, ...] = ()
    colors: tuple[ColorMeaning, ...] = ()


def plan_import(payload: str | bytes | object, state: StoreState, corpus: Corpus) -> ImportPlan:
    """What importing `payload` (JSON text, bytes, or already-parsed JSON) would change."""
    data = _as_document(_parse(payload))
    entries = _raw_annotations(data)
    incoming, skipped = _read_entries([e for e in entries if not is_bookmark(e)])
    ids: dict[str, list[str]] = {k: [] for k in ("added", "updated", "unchanged", "orphaned", "fuzzy")}
    taken: list[Annotation] = []
    for annotation in incoming.values():
        verdict = _verdict(annotation, state)
        if verdict == "skipped":
            skipped.append((annotation.id, "deleted here after its last change"))
            continue
        ids[verdict].append(annotation.id)
        if verdict != "unchanged":
            taken.append(_placed(annotation, corpus, ids))
    if len(state.annotations) + len(ids["added"]) > fileformat.MAX_ENTRIES:  # or the file would not load
        raise AnnotationImportError(
            f"with these, the annotations would number more than "
            f"{fileformat.MAX_ENTRIES}, more than this version can handle"
        )
    extras = read_extras(data, entries, state)
    report = ImportReport(
        *(tuple(ids[k]) for k in ("added", "updated", "unchanged", "orphaned", "fuzzy")),
        skipped=tuple(skipped) + extras.skipped,
        bookmarks=tuple(b.id for b in extras.bookmarks),
        colors=tuple(m.color for m in extras.colors),
        creators=_creators(taken, extras),
    )
    return ImportPlan(tuple(taken), report, extras.bookmarks, extras.colors)


def _creators(taken: list[Annotation], extras: Extras) -> tuple[tuple[str, int], ...]:
    """Whose work is being imported: a colleague's notes are told apart by their creator."""
    counts = Counter(item.creator for item in [*taken, *extras.bookmarks])
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _verdict(annotation: Annotation, state: StoreState) -> str:
    """added, updated, unchanged (ours is as new), or skipped (deleted here since)."""
    deleted = state.deleted.get(annotation.id, "")
    if deleted and deleted >= annotation.modified:
        return "skipped"
    current = state.annotations.get(annotation.id)
    if current is None:
        return "added"
    return "updated" if annotation.modified > current.modified else "unchanged"


def _placed(annotation: Annotation, corpus: Corpus, ids: dict[str, list[str]]) -> Annotation:
    """Placed by its quote in our text (which may differ from the sender's); noted if not."""
    result = resolve(corpus.get(annotation.doc) if annotation.doc in corpus else None, annotation.target)
    if not result.placed:
        ids["orphaned"].append(annotation.id)
        return annotation
    if result.status is AnchorStatus.FUZZY:
        ids["fuzzy"].append(annotation.id)
    return replace(annotation, target=result.target)


def read_import_file(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file to import: AnnotationImportError for anything but a regular file
    (a FIFO would block for ever, /dev/zero never end) or one over MAX_IMPORT_BYTES."""
    path = Path(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise AnnotationImportError(f"{path.name or path} is not a regular file")
        if info.st_size > MAX_IMPORT_BYTES:
            raise AnnotationImportError(
                f"{path.name} is too large ({info.st_size / 2**20:.0f} MB; "
                f"at most {MAX_IMPORT_BYTES // 2**20} MB can be imported)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise AnnotationImportError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _parse(payload: str | bytes | object) -> object:
    if isinstance(payload, bytes):
        try:
            payload = payload.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise AnnotationImportError("the file is not UTF-8 text") from exc
    if isinstance(payload, str):
        try:
            return json.loads(payload)
        except json.JSONDecodeError as exc:
            raise AnnotationImportError(f"the file is not valid JSON ({exc})") from exc
        except ValueError as exc:
            raise AnnotationImportError("the file holds a number too long to read") from exc
        except RecursionError as exc:
            raise AnnotationImportError("the file is nested too deeply to be annotations") from exc
    return payload


def _read_entries(entries: list[object]) -> tuple[dict[str, Annotation], list[tuple[str, str]]]:
    incoming: dict[str, Annotation] = {}
    skipped: list[tuple[str, str]] = []
    if len(entries) > MAX_IMPORT_ENTRIES:
        raise AnnotationImportError(
            f"the file holds {len(entries)} annotations, more than "
            f"{MAX_IMPORT_ENTRIES} that can be imported at once"
        )
    for index, entry in enumerate(entries, 1):
        try:
            annotation = _checked(entry)
        except W3CError as exc:
            skipped.append((f"entry {index}", str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - a hostile entry is skipped, never a traceback
            skipped.append((f"entry {index}", f"cannot be read ({type(exc).__name__})"))
            continue
        previous = incoming.get(annotation.id)
        if previous is None or annotation.modified > previous.modified:
            incoming[annotation.id] = annotation
    return incoming, skipped


def _checked(entry: object) -> Annotation:
    """One entry read, after checking what the reader cannot: text fit to be saved, and a
    quote short enough to be placed."""
    if not encodable(entry):
        raise W3CError("it contains text that is not valid Unicode")
    annotation = annotation_from_w3c(_with_id(entry))
    if len(annotation.target.quote.exact) > MAX_QUOTE:
        raise W3CError(
            f"the quoted text is too long ({len(annotation.target.quote.exact)} characters; "
            f"at most {MAX_QUOTE})"
        )
    return annotation


def _raw_annotations(data: object) -> list[object]:
    """JSON-LD, or one of our own annotations files (already migrated by `_as_document`)."""
    if isinstance(data, Mapping) and data.get("format") == FORMAT_NAME:
        entries = data.get("annotations", [])
        if not isinstance(entries, list):
            raise AnnotationImportError("the annotations file is damaged: its annotations are not a list")
        return entries
    try:
        return list(annotations_in(data))
    except (W3CError, FileProblem) as exc:
        raise AnnotationImportError(f"the file is not W3C Web Annotation JSON-LD: {exc}") from exc
    except RecursionError as exc:
        raise AnnotationImportError(
            "the file is not W3C Web Annotation JSON-LD: its pages are nested too deeply"
        ) from exc


def _as_document(data: object) -> object:
    """One of our own annotations files (a colleague's whole annotations.json) brought up to
    the current format; anything else as it is."""
    if isinstance(data, Mapping) and data.get("format") == FORMAT_NAME:
        version = data.get("version")
        if not isinstance(version, int) or version < 1:
            raise AnnotationImportError("the annotations file has no valid format version")
        if version > FORMAT_VERSION:
            raise AnnotationImportError(
                f"the annotations file was written by a newer version of "
                f"Compact Reader (file format {version})"
            )
        try:
            migrated = migrate(dict(data), version)
        except Exception as exc:  # noqa: BLE001 - whatever a damaged file provokes
            raise AnnotationImportError(f"the annotations file is damaged ({exc})") from exc
        return migrated
    return data


def _with_id(entry: object) -> object:
    """An annotation without an id gets one derived from its content, so that importing it
    twice gives the same id (and changes nothing the second time)."""
    if isinstance(entry, Mapping) and not (isinstance(entry.get("id"), str) and entry["id"].strip()):
        digest = json.dumps(entry, sort_keys=True, ensure_ascii=False, default=str)
        return {**entry, "id": f"urn:uuid:{uuid.uuid5(IMPORT_NAMESPACE, digest)}"}
    return entry
