"""Desktop integration on Linux and other freedesktop.org desktops: a menu entry, an icon, and
the `reader://` link scheme, so a link in an exported Word, HTML or Markdown file opens the
passage in the window (or hands it to the window already open).

`install()` writes, for the current user only (nothing needs root):

* `$XDG_DATA_HOME/applications/compact-reader.desktop` (Desktop Entry Specification),
  whose `Exec` runs this installation's `reader` with the link as `%u`;
* `$XDG_DATA_HOME/icons/hicolor/scalable/apps/compact-reader.svg` (Icon Theme Specification);

then, when the tools exist, registers the entry as the handler of `x-scheme-handler/reader`
(`xdg-mime default`, which writes `$XDG_CONFIG_HOME/mimeapps.list`) and refreshes the
desktop and icon caches. `uninstall()` takes all of it back, leaving the user's other
associations alone. Qt-free: the command line calls it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .core.atomic import atomic_write_text
from .paths import DATA_ENV, RESOURCES_DIR

APP_ID = "compact-reader"
DESKTOP_FILE = f"{APP_ID}.desktop"
SCHEME_MIME = "x-scheme-handler/reader"
ICON_SOURCE = RESOURCES_DIR / "icons" / "app.svg"
MIMEAPPS_SECTIONS = ("Default Applications", "Added Associations")
TOOL_TIMEOUT_S = 30
# Characters that oblige an Exec argument to be quoted (Desktop Entry Specification, "The Exec key").
EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass
class DesktopReport:
    """What was done: files written or removed, tools run, tools missing."""

    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class XdgDirs:
    data_home: Path
    config_home: Path

    @classmethod
    def from_environment(cls, env: dict[str, str] | None = None) -> XdgDirs:
        """$XDG_DATA_HOME and $XDG_CONFIG_HOME; unset or empty (or relative, which the
        specification says to ignore) means ~/.local/share and ~/.config."""
        env = os.environ if env is None else env

        def pick(name: str, default: str) -> Path:
            value = env.get(name, "")
            return Path(value) if value and os.path.isabs(value) else Path.home() / default

        return cls(pick("XDG_DATA_HOME", ".local/share"), pick("XDG_CONFIG_HOME", ".config"))

    @property
    def applications(self) -> Path:
        return self.data_home / "applications"

    @property
    def desktop_file(self) -> Path:
        return self.applications / DESKTOP_FILE

    @property
    def icon_theme(self) -> Path:
        return self.data_home / "icons" / "hicolor"

    @property
    def icon_file(self) -> Path:
        return self.icon_theme / "scalable" / "apps" / f"{APP_ID}.svg"

    @property
    def mimeapps(self) -> Path:
        return self.config_home / "mimeapps.list"


# --- the entry ---------------------------------------------------------------------------------
def launcher_command(data_dir: Path | None = None) -> list[str]:
    """How a desktop starts this installation: its `reader` script (a venv's or pipx's bin
    folder, beside the interpreter), else this interpreter with `-m reader`."""
    interpreter = Path(sys.executable).absolute()  # not resolved: a venv's python must stay the venv's
    script = interpreter.with_name("reader.exe" if os.name == "nt" else "reader")
    command = [str(script)] if script.is_file() else [str(interpreter), "-m", "reader"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return command


def exec_value(command: list[str]) -> str:
    """The Exec key for `command` plus the link (`%u`): arguments quoted and escaped as the
    specification asks, then escaped once more as any string value is."""

    def quote(arg: str) -> str:
        arg = arg.replace("%", "%%")
        if not EXEC_RESERVED.intersection(arg):
            return arg
        return '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'

    return " ".join([*map(quote, command), "%u"]).replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    """The text of compact-reader.desktop."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",  # 1.5 adds nothing used here, and older validators refuse it
        "Name=Compact Reader",
        "Name[zh_CN]=契约阅读器",
        "GenericName=Document Reader",
        "GenericName[zh_CN]=文件阅读器",
        "Comment=Read, search and annotate the UN texts on the Global Compact for Migration",
        "Comment[zh_CN]=阅读、搜索和批注联合国关于《移民问题全球契约》的中文文本",
        f"Exec={exec_value(command)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "StartupNotify=true",
        "Categories=Office;Viewer;",
        f"MimeType={SCHEME_MIME};",
        "Keywords=UN;GCM;migration;compact;移民;全球契约;联合国;",
        f"X-CompactReader-Version={__version__}",
    ]
    return "\n".join(lines) + "\n"


def default_data_dir(explicit: str | os.PathLike[str] | None) -> Path | None:
    """The data folder a launcher must pass on: one given with --data-dir or $COMPACT_READER_DATA_DIR
    (a desktop starts programs without the shell's environment); None for the default one."""
    value = explicit or os.environ.get(DATA_ENV)
    return Path(value).expanduser().resolve() if value else None


# --- install and uninstall ---------------------------------------------------------------------
def install(dirs: XdgDirs, command: list[str]) -> DesktopReport:
    report = DesktopReport()
    atomic_write_text(dirs.desktop_file, desktop_entry(command), shared=True)
    report.written.append(dirs.desktop_file)
    atomic_write_text(dirs.icon_file, ICON_SOURCE.read_text(encoding="utf-8"), shared=True)
    report.written.append(dirs.icon_file)
    _run_tool(report, ["xdg-mime", "default", DESKTOP_FILE, SCHEME_MIME])
    _refresh_caches(report, dirs)
    return report


def uninstall(dirs: XdgDirs) -> DesktopReport:
    report = DesktopReport()
    for path in (dirs.desktop_file, dirs.icon_file):
        if path.exists():
            path.unlink()
            report.removed.append(path)
    if _forget_association(dirs.mimeapps):
        report.removed.append(dirs.mimeapps)
    if report.removed:
        _refresh_caches(report, dirs)
    return report


def _refresh_caches(report: DesktopReport, dirs: XdgDirs) -> None:
    if dirs.applications.is_dir():
        _run_tool(report, ["update-desktop-database", "-q", str(dirs.applications)])
    # Only an icon cache that exists must be refreshed (a stale one hides the new icon).
    if (dirs.icon_theme / "icon-theme.cache").exists():
        _run_tool(report, ["gtk-update-icon-cache", "-q", "-t", "-f", str(dirs.icon_theme)])


def _run_tool(report: DesktopReport, command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        report.missing.append(command[0])
        return
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, stdin=subprocess.DEVNULL
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        report.problems.append(f"{command[0]}: {exc}")
        return
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        report.problems.append(f"{command[0]} failed: {detail[-1] if detail else done.returncode}")
        return
    report.ran.append(" ".join(command[:2]))


def _forget_association(mimeapps: Path) -> bool:
    """Drop compact-reader.desktop from the reader:// lines of mimeapps.list (other handlers and
    other types untouched); True if the file changed."""
    try:
        lines = mimeapps.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    section, changed, kept = "", False, []
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1]
        key, sep, value = line.partition("=")
        if sep and section in MIMEAPPS_SECTIONS and key.strip() == SCHEME_MIME:
            handlers = [h for h in value.strip().split(";") if h]
            others = [h for h in handlers if h != DESKTOP_FILE]
            if others != handlers:
                changed = True
                if others:
                    kept.append(f"{SCHEME_MIME}={';'.join(others)};")
                continue
        kept.append(line)
    if changed:
        atomic_write_text(mimeapps, "\n".join(kept) + "\n", shared=True)
    return changed
