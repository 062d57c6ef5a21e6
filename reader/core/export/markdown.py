"""Excerpts as Markdown: one section per group, one quoted excerpt with its details each."""

from __future__ import annotations

import re

from .excerpts import Excerpt, ExportData, display_time, excerpt_fields

# Characters Markdown would read as markup (or raw HTML), escaped so text stays text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def escape(text: str, *, at_line_start: bool = True) -> str:
    """Backslash-escape markup; list and heading marks only where a line begins (the first
    line of a value written after a label does not)."""
    lines = _SPECIAL.sub(r"\\\1", text).split("\n")
    return "\n".join(line if i == 0 and not at_line_start else _LINE_START.sub(_escape_start, line)
                     for i, line in enumerate(lines))


def _escape_start(match: re.Match[str]) -> str:
    lead, mark = match.group(1), match.group(2)
    return f"{lead}{mark}\\" if mark[0].isdigit() else f"{lead}\\{mark}"


def to_markdown(data: ExportData) -> str:
    labels = data.labels
    lines = [f"# {escape(labels.title)}", "",
             f"{labels.exported}: {display_time(data.generated)} · {labels.count}: "
             f"{len(data.excerpts)} · {data.grouping_label}", ""]
    for group in data.groups:
        lines += [f"## {escape(group.title)}", ""]
        for excerpt in group.excerpts:
            lines += _excerpt(excerpt, data)
    return "\n".join(lines).rstrip("\n") + "\n"


def _excerpt(excerpt: Excerpt, data: ExportData) -> list[str]:
    labels = data.labels
    lines = [f"### {escape(excerpt.citation)}", ""]
    lines += [f"> {line}" if line else ">" for line in escape(excerpt.exact).split("\n")]
    lines.append("")
    if not excerpt.found:
        lines += [f"*{escape(labels.not_found)}*", ""]
    items = [(name, value.replace("\n", "; ") if name == labels.objectives else value)
             for name, value in excerpt_fields(excerpt, labels)]
    for name, value in items:
        lines.append(f"- **{escape(name)}:** " + escape(value, at_line_start=False).replace("\n", "\n  "))
    lines += [f"- **{escape(labels.link)}:** <{excerpt.link}>", ""]
    return lines
