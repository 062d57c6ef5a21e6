"""The bulk segment writer writes what whoosh's own writer writes, byte for byte."""

from __future__ import annotations

from pathlib import Path

from whoosh import index

from reader.core.search.bulk import BulkWriter
from reader.core.search.index import INDEX_KEY, META_KIND, block_key, make_schema
from reader.core.search.text import fold, word_spans


def _documents(corpus) -> list[dict]:
    """The corpus's blocks as the index stores them (a few hundred, to keep the test
    quick, but enough for terms with more than one 128-posting block), and a meta document."""
    found = []
    for doc in corpus:
        for block in doc.blocks[:150]:
            words = [w for w, *_ in word_spans(fold(block.text))]
            found.append({"key": block_key(doc.id, block.anchor), "doc": doc.id, "words": words})
    found.append(
        {"key": INDEX_KEY, "meta_key": INDEX_KEY, "kind": META_KIND, "meta": '{"schema": 0}', "words": []}
    )
    return found


def _segment_files(folder: Path) -> dict[str, bytes]:
    """Each segment file's content by its name less the segment's (random) id."""
    ix = index.open_dir(str(folder))
    (segment,) = ix._segments()
    names = [n for n in ix.storage.list() if n.startswith(segment.segment_id())]
    assert names
    return {n.replace(segment.segment_id(), ""): ix.storage.open_file(n).read() for n in names}


def _build(folder: Path, documents: list[dict], bulk: bool) -> None:
    folder.mkdir()
    # Not compounded, so each file can be compared (the compound file names the segment).
    writer = index.create_in(str(folder), make_schema()).writer(compound=False)
    target = BulkWriter(writer) if bulk else writer
    for fields in documents:
        target.add_document(**fields)
    writer.commit()


def test_bulk_writer_writes_the_same_segment_as_whoosh(corpus, tmp_path):
    documents = _documents(corpus)
    _build(tmp_path / "whoosh", documents, bulk=False)
    _build(tmp_path / "bulk", documents, bulk=True)
    expected, written = _segment_files(tmp_path / "whoosh"), _segment_files(tmp_path / "bulk")
    assert expected.keys() == written.keys()
    assert {name.rsplit(".", 1)[-1] for name in expected} >= {"pst", "trm", "col"}  # postings, terms, columns
    for name in expected:
        assert written[name] == expected[name], name
    with index.open_dir(str(tmp_path / "bulk")).searcher() as searcher:
        df = searcher.doc_frequency("words", "移民")
        assert df > 128  # a term written over several blocks
        assert searcher.document(meta_key=INDEX_KEY)["meta"] == '{"schema": 0}'
