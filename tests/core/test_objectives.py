"""The objective tree and the links from other documents, on the real corpus."""

from __future__ import annotations

from collections import defaultdict

from reader.core.objectives import objective_for_block, objective_numbers_in

ACTIONS_PER_OBJECTIVE = [11, 12, 5, 7, 10, 12, 12, 6, 6, 10, 7, 5, 8, 6, 6, 9, 7, 12, 10, 9, 9, 3, 5]

# The progress declaration's round tables (paragraph ranges) and their objectives.
ROUND_TABLES = {
    "rt1": (range(24, 30), [2, 5, 6, 12, 18]),
    "rt2": (range(30, 37), [4, 8, 9, 10, 11, 13, 21]),
    "rt3": (range(37, 45), [14, 15, 16, 19, 20, 22]),
    "rt4": (range(45, 51), [1, 3, 7, 17, 23]),
}


def test_23_objectives_with_187_actions(objectives):
    assert [o.number for o in objectives] == list(range(1, 24))
    assert [len(o.actions) for o in objectives] == ACTIONS_PER_OBJECTIVE
    assert sum(len(o.actions) for o in objectives) == 187


def test_objective_parts(objectives, corpus):
    gcm = corpus.get("gcm")
    o13 = objectives[12]
    assert o13.title == "仅作为最后手段采取移民拘留措施并努力寻找替代办法"
    assert (o13.anchor, o13.commitment_anchor) == ("obj13", "29")
    assert o13.commitment.startswith("我们承诺确保国际移民背景下的任何拘留")
    assert [a.letter for a in o13.actions] == list("abcdefgh")
    assert o13.actions[0].anchor == "29.a" and gcm.block("29.a").text == o13.actions[0].text
    # objective 20's actions are written "- (a)" in the source; 2's list has a subheading
    assert [a.anchor for a in objectives[19].actions][:2] == ["36.a", "36.b"]
    assert objectives[1].actions[-1].anchor == "18.l"


def test_round_table_links_cover_all_23_objectives(objectives):
    linked = defaultdict(set)
    for o in objectives:
        for link in o.links:
            if link.kind == "roundtable":
                assert link.doc == "imrf"
                linked[o.number].add(link.anchor)
    assert sorted(linked) == list(range(1, 24))
    for heading, (paragraphs, numbers) in ROUND_TABLES.items():
        for n in numbers:
            assert linked[n] == {heading, *map(str, paragraphs)}


def test_concept_note_table_links(objectives):
    table_links = {
        o.number
        for o in objectives
        for link in o.links
        if link.kind == "table" and link.doc == "escap" and link.anchor == "table1"
    }
    assert table_links == set(range(1, 24))


def test_inline_mention_links_and_title_variants(objectives):
    o8 = objectives[7]
    assert any(link.doc == "sgr" and link.anchor == "76" and link.kind == "mention" for link in o8.links)
    assert "提高移民适当甄别、评估和转介程序的确信性和可预测性" in objectives[11].title_variants
    assert "着力于技能发展，促进技能、资格和能力的相户承认" in objectives[17].title_variants
    annex = {
        o.number: link.anchor
        for o in objectives
        for link in o.links
        if link.doc == "escap" and link.kind == "title"
    }
    assert annex == {n: f"annex1/h1.{n}" for n in range(1, 24)}
    assert any(link.doc == "sgr" and link.anchor == "sec2.K" for link in objectives[0].links)


def test_numbers_that_are_not_objectives_make_no_links(objectives, corpus):
    assert objective_numbers_in("可持续发展目标的具体目标 10.7(促进有序") == []
    assert objective_numbers_in("具体目标10.c制定路线图") == []
    assert objective_numbers_in("讨论《全球契约》所有23项目标。") == []
    assert objective_numbers_in("第一场圆桌会议(目标2、5、6、12和18)") == [2, 5, 6, 12, 18]
    assert objective_numbers_in("《契约》的目标 8(在失踪移民问题上") == [8]
    mentions = [
        (o.number, link.doc, link.anchor) for o in objectives for link in o.links if link.kind == "mention"
    ]
    assert mentions == [(8, "sgr", "76")]
    for o in objectives:
        for link in o.links:
            assert link.doc != "gcm"
            block = corpus.get(link.doc).block(link.anchor)
            assert link.citation == block.citation


def test_objective_for_block(objectives):
    assert objective_for_block(objectives, "gcm", "29.c") == [13]
    assert objective_for_block(objectives, "gcm", "obj13") == [13]
    assert objective_for_block(objectives, "imrf", "31") == [4, 8, 9, 10, 11, 13, 21]
    assert objective_for_block(objectives, "gcm", "40") == []
