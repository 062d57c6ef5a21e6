"""Search over the real corpus: exact phrases, folding, query language, ranking
contract, related passages, the index's life (build, update, crash, corruption,
locking) and the command line.

The index is built once per session; tests that damage or change it work on a copy
in their own folders.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.corpus import import_document, load_corpus, remove_imported
from reader.core.objectives import build_objectives
from reader.core.search import Hit, IndexBusyError, SearchResults, SearchService
from reader.core.search import index as search_index
from reader.core.search.text import fold
from reader.paths import PROJECT_ROOT, AppPaths

ALL = 10_000  # a limit above the number of blocks: every hit
QUOTES = set('"“”＂')
_ALNUM = r"(?:(?![\u3400-\u9fff])[^\W_])"


# --- fixtures ------------------------------------------------------------------------
@pytest.fixture(scope="session")
def built(tmp_path_factory, corpus, objectives) -> AppPaths:
    """Folders holding an index of the bundled corpus, built once for the session."""
    root = tmp_path_factory.mktemp("search")
    paths = AppPaths(data=root / "data", cache=root / "cache")
    messages = SearchService(corpus, objectives, paths).ensure_index()
    assert messages == ["the search index did not exist yet; built it"]
    return paths


@pytest.fixture(scope="session")
def service(built, corpus, objectives) -> SearchService:
    svc = SearchService(corpus, objectives, built)
    assert svc.ensure_index() == []  # the index on disk is found current
    return svc


@pytest.fixture
def own(built, isolated_data) -> AppPaths:
    """This test's own folders, holding a copy of the session's index and jieba cache."""
    shutil.copytree(built.cache, isolated_data.cache)
    return isolated_data


def blocks_of(corpus):
    return [(doc.id, block) for doc in corpus for block in doc.blocks]


def keys(results: SearchResults) -> set[tuple[str, str]]:
    """The matching blocks among the hits (not the partial ones that may follow them)."""
    return {(hit.doc, hit.anchor) for hit in results.hits if not hit.partial}


def scan(corpus, needle: str) -> set[tuple[str, str]]:
    """The reference: a plain substring scan of the (folded) block texts."""
    folded = fold(needle)
    return {key for key, text in _folded(corpus) if folded in text}


_FOLDED: dict[int, list] = {}


def _folded(corpus) -> list[tuple[tuple[str, str], str]]:
    if id(corpus) not in _FOLDED:
        _FOLDED[id(corpus)] = [((d, b.anchor), fold(b.text)) for d, b in blocks_of(corpus)]
    return _FOLDED[id(corpus)]


def bounded_scan(corpus, token: str) -> set[tuple[str, str]]:
    pattern = re.compile(rf"(?<!{_ALNUM}){re.escape(fold(token))}(?!{_ALNUM})")
    return {(d, b.anchor) for d, b in blocks_of(corpus) if pattern.search(fold(b.text))}


# --- exact phrases and substrings ------------------------------------------------------
def test_exact_phrases_equal_a_substring_scan(service, corpus):
    rng = random.Random(20240601)
    candidates = [(d, b) for d, b in blocks_of(corpus) if b.text.strip()]
    checked = 0
    while checked < 300:
        _, block = rng.choice(candidates)
        length = rng.randint(1, 8)
        start = rng.randrange(max(1, len(block.text) - length + 1))
        needle = block.text[start : start + length]
        if not needle.strip() or QUOTES & set(needle):
            continue
        results = service.search(f'"{needle}"', limit=ALL)
        expected = scan(corpus, needle)
        assert keys(results) == expected, needle
        assert results.total == len(expected)
        # Folding only ever adds matches: every raw occurrence is found.
        assert {(d, b.anchor) for d, b in blocks_of(corpus) if needle in b.text} <= expected
        checked += 1


def test_phrase_across_jieba_words(service, corpus):
    # jieba splits 正常移民途径 into 正常/移民/途径; the phrase must still match whole.
    expected = scan(corpus, "正常移民途径")
    assert expected
    assert keys(service.search('"正常移民途径"', limit=ALL)) == expected
    assert keys(service.search("“正常移民途径”", limit=ALL)) == expected


@pytest.mark.parametrize("query", ["儿", "和", "民途", "人口贩运", "偷运", "走廊"])
def test_unquoted_words_find_every_block_containing_them(service, corpus, query):
    results = service.search(query, limit=ALL)
    expected = scan(corpus, query)
    assert expected and expected <= keys(results)


def test_a_word_found_as_written_is_not_widened(service, corpus):
    # Found as written in enough blocks: exactly those (no over-matching 贩运人口).
    assert keys(service.search("人口贩运", limit=ALL)) == scan(corpus, "人口贩运")


def test_a_rare_compound_is_relaxed_to_all_its_words(service, corpus):
    results = service.search("汇款成本", limit=ALL)
    exact = scan(corpus, "汇款成本")
    assert exact < keys(results)
    assert results.total == len(keys(results))
    for hit in results.hits:
        folded = fold(hit.text)
        if not hit.partial:
            assert "汇款成本" in folded or ("汇款" in folded and "成本" in folded)
    assert (results.hits[0].doc, results.hits[0].anchor) in exact  # exact match ranks first


def test_few_matches_are_followed_by_blocks_with_some_of_the_words(service, corpus):
    results = service.search("海上救援 -难民", limit=30)
    matching = [h for h in results.hits if not h.partial]
    partial = [h for h in results.hits if h.partial]
    assert results.total == len(matching) < 10
    assert partial and results.partial_total >= len(partial)
    assert results.hits[: len(matching)] == tuple(matching)  # every match ranks first
    for hit in partial:
        folded = fold(hit.text)
        assert ("海上" in folded or "救援" in folded) and "难民" not in folded
        assert hit.highlights
    assert sum(results.by_doc.values()) == results.total
    # Plenty of matches: nothing partial.
    assert not any(h.partial for h in service.search("移民 难民", limit=ALL).hits)


# --- folding ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [("匯款", "汇款"), ("難民", "难民"), ('"邊境管理"', '"边境管理"'), ("兒童 最佳利益", "儿童 最佳利益")],
)
def test_traditional_queries_find_simplified_text(service, traditional, simplified):
    found = service.search(traditional, limit=ALL)
    assert found.total > 0
    assert keys(found) == keys(service.search(simplified, limit=ALL))


@pytest.mark.parametrize(
    ("wide", "narrow"),
    [
        ('"（目标"', '"(目标"'),
        ("ＣＯＶＩＤ－１９", "COVID-19"),
        ("２０３０", "2030"),
        ('"，我们"', '",我们"'),
    ],
)
def test_full_and_half_width_forms_find_each_other(service, wide, narrow):
    found = service.search(wide, limit=ALL)
    assert found.total > 0
    assert keys(found) == keys(service.search(narrow, limit=ALL))


@pytest.mark.parametrize("token", ["COVID-19", "73/195", "A/RES/73/195", "2030", "6.3%"])
def test_ascii_tokens_are_searchable(service, corpus, token):
    results = service.search(token, limit=ALL)
    expected = bounded_scan(corpus, token)
    assert expected, token
    assert keys(results) == expected
    assert results.total == len(expected)


def test_ascii_tokens_are_whole_words(service, corpus):
    # 203 is not found inside 2030, but COVID is a word of COVID-19.
    assert keys(service.search("203", limit=ALL)) == bounded_scan(corpus, "203")
    assert not bounded_scan(corpus, "2030") <= keys(service.search("203", limit=ALL))
    assert keys(service.search("covid", limit=ALL)) == bounded_scan(corpus, "COVID")


# --- highlights and snippets -----------------------------------------------------------
HIGHLIGHT_QUERIES = [
    "汇款",
    '"正常移民途径"',
    "儿童 最佳利益",
    "匯款 成本",
    "COVID-19",
    "2030",
    "移民拘留替代办法",
    "(汇款 OR 侨汇) 成本",
    "人口贩运 -儿童",
    '"，"',
    "ＣＯＶＩＤ",
]


@pytest.mark.parametrize("query", HIGHLIGHT_QUERIES)
def test_every_highlight_points_at_matching_characters(service, built, query):
    _JIEBA_DIR[:] = [built.cache]
    results = service.search(query, limit=50)
    assert results.hits
    units = _query_units(query)
    for hit in results.hits:
        assert hit.highlights, (hit.doc, hit.anchor)
        last_end = -1
        for start, end in hit.highlights:
            assert 0 <= start < end <= len(hit.text)
            assert start >= last_end  # sorted, not overlapping
            last_end = end
            assert _covered(fold(hit.text[start:end]), units), (hit.text[start:end], units)


def _query_units(query: str) -> list[str]:
    """Every string a highlight may consist of: the query's terms and their words."""
    words = re.findall(r'"([^"]*)"|([^\s"()]+)', query)
    units = []
    for quoted, bare in words:
        text = fold(quoted or bare.lstrip("-"))
        if text in ("or", "and", "not") and not quoted:
            continue
        units.append(text)
        units.extend(re.findall(r"[\u4e00-\u9fff]{2,}|[0-9a-z][0-9a-z./%-]*", text))
        units.extend(_jieba_words(text))
    return [u for u in units if u]


_JIEBA = []


def _jieba_words(text: str) -> list[str]:
    """jieba's own words (no HMM), its dictionary cache kept in the session's folder."""
    if not _JIEBA:
        import jieba

        tokenizer = jieba.Tokenizer()
        tokenizer.tmp_dir = str(_JIEBA_DIR[0])
        _JIEBA.append(tokenizer)
    return [w for w, *_ in _JIEBA[0].tokenize(text, HMM=False)]


_JIEBA_DIR: list[Path] = []


def _covered(span: str, units: list[str]) -> bool:
    """True if every character of `span` lies in some occurrence of a unit inside it."""
    marked = [False] * len(span)
    for unit in units:
        start = span.find(unit)
        while start >= 0:
            marked[start : start + len(unit)] = [True] * len(unit)
            start = span.find(unit, start + 1)
    return all(marked)


def test_snippets_are_plain_text_around_the_match(service):
    for hit in service.search("汇款", limit=30).hits:
        assert "<" not in hit.snippet
        assert hit.snippet_highlights
        for start, end in hit.snippet_highlights:
            assert fold(hit.snippet[start:end]) in {"汇款", "汇", "款"}
        assert hit.snippet.strip("…") in hit.text


# --- query language --------------------------------------------------------------------
def test_space_is_and_or_is_or_minus_and_not_exclude(service, corpus):
    remit, cost = scan(corpus, "汇款"), scan(corpus, "侨汇")
    assert keys(service.search("汇款 OR 侨汇", limit=ALL)) == remit | cost
    migrants, refugees = scan(corpus, "移民"), scan(corpus, "难民")
    assert keys(service.search("移民 -难民", limit=ALL)) == migrants - refugees
    assert keys(service.search("移民 NOT 难民", limit=ALL)) == migrants - refugees
    assert keys(service.search("移民 难民", limit=ALL)) == migrants & refugees
    grouped = service.search("(汇款 OR 侨汇) 成本", limit=ALL)
    assert keys(grouped) <= remit | cost
    assert keys(grouped) >= (remit | cost) & scan(corpus, "成本")


def test_filters(service, corpus, objectives):
    gcm = service.search("儿童 doc:gcm", limit=ALL)
    assert gcm.hits and {h.doc for h in gcm.hits} == {"gcm"}
    assert gcm.by_doc == {"gcm": gcm.total}
    footnotes = service.search("kind:footnote 大会", limit=ALL)
    assert footnotes.hits and {h.kind for h in footnotes.hits} == {"footnote"}
    obj13 = service.search("obj:13", limit=ALL)
    o13 = next(o for o in objectives if o.number == 13)
    expected = {("gcm", a) for a in (o13.anchor, o13.commitment_anchor, *(x.anchor for x in o13.actions))}
    expected |= {(link.doc, link.anchor) for link in o13.links}
    assert expected <= keys(obj13)
    assert all(13 in h.objectives for h in obj13.hits)
    assert keys(service.search("拘留", objective=13, limit=ALL)) == keys(
        service.search("拘留 obj:13", limit=ALL)
    )
    assert keys(service.search("汇款", doc="sgr", kind="footnote", limit=ALL)) == keys(
        service.search("汇款 doc:sgr kind:footnote", limit=ALL)
    )


def test_counts_and_paging(service):
    everything = service.search("移民", limit=ALL)
    assert everything.total == len(everything.hits) == sum(everything.by_doc.values())
    counted: dict[int, int] = {}
    for hit in everything.hits:
        for n in hit.objectives:
            counted[n] = counted.get(n, 0) + 1
    assert everything.by_objective == counted
    scores = [h.score for h in everything.hits]
    assert scores == sorted(scores, reverse=True)
    pages = [service.search("移民", limit=20, offset=k) for k in (0, 20, 40)]
    assert [h for p in pages for h in p.hits] == list(everything.hits[:60])
    assert all(p.total == everything.total for p in pages)


MALFORMED = [
    "",
    "   ",
    '"',
    '""',
    '"abc',
    'abc"',
    "(",
    ")",
    "((移民",
    "移民)",
    "()",
    "OR",
    "AND",
    "NOT",
    "-",
    "移民 OR",
    "OR 移民",
    "移民 OR OR 难民",
    "移民 -",
    "NOT NOT",
    "doc:",
    "obj:abc",
    "obj:99",
    "kind:chapter",
    "doc:nope 移民",
    "移民 AND AND 难民",
    "(((",
    ")))",
    '"移民',
    "移民 (难民 OR",
    "-(",
    "“",
    "” 移民 “",
]


@pytest.mark.parametrize("query", MALFORMED)
def test_malformed_queries_warn_and_never_raise(service, query):
    results = service.search(query)
    assert isinstance(results, SearchResults)
    assert results.warnings, query


@pytest.mark.parametrize("query", ["\x00", "：", "，", "……", "\t", "A/", "/73", "%", "-19"])
def test_odd_but_wellformed_queries_are_answered(service, query):
    assert isinstance(service.search(query), SearchResults)


def test_malformed_queries_are_searched_as_literally_as_possible(service):
    migrants = service.search("移民").total
    assert service.search("((移民").total == migrants
    assert service.search("移民)").total == migrants
    assert service.search("移民 OR").total == migrants
    assert service.search('"正常移民途径').total == service.search('"正常移民途径"').total


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from(list('移民难民儿童汇款 "()-ORNTAD:doc:objkind“”（）１a')), max_size=24)
)
def test_any_query_string_is_answered(service, query):
    results = service.search(query, limit=5)
    assert results.total + results.partial_total >= len(results.hits)
    for hit in results.hits:
        for start, end in hit.highlights:
            assert 0 <= start < end <= len(hit.text)


# --- related passages ------------------------------------------------------------------
def test_related_for_objective_20_includes_the_reports_remittance_section(service):
    hits = service.related("gcm", "obj20", limit=10)
    assert all(isinstance(h, Hit) and h.doc != "gcm" for h in hits)
    found = {h.anchor for h in hits if h.doc == "sgr"}
    assert len(found & {"sec2.I", "37", "38", "39", "40"}) >= 3, found


def test_related_for_a_block_are_other_documents_ranked(service):
    hits = service.related("sgr", "39", limit=8)
    assert 0 < len(hits) <= 8 and all(h.doc != "sgr" for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert any(h.doc == "gcm" and h.anchor.startswith("36") for h in hits)


def test_related_for_an_unknown_passage_is_a_clear_error(service):
    from reader.core.search import SearchError

    with pytest.raises(SearchError, match="no passage"):
        service.related("gcm", "nope")


# --- the index's life --------------------------------------------------------------------
def test_incremental_update_on_import_and_removal(own, tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("關於匯款的說明\n\n各國應當設立匯款觀察站，保護移民工人的權利。\n", encoding="utf-8")
    generation_before = search_index.IndexStore(own.index_dir, own.jieba_cache).current_generation()
    bundled = load_corpus()
    svc = SearchService(bundled, build_objectives(bundled), own)
    assert svc.ensure_index() == []
    info = import_document(source, own)
    corpus = load_corpus(paths=own)
    svc.update_documents(corpus)
    store = search_index.IndexStore(own.index_dir, own.jieba_cache)
    assert store.current_generation() == generation_before  # updated, not rebuilt
    assert store.inspect(corpus).state == "current"
    found = svc.search('"设立汇款观察站"')  # a Simplified query finds the Traditional text
    assert [h.doc for h in found.hits] == [info.id]
    start, end = found.hits[0].highlights[0]
    assert found.hits[0].text[start:end] == "設立匯款觀察站"
    assert info.id in svc.search("汇款").by_doc
    # A changed document is re-indexed: the new text is found, the old one is gone.
    Path(info.source).write_text("關於匯款的說明\n\n各國應當關閉匯款觀察站。\n", encoding="utf-8")
    svc.update_documents(load_corpus(paths=own))
    assert store.current_generation() == generation_before
    assert [h.doc for h in svc.search('"关闭汇款观察站"').hits] == [info.id]
    assert svc.search('"设立汇款观察站"').total == 0
    remove_imported(info.id, own)
    svc.update_documents(load_corpus(paths=own))
    assert svc.search('"设立汇款观察站"').total == 0


def test_one_import_into_a_larger_library_updates_only_that_document(
    corpus, objectives, isolated_data, built
):
    """A library of three copies of the corpus; importing one document re-indexes it
    alone (same generation, only its postings written) and every earlier answer stays."""
    from dataclasses import replace

    from reader.core.corpus import Corpus
    from reader.core.model import Document

    _copy_jieba_cache(built, isolated_data)
    copies = [
        Document(info=replace(d.info, id=f"{d.id}-c{k}"), blocks=d.blocks)
        for k in range(1, 3)
        for d in corpus
    ]
    library = Corpus([*corpus, *copies])
    svc = SearchService(library, objectives, isolated_data)
    svc.ensure_index()
    store = search_index.IndexStore(isolated_data.index_dir, isolated_data.jieba_cache)
    generation = store.current_generation()
    before = {q: svc.search(q, limit=ALL) for q in ("汇款", '"正常移民途径"', "COVID-19")}
    postings = isolated_data.index_dir / generation / search_index.POSTINGS_FILE
    rows_before = _posting_rows(postings)
    source = corpus.get("sgr")
    added = Document(
        info=replace(source.info, id="imported"),
        blocks=tuple(replace(b, text=b.text + "候鸟迁徙") for b in source.blocks),
    )
    svc.update_documents(Corpus([*library, added]))
    assert store.current_generation() == generation
    rows_after = _posting_rows(postings)
    assert {doc for doc, _ in rows_after} - {doc for doc, _ in rows_before} == {"imported"}
    assert {row for row in rows_after if row[0] != "imported"} == rows_before
    assert {h.doc for h in svc.search("候鸟迁徙", limit=ALL).hits} == {"imported"}
    for query, results in before.items():
        again = svc.search(query, limit=ALL)
        assert keys(again) - {k for k in keys(again) if k[0] == "imported"} == keys(results)


def _posting_rows(path: Path) -> set[tuple[str, bytes]]:
    import sqlite3

    db = sqlite3.connect(path)
    try:
        return {(doc, gram.encode() + blob) for gram, doc, blob in db.execute("SELECT * FROM grams")}
    finally:
        db.close()


def test_one_service_serves_several_threads(own, corpus, objectives):
    from concurrent.futures import ThreadPoolExecutor

    svc = SearchService(corpus, objectives, own)
    queries = ["汇款", "儿童 最佳利益", '"正常移民途径"', "COVID-19"] * 5
    with ThreadPoolExecutor(4) as pool:
        indexing = pool.submit(svc.ensure_index)
        totals = list(pool.map(lambda q: svc.search(q).total, queries))
        related = pool.submit(svc.related, "gcm", "obj13").result()
    assert indexing.result() == []
    assert totals == [svc.search(q).total for q in queries] and all(totals)
    assert related


def test_a_fresh_service_reports_what_it_did(own, corpus, objectives):
    svc = SearchService(corpus, objectives, own)
    assert svc.ensure_index() == []
    assert svc.rebuild_index()[0].startswith("search index rebuilt")
    assert svc.search("汇款").total > 0


CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from reader.core.corpus import load_corpus
    from reader.core.objectives import build_objectives
    from reader.core.search import SearchService
    from reader.core.search import index as search_index
    from reader.paths import AppPaths

    def commit(self, *stores):  # the moment a write would become visible
        print("committing", flush=True)
        time.sleep(300)

    search_index.IndexStore._commit = commit
    paths = AppPaths(Path(sys.argv[1]), Path(sys.argv[2]))
    corpus = load_corpus(paths=paths)
    SearchService(corpus, build_objectives(corpus), paths).ensure_index()
    print("finished", flush=True)
""")


def _kill_mid_commit(paths: AppPaths) -> None:
    """Run an index write in another process and kill -9 it as it commits."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(paths.data), str(paths.cache)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "committing"
    finally:
        child.kill()  # SIGKILL: no cleanup of any kind
        child.wait(timeout=30)


def test_killed_update_then_search_works(own, tmp_path):
    source = tmp_path / "update.txt"
    source.write_text("临时文件\n\n这份文件谈到候鸟迁徙路线。\n", encoding="utf-8")
    info = import_document(source, own)
    _kill_mid_commit(own)
    corpus = load_corpus(paths=own)
    svc = SearchService(corpus, build_objectives(corpus), own)
    messages = svc.ensure_index()
    assert any("interrupted" in m for m in messages), messages
    assert [h.doc for h in svc.search("候鸟迁徙").hits] == [info.id]
    assert svc.search("汇款").total > 0


def test_a_killed_build_leaves_no_partial_folder_after_the_next_update(own, tmp_path):
    partial = own.index_dir / "g0-1"  # what a build killed half-way leaves
    partial.mkdir()
    (partial / search_index.WRITING_MARK).write_text("1", encoding="utf-8")
    source = tmp_path / "later.txt"
    source.write_text("后来的文件\n\n这份文件谈到候鸟。\n", encoding="utf-8")
    import_document(source, own)
    corpus = load_corpus(paths=own)
    messages = SearchService(corpus, build_objectives(corpus), own).ensure_index()
    assert any("updated" in m for m in messages), messages
    assert not partial.exists()
    assert [p.name for p in own.index_dir.iterdir() if p.is_dir()] == [
        search_index.IndexStore(own.index_dir, own.jieba_cache).current_generation()
    ]


def _copy_jieba_cache(built: AppPaths, paths: AppPaths) -> None:
    """Spare a child process jieba's first dictionary load (seconds) when we can."""
    paths.cache.mkdir(parents=True, exist_ok=True)
    if built.jieba_cache.exists():
        shutil.copy(built.jieba_cache, paths.jieba_cache)


def test_killed_first_build_then_search_works(isolated_data, built, corpus, objectives):
    _copy_jieba_cache(built, isolated_data)
    _kill_mid_commit(isolated_data)
    svc = SearchService(corpus, objectives, isolated_data)
    messages = svc.ensure_index()
    assert any("interrupted" in m for m in messages), messages
    assert svc.search('"正常移民途径"').total > 0


def _generation_dir(paths: AppPaths) -> Path:
    store = search_index.IndexStore(paths.index_dir, paths.jieba_cache)
    return paths.index_dir / store.current_generation()


@pytest.mark.parametrize(
    "damage",
    [
        "garbage toc",
        "truncated segment",
        "garbage postings",
        "truncated postings",
        "no postings",
        "no generation",
        "bad current",
        "old schema",
    ],
)
def test_damaged_index_is_rebuilt_with_a_message(own, corpus, objectives, damage):
    folder = _generation_dir(own)
    postings = folder / search_index.POSTINGS_FILE
    if damage == "garbage toc":
        next(folder.glob("*.toc")).write_bytes(b"\x00garbage" * 10)
    elif damage == "truncated segment":
        segment = next(folder.glob("*.seg"))
        segment.write_bytes(segment.read_bytes()[:1000])
    elif damage == "garbage postings":
        postings.write_bytes(b"\x00garbage" * 10)
    elif damage == "truncated postings":
        postings.write_bytes(postings.read_bytes()[:5000])
    elif damage == "no postings":
        postings.unlink()
    elif damage == "no generation":
        shutil.rmtree(folder)
    elif damage == "bad current":
        (own.index_dir / "current.json").write_text("{not json", encoding="utf-8")
    else:
        (own.index_dir / "current.json").write_text(
            json.dumps({"generation": folder.name, "schema": 0}), encoding="utf-8"
        )
    svc = SearchService(corpus, objectives, own)
    messages = svc.ensure_index()
    assert len(messages) == 1 and "rebuilt" in messages[0], messages
    assert svc.search("汇款").total > 0


def test_search_alone_repairs_a_damaged_index(own, corpus, objectives):
    next(_generation_dir(own).glob("*.seg")).write_bytes(b"\x00" * 100)
    results = SearchService(corpus, objectives, own).search("汇款")
    assert results.total > 0
    assert any("rebuilt" in m for m in results.messages)


def test_a_failure_under_an_open_index_reopens_it(service, monkeypatch):
    # As when another process has replaced the files under a running search.
    from reader.core.search.engine import IndexView

    original, failures = IndexView.gram_counts, [1]

    def flaky(self, term):
        if failures[0]:
            failures[0] -= 1
            raise OSError("file vanished")
        return original(self, term)

    monkeypatch.setattr(IndexView, "gram_counts", flaky)
    assert service.search("汇款").total > 0 and not failures[0]


def test_a_locked_index_waits_briefly_then_reports(own, corpus, objectives, monkeypatch, tmp_path):
    from reader.core.locking import FileLock

    monkeypatch.setattr(search_index, "BUSY_WAIT", 0.3)
    own.index_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(own.index_dir / search_index.LOCK_FILE, timeout=0):
        # A current index needs no lock: a second instance searches while one writes.
        reader = SearchService(corpus, objectives, own)
        assert reader.search("汇款").total > 0
        source = tmp_path / "busy.txt"
        source.write_text("标题\n\n正文。\n", encoding="utf-8")
        import_document(source, own)
        changed = load_corpus(paths=own)
        writer = SearchService(changed, build_objectives(changed), own)
        with pytest.raises(IndexBusyError, match="another Compact Reader"):
            writer.ensure_index()
    assert writer.ensure_index()[0].startswith("search index updated")


# --- the command line ----------------------------------------------------------------
HIT_KEYS = {"doc", "anchor", "kind", "citation", "text", "snippet", "highlights", "score"}


def test_cli_search_json(own, capsys):
    assert main(["search", "汇款", "--doc", "sgr", "--limit", "3", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"query", "total", "by_doc", "warnings", "hits"}
    assert out["query"] == "汇款" and out["by_doc"] == {"sgr": out["total"]}
    assert len(out["hits"]) == 3 and all(set(h) == HIT_KEYS for h in out["hits"])
    for hit in out["hits"]:
        assert all(fold(hit["text"][s:e]) == "汇款" for s, e in hit["highlights"])
    assert main(["search", "拘留", "--obj", "13", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] > 0


def test_cli_search_reads_queries_from_stdin(own, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO('汇款\n"abc\n\nCOVID-19\n'))
    assert main(["search", "--limit", "2"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["query"] for line in lines] == ["汇款", '"abc', "", "COVID-19"]
    assert lines[0]["total"] > 0 and lines[1]["warnings"] and lines[2]["warnings"]
    assert all(set(line) == {"query", "total", "by_doc", "warnings", "hits"} for line in lines)


def test_cli_search_batch_answers_every_line_even_deep_ones(own, capsys, monkeypatch):
    import io

    deep = ["(" * 300 + "汇款", "-" * 999 + "汇款", "NOT " * 1000 + "汇款", "(-" * 2000 + "汇款"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join([*deep, "汇款"]) + "\n"))
    assert main(["search", "--limit", "1"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["query"] for line in lines] == [*deep, "汇款"]
    assert all("error" not in line for line in lines)
    remittances = lines[-1]["total"]
    assert lines[0]["total"] == lines[2]["total"] == remittances and lines[0]["warnings"]
    assert lines[1]["total"] != remittances  # an odd number of "-" excludes, an even one cancels
    assert main(["search", "(" * 248 + "汇款"]) == 0 and "passages" in capsys.readouterr().out


def test_cli_related_and_index(own, capsys):
    assert main(["related", "gcm", "obj20", "--limit", "5", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"hits"} and len(out["hits"]) == 5
    assert all(set(h) == HIT_KEYS and h["doc"] != "gcm" for h in out["hits"])
    assert main(["related", "gcm", "nope"]) == 2
    assert main(["index"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["index", "--rebuild"]) == 0
    assert "rebuilt" in capsys.readouterr().out


def test_cli_builds_a_missing_index_and_says_so(isolated_data, built, capsys):
    _copy_jieba_cache(built, isolated_data)
    assert main(["search", "汇款", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["total"] > 0
    assert "built" in captured.err


def test_cli_search_loads_neither_qt_nor_jieba(own):
    code = (
        "import sys; from reader.cli import main; main(['search', '汇款', '--json']); "
        "print(sorted(m for m in ('PySide6', 'jieba') if m in sys.modules))"
    )
    env_dir = str(own.data)
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**_clean_env(), "COMPACT_READER_DATA_DIR": env_dir},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def _clean_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("COMPACT_READER_")}
