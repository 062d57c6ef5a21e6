"""The bulk segment writer writes what whoosh's own writer writes, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import fields as whoosh_fields
from whoosh import formats, index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filetables import OrderedHashReader

from reader.core.search import bulk
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


def _build(folder: Path, documents: list[dict], bulk: bool, codec: W3Codec | None = None) -> None:
    folder.mkdir()
    # Not compounded, so each file can be compared (the compound file names the segment).
    writer = index.create_in(str(folder), make_schema()).writer(compound=False, codec=codec)
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


def _vocabulary(corpus) -> list[str]:
    """Distinct words of the corpus, in the order they first occur."""
    found: dict[str, None] = {}
    for doc in corpus:
        for block in doc.blocks[:200]:
            found.update(dict.fromkeys(w for w, *_ in word_spans(fold(block.text))))
    return list(found)


def _edge_documents(corpus) -> list[dict]:
    """Documents whose terms reach each case of the block writer: a term in one
    document, in exactly 128 (one full block, every count 2), in 129 (a block of one
    after a full one), in all 300 (three blocks, counts that differ); an ID term over
    two blocks; a document without words; and, with every other corpus word in one
    document, a terms file far past 65,535 bytes (whoosh's index of positions then
    changes type)."""
    vocabulary = _vocabulary(corpus)
    once, full, over, every, *rest = vocabulary
    documents = []
    for i in range(300):
        words = [every] * (i % 3 + 1) + rest[i::300]
        if i < 128:
            words += [full, full]
        if i < 129:
            words.append(over)
        if i == 7:
            words.append(once)
        document = {"key": f"doc{i // 200}/b{i}", "doc": f"doc{i // 200}", "words": words}
        if i % 50 == 0:
            document["kind"] = "footnote"
        documents.append(document)
    documents.insert(
        150, {"key": INDEX_KEY, "meta_key": INDEX_KEY, "kind": META_KIND, "meta": '{"schema": 0}'}
    )
    return documents


@pytest.mark.parametrize(
    "codec",
    [W3Codec(), W3Codec(compression=0), W3Codec(blocklimit=7)],
    ids=["default", "uncompressed", "blocks-of-7"],
)
def test_bulk_writer_matches_whoosh_at_each_block_edge(corpus, tmp_path, monkeypatch, codec):
    documents = _edge_documents(corpus)
    _build(tmp_path / "whoosh", documents, bulk=False, codec=codec)
    monkeypatch.setattr(bulk, "_POSTINGS_PER_WRITE", 500)  # several writes a field
    _build(tmp_path / "bulk", documents, bulk=True, codec=codec)
    expected, written = _segment_files(tmp_path / "whoosh"), _segment_files(tmp_path / "bulk")
    assert expected.keys() == written.keys()
    for name in expected:
        assert written[name] == expected[name], name
    (terms_name,) = [n for n in written if n.endswith(".trm")]
    assert len(written[terms_name]) > 70_000
    ix = index.open_dir(str(tmp_path / "bulk"))
    with ix.searcher() as searcher:
        words = _vocabulary(corpus)[:4]
        assert [searcher.doc_frequency("words", w) for w in words] == [1, 128, 129, 300]
        assert searcher.doc_frequency("doc", "doc0") == 200
        assert searcher.frequency("words", words[3]) == sum(i % 3 + 1 for i in range(300))
    (segment,) = ix._segments()
    table = OrderedHashReader.open(ix.storage, segment.make_filename(".trm"))
    assert table.extras["indextype"] != "H"  # positions past 65,535 widened the array
    table.close()


def test_bulk_writer_matches_whoosh_with_one_posting(corpus, tmp_path):
    documents = [{"key": "sgr/p1", "doc": "sgr", "words": _vocabulary(corpus)[:1]}]
    _build(tmp_path / "whoosh", documents, bulk=False)
    _build(tmp_path / "bulk", documents, bulk=True)
    assert _segment_files(tmp_path / "bulk") == _segment_files(tmp_path / "whoosh")


def test_bulk_writer_refuses_what_it_cannot_write_as_whoosh(tmp_path):
    boosted = whoosh_fields.Schema(words=whoosh_fields.FieldType(formats.Frequency(field_boost=2.0), None))
    cases = [(boosted, None, "boost"), (make_schema(), W3Codec(inlinelimit=2), "codec")]
    for number, (schema, codec, message) in enumerate(cases):
        writer = index.create_in(str(tmp_path), schema, indexname=f"case{number}").writer(codec=codec)
        with pytest.raises(TypeError, match=message):
            BulkWriter(writer)
        writer.cancel()
