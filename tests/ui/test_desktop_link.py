"""A reader:// link opened on the desktop reaches the window: through the entry that
`reader install-desktop` writes (and xdg-open, where installed), a second `reader` process,
and the running window's instance socket."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess

import pytest

from reader.app import _handover
from reader.cli import main
from reader.ui.instance import InstanceGuard

LINK = "reader://gcm/17.a"


def _installed_exec(tmp_path, monkeypatch, capsys) -> tuple[str, dict[str, str]]:
    """Install the entry into a temporary XDG tree; return its Exec and that environment."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    assert main(["install-desktop"]) == 0
    capsys.readouterr()
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(tmp_path / "xdg-data" / "applications" / "compact-reader.desktop", encoding="utf-8")
    # xdg-open's generic mode (no desktop named), which reads the XDG files written above.
    desktop_hints = ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID")
    env = {k: v for k, v in os.environ.items() if k not in desktop_hints}
    return entry["Desktop Entry"]["Exec"], env


@pytest.mark.parametrize("opener", ["exec-line", "xdg-open"])
def test_a_reader_link_reaches_the_running_window(
    qtbot, window, paths, tmp_path, monkeypatch, capsys, opener
):
    exec_line, env = _installed_exec(tmp_path, monkeypatch, capsys)
    assert f"--data-dir {paths.data}" in exec_line  # the launcher keeps this window's data folder
    if opener == "xdg-open":
        if shutil.which("xdg-open") is None:
            pytest.skip("xdg-open is not installed")
        command = ["xdg-open", LINK]
        # xdg-open consults scheme handlers only when it sees a display; the reader it starts
        # still runs offscreen (QT_QPA_PLATFORM, set for every test, is inherited).
        env.setdefault("DISPLAY", ":63")
    else:  # what a desktop does with Exec: split it, put the link in place of %u
        command = [LINK if arg == "%u" else arg for arg in shlex.split(exec_line)]
    guard = InstanceGuard(paths)
    assert guard.acquire() and guard.listen()
    guard.requestReceived.connect(lambda request: _handover(window, request))
    process = None
    try:
        with qtbot.waitSignal(guard.requestReceived, timeout=60000) as received:
            process = subprocess.Popen(
                command,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
        assert received.args[0]["open"] == [LINK]
        output = process.communicate(timeout=60)[0]
        assert process.returncode == 0, output
        assert "already running" in output
    finally:
        guard.release()
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
    pane = window.panes.panes[0]
    assert pane.doc_id == "gcm" and pane.current_anchor() == "17.a"
