"""Cover lines (session, agenda item, date, web-page fields, PDF cover fields) are marked as
metadata: kept whole, out of every heading path; a title repeated right after itself is a
duplicate."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.importers import convert
from reader.core.model import BlockKind
from reader.core.parser import parse_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

COVER_METADATA = {
    "imrf": [
        "主题:难民和移民",
        "通过日期 联合国大会2022年6月7日第76/266号决议通过",
        "原始文本 查看联合国大会第76/266号决议",
    ],
    "sgr": [
        "第七十六届会议",
        "议程项目 15",
        "联合国经济、社会及有关领域主要大型会议和首脑会议成果的统筹协调执行及后续行动",
    ],
    "gcm": ["2018年12月10日和11日，摩洛哥马拉喀什", "临时议程项目10", "会议成果"],
    "nyd": [
        "第七十届会议",
        "议程项目 15 和 116",
        "联合国经济、社会及有关领域主要大型会议和首脑会议成果的统筹协调执行及后续行动",
        "千年首脑会议成果的后续行动",
    ],
    "escap": ["2021 年 3 月 10 日至 12 日，曼谷"],
}
TITLES = {
    "imrf": "国际移民问题审查论坛进展宣言",
    "sgr": "安全、有序和正常移民全球契约",
    "gcm": "通过安全、有序和正常移民全球契约政府间会议",
    "nyd": "大会主席提交的决议草案",
    "escap": "《安全、有序和正常移民全球契约》亚太区域执行情况审查",
}


def _normal(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("doc_id", sorted(COVER_METADATA))
def test_the_cover_lines_of_each_bundled_text_are_metadata(corpus, doc_id):
    doc = corpus.get(doc_id)
    metadata = [b.text for b in doc.blocks if b.role == "metadata"]
    assert metadata == COVER_METADATA[doc_id]
    title = next(b for b in doc.blocks if b.kind is BlockKind.HEADING and not b.role)
    assert _normal(title.text) == _normal(TITLES[doc_id])


@pytest.mark.parametrize("doc_id", sorted(COVER_METADATA))
def test_no_heading_path_holds_a_metadata_line(corpus, doc_id):
    doc = corpus.get(doc_id)
    shown = {_normal(b.text) for b in doc.blocks if b.role}
    for block in doc.blocks:
        assert not shown & {_normal(p) for p in block.heading_path}, block.anchor


def test_the_imrf_body_sits_under_its_title_not_under_a_cover_field(corpus):
    doc = corpus.get("imrf")
    assert doc.block("1").heading_path == ("国际移民问题审查论坛进展宣言",)
    assert doc.block("h3").role == "metadata"  # anchors of cover lines are unchanged


def test_metadata_keeps_every_character(corpus):
    """Marking changes no text: the blocks are those of a parse that ignores roles."""
    for doc in corpus:
        assert all(b.text for b in doc.blocks if b.role == "metadata"), doc.id
        assert all(b.kind is BlockKind.HEADING for b in doc.blocks if b.role), doc.id


def test_a_title_repeated_right_after_itself_is_a_duplicate():
    text = (
        "主题:难民和移民\n国际移民问题审查论坛进展宣言\n国际移民问题审查论坛进展宣言\n"
        "通过日期 2022年6月7日\n1. 我们重申全球契约。\n导言\n2. 我们承认。\n"
    )
    blocks = parse_text(text)
    roles = [(b.text, b.role) for b in blocks if b.kind is BlockKind.HEADING]
    assert roles == [
        ("主题:难民和移民", "metadata"),
        ("国际移民问题审查论坛进展宣言", ""),
        ("国际移民问题审查论坛进展宣言", "duplicate"),
        ("通过日期 2022年6月7日", "metadata"),
        ("导言", ""),
    ]
    assert [b.heading_path for b in blocks if b.label == "1"] == [("国际移民问题审查论坛进展宣言",)]
    joined = "".join(b.marker + b.text for b in blocks)
    assert _normal(joined) == _normal(text)


def test_a_heading_after_the_body_starts_is_never_metadata():
    blocks = parse_text("标题\n1. 正文。\n第七十六届会议\n2. 正文。\n")
    assert [b.role for b in blocks] == ["", "", "", ""]


@pytest.mark.parametrize("name", ["un-draft.pdf", "un-report.pdf", "un-english.pdf", "un-draft.docx"])
def test_an_imported_cover_is_metadata_and_its_title_a_heading(name):
    converted, _ = convert(FIXTURES / name)
    blocks = parse_text(converted.text, rejoin_cuts=False)
    cover = [b for b in blocks if b.role == "metadata"]
    assert any("Distr" in b.text for b in cover)
    body = [b for b in blocks if b.label]
    assert body and all("Distr" not in " ".join(b.heading_path) for b in body)
    headings = [b.text for b in blocks if b.kind is BlockKind.HEADING and not b.role]
    assert _normal(converted.title) in {_normal(h) for h in headings} or name.startswith("un-report")
