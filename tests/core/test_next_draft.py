"""A delegate's next draft as it really arrives: the bundled texts written the ways other
drafts write them (full-width numbers, renumbered objectives, Word outline levels) must read
like the originals."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.annotations import Store, make_target, new_annotation
from reader.core.compare import Status, compare_documents
from reader.core.compare.carry import CarryStatus, plan_carry
from reader.core.compare.objectives import changed_objectives
from reader.core.compare.redline import redline_rows, to_html
from reader.core.corpus import CORPUS_DIR, import_document, load_corpus
from reader.core.importers import convert
from reader.core.importers.cover import pick_title
from reader.core.importers.pdf import _Assembler, _Char, _Line, _lines_from_chars, _Page
from reader.core.importers.text import decode_text
from reader.core.model import BlockKind, Document
from reader.core.objectives import build_objectives
from reader.core.parser import parse_text
from reader.core.passages import ObjectiveMap, objective_sections
from reader.paths import resolve_paths

FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _gcm_text() -> str:
    return (CORPUS_DIR / "gcm-outcome-document-2018.txt").read_text(encoding="utf-8")


def _shape(text: str) -> list[tuple[str, str, str, str]]:
    return [(b.anchor, b.kind.value, b.label, b.text) for b in parse_text(text, main_part="annex")]


def test_full_width_paragraph_numbers_read_like_ascii_ones():
    """１２．我们… (full-width, no space, as typed in Chinese) and 12．我们… are paragraph 12."""
    original = _gcm_text()
    typed = re.sub(
        r"(?m)^(\d{1,2})\. ",
        lambda m: m.group(1).translate(FULL_WIDTH) + "．" if int(m.group(1)) % 2 else m.group(1) + "．",
        original,
    )
    assert typed != original
    assert _shape(typed) == _shape(original)


NEW_OBJECTIVE = (
    "目标 8：保护移民儿童的权利并维护其最大利益\n\n"
    "24. 我们承诺在整个移民周期中保护移民儿童的权利，始终以儿童最大利益为首要考虑。\n\n"
)


def _renumbered_draft(tmp_path, edit: tuple[str, str] = ("", "")):
    """The Compact with an objective inserted before objective 8: 目标 8-23 become 目标 9-24."""
    text = re.sub(
        r"(?m)^目标 (\d+)([：:])",
        lambda m: f"目标 {int(m.group(1)) + (int(m.group(1)) >= 8)}{m.group(2)}",
        _gcm_text(),
    )
    text = text.replace("目标 9：在失踪移民问题上", NEW_OBJECTIVE + "目标 9：在失踪移民问题上", 1)
    text = text.replace(*edit, 1) if edit[0] else text
    source = tmp_path / "gcm-rev1.txt"
    source.write_text(text, encoding="utf-8")
    info = import_document(source, resolve_paths(), revision_of="gcm")
    return load_corpus(paths=resolve_paths()), info.id


def test_a_renumbered_objective_links_by_its_title_not_its_number(tmp_path):
    corpus, draft_id = _renumbered_draft(tmp_path)
    draft = corpus.get(draft_id)
    objectives = {o.number: o for o in build_objectives(corpus)}
    for number, objective in objectives.items():
        heading = draft.block(f"annex/obj{number + (number >= 8)}")
        titles = [link.anchor for link in objective.links if link.doc == draft_id and link.kind == "title"]
        assert heading.anchor in titles, (number, heading.text)
        assert heading.text == objective.title
    # the inserted objective is none of the 23
    assert all(
        link.anchor != "annex/obj8" for o in objectives.values() for link in o.links if link.doc == draft_id
    )


@pytest.mark.parametrize("hashes", ["#", "###"])
def test_a_word_heading_between_two_items_keeps_the_list_numbering(hashes, corpus):
    """Objective 2's 自然灾害… subheading, in a Heading style, sits between actions (g) and (h):
    (h) is still 第18段(h), not an item of the heading."""
    original = _gcm_text()
    styled = original.replace(
        "\n自然灾害、气候变化的不利影响和环境退化\n", f"\n{hashes} 自然灾害、气候变化的不利影响和环境退化\n"
    )
    assert styled != original
    items = [b for b in _shape(original) if b[1] == "item"]
    assert [b for b in _shape(styled) if b[1] == "item"] == items
    assert ("18.h", "item", "h") in [b[:3] for b in items]
    sections = objective_sections(
        Document(
            info=replace(corpus.get("gcm").info, id="styled"),
            blocks=tuple(parse_text(styled, main_part="annex")),
        )
    )
    assert sections.get("18.h") == 2  # a heading inside a list never ends the objective's section


def test_a_cover_footnote_is_not_paired_with_the_new_drafts_cover_line(corpus):
    """The Rev.1 cover names its own symbol; the old cover's note * A/CONF.231/1。 is not
    its earlier version (it was reported as moved there)."""
    gcm = corpus.get("gcm")
    text = _gcm_text().replace("临时议程* 项目10", "联合国 A/CONF.231/3/Rev.1\n\n临时议程 项目10", 1)
    text = text.replace("* [A/CONF.231/1](#)。\n", "", 1)
    rev = Document(
        info=replace(gcm.info, id="rev", bundled=False), blocks=tuple(parse_text(text, main_part="annex"))
    )
    comparison = compare_documents(gcm, rev)
    for pair in comparison.pairs:
        if pair.old is not None and pair.new is not None:
            assert (pair.old.kind is BlockKind.FOOTNOTE) == (pair.new.kind is BlockKind.FOOTNOTE), pair
    deleted = [p.old.anchor for p in comparison.pairs if p.status is Status.DELETED]
    assert "cover/fnstar" in deleted


def test_chinese_utf16_without_a_byte_order_mark_is_read():
    """Saved as UTF-16 without a BOM (some editors and converters do), Chinese text has too few
    NUL bytes to look like UTF-16 by them alone; it was refused as a binary file."""
    text = (CORPUS_DIR / "imrf-progress-declaration-2022.txt").read_text(encoding="utf-8")
    text = text.replace("\n", "\r\n")
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode_text(text.encode(encoding), "imrf.txt") == text


def test_an_imported_text_is_titled_by_its_first_heading_after_the_cover(tmp_path):
    """A web copy opens with 主题:难民和移民, a UN report with its session, agenda item and the
    item's title: none of them is the document's title, which its citations carry."""
    expected = {
        "imrf-progress-declaration-2022.txt": "国际移民问题审查论坛进展宣言",
        "sg-report-gcm-2021.txt": "安全、有序和正常移民全球契约",
    }
    for name, title in expected.items():
        source = tmp_path / name
        source.write_bytes((CORPUS_DIR / name).read_bytes())
        info = import_document(source, resolve_paths())
        assert info.title == title
        document = load_corpus(paths=resolve_paths()).get(info.id)
        assert document.block("1").citation.startswith(f"《{title[:20]}》")


def test_an_import_titled_after_its_cover_is_parsed_once(tmp_path, monkeypatch):
    """Retitling an import after its cover fields re-parsed the whole text only to count its
    blocks again (the title changes no block); a long draft took twice as long to import."""
    from reader.core.importers import library

    calls = []
    real_parse = library.parse_document
    monkeypatch.setattr(library, "parse_document", lambda *a, **k: calls.append(1) or real_parse(*a, **k))
    source = tmp_path / "imrf-progress-declaration-2022.txt"
    source.write_bytes((CORPUS_DIR / source.name).read_bytes())
    info = import_document(source, resolve_paths())
    assert info.title == "国际移民问题审查论坛进展宣言" and len(calls) == 1


def test_a_deleted_items_highlight_is_not_carried_onto_words_like_it(corpus, tmp_path):
    """Action 21(j) deleted: its highlighted 与学术机构和其他 is 6 of 8 characters of 金融机构
    和其他 in 43(b)(三), which the new draft kept unchanged; the highlight is orphaned, not put
    there."""
    gcm = corpus.get("gcm")
    rev = Document(
        info=replace(gcm.info, id="rev", bundled=False),
        blocks=tuple(b for b in gcm.blocks if b.anchor != "21.j"),
    )
    store = Store.open(tmp_path / "annotations.json")
    highlight = store.add(new_annotation(make_target(gcm, "21.j", 0, None, 8))).after
    assert highlight.exact == "与学术机构和其他"
    plan = plan_carry(compare_documents(gcm, rev), store.state)
    (item,) = [i for i in plan.items if i.original.id == highlight.id]
    assert item.status is CarryStatus.ORPHANED and item.new_anchor is None


def test_a_landscape_page_does_not_cut_the_portrait_pages_paragraphs():
    """A draft with a landscape table page: its long lines set the one right margin, so every
    portrait line looked short, and a paragraph was cut in two after its first line. That line
    ends in 》 (neither open nor 、), so only the page's own margin says it runs on."""

    def line(text: str, page: int, top: float, right: float) -> _Line:
        return _Line(text, 90, right, top, top - 11, 11.0, False, page)

    portrait = _Page(
        1, 612, 792, [line("1. 我们确认移民面临家庭长期分离等风险，根据《2030年议程》", 1, 700, 520)]
    )
    portrait.lines.append(line("社会保护、教育和儿童服务。", 1, 682, 300))
    for row in range(6):
        portrait.lines.append(
            line("我们重申必须开展国际合作，推动安全、有序和正常移民", 1, 640 - 18 * row, 520)
        )
    landscape = _Page(2, 792, 612, [])
    for row in range(12):
        landscape.lines.append(
            line("2. 横向页面上的长行文字，一直延伸到更宽的页边" * 2, 2, 500 - 18 * row, 700)
        )
    blocks = parse_text(_Assembler([portrait, landscape]).run(), rejoin_cuts=False)
    assert next(b for b in blocks if b.anchor == "1").text.endswith(
        "根据《2030年议程》社会保护、教育和儿童服务。"
    )


def test_a_line_ending_in_an_enumeration_comma_runs_on_but_a_comma_ends_a_preamble_line():
    """A short line ending in 、 (the next word did not fit) goes on, even overleaf; a resolution's
    preambular paragraphs (大会，／回顾…，／重申…，) each end in a comma and stay apart."""

    def line(text: str, page: int, top: float, right: float) -> _Line:
        return _Line(text, 90, right, top, top - 11, 11.0, False, page)

    full = "我们重申必须开展国际合作，推动安全、有序和正常移民，包括实施完善的移民政策"
    first = _Page(1, 612, 792, [line("1. 我们确认移民面临资金短缺、家庭长期分离等风险", 1, 700, 520)])
    first.lines += [line(full, 1, 682 - 18 * row, 520) for row in range(5)]
    first.lines.append(line("各国应当加强疫苗、", 1, 592, 250))
    preamble = ["大会，", "回顾其2018年12月19日第73/195号决议，", "重申《安全、有序和正常移民全球契约》，"]
    second = _Page(2, 612, 792, [line("社会保护、教育和儿童服务。", 2, 700, 300)])
    second.lines += [line(text, 2, 682 - 18 * row, 90 + 11 * len(text)) for row, text in enumerate(preamble)]
    second.lines.append(line("1. 欢迎会员国在落实全球契约方面取得的进展" + full, 2, 628, 520))
    second.lines += [line(full, 2, 610 - 18 * row, 520) for row in range(5)]
    paragraphs = _Assembler([first, second]).run().split("\n\n")
    assert any(p.endswith("各国应当加强疫苗、社会保护、教育和儿童服务。") for p in paragraphs)
    for text in preamble:
        assert text in paragraphs


def _chars(text: str, x: float, top: float, size: float = 10.0) -> list[_Char]:
    return [
        _Char(ch, x + i * size, x + (i + 1) * size, top - size, top, size, False) for i, ch in enumerate(text)
    ]


def test_a_borderless_table_of_two_prose_columns_stays_a_table():
    """A round table → objectives table, as Word and LibreOffice set one without borders:
    two cells of prose a row. Read as two columns of text (a reading that was tried), every
    round table lost its objectives."""
    chars = _chars("1. 会员国强调，必须加强区域合作，以落实全球契约的各项目标，并确保所有移民的人权", 90, 720)
    chars += _chars("得到尊重和保护，包括在边境管理方面采取以人权为基础的做法。", 90, 705)
    top = 680
    for row in range(1, 7):
        left = [f"第{row}场圆桌会议讨论了移民数据、减少", "移民脆弱性以及加强国际合作的措施。"]
        right = [f"目标{row}、{row + 1}和{row + 2}：各国介绍了在落实", "这些目标方面取得的进展和挑战。"]
        for line in range(2):
            chars += _chars(left[line], 90, top) + _chars(right[line], 330, top)
            top -= 15
        top -= 10
    lines = _lines_from_chars(chars, 1)
    text = _Assembler([_Page(1, 612, 792, lines)]).run()
    for row in range(1, 7):
        assert any(f"第{row}场圆桌" in line and f"目标{row}、" in line for line in text.splitlines()), row


def test_footnote_marks_side_by_side_are_each_their_own_note():
    """Paragraph 2 of the Compact cites three conventions; with their notes' marks set side by
    side (¹²³, as Word shows adjacent references) they were one mark '123' linked to nothing."""
    original = _gcm_text()
    text = original.replace("人权条约、¹ 《联合国打击", "人权条约、¹²³ 《联合国打击", 1)
    text = text.replace("《巴黎协定》、² ", "《巴黎协定》、", 1).replace(
        "劳工移民的各项公约³ ", "劳工移民的各项公约", 1
    )
    assert text.count("¹²³") == 1
    paragraph = next(b for b in parse_text(text, main_part="annex") if b.anchor == "2")
    assert [(n.mark, n.target) for n in paragraph.notes] == [("1", "fn1"), ("2", "fn2"), ("3", "fn3")]
    assert len({n.offset for n in paragraph.notes}) == 1


def test_word_headings_at_the_objectives_level_are_their_siblings(corpus, tmp_path):
    """A draft that gives every heading the same Word style (Heading 3): 执行 after the last
    objective was ranked below 目标 N (the parser ranks objectives second), so the whole
    implementation section counted as part of that objective."""
    import docx

    gcm = corpus.get("gcm")
    document = docx.Document()
    for style, text in [
        ("Heading 3", "目标和承诺"),
        ("Heading 3", f"目标 1：{gcm.block('obj1').text}"),
        ("Normal", f"17.\t{gcm.block('17').text}"),
        ("Heading 3", "执行"),
        ("Normal", f"44.\t{gcm.block('44').text}"),
    ]:
        document.add_paragraph(text, style=style)
    source = tmp_path / "draft.docx"
    document.save(source)
    info = import_document(source, resolve_paths())
    draft = load_corpus(paths=resolve_paths()).get(info.id)
    sections = objective_sections(draft)
    assert sections.get("17") == 1 and "44" not in sections
    assert draft.block("44").heading_path[-1] == "执行"
    assert not any(h.startswith("目标") for h in draft.block("44").heading_path)


def test_a_word_drafts_heading_levels_are_not_printed_in_the_redline(corpus, tmp_path):
    """The importer marks a Word heading's level with ## for the parser; the HTML and Word
    redlines printed it before every heading (“## 执行”)."""
    import docx

    gcm = corpus.get("gcm")
    document = docx.Document()
    document.add_paragraph("执行", style="Heading 2")
    document.add_paragraph(f"44.\t{gcm.block('44').text}")
    source = tmp_path / "draft.docx"
    document.save(source)
    info = import_document(source, resolve_paths())
    draft = load_corpus(paths=resolve_paths()).get(info.id)
    heading = next(b for b in draft.blocks if b.text == "执行")
    assert heading.marker.startswith("#") and heading.shown_marker == ""
    page = to_html(compare_documents(gcm, draft))
    assert "##" not in page and ">#<" not in page
    assert [row.label for row in redline_rows(compare_documents(gcm, draft)) if row.new is heading] == [""]


def test_a_scanned_page_inside_a_pdf_is_reported():
    """A signed annex scanned into the middle of a draft: its page has an image and no text,
    so its content was silently missing from the imported document. A page holding only a
    small picture (logo-page.pdf: a logo; a chart, a map) has lost no text: no OCR warning."""
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    converted, _ = convert(fixtures / "scanned-page.pdf")
    assert any("page 2 " in warning and "OCR" in warning for warning in converted.warnings)
    assert "我们确认移民对来源国" in converted.text  # the pages around it are read
    for name in ("un-draft.pdf", "un-report.pdf", "un-english.pdf", "logo-page.pdf"):
        assert not any("OCR" in warning for warning in convert(fixtures / name)[0].warnings)


def test_a_pdf_without_a_title_is_not_named_after_a_sentence_or_its_symbol(tmp_path):
    """The scanned-page fixture has a cover and numbered paragraphs but no title line: it was
    titled 有计划和管理完善的移民政策。 (paragraph 1 wrapped onto a second line), and with
    that fixed, 联合国A/76/L.98 (its cover line). The file's name is the honest title."""
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    assert (
        pick_title(["联合国\tA/76/L.98", "1.\t我们重申必须开展国际合作、", "有计划和管理完善的移民政策。"])
        == ""
    )
    source = tmp_path / "scanned-page.pdf"
    source.write_bytes((fixtures / "scanned-page.pdf").read_bytes())
    assert import_document(source, resolve_paths()).title == "scanned-page"


def test_a_pdf_without_a_title_is_not_named_after_a_middle_line_of_paragraph_1(tmp_path):
    """Paragraph 1 of the logo-page fixture wraps over three lines; its middle line
    社会保护、教育和儿童服务 has no full stop, reads like a heading, and named the document.
    A title comes before paragraph 1."""
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    lines = [
        "联合国\tA/76/L.99",
        "1. 我们确认移民面临资金短缺，各国应当加强",
        "社会保护、教育和儿童服务",
        "并为此合作。",
    ]
    assert pick_title(lines) == ""
    assert pick_title(["联合国\tA/76/L.99", "移民问题宣言草案", *lines[1:]]) == "移民问题宣言草案"
    source = tmp_path / "logo-page.pdf"
    source.write_bytes((fixtures / "logo-page.pdf").read_bytes())
    assert import_document(source, resolve_paths()).title == "logo-page"


def test_a_markdown_drafts_objective_headings_are_objectives():
    """A .md draft writes ### 目标 1：…; it was a plain heading h10 (cited by its words, not
    as 目标1), and comparing it with the Compact reported all 23 objectives as changed."""
    original = _gcm_text()
    markdown = re.sub(r"(?m)^(目标 \d+[：:])", r"### \1", original)
    shapes = _shape(markdown)
    assert shapes == _shape(original)
    blocks = {b.anchor: b for b in parse_text(markdown, main_part="annex")}
    assert blocks["obj13"].marker.startswith("###") and blocks["obj13"].shown_marker == "目标 13："
    assert blocks["29"].heading_path[-1].startswith("目标 13：")


def test_hidden_word_text_is_not_read(corpus, tmp_path):
    """Text formatted as hidden (w:vanish: a drafter's aside, a hidden job number) is neither
    shown nor printed by Word; it was read, and glued before 18. it hid the paragraph number."""
    import docx
    from docx.oxml import parse_xml

    gcm = corpus.get("gcm")
    document = docx.Document()
    document.add_paragraph(f"17.\t{gcm.block('17').text}")
    paragraph = document.add_paragraph()
    paragraph._p.append(
        parse_xml(
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:rPr><w:vanish/></w:rPr><w:t>[待定：与G77磋商]</w:t></w:r>"
        )
    )
    paragraph.add_run(f"18.\t{gcm.block('18').text}")
    source = tmp_path / "draft.docx"
    document.save(source)
    info = import_document(source, resolve_paths())
    draft = load_corpus(paths=resolve_paths()).get(info.id)
    assert draft.block("18").text == gcm.block("18").text
    assert not any("待定" in b.text for b in draft.blocks)


def test_a_renumbered_drafts_changes_mark_the_objectives_they_belong_to(tmp_path):
    """Compared with the Compact, the renumbered draft's edit under its 目标 9 (objective 8,
    missing migrants) marked objective 9 (smuggling), and its new objective marked objective 8."""
    corpus, draft_id = _renumbered_draft(tmp_path, ("24. 我们承诺根据国际法", "24. 我们坚定承诺根据国际法"))
    objective_map = ObjectiveMap(corpus, build_objectives(corpus))
    changed = changed_objectives(compare_documents(corpus.get("gcm"), corpus.get(draft_id)), objective_map)
    assert changed == {8: 1}


def test_a_line_opening_with_a_full_width_decimal_is_not_a_paragraph_number():
    """With 12． read as paragraph 12 with no space after it, a wrapped line opening with
    3．5亿 (a full-width decimal point) became paragraph 3."""
    text = (
        "1. 我们注意到，全世界的国际移民人数已超过\n2．81亿，其中劳工移民约\n1．69亿。\n\n"
        "2．我们承诺加强合作。\n"
    )
    blocks = [b for b in parse_text(text) if b.kind is BlockKind.PARAGRAPH]
    assert [b.anchor for b in blocks] == ["1", "2"]
    assert "2．81亿" in blocks[0].text and "1．69亿。" in blocks[0].text
    assert blocks[1].text == "我们承诺加强合作。"


@pytest.mark.parametrize("hashes", ["##", "###"])
def test_a_markdown_heading_after_the_last_objective_is_not_inside_it(hashes):
    """A .md draft with ### 目标 23：… then ### 执行 put the whole implementation section under
    objective 23: Markdown depths were ranked as written, the objectives second. They are
    ranked relative to the objectives' depth, as the Word importer does with Word's levels."""
    original = _gcm_text()
    markdown = re.sub(r"(?m)^(目标 \d+[：:])", r"### \1", original)
    markdown = markdown.replace("\n执行\n", f"\n{hashes} 执行\n", 1).replace(
        "\n目标和承诺\n", "\n## 目标和承诺\n", 1
    )
    blocks = {b.anchor: b for b in parse_text(markdown, main_part="annex")}
    path = blocks["44"].heading_path
    assert path[-1] == "执行" and not any(h.startswith("目标 ") for h in path)
    assert blocks["17"].heading_path[-2:] == ("目标和承诺", f"目标 1：{blocks['obj1'].text}")
    if hashes == "##":  # 执行 at 目标和承诺's depth: the outline is the Compact's own
        original_blocks = {b.anchor: b for b in parse_text(original, main_part="annex")}
        assert path == original_blocks["44"].heading_path
