"""A disposable copy of the decoded annotations file, kept in the cache folder.

Decoding 50,000 W3C annotations from JSON takes seconds; reading back the same values from
a `marshal` dump of plain tuples takes a fraction of that. `annotations.json` stays the
user's file and the only truth: this copy is used only when it provably describes it.

* Key: the SHA-256 of the annotations file's bytes (the very bytes that would otherwise be
  decoded, read under the store's lock), plus a code key (this format, the Python version,
  the source of the modules that decide what decoding gives). Decoding is a function of the
  bytes and the code, so a matching key means the copy is what decoding would give: a file
  replaced by another of the same size and date, or edited by hand, has another hash.
* Damage: the header holds the length and CRC-32 of each part; anything that does not match,
  or fails to unmarshal or to build the values, means the file is decoded instead.
* Writing: to a temporary file renamed over the old copy (never fsynced: a copy torn by a
  power cut fails its check). Any failure (full disk, read-only folder) leaves no copy, and
  the store works as without one.

The copy has two parts: the decoded file, read at every load, and (when known) where each
annotation's line lies in the file, read only by the first whole-file write after a load:
it takes those lines from the file (whose hash it checks again) instead of encoding all
50,000 again. Only lines checked to decode back to exactly their annotation are indexed
(fileformat.EncodeCache.verified_lines, fileformat.written_file): that is how a whole-file
save writes the copy of the file it wrote without decoding it.

Reading is most of a cached load's time, so it is laid out for speed: annotation fields in
columns (few distinct documents, anchors, colours, tags and creators stored once each),
instances built a column at a time, the file hashed in a thread meanwhile.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import marshal
import os
import struct
import sys
import tempfile
import threading
import time
import zlib
from array import array
from collections import deque
from collections.abc import Callable, Iterable
from functools import cache
from itertools import compress, repeat
from pathlib import Path
from typing import BinaryIO

from ..collector import collector_paused, promote_to_oldest_generation
from .fileformat import DecodedFile
from .model import (
    Annotation,
    BlockRangeSelector,
    Bookmark,
    ColorMeaning,
    Palette,
    StoreState,
    Target,
    TextQuoteSelector,
)

log = logging.getLogger(__name__)

CACHE_FORMAT = 1
MAGIC = b"CRANNLC1"
STALE_AFTER = 600  # seconds: a temporary file this old was left by a writer that was killed
# magic, code key, file digest, then length and CRC-32 of the decoded part and of the lines
_HEADER = struct.Struct("<8s32s32sQQII")
_MARSHAL_VERSION = 2  # without the shared references of 3 and 4: half the time, both ways
# The modules whose code decides what decoding a file gives (and this one, which rebuilds it).
_SOURCES = ("model.py", "colors.py", "jsonld.py", "fileformat.py", "loadcache.py")


def file_digest(data: bytes) -> bytes:
    """The key of one version of the annotations file: a hash of its bytes."""
    return hashlib.sha256(data).digest()


def digest_of_file(path: Path) -> bytes:
    """`file_digest` of a file's content, read a piece at a time."""
    with open(path, "rb") as file:
        return hashlib.file_digest(file, "sha256").digest()


class BackgroundHash:
    """`digest_of_file(path)` computed in a thread: reading and hashing release the GIL, so
    the file is hashed while the cached copy is read. Call the object for the digest."""

    def __init__(self, path: Path) -> None:
        self._digest: bytes | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(path,), daemon=True)
        self._thread.start()

    def _run(self, path: Path) -> None:
        try:
            self._digest = digest_of_file(path)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, in its thread
            self._error = exc

    def __call__(self) -> bytes:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._digest is not None
        return self._digest


@cache
def code_key() -> bytes:
    """Changes with the cache format, the Python version or the code that decodes the file."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version}|{marshal.version}".encode())
    folder = Path(__file__).resolve().parent
    for name in _SOURCES:
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
    return digest.digest()


class LoadCache:
    """The cached copy of one annotations file, in `folder` (the app's cache folder)."""

    def __init__(self, folder: Path, annotations_file: Path) -> None:
        where = hashlib.sha256(os.path.abspath(annotations_file).encode()).hexdigest()[:12]
        self.path = Path(folder) / f"annotations-{where}.cache"
        self._rows: dict[str, tuple[Annotation, tuple[object, ...]]] = {}  # reused while unchanged

    def read(self, digest: Callable[[], bytes]) -> DecodedFile | None:
        """The decoded file, if the copy is of the file whose hash `digest()` gives, else None
        (absent, stale, damaged). `digest` is called once the copy is read and checked, so the
        file can be hashed meanwhile (`BackgroundHash`)."""
        try:
            with open(self.path, "rb") as file:
                header = self._header(file)
                if header is None:
                    return None
                stored_digest, size, _, crc, _ = header
                payload = _checked(file.read(size), size, crc)
            with collector_paused():  # 200,000 new objects and no cycles: see collector.py
                rows = _unmarshalled(payload)
                decoded = _decoded_from(rows) if stored_digest == digest() else None
                promote_to_oldest_generation()  # they live as long as the store
                return decoded
        except FileNotFoundError:
            return None
        except Exception as exc:  # noqa: BLE001 - any damage at all: decode the file instead
            log.info("the annotations cache %s is unusable (%s); reading the file", self.path, exc)
            return None

    def line_spans(self, digest: bytes) -> tuple[list[int], list[int]] | None:
        """Where each annotation's line lies in the file `digest` (starts, lengths), in the
        order of `read`, when stored: lines known to decode to exactly their annotation."""
        try:
            with open(self.path, "rb") as file:
                header = self._header(file)
                if header is None or header[0] != digest or not header[2]:
                    return None
                _, state_size, size, _, crc = header
                file.seek(_HEADER.size + state_size)
                starts, lengths = marshal.loads(_checked(file.read(size), size, crc))
            spans = array("q", starts).tolist(), array("q", lengths).tolist()
        except Exception as exc:  # noqa: BLE001 - no lines: the writer encodes them again
            log.info("the line index in the annotations cache %s is unusable (%s)", self.path, exc)
            return None
        return spans if len(spans[0]) == len(spans[1]) else None

    def write(
        self, digest: bytes, decoded: DecodedFile, spans: tuple[list[int], list[int]] | None = None
    ) -> None:
        """Keep `decoded` (and where its checked lines lie) as the copy of the file `digest`.
        Never raises: a copy that cannot be written is just not there; the file is decoded."""
        try:
            with collector_paused():
                state = _marshalled(_rows_of(decoded, self._rows))
            index = b""
            if spans is not None:
                index = marshal.dumps(tuple(array("q", column).tobytes() for column in spans))
            header = _HEADER.pack(
                MAGIC, code_key(), digest, len(state), len(index), zlib.crc32(state), zlib.crc32(index)
            )
            self._replace_with(header, state, index)
        except Exception as exc:  # noqa: BLE001 - full disk, read-only folder, anything: no copy
            log.info("could not write the annotations cache %s: %s", self.path, exc)
            with contextlib.suppress(OSError):
                self.path.unlink()  # a stale copy is harmless, but frees room on a full disk

    def _header(self, file: BinaryIO) -> tuple[bytes, int, int, int, int] | None:
        """The file digest, then length of the decoded part, of the line index, and their CRCs."""
        data = file.read(_HEADER.size)
        if len(data) != _HEADER.size:
            raise ValueError("truncated header")
        magic, code, *fields = _HEADER.unpack(data)
        if magic != MAGIC or code != code_key():
            return None  # another version of the program wrote it: not an error
        return tuple(fields)  # type: ignore[return-value]

    def _replace_with(self, *parts: bytes) -> None:
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        for leftover in folder.glob(f".{self.path.name}.*.tmp"):  # of a process killed while writing
            with contextlib.suppress(OSError):
                if time.time() - leftover.stat().st_mtime > STALE_AFTER:  # not another's, being written
                    leftover.unlink()
        fd, temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        try:
            _write_all(fd, parts)
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def _write_all(fd: int, parts: tuple[bytes, ...]) -> None:
    with os.fdopen(fd, "wb") as file:
        for part in parts:
            file.write(part)


def _marshalled(rows: tuple[object, ...]) -> bytes:
    """The rows with each annotation column marshalled on its own: one marshal call holds
    the GIL throughout, and a copy written by a background fold must not stall the window
    for all of it. The pieces' lengths come first."""
    version, saved, columns, *rest = rows
    pieces = [marshal.dumps((version, saved, *rest), _MARSHAL_VERSION)]
    pieces += [marshal.dumps(column, _MARSHAL_VERSION) for column in columns]  # type: ignore[attr-defined]
    lengths = array("Q", map(len, pieces))
    return struct.pack("<I", len(pieces)) + lengths.tobytes() + b"".join(pieces)


def _unmarshalled(payload: bytes) -> tuple[object, ...]:
    (count,) = struct.unpack_from("<I", payload)
    lengths = array("Q")
    lengths.frombytes(payload[4 : 4 + lengths.itemsize * count])
    view, position, pieces = memoryview(payload), 4 + lengths.itemsize * count, []
    for length in lengths:
        pieces.append(marshal.loads(view[position : position + length]))
        position += length
    if position != len(payload) or count < 1:
        raise ValueError("pieces do not add up")
    version, saved, *rest = pieces[0]
    return (version, saved, pieces[1:], *rest)


def _checked(payload: bytes, size: int, crc: int) -> bytes:
    if len(payload) != size or zlib.crc32(payload) != crc:
        raise ValueError("damaged (length or checksum)")
    return payload


# --- values as plain tuples, and back -------------------------------------------------------
def _rows_of(
    decoded: DecodedFile, memo: dict[str, tuple[Annotation, tuple[object, ...]]]
) -> tuple[object, ...]:
    state = decoded.state
    return (
        decoded.version,
        decoded.saved,
        _annotation_columns(state.annotations.values(), memo),
        [
            (b.id, b.doc, b.anchor, b.name, b.folder, b.created, b.modified, b.creator)
            for b in state.bookmarks.values()
        ],
        list(state.deleted.items()),
        [(m.color, m.name, m.modified) for m in state.palette],
        state.unreadable,
        state.extra,
    )


def _annotation_columns(
    annotations: Iterable[Annotation], memo: dict[str, tuple[Annotation, tuple[object, ...]]]
) -> list[list[object]]:
    """One list per field (quote and range flattened): fewer objects to unmarshal than rows.
    Each annotation's row is kept in `memo` while the (immutable) annotation is unchanged."""
    rows = []
    for annotation in annotations:
        hit = memo.get(annotation.id)
        if hit is None or hit[0] is not annotation:
            hit = memo[annotation.id] = (annotation, _annotation_row(annotation))
        rows.append(hit[1])
    if len(memo) > len(rows) + 256:  # forget deleted ones now and then
        keep = {row[0] for row in rows}
        for ident in [ident for ident in memo if ident not in keep]:
            del memo[ident]
    columns: list[object] = [list(column) for column in zip(*rows, strict=True)] if rows else [[]] * 15
    for index in _FEW_VALUES:
        columns[index] = _as_table(columns[index])  # type: ignore[arg-type]
    return columns


# Columns with few distinct values (document, anchors, colour, tags, creator): stored once
# each, with an index per annotation, so loading makes a few hundred objects, not 300,000.
_FEW_VALUES = (1, 5, 7, 9, 11, 14)


def _as_table(column: list[object]) -> tuple[list[object], bytes]:
    positions: dict[object, int] = {}
    indices = array("I", [positions.setdefault(value, len(positions)) for value in column])
    return list(positions), indices.tobytes()


def _from_table(stored: tuple[list[object], bytes]) -> list[object]:
    values, indices = stored
    return list(map(values.__getitem__, array("I", indices)))


def _annotation_row(a: Annotation) -> tuple[object, ...]:
    quote, rng = a.target.quote, a.target.range
    where = (
        (None, 0, None, 0)
        if rng is None
        else (rng.start_anchor, rng.start_offset, rng.end_anchor, rng.end_offset)
    )
    return (
        a.id,
        a.target.doc,
        quote.exact,
        quote.prefix,
        quote.suffix,
        *where,
        a.color,
        a.note,
        a.tags,
        a.created,
        a.modified,
        a.creator,
    )


def _decoded_from(rows: tuple[object, ...]) -> DecodedFile:
    version, saved, annotations, bookmarks, deleted, palette, unreadable, extra = rows  # type: ignore[misc]
    if not isinstance(version, int) or not isinstance(saved, str):
        raise TypeError("not a decoded file")
    state = StoreState(
        _annotations(annotations),  # type: ignore[arg-type]
        {row[0]: Bookmark(*row) for row in bookmarks},  # type: ignore[union-attr]
        dict(deleted),  # type: ignore[call-overload]
        Palette(tuple(ColorMeaning(*row) for row in palette)),  # type: ignore[union-attr]
        tuple(unreadable),  # type: ignore[call-overload]
        tuple(extra),  # type: ignore[call-overload]
    )
    return DecodedFile(state, version, saved)


@cache  # made at the first load, not at import: a model that no longer fits disables the copy only
def _slot_setters(cls: type) -> tuple[Callable[[object, object], None], ...]:
    """The setters of a frozen dataclass's slots, in field order, to build instances as
    unpickling does (object.__new__, then each slot), skipping the generated __init__,
    whose object.__setattr__ per field is half of a cached load's time. Only for classes
    whose __init__ does nothing more than set the fields (no __post_init__, no defaults
    computed at run time)."""
    if "__slots__" not in cls.__dict__ or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} cannot be built field by field")
    fields = dataclasses.fields(cls)
    if any(f.default_factory is not dataclasses.MISSING for f in fields):
        raise TypeError(f"{cls.__name__} has computed defaults")
    return tuple(cls.__dict__[f.name].__set__ for f in fields)


def _annotations(columns: list[list]) -> dict[str, Annotation]:
    """Each Annotation with its Target, quote and range, built a column at a time: `map`
    runs the slot setters in C, with no Python bytecode per annotation (this is most of a
    cached load's time)."""
    columns = list(columns)
    for index in _FEW_VALUES:
        columns[index] = _from_table(columns[index])
    ident, doc, exact, prefix, suffix, start, start_offset, end, end_offset, *rest = columns
    quotes = _built(TextQuoteSelector, _slot_setters(TextQuoteSelector), exact, prefix, suffix)
    placed = [anchor is not None for anchor in start]
    ranges = _built(
        BlockRangeSelector,
        _slot_setters(BlockRangeSelector),
        *(compress(column, placed) for column in (start, start_offset, end, end_offset)),
    )
    if len(ranges) != len(placed):  # some were never placed: None in their place
        placed_ranges = iter(ranges)
        ranges = [next(placed_ranges) if is_placed else None for is_placed in placed]
    targets = _built(Target, _slot_setters(Target), doc, quotes, ranges)
    return dict(zip(ident, _built(Annotation, _slot_setters(Annotation), ident, targets, *rest), strict=True))


def _built(cls: type, setters: tuple[Callable[[object, object], None], ...], *columns: Iterable) -> list:
    """Instances of `cls` (a frozen slots dataclass) with its fields taken from `columns`."""
    values = [list(column) for column in columns]
    if any(len(column) != len(values[0]) for column in values):
        raise ValueError("columns of different lengths")
    instances = list(map(object.__new__, repeat(cls, len(values[0]))))
    for setter, column in zip(setters, values, strict=True):
        deque(map(setter, instances, column), maxlen=0)  # consumed without keeping the Nones
    return instances
