"""A clean page: Word field errors and PDF line-join spaces are gone from every bundled
text; full-width punctuation for display keeps every offset."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reader.core.cleanup import HAN, METADATA_LABELS, full_width_punctuation, repair
from reader.core.parser import parse_text

BETWEEN_HAN = re.compile(f"[{HAN}] [{HAN}]")


def test_no_space_between_two_chinese_characters_in_any_bundled_text(corpus):
    def after_label(text: str) -> str:  # "通过日期 联合国…": the label's space is meant
        label = next((lb for lb in METADATA_LABELS if text.startswith(lb + " ")), None)
        return text[len(label) + 1 :] if label else text

    strays = [
        (doc.id, block.anchor, block.text[:40])
        for doc in corpus
        for block in doc.blocks
        if BETWEEN_HAN.search(after_label(block.text))
    ]
    assert strays == []
    compact = corpus.get("gcm")
    assert any("正常移民全球契约政府间会议" in b.text for b in compact.blocks)


def test_word_field_errors_are_removed_from_the_notes(corpus):
    texts = [b.text for doc in corpus for b in doc.blocks]
    assert not [t for t in texts if "错误!" in t or "错误！" in t or "Error!" in t]
    note = next(b for b in corpus.get("sgr").blocks if "对难民和移民的 COVID-19 免疫接种" in b.text)
    assert note.text.startswith("世界卫生组织")


def test_a_removed_field_error_is_logged(caplog):
    with caplog.at_level("INFO", logger="reader.repairs"):
        blocks = parse_text("1. 见**错误!超链接引用无效。**世界卫生组织的指南。\n")
    assert blocks[0].text == "见世界卫生组织的指南。"
    assert "错误!超链接引用无效。" in caplog.text


def test_a_metadata_label_keeps_its_space():
    assert repair("通过日期 联合国大会2022年6月7日") == "通过日期 联合国大会2022年6月7日"
    assert repair("正常移民 全球契约") == "正常移民全球契约"
    assert repair("COVID-19 疫情 and migrants") == "COVID-19 疫情 and migrants"


def test_full_width_punctuation_for_display():
    assert full_width_punctuation("我们,各国(又称《契约》)承认:") == "我们，各国（又称《契约》）承认："
    assert full_width_punctuation("COVID-19, and (a) 1:2") == "COVID-19, and (a) 1:2"


@given(st.text(alphabet=st.sampled_from(list("我们各国,;:?!() aB1《》。")), max_size=40))
def test_full_width_punctuation_keeps_every_offset(text):
    shown = full_width_punctuation(text)
    assert len(shown) == len(text)
    assert [c for c in shown if c not in "，；：？！（）"] == [
        c for c, s in zip(text, shown, strict=True) if s == c and c not in "，；：？！（）"
    ]
