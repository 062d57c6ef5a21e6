"""Which leading lines of a document are cover metadata rather than headings.

A UN document opens with a cover: organ, symbol, "Distr.: General", languages, session,
agenda item (and the agenda item's own title), date and place, and for web copies lines
such as "主题:难民和移民", "通过日期 …" or "原始文本 查看…". The parser asks these helpers
about each unlabelled heading line before the body starts, and gives the ones that are
metadata `Block.role == "metadata"`, so they are shown as a small header and never become
part of a heading path.
"""

from __future__ import annotations

import re

from .importers.cover import ZH_DATE_RE, is_cover_field

METADATA_ROLE = "metadata"
DUPLICATE_ROLE = "duplicate"  # a title line repeated right after itself

_WEB_FIELD_RE = re.compile(
    r"^(?:主题|专题|通过日期|日期|原始文本|原文|来源|文号|文件号|Subject|Topic|Adopted|Date|"
    r"Original text|Source)\s*[:：\s]",
    re.IGNORECASE,
)
_AGENDA_RE = re.compile(r"^(?:临时)?议程\s*\*?\s*项目|^(?:Provisional\s+)?agenda\s+item", re.IGNORECASE)
_SESSION_RE = re.compile(
    r"^第.{1,8}届(?:会议|特别会议|常会)|^\w+(?:-\w+)? (?:special )?session\b", re.IGNORECASE
)
_DATE_PLACE_RE = re.compile(
    rf"^{ZH_DATE_RE.pattern}"
    r"(?:\s*(?:和|至|-|–)\s*\d{1,2}\s*(?:月\s*\d{1,2}\s*)?日)?"
    r"\s*(?:[，,、]\s*\S{1,20})?$"
)
_NUMBER_RE = re.compile(r"\d+")


def is_metadata_line(text: str) -> bool:
    """True for a cover field: organ, symbol, distribution, language, session, agenda item,
    date (and place), or a web page's subject / adoption date / "original text" line."""
    text = text.strip()
    if not text:
        return False
    if _WEB_FIELD_RE.match(text) or _AGENDA_RE.match(text) or _SESSION_RE.match(text):
        return True
    if _DATE_PLACE_RE.match(text):
        return True
    return is_cover_field(text)


def agenda_titles_following(text: str) -> int:
    """How many agenda-item titles follow an agenda line ("议程项目 15 和 116" → 2)."""
    if not _AGENDA_RE.match(text.strip()):
        return 0
    return len(_NUMBER_RE.findall(text))
