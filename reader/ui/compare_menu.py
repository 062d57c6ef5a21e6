"""What the library shows of version families: drafts in order, and "Compare with…" entries."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from ..core.compare.versions import family_of, newest_version, previous_version
from ..core.corpus import Corpus
from ..core.model import Document


def family_order(corpus: Corpus, docs: Sequence[Document]) -> list[tuple[Document, int]]:
    """`docs` with each draft right after the one it revises, and its number in its family
    (0 for a document that has no other version)."""
    by_id = {d.id: d for d in docs}
    placed: set[str] = set()
    out: list[tuple[Document, int]] = []
    for doc in docs:
        if doc.id in placed:
            continue
        family = family_of(corpus, doc.id)
        members = [d for d in family if d in by_id and d not in placed] if len(family) > 1 else [doc.id]
        for member in members:
            placed.add(member)
            out.append((by_id[member], family.index(member) + 1 if len(family) > 1 else 0))
    return out


def add_compare_entries(
    menu: QMenu, corpus: Corpus, doc_id: str, request: Callable[[str, str], None]
) -> None:
    """ "Compare with the newest draft", "Compare with the previous draft", "Compare with…"."""
    menu.addSeparator()
    newest = newest_version(corpus, doc_id)
    if newest:
        menu.addAction(
            QCoreApplication.translate("LibraryDock", "Compare with the newest draft"),
            lambda: request(doc_id, newest),
        )
    previous = previous_version(corpus, doc_id)
    if previous:
        menu.addAction(
            QCoreApplication.translate("LibraryDock", "Compare with the previous draft"),
            lambda: request(previous, doc_id),
        )
    others = menu.addMenu(QCoreApplication.translate("LibraryDock", "Compare with…"))
    for doc in corpus:
        if doc.id != doc_id:
            others.addAction(f"《{doc.info.short_title}》", lambda other=doc.id: request(doc_id, other))
