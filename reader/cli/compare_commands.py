"""`reader compare OLD NEW`: what changed between two drafts, carrying annotations forward,
and a redline export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Registering needs none of the comparison machinery (jieba, python-docx): the handler imports it.
from .common import CommandError, Context, print_json

FORMATS = ("docx", "html")


def register(subparsers: argparse._SubParsersAction) -> None:
    compare = subparsers.add_parser(
        "compare",
        help="what changed between two drafts (pairs paragraphs by content)",
        description="Compare two documents of the library, typically an older and a newer draft. "
        "Paragraphs are paired by their text, not their numbers.",
    )
    compare.add_argument("old", metavar="OLD", help="id of the older draft (see `reader docs`)")
    compare.add_argument("new", metavar="NEW", help="id of the newer draft")
    compare.add_argument("--json", action="store_true", help="print JSON")
    compare.add_argument(
        "--ignore-width",
        action="store_true",
        help="treat full-/half-width forms and spacing (，/,) as no change",
    )
    compare.add_argument(
        "--carry-annotations",
        action="store_true",
        help="copy OLD's highlights, notes and bookmarks onto NEW "
        "(those whose words were edited get the tag 措辞已改)",
    )
    compare.add_argument(
        "--dry-run", action="store_true", help="with --carry-annotations: report, change nothing"
    )
    compare.add_argument("--format", choices=FORMATS, help="write a redline: Word (tracked changes) or HTML")
    compare.add_argument("-o", "--output", metavar="FILE", type=Path, help="where to write the redline")
    compare.set_defaults(handler=cmd_compare)


def cmd_compare(args: argparse.Namespace, context: Context) -> int:
    from ..core.compare import compare_documents
    from ..core.compare.report import text_report

    if args.dry_run and not args.carry_annotations:
        raise CommandError("--dry-run goes with --carry-annotations", 2)
    if args.format and not args.output:
        raise CommandError("--format needs -o FILE", 2)
    if args.output and not args.format:
        args.format = _format_from_name(args.output)
    old, new = context.document(args.old), context.document(args.new)
    comparison = compare_documents(old, new, ignore_width=args.ignore_width)
    if args.format:
        _write_redline(comparison, args.format, args.output)
        if not args.carry_annotations:
            print(f"wrote {args.output}", file=sys.stderr)
            return 0
    if args.carry_annotations:
        return _carry(comparison, context, dry_run=args.dry_run, as_json=args.json)
    if args.json:
        print_json(comparison.to_dict())
    else:
        sys.stdout.write(text_report(comparison))
    return 0


def _format_from_name(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    if suffix in ("htm", "html"):
        return "html"
    if suffix == "docx":
        return "docx"
    raise CommandError(f"say --format {'|'.join(FORMATS)} for {path.name}", 2)


def _write_redline(comparison, fmt: str, output: Path) -> None:
    from ..core.atomic import WriteError, atomic_write_bytes
    from ..core.compare.redline import to_docx, to_html

    data = to_docx(comparison) if fmt == "docx" else to_html(comparison).encode("utf-8")
    try:
        atomic_write_bytes(output, data, shared=True)
    except WriteError as exc:
        raise CommandError(str(exc)) from exc


def _carry(comparison, context: Context, dry_run: bool, as_json: bool) -> int:
    from ..core.compare.carry import apply_carry, plan_carry
    from .annotation_commands import _flush, open_store

    store = open_store(context)
    plan = plan_carry(comparison, store.state)
    added = 0
    if not dry_run:
        added = len(apply_carry(plan, store))
        _flush(store)
    if as_json:
        print_json(plan.to_dict())
        return 0
    for item in plan.items:
        row = item.to_dict()
        print(
            f"{row['status']:<10} {row['old_anchor'] or '—':>10} → {row['new_anchor'] or '—':<10} "
            f"{row['note'][:60]}".rstrip()
        )
    counts = ", ".join(f"{n} {status}" for status, n in plan.counts().items())
    verb = "would add" if dry_run else "added"
    new_ones = len(plan.to_add()) if dry_run else added
    print(
        f"{comparison.old.id} → {comparison.new.id}: {counts or 'nothing to carry'}; {verb} {new_ones}",
        file=sys.stderr,
    )
    return 0
