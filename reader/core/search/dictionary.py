"""jieba's word list, looked up without loading jieba.

Queries (and the sources of "related" searches) are segmented with jieba's own
algorithm over jieba's own dictionary (segment.py). Loading that dictionary into
jieba takes about a second, too slow for a fresh `reader search`, and indexing
no longer segments the corpus at all (search matches substrings, see engine.py),
so the word counts are copied once per cache folder from jieba's `dict.txt` into
a small SQLite file and looked up a handful at a time.

The file is disposable (it lives in the cache folder) and stamped with the size
and modification time of the `dict.txt` it was made from; a missing, damaged or
stale copy is simply made again, atomically, so concurrent processes never see
half a file.
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

BATCH = 900  # host parameters per lookup (SQLite's historical limit is 999)
CACHE_LIMIT = 200_000  # looked-up words kept in memory (found or not)


def jieba_dict_file() -> Path:
    """jieba's bundled dictionary, found without importing jieba (the import is slow)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed")
    return Path(spec.origin).parent / "dict.txt"


def _stamp(source: Path) -> str:
    info = source.stat()
    return f"{info.st_size}:{info.st_mtime_ns}"


class Dictionary:
    """Word → jieba count, for the words asked about. Thread-safe."""

    def __init__(self, path: Path, source: Path | None = None) -> None:
        self.path = Path(path)
        self.source = source or jieba_dict_file()
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._known: dict[str, int] = {}
        self.total = 0
        self.longest = 1
        self._first_longest: dict[str, int] = {}

    # --- the file ----------------------------------------------------------------------
    def ensure(self) -> None:
        """Open the word file, making it first when missing, stale or damaged (~1 s)."""
        with self._lock:
            if self._db is not None:
                return
            stamp = _stamp(self.source)
            try:
                self._open(stamp)
            except (sqlite3.Error, ValueError, KeyError):
                self._make(stamp)
                self._open(stamp)

    def _open(self, stamp: str) -> None:
        if not self.path.exists():
            raise ValueError("no word file")
        db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if meta["stamp"] != stamp:
                raise ValueError("stale word file")
            self.total = int(meta["total"])
            self._first_longest = dict(db.execute("SELECT first, longest FROM firsts"))
        except BaseException:
            db.close()
            raise
        self.longest = max(self._first_longest.values(), default=1)
        self._db = db

    def _make(self, stamp: str) -> None:
        counts: dict[str, int] = {}
        with open(self.source, encoding="utf-8") as lines:
            for line in lines:
                word, _, rest = line.strip().partition(" ")
                count = rest.partition(" ")[0]
                if word and count.isdigit():
                    counts[word] = int(count)
        firsts: dict[str, int] = {}
        for word in counts:
            if len(word) > firsts.get(word[0], 0):
                firsts[word[0]] = len(word)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        temporary.unlink(missing_ok=True)
        db = sqlite3.connect(temporary)
        try:
            db.executescript("""
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
                CREATE TABLE words (word TEXT PRIMARY KEY, count INTEGER) WITHOUT ROWID;
                CREATE TABLE firsts (first TEXT PRIMARY KEY, longest INTEGER);
            """)
            db.executemany("INSERT INTO words VALUES (?, ?)", sorted(counts.items()))
            db.executemany("INSERT INTO firsts VALUES (?, ?)", firsts.items())
            db.executemany("INSERT INTO meta VALUES (?, ?)",
                           [("stamp", stamp), ("total", str(sum(counts.values())))])
            db.commit()
        finally:
            db.close()
        os.replace(temporary, self.path)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # --- lookups -----------------------------------------------------------------------
    def longest_from(self, char: str) -> int:
        """Length of the longest dictionary word starting with `char` (0: none)."""
        return self._first_longest.get(char, 0)

    def counts(self, words: Iterable[str]) -> dict[str, int]:
        """jieba's count of each of `words` that it knows (others are left out)."""
        self.ensure()
        wanted = set(words)
        with self._lock:
            missing = [w for w in wanted if w not in self._known]
            if missing:
                if len(self._known) > CACHE_LIMIT:
                    self._known.clear()
                for word in missing:
                    self._known[word] = 0
                assert self._db is not None
                for start in range(0, len(missing), BATCH):
                    batch = missing[start:start + BATCH]
                    marks = ",".join("?" * len(batch))
                    self._known.update(self._db.execute(
                        f"SELECT word, count FROM words WHERE word IN ({marks})", batch))
            return {w: c for w in wanted if (c := self._known.get(w, 0))}
