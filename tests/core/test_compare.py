"""Comparing drafts: synthetic revisions of the bundled texts must come back exactly."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.compare import Status, compare_documents, diff_texts
from reader.core.compare.align import block_key
from reader.core.compare.report import text_report
from reader.core.corpus import parse_document
from reader.core.model import Block, BlockKind, Document


def revision(doc: Document, blocks: list[Block], doc_id: str = "rev") -> Document:
    return Document(info=replace(doc.info, id=doc_id, bundled=False), blocks=tuple(blocks))


def apply(text: str, changes) -> str:
    """Rebuild the new text from the old one and the reported changes."""
    out, position = [], 0
    for change in changes:
        start, end = change.old_range
        out.append(text[position:start])
        out.append(change.new_text)
        position = end
    return "".join(out) + text[position:]


def differences(comparison) -> set[tuple[str, str | None, str | None]]:
    return {
        (p.status.value, p.old.anchor if p.old else None, p.new.anchor if p.new else None)
        for p in comparison.differences()
    }


@pytest.fixture(scope="module")
def gcm(corpus) -> Document:
    return corpus.get("gcm")


def _index(doc: Document, anchor: str) -> int:
    return doc.index_of(anchor)


# --- the word diff ------------------------------------------------------------------------------
def test_inserted_words_are_an_insertion_not_a_replacement():
    changes = diff_texts("各国的共同责任和一致目标", "各国的共同但有区别的责任和一致目标")
    assert [(c.op, c.old_text, c.new_text) for c in changes] == [("insert", "", "但有区别的")]
    assert changes[0].old_range == (5, 5) and changes[0].new_range == (5, 10)


def test_replaced_word_stays_one_replacement_and_a_char_addition_is_found():
    assert [(c.op, c.old_text, c.new_text) for c in diff_texts("我们加强合作", "我们增强合作")] == [
        ("replace", "加强", "增强")
    ]
    assert [(c.op, c.new_text) for c in diff_texts("承担责任", "承担责任感")] == [("insert", "感")]


def test_width_only_changes_are_flagged_and_can_be_ignored():
    old, new = "移民，难民（见附件）", "移民,难民(见附件)"
    changes = diff_texts(old, new)
    assert changes and all(c.width_only for c in changes)
    assert apply(old, changes) == new
    assert diff_texts(old, new, ignore_width=True) == []
    real = diff_texts("移民，难民", "移民,儿童")
    assert not all(c.width_only for c in real)


@given(
    st.text(alphabet="移民难民国家合作责任共同，,。 ab1２", max_size=40),
    st.text(alphabet="移民难民国家合作责任共同，,。 ab1２", max_size=40),
)
def test_changes_rebuild_the_new_text(old, new):
    changes = diff_texts(old, new)
    assert apply(old, changes) == new
    for c in changes:
        assert old[c.old_range[0] : c.old_range[1]] == c.old_text
        assert new[c.new_range[0] : c.new_range[1]] == c.new_text


# --- pairing, one kind of edit at a time --------------------------------------------------------
def test_a_document_compared_with_itself_is_all_same(corpus):
    for doc in corpus:
        result = compare_documents(doc, doc)
        assert {p.status for p in result.pairs} == {Status.SAME}
        assert len(result.pairs) == len(doc.blocks)


def test_deletion_renumbering_and_word_edit_through_the_parser(gcm):
    """A real revision as a delegate would import it: paragraph 5 deleted, 6–16 renumbered,
    words inserted into paragraph 9, a full stop made half-width in paragraph 1."""
    text = Path(gcm.info.source).read_text(encoding="utf-8")
    text = text.replace("共同认识、共同责任和一致目标", "共同认识、共同但有区别的责任和一致目标")
    text = re.sub(r"(?m)^5\. 我们确认会员国.*\n", "", text)

    def renumber(match: re.Match) -> str:
        return f"{int(match.group(1)) - 1}. "

    head, tail = text.split("6. 本全球契约是移民问题", 1)
    tail = "6. 本全球契约是移民问题" + tail
    cut = tail.index("17. 我们承诺")
    tail = re.sub(r"(?m)^(\d+)\. ", renumber, tail[:cut]) + tail[cut:]
    text = head + tail.replace("以国际人权法为基础，坚持", "以国际人权法为基础,坚持")
    new = parse_document(replace(gcm.info, id="rev"), text)
    assert new.block("8").text.startswith("至关重要的是")  # old 9 is now 8
    result = compare_documents(gcm, new)
    assert differences(result) == {("deleted", "5", None), ("changed", "9", "8"), ("changed", "15.f", "14.f")}
    edit = next(p for p in result.pairs if p.old and p.old.anchor == "9")
    assert [(c.op, c.new_text) for c in edit.changes] == [("insert", "但有区别的")]
    width = next(p for p in result.pairs if p.old and p.old.anchor == "15.f")
    assert all(c.width_only for c in width.changes)
    ignoring = compare_documents(gcm, new, ignore_width=True)
    assert ("changed", "15.f", "14.f") not in differences(ignoring)
    assert result.summary()["same"] == len(gcm.blocks) - 3


def test_deleted_pairs_stand_where_they_were(gcm):
    blocks = list(gcm.blocks)
    gone = blocks.pop(40)
    result = compare_documents(gcm, revision(gcm, blocks))
    order = [p.old.anchor if p.old else None for p in result.pairs]
    assert order[40] == gone.anchor and result.pairs[40].status is Status.DELETED
    assert [p.new.anchor for p in result.pairs if p.new] == [b.anchor for b in blocks]


def test_insertion_move_split_and_merge(gcm, corpus):
    blocks = list(gcm.blocks)
    foreign = corpus.get("sgr").blocks[30]
    moved = blocks[60]
    split_block, merge_a, merge_b = blocks[100], blocks[150], blocks[151]
    k = split_block.text.index("。") + 1 if "。" in split_block.text[10:-10] else len(split_block.text) // 2
    first = replace(split_block, text=split_block.text[:k])
    second = replace(split_block, anchor=split_block.anchor + "~2", text=split_block.text[k:])
    glued = replace(merge_a, text=merge_a.text + merge_b.text)
    new_blocks = []
    for i, block in enumerate(blocks):
        if i == 60 or i == 151:
            continue
        new_blocks += {100: [first, second], 150: [glued]}.get(i, [block])
        if i == 20:
            new_blocks.append(replace(foreign, anchor="new-1"))
        if i == 200:
            new_blocks.append(moved)
    result = compare_documents(gcm, revision(gcm, new_blocks))
    assert differences(result) == {
        ("inserted", None, "new-1"),
        ("moved", moved.anchor, moved.anchor),
        ("split", split_block.anchor, split_block.anchor),
        ("split", split_block.anchor, second.anchor),
        ("merged", merge_a.anchor, merge_a.anchor),
        ("merged", merge_b.anchor, merge_a.anchor),
    }
    assert result.summary()["split"] == 2 and result.summary()["merged"] == 2
    assert all(p.similarity == 1.0 for p in result.pairs if p.status is not Status.INSERTED)


def test_json_shape_and_determinism(gcm):
    blocks = list(gcm.blocks)
    blocks[30] = replace(blocks[30], text=blocks[30].text[:10] + "以及" + blocks[30].text[10:])
    del blocks[45]
    new = revision(gcm, blocks)
    data = compare_documents(gcm, new).to_dict()
    assert data == compare_documents(gcm, new).to_dict()
    assert set(data) == {"old", "new", "summary", "pairs"}
    assert set(data["summary"]) == {s.value for s in Status}
    assert sum(data["summary"].values()) == len(data["pairs"])
    for pair in data["pairs"]:
        assert set(pair) == {"status", "old", "new", "similarity", "changes"}
        for side in ("old", "new"):
            assert pair[side] is None or set(pair[side]) == {"anchor", "label"}
        assert 0 <= pair["similarity"] <= 1
        for change in pair["changes"]:
            assert set(change) == {"op", "old_text", "new_text", "old_range", "new_range"}
            assert change["op"] in {"insert", "delete", "replace"}
    changed = [p for p in data["pairs"] if p["status"] == "changed"]
    assert changed == [
        {
            "status": "changed",
            "old": {"anchor": gcm.blocks[30].anchor, "label": gcm.blocks[30].label},
            "new": {"anchor": gcm.blocks[30].anchor, "label": gcm.blocks[30].label},
            "similarity": changed[0]["similarity"],
            "changes": [
                {
                    "op": "insert",
                    "old_text": "",
                    "new_text": "以及",
                    "old_range": [10, 10],
                    "new_range": [10, 12],
                }
            ],
        }
    ]


def test_text_report_marks_the_words(gcm):
    blocks = list(gcm.blocks)
    i = _index(gcm, "9")
    blocks[i] = replace(blocks[i], text=blocks[i].text.replace("共同责任", "共同但有区别的责任"))
    report = text_report(compare_documents(gcm, revision(gcm, blocks)))
    assert "{+但有区别的+}" in report
    assert len(report.strip().splitlines()) == 2


# --- a random edit script: every edit reported, nothing else ----------------------------------
EDITS = ("delete", "insert", "words", "move", "split", "merge")


def _eligible(doc: Document) -> list[int]:
    keys = [block_key(b.text) for b in doc.blocks]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return [
        i
        for i, b in enumerate(doc.blocks)
        if b.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM) and len(b.text) >= 40 and counts[keys[i]] == 1
    ]


@pytest.fixture(scope="module")
def foreign_texts(corpus, gcm) -> list[str]:
    """Paragraphs of another document unlike any of the Compact's (inserted text)."""
    from reader.core.compare.align import dice, grams

    ours = [grams(block_key(b.text)) for b in gcm.blocks]
    texts = []
    for block in corpus.get("escap").blocks:
        g = grams(block_key(block.text))
        if len(block.text) >= 30 and max(dice(g, o) for o in ours) < 0.2:
            texts.append(block.text)
    return texts


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    script=st.lists(
        st.tuples(st.sampled_from(EDITS), st.integers(0, 10_000), st.integers(0, 10_000), st.integers(1, 30)),
        min_size=1,
        max_size=6,
    )
)
def test_random_edit_script_is_reported_exactly(gcm, foreign_texts, script):
    eligible = _eligible(gcm)
    blocks = list(gcm.blocks)
    used: list[int] = []

    def free(i: int) -> bool:
        return all(abs(i - u) >= 3 for u in used)

    actions: dict[int, tuple] = {}
    after: dict[int, list[Block]] = {}
    expected: set[tuple[str, str | None, str | None]] = set()
    for n, (kind, a, b, size) in enumerate(script):
        i = eligible[a % len(eligible)]
        if not free(i) or (kind == "merge" and (i + 1 not in eligible or not free(i + 1))):
            continue
        block = blocks[i]
        if kind == "delete":
            actions[i] = ("drop",)
            expected.add(("deleted", block.anchor, None))
        elif kind == "insert":
            new = Block(f"new{n}", BlockKind.PARAGRAPH, "", foreign_texts[b % len(foreign_texts)])
            actions[i] = ("keep",)
            after.setdefault(i, []).append(new)
            expected.add(("inserted", None, new.anchor))
        elif kind == "words":
            at = 5 + b % (len(block.text) - 10)
            words = "以及各国有关当局"[: 2 + size % 6]
            actions[i] = ("replace", [replace(block, text=block.text[:at] + words + block.text[at:])])
            expected.add(("changed", block.anchor, block.anchor))
        elif kind == "move":
            target = eligible[b % len(eligible)]
            if abs(target - i) < 10 or not free(target):
                continue
            actions[i] = ("drop",)
            after.setdefault(target, []).append(block)
            used.append(target)
            expected.add(("moved", block.anchor, block.anchor))
        elif kind == "split":
            at = len(block.text) // 2
            second = replace(block, anchor=block.anchor + "~2", text=block.text[at:])
            actions[i] = ("replace", [replace(block, text=block.text[:at]), second])
            expected |= {("split", block.anchor, block.anchor), ("split", block.anchor, second.anchor)}
        elif kind == "merge":
            nxt = blocks[i + 1]
            actions[i] = ("replace", [replace(block, text=block.text + nxt.text)])
            actions[i + 1] = ("drop",)
            used.append(i + 1)
            expected |= {("merged", block.anchor, block.anchor), ("merged", nxt.anchor, block.anchor)}
        used.append(i)
    new_blocks: list[Block] = []
    for i, block in enumerate(blocks):
        action = actions.get(i, ("keep",))
        if action[0] == "keep":
            new_blocks.append(block)
        elif action[0] == "replace":
            new_blocks += action[1]
        new_blocks += after.get(i, [])
    result = compare_documents(gcm, revision(gcm, new_blocks))
    assert differences(result) == expected
    for pair in result.pairs:
        if pair.status in (Status.SAME, Status.CHANGED, Status.MOVED):
            assert apply(pair.old.text, pair.changes) == pair.new.text


def test_repeated_boilerplate_edited_twice_stays_in_place(gcm):
    """Every objective repeats 为履行这一承诺……; edited differently, each stays with its objective."""
    blocks = list(gcm.blocks)
    for anchor, words in (("18.p1", "各国"), ("20.p1", "共同")):
        i = _index(gcm, anchor)
        text = blocks[i].text
        blocks[i] = replace(blocks[i], text=text[:6] + words + text[6:])
    result = compare_documents(gcm, revision(gcm, blocks))
    assert differences(result) == {("changed", "18.p1", "18.p1"), ("changed", "20.p1", "20.p1")}


def test_a_rewritten_paragraph_between_unchanged_ones_is_changed(gcm, corpus):
    """Little left of the old wording, but the same place: the same paragraph, rewritten."""
    from reader.core.compare.align import IN_PLACE, dice, grams

    blocks = list(gcm.blocks)
    i = _index(gcm, "11")
    old_text = blocks[i].text
    new_text = old_text[: len(old_text) // 8] + corpus.get("escap").blocks[20].text
    score = dice(grams(block_key(old_text)), grams(block_key(new_text)))
    assert score < IN_PLACE  # too unlike to be paired by likeness alone
    blocks[i] = replace(blocks[i], text=new_text)
    result = compare_documents(gcm, revision(gcm, blocks))
    assert differences(result) == {("changed", "11", "11")}


def test_an_edited_paragraph_followed_by_one_reusing_its_words_is_not_a_split(gcm):
    blocks = list(gcm.blocks)
    i = _index(gcm, "12")
    text = blocks[i].text
    edited = replace(blocks[i], text=text.replace("本全球契约", "本契约", 1))
    echo = replace(blocks[i], anchor="12-new", text="各国还应" + text[len(text) // 3 : 2 * len(text) // 3])
    blocks[i : i + 1] = [edited, echo]
    result = compare_documents(gcm, revision(gcm, blocks))
    assert differences(result) == {("changed", "12", "12"), ("inserted", None, "12-new")}


def test_renumbered_objective_headings_are_the_same(gcm):
    """An objective inserted before objective 5 renumbers the headings after it (目标 5 → 目标 6)."""
    blocks = list(gcm.blocks)
    for k, block in enumerate(blocks):
        match = re.match(r"目标 (\d+)：", block.text)
        if match and int(match.group(1)) >= 5:
            blocks[k] = replace(block, text=f"目标 {int(match.group(1)) + 1}：" + block.text[match.end() :])
    result = compare_documents(gcm, revision(gcm, blocks))
    assert differences(result) == set()
    edited = list(blocks)
    k = _index(gcm, "obj7")
    edited[k] = replace(edited[k], text=edited[k].text + "（新）")
    assert differences(compare_documents(gcm, revision(gcm, edited))) == {("changed", "obj7", "obj7")}
