"""Full-text search over every block: Chinese words (jieba), exact phrases, filters,
related passages. Qt-free.

Importing this package is cheap: whoosh is imported when an index is first used,
jieba only when something has to be indexed.
"""

from __future__ import annotations

from .index import IndexBusyError, SearchError
from .query import QUERY_HELP, parse_query
from .results import Hit, SearchResults
from .service import SearchService

__all__ = ["QUERY_HELP", "Hit", "IndexBusyError", "SearchError", "SearchResults",
           "SearchService", "parse_query"]
