"""One window per data folder: a second start hands its request to the first and exits.

The first instance holds a QLockFile in the data folder and listens on a local
socket named after that folder. A later instance fails to take the lock, connects,
sends its request (documents to open, objective, search) as one JSON line, and
exits; the first raises its window and carries the request out.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..paths import AppPaths

log = logging.getLogger(__name__)

LOCK_FILE = "reader.lock"
TIMEOUT_MS = 2000
MAX_REQUEST_BYTES = 1 << 20  # a request is a few links and a query; more is not from us
# What a request may hold (see app.request_from); anything else is ignored as malformed.
REQUEST_FIELDS: dict[str, tuple[type, ...]] = {
    "open": (list,),
    "objective": (int, type(None)),
    "search": (str, type(None)),
    "dock": (str, type(None)),
    "compare": (list, type(None)),
    "lang": (str, type(None)),
}


def valid_request(request: object) -> dict[str, Any] | None:
    """The request if it has the shape `request_from` sends, else None (never raises)."""
    if not isinstance(request, dict) or not set(request) <= set(REQUEST_FIELDS):
        return None
    for key, value in request.items():
        if not isinstance(value, REQUEST_FIELDS[key]) or isinstance(value, bool):
            return None
    if not all(isinstance(link, str) for link in request.get("open") or []):
        return None
    if request.get("compare") is not None and (
        len(request["compare"]) != 2 or not all(isinstance(d, str) for d in request["compare"])
    ):
        return None
    return request


def server_name(paths: AppPaths) -> str:
    digest = hashlib.sha1(str(paths.data).encode("utf-8")).hexdigest()[:12]
    return f"compact-reader-{digest}"


class InstanceGuard(QObject):
    requestReceived = Signal(dict)

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        paths.data.mkdir(parents=True, exist_ok=True)
        self.name = server_name(paths)
        self.lock = QLockFile(str(paths.data / LOCK_FILE))
        self.lock.setStaleLockTime(0)
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def acquire(self) -> bool:
        """Take the lock; False when another running instance holds it."""
        return self.lock.tryLock(100)

    def listen(self) -> bool:
        self.server = QLocalServer(self)
        QLocalServer.removeServer(self.name)
        if not self.server.listen(self.name):
            log.warning("cannot listen for other instances: %s", self.server.errorString())
            return False
        self.server.newConnection.connect(self._accept)
        return True

    def send(self, request: dict[str, Any]) -> bool:
        """Hand a request to the running instance; False if it cannot be reached."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(json.dumps(request, ensure_ascii=False).encode("utf-8") + b"\n")
        ok = socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        return ok

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        if self.lock.isLocked():
            self.lock.unlock()

    def _accept(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._finish(s))

    def _read(self, socket: QLocalSocket) -> None:
        self._buffers[socket] = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if len(self._buffers[socket]) > MAX_REQUEST_BYTES:
            log.warning("ignored a request of more than %d bytes from another instance", MAX_REQUEST_BYTES)
            self._buffers.pop(socket)
            socket.close()
        elif self._buffers[socket].endswith(b"\n"):
            self._finish(socket)

    def _finish(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers.pop(socket)
        socket.close()  # the server owns it and deletes it with itself
        if not data.strip():
            return
        try:
            request = valid_request(json.loads(data.decode("utf-8")))
        except (ValueError, RecursionError):  # not UTF-8, not JSON, too deep
            request = None
        if request is None:
            log.warning("ignored a malformed request from another instance")
            return
        self.requestReceived.emit(request)
