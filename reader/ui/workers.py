"""The one background helper: runs core calls off the UI thread, hands results back on it.

Every job has a *key* ("search", "related:pane2", "index", …) and gets a request id.
Only the newest request of a key matters: an older one still waiting in the queue is
skipped without running, and the result of an older one that already ran is dropped
instead of being delivered. So a burst of keystrokes in the search box costs at most
one stale search, and a slow answer can never overwrite a newer one.

Jobs run one at a time on a private thread pool: the core (whoosh, jieba) is not
promised to be thread-safe, and the order of requests is then the order of answers.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]


class JobCancelled(Exception):
    """Raised inside a job's progress callback when the application is shutting down."""


@dataclass
class _Request:
    key: str
    on_result: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: ProgressCallback | None


class _Relay(QObject):
    """Lives in the UI thread; its signals, emitted from the pool, arrive there queued."""

    done = Signal(int, object)
    failed = Signal(int, object)
    skipped = Signal(int)
    progress = Signal(int, int, int)


class _Job(QRunnable):
    def __init__(
        self,
        worker: Worker,
        key: str,
        request_id: int,
        fn: Callable[..., Any],
        args: tuple,
        wants_progress: bool,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._worker, self._key, self._id = worker, key, request_id
        self._fn, self._args = fn, args
        self._wants_progress = wants_progress

    def run(self) -> None:  # runs in the pool thread
        relay = self._worker.relay
        if not self._worker.is_latest(self._key, self._id) or self._worker.closing:
            relay.skipped.emit(self._id)
            return
        kwargs = {"progress": self._report} if self._wants_progress else {}
        try:
            result = self._fn(*self._args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, never lost
            relay.failed.emit(self._id, exc)
        else:
            relay.done.emit(self._id, result)

    def _report(self, done: int, total: int) -> None:
        if self._worker.closing:
            raise JobCancelled
        self._worker.relay.progress.emit(self._id, int(done), int(total))


class Worker(QObject):
    """Submit core calls with `submit`; callbacks run in the UI thread."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.relay = _Relay(self)
        self.relay.done.connect(self._on_done)
        self.relay.failed.connect(self._on_failed)
        self.relay.skipped.connect(self._finish)
        self.relay.progress.connect(self._on_progress)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._lock = threading.Lock()
        self._latest: dict[str, int] = {}
        self._requests: dict[int, _Request] = {}
        self._next_id = 0
        self.closing = False

    # --- API ----------------------------------------------------------------------------------
    def submit(
        self,
        key: str,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: ProgressCallback | None = None,
    ) -> int:
        """Run `fn(*args)` (plus `progress=` when `on_progress` is given) in the background.

        Returns the request id; a later submit with the same key makes this one stale.
        """
        if self.closing:
            return -1
        with self._lock:
            self._next_id += 1
            request_id = self._next_id
            self._latest[key] = request_id
        was_idle = not self._requests
        self._requests[request_id] = _Request(key, on_result, on_error, on_progress)
        self._pool.start(_Job(self, key, request_id, fn, args, on_progress is not None))
        if was_idle:
            self.busyChanged.emit(True)
        return request_id

    def cancel(self, key: str) -> None:
        """Make every pending request of `key` stale (its result will be dropped)."""
        with self._lock:
            self._next_id += 1
            self._latest[key] = self._next_id

    def is_latest(self, key: str, request_id: int) -> bool:
        """Whether `request_id` is still the newest request of `key` (any thread)."""
        with self._lock:
            return self._latest.get(key) == request_id

    def is_stale(self, request_id: int) -> bool:
        request = self._requests.get(request_id)
        return request is None or not self.is_latest(request.key, request_id)

    def is_busy(self) -> bool:
        return bool(self._requests)

    def pending_keys(self) -> set[str]:
        return {r.key for r in self._requests.values()}

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Drop queued jobs, ask the running one to stop, and wait for it."""
        self.closing = True
        self._pool.clear()
        self._pool.waitForDone(timeout_ms)
        self._requests.clear()

    # --- delivery (UI thread) -----------------------------------------------------------------
    def _on_done(self, request_id: int, result: Any) -> None:
        request = self._take(request_id)
        if request is not None and request.on_result is not None:
            request.on_result(result)

    def _on_failed(self, request_id: int, exc: BaseException) -> None:
        request = self._take(request_id)
        if request is None or isinstance(exc, JobCancelled):
            return
        if request.on_error is not None:
            request.on_error(exc)
        else:
            log.error("background job %s failed", request.key, exc_info=exc)

    def _on_progress(self, request_id: int, done: int, total: int) -> None:
        request = self._requests.get(request_id)
        if request is not None and request.on_progress is not None and not self.is_stale(request_id):
            request.on_progress(done, total)

    def _take(self, request_id: int) -> _Request | None:
        """Forget a finished request; None when it went stale (its result is dropped)."""
        stale = self.is_stale(request_id)
        request = self._requests.pop(request_id, None)
        if not self._requests:
            self.busyChanged.emit(False)
        return None if stale or self.closing else request

    def _finish(self, request_id: int) -> None:
        self._take(request_id)
