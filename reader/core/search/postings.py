"""The substring postings (`postings.sqlite`, see index.py): their rows, and the writing.

Neither of a build's two stores needs the other, so on a machine with a second
core the postings are written by a second process while this one writes the
whoosh index (the build then takes about the time of the longer half). A process
with one thread (a command) forks, which costs a few milliseconds. A fork of a
process with threads (the window's) may inherit a lock another thread held, so
there the second process is a fresh interpreter, which takes ~0.15 s to start,
about what the postings of BACKGROUND_BLOCKS passages take: below that they are
written here.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import traceback
from array import array
from collections import defaultdict, deque
from collections.abc import Callable
from itertools import repeat
from pathlib import Path
from typing import Any

from ..collector import collector_paused
from .batched import insert_rows
from .text import gram_counts

# A row's postings are one entry per block holding the term, in block order: the block's
# number within its document, then how often the term occurs in it (native unsigned ints).
NUMBER = "I"  # array typecode of both
ENTRY = struct.Struct("@" + NUMBER * 2)
ENTRY_SIZE = ENTRY.size
ROWS_PER_INSERT = 128  # rows per INSERT statement (measured: more gains nothing)
BACKGROUND_BLOCKS = 500  # from how many blocks a process with threads spawns the postings' writer
BUILD_CACHE_KB = 256 * 1024  # SQLite's page cache while building (×50's table: ~110 MB)


def postings_rows(doc_id: str, folded: list[str]) -> list[tuple[str, str, bytearray]]:
    """(term, document, postings) rows for one document's folded blocks (see ENTRY)."""
    entries: defaultdict[str, bytearray] = defaultdict(bytearray)
    pack = ENTRY.pack
    for number, text in enumerate(folded):
        counts = gram_counts(text)
        # Each block's entries are appended in C (map over bound methods) rather than in a
        # Python loop: a build makes several per row, and the rows are then ready as they are.
        deque(
            map(
                bytearray.extend, map(entries.__getitem__, counts), map(pack, repeat(number), counts.values())
            ),
            maxlen=0,
        )
    return list(zip(entries, repeat(doc_id), entries.values()))


def decode_postings(blob: bytes) -> tuple[array[int], array[int]]:
    """A row's postings as (block numbers, counts)."""
    entries = array(NUMBER)
    entries.frombytes(blob)
    return entries[::2], entries[1::2]


def insert_postings(db: sqlite3.Connection, rows: list[tuple[str, str, bytearray]]) -> None:
    insert_rows(db, "grams", rows, ROWS_PER_INSERT)


def prepare_for_build(db: sqlite3.Connection) -> None:
    """Settings for filling a new table. No journal: until current.json names the
    generation nobody reads it, and an interrupted build is thrown away whole. Rows
    arrive by document, out of the table's (term, document) order: with SQLite's
    default 2 MB of cache a large library's table is paged out and in again for every
    document (×50: 36 s instead of 12 s); the cache is taken only as the table grows."""
    db.executescript(f"""
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        PRAGMA cache_size = -{BUILD_CACHE_KB};
    """)


class PostingsWriter:
    """Writes documents' rows into the postings, here or in a second process.

    `add` each document; `finish` before committing: it waits for the second
    process and raises if it failed; `cancel` stops it.
    """

    def __init__(self, db: sqlite3.Connection, documents: list[tuple[str, list[str]]]) -> None:
        """`documents`: all (id, folded texts) to be added, for a second process to take
        at once when there are enough of them and the table is new (empty)."""
        self._db = db
        self._process: subprocess.Popen[bytes] | _Forked | None = None
        self._log: Path | None = None
        start = _how_to_start(sum(len(texts) for _, texts in documents))
        if start and db.execute("SELECT 1 FROM grams LIMIT 1").fetchone() is None:
            db.commit()
            path = Path(db.execute("PRAGMA database_list").fetchone()[2])
            self._log = path.with_name(path.name + ".log")
            try:
                self._process = start(path, documents, self._log)
            except OSError:  # no second process to be had: the rows are written here
                self._process = None

    def add(self, doc_id: str, folded: list[str]) -> None:
        if self._process is None:
            insert_postings(self._db, postings_rows(doc_id, folded))

    def finish(self) -> None:
        if self._process is None:
            return
        code = self._process.wait()
        self._process = None
        errors = self._log.read_text("utf-8", "replace").strip().splitlines() if self._log else []
        if self._log:
            self._log.unlink(missing_ok=True)
        if code != 0:
            raise RuntimeError(
                f"writing the search postings failed: {(errors or [f'exit status {code}'])[-1]}"
            )

    def cancel(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None


def _how_to_start(blocks: int) -> Callable[[Path, list[tuple[str, list[str]]], Path], Any] | None:
    """How to start a second process for this many blocks, if at all."""
    if not blocks or not _second_core():
        return None
    if hasattr(os, "fork") and _single_threaded():
        return _fork
    # A bundled (frozen) application's executable is not a Python that runs `-m`.
    frozen = getattr(sys, "frozen", False)
    return _start if blocks >= BACKGROUND_BLOCKS and not frozen else None


def _second_core() -> bool:
    """May this process run on more than one core? (A second process on the same core
    would only add its start to the build.)"""
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # not on Linux
        return (os.cpu_count() or 1) > 1


def _single_threaded() -> bool:
    """Has this process one thread? Asks the kernel: threads started outside Python
    (Qt's) are not in `threading`'s count. False when it cannot tell."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


class _Forked:
    """A forked child, with the part of Popen's interface PostingsWriter uses."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    def wait(self) -> int:
        return os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)


def _fork(path: Path, documents: list[tuple[str, list[str]]], log: Path) -> _Forked:
    """A copy of this process that writes the rows, then leaves at once (`os._exit`:
    none of the parent's exit handlers or buffered output runs twice). What goes
    wrong is written to `log`, as the spawned process's stderr is."""
    with open(log, "wb") as errors:
        pid = os.fork()
        if pid:
            return _Forked(pid)
        code = 1
        try:
            _write_all(path, documents)
            code = 0
        except BaseException:
            with contextlib.suppress(BaseException):
                errors.write(traceback.format_exc().encode("utf-8", "replace"))
                errors.flush()
        finally:
            os._exit(code)


def _start(path: Path, documents: list[tuple[str, list[str]]], log: Path) -> subprocess.Popen[bytes]:
    """`python -m reader.core.search.postings DB DATA`, the documents in a file beside the
    table (multiprocessing's spawn would import the caller's main module again), what it
    says on stderr in `log` (a pipe nobody reads until the end could fill and stall it)."""
    data = path.with_name(path.name + ".documents")
    data.write_bytes(marshal.dumps(documents))
    root = str(Path(__file__).resolve().parents[3])  # the folder holding the reader package
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
    try:
        with open(log, "wb") as errors:
            return subprocess.Popen(
                [sys.executable, "-m", __name__, str(path), str(data)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                env=env,
            )
    except OSError:
        data.unlink(missing_ok=True)
        raise


def write_postings(path: Path, data: Path) -> None:
    """The second process: every document's rows into the (new) table, committed."""
    documents = marshal.loads(data.read_bytes())
    data.unlink()
    _write_all(path, documents)


def _write_all(path: Path, documents: list[tuple[str, list[str]]]) -> None:
    """Every document's rows into the (new) table at `path`, committed, on a
    connection of this process's own."""
    db = sqlite3.connect(str(path))
    try:
        prepare_for_build(db)
        with collector_paused():  # nothing here makes cycles; the collector would re-walk the rows
            for doc_id, folded in documents:
                insert_postings(db, postings_rows(doc_id, folded))
        db.commit()
    finally:
        db.close()


if __name__ == "__main__":
    write_postings(Path(sys.argv[1]), Path(sys.argv[2]))
