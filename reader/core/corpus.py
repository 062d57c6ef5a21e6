"""The corpus: bundled documents from corpus/manifest.toml plus the user's imports.

Bundled documents are read-only. Imported ones live in the user data folder
(`AppPaths.imported_dir`), one text file and one small TOML sidecar each.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from glob import escape as glob_escape
from pathlib import Path

from ..paths import CORPUS_DIR, AppPaths
from .model import Block, Document, DocumentInfo

MANIFEST_VERSION = 1
PARSER_VERSION = 1  # bump when parsing changes anchors or text: caches keyed on it go stale
IMPORT_SUFFIXES = (".txt", ".md", ".pdf", ".docx")
# The stored text of an imported PDF or Word file: paragraphs already whole, one per line
# (joined by layout), so the parser must not guess page-break cuts again.
JOINED_SUFFIX = ".paragraphs.txt"


class CorpusError(Exception):
    """A document or manifest could not be read; the message is fit for the user."""


class Corpus:
    """All documents, bundled first, in manifest order; then imports by title."""

    def __init__(self, documents: list[Document], problems: list[str] | None = None) -> None:
        self.documents = tuple(documents)
        self.problems = list(problems or [])
        self._by_id = {doc.id: doc for doc in documents}

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._by_id

    def get(self, doc_id: str) -> Document:
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise KeyError(f"no document with id {doc_id!r}") from None

    def resolve(self, doc_id: str, anchor: str) -> tuple[Document, Block]:
        doc = self.get(doc_id)
        return doc, doc.block(anchor)

    def fingerprint(self) -> str:
        """Changes whenever any document's text, metadata or the parser changes."""
        digest = hashlib.sha256(f"parser={PARSER_VERSION}".encode())
        for doc in self.documents:
            digest.update(document_fingerprint(doc).encode())
        return digest.hexdigest()[:16]


def document_fingerprint(doc: Document) -> str:
    digest = hashlib.sha256(f"{doc.id}|{doc.info.title}|{PARSER_VERSION}".encode())
    for block in doc.blocks:
        digest.update(f"{block.anchor}\x00{block.text}\x01".encode())
    return digest.hexdigest()[:16]


# --- reading ---------------------------------------------------------------------
def read_manifest(corpus_dir: Path = CORPUS_DIR) -> list[DocumentInfo]:
    path = corpus_dir / "manifest.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CorpusError(f"cannot read the corpus manifest {path}: {exc}") from exc
    version = data.get("manifest_version", 0)
    if version > MANIFEST_VERSION:
        raise CorpusError(
            f"{path} is manifest version {version}; this app reads up to "
            f"{MANIFEST_VERSION}: please update Compact Reader"
        )
    return [
        _info(
            entry,
            corpus_dir,
            kind="",
            cited_as=tuple(entry.get("cited_as", ())),
            main_part=entry.get("main_part", "body"),
            bundled=True,
        )
        for entry in data.get("document", [])
    ]


def _info(entry: dict, folder: Path, kind: str, **fields) -> DocumentInfo:
    """A manifest entry or an import's sidecar as a DocumentInfo (`fields`: what differs)."""
    return DocumentInfo(
        id=entry["id"],
        title=entry["title"],
        short_title=entry.get("short_title", entry["title"]),
        kind=entry.get("kind", kind),
        date=entry.get("date", ""),
        language=entry.get("language", "zh-Hans"),
        symbol=entry.get("symbol", ""),
        source=str(folder / entry["file"]),
        **fields,
    )


def decode_text(data: bytes, name: str = "the file") -> str:
    """Decode a document: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030.

    Refuses binary, empty and BOM-only input with a message a user can act on (the one
    decoder the importers use too).
    """
    from .importers.text import decode_text as detect_and_decode  # importers build on this module

    return detect_and_decode(data, name)


def _symbol_resolver(infos: list[DocumentInfo]):
    table: dict[str, str] = {}
    for info in infos:
        for symbol in (info.symbol, *info.cited_as):
            if symbol:
                table[_normal_symbol(symbol)] = info.id

    def resolve(symbol: str) -> str | None:
        return table.get(_normal_symbol(symbol))

    return resolve


def _normal_symbol(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).upper()


def parse_document(info: DocumentInfo, text: str, resolve=lambda s: None) -> Document:
    # Imported here: a library read from its cache (library_cache) needs no parser at all.
    from .citations import cite
    from .parser import parse_text

    blocks = parse_text(
        text,
        main_part=info.main_part,
        resolve_symbol=resolve,
        rejoin_cuts=not info.source.endswith(JOINED_SUFFIX),
    )
    by_anchor = {b.anchor: b for b in blocks}
    blocks = [replace(b, citation=cite(info, b, by_anchor)) for b in blocks]
    return Document(info=info, blocks=tuple(blocks))


def load_document(info: DocumentInfo, resolve=lambda s: None) -> Document:
    path = Path(info.source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return parse_document(info, decode_text(data, path.name), resolve)


def load_corpus(corpus_dir: Path = CORPUS_DIR, paths: AppPaths | None = None, loader=load_document) -> Corpus:
    """Load every bundled document and, given `paths`, the user's imports.

    A broken bundled document is an installation error and raises; a broken
    import is reported in `Corpus.problems` and skipped, so the rest still opens.
    `loader(info, resolve)` reads one document (library_cache passes one that caches).
    """
    infos = read_manifest(corpus_dir)
    problems: list[str] = []
    imported = imported_infos(paths, problems) if paths else []
    resolve = _symbol_resolver(infos + imported)
    documents = [loader(info, resolve) for info in infos]
    for info in imported:
        try:
            documents.append(loader(info, resolve))
        except CorpusError as exc:
            problems.append(str(exc))
    return Corpus(documents, problems)


# --- importing ---------------------------------------------------------------------
def imported_infos(paths: AppPaths, problems: list[str] | None = None) -> list[DocumentInfo]:
    folder = paths.imported_dir
    if not folder.is_dir():
        return []
    infos = []
    for meta in sorted(folder.glob("*.toml")):
        try:
            entry = tomllib.loads(meta.read_text(encoding="utf-8"))
            infos.append(
                _info(entry, folder, kind="imported", bundled=False, revision_of=entry.get("revision_of", ""))
            )
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError) as exc:
            if problems is not None:
                problems.append(f"skipped imported document {meta.name}: {exc}")
    return sorted(infos, key=lambda i: i.title)


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:32] or "doc"
    base = f"user-{base}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def import_document(
    source: Path,
    paths: AppPaths,
    title: str | None = None,
    corpus_dir: Path = CORPUS_DIR,
    revision_of: str = "",
) -> DocumentInfo:
    """Add a user's .txt, .md, .pdf or .docx file to the library (see `importers.library`).

    Everything is checked before anything is written, so a refused file changes nothing.
    """
    from .importers.library import import_one  # the importers build on this module

    outcome = import_one(
        Path(source),
        paths,
        title=title,
        corpus_dir=corpus_dir,
        revision_of=revision_of,
        skip_duplicates=False,
    )
    if outcome.info is None:
        raise CorpusError(outcome.reason)
    return outcome.info


def remove_imported(doc_id: str, paths: AppPaths) -> None:
    """Remove the sidecar first (the document disappears), then its text and source copy."""
    (paths.imported_dir / f"{doc_id}.toml").unlink(missing_ok=True)
    for path in paths.imported_dir.glob(f"{glob_escape(doc_id)}.*"):
        path.unlink(missing_ok=True)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:80]
    return ""


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if ord(c) >= 32 else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'
