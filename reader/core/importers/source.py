"""Reading a file to import: only regular files, never more than a limit, never a hang.

A FIFO would block `open()` forever, a device such as /dev/zero never ends, a directory
is not a document: each is refused with a message before any byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import ImportFailure

MAX_BYTES = 50 * 1024 * 1024  # the "huge": larger files are refused, not read


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_source(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; ImportFailure otherwise."""
    name = path.name or str(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ImportFailure(f"cannot read {path}: {exc.strerror or exc}", "unreadable") from exc
    if not stat.S_ISREG(info.st_mode):
        raise ImportFailure(f"{name} is {_kind_of(info.st_mode)}, not a document file", "not-a-file")
    if info.st_size > limit:
        raise ImportFailure(
            f"{name} is too large ({info.st_size / 2**20:.0f} MB; the limit is {limit / 2**20:.0f} MB)",
            "too-large",
        )
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since stat(), open() must not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ImportFailure(f"cannot read {path}: {exc.strerror or exc}", "unreadable") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ImportFailure(f"{name} is not a regular file", "not-a-file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ImportFailure(f"cannot read {path}: {exc.strerror or exc}", "unreadable") from exc
    finally:
        os.close(fd)
    if len(data) > limit:
        raise ImportFailure(f"{name} is too large (the limit is {limit / 2**20:.0f} MB)", "too-large")
    return data
