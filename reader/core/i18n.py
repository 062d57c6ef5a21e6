"""A small Qt-free translation table: the words the core writes into files (exports, import
reports, colour names), in Chinese (the default) and English.

The window translates its own widgets with Qt Linguist; what it writes into an exported file
comes from here, so the command line and the window write the same words:

    tr("Tags", "zh")  -> "标签"
    color_name("green", "zh")  -> "绿色"
    meaning_text(palette.get("red"), "zh")  -> "红线" (a renamed meaning stays as the user wrote it)
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

# English source → Chinese. An English text missing here is written as it is.
_ZH: dict[str, str] = {
    # export headers and labels
    "Compact Reader: annotations": "契约阅读器：批注",
    "Exported": "导出时间",
    "Excerpts": "摘录",
    "Exported by": "导出人",
    "Grouped by document": "按文件分组",
    "Grouped by objective": "按目标分组",
    "Grouped by section": "按章节分组",
    "Filters": "筛选条件",
    "none": "无",
    "Citation": "出处",
    "Objectives": "目标",
    "Colour": "颜色",
    "Meaning": "含义",
    "Note": "笔记",
    "Tags": "标签",
    "Created": "创建时间",
    "Modified": "修改时间",
    "Author": "作者",
    "Link": "链接",
    "Also": "另见",
    "Sources": "引用的文件",
    "Symbol": "文号",
    "Date": "日期",
    "Document": "文件",
    "Objective": "目标",
    "Text": "文字",
    "Not found in the current text of the document; quoted as recorded.": (
        "在文件的当前文本中找不到；按记录时的原文引用。"
    ),
    "Not linked to an objective": "未关联任何目标",
    "Objective {number}: {title}": "目标{number}：{title}",
    "Objective {number}": "目标{number}",
    "Objectives {numbers}": "目标 {numbers}",
    "by date": "按日期排序",
    "Document start": "文件开头",
    "Could not be placed": "无法定位",
    # colours and their built-in meanings (stored in English)
    "yellow": "黄色",
    "red": "红色",
    "green": "绿色",
    "blue": "蓝色",
    "purple": "紫色",
    "agreed language": "商定措辞",
    "red line": "红线",
    "key commitment": "关键承诺",
    "to check": "待核实",
    "question": "疑问",
    # the import report
    "{count} added": "新增 {count} 条",
    "{count} updated": "更新 {count} 条",
    "{count} unchanged": "{count} 条未变",
    "{count} not found in the current text (listed as orphans)": (
        "{count} 条在当前文本中找不到（列为无法定位）"
    ),
    "{count} placed on a changed passage": "{count} 条定位到已改动的段落",
    "{count} skipped": "跳过 {count} 条",
    "{count} bookmark(s)": "书签 {count} 个",
    "{count} colour meaning(s)": "颜色含义 {count} 个",
    "from {names}": "来自 {names}",
    "unknown author": "作者不详",
    "would import: ": "将导入：",
    "imported: ": "已导入：",
    "  orphan (passage not found): ": "  无法定位（找不到段落）：",
    "  skipped {what}: {why}": "  跳过 {what}：{why}",
    "wrote {count} excerpts to {path}": "已将 {count} 条摘录写入 {path}",
}
_LIST_SEPARATOR = {"zh": "、", "en": ", "}


def language_of(value: str | None) -> str:
    """ "zh" or "en" from any spelling of them (zh_CN, zh-Hans, en_US …); Chinese by default."""
    value = (value or "").strip().lower().replace("_", "-")
    return "en" if value.startswith("en") else DEFAULT_LANGUAGE


def tr(text: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """`text` (English) in `lang`."""
    return _ZH.get(text, text) if language_of(lang) == "zh" else text


def tr_format(text: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    return tr(text, lang).format(**values)


def color_name(color: str, lang: str = DEFAULT_LANGUAGE) -> str:
    return tr(color, lang)


def meaning_text(name: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A colour's meaning as shown: the built-in ones translated, the user's own as written."""
    return tr(name, lang) if name in _BUILT_IN_MEANINGS else name


_BUILT_IN_MEANINGS = frozenset({"agreed language", "red line", "key commitment", "to check", "question"})


def join_list(items: list[str], lang: str = DEFAULT_LANGUAGE) -> str:
    """目标 7、17 in Chinese, "7, 17" in English."""
    return _LIST_SEPARATOR[language_of(lang)].join(items)


@lru_cache(maxsize=1024)  # a library has few dates, cited once per excerpt (strptime is slow)
def long_date(iso_date: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """2021年12月27日 / 27 December 2021 from 2021-12-27 (returned as given if it is not one)."""
    try:
        day = datetime.strptime(iso_date.strip(), "%Y-%m-%d")
    except ValueError:
        return iso_date
    if language_of(lang) == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # not strftime: that follows the process locale
