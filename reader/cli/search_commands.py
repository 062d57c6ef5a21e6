"""`reader search`, `reader related`, `reader index`.

The search package (whoosh) is imported inside the handlers, so other commands
start without it; nothing here imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from .common import CommandError, Context, print_json, print_json_line
from .objective_text import objective_of_anchor, related_hits

if TYPE_CHECKING:
    from ..core.search import Hit, SearchResults, SearchService


def register(subparsers: argparse._SubParsersAction) -> None:
    search = subparsers.add_parser(
        "search",
        help="search every passage of every document",
        description="Search every passage. Without QUERY, read one query per line from "
        "standard input and print one JSON object per line.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _with_query_help(search)
    search.add_argument("query", nargs="?", metavar="QUERY", help="the query (see below)")
    search.add_argument("--doc", metavar="ID", help="only this document")
    search.add_argument("--obj", metavar="N", type=int, help="only passages of objective N")
    search.add_argument("--kind", metavar="KIND", help="only this kind of block")
    search.add_argument("--limit", metavar="K", type=int, default=20, help="hits to show (20)")
    search.add_argument("--offset", metavar="N", type=int, default=0, help="skip N hits (paging)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(handler=cmd_search)

    related = subparsers.add_parser(
        "related",
        help="passages of other documents like a given one",
        description="Passages of the other documents most like DOC/ANCHOR. For an "
        "objective's heading in the Compact (gcm obj13): the objective's related "
        "links, as the objective tree shows them (passages on its topic that no "
        "document links explicitly).",
    )
    related.add_argument("doc", metavar="DOC", help="document id (see `reader docs`)")
    related.add_argument("anchor", metavar="ANCHOR", help="block anchor (see `reader dump`)")
    related.add_argument("--limit", metavar="K", type=int, default=10, help="hits to show (10)")
    related.add_argument("--json", action="store_true", help="print JSON")
    related.set_defaults(handler=cmd_related)

    index = subparsers.add_parser("index", help="build or update the search index")
    index.add_argument("--rebuild", action="store_true", help="rebuild it from scratch")
    index.set_defaults(handler=cmd_index)


def _with_query_help(parser: argparse.ArgumentParser) -> None:
    """The query language as the help's epilog, loaded only when help is shown: the query
    module compiles its patterns on import, which every other run can skip."""
    format_help = parser.format_help

    def with_query_help() -> str:
        from ..core.search.query import QUERY_HELP

        parser.epilog = QUERY_HELP
        return format_help()

    parser.format_help = with_query_help  # type: ignore[method-assign]


# --- handlers ------------------------------------------------------------------------
def cmd_search(args: argparse.Namespace, context: Context) -> int:
    service = _service(context)
    _ensure(service)
    options = {
        "doc": args.doc,
        "objective": args.obj,
        "kind": args.kind,
        "limit": args.limit,
        "offset": args.offset,
    }
    if args.query is None:
        _search_lines(service, options)
        return 0
    results = _search(service, args.query, options)
    if args.json:
        print_json(_results_json(results))
    else:
        _print_results(results)
    return 0


def cmd_related(args: argparse.Namespace, context: Context) -> int:
    from ..core.search import SearchError

    context.document(args.doc)  # a clear error for an unknown document
    objective = objective_of_anchor(context.objectives, args.doc, args.anchor)
    if objective is not None:  # the objective's related links, as the window shows them
        return _print_related(related_hits(objective, context.corpus, args.limit), args.json)
    service = _service(context)
    _ensure(service)
    try:
        hits = service.related(args.doc, args.anchor, limit=args.limit)
    except SearchError as exc:
        raise CommandError(str(exc), 2) from exc
    if args.json:
        print_json({"hits": [hit.to_dict() for hit in hits]})
    else:
        for hit in hits:
            _print_hit(hit)
    return 0


def _print_related(hits: list[tuple[dict[str, Any], tuple[tuple[int, int], ...]]], as_json: bool) -> int:
    if as_json:
        print_json({"hits": [hit for hit, _spans in hits]})
    for hit, spans in [] if as_json else hits:
        print(f"\n{hit['doc']}/{hit['anchor']}  {hit['citation']}  [{hit['score']:.2f}]")
        print(f"  {_marked(hit['snippet'], spans)}")
    return 0


def cmd_index(args: argparse.Namespace, context: Context) -> int:
    from ..core.search import SearchError

    service = _service(context)
    try:
        if args.rebuild:
            messages = service.rebuild_index(progress=_progress_bar())
        else:
            messages = service.ensure_index(progress=_progress_bar())
    except SearchError as exc:
        raise CommandError(str(exc)) from exc
    for message in messages or ["the search index is up to date"]:
        print(message)
    return 0


# --- helpers -------------------------------------------------------------------------
def _service(context: Context) -> SearchService:
    from ..core.library_cache import load_search_table
    from ..core.search import SearchService

    table = load_search_table(context.library, context.paths)
    return SearchService(context.corpus, context.objectives, context.paths, table=table)


def _ensure(service: SearchService) -> None:
    """Build or update the index first (with progress on a terminal); say what was done."""
    from ..core.search import SearchError

    try:
        messages = service.ensure_index(progress=_progress_bar())
    except SearchError as exc:
        raise CommandError(str(exc)) from exc
    for message in messages:
        print(f"reader: {message}", file=sys.stderr)


def _search(service: SearchService, query: str, options: dict[str, Any]) -> SearchResults:
    from ..core.search import SearchError

    try:
        return service.search(query, **options)
    except SearchError as exc:
        raise CommandError(str(exc)) from exc


def _search_lines(service: SearchService, options: dict[str, Any]) -> None:
    """One JSON line per query line; a line that cannot be searched gets an answer with an
    "error" and the batch goes on."""
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(encoding="utf-8", errors="replace")  # a stray byte is one odd query
    for line in sys.stdin:
        query = line.rstrip("\r\n")
        try:
            row = _results_json(service.search(query, **options))
        except Exception as exc:  # noqa: BLE001 - one bad line must not end the batch
            row = {
                "query": query,
                "total": 0,
                "by_doc": {},
                "warnings": [f"cannot search: {exc}"],
                "hits": [],
                "error": f"{type(exc).__name__}: {exc}",
            }
        print_json_line(row)


def _results_json(results: SearchResults) -> dict[str, Any]:
    return {
        "query": results.query,
        "total": results.total,
        "by_doc": dict(results.by_doc),
        "warnings": list(results.warnings),
        "hits": [h.to_dict() for h in results.hits],
    }


def _print_results(results: SearchResults) -> None:
    for warning in results.warnings:
        print(f"reader: warning: {warning}", file=sys.stderr)
    counts = ", ".join(f"{doc} {n}" for doc, n in results.by_doc.items())
    print(f"{results.total} passages" + (f" ({counts})" if counts else ""))
    for hit in results.hits:
        _print_hit(hit)


def _print_hit(hit: Hit) -> None:
    partial = "  (some of the words)" if hit.partial else ""
    print(f"\n{hit.doc}/{hit.anchor}  {hit.citation}  [{hit.score:.2f}]{partial}")
    print(f"  {_marked(hit.snippet, hit.snippet_highlights)}")


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Matches in 【】 for a plain terminal."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], "【", text[start:end], "】"]
        last = end
    return "".join(out) + text[last:]


def _progress_bar():
    """A callback drawing a progress bar on standard error, or None when that is no terminal."""
    if not sys.stderr.isatty():
        return None
    width = 30

    def draw(done: int, total: int) -> None:
        filled = width * done // max(1, total)
        percent = 100 * done // max(1, total)
        sys.stderr.write(f"\rindexing [{'#' * filled}{'.' * (width - filled)}] {percent:3d}%")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return draw
