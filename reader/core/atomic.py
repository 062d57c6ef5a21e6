"""Crash-safe file writes: a reader sees either the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


class WriteError(OSError):
    """A save failed; the previous file is untouched. The message is fit for the user."""

    def __str__(self) -> str:  # the sentence alone, without OSError's "[Errno 28]"
        return str(self.strerror) if self.strerror is not None else super().__str__()


def atomic_write_bytes(path: Path, data: bytes, *, shared: bool = False) -> None:
    """Write to a temporary file beside `path`, fsync it, then rename it over `path`.

    The file keeps the permissions of the one it replaces; a new file is private
    (0600, right for personal notes) unless `shared` (0644, e.g. an export to hand on).
    A symlink is written through (the link stays, its target gets the new content); a
    directory, FIFO or device is refused: renaming over it would replace it by a file.
    """
    path = _written_path(Path(path))
    try:
        info = path.stat()
    except OSError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise WriteError(
            0,
            f"could not save {path}: it is not a regular file (a folder, device or pipe); choose a file name",
        )
    mode = info.st_mode & 0o777 if info is not None else (0o644 if shared else 0o600)
    existed = info is not None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc, existed) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise _write_error(path, exc, existed) from exc
    _fsync_dir(path.parent)


def _written_path(path: Path) -> Path:
    """Where the bytes go: through any symlinks to the file they name (it may not exist yet)."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if target.is_symlink():  # a loop of links: writing would replace one of them
        raise WriteError(0, f"could not save {path}: it is a symbolic link that leads nowhere")
    return target


def _write_error(path: Path, exc: OSError, existed: bool) -> WriteError:
    reason = "the disk is full" if exc.errno == errno.ENOSPC else (exc.strerror or str(exc))
    kept = "; the previous version is kept" if existed else ""
    return WriteError(exc.errno or 0, f"could not save {path}: {reason}{kept}")


def atomic_write_text(path: Path, text: str, *, shared: bool = False) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), shared=shared)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
