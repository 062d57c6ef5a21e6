"""Excerpts as one self-contained, print-ready HTML page.

Every piece of text that comes from a document, a note, a tag or a label goes through
`html.escape`; colours come from our fixed palette via CSS classes, never from the data.
"""

from __future__ import annotations

import html

from ..annotations.model import COLORS
from .excerpts import Excerpt, ExcerptGroup, ExportData, excerpt_fields

_CSS = """
:root { --ink: #1b1b1b; --muted: #5c5c5c; --rule: #d8d8d8; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
  color: var(--ink); max-width: 48em; margin: 2em auto; padding: 0 1em; line-height: 1.7; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
.meta { color: var(--muted); font-size: .9em; margin: 0 0 1.5em; }
h2 { font-size: 1.3em; border-bottom: 1px solid var(--rule); padding-bottom: .2em; margin-top: 2em; }
article { margin: 1.2em 0 1.8em; break-inside: avoid; page-break-inside: avoid; }
h3 { font-size: 1.05em; margin: 0 0 .4em; }
blockquote { margin: .4em 0; padding: .4em .8em; border-left: .35em solid var(--rule); }
blockquote p { margin: 0 0 .3em; }
.missing { color: #9a1c1c; font-style: italic; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1em .8em; font-size: .92em;
  margin: .4em 0; }
dt { color: var(--muted); }
dd { margin: 0; white-space: pre-wrap; }
.sources li { margin: .2em 0; }
.swatch { display: inline-block; width: .9em; height: .9em; border: 1px solid #0003; border-radius: 2px;
  vertical-align: -.1em; margin-right: .35em; }
a { color: #1d4f91; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  blockquote, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"""


def _color_css() -> str:
    return "\n".join(
        f".c-{name} blockquote {{ border-left-color: {hex_}; background: {hex_}33; }}\n"
        f".c-{name} .swatch {{ background: {hex_}; }}"
        for name, hex_ in COLORS.items()
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _lines(text: str) -> str:
    """Escaped, with Word's vertical tab and the Unicode line separator as line breaks."""
    return _e(text).replace("\x0b", "<br>").replace("\u2028", "<br>")


def to_html(data: ExportData) -> str:
    labels = data.labels
    lang = "en" if labels.lang == "en" else "zh-Hans"
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="Compact Reader">',
    ]
    if data.creator:
        head.append(f'<meta name="author" content="{_e(data.creator)}">')
    parts = [
        *head,
        f"<title>{_e(labels.title)}</title>",
        f"<style>{_CSS}{_color_css()}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(labels.title)}</h1>",
        f'<p class="meta">{_e(data.header_line())}</p>',
        f'<p class="meta filters">{_e(data.filters_line())}</p>',
        "</header>",
        "<main>",
    ]
    for group in data.groups:
        parts += [f'<section id="{_e(section_id(group.key))}">', f"<h2>{_e(group.title)}</h2>"]
        parts += [_excerpt(e, group, data) for e in group.excerpts]
        parts.append("</section>")
    parts.append("</main>")
    if data.sources:
        items = "\n".join(f"<li>{_e(data.source_line(s))}</li>" for s in data.sources)
        parts += [
            '<footer class="sources">',
            f"<h2>{_e(labels.sources)}</h2>",
            f"<ol>\n{items}\n</ol>",
            "</footer>",
        ]
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def section_id(key: str) -> str:
    """ "g-objective-7", "g-gcm": ids made from group keys (ids of excerpts begin with x-)."""
    return "g-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in key)


def _excerpt(excerpt: Excerpt, group: ExcerptGroup, data: ExportData) -> str:
    labels, a = data.labels, excerpt.annotation
    quote = "".join(f"<p>{_lines(paragraph)}</p>" for paragraph in excerpt.exact.split("\n"))
    rows = [
        (name, _e(value).replace("\n", "<br>") if name == labels.objectives else _e(value))
        for name, value in excerpt_fields(excerpt, labels, data.timezone)
    ]
    rows[0] = (rows[0][0], '<span class="swatch"></span>' + rows[0][1])  # the colour comes first
    also = _also(excerpt, group, data)
    if also:  # beside the objectives
        rows.insert(
            next(i for i, (name, _) in enumerate(rows) if name == labels.objectives) + 1, (labels.also, also)
        )
    rows.append((labels.link, f'<a href="{_e(excerpt.link)}">{_e(excerpt.link)}</a>'))
    details = "\n".join(f"<dt>{_e(name)}</dt><dd>{value}</dd>" for name, value in rows)
    missing = f'<p class="missing">{_e(labels.not_found)}</p>\n' if not excerpt.found else ""
    anchor_id = _e("x-" + a.id.rsplit(":", 1)[-1])
    return (
        f'<article class="excerpt c-{_e(excerpt.color)}" id="{anchor_id}">\n'
        f"<h3>{_e(excerpt.dated_citation)}</h3>\n<blockquote>{quote}</blockquote>\n{missing}"
        f"<dl>\n{details}\n</dl>\n</article>"
    )


def _also(excerpt: Excerpt, group: ExcerptGroup, data: ExportData) -> str:
    """目标 7、17 (escaped HTML), each number a link to its section when the export has one."""
    numbers = data.also_numbers(excerpt, group)
    if not numbers:
        return ""
    sections = {g.key for g in data.groups}
    links = [
        f'<a href="#{section_id(f"objective-{n}")}">{n}</a>' if f"objective-{n}" in sections else str(n)
        for n in numbers
    ]
    return _e(data.labels.objectives_short).format(numbers=data.labels.join(links))
