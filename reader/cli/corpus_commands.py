"""`reader docs`, `reader dump`, `reader objectives` (`reader import` is in import_commands)."""

from __future__ import annotations

import argparse

from ..core.serialize import block_to_dict, document_to_dict, objective_to_dict
from .common import Context, add_lang_option, print_json
from .objective_text import interface_language, objective_lines


def register(subparsers: argparse._SubParsersAction) -> None:
    docs = subparsers.add_parser("docs", help="list the documents (bundled and imported)")
    docs.add_argument("--json", action="store_true", help="print JSON")
    docs.set_defaults(handler=cmd_docs)

    dump = subparsers.add_parser("dump", help="print a document's blocks")
    dump.add_argument("doc", metavar="DOC", help="document id (see `reader docs`)")
    dump.add_argument("--json", action="store_true", help="print JSON")
    dump.set_defaults(handler=cmd_dump)

    objectives = subparsers.add_parser("objectives", help="list the 23 objectives and their links")
    objectives.add_argument("--json", action="store_true", help="print JSON")
    add_lang_option(objectives)  # without it: the window's language, else Chinese
    objectives.set_defaults(handler=cmd_objectives)


def cmd_docs(args: argparse.Namespace, context: Context) -> int:
    rows = [document_to_dict(doc) for doc in context.corpus]
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            print(f"{row['id']:<14} {row['blocks']:>5} blocks  {row['title']}")
    return 0


def cmd_dump(args: argparse.Namespace, context: Context) -> int:
    doc = context.document(args.doc)
    if args.json:
        print_json(
            {"id": doc.id, "title": doc.info.title, "blocks": [block_to_dict(doc, b) for b in doc.blocks]}
        )
    else:
        for block in doc.blocks:
            print(f"[{block.anchor}] {block.marker} {block.text}".rstrip())
    return 0


def cmd_objectives(args: argparse.Namespace, context: Context) -> int:
    if args.json:
        print_json([objective_to_dict(o, context.corpus) for o in context.objectives])
    else:
        language = getattr(args, "global_lang", None) or interface_language(context.paths)
        print("\n".join(objective_lines(context.objectives, context.corpus, language)))
    return 0
