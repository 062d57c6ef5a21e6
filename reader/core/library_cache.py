"""The parsed library, cached: a start does not re-parse the bundled and imported documents.

`load_library(paths)` returns the corpus and its objective tree. The first call parses and
builds them (`load_corpus`, `build_objectives`) and saves the result in the user's cache
folder; later calls read it back, which is many times faster. When something changed, each
document that did not change is still read back from its own cache file, so importing a
document parses only that one. `load_search_table(library,
paths)` does the same for the search engine's folded copy of every block (`BlockTable`),
kept in a second file under the same key, read only by the commands that search.

The saved copy is used only when its key matches, and the key changes whenever the result
could differ:

* the code: a hash of every source file of `reader.core` (a new field on a dataclass, a parser
  fix), plus the Python version and this module's format number;
* the documents: the manifest's and the import sidecars' bytes, and the name, size and
  modification time of every file in the corpus folder and the imports folder (a cheap
  `stat`, never a parse).

The cache is never trusted blindly: it is read with an unpickler that can only build the core's
own value types, its contents are type-checked, and any failure to read it (missing, truncated,
from another version, tampered with) just means parsing again and replacing it. It is written
atomically, so a killed process leaves the old copy or the new one.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..paths import CORPUS_DIR, AppPaths
from . import model
from .corpus import Corpus, imported_infos, load_corpus, load_document, read_manifest
from .model import Document, DocumentInfo, Objective

if TYPE_CHECKING:
    from .search.table import BlockTable

log = logging.getLogger(__name__)

CACHE_FORMAT = 1
CORE_DIR = Path(__file__).resolve().parent
MANIFEST = "manifest.toml"
SIDECAR_SUFFIX = ".toml"


@dataclass(frozen=True)
class Library:
    corpus: Corpus
    objectives: list[Objective]
    from_cache: bool = False
    key: str = ""  # what the cache files are valid for (empty: nothing cached)


def load_library(paths: AppPaths | None, corpus_dir: Path = CORPUS_DIR) -> Library:
    """The corpus (bundled documents and, given `paths`, the user's imports) and its objectives.

    Raises `CorpusError` as `load_corpus` does (a broken bundled document); nothing is cached then.
    """
    from .objectives import build_objectives  # imported only when something has to be built

    file = cache_file(paths, corpus_dir) if paths is not None else None
    key = library_key(paths, corpus_dir)
    if file is not None:
        cached = _read(file, key)
        if cached is not None:
            return cached
    if file is None:
        corpus = load_corpus(corpus_dir)
    else:
        documents = _DocumentCache(file.with_suffix(".docs"), _symbols_digest(paths, corpus_dir))
        corpus = load_corpus(corpus_dir, paths=paths, loader=documents)
        documents.forget_unused()
    library = Library(corpus, build_objectives(corpus), key=key if file is not None else "")
    if file is not None:
        _write(file, key, library)
    return library


class _DocumentCache:
    """`load_corpus`'s document loader, with one cache file per document: when the library
    changes (an import added or removed), only the documents that changed are parsed again."""

    def __init__(self, folder: Path, symbols_digest: str) -> None:
        self.folder = folder
        self.symbols_digest = symbols_digest
        self.used: set[str] = set()

    def __call__(self, info: DocumentInfo, resolve) -> Document:
        where = hashlib.sha256(f"{info.id}|{info.source}".encode()).hexdigest()[:16]
        file = self.folder / f"{where}.pickle"
        self.used.add(file.name)
        key = self._key(info)
        try:
            stored_key, document = _CoreOnlyUnpickler(io.BytesIO(file.read_bytes())).load()
            if stored_key == key and isinstance(document, Document) and document.info == info:
                return document
        except FileNotFoundError:
            pass
        except Exception as exc:  # damaged: parse again
            log.info("the document cache %s is unusable (%s): parsing again", file, exc)
        document = load_document(info, resolve)
        _save(file, (key, document))
        return document

    def _key(self, info: DocumentInfo) -> str:
        """The code, the library's symbols (a document's links to others depend on them), the
        document's description and its file's size, times and inode."""
        try:
            st = os.stat(info.source)
            state = f"{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}|{st.st_ino}"
        except OSError as exc:
            state = f"error {exc.errno}"
        text = f"{code_version()}|{self.symbols_digest}|{info!r}|{state}"
        return hashlib.sha256(text.encode()).hexdigest()

    def forget_unused(self) -> None:
        """Remove the files of documents no longer in the library (a removed import)."""
        with contextlib.suppress(OSError):
            for path in self.folder.glob("*.pickle"):
                if path.name not in self.used:
                    path.unlink(missing_ok=True)


def _symbols_digest(paths: AppPaths, corpus_dir: Path) -> str:
    """Every document's id and symbols: what decides which mentions link to which document."""
    infos = read_manifest(corpus_dir) + imported_infos(paths)
    table = sorted(
        (info.id, info.symbol, tuple(info.cited_as)) for info in infos if info.symbol or info.cited_as
    )  # a document without symbols changes no link
    return hashlib.sha256(repr(table).encode()).hexdigest()


def load_search_table(library: Library, paths: AppPaths | None, corpus_dir: Path = CORPUS_DIR) -> BlockTable:
    """The search engine's table of the library's blocks: from the cache when it was made for
    this library, else built (and saved)."""
    from .search.table import BlockTable

    if paths is None or not library.key:
        return BlockTable.build(library.corpus, library.objectives)
    file = cache_file(paths, corpus_dir).with_suffix(".search.pickle")
    try:
        stored_key, texts, context, numbers = _CoreOnlyUnpickler(io.BytesIO(file.read_bytes())).load()
        if stored_key == library.key:
            return _table_from(library.corpus, texts, context, numbers)
    except FileNotFoundError:
        pass
    except Exception as exc:  # damaged, or made by other code: build it again
        log.info("the search table cache %s is unusable (%s): building it again", file, exc)
    table = BlockTable.build(library.corpus, library.objectives)
    _save(file, (library.key, table.texts, table.context, table.objectives))
    return table


def _table_from(corpus: Corpus, texts, context, numbers) -> BlockTable:
    """A BlockTable from the cached folded texts and the corpus's own blocks."""
    from .search.index import block_key
    from .search.table import BlockTable

    doc_ids = [doc.id for doc in corpus for _ in doc.blocks]
    blocks = [block for doc in corpus for block in doc.blocks]
    columns = (texts, context, numbers)
    if not all(isinstance(c, list) and len(c) == len(blocks) for c in columns):
        raise TypeError("the table does not match the library")
    if not all(isinstance(t, str) for t in (*texts, *context)):
        raise TypeError("texts")
    if not all(isinstance(n, tuple) and all(type(x) is int for x in n) for n in numbers):
        raise TypeError("objective numbers")
    positions = {block_key(d, b.anchor): i for i, (d, b) in enumerate(zip(doc_ids, blocks, strict=True))}
    return BlockTable(doc_ids, blocks, texts, context, numbers, positions)


def cache_file(paths: AppPaths, corpus_dir: Path = CORPUS_DIR) -> Path:
    """One file per (corpus folder, imports folder): a cache folder shared by several data
    folders keeps one copy for each instead of overwriting the other's."""
    where = f"{Path(corpus_dir).resolve()}\0{paths.imported_dir}".encode()
    return paths.cache / f"library-{hashlib.sha256(where).hexdigest()[:12]}.pickle"


def library_key(paths: AppPaths | None, corpus_dir: Path = CORPUS_DIR) -> str:
    digest = hashlib.sha256(code_version().encode())
    digest.update(_folder_state(Path(corpus_dir), content_of=lambda name: name == MANIFEST))
    if paths is not None:
        digest.update(b"\1imports\1")
        digest.update(_folder_state(paths.imported_dir, content_of=lambda n: n.endswith(SIDECAR_SUFFIX)))
    return digest.hexdigest()


@cache
def code_version() -> str:
    """Changes with any source file of the core, the Python version or the cache format."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version_info[:2]}|{pickle.DEFAULT_PROTOCOL}".encode())
    for path in sorted(CORE_DIR.rglob("*.py")):
        digest.update(path.relative_to(CORE_DIR).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _folder_state(folder: Path, content_of) -> bytes:
    """Name, size, times and inode of every entry; the full bytes of the small metadata files."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return b"absent"
    parts = [str(folder).encode()]
    for entry in entries:
        try:
            st = entry.stat()
            parts.append(
                f"{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}".encode()
            )
            if content_of(entry.name) and entry.is_file():
                parts.append(hashlib.sha256(Path(entry.path).read_bytes()).digest())
        except OSError as exc:  # vanished or unreadable: part of the state, parsed (and reported) anew
            parts.append(f"{entry.name}\0error {exc.errno}".encode())
    return b"\1".join(parts)


# --- reading and writing -----------------------------------------------------------------------
class _CoreOnlyUnpickler(pickle.Unpickler):
    """Builds nothing but the core's value types (and the built-in containers pickle encodes
    by itself): a tampered file cannot make it call anything else."""

    def find_class(self, module: str, name: str):
        value = getattr(model, name, None) if module == model.__name__ else None
        if isinstance(value, type) and value.__module__ == model.__name__:
            return value
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the library cache")


def _read(file: Path, key: str) -> Library | None:
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.info("cannot read the library cache %s (%s): parsing again", file, exc)
        return None
    try:
        stored_key, documents, problems, objectives = _CoreOnlyUnpickler(io.BytesIO(data)).load()
        if stored_key != key:
            return None
        _check(documents, problems, objectives)
    except Exception as exc:  # any damage at all means: parse again (the cache is disposable)
        log.info("the library cache %s is unusable (%s): parsing again", file, exc)
        return None
    return Library(Corpus(list(documents), list(problems)), list(objectives), from_cache=True, key=key)


def _check(documents, problems, objectives) -> None:
    if not (isinstance(documents, tuple) and all(isinstance(d, Document) for d in documents)):
        raise TypeError("documents")
    if not (isinstance(problems, list) and all(isinstance(p, str) for p in problems)):
        raise TypeError("problems")
    if not (isinstance(objectives, list) and all(isinstance(o, Objective) for o in objectives)):
        raise TypeError("objectives")


def _write(file: Path, key: str, library: Library) -> None:
    _save(
        file, (key, tuple(library.corpus.documents), list(library.corpus.problems), list(library.objectives))
    )


def _save(file: Path, payload: tuple) -> None:
    """Write atomically (a temporary file renamed over the old one) but without fsync: a cache
    lost in a power cut is only rebuilt, and syncing every start's files would cost more."""
    tmp = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.DEFAULT_PROTOCOL)
        os.replace(tmp, file)
    except Exception as exc:  # a cache that cannot be written only costs time next start
        log.info("cannot write the cache file %s: %s", file, exc)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
