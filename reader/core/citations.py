"""Citation strings a delegate would write: 《全球契约》(A/RES/73/195)第17段(a)."""

from __future__ import annotations

from .model import Block, BlockKind, DocumentInfo
from .parser import CJK_NUMERALS


def document_label(info: DocumentInfo) -> str:
    """《short title》 plus the symbol where one is known."""
    symbol = info.symbol or next((s for s in info.cited_as if "/" in s and s[0].isalpha()), "")
    return f"《{info.short_title}》" + (f"({symbol})" if symbol else "")


def cite(info: DocumentInfo, block: Block, by_anchor: dict[str, Block]) -> str:
    return document_label(info) + _part_label(block) + _locator(block, by_anchor)


def _part_label(block: Block) -> str:
    if not block.part:
        return ""
    if block.part == "cover":  # the note or resolution that transmits the main text
        heading = next((h for h in reversed(block.heading_path)), "")
        return f"“{heading}”" if heading and block.kind is not BlockKind.HEADING else ""
    return block.heading_path[0] if block.heading_path else block.part


def _locator(block: Block, by_anchor: dict[str, Block]) -> str:
    if block.kind is BlockKind.FOOTNOTE:
        return f"脚注{block.label}"
    if block.kind is BlockKind.TABLE:
        return f"表{block.label}"
    if block.kind is BlockKind.HEADING:
        return _heading_locator(block)
    if block.kind is BlockKind.PARAGRAPH:
        return _paragraph_locator(block, by_anchor)
    return _item_locator(block, by_anchor)


def _heading_locator(block: Block) -> str:
    if block.level == 0:  # a part heading: the part label already says it
        return ""
    if block.anchor.rsplit("/", 1)[-1].startswith("obj"):
        return f"目标{block.label}"
    if not block.label:
        return f"“{block.text}”"
    if block.label[0] in CJK_NUMERALS and block.marker.startswith("("):
        return f"{_parent_section(block)}({block.label})"
    if block.label[0] in CJK_NUMERALS:
        return f"第{block.label}节"
    return f"{_parent_section(block)}{block.label}"


def _parent_section(block: Block) -> str:
    """第二节 for a subsection of section 二 (read back from the heading path)."""
    for display in reversed(block.heading_path[:-1]):
        label = display.split(".", 1)[0]
        if display != label and label and all(c in CJK_NUMERALS for c in label):
            return f"第{label}节"
    return ""


def _paragraph_locator(block: Block, by_anchor: dict[str, Block]) -> str:
    if block.label:
        return f"第{block.label}段"
    owner_anchor, _, number = block.anchor.rpartition(".p")
    owner = by_anchor.get(owner_anchor)
    if owner is None:
        return f"第{number}个无编号段"
    if owner.kind is BlockKind.PARAGRAPH:
        return f"第{owner.label}段后"
    return f"{_heading_locator(owner)}第{number}段"


def _item_locator(block: Block, by_anchor: dict[str, Block]) -> str:
    if block.label and not block.label.isdigit():
        own = f"({block.label})"
    else:
        own = f"第{block.label or block.anchor.rsplit('.', 1)[-1]}项"
    parent = by_anchor.get(block.parent)
    if parent is None:
        return own
    return _locator(parent, by_anchor) + own
