"""Full-text search over every block: Chinese words (jieba), exact phrases, filters,
related passages. Qt-free.

Importing this package is cheap: its names are imported on first use (`reader.core.lazy`),
whoosh when an index is first used, jieba only when something has to be indexed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports

if TYPE_CHECKING:
    from .index import IndexBusyError, SearchError
    from .query import QUERY_HELP, parse_query
    from .results import Hit, SearchResults
    from .service import SearchService

_EXPORTS = {
    "IndexBusyError": ".index",
    "SearchError": ".index",
    "QUERY_HELP": ".query",
    "parse_query": ".query",
    "Hit": ".results",
    "SearchResults": ".results",
    "SearchService": ".service",
}
__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)

__all__ = [
    "QUERY_HELP",
    "Hit",
    "IndexBusyError",
    "SearchError",
    "SearchResults",
    "SearchService",
    "parse_query",
]
