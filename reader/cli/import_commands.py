"""`reader import FILE… | DIR…`: add documents (txt, md, pdf, docx) to the library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.importers.library import ImportOutcome, import_files, summary
from .common import CommandError, Context, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    imp = subparsers.add_parser(
        "import",
        help="import documents: .txt, .md (UTF-8, UTF-16, GB18030), .pdf, .docx; "
        "a folder imports every such file under it",
    )
    imp.add_argument("files", metavar="FILE", type=Path, nargs="+", help="files or folders")
    imp.add_argument("--title", help="title to show (one file only; default: from the document)")
    imp.add_argument(
        "--revision-of", metavar="ID", default="", help="the imported document is a new draft of document ID"
    )
    imp.add_argument("--json", action="store_true", help="print JSON")
    imp.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace, context: Context) -> int:
    if args.title and (len(args.files) > 1 or any(f.is_dir() for f in args.files)):
        raise CommandError("--title applies to one file only", 2)
    show_progress = not args.json and sys.stderr.isatty()
    outcomes = import_files(
        args.files,
        context.paths,
        title=args.title,
        revision_of=args.revision_of,
        progress=_progress if show_progress else None,
    )
    counts = summary(outcomes)
    index_note = _update_index(context) if counts["imported"] else ""
    if args.json:
        print_json({"files": [o.as_dict() for o in outcomes], "summary": counts, "index": index_note})
    else:
        for outcome in outcomes:
            _print_outcome(outcome)
        if len(outcomes) > 1:
            print(
                f"{counts['imported']} imported, {counts['duplicate']} skipped as duplicate, "
                f"{counts['failed']} failed"
            )
    return 1 if counts["failed"] else 0


def _progress(done: int, total: int, name: str) -> None:
    if total > 1:
        end = "\n" if done == total else ""
        sys.stderr.write(f"\rimporting {done}/{total} {name[:50]:<50}{end}")
        sys.stderr.flush()


def _print_outcome(outcome: ImportOutcome) -> None:
    name = Path(outcome.path).name or outcome.path  # the full path is in --json
    if outcome.status == "failed":
        print(f"reader: failed {name}: {outcome.reason}", file=sys.stderr)
        return
    if outcome.status == "duplicate":
        print(f"skipped {name}: already imported as {outcome.duplicate_of}")
        return
    info = outcome.info
    assert info is not None and outcome.converted is not None
    details = [f"{outcome.blocks} blocks"]
    if info.symbol:
        details.insert(0, info.symbol)
    repairs = outcome.converted.repairs.describe()
    if repairs:
        details.append(repairs)
    print(f"imported {name} as {info.id}: {info.title} ({'; '.join(details)})")
    for warning in outcome.warnings:
        print(f"  warning: {warning}")


def _update_index(context: Context) -> str:
    """One index update for the whole batch, when there is an index to update (else the first
    search builds it)."""
    from ..core.search.index import IndexStore
    from ..core.search.service import SearchService

    corpus = context.corpus
    store = IndexStore(context.paths.index_dir, context.paths.jieba_cache)
    if store.inspect(corpus).state != "outdated":
        return ""
    try:
        SearchService(corpus, context.objectives, context.paths).ensure_index()
    except Exception as exc:  # the documents are imported; the index is rebuilt on next search
        return f"search index not updated ({exc}); it is brought up to date on the next search"
    return "search index updated"
