"""Writing an export (or any user file) never replaces what is not a regular file: a
directory, FIFO or device is refused with a message, a symlink is written through."""

from __future__ import annotations

import os
import stat

import pytest

from reader.cli import main
from reader.core.atomic import WriteError, atomic_write_bytes


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(WriteError, match="not a regular file"):
        atomic_write_bytes(tmp_path, b"x")
    assert tmp_path.is_dir()


def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="not a regular file") as caught:
        atomic_write_bytes(fifo, b"x")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert "previous version" not in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_link_to_a_device_is_refused_and_the_device_untouched(tmp_path):
    link = tmp_path / "null.html"
    link.symlink_to("/dev/null")
    with pytest.raises(WriteError, match="not a regular file"):
        atomic_write_bytes(link, b"x")
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real" / "export.html"
    real.parent.mkdir()
    real.write_bytes(b"old")
    os.chmod(real, 0o640)
    link = tmp_path / "link.html"
    link.symlink_to(real)
    atomic_write_bytes(link, b"new", shared=True)
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes() == b"new" and stat.S_IMODE(real.stat().st_mode) == 0o640
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to(tmp_path / "real" / "later.html")
    atomic_write_bytes(dangling, b"made")
    assert dangling.is_symlink() and (tmp_path / "real" / "later.html").read_bytes() == b"made"


def test_a_loop_of_links_is_refused_and_left_alone(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.symlink_to(b)
    b.symlink_to(a)
    with pytest.raises(WriteError, match="leads nowhere"):
        atomic_write_bytes(a, b"x")
    assert a.is_symlink() and b.is_symlink()


def test_the_previous_version_is_mentioned_only_when_there_was_one(tmp_path, monkeypatch):
    def failing(*args):
        raise OSError(5, "Input/output error")

    new, old = tmp_path / "new.md", tmp_path / "old.md"
    old.write_bytes(b"kept")
    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(WriteError) as fresh:
        atomic_write_bytes(new, b"x")
    with pytest.raises(WriteError) as replaced:
        atomic_write_bytes(old, b"x")
    assert "previous version" not in str(fresh.value) and not new.exists()
    assert "the previous version is kept" in str(replaced.value) and old.read_bytes() == b"kept"


@pytest.mark.parametrize("kind", ["directory", "fifo", "device-link"])
def test_the_export_command_refuses_a_target_that_is_no_regular_file(tmp_path, capsys, kind):
    target = tmp_path / "out.md"
    if kind == "directory":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/null")
    assert main(["export", "--format", "md", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reader: could not save") and "not a regular file" in err and err.count("\n") == 1
