"""The query language, parsed into a small tree. Parsing never raises.

    汇款 成本            both words (AND)
    汇款 OR 侨汇         either
    移民 -难民           exclude (also: NOT 难民)
    (汇款 OR 侨汇) 成本   grouping
    "正常移民途径"        exact substring of the block text (also “…”)
    doc:gcm obj:13 kind:footnote   filters

OR binds tighter than the implied AND (a b OR c = a AND (b OR c)), as in whoosh
and web search engines. Anything malformed (unbalanced quotes or parentheses, a
lone operator, an empty query, a bad filter value) is read as literally as
possible and reported in `ParsedQuery.warnings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The query language for users: `reader search --help`, and the app's help.
QUERY_HELP = """\
query language:
  汇款 成本              passages with both words (AND), ranked by relevance
  汇款 OR 侨汇           either word
  移民 -难民             exclude a word (also: 移民 NOT 难民)
  (汇款 OR 侨汇) 成本     parentheses group
  "正常移民途径"          exact phrase: the passage contains exactly this text
  doc:gcm obj:13 kind:footnote
                         only that document / objective 13 (its own passages and
                         those linked to it) / that kind of block (heading,
                         paragraph, item, table, footnote)
Traditional and Simplified characters, and full-width and half-width forms,
find each other (匯款 finds 汇款). A word found as written in fewer than ten
passages also finds passages that contain all of its words (汇款成本 finds
降低汇款……成本); if fewer than ten passages match in all, passages with some of
the words follow them, marked as partial and not counted. Malformed queries are
searched as literally as possible, with a warning.
"""


FILTER_FIELDS = ("doc", "obj", "kind")
MAX_DEPTH = 64  # nested parentheses kept; deeper ones are ignored (the parser recurses per level)
MAX_QUERY = 100_000  # characters read at all
MAX_TERMS = 500  # words, phrases and filters searched: each costs a lookup, a pasted book would stall
OPEN_QUOTES = {'"': '"', "“": "”", "＂": "＂"}
SPACES = " \t\r\n\u3000"


# --- the tree -----------------------------------------------------------------------
@dataclass(frozen=True)
class Word:
    """Unquoted text: matched by its words and as a substring; ranked."""

    text: str


@dataclass(frozen=True)
class Phrase:
    """Quoted text: matched as an exact substring of the (folded) block text."""

    text: str


@dataclass(frozen=True)
class Filter:
    field: str
    value: str


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Word | Phrase | Filter | Not | And | Or


@dataclass
class ParsedQuery:
    text: str
    root: Node | None
    warnings: list[str] = field(default_factory=list)


# --- lexing -------------------------------------------------------------------------
@dataclass(frozen=True)
class _Tok:
    kind: str  # word, phrase, filter, open, close, or, and, not, minus
    text: str = ""
    extra: str = ""


def _lex(query: str, warnings: list[str]) -> list[_Tok]:
    tokens: list[_Tok] = []
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        if char in SPACES:
            i += 1
        elif char in OPEN_QUOTES:
            i = _lex_phrase(query, i, tokens, warnings)
        elif char == "(":
            tokens.append(_Tok("open"))
            i += 1
        elif char == ")":
            tokens.append(_Tok("close"))
            i += 1
        elif char == "-":  # -word excludes; a lone "-" is reported by the parser
            tokens.append(_Tok("minus"))
            i += 1
        else:
            i = _lex_word(query, i, tokens)
    return tokens


def _lex_phrase(query: str, i: int, tokens: list[_Tok], warnings: list[str]) -> int:
    closer = OPEN_QUOTES[query[i]]
    closers = {closer, '"'} if closer != '"' else {'"', "”"}
    end = next((j for j in range(i + 1, len(query)) if query[j] in closers), -1)
    if end < 0:
        warnings.append("unbalanced quote: searched the rest of the query as one phrase")
        end = len(query)
    tokens.append(_Tok("phrase", query[i + 1 : end]))
    return end + 1


def _lex_word(query: str, i: int, tokens: list[_Tok]) -> int:
    """A word runs to a space, a quote or a closing parenthesis that closes nothing in it."""
    start, depth = i, 0
    while i < len(query):
        char = query[i]
        if char in SPACES or char in OPEN_QUOTES:
            break
        if char == "(":
            depth += 1  # "第23段(a)": a parenthesis inside a word is text
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        i += 1
    text = query[start:i]
    if text in ("OR", "AND", "NOT"):
        tokens.append(_Tok(text.lower(), text))
        return i
    name, sep, value = text.partition(":")
    if sep and name.lower() in FILTER_FIELDS:
        tokens.append(_Tok("filter", value, name.lower()))
    else:
        tokens.append(_Tok("word", text))
    return i


# --- parsing ------------------------------------------------------------------------
class _Parser:
    def __init__(self, tokens: list[_Tok], warnings: list[str]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.depth = 0
        self.warnings = warnings

    def _peek(self) -> _Tok | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def parse(self) -> Node | None:
        node = self._and()
        while self._peek() is not None:  # a stray ")" ends _and early
            self._warn("unbalanced parenthesis: ignored a “)”")
            self.pos += 1
            more = self._and()
            node = _join(And, [n for n in (node, more) if n is not None])
        return node

    def _and(self) -> Node | None:
        children: list[Node] = []
        while (tok := self._peek()) is not None:
            if tok.kind == "close":
                if self.depth > 0:
                    break
                self._warn("unbalanced parenthesis: ignored a “)”")
                self.pos += 1
                continue
            if tok.kind == "and":
                self.pos += 1
                if not children or self._at_operator():
                    self._warn("AND needs a word on each side: ignored")
                continue
            node = self._or()
            if node is not None:
                children.append(node)
        return _join(And, children)

    def _at_end(self) -> bool:
        tok = self._peek()
        return tok is None or tok.kind == "close"

    def _at_operator(self) -> bool:
        """At the end, or at a binary operator: nothing for an operator to take."""
        tok = self._peek()
        return tok is None or tok.kind in ("close", "or", "and")

    def _or(self) -> Node | None:
        if (tok := self._peek()) is not None and tok.kind == "or":
            self.pos += 1
            self._warn("OR needs a word on each side: ignored")
            return None
        children = [self._unary()]
        while (tok := self._peek()) is not None and tok.kind == "or":
            self.pos += 1
            if self._at_operator():
                self._warn("OR needs a word on each side: ignored")
                break
            children.append(self._unary())
        return _join(Or, [c for c in children if c is not None])

    def _unary(self) -> Node | None:
        """Any run of - and NOT before an atom, read in a loop (a thousand of them must not
        exhaust the stack); two negations cancel."""
        negations = 0
        while (tok := self._peek()) is not None and tok.kind in ("minus", "not"):
            self.pos += 1
            if self._at_operator():
                self._warn(f"{'NOT' if tok.kind == 'not' else '-'} needs a word after it: ignored")
                return None
            negations += 1
        if self._peek() is None:
            return None
        child = self._atom()
        return Not(child) if child is not None and negations % 2 else child

    def _atom(self) -> Node | None:
        tok = self.tokens[self.pos]
        self.pos += 1
        if tok.kind == "open":
            self.depth += 1
            node = self._and()
            self.depth -= 1
            if (close := self._peek()) is not None and close.kind == "close":
                self.pos += 1
            else:
                self._warn("unbalanced parenthesis: closed it at the end of the query")
            if node is None:
                self._warn("empty parentheses: ignored")
            return node
        if tok.kind == "phrase":
            if not tok.text.strip():
                self._warn("empty quotes: ignored")
                return None
            return Phrase(tok.text)
        if tok.kind == "filter":
            if not tok.text:
                self._warn(f"{tok.extra}: needs a value, e.g. doc:gcm, obj:13, kind:footnote")
                return None
            return Filter(tok.extra, tok.text)
        if tok.kind in ("or", "and", "not"):  # only reached when nothing else can use it
            return Word(tok.text)
        return Word(tok.text)


def _limit_terms(tokens: list[_Tok], warnings: list[str]) -> list[_Tok]:
    """The tokens up to the MAX_TERMS-th word, phrase or filter."""
    terms = 0
    for i, tok in enumerate(tokens):
        if tok.kind in ("word", "phrase", "filter"):
            terms += 1
            if terms > MAX_TERMS:
                warnings.append(f"the query has more than {MAX_TERMS} words: searched the first {MAX_TERMS}")
                return tokens[:i]
    return tokens


def _limit_nesting(tokens: list[_Tok], warnings: list[str]) -> list[_Tok]:
    """Parentheses nested deeper than MAX_DEPTH dropped with their closing partners, so
    their content is searched as if they were not there."""
    kept: list[_Tok] = []
    opened: list[bool] = []  # per open parenthesis: kept?
    depth, dropped = 0, False
    for tok in tokens:
        if tok.kind == "open":
            opened.append(depth < MAX_DEPTH)
            if not opened[-1]:
                dropped = True
                continue
            depth += 1
        elif tok.kind == "close" and opened:
            if not opened.pop():
                continue
            depth -= 1
        kept.append(tok)
    if dropped:
        warnings.append(f"parentheses nested more than {MAX_DEPTH} deep: ignored the deeper ones")
    return kept


def _join(kind: type[And] | type[Or], children: list[Node]) -> Node | None:
    if not children:
        return None
    if len(children) == 1:
        return children[0]
    return kind(tuple(children))


def parse_query(text: str) -> ParsedQuery:
    """Parse a query string; never raises. `root` is None for an empty query."""
    warnings: list[str] = []
    searched = text or ""
    if len(searched) > MAX_QUERY:
        warnings.append(f"the query is longer than {MAX_QUERY} characters: searched its first {MAX_QUERY}")
        searched = searched[:MAX_QUERY]
    tokens = _limit_terms(_lex(searched, warnings), warnings)
    if tokens and all(t.kind in ("or", "and", "not", "minus") for t in tokens):
        # Nothing but operators: the user most likely meant the words themselves.
        warnings.append("the query is only operators: searched them as words")
        tokens = [_Tok("word", t.text or "-") for t in tokens if t.kind != "minus"]
    root = _Parser(_limit_nesting(tokens, warnings), warnings).parse()
    if root is None and not warnings:
        warnings.append("empty query")
    elif root is None:
        warnings.append("nothing left to search for")
    return ParsedQuery(text or "", root, warnings)


def positive_terms(node: Node | None, negated: bool = False) -> list[Word | Phrase]:
    """Words and phrases that a hit is expected to contain (not under NOT); they rank."""
    if node is None:
        return []
    if isinstance(node, Word | Phrase):
        return [] if negated else [node]
    if isinstance(node, Not):
        return positive_terms(node.child, not negated)
    if isinstance(node, And | Or):
        return [t for c in node.children for t in positive_terms(c, negated)]
    return []
