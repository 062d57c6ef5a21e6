"""Large-library search takes shortcuts that must not change an answer: the top hits
found by walking the words' best passages first (ranking.py) equal those of scoring
every match, whole-word matching without a regex equals the regex, and "related"
ranked from whoosh's postings read in bulk equals whoosh's own search.

A library of three copies of the bundled corpus (documents under new ids) gives the
ties a real library of drafts and copies has.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.corpus import Corpus
from reader.core.model import Document
from reader.core.search import SearchService, engine
from reader.core.search.engine import bounded_spans
from reader.core.search.text import ALNUM
from reader.paths import AppPaths

COPIES = 3
QUERIES = [
    "移民",
    "的",
    "儿",
    "匯款",
    "移民 -难民",
    "国家 OR 移民",
    "移民 OR 难民 OR 儿童",
    "NOT 移民",
    "kind:heading 移民",
    "移民 kind:footnote",
    "移民 OR kind:footnote",
    '"的" 国家',
    "移民拘留替代办法",
    "2030",
    "COVID-19",
    "obj:13 拘留",
    "发展 (妇女 OR 儿童) -难民",
]


@pytest.fixture(scope="module")
def library(tmp_path_factory, corpus, objectives) -> SearchService:
    """A search service over three copies of the corpus, its index built once."""
    docs = [
        Document(info=replace(d.info, id=d.id if k == 0 else f"{d.id}-copy{k}"), blocks=d.blocks)
        for k in range(COPIES)
        for d in corpus
    ]
    root = tmp_path_factory.mktemp("scale")
    service = SearchService(Corpus(docs), objectives, AppPaths(data=root / "data", cache=root / "cache"))
    service.ensure_index()
    return service


def _answer(results) -> tuple:
    return (
        results.total,
        results.by_doc,
        results.by_objective,
        results.partial_total,
        [(h.doc, h.anchor, h.score, h.highlights, h.snippet, h.partial) for h in results.hits],
    )


@pytest.mark.parametrize("query", QUERIES)
def test_walking_the_best_first_gives_the_answer_of_scoring_every_match(library, monkeypatch, query):
    for offset, limit in ((0, 20), (40, 20), (0, 137)):
        monkeypatch.setattr(engine, "RANK_ALL", 10**9)  # score every match
        everything = _answer(library.search(query, limit=limit, offset=offset))
        monkeypatch.setattr(engine, "RANK_ALL", 0)  # walk, whatever the number of matches
        walked = _answer(library.search(query, limit=limit, offset=offset))
        assert walked == everything, (query, offset, limit)


def test_copies_tie_and_rank_in_library_order(library):
    """Equal scores (the same passage in each copy) come in corpus order."""
    hits = library.search("移民", limit=60).hits
    by_text: dict[str, list[str]] = {}
    for hit in hits:
        by_text.setdefault(hit.text, []).append(hit.doc)
    tied = [docs for docs in by_text.values() if len(docs) == COPIES]
    assert tied
    for docs in tied:
        assert docs == sorted(docs, key=lambda d: (d.count("-copy"), d))


def _regex_spans(text: str, folded: str) -> list[tuple[int, int]]:
    """The reference: a word bounded by lookarounds (what the engine used to run)."""
    head = rf"(?<!{ALNUM})" if re.match(ALNUM, text[0]) else ""
    tail = rf"(?!{ALNUM})" if re.match(ALNUM, text[-1]) else ""
    return [m.span() for m in re.finditer(head + re.escape(text) + tail, folded)]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="2030aA-/.移民 ", min_size=1, max_size=5).filter(str.strip),
    folded=st.text(alphabet="2030aAbx-/.移民,  ", max_size=60),
)
def test_whole_word_matching_equals_the_regex(text, folded):
    assert bounded_spans(text, folded) == _regex_spans(text, folded)


@pytest.mark.parametrize("source", [("gcm", "obj1"), ("gcm", "obj20"), ("gcm", "obj13"), ("sgr", "12")])
def test_related_equals_whooshs_own_search(library, source):
    from whoosh.query import Or, Term

    doc_id, anchor = source
    hits = library.related(doc_id, anchor, limit=10)
    view = library._view
    terms = library._key_terms(library._source_text(doc_id, anchor))
    query = Or([Term("words", word, boost=weight) for word, weight in terms])
    expected = []
    for found in view.searcher.search(query, limit=30, mask=Term("doc", doc_id)):
        i = view.docmap[found.docnum]
        if i >= 0:
            expected.append((library._table.doc_ids[i], library._table.blocks[i].anchor, found.score))
    got = [(h.doc, h.anchor, h.score) for h in hits]
    assert len(got) == 10
    assert [g[:2] for g in got] == [e[:2] for e in expected[:10]]
    assert [g[2] for g in got] == pytest.approx([e[2] for e in expected[:10]], rel=1e-12)


def test_kept_postings_stay_within_their_budget_and_answers_do_not_change(library, monkeypatch):
    """Frequent characters' postings are large in a big library: those kept in memory are
    bounded by how many passages they hold, and evicting them changes no answer."""
    before = [_answer(library.search(q, limit=20)) for q in QUERIES]
    view = library._view
    view._postings.clear()
    view._posting_entries = 0
    budget = 2_000  # far less than one frequent character holds in three copies
    monkeypatch.setattr(view, "POSTING_ENTRIES_KEPT", budget)
    after = [_answer(library.search(q, limit=20)) for q in QUERIES]
    assert after == before
    kept = [len(found) for found in view._postings.values()]
    assert view._posting_entries == sum(kept)
    assert len(kept) == 1 or sum(kept) <= budget


def test_the_top_of_a_page_deeper_than_the_sample_is_exact():
    """_top prunes below a sampled bound; a page deeper than the sample must not be
    pruned by a bound above its own last score (here: sampled positions all score high)."""
    from reader.core.search.engine import TOP_SAMPLE, _top

    n = 2 * TOP_SAMPLE
    scores = {i: 100.0 if i % 2 == 0 else 1.0 for i in range(n)}  # the sample takes the evens
    k = TOP_SAMPLE + TOP_SAMPLE // 4
    expected = sorted(scores, key=lambda i: (-scores[i], i))[:k]
    assert _top(scores, k) == expected
    assert _top(scores, 10) == expected[:10]
