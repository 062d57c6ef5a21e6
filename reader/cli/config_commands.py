"""`reader config …` (your name, written as the author of your annotations) and
`reader colors …` (what each highlight colour means). Both honour `--data-dir`."""

from __future__ import annotations

import argparse

from ..core.annotations import COLORS
from ..core.atomic import WriteError
from ..core.i18n import color_name, meaning_text
from ..core.userconfig import KEYS, ConfigError, config_file, load_config, os_user_name, set_value
from .annotation_commands import _flush, open_store
from .common import CommandError, Context, add_lang_option, print_json


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this group's subcommands."""
    _register_config(subparsers)
    _register_colors(subparsers)


def _register_config(subparsers: argparse._SubParsersAction) -> None:
    group = subparsers.add_parser("config", help="your preferences (your name as author)")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    get = actions.add_parser("get", help="show a setting (all without KEY)")
    get.add_argument("key", metavar="KEY", nargs="?", choices=list(KEYS))
    get.add_argument("--json", action="store_true", help="print JSON")
    get.set_defaults(handler=cmd_config_get)
    put = actions.add_parser(
        "set",
        help="change a setting ('' restores the default)",
        description="; ".join(f"{k}: {v}" for k, v in KEYS.items()),
    )
    put.add_argument("key", metavar="KEY", choices=list(KEYS))
    put.add_argument("value", metavar="VALUE")
    put.set_defaults(handler=cmd_config_set)


def _register_colors(subparsers: argparse._SubParsersAction) -> None:
    group = subparsers.add_parser("colors", help="list or rename what the highlight colours mean")
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the five colours and their meanings")
    listing.add_argument("--json", action="store_true", help="print JSON")
    add_lang_option(listing)
    listing.set_defaults(handler=cmd_colors_list)
    put = actions.add_parser("set", help="name what a colour means ('' restores the built-in meaning)")
    put.add_argument("color", metavar="COLOR", choices=list(COLORS), help=", ".join(COLORS))
    put.add_argument("meaning", metavar="MEANING")
    put.set_defaults(handler=cmd_colors_set)


# --- config ------------------------------------------------------------------------------
def _settings(context: Context) -> dict[str, str]:
    try:
        stored = load_config(config_file(context.paths.data))
    except ConfigError as exc:
        raise CommandError(str(exc)) from exc
    return {"name": stored.get("name") or os_user_name()}


def cmd_config_get(args: argparse.Namespace, context: Context) -> int:
    values = _settings(context)
    if args.key:
        values = {args.key: values[args.key]}
    if args.json:
        print_json(values)
    elif args.key:
        print(values[args.key])
    else:
        for key, value in values.items():
            print(f"{key} = {value}")
    return 0


def cmd_config_set(args: argparse.Namespace, context: Context) -> int:
    try:
        set_value(config_file(context.paths.data), args.key, args.value)
    except (ConfigError, WriteError, OSError) as exc:
        raise CommandError(str(exc)) from exc
    print(f"{args.key} = {_settings(context)[args.key]}")
    return 0


# --- colours -----------------------------------------------------------------------------
def cmd_colors_list(args: argparse.Namespace, context: Context) -> int:
    store = open_store(context)
    rows = [
        {
            "color": m.color,
            "name": color_name(m.color, context.lang),
            "hex": m.hex,
            "meaning": meaning_text(m.name, context.lang),
            "stored": m.name,
            "default": m.is_default,
            "modified": m.modified,
        }
        for m in store.palette
    ]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(f"{row['color']:<7} {row['hex']}  {row['name']}  {row['meaning']}")
    return 0


def cmd_colors_set(args: argparse.Namespace, context: Context) -> int:
    store = open_store(context)
    change = store.rename_color(args.color, args.meaning)
    _flush(store)
    after = change.after
    print(f"{args.color}: {meaning_text(after.name, context.lang)}")  # type: ignore[union-attr]
    return 0
