"""rjieba segments as jieba does (jieba stays the reference and the fallback), and the
word-count table gives jieba's own counts."""

from __future__ import annotations

import pytest

from reader.core.search import text
from reader.core.search.dictionary import WordCounts, words_file
from reader.core.search.text import CJK, fold

BEYOND_THE_CORPUS = [
    "长江大桥的南京市长江大桥",
    "研究生命起源的结婚的和尚未结婚的",
    "中华人民共和国国务院总理李强在北京人民大会堂会见联合国秘书长古特雷斯",
    "他说的确实在理吗我们一起去吃饭吧",
    "兩岸關係和平發展臺灣同胞匯款經濟",  # Traditional, as the index folds it
    "巴黎协定气候变化框架公约缔约方会议第二十八届会议在迪拜举行",
    "乒乓球拍卖完了",
    "人工智能机器学习深度神经网络自然语言处理",
    "鑫淼焱垚犇骉羴",  # rare characters
    "一二三四五六七八九十百千万亿",
]


@pytest.fixture(scope="module")
def jieba_reference(tmp_path_factory):
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path_factory.mktemp("jieba"))
    tokenizer.initialize()
    return tokenizer


def _runs(corpus) -> list[str]:
    """Every distinct run of Chinese characters of the folded corpus, as the index segments."""
    import re

    pattern = re.compile(f"[{CJK}]+")
    return sorted(
        {run for doc in corpus for block in doc.blocks for run in pattern.findall(fold(block.text))}
    )


def test_rjieba_segments_every_run_of_the_corpus_as_jieba_does(corpus, jieba_reference):
    tokenize = text.fast_tokenize()
    assert tokenize is not None, "rjieba is a dependency: pip install -e ."
    runs = _runs(corpus) + [fold(t) for t in BEYOND_THE_CORPUS]
    assert len(runs) > 5000
    different = [
        run
        for run in runs
        if [tuple(t) for t in tokenize(run, hmm=False)] != list(jieba_reference.tokenize(run, HMM=False))
    ]
    assert different == []


def test_without_rjieba_jieba_segments(monkeypatch, isolated_data, jieba_reference):
    monkeypatch.setattr(text, "_RJIEBA", False)
    text.configure_jieba(isolated_data.jieba_cache)
    text._segment_run.cache_clear()
    try:
        run = fold(BEYOND_THE_CORPUS[2])
        assert text._segment_run(run) == tuple(jieba_reference.tokenize(run, HMM=False))
    finally:
        text._segment_run.cache_clear()


def test_word_counts_are_jiebas_and_a_damaged_table_is_made_again(corpus, isolated_data, jieba_reference):
    path = words_file(isolated_data.jieba_cache)
    words = {w for run in _runs(corpus)[:300] for w, *_ in jieba_reference.tokenize(run, HMM=False)}
    words |= {"不是一个词的字串", "汇款"}
    counts = WordCounts(path)
    assert counts.total == jieba_reference.total
    expected = {w: jieba_reference.FREQ[w] for w in words if jieba_reference.FREQ.get(w)}
    assert counts.counts(words) == expected
    assert "不是一个词的字串" not in expected and expected["汇款"] > 0
    path.write_bytes(b"not a database")
    assert WordCounts(path).counts(["汇款"]) == {"汇款": expected["汇款"]}


def test_jiebas_list_is_read_a_column_at_a_time_and_any_other_layout_line_by_line(tmp_path):
    from reader.core.search import dictionary

    real = dictionary.jieba_dictionary().read_text(encoding="utf-8")
    columns = dictionary._parse_columns(real)
    assert columns is not None and columns == dictionary._parse_lines(real)
    odd = "汇款 5 n\n  侨汇 3\n\n汇款 7 n\n移民 2 n extra\n"  # indented, no tag, blank, repeated, 4 fields
    source = tmp_path / "dict.txt"
    source.write_text(odd, encoding="utf-8")
    assert dictionary._parse_columns(odd) is None
    assert dictionary._parse_columns("汇款 1\n侨汇 2 3 n\n") is None  # as many fields, not a line each
    assert dictionary._parse(source) == ({"汇款": 7, "侨汇": 3, "移民": 2}, 17)  # as jieba reads it


def test_word_counts_without_a_writable_cache_are_read_from_jiebas_list(tmp_path, jieba_reference):
    """A full disk or a read-only cache folder costs the table, not the build."""
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    path = words_file(blocked / "jieba.cache")  # its folder cannot be made
    counts = WordCounts(path)
    assert counts.total == jieba_reference.total
    assert counts.counts(["汇款", "不是一个词的字串", "汇款"]) == {"汇款": jieba_reference.FREQ["汇款"]}
    assert not path.exists() and list(tmp_path.iterdir()) == [blocked]


def test_index_words_are_the_words_of_word_spans(corpus):
    texts = [fold(block.text) for doc in corpus for block in doc.blocks]
    texts += ["A/RES/73/195 和 COVID-19，6.3% e-mail 2030年", "ａｂｃ－１２３ 匯款", ""]
    for folded in texts:
        assert text.index_words(folded) == [w for w, *_ in text.word_spans(folded)], folded
