"""What every importer returns: the text in the parser's dialect plus what it learnt and repaired.

The importers do not build blocks themselves. They write the document as the bundled texts
are written (one paragraph per line, "12." and "(a)" markers, footnote definitions as
"¹ text" lines, table rows with tabs) and the one parser turns that into blocks, anchors and
citations, so an imported PDF or DOCX reads exactly like a bundled text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Repairs:
    """Counts of what was repaired, for the import report."""

    pages: int = 0
    page_breaks_joined: int = 0
    header_lines_removed: int = 0
    footnotes: int = 0
    tables: int = 0
    numbered: int = 0  # paragraphs whose number came from Word's automatic numbering

    def describe(self) -> str:
        parts = []
        if self.page_breaks_joined:
            parts.append(f"{self.page_breaks_joined} page break(s) re-joined")
        if self.header_lines_removed:
            parts.append(f"{self.header_lines_removed} header/footer line(s) removed")
        if self.footnotes:
            parts.append(f"{self.footnotes} footnote(s)")
        if self.tables:
            parts.append(f"{self.tables} table(s)")
        if self.numbered:
            parts.append(f"{self.numbered} automatic number(s)")
        return ", ".join(parts)

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class Converted:
    text: str
    format: str  # "text", "pdf" or "docx"
    title: str = ""
    symbol: str = ""
    date: str = ""  # ISO 8601, from the cover
    repairs: Repairs = field(default_factory=Repairs)
    warnings: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # running header/footer lines dropped
