"""The annotations file of one user: loaded with fallbacks, changed in memory, saved safely.

Saving: under a lock file, the file is re-read if anyone changed it since we last read or
wrote it and merged with our changes (per id, later modification wins; deletions are kept
as tombstones so they are not undone by a merge); the new file is written to a temporary
file, fsynced and renamed over the old one (`atomic_write_bytes`); then the replaced file
becomes backup .1 (.1 → .2 → .3). A process killed at any point leaves the old or the new
file, both complete; a failed save leaves file and backups as they were.

Loading: a file that is damaged, truncated or from a newer version is never overwritten:
it is renamed aside (annotations.json.corrupt-… / .newer-…), the newest good backup is
loaded, and `StoreLoadReport.messages` says so in words for the user.

Saves are coalesced: `save()` writes at once unless the last write was less than
`min_interval` seconds ago; then `flush_if_due()` (from a timer) or `flush()` writes.
Nothing here uses Qt; the UI drives `flush_if_due` from a QTimer and `flush` on quit.
"""

from __future__ import annotations

import contextlib
import filecmp
import logging
import os
import shutil
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..atomic import atomic_write_bytes
from ..corpus import Corpus
from ..locking import FileLock, LockTimeout
from ..notices import Notice
from .anchoring import ReanchorReport, reanchor
from .fileformat import (
    FORMAT_VERSION,
    DecodedFile,
    EncodeCache,
    FileProblem,
    decode,
    encode,
    line_spans,
    merge_states,
    written_file,
)
from .importer import ImportPlan
from .journal import Journal, entry_lines, journal_path
from .loadcache import BackgroundHash, LoadCache, file_digest
from .model import (
    COLORS,
    DEFAULT_MEANINGS,
    Annotation,
    Bookmark,
    Clock,
    ColorMeaning,
    Palette,
    StoreState,
    format_time,
    normalize_folder,
    normalize_tags,
    stamp_after,
    utc_now,
)

log = logging.getLogger(__name__)

Item = Annotation | Bookmark
BACKUPS = 3
MIN_INTERVAL = 0.5  # seconds between writes while changes come fast
LOCK_TIMEOUT = 10.0
MAX_FILE_BYTES = 200 * 1024 * 1024  # about 300,000 annotations; a bigger file is not one we wrote


class StoreError(Exception):
    """The annotations file could not be read or written; the message is fit for the user.

    `notice` is the message as a `Notice`, whose code lets the window translate it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.notice = (
            message if isinstance(message, Notice) else Notice("store-error", "{message}", message=message)
        )


@dataclass(frozen=True)
class Change:
    """One change, as the UI needs it to refresh a view or to undo: kind is "added",
    "updated" or "deleted"; `before`/`after` are the versions (None where there is none)."""

    kind: str
    before: Annotation | Bookmark | ColorMeaning | None
    after: Annotation | Bookmark | ColorMeaning | None

    @property
    def item(self) -> Annotation | Bookmark | ColorMeaning:
        item = self.after if self.after is not None else self.before
        assert item is not None
        return item

    @property
    def id(self) -> str:
        item = self.item
        return item.color if isinstance(item, ColorMeaning) else item.id


@dataclass(frozen=True)
class StoreLoadReport:
    """What loading found. `messages` are sentences for the user (empty when all is well)."""

    path: Path
    loaded_from: Path | None = None  # the file read: the main file, a backup, or None (new)
    messages: tuple[str, ...] = ()
    set_aside: tuple[Path, ...] = ()  # unreadable files renamed, never deleted
    migrated_from: int | None = None
    unreadable_entries: int = 0
    from_cache: bool = False  # the file's decoded copy in the cache folder was read instead

    @property
    def ok(self) -> bool:
        """False when the user should be told something went wrong."""
        restored = self.loaded_from is not None and self.loaded_from != self.path
        return not (self.set_aside or restored or self.unreadable_entries)


@dataclass(frozen=True)
class SaveResult:
    """A completed write. `external` lists what another instance had saved and was merged in."""

    path: Path
    external: tuple[Change, ...] = ()
    messages: tuple[str, ...] = ()
    set_aside: tuple[Path, ...] = ()


@dataclass(frozen=True)
class _Loaded:
    path: Path
    file: DecodedFile


class Store:
    """Annotations, bookmarks and palette of one file. Safe to use from several threads."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Clock = utc_now,
        min_interval: float = MIN_INTERVAL,
        lock_timeout: float = LOCK_TIMEOUT,
        backups: int = BACKUPS,
        timer: Callable[[], float] = time.monotonic,
        journal: bool = False,
        cache_dir: Path | None = None,
    ) -> None:
        self.path = Path(path)
        self._clock, self._timer = clock, timer
        self._min_interval, self._lock_timeout, self._backups = min_interval, lock_timeout, backups
        self._state = StoreState()
        self._generation = 0
        self._dirty = False
        self._last_write = float("-inf")
        self._disk_signature: tuple[int, ...] | None = None
        self._cache = EncodeCache()
        self._mutex = threading.RLock()  # guards the in-memory state
        self._io = threading.Lock()  # one load/save at a time
        self.load_report = StoreLoadReport(self.path)
        self.creator = ""  # the user's name, given to what they add (see reader.core.userconfig)
        # With `journal`, a save appends the changed entries to a journal beside the file
        # (journal.py) instead of rewriting it; `fold()` and `close()` write the file whole.
        self._journal, self._journaling = Journal(journal_path(self.path)), journal
        self._on_disk: StoreState | None = None  # what file + journal hold, as we last saw
        self._touched: set[str] = set()  # ids changed since, so a save need not compare all
        # With `cache_dir` (the app's cache folder), a decoded copy of the file is kept there
        # and read instead of the file while it provably matches it (loadcache.py).
        self._load_cache = LoadCache(cache_dir, self.path) if cache_dir is not None else None
        self._cached_load: tuple[bytes, Mapping[str, Annotation]] | None = None  # to prime the encoder
        # The copy to write, found under the locks, written after them (`_write_pending_copy`):
        # a window's save must not wait for it.
        self._pending_copy: tuple[bytes, DecodedFile, tuple[list[int], list[int]] | None] | None = None
        self._copying, self._copy_slot = threading.Lock(), threading.Lock()

    @classmethod
    def open(cls, path: Path, **options: Any) -> Store:
        """A store loaded from `path` (see `load_report` for anything the user must hear)."""
        store = cls(path, **options)
        store.load()
        return store

    # --- reading ---------------------------------------------------------------------
    @property
    def state(self) -> StoreState:
        """The current content, as an immutable snapshot (for export and import previews)."""
        return self._state

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        return tuple(self._state.annotations.values())

    @property
    def bookmarks(self) -> tuple[Bookmark, ...]:
        return tuple(self._state.bookmarks.values())

    @property
    def palette(self) -> Palette:
        return self._state.palette

    def annotation(self, annotation_id: str) -> Annotation | None:
        return self._state.annotations.get(annotation_id)

    def bookmark(self, bookmark_id: str) -> Bookmark | None:
        return self._state.bookmarks.get(bookmark_id)

    def annotations_in(self, doc_id: str) -> list[Annotation]:
        return [a for a in self._state.annotations.values() if a.doc == doc_id]

    def tags(self) -> list[str]:
        return sorted({t for a in self._state.annotations.values() for t in a.tags}, key=str.casefold)

    def folders(self) -> list[str]:
        return sorted({b.folder for b in self._state.bookmarks.values() if b.folder})

    @property
    def dirty(self) -> bool:
        return self._dirty

    # --- changing ---------------------------------------------------------------------
    def add(self, item: Item) -> Change:
        """Add a new annotation or bookmark (ValueError if its id is taken)."""
        with self._mutex:
            if item.id in self._section(item):
                raise ValueError(f"{item.id} is already in the store")
            return self._put_all([item])[0]

    def update(self, item: Item) -> Change:
        """Replace an existing annotation or bookmark by id (KeyError if absent)."""
        with self._mutex:
            if item.id not in self._section(item):
                raise KeyError(f"no annotation or bookmark {item.id}")
            return self._put_all([item])[0]

    def put(self, item: Item) -> Change:
        """Add or replace, whichever applies: what undo and redo need (a deleted item comes back)."""
        with self._mutex:
            return self._put_all([item])[0]

    def put_many(self, items: Iterable[Item], *, keep_times: bool = False) -> list[Change]:
        """Several changes at once. With keep_times (imports), an item is taken only if it is
        newer than what we have, and keeps its own modification time."""
        with self._mutex:
            return self._put_all(items, keep_times=keep_times)

    def delete(self, item_id: str) -> Change:
        """Delete an annotation or bookmark (KeyError if absent); `before` lets undo `put` it back."""
        with self._mutex:
            state = self._state
            name = "annotations" if item_id in state.annotations else "bookmarks"
            items = dict(getattr(state, name))
            if item_id not in items:
                raise KeyError(f"no annotation or bookmark {item_id}")
            before = items.pop(item_id)
            when = stamp_after(self._clock(), before.modified, state.deleted.get(item_id, ""))
            self._commit(
                replace(state, **{name: items}, deleted={**state.deleted, item_id: when}), (item_id,)
            )
            return Change("deleted", before, None)

    def rename_color(self, color: str, name: str | None) -> Change:
        """Name what a colour means; None or "" restores the built-in (translated) meaning."""
        with self._mutex:
            before = self._state.palette.get(color)  # KeyError for an unknown colour
            name = (name or "").strip() or DEFAULT_MEANINGS[color]
            after = ColorMeaning(color, name, stamp_after(self._clock(), before.modified))
            self._commit(replace(self._state, palette=self._state.palette.with_meaning(after)))
            return Change("updated", before, after)

    def apply_import(self, plan: ImportPlan) -> list[Change]:
        """Apply what `plan_import` found (after the user saw its report): highlights, bookmarks
        and colour meanings, each only if newer than ours, keeping its own times and creator."""
        with self._mutex:
            changes = self.put_many([*plan.annotations, *plan.bookmarks], keep_times=True)
            palette = self._state.palette
            for meaning in plan.colors:
                before = palette.get(meaning.color)
                if meaning.modified > before.modified:
                    palette = palette.with_meaning(meaning)
                    changes.append(Change("updated", before, meaning))
            if palette is not self._state.palette:
                self._commit(replace(self._state, palette=palette))
            return changes

    def reanchor(self, corpus: Corpus) -> ReanchorReport:
        """Place every annotation in the current texts; keep the new places (orphans untouched)."""
        with self._mutex:
            report = reanchor(self._state.annotations.values(), corpus)
            self.put_many(report.updated)
            return report

    def _section(self, item: Item) -> Mapping[str, Item]:
        return self._state.annotations if isinstance(item, Annotation) else self._state.bookmarks

    def _put_all(self, items: Iterable[Item], keep_times: bool = False) -> list[Change]:
        """Add or replace items in one new state (one copy of each mapping, however many)."""
        state = self._state
        sections: dict[str, dict[str, Any]] = {}
        deleted = dict(state.deleted)
        changes = []
        for item in map(_validated, items):
            name = "annotations" if isinstance(item, Annotation) else "bookmarks"
            if name not in sections:
                sections[name] = dict(getattr(state, name))
            before = sections[name].get(item.id)
            floor = max(before.modified if before else "", deleted.get(item.id, ""))
            if keep_times:
                if item.modified <= floor:  # ours is as new or newer: nothing to take
                    continue
            else:
                modified = stamp_after(self._clock(), floor)
                creator = item.creator or (before.creator if before else self.creator)
                item = replace(
                    item,
                    created=before.created if before else (item.created or modified),
                    modified=modified,
                    creator=creator,
                )
            deleted.pop(item.id, None)
            sections[name][item.id] = item
            changes.append(Change("added" if before is None else "updated", before, item))
        if changes:
            self._commit(replace(state, **sections, deleted=deleted), (c.id for c in changes))
        return changes

    def _commit(self, state: StoreState, ids: Iterable[str] = ()) -> None:
        self._touched.update(ids)  # what the next journalled save must write
        self._state = state
        self._generation += 1
        self._dirty = True

    # --- saving -----------------------------------------------------------------------
    def save(self) -> SaveResult | None:
        """Ask for the changes to be saved: written now, or within `min_interval` if a write
        happened just before (then `flush_if_due` or `flush` writes). Call as often as you like."""
        return self.flush_if_due()

    def flush_if_due(self) -> SaveResult | None:
        """Write if there are changes and the last write is at least `min_interval` old."""
        if self._dirty and self._timer() - self._last_write >= self._min_interval:
            return self.flush()
        return None

    def seconds_until_due(self) -> float | None:
        """When `flush_if_due` will write (0 = now), or None when there is nothing to save."""
        if not self._dirty:
            return None
        return max(0.0, self._min_interval - (self._timer() - self._last_write))

    def flush(self, *, whole: bool = False) -> SaveResult | None:
        """Write now if anything changed (`whole`: the whole file, folding the journal in).
        Raises StoreError or WriteError (the file on disk is then unchanged and the changes
        stay in memory, still to be saved)."""
        try:
            return self._flush(whole)
        finally:
            self._write_pending_copy()

    def _flush(self, whole: bool) -> SaveResult | None:
        with self._io:
            with self._mutex:
                if not self._dirty and not (whole and self._journal.lines):
                    return None
                snapshot, generation, touched = self._state, self._generation, set(self._touched)
            try:
                written, result = self._write(snapshot, whole or not self._journaling, touched)
            finally:
                self._last_write = self._timer()  # a failing disk is retried at the same pace
            with self._mutex:
                if written is not snapshot:
                    self._state = (
                        written if self._generation == generation else merge_states(self._state, written)
                    )
                self._touched -= touched
                if self._generation == generation:
                    self._dirty = False
            return result

    def fold(self) -> SaveResult | None:
        """Write the whole file with the journal folded in (for a background thread)."""
        return self.flush(whole=True)

    @property
    def journal_lines(self) -> int:
        """Entries waiting in the journal to be folded into the file."""
        return self._journal.lines

    def close(self) -> SaveResult | None:
        return self.flush(whole=True)

    def refresh(self) -> tuple[Change, ...]:
        """Take in what another instance saved since we last read or wrote (nothing is written)."""
        try:
            return self._refresh()
        finally:
            self._write_pending_copy()

    def _refresh(self) -> tuple[Change, ...]:
        with self._io:
            if self._signature_now() == self._disk_signature:
                return ()
            messages: list[str] = []
            with self._locked():
                loaded = self._read_best(messages, [])
                disk = self._journal.apply(loaded.file.state) if loaded else None
                self._disk_signature = self._signature_now()
            if disk is None:
                return ()
            with self._mutex:
                self._on_disk = disk
                before = self._state
                self._state = merge_states(before, disk)
                return diff_states(before, self._state)

    def _write(
        self, snapshot: StoreState, whole: bool, touched: set[str] | None
    ) -> tuple[StoreState, SaveResult]:
        messages: list[str] = []
        set_aside: list[Path] = []
        state, external = snapshot, ()
        with self._locked():
            if self._signature_now() != self._disk_signature:  # someone else saved: merge
                loaded = self._read_best(messages, set_aside)
                self._on_disk = None
                if loaded is not None:
                    self._on_disk = self._journal.apply(loaded.file.state)
                    state = merge_states(snapshot, self._on_disk)
                    external = diff_states(snapshot, state)
                touched = None  # merged: compare everything
            if not whole and self._on_disk is not None and not set_aside:
                self._journal.append(entry_lines(self._on_disk, state, touched))
                self._disk_signature, self._on_disk = self._signature_now(), state
                return state, SaveResult(self.path, external, tuple(messages))
            saved = format_time(self._clock())
            self._prime_encoder()
            data = encode(state, saved, self._cache)
            previous = self._hold_previous()
            try:
                atomic_write_bytes(self.path, data)
            except BaseException:
                if previous is not None:
                    previous.unlink(missing_ok=True)  # a failed save leaves the backups as they were
                raise
            self._journal.clear()  # after the file holding its entries is safely in place
            self._disk_signature, self._on_disk = self._signature_now(), state
            messages += self._rotate_backups(previous)
        # After the lock other instances wait on: it hashes the file and may check every line.
        self._cache_written(data, state, saved)
        return state, SaveResult(self.path, external, tuple(messages), tuple(set_aside))

    def _hold_previous(self) -> Path | None:
        """Keep the file about to be replaced under a temporary name (a hard link: no copy)."""
        if self._backups < 1 or not self.path.exists():
            return None
        held = self._held_previous()  # cleaned up, or made backup .1, if we are killed
        held.unlink(missing_ok=True)
        try:
            os.link(os.path.realpath(self.path), held)  # a symlinked file: its content, not the link
        except OSError:  # a file system without hard links
            shutil.copy2(self.path, held)
        return held

    def _rotate_backups(self, previous: Path | None) -> list[str]:
        """After a successful save: .2 → .3, .1 → .2, the replaced file → .1. Backups are a
        safety net: failing to make one is reported, not fatal."""
        if previous is None:
            return []
        try:
            for n in range(self._backups, 1, -1):
                older = self._backup(n - 1)
                if older.exists():
                    os.replace(older, self._backup(n))
            os.replace(previous, self._backup(1))
        except OSError as exc:
            return [
                Notice(
                    "store-backup-failed",
                    "Could not update the backup of {file}: {reason}.",
                    file=self.path.name,
                    reason=str(exc.strerror or exc),
                )
            ]
        return []

    # --- loading ----------------------------------------------------------------------
    def load(self) -> StoreLoadReport:
        """Read the file, or the newest good backup; never raises for a bad file (see the report)."""
        messages: list[str] = []
        set_aside: list[Path] = []
        with self._io, self._locked():
            self._finish_interrupted_rotation()
            self._remove_stale_temporaries()
            self._cached_load = None
            loaded = self._read_best(messages, set_aside)
            from_cache = self._cached_load is not None
            migrated = self._keep_original_of_migrated(loaded, messages)
            state = self._journal.apply(loaded.file.state if loaded else StoreState())
            self._disk_signature = self._signature_now()
        self._write_pending_copy()
        unreadable = len(state.unreadable)
        if unreadable:
            messages.append(
                Notice(
                    "store-unreadable-entries",
                    "{count} entries of {file} could not be "
                    "read by this version; they are kept unchanged in the file.",
                    count=unreadable,
                    file=loaded.path.name if loaded else "",
                )
            )
        with self._mutex:
            self._state = state
            self._generation += 1
            # A restored backup or an upgraded file is written back (whole) at the next save.
            self._dirty = bool(loaded and (loaded.path != self.path or migrated))
            self._on_disk = None if self._dirty or set_aside else state
        self.load_report = StoreLoadReport(
            self.path,
            loaded.path if loaded else None,
            tuple(messages),
            tuple(set_aside),
            migrated,
            unreadable,
            from_cache=from_cache,
        )
        return self.load_report

    def _read_best(self, messages: list[str], set_aside: list[Path]) -> _Loaded | None:
        """The main file if it is good, else the newest good backup; bad ones are set aside."""
        main_missing = not self.path.exists()
        for candidate in [self.path, *(self._backup(n) for n in range(1, self._backups + 1))]:
            try:
                decoded = self._decode(candidate)
            except FileNotFoundError:
                continue
            except OSError as exc:
                messages.append(
                    Notice(
                        "store-read-failed",
                        "Could not read {path}: {reason}.",
                        path=str(candidate),
                        reason=str(exc.strerror or exc),
                    )
                )
                continue
            except FileProblem as problem:
                try:
                    aside = self._set_aside(candidate, problem)
                except OSError as exc:  # a read-only folder: say so, and try the backups
                    messages.append(
                        Notice(
                            "store-read-failed",
                            "Could not read {path}: {reason}.",
                            path=str(candidate),
                            reason=f"{problem.reason}; it could not be set aside ({exc.strerror or exc})",
                        )
                    )
                    continue
                set_aside.append(aside)
                messages.append(_problem_message(candidate, problem, aside))
                continue
            if candidate != self.path:
                missing = main_missing and not set_aside
                text = (
                    "{file} "
                    + ("was missing" if missing else "could not be used")
                    + "; loaded the newest good backup, {backup}"
                    + (" (saved {saved})" if decoded.saved else "")
                    + "."
                )
                messages.append(
                    Notice(
                        "store-backup-loaded",
                        text,
                        file=self.path.name,
                        backup=candidate.name,
                        saved=decoded.saved,
                        missing=missing,
                    )
                )
            return _Loaded(candidate, decoded)
        if set_aside:
            messages.append(
                Notice(
                    "store-nothing-readable",
                    "No readable annotations file or backup was "
                    "found, so the annotations start empty. Nothing was deleted.",
                )
            )
        return None

    def _decode(self, candidate: Path) -> DecodedFile:
        """A file's content; for the main file, from the load cache when it matches the bytes."""
        if self._load_cache is None or candidate != self.path:
            return decode(_read_limited(candidate))
        _check_limits(candidate)
        if self._load_cache.path.exists():  # else nothing to hash the file for
            digest = BackgroundHash(candidate)  # hashed while the copy is read, a piece at a time
            cached = self._load_cache.read(digest)
            if cached is not None:
                self._cached_load = (digest(), cached.state.annotations)
                return cached
        data = _read_limited(candidate)  # an unreadable file raises here, as without a cache
        decoded = decode(data)
        if decoded.version == FORMAT_VERSION:  # an older file is rewritten (migrated) at once
            # The key of the bytes decoded (the file may have been replaced since it was hashed).
            self._keep_copy((file_digest(data), decoded, None))
        return decoded

    def _prime_encoder(self) -> None:
        """Before the first whole write after a load from the cache: take the loaded
        annotations' lines from the file (still the one loaded: same hash), where the cache
        says they lie, so that only the annotations changed since are encoded."""
        if self._cached_load is None or self._load_cache is None:
            return
        digest, annotations = self._cached_load
        self._cached_load = None
        spans = self._load_cache.line_spans(digest)
        if spans is None or len(spans[0]) != len(annotations):
            return
        try:
            data = _read_limited(self.path)
        except (OSError, FileProblem):
            return
        if file_digest(data) == digest:
            self._cache.prime(annotations.values(), (data[s : s + n] for s, n in zip(*spans, strict=True)))

    def _cache_written(self, data: bytes, state: StoreState, saved: str) -> None:
        """Keep the decoded copy of the file just written, when it can be shown to be exact
        without decoding it (fileformat.written_file); else the next load decodes the file."""
        if self._load_cache is None:
            return
        try:
            written = written_file(state, saved, self._cache)
            if written is not None:
                decoded, lines = written
                self._keep_copy((file_digest(data), decoded, line_spans(data, lines)))
        except Exception:  # noqa: BLE001 - the file is saved; a copy that fails is just not kept
            log.exception("could not keep a copy of %s in the cache", self.path.name)

    def _keep_copy(self, copy: tuple[bytes, DecodedFile, tuple[list[int], list[int]] | None]) -> None:
        with self._copy_slot:
            self._pending_copy = copy

    def _write_pending_copy(self) -> None:
        """Write the copy of the file last read or written, once the locks are released (it
        is keyed by the file's hash: a copy that turns out older than the file is not read)."""
        with self._copying:  # one writer at a time; a save meanwhile only fills the slot
            with self._copy_slot:
                pending, self._pending_copy = self._pending_copy, None
            if pending is not None and self._load_cache is not None:
                self._load_cache.write(*pending)

    def _set_aside(self, path: Path, problem: FileProblem) -> Path:
        stamp = format_time(self._clock()).replace("-", "").replace(":", "").split(".")[0] + "Z"
        kind = "newer" if problem.kind == "newer" else "corrupt"
        aside = path.with_name(f"{path.name}.{kind}-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = path.with_name(f"{path.name}.{kind}-{stamp}-{n}")
        os.rename(path, aside)
        return aside

    def _keep_original_of_migrated(self, loaded: _Loaded | None, messages: list[str]) -> int | None:
        if loaded is None or loaded.file.version >= FORMAT_VERSION:
            return None
        version = loaded.file.version
        original = self.path.with_name(f"{self.path.name}.v{version}")
        if not original.exists():
            shutil.copy2(loaded.path, original)
        messages.append(
            Notice(
                "store-migrated",
                "{file} was upgraded from file format {old} to {new}; the original is kept as {kept}.",
                file=loaded.path.name,
                old=version,
                new=FORMAT_VERSION,
                kept=original.name,
            )
        )
        return version

    def _finish_interrupted_rotation(self) -> None:
        """A save killed between the renames of `_rotate_backups` leaves the held previous file
        and a gap in .1/.2/.3: finish the rotation, so no backup goes missing."""
        held = self._held_previous()
        if not held.exists() or self._backups < 1:
            return
        try:
            if self.path.exists() and (
                os.path.samefile(held, self.path) or filecmp.cmp(held, self.path, shallow=False)
            ):
                return  # killed before the new file was in place: nothing was replaced
            # The renames run from the top down, so the lowest gap is where it stopped.
            gap = next(
                (n for n in range(1, self._backups + 1) if not self._backup(n).exists()), self._backups
            )
            for n in range(gap, 1, -1):
                os.replace(self._backup(n - 1), self._backup(n))
            os.replace(held, self._backup(1))
        except OSError:
            pass  # the held file is then removed with the other temporaries; backups stay as they are

    def _held_previous(self) -> Path:
        return self.path.with_name(f".{self.path.name}.previous.tmp")

    def _remove_stale_temporaries(self) -> None:
        """Temporary files of writes that were killed half-way (we hold the lock: none is live)."""
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    def _signature_now(self) -> tuple[object, ...]:
        return (_signature(self.path), self._journal.signature())

    def _backup(self, n: int) -> Path:
        return self.path.with_name(f"{self.path.name}.{n}")

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        lock = FileLock(self.path.with_name(self.path.name + ".lock"), self._lock_timeout)
        try:
            lock.acquire()
        except LockTimeout as exc:
            raise StoreError(
                Notice(
                    "store-busy",
                    "{file} is in use by another Compact Reader that did "
                    "not finish saving within {seconds:g} s; try again.",
                    file=self.path.name,
                    seconds=self._lock_timeout,
                )
            ) from exc
        except OSError as exc:
            raise StoreError(
                Notice(
                    "store-folder-failed",
                    "Cannot open {folder} for the annotations: {reason}.",
                    folder=str(self.path.parent),
                    reason=str(exc.strerror or exc),
                )
            ) from exc
        try:
            yield
        finally:
            lock.release()


def open_store(path: Path, **options: Any) -> Store:
    return Store.open(path, **options)


def _problem_message(path: Path, problem: FileProblem, aside: Path) -> Notice:
    if problem.kind == "newer":
        return Notice(
            "store-newer",
            "{file} was written by a newer version of Compact Reader (file "
            "format {version}; this version reads up to {supported}). It was not changed: it "
            "is kept as {kept}; open it with the newer version.",
            file=path.name,
            version=problem.version,
            supported=FORMAT_VERSION,
            kept=aside.name,
        )
    return Notice(
        "store-set-aside",
        "{file} cannot be read: {reason}. It was not changed: it is kept as {kept}.",
        file=path.name,
        reason=problem.reason,
        kept=aside.name,
    )


def _read_limited(path: Path) -> bytes:
    """The file's bytes, unless it is no regular file (a FIFO would block for ever, a device
    never end) or larger than MAX_FILE_BYTES: then FileProblem, and it is set aside."""
    _check_limits(path)
    try:
        return path.read_bytes()
    except MemoryError as exc:
        raise FileProblem("corrupt", "it is too large to read into memory") from exc


def _check_limits(path: Path) -> None:
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem("corrupt", "it is not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise FileProblem(
            "corrupt",
            f"it is too large ({info.st_size / 2**20:.0f} MB; annotations files "
            f"are read up to {MAX_FILE_BYTES // 2**20} MB)",
        )


def _signature(path: Path) -> tuple[int, ...] | None:
    """Identifies one version of the file: every save makes a new file (new inode)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _validated(item: Item) -> Item:
    _check_text(item)
    if isinstance(item, Annotation):
        if item.color not in COLORS:
            raise ValueError(f"unknown colour {item.color!r}")
        if not item.target.quote.exact:
            raise ValueError("an annotation needs quoted text")
        return replace(item, tags=normalize_tags(item.tags))
    if not item.name.strip() or not item.doc or not item.anchor:
        raise ValueError("a bookmark needs a document, an anchor and a name")
    return replace(item, name=item.name.strip(), folder=normalize_folder(item.folder))


def _check_text(item: Item) -> None:
    """Refuse text that cannot be saved as UTF-8 (lone surrogates, e.g. from a command line
    argument that was not UTF-8): taking it would make every later save fail."""
    if isinstance(item, Annotation):
        quote, rng = item.target.quote, item.target.range
        texts = [
            item.id,
            item.doc,
            item.note,
            item.color,
            *item.tags,
            quote.exact,
            quote.prefix,
            quote.suffix,
        ]
        texts += [rng.start_anchor, rng.end_anchor] if rng is not None else []
    else:
        texts = [item.id, item.doc, item.anchor, item.name, item.folder]
    for text in texts:
        try:
            str(text).encode("utf-8")
        except UnicodeEncodeError:
            shown = str(text)[:40] + ("…" if len(str(text)) > 40 else "")
            raise ValueError(
                f"the text {shown!r} contains characters that are not valid Unicode; it cannot be saved"
            ) from None


def diff_states(before: StoreState, after: StoreState) -> tuple[Change, ...]:
    """Changes that turn `before` into `after` (for the UI to refresh only what moved)."""
    changes: list[Change] = []
    for name in ("annotations", "bookmarks"):
        old, new = getattr(before, name), getattr(after, name)
        for key, item in new.items():
            previous = old.get(key)
            if previous is None:
                changes.append(Change("added", None, item))
            elif previous is not item and previous != item:
                changes.append(Change("updated", previous, item))
        changes += [Change("deleted", item, None) for key, item in old.items() if key not in new]
    for meaning in after.palette:
        previous = before.palette.get(meaning.color)
        if previous != meaning:
            changes.append(Change("updated", previous, meaning))
    return tuple(changes)
