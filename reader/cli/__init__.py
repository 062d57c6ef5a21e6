"""The `reader` command: machine-readable access to the core, for scripting and tests.

Each group of subcommands lives in its own module and registers itself through
`register(subparsers)`; this module only parses global options and dispatches.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..paths import DATA_ENV
from . import (
    annotation_commands,
    compare_commands,
    config_commands,
    corpus_commands,
    desktop_commands,
    import_commands,
    search_commands,
)
from .common import CommandError, Context

COMMAND_MODULES = [
    corpus_commands,
    import_commands,
    search_commands,
    annotation_commands,
    compare_commands,
    config_commands,
    desktop_commands,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Compact Reader: read, search and annotate the UN texts on the Global "
        "Compact for Migration.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir", metavar="DIR", help=f"keep all user data (and caches) in DIR; also ${DATA_ENV}"
    )
    parser.add_argument(
        "--lang",
        dest="global_lang",
        choices=("zh", "en"),
        default=None,
        help="language of what commands write (exports, reports): zh (default) or en",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    _register_gui(subparsers)
    return parser


def _register_gui(subparsers: argparse._SubParsersAction) -> None:
    from ..app import add_gui_arguments  # argparse only; Qt loads when the window opens

    gui = subparsers.add_parser("gui", help="open the reader window (the default)")
    add_gui_arguments(gui)
    gui.add_argument("qt_args", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    gui.set_defaults(handler=_run_gui)


def _run_gui(args: argparse.Namespace, context: Context) -> int:
    from ..app import run_gui  # Qt is imported only for the window

    if getattr(args, "lang", None) is None and args.global_lang:  # `reader --lang en gui`
        args.lang = "zh_CN" if args.global_lang == "zh" else "en"
    return run_gui(args, context)


def link_means_gui(argv: Sequence[str]) -> list[str]:
    """`reader reader://gcm/17.a` (e.g. from a desktop link handler) is `reader gui reader://…`."""
    argv, skip = list(argv), False
    for i, arg in enumerate(argv):
        if skip or arg.startswith("-"):
            skip = arg in ("--data-dir", "--lang")
            continue
        return [*argv[:i], "gui", *argv[i:]] if arg.startswith("reader://") else argv
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):  # text that is not valid Unicode is shown escaped, not fatal
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    parser = build_parser()
    argv = link_means_gui(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    context = Context.from_args(args)
    try:
        return int(args.handler(args, context) or 0)
    except CommandError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except (OSError, UnicodeError) as exc:  # a disk, folder or text problem: one line, not a traceback
        print(f"reader: {describe_error(exc)}", file=sys.stderr)
        return 1


def describe_error(exc: BaseException) -> str:
    """An OSError or UnicodeError as one sentence, without "[Errno 20]"."""
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename is not None else ""
        return f"{where}{exc.strerror}".replace("\n", " ")
    if isinstance(exc, UnicodeError):
        return f"text that is not valid Unicode ({exc})".replace("\n", " ")
    return (str(exc) or type(exc).__name__).replace("\n", " ")


if __name__ == "__main__":
    raise SystemExit(main())
