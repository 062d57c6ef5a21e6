"""The reader window's entry point: `reader gui [options]`.

Parses the window's options, sets up logging and the QApplication, makes sure one
window runs per data folder (a second start hands its request over and exits),
builds the services (corpus, objectives, search, settings, annotations) and hands
them to the main window. Also the screenshot mode used for the README and for checks:

    reader gui --screenshot FILE.png [--size 1600x1000] [--open DOC[:ANCHOR] …]
               [--objective N] [--search QUERY] [--dock annotations]

A `reader://DOC/ANCHOR` link (as in exports) given on its own opens that passage:
`reader gui reader://gcm/17.a`, or `reader reader://gcm/17.a` (see `reader.cli`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .paths import AppPaths, resolve_paths

if TYPE_CHECKING:  # Qt is imported only when the window opens
    from PySide6.QtWidgets import QApplication

    from .ui.services import Services

log = logging.getLogger("reader")

DEFAULT_SIZE = (1600, 1000)
LINK_PREFIX = "reader://"
DOCKS = ("objectives", "search", "outline", "library", "annotations", "bookmarks")
SETTLE_POLL_MS = 100
SETTLE_ROUNDS = 4
SCREENSHOT_TIMEOUT_S = 120
# Qt messages not worth a line: the offscreen platform (screenshots) cannot size windows to hints.
QT_NOISE = frozenset({"This plugin does not support propagateSizeHints()"})
NO_DISPLAY = (
    "reader: no display found (DISPLAY and WAYLAND_DISPLAY are unset): run it in a "
    "desktop session, or use `reader gui --screenshot FILE.png`, or set "
    "QT_QPA_PLATFORM=offscreen"
)


# --- command line -----------------------------------------------------------------------------
def size_arg(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, got {text!r}") from None
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"size out of range: {text}")
    return width, height


def add_gui_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The window's options; `reader.cli` may declare them on its `gui` subcommand."""
    parser.add_argument(
        "--open",
        metavar="DOC[:ANCHOR]",
        action="extend",
        nargs="+",
        default=[],
        help="documents for the panes, left to right, e.g. gcm:17 imrf:42",
    )
    parser.add_argument("--objective", metavar="N", type=int, help="select objective N in the objective tree")
    parser.add_argument("--search", metavar="QUERY", help="search for QUERY (opens the first result)")
    parser.add_argument("--dock", choices=DOCKS, help="bring this dock to the front")
    parser.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"), help="compare two drafts")
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        type=Path,
        help="save a PNG of the window once it is ready, then exit",
    )
    parser.add_argument(
        "--size", metavar="WxH", type=size_arg, help="window size (default 1600x1000 for screenshots)"
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language for this run")
    parser.add_argument("--theme", choices=("system", "light", "dark"), help="colour theme")
    parser.add_argument(
        "--new-instance",
        action="store_true",
        help="do not hand over to a window already running on this data folder",
    )
    parser.add_argument("--timing", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    return parser


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader gui", description="Open the reader window.")
    parser.add_argument("--data-dir", metavar="DIR", help=argparse.SUPPRESS)
    return add_gui_arguments(parser)


def parse_gui_args(qt_args: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (e.g. -platform). A leading "--" is dropped."""
    if qt_args[:1] == ["--"]:
        qt_args = qt_args[1:]
    return gui_parser().parse_known_args(qt_args)


def gui_options(args: argparse.Namespace) -> tuple[argparse.Namespace, list[str]]:
    """The window's options: those `reader.cli` parsed (if it declared them via
    `add_gui_arguments`), overlaid with any found in its remainder (`reader gui -- …`).
    `reader://DOC/ANCHOR` links in the remainder are passages to open."""
    options, qt_args = parse_gui_args(list(getattr(args, "qt_args", None) or []))
    defaults = vars(gui_parser().parse_args([]))
    for key, default in defaults.items():
        if getattr(options, key) == default and getattr(args, key, default) != default:
            setattr(options, key, getattr(args, key))
    links = [a for a in qt_args if a.startswith(LINK_PREFIX)]
    if links:
        options.open = [*options.open, *links]
        qt_args = [a for a in qt_args if not a.startswith(LINK_PREFIX)]
    return options, qt_args


def split_target(text: str) -> tuple[str, str]:
    """ "gcm:17" or "reader://gcm/17" → ("gcm", "17")."""
    text = text.strip()
    if text.startswith(LINK_PREFIX):
        doc, _, anchor = text[len(LINK_PREFIX) :].partition("/")
    else:
        doc, _, anchor = text.partition(":")
    return doc.strip(), anchor.strip()


def link_problem(corpus: Any, target: str) -> str | None:
    """What is wrong with a passage to open ("gcm:17", "reader://gcm/17"): "no-document",
    "unknown-document", "unknown-anchor", or None when it can be opened as asked."""
    doc, anchor = split_target(target)
    if not doc:
        return "no-document"
    if doc not in corpus:
        return "unknown-document"
    if anchor and not corpus.get(doc).has(anchor):
        return "unknown-anchor"
    return None


LINK_PROBLEMS = {
    "no-document": "the link {target} names no document",
    "unknown-document": "unknown document {doc!r} in {target} (see `reader docs`)",
    "unknown-anchor": "{doc} has no passage {anchor!r} (see `reader dump {doc}`)",
}


# --- logging ----------------------------------------------------------------------------------
def setup_logging(paths: AppPaths, verbose: bool = False) -> None:
    import logging.handlers  # brings socket and more: only the window needs it, not `reader --help`

    root = logging.getLogger()
    if getattr(root, "_compact_reader", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("reader: %(levelname)s: %(message)s"))
    root.addHandler(console)
    try:
        paths.cache.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            paths.cache / "reader.log", maxBytes=1 << 20, backupCount=2, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        root.addHandler(handler)
    except OSError as exc:
        log.warning("no log file: %s", exc)
    root._compact_reader = True  # type: ignore[attr-defined]


def _route_qt_messages() -> None:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_log = logging.getLogger("qt")

    def route(kind: QtMsgType, _context, message: str) -> None:
        if message not in QT_NOISE:
            qt_log.log(levels.get(kind, logging.WARNING), message)

    qInstallMessageHandler(route)


# --- application ------------------------------------------------------------------------------
def display_missing(qt_args: list[str]) -> bool:
    """Linux with no display and no Qt platform chosen: Qt would abort on start."""
    if os.environ.get("QT_QPA_PLATFORM") or {"-platform", "--platform"} & set(qt_args):
        return False
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    return not has_display and sys.platform.startswith("linux")


def needs_offscreen(screenshot: bool, qt_args: list[str]) -> bool:
    return screenshot and display_missing(qt_args)


def create_application(qt_args: list[str]) -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["reader", *qt_args])
    app.setApplicationName("Compact Reader")
    app.setOrganizationName("CompactReader")
    app.setDesktopFileName("compact-reader")
    app.setStyle("Fusion")
    return app


def build_services(paths: AppPaths, *, persist: bool = True) -> Services:
    """Corpus, objectives, search service, settings and annotations, for the window."""
    from PySide6.QtCore import QSettings

    from .core.library_cache import load_library, load_search_table
    from .core.search import SearchService
    from .ui.services import Services, open_annotation_store, open_settings

    paths.ensure()
    library = load_library(paths)  # from the cache when no document changed
    corpus, objectives = library.corpus, library.objectives
    if persist:
        settings = open_settings(paths)
    else:  # screenshot mode: defaults only, nothing written to the user's folder
        scratch = Path(tempfile.mkdtemp(prefix="compact-reader-shot-"))
        settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)
    search = SearchService(corpus, objectives, paths, table=load_search_table(library, paths))
    store = open_annotation_store(paths, corpus)
    return Services(
        paths=paths,
        corpus=corpus,
        objectives=objectives,
        settings=settings,
        search=search,
        persist=persist,
        store=store,
    )


def request_from(options: argparse.Namespace) -> dict[str, Any]:
    return {
        "open": list(options.open),
        "objective": options.objective,
        "search": options.search,
        "dock": options.dock,
        "compare": getattr(options, "compare", None),
        "lang": options.lang,
    }


def apply_request(window, request: dict[str, Any]) -> None:
    """Open documents, select an objective, search: from the command line or another instance."""
    from PySide6.QtCore import QCoreApplication

    if request.get("lang") and request["lang"] != window.state.language:  # from another start
        window.set_language(str(request["lang"]))
    wanted = [split_target(str(t))[0] for t in request.get("open") or []] + list(request.get("compare") or [])
    if any(doc and doc not in window.services.corpus for doc in map(str, wanted)):
        window.refresh_library()  # e.g. imported from the command line since the window started
    for i, target in enumerate(request.get("open") or []):
        doc, anchor = split_target(str(target))
        problem = link_problem(window.services.corpus, str(target))
        if problem in ("no-document", "unknown-document"):
            text = (
                QCoreApplication.translate("MainWindow", "Unknown document: %1").replace("%1", doc)
                if doc
                else QCoreApplication.translate("MainWindow", "This link names no document: %1").replace(
                    "%1", str(target)
                )
            )
            window.show_problems([text])
            continue
        if problem == "unknown-anchor":
            window.show_problems(
                [
                    QCoreApplication.translate("MainWindow", "%1 has no passage %2; opened it at the top")
                    .replace("%1", doc)
                    .replace("%2", anchor)
                ]
            )
            anchor = ""
        while len(window.panes.panes) <= i and window.add_pane(doc, anchor) is not None:
            pass
        if i < len(window.panes.panes):
            window.open_document(doc, anchor, pane=window.panes.panes[i])
    if request.get("objective"):
        window.objectives_dock.raise_()
        window.objectives_dock.select(int(request["objective"]))
    if request.get("search"):
        window.search_panel.raise_()
        window.search_panel.set_query(str(request["search"]))
    if request.get("dock") in DOCKS:
        window.show_dock(str(request["dock"]))
    if request.get("compare"):
        from .ui.compare_view import open_compare

        open_compare(window, *map(str, request["compare"][:2]))


def _open_first_result(window) -> None:
    def shown(results) -> None:
        window.search_panel.resultsShown.disconnect(shown)
        if results is not None and results.hits:
            window.search_panel.step(1)

    window.search_panel.resultsShown.connect(shown)


# --- screenshot and timing --------------------------------------------------------------------
class _WhenSettled:
    """Calls `done` once the window has been settled for a few polls in a row."""

    def __init__(self, window, done, timeout_s: float = SCREENSHOT_TIMEOUT_S) -> None:
        from PySide6.QtCore import QTimer

        self.window, self.done, self.rounds = window, done, 0
        self.deadline = time.monotonic() + timeout_s
        self.timer = QTimer(window)
        self.timer.setInterval(SETTLE_POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        if time.monotonic() > self.deadline:
            self.timer.stop()
            self.done(False)
            return
        self.rounds = self.rounds + 1 if self.window.is_settled() else 0
        if self.rounds >= SETTLE_ROUNDS:
            self.timer.stop()
            self.done(True)


def _take_screenshot(window, path: Path, app) -> None:
    def done(ok: bool) -> None:
        if not ok:
            print("reader: the window did not become ready in time", file=sys.stderr)
            app.exit(1)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        from .ui.compare_view import screenshot_widget

        if not screenshot_widget(window).grab().save(str(path), "PNG"):
            print(f"reader: cannot write {path}", file=sys.stderr)
            app.exit(1)
            return
        print(f"saved {path}")
        app.exit(0)

    window._screenshot_waiter = _WhenSettled(window, done)


def _report_timing(window, app) -> None:
    """--timing: print when the window is shown and when the index is ready, then quit."""
    from PySide6.QtCore import QTimer

    from .ui.state import INDEX_BUILDING

    def event(name: str) -> None:
        print(json.dumps({"event": name, "t": time.time()}), file=sys.stderr, flush=True)

    QTimer.singleShot(0, lambda: event("window-shown"))

    def status(value: str) -> None:
        if value != INDEX_BUILDING:
            event("index-ready" if value == "ready" else f"index-{value}")
            QTimer.singleShot(0, lambda: (event("closing"), app.exit(0)))

    window.state.indexStatusChanged.connect(status)
    if window.state.index_status != INDEX_BUILDING:
        status(window.state.index_status)


# --- entry point ------------------------------------------------------------------------------
def run_gui(args: argparse.Namespace, context: Any) -> int:
    """`reader gui`: show the window; returns the process exit code."""
    options, qt_args = gui_options(args)
    screenshot = options.screenshot is not None
    if display_missing(qt_args) and not screenshot:
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    paths = (
        resolve_paths(options.data_dir)
        if getattr(options, "data_dir", None) and options.data_dir != getattr(args, "data_dir", None)
        else context.paths
    )
    setup_logging(paths, options.verbose)
    if needs_offscreen(screenshot, qt_args):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = create_application(qt_args)
    _route_qt_messages()
    guard = None
    if not (screenshot or options.timing or options.new_instance):
        guard = _single_instance(paths, options)
        if isinstance(guard, int):
            return guard
    try:
        code = _run_window(app, paths, options, guard)
    finally:
        if guard is not None:
            guard.release()
    _exit_now(code)
    return code  # not reached


def _exit_now(code: int) -> None:
    """End the process as soon as the window has saved everything.

    By now the annotations are flushed, the settings synced and the instance lock released.
    What is left is tearing down Qt's and Python's objects (the rendered documents, the
    search index readers, the word lists), which took seconds after the window had closed.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    logging.shutdown()
    os._exit(code)


def _single_instance(paths: AppPaths, options: argparse.Namespace):
    from .ui.instance import InstanceGuard

    guard = InstanceGuard(paths)
    if guard.acquire():
        guard.listen()
        return guard
    if guard.send(request_from(options)):
        print("Compact Reader is already running with this data folder; the request was passed to it.")
        return 0
    print(
        f"reader: another Compact Reader is using {paths.data} but does not answer; "
        f"close it, or start with --new-instance",
        file=sys.stderr,
    )
    return 1


def _run_window(app, paths: AppPaths, options: argparse.Namespace, guard) -> int:
    from .core.corpus import CorpusError

    screenshot = options.screenshot is not None
    try:
        services = build_services(paths, persist=not screenshot)
    except CorpusError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 1
    try:
        if _bad_links_reported(services.corpus, options.open):
            return 2
        return _show_window(app, services, options, guard)
    finally:
        if screenshot:  # the throw-away settings folder of screenshot mode
            settings_folder = Path(services.settings.fileName()).parent
            if settings_folder.name.startswith("compact-reader-shot-"):
                shutil.rmtree(settings_folder, ignore_errors=True)


def _bad_links_reported(corpus: Any, targets: list[str]) -> bool:
    """Passages asked for on the command line that cannot be opened: said on stderr (exit 2)."""
    bad = False
    for target in map(str, targets):
        problem = link_problem(corpus, target)
        if problem:
            doc, anchor = split_target(target)
            print(
                "reader: " + LINK_PROBLEMS[problem].format(doc=doc, anchor=anchor, target=target),
                file=sys.stderr,
            )
            bad = True
    return bad


def _show_window(app, services: Services, options: argparse.Namespace, guard) -> int:
    screenshot = options.screenshot is not None
    window = _make_window(services, options)
    window.show()
    window.start()
    if guard is not None:
        guard.requestReceived.connect(lambda request: _handover(window, request))
    if options.search and screenshot:
        _open_first_result(window)
    apply_request(window, request_from(options))
    if screenshot:
        _take_screenshot(window, options.screenshot, app)
    elif options.timing:
        _report_timing(window, app)
    _quit_on_signals(app)
    code = app.exec()
    window.close()
    return int(code)


def _make_window(services: Services, options: argparse.Namespace):
    """The main window, restored from the last session and adjusted by the options."""
    from .ui import settings as prefs
    from .ui.i18n import Translations
    from .ui.main_window import MainWindow

    translations = Translations()
    translations.install(options.lang or prefs.read(services.settings, prefs.LANGUAGE))
    window = MainWindow(services, translations=translations)
    window.restore_state()
    if options.theme:
        window.set_theme_mode(options.theme)
    if options.lang:
        window.state.language = options.lang
        window.language_actions[options.lang].setChecked(True)
    if options.screenshot is not None or options.size:
        window.resize(*(options.size or DEFAULT_SIZE))
    return window


def _quit_on_signals(app: QApplication) -> None:
    """SIGINT/SIGTERM end the event loop normally, so the window still saves its state.

    Python runs its signal handlers only between bytecodes; the wake-up socket makes
    the Qt event loop run a little Python as soon as a signal arrives.
    """
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    reader_end, writer_end = socket.socketpair()
    for end in (reader_end, writer_end):
        end.setblocking(False)
    try:
        signal.set_wakeup_fd(writer_end.fileno())
    except ValueError:  # not the main thread
        return
    notifier = QSocketNotifier(reader_end.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda *_: reader_end.recv(64))
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.quit())
    app._signal_wakeup = (reader_end, writer_end, notifier)  # type: ignore[attr-defined]


def _handover(window, request: dict[str, Any]) -> None:
    window.showNormal() if window.isMinimized() else window.show()
    window.raise_()
    window.activateWindow()
    apply_request(window, request)
