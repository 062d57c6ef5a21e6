"""PDF (text layer) → the parser's dialect, with pdfminer.six and our own layout rules.

pdfminer gives every character with its box, size and font; its own layout analysis is not
used (it is slow and inserts spaces between Chinese and digits where the PDF only has a
gap). From the characters this module rebuilds:

* lines (characters whose boxes overlap vertically), with superscript footnote marks turned
  into ¹²³ or ^a, real space glyphs kept, a wide gap read as a cell/tab stop;
* running headers and footers dropped: the symbol at the top of a page, the job number
  "21-20387 (C)", page numbers "2/10", "Distr.: General" on later pages, and any line that
  repeats at the same end of most pages;
* footnotes: the lines under the footnote rule (or small lines at the bottom starting with a
  mark) become "¹ text" definitions, a note continued on the next page re-joined;
* paragraphs: lines are joined until a marker ("12.", "(a)", "一."), a bold/size change, a
  wider gap or a short last line; a paragraph cut by a page break (its last line runs to the
  margin, or it stops mid-sentence) is re-joined across the page's footnotes;
* tables: runs of lines with tab stops become tab-separated rows.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from ..parser import (
    CJK_HEAD_RE,
    LETTER_RE,
    OBJECTIVE_RE,
    PARA_NUM_RE,
    SECTION_RE,
    SUPERSCRIPTS,
    ends_open,
    join_halves,
)
from .base import Converted
from .cover import find_date, find_symbol, is_running_line, pick_title
from .errors import ImportFailure

# pdfminer logs every damaged stream it works around; the user gets one line from us instead.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_SUP = str.maketrans("0123456789", SUPERSCRIPTS)
_MARKER_RES = (
    PARA_NUM_RE,
    LETTER_RE,
    CJK_HEAD_RE,
    SECTION_RE,
    OBJECTIVE_RE,
    re.compile(r"^\([一二三四五六七八九十]+\)"),
    re.compile(r"^[IVX]{1,5}\.\s"),
)
_NOTE_START_RE = re.compile(rf"^(?:[{SUPERSCRIPTS}]+|\^[a-z]|\*|\d{{1,3}}(?=\s))\s*")
# "10.We" at a line start: the tab after a wide paragraph number can shrink to nothing
_SQUEEZED_NUMBER_RE = re.compile(r"^(\d{1,3}\.)(?=[A-Za-z\u4e00-\u9fff“\"(《])")
_SUPERSCRIPT_START_RE = re.compile(rf"^(?:[{SUPERSCRIPTS}]+|\^[a-z])\s")
_BARE_NOTE_RE = re.compile(r"^(\d{1,3})(?=[\u4e00-\u9fff《（(“])")  # "1见…": a full-size number


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    bold: bool


@dataclass
class _Line:
    text: str  # tab stops as "\t", superscript marks converted
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    page: int
    trailing_space: bool = False  # a space glyph ends the line: the source had a space there

    @property
    def flat(self) -> str:
        return self.text.replace("\t", " ").strip()


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line] = field(default_factory=list)
    rule: float | None = None  # y of the footnote separator rule, if drawn
    images: int = 0  # pictures covering half the page or more (with no text: a scanned page)


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


# --- characters → lines ---------------------------------------------------------------
def _read_pages(data: bytes, name: str) -> list[_Page]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect as exc:
        raise ImportFailure(
            f"{name} is password-protected: open it, save it without a password and import it again",
            "encrypted",
        ) from exc
    except Exception as exc:  # pdfminer raises many kinds (PSEOF, PDFSyntaxError, KeyError …)
        if "encrypt" in str(exc).lower() or "crypt" in type(exc).__name__.lower():
            raise ImportFailure(f"{name} is encrypted and cannot be read", "encrypted") from exc
        raise ImportFailure(
            f"{name} is damaged and cannot be read as a PDF ({type(exc).__name__})", "corrupt"
        ) from exc
    if not document.is_extractable:
        raise ImportFailure(f"{name} forbids copying its text (a protected PDF)", "encrypted")
    manager = PDFResourceManager(caching=True)
    device = _collector(PDFPageAggregator)(manager, laparams=None)
    interpreter = PDFPageInterpreter(manager, device)
    pages = []
    try:
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            device.chars = []
            interpreter.process_page(page)
            layout = device.get_result()
            pages.append(_page_from_layout(number, layout, device.chars))
    except ImportFailure:
        raise
    except Exception as exc:
        if not pages:
            raise ImportFailure(
                f"{name} is damaged and cannot be read as a PDF ({type(exc).__name__})", "corrupt"
            ) from exc
        # a damaged tail: keep what was read, the caller warns
        pages.append(_Page(-1, 0, 0))
    return pages


def _collector(aggregator: type) -> type:
    """pdfminer's page aggregator, but each character goes into a plain list as a small
    `_Char` instead of a layout object: the same box arithmetic as pdfminer's LTChar, at a
    fraction of the cost (building LTChars was a fifth of the import time)."""
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.utils import apply_matrix_rect

    class Collector(aggregator):
        chars: list[_Char]
        _bold: dict[int, bool]

        def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
            if font.is_vertical():  # rare in UN documents: let pdfminer do the arithmetic
                return super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            adv = font.char_width(cid) * fontsize * scaling
            descent = font.get_descent() * fontsize
            x0, y0, x1, y1 = apply_matrix_rect(matrix, (0, descent + rise, adv, descent + rise + fontsize))
            x0, x1 = min(x0, x1), max(x0, x1)
            y0, y1 = min(y0, y1), max(y0, y1)
            bold = getattr(self, "_bold", None)
            if bold is None:
                bold = self._bold = {}
            if id(font) not in bold:
                bold[id(font)] = _is_bold(font.fontname)
            if text and text not in "\r\n":
                self.chars.append(_Char(text, x0, x1, y0, y1, y1 - y0, bold[id(font)]))
            return adv

    return Collector


def _is_bold(fontname: object) -> bool:
    font = str(fontname).split("+")[-1].lower()
    return any(w in font for w in ("bold", "black", "heavy", "semibold"))


SCAN_SHARE = 0.5  # the share of a page a picture covers for it to be a scan of the page


def _page_from_layout(number: int, layout, collected: list[_Char] | None = None) -> _Page:
    from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage

    chars: list[_Char] = list(collected or [])
    rules: list[float] = []
    images = 0
    width, height = layout.width, layout.height

    def walk(container) -> None:
        for item in container:
            if isinstance(item, LTChar):
                text = item.get_text()
                if text and text not in "\r\n":
                    chars.append(
                        _Char(text, item.x0, item.x1, item.y0, item.y1, item.size, _is_bold(item.fontname))
                    )
            elif isinstance(item, LTFigure):
                walk(item)
            elif isinstance(item, LTImage) and item.width * item.height >= SCAN_SHARE * width * height:
                nonlocal images  # a chart, a map or a logo is smaller than a scan, and no text is lost
                images += 1
            elif (
                isinstance(item, LTCurve)
                and item.height < 2
                and 20 < item.width < width * 0.45
                and item.y0 < height * 0.5
            ):
                rules.append(item.y0)

    walk(layout)
    page = _Page(number, width, height)
    page.lines = _lines_from_chars(chars, number)
    page.rule = max(rules) if rules else None
    page.images = images
    return page


def _lines_from_chars(chars: list[_Char], page: int) -> list[_Line]:
    chars = [c for c in chars if c.y1 > c.y0]
    chars.sort(key=lambda c: -c.y1)
    groups: list[list[_Char]] = []
    low = high = 0.0
    for char in chars:
        if groups:
            overlap = min(high, char.y1) - max(low, char.y0)
            if overlap >= 0.5 * min(high - low, char.y1 - char.y0):
                groups[-1].append(char)
                if char.text.strip():
                    low, high = min(low, char.y0), max(high, char.y1)
                continue
        groups.append([char])
        low, high = char.y0, char.y1
    lines = [_make_line(sorted(group, key=lambda c: c.x0), page) for group in groups]
    return [line for line in lines if line is not None]


def _make_line(chars: list[_Char], page: int) -> _Line | None:
    visible = [c for c in chars if c.text.strip()]
    if not visible:
        return None
    size = Counter(round(c.size, 1) for c in visible).most_common(1)[0][0]
    baseline = Counter(round(c.y0, 1) for c in visible if abs(c.size - size) < 0.5).most_common(1)
    base = baseline[0][0] if baseline else visible[0].y0
    out: list[str] = []
    previous: _Char | None = None
    pending_space = False
    for char in chars:
        if not char.text.strip():
            pending_space = previous is not None
            continue
        superscript = char.size < 0.8 * size and char.y0 - base > 0.15 * size
        text = char.text
        if superscript:
            text = text.translate(_SUP) if text.isdigit() else (f"^{text}" if text.isalpha() else text)
        if previous is not None:
            gap = char.x0 - previous.x1
            if gap >= 1.5 * size:
                out.append("\t")
            elif pending_space or gap >= 0.6 * size:
                out.append(" ")
            elif gap > 0.22 * size and not superscript and not (_is_cjk(char.text) or _is_cjk(previous.text)):
                out.append(" ")  # a PDF without space glyphs between Latin words
        out.append(text)
        previous, pending_space = char, False
    text = _SQUEEZED_NUMBER_RE.sub(r"\1 ", "".join(out))
    return _Line(
        text,
        visible[0].x0,
        visible[-1].x1,
        max(c.y1 for c in visible),
        min(c.y0 for c in visible),
        size,
        all(c.bold for c in visible),
        page,
        trailing_space=pending_space,
    )


# --- pages → regions ------------------------------------------------------------------
def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.replace("\t", " ")).strip()


def _strip_running(pages: list[_Page], symbol: str, body_size: float = 0.0) -> list[str]:
    """Drop running headers/footers from each page in place; return the dropped lines.

    A line repeated at the same end of most pages is a running head only if it does not
    look like body text (smaller type, a tab stop, or short): repetitive prose at the top
    of two pages stays."""
    removed: list[str] = []
    counted = len([p for p in pages if p.lines])
    top_shapes: Counter[str] = Counter()
    bottom_shapes: Counter[str] = Counter()
    for page in pages:
        top_shapes.update({_shape(line.text) for line in _band(page, top=True)})
        bottom_shapes.update({_shape(line.text) for line in _band(page, top=False)})
    for page in pages:
        for top, shapes in ((True, top_shapes), (False, bottom_shapes)):
            for line in _band(page, top):
                repeated = (
                    counted >= 3
                    and shapes[_shape(line.text)] >= max(2, 0.5 * counted)
                    and len(line.flat) <= 80
                    and (line.size < 0.95 * body_size or "\t" in line.text or len(line.flat) <= 30)
                )
                if page.number == 1 and top and not repeated:
                    continue  # the cover's symbol and "Distr.: General" are metadata, kept
                carries_symbol = (
                    top and bool(symbol) and symbol in line.flat.replace(" ", "") and len(line.flat) <= 120
                )
                if (is_running_line(line.text, symbol) or repeated or carries_symbol) and any(
                    kept is line for kept in page.lines
                ):  # a tiny page: in both bands
                    page.lines = [kept for kept in page.lines if kept is not line]
                    removed.append(line.flat)
    return removed


def _band(page: _Page, top: bool) -> list[_Line]:
    """The lines at the very top (or bottom) of a page: where running heads sit."""
    if not page.lines:
        return []
    limit = page.height * 0.12
    candidates = page.lines[:3] if top else page.lines[-3:]
    if top:
        return [line for line in candidates if line.top >= page.height - limit]
    return [line for line in candidates if line.bottom <= limit]


def _split_notes(
    page: _Page, body_size: float, notes_before: bool = False
) -> tuple[list[_Line], list[_Line]]:
    """(body lines, footnote lines) of one page. The notes start with a mark, or — when the
    page before had notes — may start with the end of a note continued from there."""
    lines = page.lines
    if page.rule is not None:
        below = [line for line in lines if line.top <= page.rule + 1]
        if below and (notes_before or _starts_note(below[0].flat)):
            return [line for line in lines if line.top > page.rule + 1], below
    cut = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].size < body_size * 0.92:
            cut = index
        else:
            break
    while cut < len(lines) and not _starts_note(lines[cut].flat) and not notes_before:
        cut += 1
    if cut == len(lines):
        cut = _notes_in_body_type(page)
    return lines[:cut], lines[cut:]


def _notes_in_body_type(page: _Page) -> int:
    """Footnotes set in the body's size with no rule drawn: the last run of lines in the
    lower part of the page that starts with a superscript mark (never a numbered paragraph)."""
    cut = len(page.lines)
    for index in range(len(page.lines) - 1, -1, -1):
        line = page.lines[index]
        if line.top > page.height * 0.4 or _is_marker(line.flat):
            break
        if _SUPERSCRIPT_START_RE.match(line.flat):
            cut = index
    return cut


def _starts_note(text: str) -> bool:
    return bool(_NOTE_START_RE.match(text) or _BARE_NOTE_RE.match(text))


# --- regions → paragraphs ---------------------------------------------------------------
def _body_size(lines: list[_Line]) -> float:
    """The body text's font size: that of the numbered paragraphs when there are some (long
    footnotes can outweigh the body), else the size most of the text is set in."""
    numbered = Counter(round(line.size, 1) for line in lines if PARA_NUM_RE.match(line.flat))
    if sum(numbered.values()) >= 2:
        return numbered.most_common(1)[0][0]
    weighted: Counter[float] = Counter()
    for line in lines:
        weighted[round(line.size, 1)] += len(line.text)
    return weighted.most_common(1)[0][0] if weighted else 10.0


def _typical_gap(pages: list[_Page], size: float) -> float:
    """The usual white space between two lines of one paragraph (the median gap between
    consecutive body-size lines), so paragraph spacing can be told from line spacing."""
    gaps = []
    for page in pages:
        for above, below in zip(page.lines, page.lines[1:], strict=False):
            if abs(above.size - size) < 0.6 and abs(below.size - size) < 0.6:
                gap = above.bottom - below.top
                if 0 <= gap < 3 * size:
                    gaps.append(gap)
    gaps.sort()
    return gaps[len(gaps) // 2] if gaps else 0.5 * size


def _is_marker(text: str) -> bool:
    return any(pattern.match(text) for pattern in _MARKER_RES)


@dataclass
class _Para:
    lines: list[_Line]
    table: bool = False

    @property
    def last(self) -> _Line:
        return self.lines[-1]

    def text(self) -> str:
        if self.table:
            return "\n".join(line.text.strip().replace("\t\t", "\t") for line in self.lines)
        out = ""
        spaced = False
        for line in self.lines:
            piece = re.sub(r"\s*\t\s*", " ", line.text).strip()
            joined = _join_lines(out, piece) if out else piece
            if spaced and len(joined) == len(out.rstrip()) + len(piece):
                joined = out.rstrip() + " " + piece  # "development 领域" keeps its space
            out, spaced = joined, line.trailing_space
        return out


def _join_lines(first: str, second: str) -> str:
    """Join two lines of one paragraph. Latin text wrapped after a word or punctuation
    ("prosperity," / "innovation") gets its space back; Chinese joins with none; a line
    ending in a hyphen or slash (COVID-, A/RES/) is one word cut, joined as it stands."""
    first, second = first.rstrip(), second.lstrip()
    last, next_char = first[-1:], second[:1]
    if (
        last.isascii()
        and last not in "-/ "
        and last
        and ((next_char.isascii() and next_char.isalnum()) or next_char in "(\"'[“‘")
    ):
        return f"{first} {second}"
    return join_halves(first, second)


def _right_margins(pages: list[_Page], size: float, overall: float) -> dict[int, float]:
    """Each page's right margin, from the pages of its width: a landscape table page (or an A4
    page among Letter ones) has lines far longer or shorter than the rest, and one margin for
    all would make every portrait line look short, so no paragraph would run on."""
    by_width: dict[int, list[float]] = {}
    for page in pages:
        by_width.setdefault(round(page.width), []).extend(
            line.x1 for line in page.lines if abs(line.size - size) < 0.6
        )
    margins = {}
    for width, rights in by_width.items():
        rights.sort()
        margins[width] = rights[int(len(rights) * 0.9)] if len(rights) >= 5 else overall
    return {page.number: margins[round(page.width)] for page in pages}


class _Assembler:
    def __init__(self, pages: list[_Page]) -> None:
        self.pages = pages
        body = [line for page in pages for line in page.lines]
        self.size = _body_size(body)
        rights = sorted(line.x1 for line in body if abs(line.size - self.size) < 0.6)
        self.right = rights[int(len(rights) * 0.9)] if rights else 0.0
        self.right_of_page = _right_margins(pages, self.size, self.right)
        self.line_gap = _typical_gap(pages, self.size)
        self.paragraphs: list[_Para] = []
        self.output: list[str] = []
        self.notes: list[str] = []
        self.cuts_joined = 0
        self.footnotes = 0
        self.tables = 0
        self.cover_done = False
        self.last_note = -1  # where in output the last footnote went (a note may go on overleaf)
        self.last_number: int | None = None  # the last footnote's number

    def run(self) -> str:
        notes_before = False
        for page in self.pages:
            body, notes = _split_notes(page, self.size, notes_before)
            notes_before = bool(notes)
            self._body(body)
            self._page_end()
            self._notes(notes)
        self._close_all()
        return "\n\n".join(self.output) + "\n"

    # a paragraph is written out once the next one starts; notes wait for it
    def _flush(self, keep_open: int = 1) -> None:
        while len(self.paragraphs) > keep_open:
            self.output.append(self.paragraphs.pop(0).text())
            self._write_notes()

    def _write_notes(self) -> None:
        if self.notes:
            self.output.extend(self.notes)
            self.last_note = len(self.output) - 1
            self.notes = []

    def _close_all(self) -> None:
        self._flush(keep_open=0)
        self._write_notes()

    def _page_end(self) -> None:
        """A paragraph that ends the page short and closed cannot go on overleaf: write it, so
        the page's footnotes follow the paragraph that cites them."""
        if self.paragraphs and not self._runs_on(self.paragraphs[-1].last):
            self._flush(keep_open=0)

    def _body(self, lines: list[_Line]) -> None:
        for index, line in enumerate(lines):
            current = self.paragraphs[-1] if self.paragraphs else None
            first_on_page = index == 0
            if not self.cover_done and (_is_marker(line.flat) or line.page > 1 or self._full(line)):
                self.cover_done = True  # the cover block ends where numbered text or prose starts
            if current is not None and self._continues(current, line, first_on_page):
                if first_on_page:
                    self.cuts_joined += 1
                current.lines.append(line)
            else:
                table = "\t" in line.text.strip() and not _is_marker(line.flat) and self.cover_done
                self.paragraphs.append(_Para([line], table=table))
                if table and (current is None or not current.table):
                    self.tables += 1
                self._flush()

    def _continues(self, current: _Para, line: _Line, first_on_page: bool) -> bool:
        flat = line.flat
        last = current.last
        if _is_marker(flat) or not self.cover_done or last.page == 1 and not self._prose(current):
            return False
        if current.table:
            return "\t" in line.text.strip()
        if "\t" in line.text.strip():
            return False
        if line.bold != last.bold or abs(line.size - last.size) > 1:
            return False
        if first_on_page:
            return self._runs_on(last)
        gap = last.bottom - line.top
        if gap > self.line_gap + 0.35 * last.size or gap < -0.5 * last.size:
            return False  # paragraph spacing (or a line above the last: another column)
        if len(current.lines) > 1 and line.x0 > last.x0 + 1.5 * last.size:
            return False  # a first-line indent (a hanging indent shows on the second line only)
        return self._runs_on(last) or (last.bold and line.bold)

    def _runs_on(self, line: _Line) -> bool:
        """Does the paragraph go on after this line? It does when the line runs to the margin
        or stops mid-sentence; a line ending in 、 stops short only because the next word
        (《2030年议程》, COVID-19) did not fit. A comma is no such sign: a resolution's
        preambular paragraphs (大会，／回顾…，／重申…，) each end in one."""
        return self._full(line) or ends_open(line.flat) or line.flat.rstrip().endswith("、")

    def _full(self, line: _Line) -> bool:
        """Does the line run to the right margin? Chinese line breaking may leave up to two
        characters' room (a line never starts with ，。), so the margin is generous."""
        return line.x1 >= self.right_of_page.get(line.page, self.right) - 2.5 * line.size

    def _prose(self, para: _Para) -> bool:
        """Has this paragraph started after the cover block (a cover line never continues)?"""
        first = para.lines[0]
        return _is_marker(first.flat) or self._full(first) or first.bold

    def _notes(self, lines: list[_Line]) -> None:
        overleaf = False  # lines continuing a note already written out, from the page before
        for index, line in enumerate(lines):
            flat = line.flat
            match = _NOTE_START_RE.match(flat) or _BARE_NOTE_RE.match(flat)
            plain = match.group(0).strip() if match else ""
            full_size = plain.isascii() and plain.isdigit()  # "¹".isdigit() is true too
            if full_size and self.last_number is not None and int(plain) != self.last_number + 1:
                match = None  # "12月…" continuing a note, not note 12 (full-size numbers only)
            if match:
                mark = match.group(0).strip()
                digits = mark.translate(str.maketrans(SUPERSCRIPTS, "0123456789"))
                if digits.isascii() and digits.isdigit():
                    self.last_number = int(digits)
                    mark = digits.translate(_SUP)
                self.notes.append(f"{mark} {flat[match.end() :].strip()}")
                self.footnotes += 1
                overleaf = False
            elif self.notes and not overleaf:
                self.notes[-1] = join_halves(self.notes[-1], flat)
            elif (index == 0 or overleaf) and self.last_note >= 0:
                self.output[self.last_note] = join_halves(self.output[self.last_note], flat)
                overleaf = True
            else:
                self.notes.append(flat)


def convert_pdf(data: bytes, name: str) -> Converted:
    pages = _read_pages(data, name)
    warnings = []
    if pages and pages[-1].number == -1:
        pages.pop()
        warnings.append(f"{name} is damaged after page {len(pages)}: only the pages before were read")
    characters = sum(len(line.text) for page in pages for line in page.lines)
    if characters < 20:
        raise ImportFailure(
            f"{name} has no text layer (a scanned document?): run it through OCR "
            "first, then import the result",
            "no-text-layer",
        )
    first_lines = [line.text for line in pages[0].lines] if pages else []
    second_top = [line.text for line in pages[1].lines[:2]] if len(pages) > 1 else []
    symbol = next((s for s in map(find_symbol, second_top + first_lines[:4]) if s), "")
    body_size = _body_size([line for p in pages for line in p.lines])
    emphasised = {i for i, line in enumerate(pages[0].lines) if line.bold or line.size > body_size * 1.15}
    title = pick_title(first_lines[:20], emphasised)
    date = next((d for d in map(find_date, first_lines[:12]) if d), "")
    removed = _strip_running(pages, symbol, body_size)
    # after the running heads go: a scanned page still has the header the printer added
    scanned = [str(page.number) for page in pages if page.images and not page.lines]
    if scanned:
        warnings.append(
            f"{name}: page {', '.join(scanned)} is an image with no text layer (scanned?): "
            "what it shows is not in the document; run it through OCR"
        )
    assembler = _Assembler(pages)
    text = assembler.run()
    converted = Converted(
        text=text, format="pdf", title=title, symbol=symbol, date=date, warnings=warnings, removed=removed
    )
    repairs = converted.repairs
    repairs.pages = len(pages)
    repairs.page_breaks_joined = assembler.cuts_joined
    repairs.header_lines_removed = len(removed)
    repairs.footnotes = assembler.footnotes
    repairs.tables = assembler.tables
    return converted
