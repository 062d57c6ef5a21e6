"""PDF and Word import: the UN-style fixtures come back paragraph for paragraph; bad files are
refused with one clear line and leave the library as it was; folders import in one batch."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.atomic import WriteError
from reader.core.corpus import import_document, load_corpus, remove_imported
from reader.core.importers import ImportFailure, convert
from reader.core.importers.pdf import _Assembler, _Line, _Page, _strip_running
from reader.core.importers.source import read_source
from reader.core.model import BlockKind
from reader.core.parser import SUPERSCRIPTS, parse_text
from reader.paths import resolve_paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
sys.path.insert(0, str(FIXTURES))
import un_document as un  # noqa: E402

FORMATS = ["un-draft.pdf", "un-draft.docx"]


def imported(name: str, tmp_path: Path):
    source = tmp_path / name
    shutil.copy(FIXTURES / name, source)
    info = import_document(source, resolve_paths())
    return info, load_corpus(paths=resolve_paths()).get(info.id)


def library_files() -> list[str]:
    folder = resolve_paths().imported_dir
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("name", FORMATS)
def test_numbered_paragraphs_come_back_word_for_word_with_their_footnotes(name, tmp_path):
    info, doc = imported(name, tmp_path)
    for number, text, note, _ in un.PARAGRAPHS:
        block = doc.block(str(number))
        assert (block.kind, block.text) == (BlockKind.PARAGRAPH, text), number
        if note:
            assert [doc.block(n.target).text for n in block.notes] == [note]
            assert block.notes[0].offset == len(text)  # the mark stood at the end
        else:
            assert block.notes == ()
    items = {b.anchor: b.text for b in doc.blocks if b.kind is BlockKind.ITEM}
    assert items == {f"6.{label}": text for label, text, _ in un.ITEMS}
    assert (info.symbol, info.date, info.title) == (un.SYMBOL, un.DATE_ISO, un.TITLE)


@pytest.mark.parametrize("name", FORMATS)
def test_no_header_footer_or_page_number_text_enters_a_block(name, tmp_path):
    _, doc = imported(name, tmp_path)
    body = [b for b in doc.blocks if b.kind is not BlockKind.HEADING or b.level > 1]
    for block in doc.blocks:
        assert un.JOB_NUMBER not in block.text and "*2120387*" not in block.text
        assert not re.fullmatch(r"\d+\s*/\s*\d+", block.text.strip())
    # the symbol is on the cover only, never as a running header between paragraphs
    holders = [b.anchor for b in doc.blocks if un.SYMBOL in b.text]
    assert len(holders) == 1 and doc.index_of(holders[0]) < doc.index_of("1")
    headings = [b.text for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert {"导言", "执行进展", "后续行动", un.BOLD_HEADING} <= set(headings)
    table = next(b for b in doc.blocks if b.kind is BlockKind.TABLE)
    assert table.rows == tuple(un.TABLE)
    assert body


def test_pdf_repairs_are_counted_and_page_cuts_rejoined():
    converted, _ = convert(FIXTURES / "un-draft.pdf")
    repairs = converted.repairs
    assert repairs.pages >= 3 and repairs.page_breaks_joined >= 1
    assert repairs.header_lines_removed >= repairs.pages - 1
    assert repairs.footnotes == len(un.all_footnotes())
    assert any(un.JOB_NUMBER in line for line in converted.removed)
    assert "page break" in repairs.describe() and "footnote" in repairs.describe()


def test_word_numbering_and_header_symbol(tmp_path):
    converted, _ = convert(FIXTURES / "un-draft.docx")
    auto = sum(1 for _, _, _, how in un.PARAGRAPHS if how == "auto") + sum(
        1 for _, _, how in un.ITEMS if how == "auto"
    )
    assert converted.repairs.numbered == auto
    assert converted.symbol == un.SYMBOL and un.JOB_NUMBER not in converted.text


def test_the_source_is_copied_so_the_library_survives_the_original_moving(tmp_path):
    info, _ = imported("un-draft.pdf", tmp_path)
    (tmp_path / "un-draft.pdf").unlink()
    copies = list(resolve_paths().imported_dir.glob(f"{info.id}.source.pdf"))
    assert copies and copies[0].read_bytes() == (FIXTURES / "un-draft.pdf").read_bytes()
    assert load_corpus(paths=resolve_paths()).get(info.id).has("10")
    remove_imported(info.id, resolve_paths())
    assert library_files() == []


# --- bad input: one clear line, nothing changed ------------------------------------------
SCANNED = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    files = {}
    encrypted = tmp_path / "encrypted.pdf"
    shutil.copy(FIXTURES / "encrypted.pdf", encrypted)
    files["encrypted"] = (encrypted, "password-protected")
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(SCANNED)
    files["no-text-layer"] = (scanned, "OCR")
    corrupt = tmp_path / "broken.pdf"
    corrupt.write_bytes((FIXTURES / "un-draft.pdf").read_bytes()[:4000])
    files["corrupt"] = (corrupt, "damaged")
    bad_docx = tmp_path / "broken.docx"
    bad_docx.write_bytes(b"PK\x03\x04 this is not a zip")
    files["corrupt-docx"] = (bad_docx, "damaged")
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(51 * 2**20)  # sparse: no 51 MB written
    files["too-large"] = (huge, "too large")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    files["fifo"] = (fifo, "named pipe")
    bom_only = tmp_path / "bom.txt"
    bom_only.write_bytes(b"\xef\xbb\xbf")
    files["bom-only"] = (bom_only, "only a byte-order mark")
    return files


@pytest.mark.parametrize(
    "kind", ["encrypted", "no-text-layer", "corrupt", "corrupt-docx", "too-large", "fifo", "bom-only"]
)
def test_bad_files_get_one_clear_line_and_change_nothing(kind, tmp_path, capsys):
    path, message = _bad_files(tmp_path)[kind]
    with pytest.raises(ImportFailure, match=message):
        convert(path)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert library_files() == []


def test_a_folder_is_refused_as_a_file_to_read(tmp_path):
    with pytest.raises(ImportFailure, match="folder"):
        read_source(tmp_path)


def test_a_full_disk_is_one_line_and_leaves_nothing(tmp_path, monkeypatch, capsys):
    import reader.core.importers.library as library

    def full(path, data, **_):
        raise WriteError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(library, "atomic_write_bytes", full)
    source = tmp_path / "notes.txt"
    source.write_text("1. 第一段。\n", encoding="utf-8")
    assert main(["import", str(source)]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and len(err.strip().splitlines()) == 1
    assert library_files() == []


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "gb18030"])
def test_text_encodings_are_detected(encoding, tmp_path):
    text = "1. 第一段提到目标 13。\n\n2. 第二段。\n"
    source = tmp_path / "notes.txt"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):  # with their BOM, as editors write them
        data = ("\ufeff" + text).encode(encoding)
    source.write_bytes(data)
    info = import_document(source, resolve_paths())
    doc = load_corpus(paths=resolve_paths()).get(info.id)
    assert doc.block("1").text == "第一段提到目标 13。" and doc.block("2").text == "第二段。"


# --- many files at once -----------------------------------------------------------------
def test_folder_import_skips_duplicates_and_reports_failures(tmp_path, capsys):
    folder = tmp_path / "drafts"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(FIXTURES / "un-draft.docx", folder / "draft.docx")
    shutil.copy(FIXTURES / "un-draft.docx", folder / "sub" / "copy-of-draft.docx")
    (folder / "sub" / "notes.md").write_text("# 笔记\n\n1. 一段。\n", encoding="utf-8")
    (folder / "sub" / "empty.txt").write_bytes(b"")
    (folder / "ignored.png").write_bytes(b"\x89PNG")
    assert main(["import", str(folder), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    statuses = {Path(row["file"]).name: row["status"] for row in report["files"]}
    assert statuses == {
        "draft.docx": "imported",
        "copy-of-draft.docx": "duplicate",
        "notes.md": "imported",
        "empty.txt": "failed",
    }
    assert report["summary"] == {"imported": 2, "duplicate": 1, "failed": 1}
    failed = next(row for row in report["files"] if row["status"] == "failed")
    assert failed["code"] == "empty" and "empty" in failed["reason"]
    # importing the folder again adds nothing
    assert main(["import", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "0 imported, 3 skipped as duplicate, 1 failed" in out


def test_revision_of_is_stored_and_listed(tmp_path, capsys):
    source = tmp_path / "draft.docx"
    shutil.copy(FIXTURES / "un-draft.docx", source)
    assert main(["import", str(source), "--revision-of", "imrf"]) == 0
    capsys.readouterr()
    assert main(["docs", "--json"]) == 0
    docs = {d["id"]: d for d in json.loads(capsys.readouterr().out)}
    mine = [d for d in docs.values() if not d["bundled"]]
    assert [d["revision_of"] for d in mine] == ["imrf"] and docs["gcm"]["revision_of"] == ""
    assert mine[0]["symbol"] == un.SYMBOL and mine[0]["date"] == un.DATE_ISO
    other = tmp_path / "other.txt"
    other.write_text("内容。\n", encoding="utf-8")
    assert main(["import", str(other), "--revision-of", "no-such-doc"]) == 1
    assert "no such document" in capsys.readouterr().err


# --- property: no character of the text layer is lost ---------------------------------------
_ALPHABET = "移民目标合作各国重申汇款。，；：（）()%/0123456789abcXYZ"
_line_text = st.text(alphabet=_ALPHABET, min_size=1, max_size=40).filter(lambda t: t.strip())


@st.composite
def _pages(draw):
    pages = []
    for number in range(1, draw(st.integers(1, 4)) + 1):
        page = _Page(number, 612, 792)
        top = 720.0
        for _ in range(draw(st.integers(0, 8))):
            marker = draw(st.sampled_from(["", "", "7. ", "(b) ", "三. ", "¹ ", "2/5", "21-20387 (C)"]))
            text = marker + draw(_line_text) + draw(st.sampled_from(["", "", "¹", "\t" + "目标 9"]))
            full = draw(st.booleans())
            size = draw(st.sampled_from([11.0, 11.0, 9.0]))
            top -= draw(st.sampled_from([14.0, 18.0, 30.0]))
            page.lines.append(
                _Line(text, 90, 520 if full else 300, top, top - size, size, draw(st.booleans()), number)
            )
        pages.append(page)
    return pages


def _canonical(text: str) -> Counter[str]:
    return Counter(re.sub(r"\s+", "", text.translate(str.maketrans(SUPERSCRIPTS, "0123456789"))))


@settings(max_examples=150, deadline=None)
@given(_pages())
def test_no_content_character_of_the_text_layer_is_lost(pages):
    layer = _canonical("".join(line.text for page in pages for line in page.lines))
    removed = _strip_running(pages, "A/76/L.99")
    text = _Assembler(pages).run()
    kept = Counter()
    for block in parse_text(text, rejoin_cuts=False):
        kept += _canonical(block.marker + block.text + "".join(n.mark for n in block.notes))
    assert kept + _canonical("".join(removed)) == layer


# --- a report laid out differently: cover table, 10 pt body, 8 pt notes, a note overleaf ------
import un_report as report  # noqa: E402


@pytest.mark.parametrize("name", ["un-report.pdf", "un-report.docx"])
def test_a_report_with_a_cover_table_and_a_note_running_overleaf(name, tmp_path):
    info, doc = imported(name, tmp_path)
    assert (info.symbol, info.date, info.title) == (report.SYMBOL, report.DATE_ISO, report.TITLE)
    for number, text, note in report.PARAGRAPHS:
        block = doc.block(str(number))
        assert block.text == text, number
        assert [doc.block(n.target).text for n in block.notes] == ([note] if note else []), number
    # the quotation between paragraphs 5 and 6 stays a paragraph of its own
    quote = doc.blocks[doc.index_of("5") + 1]
    assert (quote.kind, quote.text) == (BlockKind.PARAGRAPH, report.QUOTE)
    for block in doc.blocks:
        assert report.JOB_NUMBER.split()[0] not in block.text and report.SHORT_TITLE + "\t" not in block.text


def test_the_report_pdf_repairs():
    converted, _ = convert(FIXTURES / "un-report.pdf")
    assert converted.repairs.page_breaks_joined >= 2  # one of them across a page of footnote
    assert converted.repairs.footnotes == sum(1 for *_, note in report.PARAGRAPHS if note)
    assert any(report.SYMBOL in line and report.SHORT_TITLE in line for line in converted.removed)


# --- English, python-docx defaults: justified text, "List Number" style ----------------------
import un_english as english  # noqa: E402


@pytest.mark.parametrize("name", ["un-english.pdf", "un-english.docx"])
def test_an_english_resolution_numbered_by_a_list_style(name, tmp_path):
    info, doc = imported(name, tmp_path)
    assert (info.symbol, info.date, info.title) == (english.SYMBOL, english.DATE_ISO, english.TITLE)
    for number, text in english.PARAGRAPHS:
        assert doc.block(str(number)).text == text, number
    assert not any(b.text.strip() == "22-08597 (E)" for b in doc.blocks)


def test_a_batch_updates_an_existing_search_index_once(tmp_path, capsys):
    from reader.core.objectives import build_objectives
    from reader.core.search import SearchService
    from reader.core.search.index import IndexStore

    paths = resolve_paths()
    corpus = load_corpus(paths=paths)
    SearchService(corpus, build_objectives(corpus), paths).ensure_index()
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(FIXTURES / "un-draft.docx", folder / "a.docx")
    (folder / "b.txt").write_text("1. 关于汇款成本的一段。\n", encoding="utf-8")
    assert main(["import", str(folder), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["index"] == "search index updated" and report["summary"]["imported"] == 2
    after = load_corpus(paths=paths)
    assert IndexStore(paths.index_dir, paths.jieba_cache).inspect(after).state == "current"
    hits = SearchService(after, build_objectives(after), paths).search("汇款成本")
    assert any(hit.doc.startswith("user-b") for hit in hits.hits)


def test_word_multilevel_and_chinese_numbering(tmp_path):
    """One list with "%1." paragraphs and "(%2)" items under them, a Chinese-counting list
    "%1、", and a second instance of the first list restarting at 7 with a start override."""
    import docx
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {ns} w:abstractNumId="80">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/>'
            "</w:lvl></w:abstractNum>"
        ),
    )
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {ns} w:abstractNumId="81"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
        ),
    )
    for num_id, abstract, start in ((80, 80, None), (81, 81, None), (82, 80, 7)):
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>' if start else ""
        )
        numbering.append(
            parse_xml(
                f'<w:num {ns} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>'
            )
        )

    def numbered(text: str, num_id: int, level: int = 0) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().insert(
            0, parse_xml(f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
        )

    numbered("导言部分的标题", 81)
    numbered("第一段。", 80)
    numbered("第二段：", 80)
    numbered("甲项；", 80, 1)
    numbered("乙项。", 80, 1)
    numbered("第三段。", 80)
    numbered("执行部分的标题", 81)
    numbered("第七段。", 82)
    path = tmp_path / "lists.docx"
    document.save(path)
    converted, _ = convert(path)
    lines = converted.text.strip().split("\n\n")
    assert lines == [
        "一、导言部分的标题",
        "1. 第一段。",
        "2. 第二段：",
        "(a) 甲项；",
        "(b) 乙项。",
        "3. 第三段。",
        "二、执行部分的标题",
        "7. 第七段。",
    ]
    blocks = parse_text(converted.text, rejoin_cuts=False)
    assert [(b.anchor, b.text) for b in blocks if b.kind is not BlockKind.HEADING] == [
        ("1", "第一段。"),
        ("2", "第二段："),
        ("2.a", "甲项；"),
        ("2.b", "乙项。"),
        ("3", "第三段。"),
        ("7", "第七段。"),
    ]


def test_notes_in_body_type_without_a_rule_do_not_break_a_paragraph_cut_by_the_page():
    def line(text, page, top, right=520):
        return _Line(text, 90, right, top, top - 11, 11.0, False, page)

    first = _Page(
        1,
        612,
        792,
        [
            line("1. 第一段开始，各国重申必须加强合作¹", 1, 700),
            line("确保移民安全、有序和正常，并在执行工作", 1, 682),
            line("¹ 见第73/195号决议。", 1, 90, right=200),
        ],
    )
    second = _Page(
        2,
        612,
        792,
        [line("中充分考虑移民的需要。", 2, 700, right=300), line("2. 第二段。", 2, 670, right=200)],
    )
    text = _Assembler([first, second]).run()
    blocks = parse_text(text, rejoin_cuts=False)
    para = next(b for b in blocks if b.anchor == "1")
    assert para.text == (
        "第一段开始，各国重申必须加强合作确保移民安全、有序和正常，并在执行工作中充分考虑移民的需要。"
    )
    notes = [next(b for b in blocks if b.anchor == n.target).text for n in para.notes]
    assert notes == ["见第73/195号决议。"]
