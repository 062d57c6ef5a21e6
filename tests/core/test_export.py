"""Exports of cited excerpts, compared with the expected files in tests/reference/.

The test data are fixed (ids, dates, palette), so every export is reproducible. After an
intended change of an export, regenerate the files with
`REGENERATE_REFERENCE=1 .venv/bin/python -m pytest tests/core/test_export.py` and review the diff.
"""

from __future__ import annotations

import csv
import io
import os
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
NOTE = '<script>alert("x")</script> & "引号"\n第二行 *重要* # 标题'


def fixed(annotation, n: int, created: str, modified: str):
    return annotation.edited(id=f"urn:uuid:00000000-0000-4000-8000-{n:012d}", created=created,
                             modified=modified)


@pytest.fixture(scope="module")
def annotations(corpus):
    gcm, imrf, nyd = corpus.get("gcm"), corpus.get("imrf"), corpus.get("nyd")
    return [
        fixed(new_annotation(make_target(gcm, "17.a", 0, None, 20), note=NOTE, tags=["数据", "统计"]),
              1, "2024-03-01T09:00:00.000Z", "2024-03-02T10:30:00.000Z"),
        fixed(new_annotation(make_target(gcm, "17.b", 0, "17.c", 12), color="red", tags=["底线"]),
              2, "2024-03-01T09:05:00.000Z", "2024-03-01T09:05:00.000Z"),
        fixed(new_annotation(make_target(imrf, "48", 0, None, 20), color="blue",
                             note='=HYPERLINK("http://example.invalid")', tags=["数据"]),
              3, "2024-03-03T08:00:00.000Z", "2024-03-03T08:00:00.000Z"),
        fixed(new_annotation(make_target(nyd, "annex2/8.v", 0, None, 8), color="green"),
              4, "2024-03-04T08:00:00.000Z", "2024-03-04T08:00:00.000Z"),
        fixed(new_annotation(Target("gcm", TextQuoteSelector("甲乙丙丁戊己庚辛壬癸"),
                                    BlockRangeSelector("17.a", 0, "17.a", 10)), color="purple",
                             note="这段已删除"),
              5, "2024-03-05T08:00:00.000Z", "2024-03-05T08:00:00.000Z"),
    ]


@pytest.fixture(scope="module")
def palette():
    return Palette().with_meaning(ColorMeaning("blue", "核实 / to verify", "2024-02-01T00:00:00.000Z"))


def export(annotations, corpus, objectives, palette, **options):
    return prepare_export(annotations, corpus, objectives, palette, generated=GENERATED, **options)


def check_reference(name: str, produced: str) -> None:
    path = REFERENCE / name
    if os.environ.get("REGENERATE_REFERENCE"):
        path.write_bytes(produced.encode("utf-8"))
    assert path.exists(), f"missing {path}: run with REGENERATE_REFERENCE=1 once and review it"
    assert produced == path.read_bytes().decode("utf-8"), f"{name} differs from the reference"


# --- reference files ---------------------------------------------------------------------
@pytest.mark.parametrize(("fmt", "name", "group_by"), [
    ("md", "annotations.md", "document"), ("md", "annotations-by-objective.md", "objective"),
    ("html", "annotations.html", "document"), ("csv", "annotations.csv", "document"),
    ("jsonld", "annotations.jsonld", "document"),
])
def test_exports_match_the_reference_files(annotations, corpus, objectives, palette, fmt, name, group_by):
    data = export(annotations, corpus, objectives, palette, group_by=group_by)
    check_reference(name, render_text(fmt, data))
    assert render(fmt, data) == render_text(fmt, data).encode("utf-8")


def docx_text(payload: bytes) -> str:
    document = docx.Document(io.BytesIO(payload))
    return "\n".join(f"[{p.style.name}] {p.text}" for p in document.paragraphs) + "\n"


def test_docx_opens_with_python_docx_and_matches_the_reference_text(annotations, corpus, objectives,
                                                                     palette):
    data = export(annotations, corpus, objectives, palette)
    payload = to_docx(data)
    check_reference("annotations.docx.txt", docx_text(payload))
    document = docx.Document(io.BytesIO(payload))
    paragraphs = [p.text for p in document.paragraphs]
    for excerpt in data.excerpts:
        assert excerpt.citation in paragraphs
        assert all(line in paragraphs for line in excerpt.exact.split("\n"))
    links = [r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert set(links) == {e.link for e in data.excerpts}
    assert document.core_properties.title == data.labels.title


# --- content ----------------------------------------------------------------------------
def test_each_excerpt_carries_quote_citation_objectives_colour_note_tags_dates_and_link(
        annotations, corpus, objectives, palette):
    excerpts = {e.id[-1]: e for e in build_excerpts(annotations, corpus, objectives, palette)}
    first = excerpts["1"]
    assert first.exact == corpus.get("gcm").block("17.a").text[:20]
    assert first.citation == "《全球契约》(A/RES/73/195)第17段(a)"
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


def test_excerpts_come_in_document_order_with_orphans_last_in_their_document(annotations, corpus,
                                                                              objectives, palette):
    data = export(list(reversed(annotations)), corpus, objectives, palette)
    assert [g.key for g in data.groups] == ["imrf", "gcm", "nyd"]  # the corpus order
    assert [e.id[-1] for e in data.excerpts] == ["3", "1", "2", "5", "4"]


def test_grouping_by_objective_lists_an_excerpt_under_each_of_its_objectives(annotations, corpus,
                                                                              objectives, palette):
    data = export(annotations, corpus, objectives, palette, group_by="objective")
    keys = [g.key for g in data.groups]
    assert keys == ["objective-1", "objective-3", "objective-7", "objective-17", "objective-23",
                    "objective-none"]
    assert [e.id[-1] for e in data.groups[0].excerpts] == ["3", "1", "2"]
    assert data.groups[0].title == f"目标1：{objectives[0].title}"
    assert len(data.excerpts) == 5  # each once, however many groups list it


@pytest.mark.parametrize(("selection", "expected"), [
    (ExportFilter(), "31254"),
    (ExportFilter(docs=frozenset({"gcm"})), "125"),
    (ExportFilter(tags=frozenset({"数据"})), "31"),
    (ExportFilter(colors=frozenset({"red", "green"})), "24"),
    (ExportFilter(objectives=frozenset({17})), "3"),
    (ExportFilter(objectives=frozenset({1}), docs=frozenset({"gcm"})), "12"),
    (ExportFilter(text="SCRIPT"), "1"),
    (ExportFilter(text="第17段(b)"), "2"),  # the citation counts as text
    (ExportFilter(text="没有这个"), ""),
])
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
    assert "- **Note:** " in md and "\n  第二行" in md  # a multi-line note stays in its item


def test_csv_has_a_bom_one_row_per_excerpt_and_no_live_formulas(annotations, corpus, objectives, palette):
    data = export(annotations, corpus, objectives, palette)
    payload = render("csv", data)
    assert payload.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(to_csv(data).removeprefix("\ufeff"))))
    assert len(rows) == 5 and rows[0]["document"] == "imrf"
    assert rows[0]["note"] == "'=HYPERLINK(\"http://example.invalid\")"
    multi = next(r for r in rows if r["id"].endswith("2"))
    assert multi["quote"].count("\n") == 1 and multi["anchors"] == "17.b 17.c"


def test_docx_survives_control_characters_in_a_note(annotations, corpus, objectives, palette):
    odd = annotations[0].edited(note="响铃\x07 与 \x0b 垂直制表")
    payload = to_docx(export([odd], corpus, objectives, palette))
    assert "响铃 与  垂直制表" in docx_text(payload)
