"""Updates after imports: each writes a small new segment (the build's big one is never
rewritten), and every few updates the small ones are folded together; answers stay."""

from __future__ import annotations

from dataclasses import replace

from whoosh import index

from reader.core.corpus import Corpus
from reader.core.model import Document
from reader.core.search import SearchService
from reader.core.search import index as search_index
from reader.core.search.index import block_key

ALL = 10_000


def _segments(paths) -> list[int]:
    store = search_index.IndexStore(paths.index_dir, paths.jieba_cache)
    ix = index.open_dir(str(paths.index_dir / store.current_generation()))
    return sorted(segment.doc_count_all() for segment in ix._segments())


def _imported(source: Document, number: int) -> Document:
    marker = f"候鸟迁徙第{number}号"
    return Document(
        info=replace(source.info, id=f"imported-{number}"),
        blocks=tuple(replace(b, text=b.text + marker) for b in source.blocks[:40]),
    )


def test_imports_add_small_segments_then_fold_them(corpus, objectives, isolated_data, monkeypatch):
    monkeypatch.setattr(search_index, "MAX_SEGMENTS", 3)
    svc = SearchService(corpus, objectives, isolated_data)
    svc.ensure_index()
    built = _segments(isolated_data)
    assert len(built) == 1
    before = {q: svc.search(q, limit=ALL) for q in ("汇款", '"正常移民途径"', "COVID-19")}
    library = list(corpus)
    counts = []
    for number in range(1, 5):
        library.append(_imported(corpus.get("sgr"), number))
        svc.update_documents(Corpus(library))
        counts.append(len(_segments(isolated_data)))
        for n in range(1, number + 1):
            found = svc.search(f'"候鸟迁徙第{n}号"', limit=ALL)
            assert {h.doc for h in found.hits} == {f"imported-{n}"} and found.total == 40
    # one segment more per update, until the small ones are folded into one
    assert counts == [2, 3, 2, 3], counts
    assert _segments(isolated_data)[-1] == built[0]  # the build's segment was kept as it was
    for query, results in before.items():
        again = svc.search(query, limit=ALL)
        assert {k for k in again.by_doc if not k.startswith("imported")} == set(results.by_doc)
        assert [(h.doc, h.anchor) for h in again.hits if not h.doc.startswith("imported")][:10] == [
            (h.doc, h.anchor) for h in results.hits
        ][:10]


def test_an_index_of_the_previous_schema_is_rebuilt_as_such(corpus, objectives, isolated_data):
    """Schema 2 indexed every block's key and had no meta_key: the user is told the index
    came from another version (not that it is damaged), and the rebuilt index answers."""
    from whoosh import fields, formats

    from reader.core.search.analyzer import WordAnalyzer

    old_schema = fields.Schema(
        key=fields.ID(stored=True, unique=True),
        doc=fields.ID(stored=True),
        kind=fields.ID(),
        words=fields.FieldType(formats.Frequency(), WordAnalyzer(), scorable=True),
        meta=fields.STORED(),
    )
    root = isolated_data.index_dir
    SearchService(corpus, objectives, isolated_data).ensure_index()  # a valid postings file to copy
    current = root / search_index.IndexStore(root, isolated_data.jieba_cache).current_generation()
    generation = root / "g0-old"
    generation.mkdir()
    writer = index.create_in(str(generation), old_schema).writer()
    writer.add_document(key=block_key("gcm", "1"), doc="gcm", words=["移民"])
    writer.add_document(key=search_index.INDEX_KEY, kind=search_index.META_KIND, meta='{"schema": 2}')
    writer.commit()
    postings = search_index.POSTINGS_FILE
    (generation / postings).write_bytes((current / postings).read_bytes())
    (root / search_index.CURRENT_FILE).write_text('{"generation": "g0-old", "schema": 2}', encoding="utf-8")

    inspection = search_index.IndexStore(root, isolated_data.jieba_cache).inspect(corpus)
    assert (inspection.state, inspection.detail) == ("old", "schema 2")
    service = SearchService(corpus, objectives, isolated_data)
    assert service.ensure_index() == [search_index.REBUILD_MESSAGES["old"]]
    assert service.search("汇款成本").total > 0
