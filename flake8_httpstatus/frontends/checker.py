"""The language server's checker threads. A check runs off the event loop, which reads edits and
answers hover meanwhile; a large document's check runs on a thread of its own, so that it never
holds up another document's; code actions are worked out on a third (a large file's take
seconds); and the threads are daemons, so that the server exits at once, even in the middle of
a check."""

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

# The threads: the checks of documents that are not large (and the project index's work, which
# is short), the checks of large ones, and code actions.
CHECK, CHECK_LARGE, ANSWER = "check", "check-large", "answer"

_Work = tuple[Callable[[], Any], asyncio.AbstractEventLoop, "asyncio.Future[Any]"]


class Checker:
    """A thread for each of CHECK, CHECK_LARGE and ANSWER, started when first needed."""

    def __init__(self) -> None:
        self._queues: dict[str, queue.SimpleQueue[_Work]] = {}  # by thread
        self._lock = threading.Lock()

    def submit(self, work: Callable[[], T], thread: str = CHECK) -> asyncio.Future[T]:
        """Run `work` on `thread`, after the work given it before; its result, or its error,
        comes to the running event loop."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._queue(thread).put((work, loop, future))
        return future

    def _queue(self, thread: str) -> queue.SimpleQueue[_Work]:
        with self._lock:
            waiting = self._queues.get(thread)
            if waiting is None:
                waiting = self._queues[thread] = queue.SimpleQueue()
                threading.Thread(target=_serve, args=(waiting,), name=thread, daemon=True).start()
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
