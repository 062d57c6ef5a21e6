"""Repairs of conversion debris in a block's text: what Word and PDF left, not what the
authors wrote.

- Word field errors ("错误!超链接引用无效。" — a broken cross-reference rendered as text)
  are removed; each removal is logged (logger `reader.repairs`) so nothing vanishes silently.
- A space between two Chinese characters, left where a PDF line break was joined, is
  removed — except after a metadata label at the start of a block ("通过日期 联合国…"),
  where the space separates the label from its value.
- `full_width_punctuation` is for display only: it swaps ASCII punctuation between
  Chinese characters for its full-width form one character for one, so offsets (and the
  anchors of highlights) are unchanged; the stored text is never touched.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger("reader.repairs")

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef"
# Word's field-error texts, in Chinese and English, with either exclamation mark.
FIELD_ERRORS = re.compile(
    r"(?:\*\*)?(?:错误[!！]\s*(?:超链接引用无效|未定义书签|未找到引用源|文档中没有指定样式的文字)[。.]?"
    r"|Error!\s*(?:Hyperlink reference not valid|Bookmark not defined|Reference source not found)\.?)"
    r"(?:\*\*)?"
)
STRAY_SPACE = re.compile(rf"(?<=[{HAN}{CJK_PUNCT}]) (?=[{HAN}])|(?<=[{HAN}]) (?=[{CJK_PUNCT}])")
METADATA_LABELS = ("通过日期", "原始文本", "主题", "议程项目", "日期", "来源", "文号")
HALF_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})
CONTEXT = rf"[{HAN}{CJK_PUNCT}]"
PUNCT_IN_CHINESE = re.compile(
    rf"(?<={CONTEXT})[,;:?!](?=\s*{CONTEXT}|$)|(?<={CONTEXT})\((?=[^)]*"
    rf"{CONTEXT})|(?<={CONTEXT})\)|\((?={CONTEXT})|\)(?={CONTEXT})"
)


def remove_field_errors(text: str, where: str = "") -> str:
    def removed(match: re.Match[str]) -> str:
        log.info("removed Word field error text %r%s", match.group(0), f" in {where}" if where else "")
        return ""

    return FIELD_ERRORS.sub(removed, text)


def remove_stray_spaces(text: str) -> str:
    """No space between two Chinese characters, except after a leading metadata label."""
    keep = next((len(label) for label in METADATA_LABELS if text.startswith(label + " ")), -1)
    if keep < 0:
        return STRAY_SPACE.sub("", text)
    return text[: keep + 1] + STRAY_SPACE.sub("", text[keep + 1 :])


def repair(text: str, where: str = "") -> str:
    return (
        remove_stray_spaces(remove_field_errors(text, where)).strip()
        if FIELD_ERRORS.search(text)
        else remove_stray_spaces(text)
    )


def full_width_punctuation(text: str) -> str:
    """Half-width punctuation in Chinese text shown full-width; same length as `text`."""
    return PUNCT_IN_CHINESE.sub(lambda m: m.group(0).translate(HALF_TO_FULL), text)
