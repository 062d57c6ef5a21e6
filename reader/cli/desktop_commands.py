"""`reader install-desktop [--uninstall]`: the menu entry, icon and reader:// link handler."""

from __future__ import annotations

import argparse
import sys

from .common import CommandError, Context


def register(subparsers: argparse._SubParsersAction) -> None:
    desktop = subparsers.add_parser(
        "install-desktop",
        help="add Compact Reader to the desktop's menu and open reader:// links",
        description="Add a menu entry and icon for the current user (freedesktop.org desktops: "
        "GNOME, KDE, Xfce, …) and make reader:// links, as in exported files, open the "
        "passage in the window. Uses $XDG_DATA_HOME and $XDG_CONFIG_HOME. A --data-dir "
        "given here is passed on by the menu entry.",
    )
    desktop.add_argument("--uninstall", action="store_true", help="remove the entry, icon and link handler")
    desktop.set_defaults(handler=cmd_install_desktop)


def cmd_install_desktop(args: argparse.Namespace, context: Context) -> int:
    from .. import desktop
    from ..core.atomic import WriteError

    if sys.platform in ("win32", "darwin"):
        raise CommandError(
            "install-desktop is for Linux and other freedesktop.org desktops; "
            "see the README for Windows and macOS"
        )
    dirs = desktop.XdgDirs.from_environment()
    try:
        if args.uninstall:
            report = desktop.uninstall(dirs)
        else:
            command = desktop.launcher_command(desktop.default_data_dir(getattr(args, "data_dir", None)))
            report = desktop.install(dirs, command)
    except (OSError, WriteError) as exc:
        raise CommandError(str(exc)) from exc
    for path in report.written:
        print(f"wrote {path}")
    for path in report.removed:
        print(f"removed {path}" if path.suffix != ".list" else f"removed the reader:// handler from {path}")
    if args.uninstall and not report.removed:
        print("nothing to remove: Compact Reader was not installed on this desktop")
    for tool in report.missing:
        print(f"reader: note: {tool} not found; skipped it", file=sys.stderr)
    for problem in report.problems:
        print(f"reader: warning: {problem}", file=sys.stderr)
    if not args.uninstall:
        registered = "xdg-mime default" in report.ran
        print(
            "reader:// links now open in Compact Reader"
            if registered
            else "the entry lists reader:// links; your desktop picks it up at its next start"
        )
    return 0
