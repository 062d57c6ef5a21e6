"""The text side of search, without an index: folding, the index's terms, the
query segmenter and the query parser."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.search.dictionary import Dictionary
from reader.core.search.query import And, Filter, Not, Or, Phrase, Word, parse_query
from reader.core.search.segment import Lexicon
from reader.core.search.text import fold, gram_terms, is_cjk, query_grams

CHINESE = "汇款成本移民儿童和的人口贩运匯難邊境正常途径拘留替代办法最佳利益"
MIXED = st.text(alphabet=st.sampled_from(list(CHINESE + "，。（）()ＡＢ１２ab12-/.%  \u3000"
                                              "ﬁ½Å\u0301İ")), max_size=40)


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


# --- the index's terms -------------------------------------------------------------
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
@pytest.fixture(scope="module")
def dictionary(tmp_path_factory) -> Dictionary:
    words = Dictionary(tmp_path_factory.mktemp("words") / "words.sqlite")
    words.ensure()
    return words


def test_the_segmenter_reproduces_jieba_on_the_corpus(corpus, dictionary, isolated_data):
    import jieba

    runs = [m.group() for d in corpus for b in d.blocks
            for m in re.finditer(r"[\u4e00-\u9fff]+", fold(b.text))]
    lexicon = Lexicon(dictionary.counts, dictionary.total, dictionary.longest_from)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(isolated_data.cache)
    sample = random.Random(7).sample(runs, 400)
    for run in sample + ["移民拘留替代办法", "儿童最佳利益", "汇款成本", "气候变化流离失所"]:
        expected = [w for w, _, _ in tokenizer.tokenize(run, HMM=False)]
        assert lexicon.segment_run(run) == expected, run


def test_the_segmenter_uses_only_words_the_library_contains(dictionary):
    library = "降低汇款的成本"
    lexicon = Lexicon(dictionary.counts, dictionary.total, dictionary.longest_from,
                      present=lambda word: word in library)
    assert lexicon.words("匯款成本") == ["汇款", "成本"]
    assert lexicon.words("移民") == ["移", "民"]  # no passage holds 移民
    assert lexicon.words("移民", restricted=False) == ["移民"]
    assert lexicon.words("COVID-19 与 2030年") == ["covid-19", "与", "2030", "年"]


def test_the_segmenter_accepts_a_plain_word_list():
    lexicon = Lexicon({"汇款": 500, "成本": 800, "移民": 900, "拘留": 100, "替代": 200,
                       "办法": 300}, 60_000_000)
    assert lexicon.words("匯款成本") == ["汇款", "成本"]
    assert lexicon.words("移民拘留替代办法") == ["移民", "拘留", "替代", "办法"]


def test_a_damaged_word_file_is_made_again(tmp_path):
    path = tmp_path / "words.sqlite"
    path.write_bytes(b"not a database" * 100)
    words = Dictionary(path)
    assert words.counts(["汇款", "没有这个词语"]) == {"汇款": words.counts(["汇款"])["汇款"]}
    assert words.total > 0


# --- the query parser ------------------------------------------------------------------
@pytest.mark.parametrize(("query", "tree"), [
    ("汇款 成本", And((Word("汇款"), Word("成本")))),
    ("汇款 OR 侨汇 成本", And((Or((Word("汇款"), Word("侨汇"))), Word("成本")))),
    ("移民 -难民", And((Word("移民"), Not(Word("难民"))))),
    ("移民 NOT 难民", And((Word("移民"), Not(Word("难民"))))),
    ("(汇款 OR 侨汇) 成本", And((Or((Word("汇款"), Word("侨汇"))), Word("成本")))),
    ('"正常 移民" doc:gcm', And((Phrase("正常 移民"), Filter("doc", "gcm")))),
    ("“不驱回” obj:13 kind:footnote",
     And((Phrase("不驱回"), Filter("obj", "13"), Filter("kind", "footnote")))),
    ("第23段(a)", Word("第23段(a)")),
    ("COVID-19", Word("COVID-19")),
    ("汇款 AND 成本", And((Word("汇款"), Word("成本")))),
    ("or", Word("or")),
])
def test_query_trees(query, tree):
    parsed = parse_query(query)
    assert parsed.root == tree
    assert parsed.warnings == []


@pytest.mark.parametrize(("query", "tree", "warning"), [
    ("", None, "empty query"),
    ('"汇款', Phrase("汇款"), "unbalanced quote"),
    ("(汇款 成本", And((Word("汇款"), Word("成本"))), "unbalanced parenthesis"),
    ("汇款)", Word("汇款"), "unbalanced parenthesis"),
    ("汇款 OR", Word("汇款"), "OR needs"),
    ("OR", Word("OR"), "only operators"),
    ("移民 -", Word("移民"), "needs a word"),
    ("doc: 移民", Word("移民"), "needs a value"),
])
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
