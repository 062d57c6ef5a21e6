"""User files are replaced atomically; a failed save (e.g. a full disk) keeps the old file."""

from __future__ import annotations

import errno
import os
import tempfile

import pytest

from reader.core.atomic import WriteError, atomic_write_text


def test_write_then_replace(tmp_path):
    target = tmp_path / "sub" / "notes.json"
    atomic_write_text(target, "一")
    atomic_write_text(target, "二")
    assert target.read_text(encoding="utf-8") == "二"
    assert [p.name for p in target.parent.iterdir()] == ["notes.json"]


def test_full_disk_keeps_the_previous_file_and_says_why(tmp_path, monkeypatch):
    target = tmp_path / "notes.json"
    atomic_write_text(target, "old")

    def no_space(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(WriteError, match="the disk is full.*previous version is kept"):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"]  # no temporary file left


def test_unwritable_folder_is_reported(tmp_path, monkeypatch):
    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(WriteError, match="could not save .*Permission denied"):
        atomic_write_text(tmp_path / "x.json", "x")


def test_permissions_private_by_default_shared_on_request_kept_on_replace(tmp_path):
    private, shared = tmp_path / "notes.json", tmp_path / "export.md"
    atomic_write_text(private, "x")
    atomic_write_text(shared, "x", shared=True)
    assert (private.stat().st_mode & 0o777, shared.stat().st_mode & 0o777) == (0o600, 0o644)
    private.chmod(0o640)
    atomic_write_text(private, "y")
    assert private.stat().st_mode & 0o777 == 0o640
