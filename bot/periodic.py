"""A daemon thread that runs one piece of work every N seconds until stopped.

Long-running processes use it for the candidacy outbox (the sheet has its own refresh thread,
owned by SnapshotSource). The loop is the thread's one error boundary: a failed round is logged
with its traceback and the next round runs on time, so a passing outage (Google, the database)
never ends the work for good.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Self

log = logging.getLogger(__name__)


class Periodic:
    def __init__(self, name: str, seconds: float, work: Callable[[], object]) -> None:
        self.name = name
        self.seconds = seconds
        self._work = work
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stopped.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stopped.wait(self.seconds):
            try:
                self._work()
            except Exception:
                log.exception("%s failed; trying again in %g s", self.name, self.seconds)
