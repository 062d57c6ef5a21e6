"""Deeply nested and operator-heavy queries: parsed without recursion limits, a bounded
tree, searched as literally as possible with a warning, never an exception."""

from __future__ import annotations

import inspect
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.search.query import (
    MAX_DEPTH,
    MAX_QUERY,
    MAX_TERMS,
    And,
    Not,
    Or,
    parse_query,
    positive_terms,
)


def depth(node) -> int:
    """The tree's depth, counted without recursion."""
    deepest, stack = 0, [(node, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(node, Not):
            stack.append((node.child, level + 1))
        elif isinstance(node, And | Or):
            stack += [(c, level + 1) for c in node.children]
    return deepest


@pytest.mark.parametrize(
    "query",
    [
        "(" * 248 + "移民",
        "(" * 5000 + "移民" + ")" * 5000,
        "-" * 1000 + "移民",
        "NOT " * 1000 + "移民",
        "(-" * 2000 + "移民",
        "移民 " + "(难民 OR " * 3000,
        "- " * 1000 + "移民",
    ],
)
def test_deep_queries_parse_with_a_bounded_tree(query):
    parsed = parse_query(query)
    assert parsed.root is not None and depth(parsed.root) <= 3 * MAX_DEPTH + 2
    assert positive_terms(parsed.root) or isinstance(parsed.root, Not)


def test_parentheses_deeper_than_the_limit_are_ignored_with_a_warning():
    parsed = parse_query("(" * (MAX_DEPTH + 10) + "移民" + ")" * (MAX_DEPTH + 10))
    assert [t.text for t in positive_terms(parsed.root)] == ["移民"]
    assert any("nested" in w for w in parsed.warnings)
    shallow = parse_query("(" * MAX_DEPTH + "移民" + ")" * MAX_DEPTH)
    assert shallow.warnings == [] and [t.text for t in positive_terms(shallow.root)] == ["移民"]


def test_a_query_with_too_many_words_or_characters_is_cut_with_a_warning():
    parsed = parse_query("移民 " * (MAX_TERMS + 5))
    assert any(str(MAX_TERMS) in w for w in parsed.warnings)
    assert isinstance(parsed.root, And) and len(parsed.root.children) == MAX_TERMS
    long = parse_query("移" * (MAX_QUERY + 1))
    assert any(str(MAX_QUERY) in w for w in long.warnings) and len(long.root.text) == MAX_QUERY


def test_repeated_negations_cancel_in_pairs():
    assert [t.text for t in positive_terms(parse_query("- -移民").root)] == ["移民"]
    odd = parse_query("难民 " + "NOT " * 999 + "移民").root
    assert [t.text for t in positive_terms(odd)] == ["难民"]
    assert [t.text for t in positive_terms(parse_query("NOT " * 1000 + "移民").root)] == ["移民"]


def test_parsing_needs_a_bounded_stack_whatever_the_query():
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 5 * MAX_DEPTH + 50)
    try:
        parse_query("(" * 3000 + "-" * 3000 + "移民")
    finally:
        sys.setrecursionlimit(limit)


nested = st.recursive(
    st.sampled_from(["移民", "难民", '"汇款"', "doc:gcm", "OR", "AND", "NOT", "-", "(", ")", ""]),
    lambda inner: st.one_of(
        inner.map(lambda q: f"({q})"),
        inner.map(lambda q: f"-{q}"),
        inner.map(lambda q: f"NOT {q}"),
        st.tuples(inner, inner).map(" OR ".join),
        st.tuples(inner, inner).map(" ".join),
        st.tuples(st.integers(1, 400), inner).map(lambda t: "(" * t[0] + t[1]),
        st.tuples(st.integers(1, 400), st.sampled_from(["-", "NOT ", "- ", "(-"]), inner).map(
            lambda t: t[1] * t[0] + t[2]
        ),
    ),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(nested)
def test_fuzz_nested_and_unary_heavy_queries_never_raise(query):
    parsed = parse_query(query)
    assert parsed.root is not None or parsed.warnings
    if parsed.root is not None:
        assert depth(parsed.root) <= 3 * MAX_DEPTH + 2
