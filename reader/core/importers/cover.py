"""Cover-page metadata of a UN document: symbol, date and title, in Chinese or English.

A UN cover reads "联合国 A/76/L.55 / 大会 Distr.: General / 2021年12月27日 / Chinese /
Original: English / 第七十六届会议 / 议程项目 14 / TITLE" (or "United Nations … General
Assembly … 27 December 2021 …"). These helpers also recognise the running header and footer
lines that repeat on every page: the symbol, the job number "21-20387 (C)", page numbers.
"""

from __future__ import annotations

import re

SYMBOL_RE = re.compile(
    r"(?<![A-Za-z0-9/])(?:[A-Z]{1,6}|[A-Z]{1,6}-[A-Z]{1,6})"
    r"(?:/[A-Za-z0-9.\-()]*[A-Za-z0-9)])+"
)
JOB_NUMBER_RE = re.compile(r"^\*?\d{2}-\d{4,6}\s*(?:\([A-Z]\))?\s*\*?$|^\*\d{5,9}\*$")
PAGE_NUMBER_RE = re.compile(r"^(?:-\s*)?\d{1,4}(?:\s*-)?$|^\d{1,4}\s*/\s*\d{1,4}$|^(?:Page|第)\s*\d+\s*页?$")
DISTR_RE = re.compile(r"^(?:Distr\.?\s*[:：]\s*\w+|分发\s*[:：]\s*\S+)$", re.IGNORECASE)
ZH_DATE_RE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
EN_DATE_RE = re.compile(
    rf"\b(?P<d>\d{{1,2}})\s+(?P<month>{'|'.join(MONTHS)})\s+(?P<y>\d{{4}})\b", re.IGNORECASE
)
COVER_WORDS_RE = re.compile(
    r"^(?:联\s*合\s*国|大\s*会|安全理事会|经济及社会理事会|人权理事会|秘书处|United Nations|General Assembly|"
    r"Security Council|Economic and Social Council|Chinese|English|French|Spanish|Russian|Arabic|"
    r"Original\s*[:：].*|原文\s*[:：].*|第.{1,8}届会议.*|议程项目.*|临时议程.*|Agenda item.*|"
    r"[\w-]+ session|Distr\..*)$",
    re.IGNORECASE,
)


def find_symbol(text: str) -> str:
    """The first UN document symbol in text (one with a digit: A/76/L.55, A/RES/76/266)."""
    for m in SYMBOL_RE.finditer(text):
        symbol = m.group(0).rstrip(".")
        if any(c.isdigit() for c in symbol) and "/" in symbol:
            return symbol
    return ""


def find_date(text: str) -> str:
    """An ISO date from "2021年12月27日" or "27 December 2021"; "" when there is none."""
    m = ZH_DATE_RE.search(text)
    if m:
        return _iso(m["y"], m["m"], m["d"])
    m = EN_DATE_RE.search(text)
    if m:
        return _iso(m["y"], str(MONTHS.index(m["month"].lower()) + 1), m["d"])
    return ""


def _iso(year: str, month: str, day: str) -> str:
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return ""
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


_FIELD_PIECES_RE = re.compile(
    r"联\s*合\s*国|大\s*会|安全理事会|经济及社会理事会|United Nations|General Assembly|Security Council|"
    r"Distr\.?\s*[:：]\s*\w+|Original\s*[:：]\s*\w+|Chinese|English",
    re.IGNORECASE,
)


def is_cover_field(line: str) -> bool:
    """A line of the cover block that is not the title (organ, symbol, date, language …)."""
    line = line.strip()
    if not line:
        return True
    rest = _FIELD_PIECES_RE.sub("", EN_DATE_RE.sub("", ZH_DATE_RE.sub("", SYMBOL_RE.sub("", line))))
    if not rest.strip(" \t:：,"):
        return True  # e.g. "联合国A/76/L.99" when the PDF lost the gap between the two
    if COVER_WORDS_RE.match(line) or DISTR_RE.match(line) or JOB_NUMBER_RE.match(line):
        return True
    if find_symbol(line) == line or ZH_DATE_RE.fullmatch(line) or EN_DATE_RE.fullmatch(line):
        return True
    parts = [p for p in re.split(r"\t|\s{2,}", line) if p.strip()]
    return all(is_cover_field(p) for p in parts) if len(parts) > 1 else False


def is_running_line(line: str, symbol: str = "") -> bool:
    """Would this line, at the top or bottom of a page, be a running header or footer?"""
    line = line.strip()
    if not line:
        return False
    if symbol and line.replace(" ", "") == symbol.replace(" ", ""):
        return True
    if PAGE_NUMBER_RE.match(line) or JOB_NUMBER_RE.match(line) or DISTR_RE.match(line):
        return True
    if find_symbol(line) == line:
        return True
    parts = [p for p in re.split(r"\s{2,}|\t", line) if p.strip()]
    return len(parts) > 1 and all(is_running_line(p, symbol) for p in parts)


def pick_title(lines: list[str], emphasised: set[int] | None = None) -> str:
    """The title on a cover: the first emphasised (bold, large) line that is not a cover field,
    else the first heading-like line that is not one, both before paragraph 1."""
    from ..parser import PARA_NUM_RE, is_heading_like  # the parser reads cover fields from here

    emphasised = emphasised or set()
    # a title comes before paragraph 1: after it, a short line is paragraph 1 wrapped
    # (…社会保护、教育和儿童服务 is its middle line, 有计划和管理完善的移民政策。 its tail)
    first_paragraph = next((i for i, line in enumerate(lines) if PARA_NUM_RE.match(line.strip())), len(lines))
    candidates = [
        (i, line.strip())
        for i, line in enumerate(lines[:first_paragraph])
        if line.strip() and not is_cover_field(line)
    ]
    for i, line in candidates:
        if i in emphasised:
            return line[:200]
    for _, line in candidates:
        if not re.match(r"^\([a-z]\)", line) and is_heading_like(line, 200):
            return line[:200]
    return ""
