"""Word (.docx) → the parser's dialect, with python-docx for the package and lxml for the XML.

Read from the document body only, so header and footer text never enters a block (the
symbol is taken from the header). Paragraph styles and outline levels give headings; Word's
automatic numbering is computed from numbering.xml into the same "12." and "(a)" labels a
typed number has; footnote and endnote references become superscript marks with their
text as "¹ text" definitions right after the paragraph; tables become tab-separated rows.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from ..parser import (
    CJK_HEAD_RE,
    OBJECTIVE_RE,
    PARA_NUM_RE,
    PART_RE,
    SECTION_RE,
    SUBSECTION_RE,
    SUPERSCRIPTS,
    is_heading_like,
    join_halves,
)
from .base import Converted
from .cover import find_date, find_symbol, is_cover_field, pick_title
from .errors import ImportFailure

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_SKIPPED = {
    f"{{{W}}}{tag}" for tag in ("del", "delText", "instrText", "txbxContent", "rPr", "pPr", "moveFrom")
} | {f"{{{MC}}}Fallback"}
_CJK_DIGITS = "零一二三四五六七八九"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def superscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", SUPERSCRIPTS))


# --- numbering ------------------------------------------------------------------------
@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    """Word's numbering.xml: the labels its automatic numbering shows, computed in order."""

    abstract_of: dict[str, str] = field(default_factory=dict)
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, root) -> _Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(q("abstractNum")):
            levels = {}
            for lvl in abstract.iter(q("lvl")):
                level = _Level()
                for child, attr in (("numFmt", "fmt"), ("lvlText", "text")):
                    node = lvl.find(q(child))
                    if node is not None:
                        setattr(level, attr, node.get(q("val"), ""))
                start = lvl.find(q("start"))
                if start is not None:
                    level.start = _int(start.get(q("val")), 1)
                levels[_int(lvl.get(q("ilvl")), 0)] = level
            numbering.levels[abstract.get(q("abstractNumId"), "")] = levels
        for num in root.iter(q("num")):
            num_id = num.get(q("numId"), "")
            ref = num.find(q("abstractNumId"))
            numbering.abstract_of[num_id] = ref.get(q("val"), "") if ref is not None else ""
            for override in num.iter(q("lvlOverride")):
                start = override.find(q("startOverride"))
                if start is not None:
                    numbering.overrides.setdefault(num_id, {})[_int(override.get(q("ilvl")), 0)] = _int(
                        start.get(q("val")), 1
                    )
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        abstract = self.abstract_of.get(num_id)
        if abstract is None or abstract not in self.levels:
            return ""
        levels = self.levels[abstract]
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:  # a list instance with a start override restarts there
            self.started.add(num_id)
            for level, start in self.overrides.get(num_id, {}).items():
                counters[level] = start - 1
        level = levels.get(ilvl, _Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            return "-"
        if level.fmt == "none":
            return ""

        def value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            spec = levels.get(k, _Level())
            return _format_number(counters.get(k, spec.start), spec.fmt)

        return re.sub(r"%(\d)", value, level.text).strip()


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt.startswith(("chinese", "ideograph", "taiwanese", "japanese")) and 0 < n < 100:
        tens, ones = divmod(n, 10)
        text = (("" if tens == 1 else _CJK_DIGITS[tens]) + "十" if tens else "") + (
            _CJK_DIGITS[ones] if ones else ""
        )
        return text
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + numeral, n - value
    return out


# --- styles -------------------------------------------------------------------------
@dataclass
class _Style:
    name: str = ""
    based_on: str = ""
    outline: int | None = None
    num: tuple[str, int] | None = None


def _read_styles(document) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    root = document.styles.element
    for node in root.iter(q("style")):
        style = _Style()
        name = node.find(q("name"))
        style.name = (name.get(q("val"), "") if name is not None else "").lower()
        based = node.find(q("basedOn"))
        style.based_on = based.get(q("val"), "") if based is not None else ""
        ppr = node.find(q("pPr"))
        if ppr is not None:
            style.outline, style.num = _outline_of(ppr), _num_of(ppr)
        styles[node.get(q("styleId"), "")] = style
    return styles


def _outline_of(ppr) -> int | None:
    node = ppr.find(q("outlineLvl"))
    level = _int(node.get(q("val")), 9) if node is not None else 9
    return level if level < 9 else None


def _num_of(ppr) -> tuple[str, int] | None:
    numpr = ppr.find(q("numPr"))
    if numpr is None:
        return None
    num_id = numpr.find(q("numId"))
    ilvl = numpr.find(q("ilvl"))
    return (
        num_id.get(q("val"), "0") if num_id is not None else "",
        _int(ilvl.get(q("val")), 0) if ilvl is not None else 0,
    )


def _style_chain(style_id: str, styles: dict[str, _Style]) -> list[_Style]:
    chain, seen = [], set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        chain.append(styles[style_id])
        style_id = styles[style_id].based_on
    return chain


# --- text ---------------------------------------------------------------------------
class _Notes:
    """Footnotes and endnotes by id, numbered in the order their references appear."""

    def __init__(self, parts: dict[str, object]) -> None:
        self.texts: dict[tuple[str, str], str] = {}
        for kind, root in parts.items():
            if root is None:
                continue
            for note in root:
                if note.tag in (q("footnote"), q("endnote")) and note.get(q("type")) in (None, "normal"):
                    self.texts[(kind, note.get(q("id"), ""))] = _note_text(note)
        self.count = 0
        self.pending: list[str] = []

    def reference(self, kind: str, note_id: str) -> str:
        text = self.texts.get((kind, note_id))
        if text is None:
            return ""
        self.count += 1
        mark = superscript(self.count)
        self.pending.append(f"{mark} {text}" if text else mark)
        return mark

    def flush(self) -> list[str]:
        pending, self.pending = self.pending, []
        return pending


def _note_text(note) -> str:
    paragraphs = []
    for p in note.iter(q("p")):
        pieces = []
        for node in _content(p):
            if node.tag == q("t"):
                pieces.append(node.text or "")
            elif node.tag in (q("tab"), q("br"), q("cr")):
                pieces.append(" ")
        paragraphs.append("".join(pieces).strip())
    text = ""
    for paragraph in paragraphs:
        text = join_halves(text, paragraph) if text else paragraph
    return text


def _content(element):
    """Descendants that carry text, in order, minus deleted text, field codes and fallbacks."""
    for child in element:
        if child.tag in _SKIPPED or not isinstance(child.tag, str) or _hidden(child):
            continue
        if child.tag in (
            q("t"),
            q("tab"),
            q("br"),
            q("cr"),
            q("noBreakHyphen"),
            q("footnoteReference"),
            q("endnoteReference"),
            q("footnoteRef"),
            q("endnoteRef"),
            q("sym"),
        ):
            yield child
        else:
            yield from _content(child)


def _hidden(node) -> bool:
    """A run formatted as hidden text (w:vanish): Word neither shows nor prints it."""
    if node.tag != q("r"):
        return False
    rpr = node.find(q("rPr"))
    vanish = rpr.find(q("vanish")) if rpr is not None else None
    return vanish is not None and vanish.get(q("val")) not in ("0", "false", "off")


def _paragraph_text(p, notes: _Notes) -> str:
    lines, pieces = [], []
    for node in _content(p):
        tag = node.tag
        if tag == q("t"):
            pieces.append(node.text or "")
        elif tag == q("tab"):
            pieces.append("\t")
        elif tag in (q("br"), q("cr")):
            if node.get(q("type")) not in ("page", "column"):
                lines.append("".join(pieces))
                pieces = []
        elif tag == q("noBreakHyphen"):
            pieces.append("-")
        elif tag == q("footnoteReference"):
            pieces.append(notes.reference("footnotes", node.get(q("id"), "")))
        elif tag == q("endnoteReference"):
            pieces.append(notes.reference("endnotes", node.get(q("id"), "")))
    lines.append("".join(pieces))
    text = ""
    for line in lines:
        text = join_halves(text, line) if text.strip() else line
    return text


_TYPED_MARKER_RE = re.compile(
    r"^\s*([0-9０-９]{1,3}[.．]|\([a-z]{1,2}\)|\([一二三四五六七八九十]+\)|[a-z]\.)\t+"
)


def _tidy(text: str) -> str:
    """A typed "12.<tab>" marker keeps one space; any other tab is a space (never a table)."""
    text = _TYPED_MARKER_RE.sub(lambda m: m.group(1) + " ", text)
    return re.sub(r"[ \t\u00a0]*\t[ \t\u00a0]*", " ", text).strip()


def _heading_line(text: str, level: int) -> str:
    """A heading as the parser recognises it: its own numbering if it has one, else #-marks."""
    for pattern in (SECTION_RE, SUBSECTION_RE, CJK_HEAD_RE, OBJECTIVE_RE, PART_RE):
        if pattern.match(text):
            return text
    return f"{'#' * max(1, min(level, 6))} {text}"


# --- the document -------------------------------------------------------------------
class _Writer:
    def __init__(self, document) -> None:
        self.document = document
        self.styles = _read_styles(document)
        self.numbering = _Numbering.read(_part_root(document, "numbering"))
        self.notes = _Notes(
            {"footnotes": _part_root(document, "footnotes"), "endnotes": _part_root(document, "endnotes")}
        )
        self.lines: list[str] = []
        self.plain: list[str] = []  # paragraph texts in order, for the cover metadata
        self.emphasised: set[int] = set()
        self.auto_numbered = 0
        self.tables = 0
        self.body_started = False  # before the first numbered paragraph or heading: the cover
        # (index in lines, Word outline level, "objective"/"section"/"" for #-marked headings)
        self.heading_levels: list[tuple[int, int, str]] = []

    def run(self) -> None:
        for child in self.document.element.body:
            if child.tag == q("p"):
                self._paragraph(child)
            elif child.tag == q("tbl"):
                self._table(child)
            elif child.tag == q("sdt"):  # content controls wrap ordinary paragraphs and tables
                content = child.find(q("sdtContent"))
                for inner in content if content is not None else ():
                    if inner.tag == q("p"):
                        self._paragraph(inner)
                    elif inner.tag == q("tbl"):
                        self._table(inner)

    def _paragraph(self, p) -> None:
        raw = _paragraph_text(p, self.notes).strip()
        text = _tidy(raw)
        if text:
            self.plain.append(raw)  # tabs kept: they separate the fields of a cover line
            line = self._line(p, text)
            if _is_emphasised(p) or line.startswith("#") and not self.body_started:
                self.emphasised.add(len(self.plain) - 1)  # bold, or a Title/Heading style
            self.lines.append(line)
            if PARA_NUM_RE.match(line) or line.startswith("#") or SECTION_RE.match(line):
                self.body_started = True
        self.lines.extend(self.notes.flush())

    def _line(self, p, text: str) -> str:
        ppr = p.find(q("pPr"))
        style_node = ppr.find(q("pStyle")) if ppr is not None else None
        chain = _style_chain(style_node.get(q("val"), "") if style_node is not None else "", self.styles)
        outline = _outline_of(ppr) if ppr is not None else None
        num = _num_of(ppr) if ppr is not None else None
        for style in chain:
            outline = outline if outline is not None else style.outline
            num = num or style.num
        name = chain[0].name if chain else ""
        if outline is None and (name.startswith(("heading", "标题")) or name == "title"):
            digits = re.findall(r"\d", name)
            outline = int(digits[0]) - 1 if digits else 0
        label = self.numbering.label(*num) if num and num[0] not in ("", "0") else ""
        if label:
            self.auto_numbered += 1
            text = f"{label}{'' if label.endswith(('、', '．')) else ' '}{text}"  # 一、导言 as typed
        if outline is not None and is_heading_like(text, 200):
            line = _heading_line(text, outline + 1)
            self.heading_levels.append((len(self.lines), outline + 1, _numbered_kind(line)))
            return line
        return text

    def align_heading_levels(self) -> None:
        """The parser ranks 目标 N： headings second and 一. sections first; Word may put them at
        any outline level. The #-marked headings are shifted by the same amount, so a heading
        at an objective's Word level stays its sibling (and 执行 after 目标 23 is not inside it)."""
        for kind, rank in (("objective", 2), ("section", 1)):
            levels = Counter(level for _, level, found in self.heading_levels if found == kind)
            if levels:
                shift = rank - levels.most_common(1)[0][0]
                break
        else:
            return
        for index, level, found in self.heading_levels:
            if not found:
                text = self.lines[index].lstrip("#").lstrip()
                self.lines[index] = f"{'#' * max(1, min(level + shift, 6))} {text}"

    def _table(self, tbl) -> None:
        if not self.body_started and len(self.plain) < 15:
            self._cover_table(tbl)
            return
        self.tables += 1
        rows = []
        for tr in tbl.iter(q("tr")):
            cells = []
            for tc in tr.findall(q("tc")):
                texts = [_tidy(_paragraph_text(p, self.notes)) for p in tc.iter(q("p"))]
                cells.append(" ".join(t for t in texts if t) or "-")
            if any(c != "-" for c in cells):
                rows.append("\t".join(cells) if len(cells) > 1 else f"{cells[0]}\t")
        if rows:
            self.lines.append("\n".join(rows))
        self.lines.extend(self.notes.flush())

    def _cover_table(self, tbl) -> None:
        """UN covers are often a layout table (联合国 | A/76/L.55, 大会 | Distr.: General …):
        its cells are cover lines, not a table of the document."""
        for p in tbl.iter(q("p")):
            raw = _paragraph_text(p, self.notes).strip()
            if raw:
                self.plain.append(raw)
                if _is_emphasised(p):
                    self.emphasised.add(len(self.plain) - 1)
                self.lines.append(_tidy(raw))
        self.lines.extend(self.notes.flush())


def _numbered_kind(line: str) -> str:
    if OBJECTIVE_RE.match(line):
        return "objective"
    if SECTION_RE.match(line):
        return "section"
    return "" if line.startswith("#") else "other"


def _is_emphasised(p) -> bool:
    runs = [r for r in p.iter(q("r")) if any(t.text and t.text.strip() for t in r.iter(q("t")))]
    if not runs:
        return False
    for run in runs:
        rpr = run.find(q("rPr"))
        bold = rpr.find(q("b")) if rpr is not None else None
        if bold is None or bold.get(q("val")) in ("0", "false"):
            return False
    return True


def _part_root(document, kind: str):
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith(f"/{kind}"):
            continue
        part = rel.target_part
        element = getattr(part, "element", None)
        if element is not None:
            return element
        try:
            return etree.fromstring(part.blob)
        except etree.XMLSyntaxError:
            return None
    return None


def _header_symbol(document) -> str:
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            try:
                if header.is_linked_to_previous and section is not document.sections[0]:
                    continue
                text = " ".join(p.text for p in header.paragraphs)
            except (KeyError, ValueError, AttributeError):
                continue
            symbol = find_symbol(text)
            if symbol:
                return symbol
    return ""


def _text_box_lines(document) -> list[str]:
    """Text in text boxes and frames (some covers put the symbol and date there): read for the
    cover's metadata only; such boxes are not part of the body."""
    lines = []
    for box in document.element.body.iter(q("txbxContent")):
        for p in box.iter(q("p")):
            text = "".join(t.text or "" for t in p.iter(q("t"))).strip()
            if text:
                lines.append(text)
        if len(lines) > 40:
            break
    return lines


def convert_docx(data: bytes, name: str) -> Converted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise ImportFailure(f"{name} is damaged or not a Word document ({exc})", "corrupt") from exc
    except Exception as exc:  # lxml and zipfile raise many kinds on a damaged package
        raise ImportFailure(
            f"{name} is damaged and cannot be read ({type(exc).__name__})", "corrupt"
        ) from exc
    writer = _Writer(document)
    writer.run()
    writer.align_heading_levels()
    if not writer.plain:
        raise ImportFailure(f"{name} contains no text", "empty")
    boxes = _text_box_lines(document)
    cover = writer.plain[:15] + boxes
    symbol = _header_symbol(document) or next(
        (find_symbol(t) for t in cover if is_cover_field(t) and find_symbol(t)), ""
    )
    converted = Converted(
        text="\n\n".join(writer.lines) + "\n",
        format="docx",
        # the boxes come after the body's paragraph 1, where pick_title stops looking
        title=pick_title(writer.plain[:15], writer.emphasised) or pick_title(boxes),
        symbol=symbol,
        date=next((d for d in map(find_date, cover) if d), ""),
    )
    converted.repairs.footnotes = writer.notes.count
    converted.repairs.tables = writer.tables
    converted.repairs.numbered = writer.auto_numbered
    return converted
