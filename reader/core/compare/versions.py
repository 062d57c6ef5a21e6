"""Version families: drafts linked by `DocumentInfo.revision_of`, oldest first.

A document marked as a revision of another (``reader import FILE --revision-of ID``) joins
that document's family. A family is ordered by generation (each revision after what it
revises; revisions of the same draft by date, then title, then id), so the last member is
the newest draft. A link to a document that is not in the library, or one that would make
a loop, is ignored: the document then starts its own family.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..model import Document, DocumentInfo


def _parents(infos: Iterable[DocumentInfo]) -> dict[str, str]:
    infos = list(infos)
    known = {info.id for info in infos}
    parents = {
        info.id: info.revision_of
        for info in infos
        if info.revision_of and info.revision_of in known and info.revision_of != info.id
    }
    for start in list(parents):  # cut loops: a → b → a
        seen, current = {start}, parents.get(start)
        while current is not None:
            if current in seen:
                parents.pop(start, None)
                break
            seen.add(current)
            current = parents.get(current)
    return parents


def version_families(documents: Iterable[Document]) -> list[list[str]]:
    """Families of two or more drafts, each as ids oldest → newest; in library order of their
    first draft."""
    docs = list(documents)
    infos = {d.id: d.info for d in docs}
    parents = _parents(infos.values())
    children: dict[str, list[str]] = defaultdict(list)
    for child, parent in parents.items():
        children[parent].append(child)
    families = []
    for doc in docs:
        if doc.id in parents or doc.id not in children:
            continue
        order, generation = [], [doc.id]
        while generation:
            order += generation
            generation = sorted(
                (c for p in generation for c in children.get(p, ())),
                key=lambda c: (infos[c].date, infos[c].title, c),
            )
        families.append(order)
    return families


def family_of(documents: Iterable[Document], doc_id: str) -> list[str]:
    """The family `doc_id` belongs to, oldest first ([doc_id] alone if it has none)."""
    for family in version_families(documents):
        if doc_id in family:
            return family
    return [doc_id]


def newest_version(documents: Iterable[Document], doc_id: str) -> str | None:
    """The newest draft of `doc_id`'s family, if that is another document."""
    newest = family_of(documents, doc_id)[-1]
    return newest if newest != doc_id else None


def previous_version(documents: Iterable[Document], doc_id: str) -> str | None:
    """The draft `doc_id` revises, if it is in the library."""
    return _parents(d.info for d in documents).get(doc_id)
