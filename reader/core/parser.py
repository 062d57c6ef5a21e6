"""Plain text (as extracted from a UN PDF) → an ordered list of `Block`s.

The texts carry artefacts of their PDF origin, which this module repairs:

* a paragraph cut by a page break, with blank lines and footnote definitions
  between its halves, is re-joined (`_continues`);
* footnote definitions interleaved mid-paragraph become footnote blocks, and the
  marks in the text (¹ ² …, ^a, *) become `NoteRef`s pointing at them;
* list items written several ways (``(a)``, ``- (a)``, `` - (一)``, ``a.``) become
  items with the right parent and nesting;
* markdown syntax (list dashes, ``[text](#)`` links, ``**``, ``<url>``) is removed.

Nothing else is dropped: every non-space character of the input ends up, in order,
in some block's `marker`, `text` or note marks (tests/core/test_parser_properties.py).

Parsing runs in two passes: lines are grouped into `_Group`s (a marker line with
the lines soft-wrapped onto it, or a run of unmarked lines), then groups become
blocks, with the page-break and numbering logic deciding what joins what.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .cleanup import repair
from .collector import collector_paused
from .coverlines import DUPLICATE_ROLE, METADATA_ROLE, agenda_titles_following, is_metadata_line
from .model import Block, BlockKind, NoteRef, SymbolRef

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_ASCII = str.maketrans(SUPERSCRIPTS, "0123456789")
CJK_NUMERALS = "一二三四五六七八九十"

# --- inline markup ---------------------------------------------------------------
LINK_RE = re.compile(r"\[([^\[\]\n]*)\]\(#\)")
AUTOLINK_RE = re.compile(r"<((?:https?|ftp)://[^<>\s]+)>")
BOLD_RE = re.compile(r"\*\*")
DASH_RE = re.compile(r"^[ \t\u3000]*-[ \t\u3000]+(?=\S)")

# --- line markers ----------------------------------------------------------------
FOOTDEF_RE = re.compile(rf"^(?P<mark>[{SUPERSCRIPTS}]+|\^[a-z]|\*)[ \t\u3000]+(?=\S)")
# "12. " as typed in English, "１２．" or "12．" (full-width, often with no space) in Chinese;
# never "3．5亿" (a full-width decimal point opening a sentence's number)
PARA_NUM_RE = re.compile(r"^(?P<label>[0-9０-９]{1,3})(?:\.[ \t\u3000]+|．(?![0-9０-９])[ \t\u3000]*)(?=\S)")
LETTER_RE = re.compile(r"^\((?P<label>[a-z])\)[ \t\u3000]*(?=\S)|^(?P<dot>[a-z])\.[ \t\u3000]+(?=\S)")
CJK_ITEM_RE = re.compile(rf"^\((?P<label>[{CJK_NUMERALS}]+)\)[ \t\u3000]*(?=[^.．\s])")
CJK_HEAD_RE = re.compile(rf"^\((?P<label>[{CJK_NUMERALS}]+)\)[.．][ \t\u3000]*(?=\S)")
SECTION_RE = re.compile(rf"^(?P<label>[{CJK_NUMERALS}]+)[.．、][ \t\u3000]*(?=\S)")
SUBSECTION_RE = re.compile(r"^(?P<label>[A-Z])[.．][ \t\u3000]+(?=\S)")
OBJECTIVE_RE = re.compile(r"^目标[ \t\u3000]*(?P<label>\d{1,2})[ \t\u3000]*[：:][ \t\u3000]*(?=\S)")
PART_RE = re.compile(rf"^(?P<word>附件|附录)[ \t\u3000]*(?P<label>[{CJK_NUMERALS}\d]*)$")
MD_HEAD_RE = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?=\S)")
ROUNDTABLE_RE = re.compile(rf"第(?P<n>[{CJK_NUMERALS}]+)场圆桌会议")

# --- inline marks and references -------------------------------------------------
NOTE_MARK_RE = re.compile(rf"[{SUPERSCRIPTS}]+|\^[a-z](?![A-Za-z])")
NOTE_OR_STAR_RE = re.compile(NOTE_MARK_RE.pattern + r"|(?<!\*)\*(?!\*)")  # * only where defined
SYMBOL_RE = re.compile(r"(?<![A-Za-z0-9/])[A-Z]{1,6}(?:/[A-Za-z0-9.]*[A-Za-z0-9])+")
RESOLUTION_RE = re.compile(r"(?P<num>\d{2,3}/\d{1,3})[ \t]*号(?P<what>决议|决定)")

SENTENCE_PUNCT = set("。；;！!？?")
CLOSED_END = set("。；;！!？?：:，,、")


def to_ascii_mark(mark: str) -> str:
    return mark.translate(_SUP_TO_ASCII).lstrip("^")


def cjk_to_int(numeral: str) -> int:
    """一 → 1 … 十九 → 19 (enough for section and item numbering)."""
    if numeral.isdigit():
        return int(numeral)
    values = {c: i + 1 for i, c in enumerate(CJK_NUMERALS)}
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + values[numeral[1]]
    if len(numeral) == 2 and numeral.endswith("十"):
        return values[numeral[0]] * 10
    if len(numeral) == 3:
        return values[numeral[0]] * 10 + values[numeral[2]]
    return values.get(numeral, 0)


def clean_inline(line: str) -> str:
    """Remove markdown syntax from one line; every content character stays."""
    line = LINK_RE.sub(r"\1", line)
    line = AUTOLINK_RE.sub(r"\1", line)
    return BOLD_RE.sub("", line)


def join_halves(first: str, second: str) -> str:
    """Re-join text split across lines: no space in Chinese, one between Latin words."""
    first, second = first.rstrip(), second.lstrip()
    latin_words = (
        first[-1:].isascii() and first[-1:].isalnum() and second[:1].isascii() and second[:1].isalnum()
    )
    if latin_words or (first.endswith("^") and second[:1].isalpha()):  # no accidental ^a mark
        return first + " " + second
    return first + second


def ends_open(text: str) -> bool:
    """True when text stops mid-sentence (last character is a letter, digit or hanzi)."""
    text = NOTE_MARK_RE.sub("", text).rstrip()
    return bool(text) and text[-1].isalnum()


def is_heading_like(text: str, limit: int = 60) -> bool:
    text = text.strip()
    return 0 < len(text) <= limit and SENTENCE_PUNCT.isdisjoint(text) and text[-1] not in CLOSED_END


# --- pass 1: lines → groups --------------------------------------------------------
@dataclass
class _Line:
    number: int
    kind: str  # footdef para item cjkitem bullet section subsection cjkhead objective part md table plain
    label: str
    marker: str
    content: str
    indent: bool = False


@dataclass
class _Group:
    first: _Line
    lines: list[_Line] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.first.kind

    @property
    def text(self) -> str:
        text = self.first.content
        for line in self.lines[1:]:
            text = join_halves(text, line.content)
        return text

    @property
    def span(self) -> tuple[int, int]:
        return (self.lines[0].number, self.lines[-1].number)


_SINGLE_LINE_KINDS = {"section", "subsection", "cjkhead", "objective", "part", "md", "table"}


def _classify(number: int, raw: str) -> _Line | None:
    stripped = raw.strip()
    if not stripped:
        return None
    indent = raw[:1] in (" ", "\t", "\u3000")
    dash = DASH_RE.match(raw)
    body = clean_inline(raw[dash.end() :] if dash else stripped).strip()
    if not body:
        return _Line(number, "plain", "", "", clean_inline(stripped))
    if not dash and "\t" in body and not PARA_NUM_RE.match(body):
        return _Line(number, "table", "", "", body)
    matchers: list[tuple[str, re.Pattern[str]]] = [
        ("footdef", FOOTDEF_RE),
        ("para", PARA_NUM_RE),
        ("item", LETTER_RE),
        ("cjkhead", CJK_HEAD_RE),
        ("cjkitem", CJK_ITEM_RE),
        ("objective", OBJECTIVE_RE),
        ("section", SECTION_RE),
        ("subsection", SUBSECTION_RE),
        ("part", PART_RE),
        ("md", MD_HEAD_RE),
    ]
    for kind, pattern in matchers:
        if kind == "footdef" and (dash or body.startswith("**")):
            continue
        m = pattern.match(body)
        if not m:
            continue
        rest = body[m.end() :].strip() if kind != "part" else ""
        if kind in {"section", "subsection", "cjkhead"} and not is_heading_like(rest, 80):
            continue
        label = _label_of(kind, m)
        marker = m.group(0).strip() if kind != "part" else body
        objective = OBJECTIVE_RE.match(rest) if kind == "md" else None
        if objective:  # "### 目标 1：…" in Markdown is objective 1 (the ### stays in its marker)
            marker = f"{marker} {objective.group(0).strip()}"
            kind, label, rest = "objective", objective.group("label"), rest[objective.end() :].strip()
        return _Line(number, kind, label, marker, rest, indent)
    return _Line(number, "bullet" if dash else "plain", "", "", body, indent)


def _label_of(kind: str, m: re.Match[str]) -> str:
    if kind == "footdef":
        return to_ascii_mark(m.group("mark"))
    if kind == "item":
        return m.group("label") or m.group("dot")
    if kind == "md":
        return ""
    if kind == "para":
        return str(int(m.group("label")))  # full-width digits: the anchor is 12, not １２
    return m.group("label")


def _absorbs(current: _Group | None, line: _Line) -> bool:
    """Does an unmarked line directly below `current` (no blank line) continue it?

    Yes for a footnote; otherwise only when the line above stops mid-sentence or
    this line reads as prose, so a heading set right under a paragraph stays a heading.
    """
    if current is None or current.kind in _SINGLE_LINE_KINDS:
        return False
    if current.kind == "footdef":
        return True
    return ends_open(current.lines[-1].content) or not is_heading_like(line.content, 80)


def group_lines(text: str) -> list[_Group | None]:
    """Group lines; None stands for a blank line (a possible page break)."""
    groups: list[_Group | None] = []
    current: _Group | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _classify(number, raw)
        if line is None:
            if current is not None or (groups and groups[-1] is not None):
                groups.append(None)
            current = None
            continue
        if line.kind == "plain" and _absorbs(current, line):
            current.lines.append(line)
            continue
        if line.kind == "table" and current is not None and current.kind == "table":
            current.lines.append(line)
            continue
        current = _Group(line, [line])
        groups.append(current)
    return groups


# --- pass 2: groups → blocks ---------------------------------------------------------
def _next_non_note_groups(groups: list[_Group | None]) -> list[_Group | None]:
    """For each position, the next group after it that is not a footnote (one backward pass)."""
    following: list[_Group | None] = [None] * len(groups)
    nearest: _Group | None = None
    for index in range(len(groups) - 1, -1, -1):
        following[index] = nearest
        group = groups[index]
        if group is not None and group.kind != "footdef":
            nearest = group
    return following


@dataclass
class _Draft:
    kind: BlockKind
    label: str
    marker: str
    text: str
    lines: tuple[int, int]
    part: str
    level: int = 0
    heading_path: tuple[str, ...] = ()
    anchor: str = ""
    parent: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    number: int | None = None
    item_kind: str = ""
    role: str = ""


@dataclass
class _Heading:
    rank: int
    display: str
    anchor: str
    container: bool
    kind: str


def _markdown_shift(groups: list[_Group | None]) -> int:
    """How far to move a Markdown heading's rank so that the depth its draft gives ### 目标 N：
    is the objectives' rank (2), as the Word importer aligns Word's levels: a ### 执行 after
    ### 目标 23： is then its sibling, not a part of objective 23."""
    depths = Counter(
        len(g.first.marker) - len(g.first.marker.lstrip("#"))
        for g in groups
        if g is not None and g.first.kind == "objective" and g.first.marker.startswith("#")
    )
    return 2 - depths.most_common(1)[0][0] if depths else 0


class _Builder:
    def __init__(self, groups: list[_Group | None], main_part: str, rejoin_cuts: bool = True) -> None:
        self.groups = groups
        self.main_part = main_part
        self.rejoin_cuts = rejoin_cuts
        self.drafts: list[_Draft] = []
        self.part = "cover" if main_part == "annex" else ""
        self.seen_main_annex = False
        self.stack: list[_Heading] = []
        self.base = 0
        self.expect_title = False
        self.counters: dict[str, int] = {}
        self.last_para: _Draft | None = None  # last numbered paragraph under the current heading
        self.last_plain: _Draft | None = None
        self.last_item_by_level: dict[int, _Draft] = {}
        self.item_kinds: list[str] = []
        self.bullets = 0
        self.last_para_num = 0
        self._last_main: _Draft | None = None  # kept as drafts are added: no scans (linear time)
        self._next_marked = _next_non_note_groups(groups)
        self.md_shift = _markdown_shift(groups)
        self.in_cover = True  # no body block yet in this part: unlabelled lines may be metadata
        self.agenda_titles_due = 0

    # -- helpers
    @property
    def prefix(self) -> str:
        return f"{self.part}/" if self.part else ""

    def count(self, key: str) -> int:
        key = f"{self.part}|{key}"
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def last_main(self) -> _Draft | None:
        return self._last_main

    def only_notes_since(self, draft: _Draft) -> bool:
        # Identity, not equality: two drafts with the same text are different blocks.
        return draft is self._last_main

    def path(self) -> tuple[str, ...]:
        return tuple(h.display for h in self.stack)

    def owner_anchor(self) -> str:
        if self.last_para is not None:
            return self.last_para.anchor
        if self.last_plain is not None:
            return self.last_plain.anchor
        if self.stack and self.stack[-1].kind != "part":
            return self.stack[-1].anchor
        return self.prefix.rstrip("/") or "body"

    def add(self, draft: _Draft) -> _Draft:
        draft.heading_path = draft.heading_path or self.path()
        self.drafts.append(draft)
        if draft.kind is not BlockKind.FOOTNOTE:
            self._last_main = draft
            if draft.kind is not BlockKind.HEADING or draft.label:
                self.in_cover = False  # the body has begun
        return draft

    # -- main loop
    def build(self) -> list[_Draft]:
        for index, group in enumerate(self.groups):
            if group is None:
                continue
            handler: Callable[[_Group, int], None] = getattr(self, f"_on_{group.kind}")
            handler(group, index)
        return self.drafts

    def _next_group(self, index: int) -> _Group | None:
        return self._next_marked[index]

    # -- footnotes and tables
    def _on_footdef(self, group: _Group, index: int) -> None:
        mark = group.first.label
        anchor = f"{self.prefix}fn{'star' if mark == '*' else mark}"
        self.add(
            _Draft(
                BlockKind.FOOTNOTE, mark, group.first.marker, group.text, group.span, self.part, anchor=anchor
            )
        )

    def _on_table(self, group: _Group, index: int) -> None:
        rows = tuple(tuple(cell.strip() for cell in line.content.split("\t")) for line in group.lines)
        n = self.count("table")
        text = "\n".join("\t".join(row) for row in rows)
        self.add(
            _Draft(
                BlockKind.TABLE,
                str(n),
                "",
                text,
                group.span,
                self.part,
                anchor=f"{self.prefix}table{n}",
                rows=rows,
            )
        )

    # -- headings
    def _push_heading(
        self,
        group: _Group,
        rank: int,
        anchor: str,
        kind: str,
        container: bool,
        display: str,
        label: str = "",
        marker: str = "",
        text: str | None = None,
    ) -> _Draft:
        while self.stack and self.stack[-1].rank >= rank:
            self.stack.pop()
        self.stack.append(_Heading(rank, display, anchor, container, kind))
        self.last_para = self.last_plain = None
        self.last_item_by_level.clear()
        self.item_kinds.clear()
        self.bullets = 0
        return self.add(
            _Draft(
                BlockKind.HEADING,
                label,
                marker,
                group.text if text is None else text,
                group.span,
                self.part,
                level=rank,
                anchor=anchor,
                heading_path=self.path(),
            )
        )

    def _on_part(self, group: _Group, index: int) -> None:
        word, label = group.first.label, PART_RE.match(group.first.marker)
        label = label.group("label") if label else ""
        if (
            self.main_part == "annex"
            and not self.seen_main_annex
            and label == ""
            and group.first.marker.startswith("附件")
        ):
            self.seen_main_annex = True
            self.part = ""
            anchor = "annex"
        else:
            self.part = f"annex{cjk_to_int(label) if label else ''}"
            anchor = self.part
        self.stack.clear()
        self.base, self.expect_title, self.last_para_num = 0, True, 0
        display = group.first.marker
        self._push_heading(group, 0, anchor, "part", True, display, word, display, text="")
        self.in_cover, self.agenda_titles_due = True, 0

    def _on_section(self, group: _Group, index: int) -> None:
        label = group.first.label
        anchor = f"{self.prefix}sec{cjk_to_int(label)}"
        self.expect_title = False
        self._push_heading(
            group, self.base + 1, anchor, "section", True, f"{label}. {group.text}", label, group.first.marker
        )

    def _section_anchor(self) -> str:
        for heading in reversed(self.stack):
            if heading.kind == "section":
                return heading.anchor
        return f"{self.prefix}sec"

    def _on_subsection(self, group: _Group, index: int) -> None:
        label = group.first.label
        anchor = f"{self._section_anchor()}.{label}"
        self.expect_title = False
        self._push_heading(
            group,
            self.base + 2,
            anchor,
            "subsection",
            True,
            f"{label}. {group.text}",
            label,
            group.first.marker,
        )

    def _on_cjkhead(self, group: _Group, index: int) -> None:
        label = group.first.label
        anchor = f"{self._section_anchor()}.{cjk_to_int(label)}"
        self.expect_title = False
        self._push_heading(
            group,
            self.base + 2,
            anchor,
            "subsection",
            True,
            f"({label}). {group.text}",
            label,
            group.first.marker,
        )

    def _on_objective(self, group: _Group, index: int) -> None:
        label = group.first.label
        self.expect_title = False
        self._push_heading(
            group,
            self.base + 2,
            f"{self.prefix}obj{int(label)}",
            "objective",
            False,
            f"{group.first.marker.lstrip('#').lstrip()}{group.text}",
            label,
            group.first.marker,
        )

    def _on_md(self, group: _Group, index: int) -> None:
        depth = len(group.first.marker)
        self.expect_title = False
        # a heading styled in Word between (g) and (h) of one list: (h) is still 18(h)
        inline = self._heading_inside_list(self._next_group(index))
        saved = self._list_state()
        rank = self.base + max(1, depth + self.md_shift)
        if inline and self.stack:
            rank = max(rank, self.stack[-1].rank + 1)  # inside the list's section, never ending it
        self._push_heading(
            group,
            rank,
            f"{self.prefix}h{self.count('h')}",
            "inline" if inline else "section",
            not inline,
            group.text,
            "",
            group.first.marker,
        )
        if inline:
            self._restore_list_state(saved)

    def _list_state(self) -> tuple:
        return (
            self.last_para,
            self.last_plain,
            dict(self.last_item_by_level),
            list(self.item_kinds),
            self.bullets,
        )

    def _restore_list_state(self, saved: tuple) -> None:
        (self.last_para, self.last_plain, self.last_item_by_level, self.item_kinds, self.bullets) = saved

    def _unlabelled_heading(
        self, group: _Group, text: str, span: tuple[int, int], next_group: _Group | None
    ) -> None:
        roundtable = ROUNDTABLE_RE.search(text)
        role = self._cover_role(text, next_group) if self.in_cover and not roundtable else ""
        if role:
            self._add_cover_line(group, text, span, role)
            return
        inline = self._heading_inside_list(next_group)
        if roundtable:
            rank, anchor, kind = self.base + 2, f"{self.prefix}rt{cjk_to_int(roundtable['n'])}", "roundtable"
        elif self.expect_title:
            rank, anchor, kind = 1, f"{self.prefix}h{self.count('h')}", "title"
            self.base, self.expect_title = 1, False
        elif inline:
            rank, anchor, kind = (
                (self.stack[-1].rank + 1 if self.stack else 1),
                f"{self.prefix}h{self.count('h')}",
                "inline",
            )
        else:
            top = self.stack[-1] if self.stack else None
            rank = (
                top.rank + 1
                if top and top.container and top.kind in ("section", "subsection")
                else self.base + 1
            )
            anchor, kind = f"{self.prefix}h{self.count('h')}", "plain"
        sub = _Group(group.first, [line for line in group.lines if span[0] <= line.number <= span[1]])
        if inline:
            # a subheading between items of one list keeps the list's paragraph as owner
            saved = self._list_state()
            self._push_heading(sub, rank, anchor, kind, False, text, text=text)
            self._restore_list_state(saved)
        else:
            self._push_heading(sub, rank, anchor, kind, kind == "title", text, text=text)

    def _cover_role(self, text: str, next_group: _Group | None) -> str:
        """ "metadata" for a cover field (or an agenda item's title), "duplicate" for a title
        line repeated right after itself, "" for a real heading."""
        if self.agenda_titles_due:
            self.agenda_titles_due -= 1
            # the line after an agenda item names it, unless it is the last before the body:
            # then it is the document's own title
            if next_group is not None and next_group.kind == "plain" and is_heading_like(next_group.text, 80):
                return METADATA_ROLE
            self.agenda_titles_due = 0
        if is_metadata_line(text):
            self.agenda_titles_due = agenda_titles_following(text)
            return METADATA_ROLE
        previous = self.last_main()
        if (
            previous is not None
            and previous.kind is BlockKind.HEADING
            and not previous.label
            and "".join(previous.text.split()) == "".join(text.split())
        ):
            return DUPLICATE_ROLE
        return ""

    def _add_cover_line(self, group: _Group, text: str, span: tuple[int, int], role: str) -> None:
        """A cover line stays a heading block (same anchor as before) but is not pushed on the
        heading stack, so no body block has it in its heading path."""
        sub = _Group(group.first, [line for line in group.lines if span[0] <= line.number <= span[1]])
        self.add(
            _Draft(
                BlockKind.HEADING,
                "",
                "",
                text,
                sub.span,
                self.part,
                level=(self.stack[-1].rank + 1 if self.stack else self.base + 1),
                anchor=f"{self.prefix}h{self.count('h')}",
                role=role,
            )
        )

    def _heading_inside_list(self, next_group: _Group | None) -> bool:
        previous = self.last_main()
        if previous is None or previous.kind is not BlockKind.ITEM or next_group is None:
            return False
        if next_group.kind != "item" or previous.item_kind != "item":
            return False
        return ord(next_group.first.label) == ord(previous.label) + 1

    # -- paragraphs and items
    def _on_plain(self, group: _Group, index: int) -> None:
        text = group.text
        previous = self.last_main()
        if previous is not None and self._continues(previous, group, index):
            previous.text = join_halves(previous.text, text)
            previous.lines = (previous.lines[0], group.span[1])
            return
        next_group = self._next_group(index)
        if is_heading_like(text, 80) and group.first.kind != "bullet":
            for chunk, span in self._heading_chunks(group):
                self._unlabelled_heading(group, chunk, span, next_group)
            return
        self._add_plain_paragraph(text, group.span)

    def _heading_chunks(self, group: _Group) -> Iterable[tuple[str, tuple[int, int]]]:
        """Adjacent heading lines are one title wrapped, unless they read as separate
        front-matter fields (those contain a space or a colon)."""
        chunks: list[tuple[str, tuple[int, int]]] = []
        previous = ""
        for line in group.lines:
            fieldish = any(c in line.content for c in " :：\t\u3000")
            repeated = line.content.strip() == previous  # a title printed twice is two lines
            previous = line.content.strip()
            if chunks and not fieldish and not repeated and not chunks[-1][2]:
                text, span, _ = chunks[-1]
                chunks[-1] = (join_halves(text, line.content), (span[0], line.number), False)
            else:
                chunks.append((line.content, (line.number, line.number), fieldish))
        return [(text, span) for text, span, _ in chunks]

    def _continues(self, previous: _Draft, group: _Group, index: int) -> bool:
        """Is this run of unmarked lines the rest of `previous`, cut by a page break?"""
        if not self.rejoin_cuts:
            return False
        if previous.kind not in (BlockKind.PARAGRAPH, BlockKind.ITEM):
            return False
        if not self.only_notes_since(previous):
            return False
        text = group.text
        if ends_open(previous.text):
            return not is_heading_like(text, 80)
        # A numbered paragraph cut exactly at a sentence end: the unmarked prose
        # between paragraph n and paragraph n+1 can only belong to n.
        if previous.number is None or is_heading_like(text, 80) or text.rstrip()[-1:] in "：:":
            return False
        following = self._next_group(index)
        return following is None or (
            following.kind == "para" and int(following.first.label) == previous.number + 1
        )

    def _add_plain_paragraph(self, text: str, span: tuple[int, int]) -> None:
        if self.last_para is not None:
            owner, key = self.last_para.anchor, f"{self.last_para.anchor}.p"
        else:
            owner = self.stack[-1].anchor if self.stack and self.stack[-1].kind != "part" else ""
            key = f"{owner}.p" if owner else "p"
        n = self.count(key)
        anchor = f"{owner}.p{n}" if owner else f"{self.prefix}p{n}"
        draft = self.add(_Draft(BlockKind.PARAGRAPH, "", "", text, span, self.part, anchor=anchor))
        self.expect_title = False
        self.last_plain = draft
        self.last_item_by_level.clear()
        self.item_kinds.clear()
        self.bullets = 0

    def _on_bullet(self, group: _Group, index: int) -> None:
        self.bullets += 1
        owner = self.owner_anchor()
        self.add(
            _Draft(
                BlockKind.ITEM,
                "",
                "",
                group.text,
                group.span,
                self.part,
                level=1,
                anchor=f"{owner}.{self.bullets}",
                parent=owner,
                item_kind="bullet",
            )
        )

    def _on_para(self, group: _Group, index: int) -> None:
        number = int(group.first.label)
        previous = self.last_main()
        continuing_list = (
            previous is not None
            and previous.item_kind == "num"
            and previous.label.isdigit()
            and number == int(previous.label) + 1
        )
        title_like = is_heading_like(group.text, 60)
        if (
            continuing_list
            or (title_like and number != self.last_para_num + 1)
            or (
                title_like
                and number == 1
                and previous is not None
                and previous.kind is BlockKind.HEADING
                and self.last_para_num == 0
                and self._next_is_numbered_title(index)
            )
        ):
            self._add_item(group, "num", level=1)
            return
        self.last_para_num = number
        draft = self.add(
            _Draft(
                BlockKind.PARAGRAPH,
                group.first.label,
                group.first.marker,
                group.text,
                group.span,
                self.part,
                anchor=f"{self.prefix}{number}",
                number=number,
            )
        )
        self.expect_title = False
        self.last_para, self.last_plain = draft, None
        self.last_item_by_level.clear()
        self.item_kinds.clear()
        self.bullets = 0

    def _next_is_numbered_title(self, index: int) -> bool:
        following = self._next_group(index)
        return following is not None and following.kind == "para" and is_heading_like(following.text, 60)

    def _on_item(self, group: _Group, index: int) -> None:
        self._add_item(group, "item")

    def _on_cjkitem(self, group: _Group, index: int) -> None:
        self._add_item(group, "cjk")

    def _add_item(self, group: _Group, item_kind: str, level: int | None = None) -> None:
        if item_kind not in self.item_kinds:
            self.item_kinds.append(item_kind)
        level = level or min(self.item_kinds.index(item_kind) + 1, 2)
        if level == 1 or 1 not in self.last_item_by_level:
            owner, level = self.owner_anchor(), 1
        else:
            owner = self.last_item_by_level[1].anchor
        label = group.first.label
        suffix = str(cjk_to_int(label)) if item_kind == "cjk" else label
        draft = self.add(
            _Draft(
                BlockKind.ITEM,
                label,
                group.first.marker,
                group.text,
                group.span,
                self.part,
                level=level,
                anchor=f"{owner}.{suffix}",
                parent=owner,
                item_kind=item_kind,
            )
        )
        self.last_item_by_level[level] = draft
        if level == 1:
            self.last_item_by_level.pop(2, None)
        self.expect_title = False


# --- marks and references ------------------------------------------------------------
def extract_notes(text: str, star_is_note: bool) -> tuple[str, list[tuple[str, int]]]:
    """Remove footnote marks from text; return the clean text and (mark, offset) pairs."""
    pattern = NOTE_OR_STAR_RE if star_is_note else NOTE_MARK_RE
    out: list[str] = []
    marks: list[tuple[str, int]] = []
    pos = 0
    length = 0
    for m in pattern.finditer(text):
        kept = text[pos : m.start()]
        out.append(kept)
        length += len(kept)
        marks.append((to_ascii_mark(m.group(0)), length))
        pos = m.end()
        # The PDF puts a space after a superscript; between Chinese characters it is noise.
        before = (out[-1] or "".join(out))[-1:]
        after = text[pos + 1 : pos + 2]
        if text[pos : pos + 1] == " " and not (
            before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
        ):
            pos += 1
    out.append(text[pos:])
    return "".join(out), marks


def find_symbol_refs(text: str, resolve: Callable[[str], str | None]) -> tuple[SymbolRef, ...]:
    refs: list[SymbolRef] = []
    taken: list[tuple[int, int]] = []
    for m in SYMBOL_RE.finditer(text):
        symbol = m.group(0).rstrip(".")
        if any(c.isdigit() for c in symbol):
            refs.append(SymbolRef(symbol, m.start(), m.start() + len(symbol), resolve(symbol)))
            taken.append((m.start(), m.end()))
    for m in RESOLUTION_RE.finditer(text):
        start, end = m.span("num")
        if any(s <= start < e for s, e in taken):
            continue
        number = m.group("num")
        symbol = f"A/RES/{number}" if m.group("what") == "决议" else number
        refs.append(SymbolRef(symbol, start, end, resolve(symbol) or resolve(number)))
    return tuple(sorted(refs, key=lambda r: r.start))


# --- public entry point --------------------------------------------------------------
def parse_text(
    text: str,
    *,
    main_part: str = "body",
    resolve_symbol: Callable[[str], str | None] = lambda s: None,
    rejoin_cuts: bool = True,
) -> list[Block]:
    """Parse one document's text into blocks, in reading order, footnotes last.

    `rejoin_cuts=False` is for text whose paragraphs are already whole, one per line (the
    PDF and Word importers join page-break cuts by layout): a paragraph is then never
    guessed to continue the one before it.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    with collector_paused():
        return _parse(text, main_part, resolve_symbol, rejoin_cuts)


def _parse(
    text: str, main_part: str, resolve_symbol: Callable[[str], str | None], rejoin_cuts: bool
) -> list[Block]:
    drafts = _Builder(group_lines(text), main_part, rejoin_cuts).build()
    _make_anchors_unique(drafts)
    star_is_note = any(d.kind is BlockKind.FOOTNOTE and d.label == "*" for d in drafts)
    footnotes = [d for d in drafts if d.kind is BlockKind.FOOTNOTE]
    blocks: list[Block] = []
    for draft in drafts:
        draft.text = repair(draft.text, draft.anchor)  # Word/PDF debris (reader.core.cleanup)
        clean, marks = extract_notes(draft.text, star_is_note and draft.kind is not BlockKind.FOOTNOTE)
        notes = tuple(
            NoteRef(part, offset, _resolve_note(part, draft, footnotes))
            for mark, offset in marks
            for part in _note_run(mark, draft, footnotes)
        )
        blocks.append(
            Block(
                anchor=draft.anchor,
                kind=draft.kind,
                label=draft.label,
                marker=draft.marker,
                text=clean,
                heading_path=draft.heading_path,
                level=draft.level,
                part=draft.part,
                parent=draft.parent,
                notes=notes,
                refs=find_symbol_refs(clean, resolve_symbol),
                rows=draft.rows,
                lines=draft.lines,
                role=draft.role,
            )
        )
    main = [b for b in blocks if b.kind is not BlockKind.FOOTNOTE]
    return main + [b for b in blocks if b.kind is BlockKind.FOOTNOTE]


def _note_run(mark: str, draft: _Draft, footnotes: list[_Draft]) -> list[str]:
    """Marks set side by side read as one number: ¹²³ is notes 1, 2 and 3 when there is no
    note 123 and there are those three (a sentence citing several sources at once)."""
    if len(mark) < 2 or not mark.isdigit() or _resolve_note(mark, draft, footnotes):
        return [mark]
    for width in range(1, len(mark)):
        first = int(mark[:width])
        parts, rest, n = [], mark, first
        while rest.startswith(str(n)) and str(n)[0] != "0":
            parts.append(str(n))
            rest, n = rest[len(str(n)) :], n + 1
        if not rest and len(parts) > 1 and all(_resolve_note(p, draft, footnotes) for p in parts):
            return parts
    return [mark]


def _resolve_note(mark: str, draft: _Draft, footnotes: list[_Draft]) -> str:
    """A mark refers to the nearest definition after it; failing that, before it."""
    same = [f for f in footnotes if f.label == mark and f is not draft]
    after = [f for f in same if f.lines[0] > draft.lines[0]]
    if after:
        return after[0].anchor
    return same[-1].anchor if same else ""


def _make_anchors_unique(drafts: list[_Draft]) -> None:
    seen: dict[str, int] = {}
    for draft in drafts:
        n = seen.get(draft.anchor, 0) + 1
        seen[draft.anchor] = n
        if n > 1:
            draft.anchor = f"{draft.anchor}~{n}"
