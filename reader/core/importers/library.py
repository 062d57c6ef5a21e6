"""Adding converted files to the library: one file, many files, or folders of them.

Each imported document is three files in the data folder's `documents/`: the text the
parser reads (`ID.txt`, or `ID.paragraphs.txt` for PDF and Word, whose paragraphs are
already whole), a copy of the original (`ID.source.pdf` …, so the library survives the
original being moved) and the sidecar `ID.toml` written last — a document exists only
once its sidecar does, so an import cut short leaves nothing half-made.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ...paths import CORPUS_DIR, AppPaths
from ..atomic import atomic_write_bytes, atomic_write_text
from ..corpus import (
    JOINED_SUFFIX,
    CorpusError,
    _first_line,
    _slug,
    _toml_string,
    imported_infos,
    parse_document,
    read_manifest,
)
from ..coverlines import is_metadata_line
from ..model import BlockKind, DocumentInfo
from ..notices import Notice
from . import SUFFIXES, convert
from .base import Converted
from .errors import ImportFailure

Progress = Callable[[int, int, str], None]  # (done, total, file name)


@dataclass
class ImportOutcome:
    """What happened to one file: "imported", "duplicate" or "failed"."""

    path: str
    status: str
    info: DocumentInfo | None = None
    reason: str = ""
    code: str = ""
    duplicate_of: str = ""
    blocks: int = 0
    converted: Converted | None = None
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        row: dict[str, Any] = {"file": self.path, "status": self.status}
        if self.info is not None:
            row.update(
                id=self.info.id,
                title=self.info.title,
                symbol=self.info.symbol,
                date=self.info.date,
                blocks=self.blocks,
                revision_of=self.info.revision_of,
            )
        if self.converted is not None:
            row.update(format=self.converted.format, repairs=self.converted.repairs.as_dict())
        if self.status == "duplicate":
            row["duplicate_of"] = self.duplicate_of
        if self.reason:
            row.update(reason=self.reason, code=self.code)
        row["warnings"] = list(self.warnings)
        return row


def _printable(name: str) -> str:
    """A file name fit for a message and a TOML file (undecodable bytes shown as �)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def expand_sources(sources: Iterable[Path]) -> tuple[list[Path], list[ImportOutcome]]:
    """Files to import: each file named, and every .txt/.md/.pdf/.docx under each folder
    (recursively, hidden ones skipped). Names that do not exist are failures."""
    files: list[Path] = []
    missing: list[ImportOutcome] = []
    for source in sources:
        source = Path(source)
        if source.is_dir():
            found = []
            for root, dirs, names in os.walk(source):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    Path(root) / n
                    for n in sorted(names)
                    if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES
                )
            files.extend(found)
            if not found:
                missing.append(
                    ImportOutcome(
                        _printable(str(source)),
                        "failed",
                        reason="no .txt, .md, .pdf or .docx file in this folder",
                        code="empty-folder",
                    )
                )
        elif source.exists() or source.is_symlink():
            files.append(source)
        else:
            missing.append(
                ImportOutcome(
                    _printable(str(source)), "failed", reason="no such file or folder", code="missing"
                )
            )
    return files, missing


def known_hashes(paths: AppPaths) -> dict[str, str]:
    """sha256 of each imported original → its document id (for duplicate detection)."""
    hashes = {}
    for _meta, entry in _sidecars(paths):
        if isinstance(entry.get("sha256"), str) and isinstance(entry.get("id"), str):
            hashes[entry["sha256"]] = entry["id"]
    return hashes


def _sidecars(paths: AppPaths) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Each readable sidecar of the imports, with its fields (unreadable ones are skipped)."""
    folder = paths.imported_dir
    for meta in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            yield meta, tomllib.loads(meta.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue


def import_one(
    source: Path,
    paths: AppPaths,
    *,
    title: str | None = None,
    revision_of: str = "",
    corpus_dir: Path = CORPUS_DIR,
    skip_duplicates: bool = True,
    hashes: dict[str, str] | None = None,
    taken: set[str] | None = None,
) -> ImportOutcome:
    """Convert, check and store one file. Never raises for a bad file: the outcome says why."""
    name = _printable(source.name or str(source))
    try:
        known = {i.id for i in read_manifest(corpus_dir)} | {i.id for i in imported_infos(paths)}
        if revision_of and revision_of not in known:
            raise ImportFailure(
                f"--revision-of {revision_of}: no such document in the library", "unknown-document"
            )
        converted, data = convert(source)
        digest = hashlib.sha256(data).hexdigest()
        hashes = known_hashes(paths) if hashes is None else hashes
        if skip_duplicates and digest in hashes:
            return ImportOutcome(
                name,
                "duplicate",
                duplicate_of=hashes[digest],
                reason=f"{name} is already in the library as {hashes[digest]}",
                code="duplicate",
            )
        taken = known | (taken or set())
        info, blocks = _describe(source, converted, paths, taken, title, revision_of)
        _store(info, converted, data, name, digest, paths)
    except ImportFailure as exc:
        return ImportOutcome(name, "failed", reason=str(exc), code=exc.reason)
    hashes[digest] = info.id
    return ImportOutcome(
        name, "imported", info=info, blocks=blocks, converted=converted, warnings=list(converted.warnings)
    )


def _describe(
    source: Path, converted: Converted, paths: AppPaths, taken: set[str], title: str | None, revision_of: str
) -> tuple[DocumentInfo, int]:
    name = _printable(source.name)
    given_title = bool(title or converted.title)
    title = (title or converted.title or _first_line(converted.text) or _printable(source.stem)).strip()
    doc_id = _slug(_printable(source.stem), taken)
    stored = f"{doc_id}{JOINED_SUFFIX}" if converted.format in ("pdf", "docx") else f"{doc_id}.txt"
    info = DocumentInfo(
        id=doc_id,
        title=title,
        short_title=title[:20],
        kind="imported",
        date=converted.date,
        language="zh-Hans",
        symbol=converted.symbol,
        source=str(paths.imported_dir / stored),
        main_part="body",
        bundled=False,
        revision_of=revision_of,
    )
    try:
        document = parse_document(info, converted.text)  # must parse before we keep it
        cover_title = "" if given_title else _title_after_cover(document.blocks)
        if not given_title and not cover_title and is_metadata_line(info.title):
            cover_title = _printable(source.stem)  # the first line is the symbol: no title at all
        if cover_title and cover_title != info.title:
            # only the blocks' count and content are used here, which the title does not change
            info = replace(info, title=cover_title, short_title=cover_title[:20])
    except RecursionError as exc:
        raise ImportFailure(f"{name} is too deeply nested to read", "corrupt") from exc
    content = [b for b in document.blocks if b.kind is not BlockKind.FOOTNOTE and b.text.strip()]
    if not content:
        raise ImportFailure(f"{name} contains no text to read", "empty")
    return info, len(document.blocks)


def _title_after_cover(blocks) -> str:
    """A text file's title: its first heading that is not a cover field. A web copy opens with
    主题:难民和移民, a UN document with its session, agenda item and the item's title."""
    for block in blocks:
        if block.kind is BlockKind.HEADING and not block.role and not block.label and block.text.strip():
            return block.text.strip()[:80]
        if block.kind is not BlockKind.HEADING:
            return ""
    return ""


def _store(
    info: DocumentInfo, converted: Converted, data: bytes, name: str, digest: str, paths: AppPaths
) -> None:
    folder = paths.imported_dir
    suffix = {"pdf": ".pdf", "docx": ".docx"}.get(converted.format, Path(name).suffix.lower() or ".txt")
    copy = folder / f"{info.id}.source{suffix}"
    fields = {
        "id": info.id,
        "file": Path(info.source).name,
        "title": info.title,
        "short_title": info.short_title,
        "kind": info.kind,
        "language": info.language,
        "date": info.date,
        "symbol": info.symbol,
        "revision_of": info.revision_of,
        "original_name": name,
        "format": converted.format,
        "source_copy": copy.name,
        "sha256": digest,
        "imported": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    sidecar = _sidecar_text(fields)
    written: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, write in (
            (Path(info.source), lambda p: atomic_write_text(p, converted.text)),
            (copy, lambda p: atomic_write_bytes(p, data)),
            (folder / f"{info.id}.toml", lambda p: atomic_write_text(p, sidecar)),
        ):
            write(path)
            written.append(path)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise ImportFailure(
            f"cannot save {name} in the library ({reason}); nothing was added", "write-failed"
        ) from exc


def import_files(
    sources: Iterable[Path],
    paths: AppPaths,
    *,
    title: str | None = None,
    revision_of: str = "",
    corpus_dir: Path = CORPUS_DIR,
    progress: Progress | None = None,
) -> list[ImportOutcome]:
    """Import files and folders; a duplicate (same bytes as an imported original, or as an
    earlier file of this batch) is skipped; a failure never stops the batch."""
    files, outcomes = expand_sources(sources)
    hashes = known_hashes(paths)
    taken: set[str] = set()
    for done, path in enumerate(files):
        if progress is not None:
            progress(done, len(files), _printable(path.name))
        outcome = import_one(
            path,
            paths,
            title=title,
            revision_of=revision_of,
            corpus_dir=corpus_dir,
            hashes=hashes,
            taken=taken,
        )
        outcome.path = _printable(str(path))
        if outcome.info is not None:
            taken.add(outcome.info.id)
        outcomes.append(outcome)
    if progress is not None:
        progress(len(files), len(files), "")
    return outcomes


def summary(outcomes: list[ImportOutcome]) -> dict[str, int]:
    counts = {"imported": 0, "duplicate": 0, "failed": 0}
    for outcome in outcomes:
        counts[outcome.status] += 1
    return counts


# --- marking a revision after the import ------------------------------------------------------
def _sidecar_text(fields: dict[str, Any]) -> str:
    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        return str(v) if isinstance(v, int | float) else _toml_string(str(v))

    return "".join(f"{key} = {value(v)}\n" for key, v in fields.items())


def _sidecar_of(doc_id: str, paths: AppPaths) -> tuple[Path, dict[str, Any]]:
    """The sidecar whose id is `doc_id` (found by reading them: ids never make paths)."""
    for meta, entry in _sidecars(paths):
        if entry.get("id") == doc_id:
            return meta, entry
    raise CorpusError(
        Notice("revision-not-imported", "{doc}: no such imported document in the library", doc=doc_id)
    )


def set_revision_of(
    doc_id: str, revision_of: str, paths: AppPaths, corpus_dir: Path = CORPUS_DIR
) -> DocumentInfo:
    """Mark imported document `doc_id` as a revision of `revision_of` ("" = not a revision).

    Only its sidecar changes, rewritten atomically; a bundled document (read-only manifest),
    an unknown document, itself or a link that would make a loop is refused with CorpusError
    (its message a `Notice`, code revision-…, which the window translates).
    """
    bundled = {info.id: info for info in read_manifest(corpus_dir)}
    if doc_id in bundled:
        raise CorpusError(
            Notice(
                "revision-bundled",
                "{doc} is a bundled document: only imported documents can be marked as revisions",
                doc=doc_id,
            )
        )
    imported = {info.id: info for info in imported_infos(paths)}
    if doc_id not in imported:
        raise CorpusError(
            Notice("revision-not-imported", "{doc}: no such imported document in the library", doc=doc_id)
        )
    known = {**bundled, **imported}
    if revision_of == doc_id:
        raise CorpusError(Notice("revision-itself", "{doc} cannot be a revision of itself", doc=doc_id))
    if revision_of and revision_of not in known:
        raise CorpusError(
            Notice("revision-unknown", "{target}: no such document in the library", target=revision_of)
        )
    if revision_of and _would_loop(doc_id, revision_of, {i: info.revision_of for i, info in known.items()}):
        raise CorpusError(
            Notice(
                "revision-loop",
                "{doc} cannot be a revision of {target}: {target} is already a revision of {doc}",
                doc=doc_id,
                target=revision_of,
            )
        )
    sidecar, entry = _sidecar_of(doc_id, paths)
    entry["revision_of"] = revision_of
    try:
        atomic_write_text(sidecar, _sidecar_text(entry))
    except OSError as exc:
        raise CorpusError(
            Notice(
                "revision-write-failed",
                "cannot save {file} ({reason}); nothing changed",
                file=sidecar.name,
                reason=exc.strerror or str(exc),
            )
        ) from exc
    return replace(imported[doc_id], revision_of=revision_of)


def _would_loop(doc_id: str, revision_of: str, parents: dict[str, str]) -> bool:
    """Whether `revision_of` is `doc_id` or already descends from it."""
    seen, current = set(), revision_of
    while current and current not in seen:
        if current == doc_id:
            return True
        seen.add(current)
        current = parents.get(current, "")
    return False
