"""Answering a question: the one handler every platform calls for free text."""

from __future__ import annotations

import threading
from datetime import date
from typing import Protocol

from bot.dates import today_in_amsterdam
from bot.directory import Directory
from bot.models import Snapshot, Target
from bot.reply import Language, Reply


class SnapshotProvider(Protocol):
    def current(self) -> Snapshot: ...


class AskHandler:
    """Answers from the provider's current snapshot; the directory index is rebuilt only when
    the snapshot changes, so a question costs a lookup, not a rebuild."""

    def __init__(self, snapshots: SnapshotProvider) -> None:
        self._snapshots = snapshots
        self._lock = threading.Lock()
        self._directory: Directory | None = None

    def directory(self) -> Directory:
        snapshot = self._snapshots.current()
        with self._lock:
            if self._directory is None or self._directory.snapshot is not snapshot:
                self._directory = Directory.of(snapshot)
            return self._directory

    def ask(
        self, question: str, *, today: date | None = None, language: Language | None = None
    ) -> Reply:
        return self.directory().answer(
            question, today=today or today_in_amsterdam(), language=language
        )

    def readings(self, question: str) -> list[Target]:
        """What a question most likely asks about (for the loop with staff)."""
        return self.directory().readings(question)
