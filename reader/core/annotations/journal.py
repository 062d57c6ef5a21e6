"""The journal beside the annotations file: small saves without rewriting 50,000 entries.

`annotations.json` stays the user's file (versioned W3C JSON, FORMAT.md). While a window
is open, a save appends just the entries that changed to `annotations.json.journal`, one
JSON object a line, and fsyncs it: a few milliseconds however large the file. The journal
is folded into the main file (written whole, atomically, then the journal emptied) in the
background when it grows, on quit, and by any save that is not journalled (the command
line). Every reader of the file applies the journal after it: `Store` does on load,
refresh and merge.

Each line is one entry exactly as the main file holds it, under the name of its section:
``{"annotations": {...}}``, ``{"bookmarks": {...}}``, ``{"palette": {...}}`` or
``{"deleted": {"id": ..., "deleted": ...}}``. Applying them is a merge (per id the later
modification wins, a later deletion removes: fileformat.merge_states), so applying a line
twice changes nothing: a process killed between writing the main file and emptying the
journal loses nothing and duplicates nothing. A process killed while appending leaves at
most a last line without its newline; it was never confirmed, and is cut off before the
next append.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from .fileformat import FORMAT_NAME, FORMAT_VERSION, SECTIONS, FileProblem, decode, merge_states
from .jsonld import annotation_to_w3c, bookmark_to_dict, color_to_dict
from .model import StoreState

log = logging.getLogger(__name__)

SUFFIX = ".journal"
FOLD_AFTER = 2000  # lines: past this the window folds the journal into the main file


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def entry_lines(before: StoreState, after: StoreState, only: Iterable[str] | None = None) -> list[bytes]:
    """The journal lines that turn `before` into `after` (only what differs). `only`: the
    ids that may differ (the store knows which it changed), so 50,000 need not be compared."""
    lines: list[bytes] = []
    ids = None if only is None else set(only)
    for name, to_dict in (("annotations", annotation_to_w3c), ("bookmarks", bookmark_to_dict)):
        old, new = getattr(before, name), getattr(after, name)
        for key in new if ids is None else ids & new.keys():
            item = new[key]
            if old.get(key) is not item:
                lines.append(_line(name, to_dict(item)))
    old_deleted, new_deleted = before.deleted, after.deleted
    for key in new_deleted if ids is None else ids & new_deleted.keys():
        if old_deleted.get(key) != new_deleted[key]:
            lines.append(_line("deleted", {"id": key, "deleted": new_deleted[key]}))
    for meaning in after.palette:
        if before.palette.get(meaning.color) != meaning:
            lines.append(_line("palette", color_to_dict(meaning)))
    return lines


def _line(section: str, entry: object) -> bytes:
    return json.dumps({section: entry}, ensure_ascii=False).encode("utf-8") + b"\n"


class Journal:
    """The journal file of one annotations file. The caller holds the store's file lock."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lines = 0  # complete lines in the file, as last read or written

    def signature(self) -> tuple[int, ...] | None:
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def apply(self, state: StoreState) -> StoreState:
        """`state` (the main file's) with every complete journal line merged in."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            self.lines = 0
            return state
        complete = data[: data.rfind(b"\n") + 1]
        if len(complete) != len(data):
            self._cut(len(complete))  # an append killed half-way: never confirmed
        entries: dict[str, list[bytes]] = {name: [] for name in SECTIONS}
        lines = complete.splitlines()
        self.lines = len(lines)
        for number, line in enumerate(lines, 1):
            try:
                record = json.loads(line)
                ((section, entry),) = record.items()
                entries[section].append(json.dumps(entry, ensure_ascii=False).encode("utf-8"))
            except (ValueError, KeyError, AttributeError) as exc:
                log.warning("%s: line %d cannot be read (%s); skipped", self.path, number, exc)
        if not any(entries.values()):
            return state
        try:
            changes = decode(_as_file(entries)).state
        except FileProblem as problem:  # cannot happen for lines we wrote; never lose the file
            log.warning("%s cannot be applied: %s", self.path, problem.reason)
            return state
        # Colours the journal does not name come out as defaults, older than any renaming.
        return merge_states(state, changes)

    def append(self, lines: Iterable[bytes]) -> None:
        """Add lines and make them durable (fsync) before returning."""
        data = b"".join(lines)
        if not data:
            return
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        self.lines += data.count(b"\n")

    def clear(self) -> None:
        """Empty the journal (after its lines went into the main file)."""
        self.path.unlink(missing_ok=True)
        self.lines = 0

    def _cut(self, size: int) -> None:
        try:
            with open(self.path, "r+b") as file:
                file.truncate(size)
                os.fsync(file.fileno())
        except OSError as exc:
            log.warning("could not cut the unfinished line of %s: %s", self.path, exc)


def _as_file(entries: dict[str, list[bytes]]) -> bytes:
    parts = [b'{"format": ', json.dumps(FORMAT_NAME).encode(), b', "version": ', str(FORMAT_VERSION).encode()]
    for name, lines in entries.items():
        parts += [b', "', name.encode(), b'": [', b",".join(lines), b"]"]
    parts.append(b"}")
    return b"".join(parts)
