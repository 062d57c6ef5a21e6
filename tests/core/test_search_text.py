"""The text side of search, without an index: folding, the jieba analyzer, the
index's character terms, the query segmenter and the query parser."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.search.analyzer import WordTokenizer
from reader.core.search.query import And, Filter, Not, Or, Phrase, Word, parse_query
from reader.core.search.segment import Lexicon, parse_counts, serialize_counts
from reader.core.search.text import (
    fold,
    gram_terms,
    is_cjk,
    jieba_tokenizer,
    query_grams,
    word_spans,
)

CHINESE = "汇款成本移民儿童和的人口贩运匯難邊境正常途径拘留替代办法最佳利益"
MIXED = st.text(
    alphabet=st.sampled_from(list(CHINESE + "，。（）()ＡＢ１２ab12-/.%  \u3000ﬁ½Å\u0301İ")), max_size=40
)


@pytest.fixture(autouse=True)
def jieba_cache_in_tmp(isolated_data):
    from reader.core.search.text import configure_jieba

    configure_jieba(isolated_data.jieba_cache)


# --- folding ---------------------------------------------------------------------------
def test_folding_examples():
    assert fold("匯款") == "汇款"
    assert fold("，（）０ＡＣＯＶＩＤ－１９") == ",()0acovid-19"
    assert fold("COVID-19") == "covid-19"


@given(st.text(max_size=60))
def test_folding_keeps_length_and_is_stable(text):
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


@given(MIXED)
def test_folding_is_per_character(text):
    assert fold(text) == "".join(fold(c) for c in text)


# --- analyzers -------------------------------------------------------------------------
def _tokens(text: str):
    return [
        (t.text, t.pos, t.startchar, t.endchar) for t in WordTokenizer()(text, positions=True, chars=True)
    ]


def test_word_tokens_have_ordinal_positions_and_exact_offsets():
    text = "移民和移民，儿童。COVID-19 与 A/RES/73/195：6.3%，2030年"
    tokens = _tokens(text)
    words = [t[0] for t in tokens]
    assert words.count("移民") == 2  # repeated words keep their own offsets
    assert [s for w, _, s, _ in tokens if w == "移民"] == [0, 3]
    assert "和" in words  # no stop words dropped
    assert {"covid-19", "covid", "19", "a/res/73/195", "73", "195", "6.3%", "2030"} <= set(words)
    for word, _pos, start, end in tokens:
        assert fold(text[start:end]) == word
    whole = [t for t in tokens if t[0] in ("covid-19", "covid", "19")]
    assert len({pos for _, pos, _, _ in whole}) == 1  # parts share the word's position


def test_words_are_not_stemmed_and_single_characters_are_indexed():
    words = [t[0] for t in _tokens("migrants 儿 和 的")]
    assert words == ["migrants", "儿", "和", "的"]


def test_traditional_text_is_indexed_as_simplified():
    assert [t[0] for t in _tokens("匯款費用")] == [t[0] for t in _tokens("汇款费用")]


@settings(max_examples=200, deadline=None)
@given(MIXED)
def test_word_tokens_are_consistent_for_any_text(text):
    tokens = _tokens(text)
    last_pos, last_start = -1, 0
    for word, pos, start, end in tokens:
        assert fold(text[start:end]) == word
        assert pos in (last_pos, last_pos + 1)
        assert start >= last_start or pos == last_pos
        last_pos, last_start = pos, start


@settings(max_examples=300, deadline=None)
@given(MIXED, st.data())
def test_every_substring_is_found_by_its_query_grams(text, data):
    """The index's promise: a block holding a substring holds all of its query grams."""
    folded = fold(text)
    indexed = gram_terms(folded)
    if not folded:
        return
    start = data.draw(st.integers(0, len(folded) - 1))
    end = data.draw(st.integers(start + 1, len(folded)))
    assert query_grams(folded[start:end]) <= indexed


def test_gram_terms_are_characters_and_pairs_without_spaces():
    assert gram_terms("移民 ab") == {"移", "民", "移民", "a", "b", "ab"}
    assert query_grams("正常移民") == {"正常", "常移", "移民"}
    assert query_grams("儿") == {"儿"}
    assert query_grams("a b") == {"a", "b"}
    assert query_grams("  ") == set()


# --- the query segmenter ---------------------------------------------------------------
def test_the_lexicon_segmenter_reproduces_jieba_on_the_corpus(corpus):
    runs = [
        m.group() for d in corpus for b in d.blocks for m in re.finditer(r"[\u4e00-\u9fff]+", fold(b.text))
    ]
    tokenizer = jieba_tokenizer()
    counts = {w: tokenizer.FREQ.get(w, 0) for run in runs for w, *_ in word_spans(run)}
    lexicon = Lexicon(counts, tokenizer.total)
    sample = random.Random(7).sample(runs, 400)
    for run in sample + ["移民拘留替代办法", "儿童最佳利益", "汇款成本", "气候变化流离失所"]:
        expected = [w for w, _, _ in tokenizer.tokenize(run, HMM=False)]
        if all(w in counts for w in expected):
            assert lexicon.segment_run(run) == expected, run


def test_the_lexicon_splits_queries_into_index_words():
    lexicon = Lexicon(
        {"汇款": 500, "成本": 800, "移民": 900, "拘留": 100, "替代": 200, "办法": 300}, 60_000_000
    )
    assert lexicon.words("匯款成本") == ["汇款", "成本"]
    assert lexicon.words("移民拘留替代办法") == ["移民", "拘留", "替代", "办法"]
    assert lexicon.words("COVID-19 与 2030年") == ["covid-19", "与", "2030", "年"]
    assert parse_counts(serialize_counts(lexicon.counts)) == lexicon.counts


# --- the query parser ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("汇款 成本", And((Word("汇款"), Word("成本")))),
        ("汇款 OR 侨汇 成本", And((Or((Word("汇款"), Word("侨汇"))), Word("成本")))),
        ("移民 -难民", And((Word("移民"), Not(Word("难民"))))),
        ("移民 NOT 难民", And((Word("移民"), Not(Word("难民"))))),
        ("(汇款 OR 侨汇) 成本", And((Or((Word("汇款"), Word("侨汇"))), Word("成本")))),
        ('"正常 移民" doc:gcm', And((Phrase("正常 移民"), Filter("doc", "gcm")))),
        (
            "“不驱回” obj:13 kind:footnote",
            And((Phrase("不驱回"), Filter("obj", "13"), Filter("kind", "footnote"))),
        ),
        ("第23段(a)", Word("第23段(a)")),
        ("COVID-19", Word("COVID-19")),
        ("汇款 AND 成本", And((Word("汇款"), Word("成本")))),
        ("or", Word("or")),
    ],
)
def test_query_trees(query, tree):
    parsed = parse_query(query)
    assert parsed.root == tree
    assert parsed.warnings == []


@pytest.mark.parametrize(
    ("query", "tree", "warning"),
    [
        ("", None, "empty query"),
        ('"汇款', Phrase("汇款"), "unbalanced quote"),
        ("(汇款 成本", And((Word("汇款"), Word("成本"))), "unbalanced parenthesis"),
        ("汇款)", Word("汇款"), "unbalanced parenthesis"),
        ("汇款 OR", Word("汇款"), "OR needs"),
        ("OR", Word("OR"), "only operators"),
        ("移民 -", Word("移民"), "needs a word"),
        ("doc: 移民", Word("移民"), "needs a value"),
    ],
)
def test_malformed_queries_are_read_literally_with_a_warning(query, tree, warning):
    parsed = parse_query(query)
    assert parsed.root == tree
    assert any(warning in w for w in parsed.warnings), parsed.warnings


@given(st.text(max_size=50))
def test_parsing_never_raises(text):
    parsed = parse_query(text)
    assert parsed.root is not None or parsed.warnings


def test_is_cjk():
    assert is_cjk("汇") and is_cjk("匯") and not is_cjk("a") and not is_cjk("，")
