"""jieba's word counts without loading jieba: a table made once from its dict.txt.

The query segmenter (segment.py) needs jieba's count of every word the index
holds. Loading jieba's dictionary for them costs about a second per build, and
rjieba (which segments the blocks) does not expose its counts, so the first
build copies jieba's own word list into `words.sqlite` beside jieba's cache
(about a second, once); later builds look up only the index's words in it.
The table is made again when jieba's dict.txt changes (another jieba version).
"""

from __future__ import annotations

import importlib.util
import os
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from .batched import insert_rows

WORDS_FILE = "words.sqlite"
LOOKUP_BATCH = 500  # words per SELECT … IN (…): under SQLite's parameter limit


def words_file(jieba_cache: Path) -> Path:
    return Path(jieba_cache).with_name(WORDS_FILE)


def jieba_dictionary() -> Path:
    """jieba's dict.txt, found without importing jieba (its import is not free)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed")
    return Path(spec.origin).parent / "dict.txt"


class WordCounts:
    """jieba's dictionary counts (as `jieba.Tokenizer().FREQ` and `.total` give them)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._in_memory: dict[str, int] | None = None
        source = jieba_dictionary()
        stamp = _stamp(source)
        if _read_meta(self.path, "source") != stamp:
            counts, total = _parse(source)
            try:
                _write_table(counts, total, stamp, self.path)
            except (OSError, sqlite3.Error):  # a full disk or a read-only cache: no table, today
                self._in_memory, self.total = counts, total
                return
        self.total = int(_read_meta(self.path, "total") or 0)

    def counts(self, words: Iterable[str]) -> dict[str, int]:
        """word → count for the words jieba's dictionary knows (the others are left out)."""
        if self._in_memory is not None:
            return {w: self._in_memory[w] for w in dict.fromkeys(words) if w in self._in_memory}
        pending = list(dict.fromkeys(words))
        found: dict[str, int] = {}
        db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            for start in range(0, len(pending), LOOKUP_BATCH):
                batch = pending[start : start + LOOKUP_BATCH]
                marks = ",".join("?" * len(batch))
                found.update(db.execute(f"SELECT word, count FROM words WHERE word IN ({marks})", batch))
        finally:
            db.close()
        return found


def _stamp(source: Path) -> str:
    stat = source.stat()
    return f"{source}:{stat.st_size}:{stat.st_mtime_ns}"


def _read_meta(path: Path, key: str) -> str | None:
    """A value of the table's meta rows; None when the file is missing or unreadable."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _parse(source: Path) -> tuple[dict[str, int], int]:
    """dict.txt read as jieba reads it: a later line wins; every line adds to the total."""
    text = source.read_text(encoding="utf-8")
    return _parse_columns(text) or _parse_lines(text)


_ODD_LINE = re.compile(r"^(?!\S+ \d+ \S+$)", re.MULTILINE)  # a line that is not `word count tag`


def _parse_columns(text: str) -> tuple[dict[str, int], int] | None:
    """The usual layout, every line `word count tag` with one space between, read a column
    at a time (0.45–0.6 → 0.35 s for jieba's 349,000 lines, the check included); None for
    any other layout."""
    body = text[:-1] if text.endswith("\n") else text
    if not body or _ODD_LINE.search(body):
        return None
    tokens = body.split()
    counts = list(map(int, tokens[1::3]))
    return dict(zip(tokens[0::3], counts, strict=True)), sum(counts)


def _parse_lines(text: str) -> tuple[dict[str, int], int]:
    counts: dict[str, int] = {}
    total = 0
    for line in text.split("\n"):
        parts = line.strip().split(" ")
        if len(parts) < 2:
            continue
        count = int(parts[1])
        counts[parts[0]] = count
        total += count
    return counts, total


def _write_table(counts: dict[str, int], total: int, stamp: str, path: Path) -> None:
    """The counts into a temporary file renamed into place: a reader never sees a
    half-written table (a failed write leaves none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    db = sqlite3.connect(str(temporary))
    try:
        db.executescript("""
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE words (word TEXT PRIMARY KEY, count INTEGER) WITHOUT ROWID;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """)
        insert_rows(db, "words", sorted(counts.items()))
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("source", stamp), ("total", str(total))])
        db.commit()
        db.close()
        os.replace(temporary, path)
    except BaseException:
        db.close()
        temporary.unlink(missing_ok=True)
        raise
