"""The parser on the real corpus: structure, page-break repairs, footnotes, anchors."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from reader.core.corpus import load_corpus
from reader.core.model import BlockKind
from reader.core.parser import SUPERSCRIPTS

# Every page-break cut in the corpus: (doc, anchor of the re-joined block,
# the end of the first half, the start of the second half). Between the halves
# the source has blank lines and, often, footnote definitions.
PAGE_BREAK_CUTS = [
    ("gcm", "11", "消除", "彼此对移民问题的关切"),
    ("gcm", "15.c", "本全球契约的立", "法和政策措施"),
    ("gcm", "18.d", "让所有人都", "能改善生活"),
    ("gcm", "26.b", "办公室(毒", "品和犯罪问题办公室)"),
    ("gcm", "27.a", "按照国际人权", "法对国际边境"),
    ("gcm", "31", "服务提供系统，尽", "管国民和正常移民"),
    ("sgr", "21", "旨在弥合数据和", "知识差距，建设能力"),
    ("sgr", "25", "人数都有增加。疫", "情造成的变化"),
    ("sgr", "30", "非法驱逐。许多", "国家在确保基于权利"),
    ("sgr", "53", "提高卫生保健服务", "的可及性。"),
    ("sgr", "58", "旨在促", "进平衡、基于证据"),
    ("sgr", "63", "非正常移民获", "得正常身份。"),
    ("sgr", "76", "全球从业者团", "体编制了指导文件"),
    ("sgr", "83", "对孟加", "拉国移民的影响"),
    ("sgr", "88", "关于在", "COVID-19 的准备"),
    ("nyd", "19", "联合国难民", "事务高级专员公署"),
    ("nyd", "24", "交流最佳做法方面的合作。", "我们将强化这方面的支持"),
    ("nyd", "32", "我们将履行根据", "《儿童权利公约》承担的义务"),
    ("nyd", "37", "与建设和平工作之间的", "协调。这将要求"),
    ("nyd", "58", "最好是自愿返回。", "我们指出，返回和重新接纳"),
    ("nyd", "72", "联合国难民事务高级专员公署已行", "动起来，以期"),
    ("escap", "sec1.p1", "3 350 万移民工人", "(劳工组织, 2018 年)。"),
    ("escap", "sec2.1.p1", "标志着会员", "国首次在联合国主持下"),
    ("escap", "sec2.2.p4", "他们还将", "为从 2022 年起"),
]

# Numbered paragraphs per document part: 1..N, complete and in order.
PARAGRAPH_RUNS = {
    "imrf": {"": 77},
    "gcm": {"cover": 2, "": 54},
    "sgr": {"": 111},
    "nyd": {"": 90, "annex1": 19, "annex2": 15},
    "escap": {},
}


@pytest.mark.parametrize(("doc_id", "anchor", "tail", "head"), PAGE_BREAK_CUTS)
def test_page_break_cut_is_rejoined(corpus, doc_id, anchor, tail, head):
    block = corpus.get(doc_id).block(anchor)
    assert tail + head in block.text
    others = [b.anchor for b in corpus.get(doc_id).blocks if b.text.startswith(head)]
    assert others == [], "the second half must not survive as a block of its own"


def test_every_cut_in_the_corpus_is_listed(corpus):
    """A block spanning a blank line is a repaired cut; each one must be in the table."""
    listed = {(doc, anchor) for doc, anchor, _, _ in PAGE_BREAK_CUTS}
    found = set()
    for doc in corpus:
        lines = Path(doc.info.source).read_text(encoding="utf-8").splitlines()
        for block in doc.blocks:
            first, last = block.lines
            if any(not lines[i].strip() for i in range(first - 1, last)):
                found.add((doc.id, block.anchor))
    assert found == listed


@pytest.mark.parametrize("doc_id", sorted(PARAGRAPH_RUNS))
def test_numbered_paragraphs_complete_and_in_order(corpus, doc_id):
    doc = corpus.get(doc_id)
    by_part: dict[str, list[int]] = {}
    for block in doc.blocks:
        if block.kind is BlockKind.PARAGRAPH and block.label:
            by_part.setdefault(block.part, []).append(int(block.label))
    assert {part: len(numbers) for part, numbers in by_part.items()} == PARAGRAPH_RUNS[doc_id]
    for numbers in by_part.values():
        assert numbers == list(range(1, len(numbers) + 1))


def _source_footnote_definitions(path: str) -> Counter:
    marks: Counter = Counter()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(rf"^([{SUPERSCRIPTS}]+|\^[a-z]|\*)\s", line)
        if m and not line.startswith("**"):
            marks[m.group(1).lstrip("^").translate(str.maketrans(SUPERSCRIPTS, "0123456789"))] += 1
    return marks


@pytest.mark.parametrize("doc_id", ["imrf", "gcm", "sgr", "nyd", "escap"])
def test_every_footnote_definition_is_kept(corpus, doc_id):
    doc = corpus.get(doc_id)
    kept = Counter(b.label for b in doc.footnotes())
    assert kept == _source_footnote_definitions(doc.info.source)
    for footnote in doc.footnotes():
        assert footnote.text.strip(), footnote.anchor


@pytest.mark.parametrize("doc_id", ["imrf", "gcm", "sgr", "nyd", "escap"])
def test_every_footnote_reference_resolves_and_every_footnote_is_referenced(corpus, doc_id):
    doc = corpus.get(doc_id)
    footnote_anchors = {b.anchor for b in doc.footnotes()}
    referenced = set()
    for block in doc.blocks:
        for note in block.notes:
            assert note.target in footnote_anchors, (block.anchor, note)
            assert 0 <= note.offset <= len(block.text)
            assert doc.block(note.target).label == note.mark
            referenced.add(note.target)
    assert referenced == footnote_anchors
    for block in doc.blocks:
        assert not re.search(rf"[{SUPERSCRIPTS}]|\^[a-z]\b", block.text), block.anchor


def test_scoped_footnote_marks_resolve_to_the_nearest_definition(corpus):
    """The SG report uses ^a twice: once for the summary, once in the data box."""
    sgr = corpus.get("sgr")
    assert sgr.block("h6.p1").notes[0].target == "fna"
    assert sgr.block("h7.1").notes[0].target == "fna~2"
    assert sgr.block("h7.8").notes[0].target == "fnd"


def test_star_footnote_in_a_heading(corpus):
    heading = corpus.get("gcm").block("cover/h3")
    assert heading.text == "临时议程项目10"
    assert [(n.mark, n.offset, n.target) for n in heading.notes] == [("*", 4, "cover/fnstar")]
    assert corpus.get("gcm").block("cover/fnstar").text == "A/CONF.231/1。"


def test_no_markup_reaches_the_reader(corpus):
    for doc in corpus:
        for block in doc.blocks:
            assert "](#)" not in block.text and "**" not in block.text, block.anchor
            assert not block.text.startswith(("- ", "-\t")), block.anchor
            assert not re.search(r"<https?://", block.text), block.anchor


def test_list_items_written_several_ways_nest_under_their_paragraph(corpus):
    gcm = corpus.get("gcm")
    dashed = gcm.block("36.a")  # written "- (a)" in the source
    assert (dashed.kind, dashed.label, dashed.parent, dashed.level) == (BlockKind.ITEM, "a", "36", 1)
    nested = gcm.block("43.a.1")  # written " - (一)" under "- (a)"
    assert (nested.label, nested.parent, nested.level) == ("一", "43.a", 2)
    assert gcm.block("43.c.1").parent == "43.c"  # written "- (一)" without the indent
    nyd = corpus.get("nyd")
    assert nyd.block("annex1/5.a").marker == "(a)" and nyd.block("annex1/5.e").parent == "annex1/5"
    assert [nyd.block(f"annex2/8.{c}").parent for c in "stu"] == ["annex2/8"] * 3
    escap = corpus.get("escap")
    assert escap.block("sec3.p2.a").label == "a" and escap.block("sec3.p2.e").marker == "e."


def test_subheading_inside_an_action_list_keeps_the_list_together(corpus):
    gcm = corpus.get("gcm")
    assert [gcm.block(f"18.{c}").parent for c in "ghijkl"] == ["18"] * 6
    assert gcm.block("h10").text == "自然灾害、气候变化的不利影响和环境退化"


def test_the_compacts_list_of_objectives_is_a_list_not_paragraphs(corpus):
    gcm = corpus.get("gcm")
    items = [b for b in gcm.blocks if b.parent == "h8"]
    assert [b.label for b in items] == [str(n) for n in range(1, 24)]
    assert all(b.kind is BlockKind.ITEM for b in items)


def test_concept_note_table_is_a_table(corpus):
    table = corpus.get("escap").block("table1")
    assert table.kind is BlockKind.TABLE
    assert table.rows[0] == ("圆桌会议", "目标")
    assert table.rows[2] == ("二", "4、8、9、10、11、13 和 21")
    assert len(table.rows) == 5


def test_headings_and_paths(corpus):
    sgr = corpus.get("sgr")
    assert sgr.block("sec2.I").heading_path == (
        "二. 执行进展",
        "I. 提升汇款速度，降低汇款费用，增进金融包容性",
    )
    assert sgr.block("37").heading_path[-1].startswith("I. ")
    gcm = corpus.get("gcm")
    assert gcm.block("29").heading_path[-1] == "目标 13：仅作为最后手段采取移民拘留措施并努力寻找替代办法"
    assert gcm.block("40").heading_path[-1] == "执行"
    imrf = corpus.get("imrf")
    assert imrf.block("30").heading_path[-1].startswith("第二场圆桌会议")
    assert imrf.block("51").heading_path[-1].startswith("为加速执行")


def test_symbol_references_link_corpus_documents(corpus):
    refs = [(r.symbol, r.doc_id) for doc in corpus for b in doc.blocks for r in b.refs]
    assert ("A/RES/73/195", "gcm") in refs
    assert ("A/RES/71/1", "nyd") in refs
    assert ("A/RES/76/266", "imrf") in refs
    assert ("A/RES/72/244", None) in refs
    escap_ref = corpus.get("escap").block("sec8.4").refs[0]
    assert escap_ref.doc_id == "gcm"
    assert corpus.get("escap").block("sec8.4").text[escap_ref.start : escap_ref.end] == "A/RES/73/195"


def test_anchors_unique_and_stable_across_parses(corpus):
    again = load_corpus()
    for doc in corpus:
        anchors = [b.anchor for b in doc.blocks]
        assert len(anchors) == len(set(anchors)), doc.id
        assert anchors == [b.anchor for b in again.get(doc.id).blocks]
        assert [b.text for b in doc.blocks] == [b.text for b in again.get(doc.id).blocks]


def test_citations(corpus):
    gcm, nyd = corpus.get("gcm"), corpus.get("nyd")
    assert gcm.block("17.a").citation == "《全球契约》(A/RES/73/195)第17段(a)"
    assert gcm.block("43.a.1").citation == "《全球契约》(A/RES/73/195)第43段(a)(一)"
    assert gcm.block("obj13").citation == "《全球契约》(A/RES/73/195)目标13"
    assert nyd.block("annex2/8").citation == "《纽约宣言》(A/RES/71/1)附录二第8段"
    assert corpus.get("imrf").block("24").citation == "《进展宣言》(A/RES/76/266)第24段"
    assert corpus.get("sgr").block("fn12").citation == "《秘书长报告》(A/76/642)脚注12"  # manifest symbol
    for doc in corpus:
        assert all(b.citation.startswith(f"《{doc.info.short_title}》") for b in doc.blocks)
