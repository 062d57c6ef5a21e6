"""`reader install-desktop`: the freedesktop.org entry, icon and reader:// handler, written into
a temporary XDG tree (the handler reaching the window is tests/ui/test_desktop_link.py)."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess

import pytest

from reader.cli import main
from reader.desktop import ICON_SOURCE, XdgDirs, exec_value

needs = {
    tool: pytest.mark.skipif(shutil.which(tool) is None, reason=f"{tool} is not installed")
    for tool in ("desktop-file-validate", "xdg-mime", "update-desktop-database")
}


@pytest.fixture
def xdg(tmp_path, monkeypatch) -> XdgDirs:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return XdgDirs.from_environment()


def _entry(dirs: XdgDirs) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(dirs.desktop_file, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_writes_the_entry_and_the_icon(xdg, isolated_data, capsys):
    assert main(["install-desktop"]) == 0
    entry = _entry(xdg)
    assert entry["Type"] == "Application" and entry["Name"] == "Compact Reader"
    assert entry["Name[zh_CN]"] == "契约阅读器" and entry["Comment"] and entry["Comment[zh_CN]"]
    assert entry["Categories"] == "Office;Viewer;" and entry["MimeType"] == "x-scheme-handler/reader;"
    assert entry["Icon"] == "compact-reader" and entry["Terminal"] == "false"
    command = shlex.split(entry["Exec"])
    assert command[-1] == "%u" and command[-3:-1] == ["--data-dir", str(isolated_data.data)]
    version = subprocess.run([*command[:-1], "--version"], capture_output=True, text=True).stdout
    assert version.startswith("reader ")
    assert xdg.icon_file == xdg.data_home / "icons/hicolor/scalable/apps/compact-reader.svg"
    assert xdg.icon_file.read_bytes() == ICON_SOURCE.read_bytes()
    assert str(xdg.desktop_file) in capsys.readouterr().out


@needs["desktop-file-validate"]
def test_the_entry_passes_desktop_file_validate(xdg):
    assert main(["install-desktop"]) == 0
    done = subprocess.run(["desktop-file-validate", str(xdg.desktop_file)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


@needs["xdg-mime"]
@needs["update-desktop-database"]
def test_the_entry_becomes_the_reader_scheme_handler(xdg):
    assert main(["install-desktop"]) == 0
    query = subprocess.run(
        ["xdg-mime", "query", "default", "x-scheme-handler/reader"], capture_output=True, text=True
    )
    assert query.stdout.strip() == "compact-reader.desktop"
    assert "x-scheme-handler/reader=compact-reader.desktop" in xdg.mimeapps.read_text(encoding="utf-8")
    cache = (xdg.applications / "mimeinfo.cache").read_text(encoding="utf-8")
    assert "x-scheme-handler/reader=compact-reader.desktop;" in cache


def test_uninstall_takes_back_only_what_install_added(xdg, capsys):
    assert main(["install-desktop"]) == 0
    xdg.mimeapps.parent.mkdir(parents=True, exist_ok=True)
    xdg.mimeapps.write_text(
        "[Default Applications]\ntext/html=firefox.desktop\n"
        "x-scheme-handler/reader=other.desktop;compact-reader.desktop;\n"
        "[Added Associations]\nx-scheme-handler/reader=compact-reader.desktop;\n",
        encoding="utf-8",
    )
    assert main(["install-desktop", "--uninstall"]) == 0
    assert not xdg.desktop_file.exists() and not xdg.icon_file.exists()
    kept = xdg.mimeapps.read_text(encoding="utf-8")
    assert "text/html=firefox.desktop" in kept and "x-scheme-handler/reader=other.desktop;" in kept
    assert "compact-reader.desktop" not in kept
    capsys.readouterr()
    assert main(["install-desktop", "--uninstall"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


@pytest.mark.parametrize(
    "command",
    [
        ["/opt/reader"],
        ["/home/me/my apps/reader", "--data-dir", "/data/笔记 2024"],
        ["/x/reader", "--data-dir", 'a"b`c$d\\e'],
        ["/x/50%/reader"],
    ],
)
def test_exec_quotes_what_the_specification_asks(command):
    value = exec_value(command)
    assert [arg.replace("%%", "%") for arg in _exec_arguments(value)] == [*command, "%u"]
    assert "%u" in value and value.count("%") == 1 + 2 * sum(arg.count("%") for arg in command)


def test_relative_or_empty_xdg_variables_fall_back_to_the_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    dirs = XdgDirs.from_environment({"XDG_DATA_HOME": "relative/share", "XDG_CONFIG_HOME": ""})
    assert dirs.data_home == tmp_path / ".local/share" and dirs.config_home == tmp_path / ".config"


def _exec_arguments(value: str) -> list[str]:
    """The Exec key read back as the specification says a desktop reads it."""
    value = value.replace("\\\\", "\\")  # the string-value escaping comes off first
    args, current, quoted, i = [], "", False, 0
    while i < len(value):
        char = value[i]
        if quoted and char == "\\" and value[i + 1] in '"`$\\':
            current, i = current + value[i + 1], i + 2
            continue
        if char == '"':
            quoted = not quoted
        elif char == " " and not quoted:
            args.append(current)
            current = ""
        else:
            current += char
        i += 1
    return [*args, current]
