"""Marking an imported document as a revision of another after the import (the window's menu)."""

from __future__ import annotations

import tomllib

import pytest

from reader.core.compare.versions import version_families
from reader.core.corpus import CorpusError, imported_infos, load_corpus
from reader.core.importers.library import import_files, known_hashes, set_revision_of


@pytest.fixture
def drafts(isolated_data, tmp_path, corpus) -> list[str]:
    """Two drafts of a paragraph of the Compact, imported without any revision link."""
    text = corpus.get("gcm").block("9").text
    files = []
    for name, body in (("zero.txt", text), ("rev1.txt", text.replace("共同责任", "共同但有区别的责任"))):
        (tmp_path / name).write_text(f"草案\n\n{body}\n", encoding="utf-8")
        files.append(tmp_path / name)
    outcomes = import_files(files, isolated_data)
    assert [o.status for o in outcomes] == ["imported", "imported"]
    return [o.info.id for o in outcomes]


def revisions(paths) -> dict[str, str]:
    return {info.id: info.revision_of for info in imported_infos(paths)}


def test_marking_and_unmarking_a_revision_updates_the_families(isolated_data, drafts):
    zero, rev1 = drafts
    hashes = known_hashes(isolated_data)
    assert set_revision_of(rev1, zero, isolated_data).revision_of == zero
    assert revisions(isolated_data) == {zero: "", rev1: zero}
    assert [zero, rev1] in version_families(load_corpus(paths=isolated_data))
    assert known_hashes(isolated_data) == hashes  # the rest of the sidecar is kept
    sidecar = tomllib.loads((isolated_data.imported_dir / f"{rev1}.toml").read_text(encoding="utf-8"))
    assert sidecar["revision_of"] == zero and sidecar["id"] == rev1
    set_revision_of(rev1, "", isolated_data)
    assert revisions(isolated_data) == {zero: "", rev1: ""}
    assert version_families(load_corpus(paths=isolated_data)) == []


def test_an_imported_draft_can_revise_a_bundled_document(isolated_data, drafts):
    set_revision_of(drafts[0], "gcm", isolated_data)
    assert ["gcm", drafts[0]] in version_families(load_corpus(paths=isolated_data))


@pytest.mark.parametrize("case", ["bundled", "unknown-target", "unknown-doc", "itself", "loop"])
def test_refusals_change_nothing(isolated_data, drafts, case):
    zero, rev1 = drafts
    set_revision_of(rev1, zero, isolated_data)
    before = {p.name: p.read_bytes() for p in isolated_data.imported_dir.iterdir()}
    doc, target, message = {
        "bundled": ("gcm", zero, "bundled"),
        "unknown-target": (zero, "no-such-doc", "no such document"),
        "unknown-doc": ("no-such-doc", zero, "no such imported document"),
        "itself": (zero, zero, "itself"),
        "loop": (zero, rev1, "already a revision"),
    }[case]
    with pytest.raises(CorpusError, match=message) as refused:
        set_revision_of(doc, target, isolated_data)
    assert refused.value.args[0].code == f"revision-{case}".replace("unknown-target", "unknown").replace(
        "unknown-doc", "not-imported"
    )  # the window translates by this code
    assert {p.name: p.read_bytes() for p in isolated_data.imported_dir.iterdir()} == before
