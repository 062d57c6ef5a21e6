"""The search index on disk: layout, stamps, locking, building, updating, recovery.

Layout of `AppPaths.index_dir`::

    current.json     {"generation": "g…", "schema": N}, replaced atomically
    build.lock       held (an OS file lock) by whichever process writes
    g…/              one index ("generation"); a full rebuild makes a new one
                     and switches current.json to it, so a reader in another
                     process never sees a half-built index
    g…/writing       present while a writer works in that generation

A generation holds two stores, written together:

* a whoosh index of the blocks' jieba words (the `words` field: BM25F ranking of
  `related`, word document frequencies) with, besides one document per block,
  "meta" documents (keys starting with META) recording the schema version, a
  stamp of the corpus, each document's stamp and the lexicon the query segmenter
  needs. whoosh commits atomically (a new table of contents renamed into place),
  so the stamps always describe what the index holds;
* `postings.sqlite`, the candidates for substring search: per term (every
  character and every pair of adjacent characters of the folded blocks) and
  document, an entry per block holding the term: the block's number within the
  document and the term's count there (postings.ENTRY). An update replaces a
  document's rows in one SQLite transaction, committed before whoosh publishes
  the stamps; a document whose rows were written but whose stamp was not is
  simply written again. (A new generation is published by current.json, once
  both stores are complete.)

Matching and ranking are decided on the folded texts themselves (engine.py):
the postings only narrow the candidates, and give counts for one- and
two-character terms.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import atomic_write_text
from ..collector import collector_paused
from ..corpus import Corpus, document_fingerprint
from ..locking import FileLock, LockTimeout
from ..model import Document, Objective
from ..notices import Notice
from ..objectives import COMPACT_ID
from .dictionary import WordCounts, words_file
from .postings import PostingsWriter, prepare_for_build
from .segment import Lexicon, parse_counts, serialize_counts
from .text import configure_jieba, fold, index_words, is_cjk

SCHEMA_VERSION = 4  # bump whenever the schema or what the analyzers emit changes
BUSY_WAIT = 5.0  # seconds to wait for another process's write before giving up
CURRENT_FILE = "current.json"
LOCK_FILE = "build.lock"
WRITING_MARK = "writing"
META = "\x1e"
INDEX_KEY = META + "index"
LEXICON_KEY = META + "lexicon"
DOC_KEY = META + "doc/"
META_KIND = "_meta"
POSTINGS_FILE = "postings.sqlite"
MAX_SEGMENTS = 8  # whoosh segments before an update lets whoosh merge the small ones

Progress = Callable[[int, int], None]


class SearchError(Exception):
    """The search index cannot be used; the message is fit for the user."""


class IndexBusyError(SearchError):
    """Another process is writing the index and did not finish in time."""


def make_schema() -> Any:
    from whoosh import fields, formats

    from .analyzer import WordAnalyzer

    # Lean on purpose: whoosh's cost is per posting and per term. Kinds and objectives
    # are read from the corpus (table.py), substrings from the SQLite postings, and
    # `related` needs no word positions. A block's key is only stored (as a term it
    # would cost the commit one term per block); meta documents, which an update
    # replaces, are also indexed under `meta_key`.
    return fields.Schema(
        key=fields.STORED(),
        meta_key=fields.ID(unique=True),
        doc=fields.ID(stored=True),
        kind=fields.ID(),
        words=fields.FieldType(formats.Frequency(), WordAnalyzer(), scorable=True),
        meta=fields.STORED(),
    )


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
    "interrupted": Notice(
        "index-interrupted", "the search index was left half-written by an interrupted process; rebuilt it"
    ),
    "old": Notice("index-old", "the search index was made by another version of Compact Reader; rebuilt it"),
    "corrupt": Notice("index-corrupt", "the search index was corrupt; rebuilt it"),
}


class IndexStore:
    """All reading and writing of the index folder. Thread-unsafe: the service locks."""

    def __init__(self, root: Path, jieba_cache: Path) -> None:
        self.root = Path(root)
        self.jieba_cache = Path(jieba_cache)
        self._stamped: tuple[Corpus, dict[str, str]] | None = None

    def stamps(self, corpus: Corpus) -> dict[str, str]:
        """document_stamps, worked out once per corpus (hashing ×50's texts takes ~0.15 s,
        and one update asks four times)."""
        if self._stamped is None or self._stamped[0] is not corpus:
            self._stamped = (corpus, document_stamps(corpus))
        return self._stamped[1]

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
            _check_postings(folder / POSTINGS_FILE)
        except Exception as exc:  # whoosh raises many kinds on a damaged index
            return Inspection("corrupt", generation, detail=f"{type(exc).__name__}: {exc}")
        if meta.get("schema") != SCHEMA_VERSION:
            return Inspection("old", generation, detail=f"schema {meta.get('schema')}")
        state = "current" if meta.get("corpus") == corpus_stamp(self.stamps(corpus)) else "outdated"
        return Inspection(state, generation, stamps)

    def _read_stamps(self, folder: Path) -> tuple[dict[str, Any], dict[str, str]]:
        from whoosh import index

        ix = index.open_dir(str(folder))
        with ix.searcher() as searcher:
            documents = meta_documents(searcher)
        if INDEX_KEY not in documents:
            raise ValueError("no stamp in the index")
        meta = json.loads(documents[INDEX_KEY]["meta"])
        stamps = {
            fields["doc"]: json.loads(fields["meta"])["stamp"]
            for key, fields in documents.items()
            if key.startswith(DOC_KEY)
        }
        return meta, stamps

    def _generations(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return [p for p in self.root.iterdir() if p.is_dir() and p.name.startswith("g")]

    # --- opening for search ----------------------------------------------------------
    def open(self) -> tuple[Any, sqlite3.Connection]:
        """The current generation's whoosh index and postings (no lock needed: commits
        are atomic)."""
        from whoosh import index

        generation = self.current_generation()
        if generation is None:
            raise SearchError("the search index has not been built")
        folder = self.root / generation
        ix = index.open_dir(str(folder))
        if not (folder / POSTINGS_FILE).is_file():
            raise SearchError("the search index is missing its postings; rebuild it")
        return ix, sqlite3.connect(str(folder / POSTINGS_FILE), timeout=BUSY_WAIT, check_same_thread=False)

    # --- writing ---------------------------------------------------------------------
    @contextlib.contextmanager
    def locked(self, wait: float | None = None) -> Iterator[None]:
        """Hold the build lock; wait up to `wait` (BUSY_WAIT) seconds, then IndexBusyError."""
        lock = FileLock(self.root / LOCK_FILE, timeout=BUSY_WAIT if wait is None else wait, poll=0.05)
        try:
            lock.acquire()
        except LockTimeout:
            raise IndexBusyError(
                "the search index is being updated by another Compact Reader window or "
                "command; try again when it has finished"
            ) from None
        try:
            yield
        finally:
            lock.release()

    def build(
        self,
        corpus: Corpus,
        objectives: list[Objective],
        progress: Progress | None = None,
        meanwhile: Callable[[list[list[str]]], None] | None = None,
    ) -> None:
        """Write a complete new generation and make it current. Caller holds the lock.
        `meanwhile(folded)` is called with each document's folded block texts, in corpus
        order, while the postings' second process works (the caller's own preparations)."""
        configure_jieba(self.jieba_cache)
        self._remove_partial_generations()
        generation = f"g{time.time_ns():x}-{os.getpid()}"
        folder = self.root / generation
        folder.mkdir(parents=True)
        (folder / WRITING_MARK).write_text(str(os.getpid()), encoding="utf-8")
        db = sqlite3.connect(str(folder / POSTINGS_FILE))
        prepare_for_build(db)
        db.execute(
            "CREATE TABLE grams (gram TEXT, doc TEXT, blocks BLOB, PRIMARY KEY (gram, doc)) WITHOUT ROWID"
        )
        documents = list(corpus)
        try:
            # The postings' second process needs neither whoosh nor the segmenter: it
            # starts as soon as the texts are folded, before they are loaded here.
            folded = _folded(documents)
            postings = PostingsWriter(
                db, [(doc.id, texts) for doc, texts in zip(documents, folded, strict=True)]
            )
            try:
                if meanwhile:
                    meanwhile(folded)
                from whoosh import index

                from .bulk import BulkWriter

                writer = _writer(index.create_in(str(folder), make_schema()))
                try:
                    # A new segment: written in bulk (bulk.py), the same files for a fraction of the work
                    self._write(
                        writer,
                        BulkWriter(writer),
                        db,
                        postings,
                        corpus,
                        documents,
                        folded,
                        [],
                        Lexicon({}, 0),
                        progress,
                        unpublished=True,
                    )
                except BaseException:
                    if not writer.is_closed:  # whoosh's half may have committed already
                        writer.cancel()
                    raise
            finally:
                postings.cancel()
        finally:
            db.close()
        (folder / WRITING_MARK).unlink()
        atomic_write_text(
            self.root / CURRENT_FILE, json.dumps({"generation": generation, "schema": SCHEMA_VERSION})
        )
        self._remove_generations(keep=generation)

    def update(
        self,
        corpus: Corpus,
        objectives: list[Objective],
        inspection: Inspection,
        progress: Progress | None = None,
    ) -> str:
        """Re-index only the documents added, changed or removed. Caller holds the lock."""
        from whoosh import index

        configure_jieba(self.jieba_cache)
        self._remove_partial_generations()
        stamps = self.stamps(corpus)
        old = inspection.stamps
        added = [d for d in corpus if d.id not in old]
        changed = [d for d in corpus if d.id in old and old[d.id] != stamps[d.id]]
        removed = [doc_id for doc_id in old if doc_id not in stamps]
        folder = self.root / inspection.generation
        ix = index.open_dir(str(folder))
        with ix.searcher() as searcher:
            lexicon = read_lexicon(searcher)
        (folder / WRITING_MARK).write_text(str(os.getpid()), encoding="utf-8")
        db = sqlite3.connect(str(folder / POSTINGS_FILE), timeout=BUSY_WAIT)
        documents = added + changed
        folded = _folded(documents)
        postings = PostingsWriter(db, [])  # the table has rows: they are written here
        writer = _writer(ix)
        try:
            for doc_id in [d.id for d in changed] + removed:
                writer.delete_by_term("doc", doc_id)
            target = _update_target(writer)
            self._write(
                writer, target, db, postings, corpus, documents, folded, removed, lexicon, progress, old
            )
        except BaseException:
            writer.cancel()
            raise
        finally:
            db.close()
        (folder / WRITING_MARK).unlink()
        return Notice(
            "index-updated",
            "search index updated: {added} added, {changed} changed, {removed} removed",
            added=len(added),
            changed=len(changed),
            removed=len(removed),
        )

    def _write(
        self,
        writer: Any,
        target: Any,
        db: sqlite3.Connection,
        postings: PostingsWriter,
        corpus: Corpus,
        documents: list[Document],
        folded: list[list[str]],
        removed: list[str],
        lexicon: Lexicon,
        progress: Progress | None,
        previous: dict[str, str] | None = None,
        *,
        unpublished: bool = False,
    ) -> None:
        """Add `documents` (their postings replace any they had), drop `removed`, write
        fresh stamps, then commit. `target` receives the documents: the whoosh writer or
        a BulkWriter on it; `postings` their rows. `folded`: the documents' folded block
        texts. `previous`: the stamps of the documents the index holds. `unpublished`: a
        new generation, which nobody reads before current.json names it."""
        previous = previous or {}
        stamps = self.stamps(corpus)
        # Only documents the index holds have rows (an update interrupted after writing
        # rows leaves the generation marked, and it is rebuilt): one pass over the table,
        # which is ordered by term, for all of them.
        replaced = [d.id for d in documents if d.id in previous] + removed
        if replaced:
            marks = ",".join("?" * len(replaced))
            db.execute(f"DELETE FROM grams WHERE doc IN ({marks})", replaced)
        total = sum(len(d.blocks) for d in documents)
        commit_share = max(1, total // 2)
        done = 0
        if progress:
            progress(0, total + commit_share)
        new_words: set[str] = set()
        with collector_paused():
            for doc, texts in zip(documents, folded, strict=True):
                new_words.update(_add_document(target, doc, texts, stamps[doc.id]))
                postings.add(doc.id, texts)
                done += len(doc.blocks)
                if progress:
                    progress(done, total + commit_share)
            self._finish(
                writer, target, db, postings, lexicon, new_words, stamps, bool(documents), unpublished
            )
        if progress:
            progress(total + commit_share, total + commit_share)

    def _finish(
        self,
        writer: Any,
        target: Any,
        db: sqlite3.Connection,
        postings: PostingsWriter,
        lexicon: Lexicon,
        new_words: set[str],
        stamps: dict[str, str],
        added: bool,
        unpublished: bool,
    ) -> None:
        """The lexicon and the stamps into the index; wait for the postings; commit."""
        counts = dict(lexicon.counts)
        total_count = lexicon.total
        if added:
            dictionary = WordCounts(words_file(self.jieba_cache))
            new_words.difference_update(counts)
            known = dictionary.counts(new_words)
            counts.update((word, known.get(word, 0)) for word in new_words)
            total_count = dictionary.total
        target.update_document(
            key=LEXICON_KEY,
            meta_key=LEXICON_KEY,
            kind=META_KIND,
            meta=json.dumps({"total": total_count, "counts": serialize_counts(counts)}, ensure_ascii=False),
        )
        target.update_document(
            key=INDEX_KEY,
            meta_key=INDEX_KEY,
            kind=META_KIND,
            meta=json.dumps({"schema": SCHEMA_VERSION, "corpus": corpus_stamp(stamps)}),
        )
        if unpublished:  # whoosh's half commits while the postings' process may still be writing
            writer.commit()
        try:
            postings.finish()
        except RuntimeError as exc:  # the second process failed: the build did not happen
            raise SearchError(f"{exc}; try again, or rebuild the index") from exc
        self._commit(None if unpublished else writer, db)

    def _remove_partial_generations(self) -> None:
        """Folders of builds that were killed half-way (still marked as being written; we
        hold the lock, so none is live). The current generation is recovered, not removed."""
        try:
            current = self.current_generation()
        except ValueError:
            current = None
        for folder in self._generations():
            if folder.name != current and (folder / WRITING_MARK).exists():
                shutil.rmtree(folder, ignore_errors=True)

    def _commit(self, writer: Any | None, db: sqlite3.Connection) -> None:
        """Publish an update: the postings first, then whoosh's table of contents, which
        carries the stamps (a seam for the crash tests). `writer`: None when whoosh's half
        is already committed (a new generation, which current.json publishes afterwards)."""
        db.commit()
        if writer is not None:
            writer.commit()

    def _remove_generations(self, keep: str) -> None:
        # A reader in another process may still use an old generation; it notices
        # the files going and reopens (see SearchService), so they can go at once.
        for folder in self._generations():
            if folder.name != keep:
                shutil.rmtree(folder, ignore_errors=True)


def _writer(ix: Any) -> Any:
    """A whoosh writer whose postings blocks are not compressed: zlib on blocks of a
    few hundred bytes costs more than it saves (×50: the commit 1.8 → 1.1 s, a query's
    first run p95 23 → 16 ms, for 26 MB of postings instead of 6 MB). Blocks record
    their compression, so indexes written either way read alike."""
    from whoosh.codec.whoosh3 import W3Codec

    return ix.writer(limitmb=256, codec=W3Codec(compression=0))


def _update_target(writer: Any) -> Any:
    """Where an update's documents go: a BulkWriter, and no merge (the big segment of the
    build is never rewritten), while the index has few segments (one more per update);
    past that, whoosh's writer, folding all but the largest segment into the new one
    (slower, once every MAX_SEGMENTS updates)."""
    from .bulk import BulkWriter

    if len(writer.segments) >= MAX_SEGMENTS:
        writer.mergetype = _merge_all_but_largest
        return writer
    writer.merge = False
    return BulkWriter(writer)


def _merge_all_but_largest(writer: Any, segments: list[Any]) -> list[Any]:
    """A whoosh merge policy: the smaller segments' documents join the one being written."""
    from whoosh.reading import SegmentReader

    largest = max(segments, key=lambda segment: segment.doc_count_all())
    for segment in segments:
        if segment is not largest:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)
            reader.close()
    return [largest]


def meta_documents(searcher: Any) -> dict[str, dict[str, Any]]:
    """The stored fields of the index's meta documents by their keys."""
    return {fields.get("key", ""): fields for fields in searcher.documents(kind=META_KIND)}


def read_lexicon(searcher: Any) -> Lexicon:
    """The query segmenter's lexicon, as stored with the index."""
    stored = searcher.document(meta_key=LEXICON_KEY)
    if stored is None:
        return Lexicon({}, 0)
    data = json.loads(stored["meta"])
    return Lexicon(parse_counts(data["counts"]), data["total"])


class _OldSchema(ValueError):
    pass


def _folded(documents: list[Document]) -> list[list[str]]:
    """Each document's block texts folded, for both stores."""
    return [[fold(block.text) for block in doc.blocks] for doc in documents]


def _add_document(writer: Any, doc: Document, folded: list[str], stamp: str) -> set[str]:
    """Add the document's blocks and its stamp; return its Chinese words (for the lexicon)."""
    chinese: set[str] = set()
    for block, text in zip(doc.blocks, folded, strict=True):
        # The words are segmented once and handed to whoosh as a list, which it indexes
        # as they are: the same tokens WordAnalyzer makes of the text, without a second
        # folding and segmentation.
        words = index_words(text)
        writer.add_document(key=block_key(doc.id, block.anchor), doc=doc.id, words=words)
        chinese.update(words)
    # Added, not updated: an update has already deleted a changed document's old stamp
    # with its blocks (by `doc`), and a new one has none; finding it again would open a
    # searcher over every segment for each document.
    writer.add_document(
        key=DOC_KEY + doc.id,
        meta_key=DOC_KEY + doc.id,
        doc=doc.id,
        kind=META_KIND,
        meta=json.dumps({"stamp": stamp}),
    )
    return {word for word in chinese if is_cjk(word[0])}


def _check_postings(path: Path) -> None:
    """ValueError when the file is shorter than its own header says (a truncated copy)."""
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except FileNotFoundError:
        header = b""
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise ValueError("the postings are missing or not a database")
    page_size = int.from_bytes(header[16:18], "big") or 65536
    pages = int.from_bytes(header[28:32], "big")
    if path.stat().st_size < page_size * pages:
        raise ValueError("the postings are truncated")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:  # a cheap look at the table: an overwritten file fails here
        db.execute("SELECT count(*) FROM (SELECT 1 FROM grams LIMIT 100)").fetchone()
    finally:
        db.close()
