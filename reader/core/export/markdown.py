"""Excerpts as Markdown (CommonMark, read as written by pandoc): one section per group, each
excerpt quoted paragraph by paragraph with its details, the documents cited at the end.

Optional YAML front matter (title, date, filters) for pandoc and static-site tools.
"""

from __future__ import annotations

import json
import re

from .excerpts import Excerpt, ExcerptGroup, ExportData, excerpt_fields

# Characters Markdown would read as markup (or raw HTML), escaped so text stays text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")
# A line break inside a paragraph: Word's vertical tab, a Unicode line separator.
LINE_BREAKS = ("\x0b", "\u2028")


def escape(text: str, *, at_line_start: bool = True) -> str:
    """Backslash-escape markup; list and heading marks only where a line begins (the first
    line of a value written after a label does not)."""
    lines = _SPECIAL.sub(r"\\\1", text).split("\n")
    return "\n".join(
        line if i == 0 and not at_line_start else _LINE_START.sub(_escape_start, line)
        for i, line in enumerate(lines)
    )


def _escape_start(match: re.Match[str]) -> str:
    lead, mark = match.group(1), match.group(2)
    return f"{lead}{mark}\\" if mark[0].isdigit() else f"{lead}\\{mark}"


def _breaks(text: str) -> str:
    for mark in LINE_BREAKS:
        text = text.replace(mark, "\n")
    return text


def to_markdown(data: ExportData, *, front_matter: bool | None = None) -> str:
    labels = data.labels
    lines = _front_matter(data) if (data.front_matter if front_matter is None else front_matter) else []
    lines += [
        f"# {escape(labels.title)}",
        "",
        escape(data.header_line()),
        "",
        escape(data.filters_line()),
        "",
    ]
    for group in data.groups:
        lines += [f"## {escape(group.title)}", ""]
        for excerpt in group.excerpts:
            lines += _excerpt(excerpt, group, data)
    if data.sources:
        lines += [f"## {escape(labels.sources)}", ""]
        lines += [f"- {escape(data.source_line(s), at_line_start=False)}" for s in data.sources]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _front_matter(data: ExportData) -> list[str]:
    """YAML with every value a JSON string (JSON is YAML): no quoting rules to get wrong."""
    fields = [
        ("title", data.labels.title),
        ("date", data.time(data.generated)),
        ("filters", data.filters or data.labels.no_filter),
        ("lang", data.labels.lang),
    ]
    if data.creator:
        fields.insert(1, ("author", data.creator))
    return ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields), "---", ""]


def _excerpt(excerpt: Excerpt, group: ExcerptGroup, data: ExportData) -> list[str]:
    labels = data.labels
    lines = [f"### {escape(excerpt.dated_citation)}", ""]
    lines += quote(excerpt.exact)
    lines.append("")
    if not excerpt.found:
        lines += [f"*{escape(labels.not_found)}*", ""]
    items = [
        (name, value.replace("\n", "; ") if name == labels.objectives else value)
        for name, value in excerpt_fields(excerpt, labels, data.timezone)
    ]
    also = data.also_numbers(excerpt, group)
    for name, value in items:
        lines.append(f"- **{escape(name)}{labels.sep.strip()}** " + _item_value(value))
        if name == labels.objectives and also:  # "另见：目标 7、17" beside the objectives
            label = f"{escape(labels.also)}{labels.sep.strip()}"
            lines.append(f"- **{label}** " + _item_value(data.also_value(also)))
    link = f"[{escape(excerpt.dated_citation)}]({_destination(excerpt.link)})"
    lines += [f"- **{escape(labels.link)}{labels.sep.strip()}** {link}", ""]
    return lines


def _destination(url: str) -> str:
    """reader://gcm/17.a as it is; in <…> if it holds what would end a bare destination."""
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


def quote(text: str) -> list[str]:
    """A block quote keeping the highlight's paragraphs (blocks are joined by a newline) apart
    and its line breaks (a vertical tab) as hard breaks."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if lines:
            lines.append(">")
        broken = escape(_breaks(paragraph)).split("\n")
        lines += [f"> {line}\\" if i < len(broken) - 1 else f"> {line}" for i, line in enumerate(broken)]
    return lines


def _item_value(value: str) -> str:
    """A value inside a list item: its line breaks kept (hard breaks), a blank line starting a
    new paragraph of the item."""
    paragraphs = _breaks(value).split("\n\n")
    out = []
    for paragraph in paragraphs:
        lines = escape(paragraph, at_line_start=bool(out)).split("\n")
        out.append("\\\n  ".join(lines))
    return "\n\n  ".join(out)
