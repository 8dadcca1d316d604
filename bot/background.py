"""Work that must not hold up an answer: a chat platform's calls after the ack (opening a
modal, posting a receipt, the staff notice), a candidacy's sheet write.

A fixed pool whose threads start with it and stop with `shutdown()`: whoever makes one owns
its threads (a pool that grows on demand would leave threads started by whichever request came
first, owned by nobody). Each job names where its failure goes, so a platform's one error
handler hears of it as of a failure in a listener.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

_T = TypeVar("_T")

log = logging.getLogger(__name__)

Job = tuple[Callable[[], None], Callable[[Exception], None]]


def log_failure(what: str) -> Callable[[Exception], None]:
    def report(error: Exception) -> None:
        log.error("%s failed", what, exc_info=error)

    return report


class Background:
    def __init__(self, workers: int = 8, name: str = "g40-work") -> None:
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._pending = 0
        self._idle = threading.Condition()
        self._closed = False
        self._threads = [
            threading.Thread(target=self._serve, name=f"{name}-{number}", daemon=True)
            for number in range(workers)
        ]
        for thread in self._threads:
            thread.start()

    def run(self, work: Callable[[], None], report: Callable[[Exception], None]) -> None:
        with self._idle:
            if self._closed:
                raise RuntimeError("the background workers were shut down")
            self._pending += 1
        self._jobs.put((work, report))

    def submit(self, work: Callable[[], _T]) -> Future[_T]:
        """Run `work` on the pool and hand its result (or failure) to the future: for a caller
        that waits a moment for it, e.g. an event loop with `asyncio.wrap_future`."""
        future: Future[_T] = Future()

        def run() -> None:
            if future.set_running_or_notify_cancel():
                future.set_result(work())

        self.run(run, future.set_exception)
        return future

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            self._guarded(*job)

    def _guarded(self, work: Callable[[], None], report: Callable[[Exception], None]) -> None:
        try:
            work()
        except Exception as error:
            report(error)
        finally:
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        """True when all submitted work finished within `timeout` seconds."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def shutdown(self) -> None:
        """Finish the work handed in, then stop the threads (again: nothing to do)."""
        with self._idle:
            if self._closed:
                return
            self._closed = True
        for _thread in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            thread.join()
