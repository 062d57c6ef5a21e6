"""The search index on disk: layout, stamps, locking, building, updating, recovery.

Layout of `AppPaths.index_dir`::

    current.json     {"generation": "g…", "schema": N}, replaced atomically
    build.lock       held (an OS file lock) by whichever process writes
    g…/index.sqlite  one index ("generation"); a full rebuild makes a new one and
                     switches current.json to it, so a reader in another process
                     never sees a half-built index
    g…/writing       present while a writer works in that generation

The index narrows the blocks a substring can occur in; matching and ranking are
decided on the folded texts themselves (engine.py). It holds, per document, the
postings of every character and every pair of adjacent characters of its folded
blocks (`grams`: term, document, the block numbers within the document as 32-bit
integers followed by the term's count in each block), and a `meta`
table with the schema version, a stamp of the corpus and each document's stamp. An
update replaces a document's rows and its stamp in one SQLite transaction, so the
stamps always describe what the index holds. Nothing needs jieba: words are found
in queries, not in the corpus (segment.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import time
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import atomic_write_text
from ..corpus import Corpus, document_fingerprint
from ..model import Document, Objective
from ..notices import Notice
from ..objectives import COMPACT_ID
from .dictionary import Dictionary
from .text import fold, gram_counts

SCHEMA_VERSION = 4  # bump whenever the tables or what gram_terms emits change
BUSY_WAIT = 5.0  # seconds to wait for another process's write before giving up
CURRENT_FILE = "current.json"
LOCK_FILE = "build.lock"
WRITING_MARK = "writing"
DATABASE = "index.sqlite"
INDEX_KEY = "index"
DOC_KEY = "doc/"
POSTING = "I"  # array typecode of a block number within its document
COUNT = "I"  # array typecode of how often the term occurs in that block
ENTRY_SIZE = 8  # bytes per block in a row: its number, then (after all numbers) its count

Progress = Callable[[int, int], None]


class SearchError(Exception):
    """The search index cannot be used; the message is fit for the user."""


class IndexBusyError(SearchError):
    """Another process is writing the index and did not finish in time."""


def block_key(doc_id: str, anchor: str) -> str:
    return f"{doc_id}/{anchor}"


def document_stamps(corpus: Corpus) -> dict[str, str]:
    """Each document's stamp: the fingerprint of its text (objectives are not indexed:
    the engine reads them from the corpus)."""
    return {doc.id: document_fingerprint(doc) for doc in corpus}


def corpus_stamp(stamps: dict[str, str]) -> str:
    digest = hashlib.sha256(f"schema={SCHEMA_VERSION}".encode())
    for doc_id in sorted(stamps):
        digest.update(f"{doc_id}={stamps[doc_id]};".encode())
    return digest.hexdigest()[:16]


def objective_map(corpus: Corpus, objectives: list[Objective]) -> dict[tuple[str, str], tuple[int, ...]]:
    """(doc, anchor) → objective numbers, as `objective_for_block` decides, for every block."""
    from ..objectives import objective_for_block

    found: dict[tuple[str, str], list[int]] = {}
    if COMPACT_ID in corpus:  # membership in the Compact is by anchor
        for block in corpus.get(COMPACT_ID).blocks:
            numbers = objective_for_block(objectives, COMPACT_ID, block.anchor)
            if numbers:
                found[(COMPACT_ID, block.anchor)] = numbers
    for objective in objectives:  # elsewhere, by link
        for link in objective.links:
            if link.doc != COMPACT_ID:
                numbers = found.setdefault((link.doc, link.anchor), [])
                if objective.number not in numbers:
                    numbers.append(objective.number)
    return {key: tuple(sorted(numbers)) for key, numbers in found.items()}


@dataclass
class Inspection:
    """What `IndexStore.inspect` found. state: current | outdated | missing |
    interrupted | old | corrupt."""

    state: str
    generation: str = ""
    stamps: dict[str, str] = field(default_factory=dict)
    detail: str = ""


REBUILD_MESSAGES = {
    "missing": Notice("index-missing", "the search index did not exist yet; built it"),
    "interrupted": Notice("index-interrupted", "the search index was left half-written by an "
                                               "interrupted process; rebuilt it"),
    "old": Notice("index-old", "the search index was made by another version of Compact Reader; "
                               "rebuilt it"),
    "corrupt": Notice("index-corrupt", "the search index was corrupt; rebuilt it"),
}


class IndexStore:
    """All reading and writing of the index folder. Thread-unsafe: the service locks."""

    def __init__(self, root: Path, jieba_cache: Path) -> None:
        self.root = Path(root)
        self.jieba_cache = Path(jieba_cache)
        # jieba's word list for segmenting queries, kept beside jieba's own cache.
        self.dictionary = Dictionary(self.jieba_cache.with_name("words.sqlite"))

    # --- inspecting ------------------------------------------------------------------
    def current_generation(self) -> str | None:
        """The generation current.json names; None if missing. ValueError if unreadable."""
        path = self.root / CURRENT_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"unreadable {CURRENT_FILE}: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("generation"), str):
            raise ValueError(f"malformed {CURRENT_FILE}")
        if data.get("schema") != SCHEMA_VERSION:
            raise _OldSchema(str(data.get("schema")))
        return data["generation"]

    def inspect(self, corpus: Corpus) -> Inspection:
        try:
            generation = self.current_generation()
        except _OldSchema as exc:
            return Inspection("old", detail=f"schema {exc}")
        except ValueError as exc:
            return Inspection("corrupt", detail=str(exc))
        if generation is None:
            return Inspection("interrupted" if self._generations() else "missing")
        folder = self.root / generation
        if (folder / WRITING_MARK).exists():
            return Inspection("interrupted", generation)
        try:
            meta, stamps = self._read_stamps(folder)
        except (sqlite3.Error, OSError, ValueError, KeyError, TypeError) as exc:
            return Inspection("corrupt", generation, detail=f"{type(exc).__name__}: {exc}")
        if meta.get("schema") != SCHEMA_VERSION:
            return Inspection("old", generation, detail=f"schema {meta.get('schema')}")
        state = "current" if meta.get("corpus") == corpus_stamp(document_stamps(corpus)) \
            else "outdated"
        return Inspection(state, generation, stamps)

    def _read_stamps(self, folder: Path) -> tuple[dict[str, Any], dict[str, str]]:
        path = folder / DATABASE
        _check_size(path)
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = dict(db.execute("SELECT key, value FROM meta"))
            # A cheap look at the postings: a truncated or overwritten file fails here.
            db.execute("SELECT count(*) FROM (SELECT 1 FROM grams LIMIT 1000)").fetchone()
        finally:
            db.close()
        if INDEX_KEY not in rows:
            raise ValueError("no stamp in the index")
        meta = json.loads(rows[INDEX_KEY])
        stamps = {key[len(DOC_KEY):]: value for key, value in rows.items()
                  if key.startswith(DOC_KEY)}
        return meta, stamps

    def _generations(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return [p for p in self.root.iterdir() if p.is_dir() and p.name.startswith("g")]

    # --- opening for search ----------------------------------------------------------
    def open(self) -> sqlite3.Connection:
        """The current generation's database, for reading (SQLite isolates it from writers)."""
        generation = self.current_generation()
        if generation is None:
            raise SearchError("the search index has not been built")
        path = self.root / generation / DATABASE
        if not path.is_file():
            raise SearchError("the search index is missing its data; rebuild it")
        return sqlite3.connect(str(path), timeout=BUSY_WAIT, check_same_thread=False)

    # --- writing ---------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self, wait: float | None = None) -> Iterator[None]:
        """Hold the build lock; wait up to `wait` (BUSY_WAIT) seconds, then IndexBusyError."""
        from whoosh.util.filelock import FileLock, try_for

        self.root.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.root / LOCK_FILE))
        if not try_for(lock.acquire, timeout=BUSY_WAIT if wait is None else wait, delay=0.05):
            raise IndexBusyError(
                "the search index is being updated by another Compact Reader window or "
                "command; try again when it has finished")
        try:
            yield
        finally:
            lock.release()

    def build(self, corpus: Corpus, objectives: list[Objective],
              progress: Progress | None = None) -> None:
        """Write a complete new generation and make it current. Caller holds the lock."""
        generation = f"g{time.time_ns():x}-{os.getpid()}"
        folder = self.root / generation
        folder.mkdir(parents=True)
        (folder / WRITING_MARK).write_text(str(os.getpid()), encoding="utf-8")
        db = sqlite3.connect(str(folder / DATABASE))
        try:
            # No journal: until current.json names it, nobody reads this generation,
            # and an interrupted build is thrown away whole.
            db.executescript("""
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
                CREATE TABLE grams (gram TEXT, doc TEXT, blocks BLOB,
                                    PRIMARY KEY (gram, doc)) WITHOUT ROWID;
            """)
            self._write(db, corpus, list(corpus), [], progress)
        finally:
            db.close()
        (folder / WRITING_MARK).unlink()
        atomic_write_text(self.root / CURRENT_FILE,
                          json.dumps({"generation": generation, "schema": SCHEMA_VERSION}))
        self._remove_generations(keep=generation)
        self.dictionary.ensure()  # made once per cache folder, for the first query

    def update(self, corpus: Corpus, objectives: list[Objective], inspection: Inspection,
               progress: Progress | None = None) -> str:
        """Re-index only the documents added, changed or removed. Caller holds the lock."""
        stamps = document_stamps(corpus)
        old = inspection.stamps
        added = [d for d in corpus if d.id not in old]
        changed = [d for d in corpus if d.id in old and old[d.id] != stamps[d.id]]
        removed = [doc_id for doc_id in old if doc_id not in stamps]
        folder = self.root / inspection.generation
        (folder / WRITING_MARK).write_text(str(os.getpid()), encoding="utf-8")
        db = sqlite3.connect(str(folder / DATABASE), timeout=BUSY_WAIT)
        try:
            self._write(db, corpus, added + changed, [d.id for d in changed] + removed, progress)
        finally:
            db.close()
        (folder / WRITING_MARK).unlink()
        return Notice("index-updated", "search index updated: {added} added, {changed} changed, "
                      "{removed} removed", added=len(added), changed=len(changed), removed=len(removed))

    def _write(self, db: sqlite3.Connection, corpus: Corpus, documents: list[Document],
               dropped: list[str], progress: Progress | None) -> None:
        """In one transaction: drop `dropped`, add `documents`, write fresh stamps."""
        stamps = document_stamps(corpus)
        total = sum(len(d.blocks) for d in documents)
        done = 0
        if progress:
            progress(0, total)
        with db:  # one transaction: committed whole or not at all
            for doc_id in dropped:
                db.execute("DELETE FROM grams WHERE doc = ?", (doc_id,))
                db.execute("DELETE FROM meta WHERE key = ?", (DOC_KEY + doc_id,))
            for doc in documents:
                db.executemany("INSERT INTO grams VALUES (?, ?, ?)", document_postings(doc))
                db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                           (DOC_KEY + doc.id, stamps[doc.id]))
                done += len(doc.blocks)
                if progress:
                    progress(done, total)
            db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (INDEX_KEY, json.dumps(
                {"schema": SCHEMA_VERSION, "corpus": corpus_stamp(stamps)})))
            self._commit(db)

    def _commit(self, db: sqlite3.Connection) -> None:
        """The moment a write becomes visible (a seam for the crash tests)."""
        db.commit()

    def _remove_generations(self, keep: str) -> None:
        # A reader in another process may still use an old generation; it notices
        # the files going and reopens (see SearchService), so they can go at once.
        for folder in self._generations():
            if folder.name != keep:
                shutil.rmtree(folder, ignore_errors=True)


def document_postings(doc: Document) -> Iterator[tuple[str, str, bytes]]:
    """(term, document, postings) rows for one document's blocks: the blocks' numbers
    within the document, then how often the term occurs in each."""
    postings: dict[str, tuple[list[int], list[int]]] = {}
    get = postings.get
    for number, block in enumerate(doc.blocks):
        for term, count in gram_counts(fold(block.text)).items():
            found = get(term)
            if found is None:
                postings[term] = ([number], [count])
            else:
                found[0].append(number)
                found[1].append(count)
    for term, (numbers, counts) in postings.items():
        yield term, doc.id, array(POSTING, numbers).tobytes() + array(COUNT, counts).tobytes()


def _check_size(path: Path) -> None:
    """ValueError when the file is shorter than its own header says (a truncated copy)."""
    with open(path, "rb") as file:
        header = file.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise ValueError("not an index file")
    page_size = int.from_bytes(header[16:18], "big") or 65536
    pages = int.from_bytes(header[28:32], "big")
    if path.stat().st_size < page_size * pages:
        raise ValueError("the index file is truncated")


class _OldSchema(ValueError):
    pass
