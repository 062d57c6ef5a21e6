"""Core messages carry a stable code, so the window can show them translated."""

from __future__ import annotations

from reader.core.notices import Notice
from reader.core.search import SearchService
from reader.paths import resolve_paths


def test_notice_is_a_string_with_a_code():
    notice = Notice("index-updated", "{added} added", added=2)
    assert notice == "2 added" and notice.code == "index-updated" and notice.values == {"added": 2}


def test_first_index_build_reports_a_coded_notice(corpus, objectives):
    service = SearchService(corpus, objectives, resolve_paths())
    [message] = service.ensure_index()
    assert message.code == "index-missing" and "did not exist" in message
    assert service.ensure_index() == []
