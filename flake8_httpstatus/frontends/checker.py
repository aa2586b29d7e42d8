"""The language server's checker threads. A check runs off the event loop, which reads edits and
answers hover meanwhile; a large document's check runs on a thread of its own, so that it never
holds up another document's; and the threads are daemons, so that the server exits at once,
even in the middle of a check."""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
# A document of this many lines or more is a large one: its check takes a second or more
# (about 0.15 ms a line).
LARGE_LINES = 10_000

_Work = tuple[Callable[[], Any], asyncio.AbstractEventLoop, "asyncio.Future[Any]"]


class Checker:
    """Two threads, started when first needed: one for large documents, one for the others
    (and for the project index's work, which is short)."""

    def __init__(self) -> None:
        self._queues: dict[bool, queue.SimpleQueue[_Work]] = {}  # by whether large
        self._lock = threading.Lock()

    def submit(self, work: Callable[[], T], large: bool = False) -> asyncio.Future[T]:
        """Run `work` on the large documents' thread or the other one; its result, or its
        error, comes to the running event loop."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._queue(large).put((work, loop, future))
        return future

    def _queue(self, large: bool) -> queue.SimpleQueue[_Work]:
        with self._lock:
            waiting = self._queues.get(large)
            if waiting is None:
                waiting = self._queues[large] = queue.SimpleQueue()
                name = "check-large" if large else "check"
                threading.Thread(target=_serve, args=(waiting,), name=name, daemon=True).start()
            return waiting


def _serve(waiting: queue.SimpleQueue[_Work]) -> None:
    while True:
        work, loop, future = waiting.get()
        try:
            result = work()
        except Exception as error:  # the loop's to report, as an executor's would be
            _settle(loop, future, None, error)
        else:
            _settle(loop, future, result, None)


def _settle(
    loop: asyncio.AbstractEventLoop,
    future: asyncio.Future[Any],
    result: object,
    error: Exception | None,
) -> None:
    def settle() -> None:
        if future.done():
            return  # cancelled meanwhile
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    with contextlib.suppress(RuntimeError):  # the loop has closed: the server is exiting
        loop.call_soon_threadsafe(settle)
