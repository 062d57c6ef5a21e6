"""Version families built on DocumentInfo.revision_of."""

from __future__ import annotations

from dataclasses import replace

from reader.core.compare.versions import family_of, newest_version, previous_version, version_families
from reader.core.model import Document


def drafts(corpus, links: dict[str, tuple[str, str]]) -> list[Document]:
    """Copies of the Compact named by `links`: id → (revises, date)."""
    gcm = corpus.get("gcm")
    return [
        gcm,
        *(
            Document(
                info=replace(gcm.info, id=doc_id, title=doc_id, revision_of=parent, date=date, bundled=False),
                blocks=gcm.blocks,
            )
            for doc_id, (parent, date) in links.items()
        ),
    ]


def test_families_are_ordered_oldest_first(corpus):
    docs = drafts(
        corpus,
        {
            "rev2": ("rev1", "2018-03-01"),
            "rev1": ("zero", "2018-02-01"),
            "zero": ("", "2018-01-01"),
            "other": ("", ""),
        },
    )
    assert version_families(docs) == [["zero", "rev1", "rev2"]]
    assert family_of(docs, "rev1") == ["zero", "rev1", "rev2"]
    assert family_of(docs, "other") == ["other"]
    assert newest_version(docs, "zero") == "rev2" and newest_version(docs, "rev2") is None
    assert previous_version(docs, "rev1") == "zero" and previous_version(docs, "zero") is None


def test_unknown_parents_and_loops_start_their_own_family(corpus):
    docs = drafts(corpus, {"a": ("b", ""), "b": ("a", ""), "c": ("missing", ""), "d": ("c", "")})
    families = version_families(docs)
    assert ["c", "d"] in families
    assert all(len(set(f)) == len(f) for f in families)
    assert sum(f.count("a") for f in families) <= 1
