"""Exports of cited excerpts, compared with the expected files in tests/reference/.

The test data are fixed (ids, dates, palette), so every export is reproducible. After an
intended change of an export, regenerate the files with
`REGENERATE_REFERENCE=1 .venv/bin/python -m pytest tests/core/test_export.py` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from datetime import timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from reader.core.annotations import (
    ColorMeaning,
    Palette,
    Target,
    TextQuoteSelector,
    make_target,
    new_annotation,
)
from reader.core.annotations.model import BlockRangeSelector
from reader.core.export import (
    ExportFilter,
    ExportLabels,
    build_excerpts,
    prepare_export,
    render,
    render_text,
    to_csv,
    to_docx,
    to_html,
    to_markdown,
)

REFERENCE = Path(__file__).resolve().parents[1] / "reference"
GENERATED = "2024-05-01T12:00:00.000Z"
BEIJING = timezone(timedelta(hours=8))  # the times shown are local: fixed here for the references
EXPORTER = "李雷"
NOTE = '<script>alert("x")</script> & "引号"\n第二行 *重要* # 标题'


def fixed(annotation, n: int, created: str, modified: str):
    return annotation.edited(
        id=f"urn:uuid:00000000-0000-4000-8000-{n:012d}", created=created, modified=modified
    )


@pytest.fixture(scope="module")
def annotations(corpus):
    gcm, imrf, nyd = corpus.get("gcm"), corpus.get("imrf"), corpus.get("nyd")
    return [
        fixed(
            new_annotation(make_target(gcm, "17.a", 0, None, 20), note=NOTE, tags=["数据", "统计"]),
            1,
            "2024-03-01T09:00:00.000Z",
            "2024-03-02T10:30:00.000Z",
        ),
        fixed(
            new_annotation(make_target(gcm, "17.b", 0, "17.c", 12), color="red", tags=["底线"]),
            2,
            "2024-03-01T09:05:00.000Z",
            "2024-03-01T09:05:00.000Z",
        ),
        fixed(
            new_annotation(
                make_target(imrf, "48", 0, None, 20),
                color="blue",
                note='=HYPERLINK("http://example.invalid")',
                tags=["数据"],
            ),
            3,
            "2024-03-03T08:00:00.000Z",
            "2024-03-03T08:00:00.000Z",
        ),
        fixed(
            new_annotation(make_target(nyd, "annex2/8.v", 0, None, 8), color="green"),
            4,
            "2024-03-04T08:00:00.000Z",
            "2024-03-04T08:00:00.000Z",
        ),
        fixed(
            new_annotation(
                Target(
                    "gcm",
                    TextQuoteSelector("甲乙丙丁戊己庚辛壬癸"),
                    BlockRangeSelector("17.a", 0, "17.a", 10),
                ),
                color="purple",
                note="这段已删除",
            ),
            5,
            "2024-03-05T08:00:00.000Z",
            "2024-03-05T08:00:00.000Z",
        ),
    ]


@pytest.fixture(scope="module")
def palette():
    return Palette().with_meaning(ColorMeaning("blue", "核实 / to verify", "2024-02-01T00:00:00.000Z"))


def export(annotations, corpus, objectives, palette, **options):
    """As the command line exports: in Chinese, by the user named, times in their zone."""
    options.setdefault("labels", ExportLabels.for_language("zh"))
    options.setdefault("creator", EXPORTER)
    return prepare_export(
        annotations, corpus, objectives, palette, generated=GENERATED, timezone=BEIJING, **options
    )


def check_reference(name: str, produced: str) -> None:
    path = REFERENCE / name
    if os.environ.get("REGENERATE_REFERENCE"):
        path.write_bytes(produced.encode("utf-8"))
    assert path.exists(), f"missing {path}: run with REGENERATE_REFERENCE=1 once and review it"
    assert produced == path.read_bytes().decode("utf-8"), f"{name} differs from the reference"


# --- reference files ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("fmt", "name", "group_by"),
    [
        ("md", "annotations.md", "document"),
        ("md", "annotations-by-objective.md", "objective"),
        ("html", "annotations.html", "document"),
        ("csv", "annotations.csv", "document"),
        ("jsonld", "annotations.jsonld", "document"),
    ],
)
def test_exports_match_the_reference_files(annotations, corpus, objectives, palette, fmt, name, group_by):
    data = export(annotations, corpus, objectives, palette, group_by=group_by)
    check_reference(name, render_text(fmt, data))
    assert render(fmt, data) == render_text(fmt, data).encode("utf-8")


def docx_text(payload: bytes) -> str:
    document = docx.Document(io.BytesIO(payload))
    return "\n".join(f"[{p.style.name}] {p.text}" for p in document.paragraphs) + "\n"


def test_docx_opens_with_python_docx_and_matches_the_reference_text(annotations, corpus, objectives, palette):
    data = export(annotations, corpus, objectives, palette)
    payload = to_docx(data)
    check_reference("annotations.docx.txt", docx_text(payload))
    document = docx.Document(io.BytesIO(payload))
    paragraphs = [p.text for p in document.paragraphs]
    for excerpt in data.excerpts:
        assert excerpt.dated_citation in paragraphs
        assert all(line in paragraphs for line in excerpt.exact.split("\n"))
    links = [r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert set(links) == {e.link for e in data.excerpts}
    assert document.core_properties.title == data.labels.title


# --- content ----------------------------------------------------------------------------
def test_each_excerpt_carries_quote_citation_objectives_colour_note_tags_dates_and_link(
    annotations, corpus, objectives, palette
):
    excerpts = {e.id[-1]: e for e in build_excerpts(annotations, corpus, objectives, palette)}
    first = excerpts["1"]
    assert first.exact == corpus.get("gcm").block("17.a").text[:20]
    assert first.citation == "《全球契约》(A/RES/73/195)第17段(a)"
    assert first.dated_citation == "《全球契约》(A/RES/73/195，2018年12月10日)第17段(a)"
    assert first.objectives == ((1, objectives[0].title),) and first.link == "reader://gcm/17.a"
    assert (first.color, first.meaning, first.found) == ("yellow", "agreed language", True)
    assert excerpts["2"].citation == "《全球契约》(A/RES/73/195)第17段(b)至第17段(c)"
    assert excerpts["2"].anchors == ("17.b", "17.c")
    assert {n for n, _ in excerpts["3"].objectives} == {1, 3, 7, 17, 23}  # linked, not its own
    assert excerpts["3"].meaning == "核实 / to verify"
    assert excerpts["5"].found is False and excerpts["5"].status == "orphan"
    md = to_markdown(export(annotations, corpus, objectives, palette))
    for excerpt in excerpts.values():
        assert excerpt.link in md


def test_excerpts_come_in_document_order_with_orphans_last_in_their_document(
    annotations, corpus, objectives, palette
):
    data = export(list(reversed(annotations)), corpus, objectives, palette)
    assert [g.key for g in data.groups] == ["imrf", "gcm", "nyd"]  # the corpus order
    assert [e.id[-1] for e in data.excerpts] == ["3", "1", "2", "5", "4"]


def test_grouping_by_objective_lists_each_excerpt_once_under_its_primary_objective(
    annotations, corpus, objectives, palette
):
    data = export(annotations, corpus, objectives, palette, group_by="objective")
    assert [g.key for g in data.groups] == ["objective-1", "objective-none"]
    assert [e.id[-1] for e in data.groups[0].excerpts] == ["3", "1", "2"]
    assert data.groups[0].title == f"目标1：{objectives[0].title}"
    listed = [e.id for g in data.groups for e in g.excerpts]
    assert len(listed) == len(set(listed)) == 5
    imrf = data.groups[0].excerpts[0]
    assert data.also_line(imrf, data.groups[0]) == "另见：目标 3、7、17、23"
    assert data.also_line(data.groups[0].excerpts[1], data.groups[0]) == ""  # gcm 17.a: objective 1 only
    md = to_markdown(data)
    assert md.count("### ") == 5 and "- **另见：** 目标 3、7、17、23" in md


def test_limiting_to_an_objective_shows_only_its_section(annotations, corpus, objectives, palette):
    data = export(
        annotations,
        corpus,
        objectives,
        palette,
        group_by="objective",
        selection=ExportFilter(objectives=frozenset({17})),
    )
    assert [g.key for g in data.groups] == ["objective-17"]  # imrf 48, filed under 17 here
    assert data.also_line(data.excerpts[0], data.groups[0]) == "另见：目标 1、3、7、23"
    assert data.filters == "目标 17"


def test_grouping_by_heading_and_sorting_by_date(annotations, corpus, objectives, palette):
    data = export(annotations, corpus, objectives, palette, group_by="heading")
    gcm_groups = [g for g in data.groups if g.key.startswith("gcm/")]
    heading = corpus.get("gcm").block("17.a").heading_path
    assert any(g.title.startswith("《全球契约》") and g.title.endswith(heading[-1]) for g in gcm_groups)
    orphan_section = next(g for g in gcm_groups if any(not e.found for e in g.excerpts))
    assert orphan_section.title.endswith("— 无法定位") and len(orphan_section.excerpts) == 1
    assert [e.id[-1] for e in data.excerpts] == ["3", "1", "2", "5", "4"]
    by_date = export(list(reversed(annotations)), corpus, objectives, palette, sort="date")
    assert [e.id[-1] for e in by_date.groups[1].excerpts] == ["1", "2", "5"]  # created order in gcm
    assert by_date.grouping_label == "按文件分组 · 按日期排序"


def test_every_export_ends_with_its_sources_and_carries_symbols_and_dates(
    annotations, corpus, objectives, palette
):
    data = export(annotations, corpus, objectives, palette)
    assert [s.doc for s in data.sources] == ["imrf", "gcm", "nyd"]
    for fmt in ("md", "html"):
        text = render_text(fmt, data)
        sources = text.index("引用的文件")
        assert sources > text.index("第17段(a)")
        assert "《安全、有序和正常移民全球契约》，A/RES/73/195，2018年12月10日" in text[sources:]
        assert "筛选条件：无" in text
    sgr = corpus.get("sgr")
    report = export([new_annotation(make_target(sgr, "18", 0, None, 10))], corpus, objectives, palette)
    assert report.excerpts[0].dated_citation == "《秘书长报告》(A/76/642，2021年12月27日)第18段"
    escap = corpus.get("escap")
    anchor = next(b.anchor for b in escap.blocks if b.kind.value == "paragraph")
    note = export([new_annotation(make_target(escap, anchor, 0, None, 5))], corpus, objectives, palette)
    assert "2020年8月17日" in note.excerpts[0].dated_citation


def test_english_labels_and_local_times(annotations, corpus, objectives, palette):
    data = export(annotations, corpus, objectives, palette, labels=ExportLabels.for_language("en"))
    md = to_markdown(data)
    assert md.startswith("# Compact Reader: annotations")
    assert "Exported: 2024-05-01 20:00 +08:00" in md and "**Colour:** blue · 核实 / to verify" in md
    assert "**Colour:** yellow · agreed language" in md and "Sources" in md
    zh = to_markdown(export(annotations, corpus, objectives, palette))
    assert "**颜色：** 黄色 · 商定措辞" in zh and "导出时间：2024-05-01 20:00 +08:00" in zh
    assert "green" not in zh and "Created" not in zh


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (ExportFilter(), "31254"),
        (ExportFilter(docs=frozenset({"gcm"})), "125"),
        (ExportFilter(tags=frozenset({"数据"})), "31"),
        (ExportFilter(colors=frozenset({"red", "green"})), "24"),
        (ExportFilter(objectives=frozenset({17})), "3"),
        (ExportFilter(objectives=frozenset({1}), docs=frozenset({"gcm"})), "12"),
        (ExportFilter(text="SCRIPT"), "1"),
        (ExportFilter(text="第17段(b)"), "2"),  # the citation counts as text
        (ExportFilter(text="没有这个"), ""),
    ],
)
def test_filters(annotations, corpus, objectives, palette, selection, expected):
    data = export(annotations, corpus, objectives, palette, selection=selection)
    assert "".join(e.id[-1] for e in data.excerpts) == expected


def test_an_unknown_grouping_is_refused(annotations, corpus, objectives, palette):
    with pytest.raises(ValueError, match="group_by"):
        export(annotations, corpus, objectives, palette, group_by="colour")


def test_labels_can_be_translated(annotations, corpus, objectives, palette):
    labels = ExportLabels(title="批注", note="笔记", objective="Objective {number}")
    translated = palette.translated(lambda name: {"agreed language": "商定措辞"}.get(name, name))
    md = to_markdown(export(annotations, corpus, objectives, translated, labels=labels))
    assert md.startswith("# 批注") and "**笔记:**" in md and "Objective 1" in md and "商定措辞" in md


# --- escaping --------------------------------------------------------------------------
class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def test_html_escapes_every_note_and_document_text(annotations, corpus, objectives, palette):
    nasty = annotations[0].edited(tags=["<img src=x onerror=alert(1)>"])
    page = to_html(export([nasty, *annotations[1:]], corpus, objectives, palette))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;引号&quot;" in page
    collector = TagCollector()
    collector.feed(page)
    assert "script" not in collector.tags and "img" not in collector.tags
    assert "@media print" in page and "<link" not in page  # self-contained, print-ready


def test_markdown_keeps_note_text_from_becoming_markup(annotations, corpus, objectives, palette):
    md = to_markdown(export(annotations[:1], corpus, objectives, palette))
    assert r"\<script\>" in md and r"\*重要\* \# 标题" in md
    assert "- **笔记：** " in md and "\\\n  第二行" in md  # a multi-line note stays in its item, broken


def test_markdown_keeps_paragraphs_line_breaks_and_links_when_rendered(
    annotations, corpus, objectives, palette
):
    """Read by a CommonMark parser (as pandoc reads it): a highlight over two paragraphs is two
    paragraphs of one quote, a note's newline a line break, the link a link."""
    from markdown_it import MarkdownIt

    md = to_markdown(export(annotations[:2], corpus, objectives, palette))
    page = MarkdownIt("commonmark").render(md)
    gcm = corpus.get("gcm")
    two = re.search(r"<blockquote>\s*<p>([^<]*)</p>\s*<p>([^<]*)</p>\s*</blockquote>", page)
    assert two and two.group(1) == gcm.block("17.b").text and gcm.block("17.c").text.startswith(two.group(2))
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;引号&quot;<br />\n第二行" in page
    assert '<a href="reader://gcm/17.a">《全球契约》(A/RES/73/195，2018年12月10日)第17段(a)</a>' in page
    vertical_tab = annotations[0].edited(note="", target=annotations[0].target)
    assert "\x0b" not in to_markdown(
        export([vertical_tab.edited(note="甲\x0b乙")], corpus, objectives, palette)
    )


def test_markdown_front_matter_is_yaml_with_title_date_and_filters(annotations, corpus, objectives, palette):
    data = export(
        annotations,
        corpus,
        objectives,
        palette,
        front_matter=True,
        selection=ExportFilter(tags=frozenset({"数据"})),
    )
    md = to_markdown(data)
    head = md.split("---\n")[1]
    values = dict(line.split(": ", 1) for line in head.strip().split("\n"))
    assert json.loads(values["title"]) == "契约阅读器：批注" and json.loads(values["author"]) == EXPORTER
    assert json.loads(values["date"]) == "2024-05-01 20:00 +08:00"
    assert json.loads(values["filters"]) == "标签 数据"
    assert not to_markdown(export(annotations, corpus, objectives, palette)).startswith("---")


def test_html_ids_are_unique_and_cross_references_link_to_sections(annotations, corpus, objectives, palette):
    for group_by in ("document", "objective", "heading"):
        page = to_html(export(annotations, corpus, objectives, palette, group_by=group_by))
        ids = re.findall(r'\sid="([^"]+)"', page)
        assert ids and len(ids) == len(set(ids)), group_by
        for target in re.findall(r'href="#([^"]+)"', page):
            assert target in ids
    limited = to_html(
        export(
            annotations,
            corpus,
            objectives,
            palette,
            group_by="objective",
            selection=ExportFilter(objectives=frozenset({1})),
        )
    )
    assert '<section id="g-objective-1">' in limited and "g-objective-3" not in limited.split("<main>")[1]
    assert "<dt>另见</dt><dd>目标 3、7、17、23</dd>" in limited  # sections 3, 7 … are not in it
    full = to_html(export(annotations, corpus, objectives, palette, group_by="objective"))
    assert "<dd>目标 3、7、17、23</dd>" in full  # nor here: each excerpt under its primary objective


def test_csv_has_a_bom_one_row_per_excerpt_and_no_live_formulas(annotations, corpus, objectives, palette):
    data = export(annotations, corpus, objectives, palette)
    payload = render("csv", data)
    assert payload.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(to_csv(data).removeprefix("\ufeff"))))
    assert len(rows) == 5 and rows[0]["document"] == "imrf"
    assert rows[0]["note"] == '\'=HYPERLINK("http://example.invalid")'
    assert rows[0]["anchors"] == "imrf/48"  # a bare 48 would become a number in a spreadsheet
    multi = next(r for r in rows if r["id"].endswith("2"))
    assert multi["quote"].count("\n") == 1 and multi["anchors"] == "gcm/17.b gcm/17.c"
    assert next(r for r in rows if r["id"].endswith("1"))["tags"] == "数据; 统计"


def test_csv_and_every_other_format_use_one_tag_separator(annotations, corpus, objectives, palette):
    tagged = annotations[0].edited(tags=["甲;乙", "丙"])
    data = export([tagged], corpus, objectives, palette)
    row = next(csv.DictReader(io.StringIO(to_csv(data).removeprefix("\ufeff"))))
    assert row["tags"] == '"甲;乙"; 丙'
    assert '"甲;乙"; 丙' in to_markdown(data) and "&quot;甲;乙&quot;; 丙" in to_html(data)


# --- DOCX, as Word and LibreOffice read it ----------------------------------------------------
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_part(payload: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(payload)).read(name).decode("utf-8")


def test_docx_declares_chinese_and_keeps_excerpts_upright_and_not_small(
    annotations, corpus, objectives, palette
):
    payload = to_docx(export(annotations, corpus, objectives, palette))
    styles = docx_part(payload, "word/styles.xml")
    assert 'w:eastAsia="zh-CN"' in styles and 'w:eastAsia="en-US"' not in styles
    assert "eastAsiaTheme" not in styles  # the theme's East Asian font is empty: never ask it
    assert re.search(r'<w:rFonts [^>]*w:eastAsia="Noto Serif CJK SC"', styles)
    font_table = docx_part(payload, "word/fontTable.xml")
    assert "宋体" in font_table and "ＭＳ" not in font_table  # no Japanese fallback
    assert 'w:eastAsia="zh-CN"' in docx_part(payload, "word/settings.xml")
    document = docx.Document(io.BytesIO(payload))
    excerpt_style, details = document.styles["Excerpt"], document.styles["Excerpt Details"]
    assert excerpt_style.font.italic is False and excerpt_style.font.size >= details.font.size
    quotes = [p for p in document.paragraphs if p.style.name == "Excerpt"]
    assert len(quotes) == 6  # five excerpts, one over two paragraphs
    assert not any(run.italic for p in quotes for run in p.runs)
    assert not any(p.style.name == "Quote" for p in document.paragraphs)
    for level in (1, 2):
        assert document.styles[f"Heading {level}"].font.bold


def test_docx_core_properties_name_the_exporter_and_the_program(annotations, corpus, objectives, palette):
    payload = to_docx(export(annotations, corpus, objectives, palette))
    props = docx.Document(io.BytesIO(payload)).core_properties
    assert props.title == "契约阅读器：批注" and props.author == EXPORTER
    assert "python-docx" not in docx_part(payload, "docProps/core.xml")
    assert "<Application>Compact Reader</Application>" in docx_part(payload, "docProps/app.xml")


def test_docx_turns_a_vertical_tab_into_a_line_break_and_drops_other_controls(
    annotations, corpus, objectives, palette
):
    odd = annotations[0].edited(note="响铃\x07 与\x0b垂直制表\n第二行")
    payload = to_docx(export([odd], corpus, objectives, palette))
    body = docx_part(payload, "word/document.xml")
    assert "与</w:t></w:r><w:r><w:br/><w:t>垂直制表" in body
    assert "\x07" not in body and "响铃 与\n垂直制表\n第二行" in docx_text(payload)


def test_docx_converts_in_libreoffice(annotations, corpus, objectives, palette, tmp_path):
    """LibreOffice opens the file and turns it into a PDF that holds the excerpts' text."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the DOCX conversion check needs it")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the converted PDF cannot be read")
    source = tmp_path / "excerpts.docx"
    source.write_bytes(to_docx(export(annotations, corpus, objectives, palette)))
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "excerpts.pdf"), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    assert "在联合国统计委员会的指导下通过所有相关利" in text.replace("\n", "")
    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "excerpts.pdf")], capture_output=True, timeout=60
    ).stdout.decode("utf-8", "replace")
    # Bold Chinese headings: a bold CJK face is embedded (LibreOffice names every face of the
    # Noto CJK collection after its first, "…CJKjp…", so the name cannot tell SC from JP).
    assert re.search(r"CJK\w*-Bold", fonts), fonts
