"""`reader annotations …`, `reader bookmarks …` and `reader export`: the user's annotations
from the command line, for scripting and tests. All honour `--data-dir`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Registering the subcommands needs only the colour names and the export choices; the store,
# the exporters and python-docx are imported by the handlers that use them (see reader.core.lazy).
from ..core.annotations import COLORS
from ..core.export import FORMATS
from ..core.export.options import GROUP_BY, SORT_BY
from ..core.i18n import tr, tr_format
from ..core.userconfig import config_file, user_name
from .common import CommandError, Context, add_lang_option, print_json

if TYPE_CHECKING:
    from ..core.annotations import Store
    from ..core.export.excerpts import Excerpt


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this group's subcommands."""
    _register_annotations(subparsers)
    _register_bookmarks(subparsers)
    _register_export(subparsers)


def _register_annotations(subparsers: argparse._SubParsersAction) -> None:
    group = subparsers.add_parser("annotations", help="list, import or add highlights and notes")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the annotations in document order")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_annotations_list)
    imp = actions.add_parser("import", help="merge a W3C Web Annotation JSON-LD file")
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="report what would change, change nothing")
    add_lang_option(imp)
    imp.set_defaults(handler=cmd_annotations_import)
    add = actions.add_parser("add", help="highlight a passage (offsets into the block's text)")
    add.add_argument("doc", metavar="DOC")
    add.add_argument("anchor", metavar="ANCHOR")
    add.add_argument("--start", type=int, required=True)
    add.add_argument("--end", type=int, required=True, help="end offset (exclusive)")
    add.add_argument("--end-anchor", metavar="ANCHOR", help="block where it ends (default: ANCHOR)")
    add.add_argument("--color", choices=list(COLORS), default="yellow")
    add.add_argument("--note", default="")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeat for several)")
    add.set_defaults(handler=cmd_annotations_add)


def _register_bookmarks(subparsers: argparse._SubParsersAction) -> None:
    group = subparsers.add_parser("bookmarks", help="list or add bookmarks")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the bookmarks by folder")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_bookmarks_list)
    add = actions.add_parser("add", help="bookmark a paragraph")
    add.add_argument("doc", metavar="DOC")
    add.add_argument("anchor", metavar="ANCHOR")
    add.add_argument("--name", required=True)
    add.add_argument("--folder", default="", help='folder, "a/b" for a subfolder')
    add.set_defaults(handler=cmd_bookmarks_add)


def _register_export(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="export highlighted excerpts with citations")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("-o", "--output", metavar="FILE", type=Path, help="write here (default: stdout)")
    export.add_argument("--doc", action="append", default=[], metavar="ID", help="only this document")
    export.add_argument("--tag", action="append", default=[], metavar="T", help="only with this tag")
    export.add_argument(
        "--color",
        action="append",
        default=[],
        choices=list(COLORS),
        metavar="C",
        help=f"only this colour ({', '.join(COLORS)})",
    )
    export.add_argument(
        "--objective",
        action="append",
        default=[],
        type=int,
        metavar="N",
        help="only passages of or linked to objective N",
    )
    export.add_argument("--text", default="", help="only excerpts containing this text")
    export.add_argument(
        "--author",
        action="append",
        default=[],
        metavar="NAME",
        help="only highlights made by NAME (a colleague's, after an import)",
    )
    export.add_argument(
        "--group-by",
        choices=GROUP_BY,
        default="document",
        help="sections by document, by objective (each excerpt once, under its main "
        "objective) or by heading (the section of the document)",
    )
    export.add_argument(
        "--sort",
        choices=SORT_BY,
        default="document",
        help="within a section: reading order (default) or the date they were made",
    )
    export.add_argument(
        "--front-matter",
        action="store_true",
        help="Markdown: begin with YAML front matter (title, author, date, filters)",
    )
    add_lang_option(export)
    export.set_defaults(handler=cmd_export)


# --- shared ------------------------------------------------------------------------------
def open_store(context: Context) -> Store:
    from ..core.annotations import Store, StoreError

    try:
        store = Store.open(context.paths.annotations_file, cache_dir=context.paths.cache)
    except StoreError as exc:
        raise CommandError(str(exc)) from exc
    for message in store.load_report.messages:
        print(f"reader: warning: {message}", file=sys.stderr)
    store.creator = user_name(config_file(context.paths.data))
    return store


def _flush(store: Store) -> None:
    from ..core.annotations import StoreError
    from ..core.atomic import WriteError

    try:
        store.flush()
    except (StoreError, WriteError) as exc:
        raise CommandError(str(exc)) from exc


def _added(store: Store, item: Any) -> Any:
    """Add, or a usage error for what the store refuses (e.g. text that is not valid Unicode)."""
    try:
        return store.add(item)
    except ValueError as exc:
        raise CommandError(str(exc), 2) from exc


def _excerpt_row(excerpt: Excerpt) -> dict[str, Any]:
    a = excerpt.annotation
    rng = a.target.range
    return {
        "id": a.id,
        "doc": a.doc,
        "anchor": rng.start_anchor if rng else None,
        "start": rng.start_offset if rng else None,
        "end_anchor": rng.end_anchor if rng else None,
        "end": rng.end_offset if rng else None,
        "exact": a.exact,
        "prefix": a.target.quote.prefix,
        "suffix": a.target.quote.suffix,
        "color": a.color,
        "meaning": excerpt.meaning,
        "note": a.note,
        "tags": list(a.tags),
        "created": a.created,
        "modified": a.modified,
        "citation": excerpt.citation,
        "objectives": [n for n, _ in excerpt.objectives],
        "link": excerpt.link,
        "status": excerpt.status,
        "creator": a.creator,
    }


# --- annotations ---------------------------------------------------------------------------
def cmd_annotations_list(args: argparse.Namespace, context: Context) -> int:
    from ..core.export import build_excerpts

    store = open_store(context)
    excerpts = build_excerpts(store.annotations, context.corpus, context.objectives, store.palette)
    rows = [_excerpt_row(e) for e in excerpts]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        quote = row["exact"].replace("\n", " ")
        quote = quote if len(quote) <= 30 else quote[:29] + "…"
        place = f"{row['doc']}/{row['anchor'] or '?'}"
        extra = "".join(f" #{t}" for t in row["tags"]) + (f"  — {row['note']}" if row["note"] else "")
        flag = "  [orphan]" if row["status"] == "orphan" else ""
        print(f"{row['id'][-8:]}  {place:<18} {row['color']:<6} {quote}{extra}{flag}")
    return 0


def cmd_annotations_import(args: argparse.Namespace, context: Context) -> int:
    from ..core.annotations import AnnotationImportError, plan_import
    from ..core.annotations.importer import read_import_file

    try:
        payload = read_import_file(args.file)
    except AnnotationImportError as exc:
        raise CommandError(str(exc)) from exc
    store = open_store(context)
    try:
        plan = plan_import(payload, store.state, context.corpus)
    except AnnotationImportError as exc:
        raise CommandError(f"{args.file.name}: {exc}") from exc
    report = plan.report
    if not args.dry_run:
        store.apply_import(plan)
        _flush(store)
    lang = context.lang
    print(tr("would import: " if args.dry_run else "imported: ", lang) + report.summary(lang))
    for annotation_id in report.orphaned:
        print(tr("  orphan (passage not found): ", lang) + annotation_id)
    for what, why in report.skipped:
        print(tr_format("  skipped {what}: {why}", lang, what=what, why=why))
    return 0


def cmd_annotations_add(args: argparse.Namespace, context: Context) -> int:
    from ..core.annotations import make_target, new_annotation

    doc = context.document(args.doc)
    try:
        target = make_target(doc, args.anchor, args.start, args.end_anchor or args.anchor, args.end)
    except ValueError as exc:
        raise CommandError(str(exc), 2) from exc
    store = open_store(context)
    change = _added(store, new_annotation(target, color=args.color, note=args.note, tags=args.tag))
    _flush(store)
    print(change.id)
    return 0


# --- bookmarks ---------------------------------------------------------------------------
def cmd_bookmarks_list(args: argparse.Namespace, context: Context) -> int:
    store = open_store(context)
    rows = []
    for b in sorted(store.bookmarks, key=lambda b: (b.folder, b.name.casefold(), b.created)):
        doc = context.corpus.get(b.doc) if b.doc in context.corpus else None
        found = doc is not None and doc.has(b.anchor)
        rows.append(
            {
                "id": b.id,
                "doc": b.doc,
                "anchor": b.anchor,
                "name": b.name,
                "folder": b.folder,
                "created": b.created,
                "modified": b.modified,
                "link": b.link,
                "creator": b.creator,
                "citation": doc.block(b.anchor).citation if found else "",
                "found": found,
            }
        )
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        name = f"{row['folder']}/{row['name']}" if row["folder"] else row["name"]
        flag = "" if row["found"] else "  [not found]"
        print(f"{name:<30} {row['doc']}/{row['anchor']:<14} {row['citation']}{flag}")
    return 0


def cmd_bookmarks_add(args: argparse.Namespace, context: Context) -> int:
    from ..core.annotations import new_bookmark

    doc = context.document(args.doc)
    if not doc.has(args.anchor):
        raise CommandError(f"{doc.id} has no block {args.anchor!r} (see `reader dump {doc.id}`)", 2)
    if not args.name.strip():
        raise CommandError("a bookmark needs a name", 2)
    store = open_store(context)
    change = _added(store, new_bookmark(doc.id, args.anchor, args.name, args.folder))
    _flush(store)
    print(change.id)
    return 0


# --- export ---------------------------------------------------------------------------
def cmd_export(args: argparse.Namespace, context: Context) -> int:
    from ..core.atomic import WriteError, atomic_write_bytes
    from ..core.export import ExportFilter, ExportLabels, prepare_export, render

    for doc_id in args.doc:
        context.document(doc_id)  # an unknown id is a usage error, not an empty export
    if any(not 1 <= n <= len(context.objectives) for n in args.objective):
        raise CommandError(f"objectives are numbered 1 to {len(context.objectives)}", 2)
    store = open_store(context)
    selection = ExportFilter(
        frozenset(args.doc),
        frozenset(args.tag),
        frozenset(args.color),
        frozenset(args.objective),
        args.text,
        frozenset(args.author),
    )
    data = prepare_export(
        store.annotations,
        context.corpus,
        context.objectives,
        store.palette,
        selection=selection,
        group_by=args.group_by,
        sort=args.sort,
        labels=ExportLabels.for_language(context.lang),
        creator=store.creator,
        bookmarks=store.bookmarks,
        front_matter=args.front_matter,
    )
    payload = render(args.format, data)
    if args.output is None:
        return _to_stdout(args.format, payload)
    try:
        atomic_write_bytes(args.output, payload, shared=True)
    except WriteError as exc:
        raise CommandError(str(exc)) from exc
    print(
        tr_format(
            "wrote {count} excerpts to {path}", context.lang, count=len(data.excerpts), path=args.output
        ),
        file=sys.stderr,
    )
    return 0


def _to_stdout(fmt: str, payload: bytes) -> int:
    if fmt == "docx" and sys.stdout.isatty():
        raise CommandError("DOCX is a binary file: give -o FILE", 2)
    sys.stdout.flush()
    sys.stdout.buffer.write(payload)
    sys.stdout.buffer.flush()
    return 0
