"""Composition root: builds the long-lived parts (sheet source, handlers) from Settings.

Every process (console, Slack web, Teams web, clock) starts here, so each one reads the same
sheet the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.models import Snapshot
from bot.settings import Settings
from bot.sheets import (
    GoogleWorkbook,
    HealthListener,
    LocalWorkbook,
    RetryPolicy,
    SheetWriter,
    SnapshotSource,
    WritableWorkbook,
    open_local_workbook,
    service_account_credentials,
)

log = logging.getLogger(__name__)


def google_workbook(settings: Settings) -> GoogleWorkbook | None:
    """The Google Sheet the settings select (G40_SPREADSHEET_ID), or None for the local one."""
    if not settings.spreadsheet_id:
        return None
    key_json = settings.google_key_json.get_secret_value() if settings.google_key_json else None
    credentials = service_account_credentials(
        key_json=key_json or None, key_file=settings.google_key_file
    )
    return GoogleWorkbook.from_service_account(settings.spreadsheet_id.strip(), credentials)


def selected_workbook(settings: Settings) -> WritableWorkbook:
    """The workbook the settings select, as it is (init-sheet fills it; nothing is created)."""
    return google_workbook(settings) or LocalWorkbook(settings.workbook)


def open_source(
    settings: Settings,
    *,
    on_new_problems: Callable[[Snapshot], None] | None = None,
    on_health: HealthListener | None = None,
    announce: Callable[[str], None] | None = None,
    read_now: bool = True,
    keep_fresh: bool = False,
    answer_while_reading: bool = False,
) -> SnapshotSource:
    """The sheet the settings select, read once (raises WorkbookError when it cannot be read).

    `keep_fresh` starts the source's refresh thread (every G40_REFRESH_SECONDS); whoever asks
    for it owns the source and must `close()` it. `answer_while_reading` (the servers) reads a
    saved change on that thread while questions are answered from the current snapshot; the
    console and one-shot commands read it before answering.
    """
    workbook: WritableWorkbook | None = google_workbook(settings)
    if workbook is None:
        workbook, created = open_local_workbook(settings.workbook, settings.seed_dir)
        if created and announce:
            announce(f"Nieuw werkboek gemaakt uit de seed: {workbook.location}")
    source = SnapshotSource(
        workbook,
        on_new_problems=on_new_problems,
        on_health=on_health,
        answer_while_reading=answer_while_reading,
    )
    if read_now:
        source.current()
    if keep_fresh:
        source.start(settings.refresh_seconds)
    return source


def open_writer(source: SnapshotSource, *, retry: RetryPolicy | None = None) -> SheetWriter:
    """The one writer for candidacy rows and statuses, on the same sheet the source reads.

    The candidacy outbox passes `RetryPolicy(attempts=1)`: it retries with its own backoff, and
    nested retries would hold a drainer for minutes while Sheets is down."""
    workbook = source.workbook
    if not isinstance(workbook, GoogleWorkbook | LocalWorkbook):
        raise TypeError(f"cannot write to {type(workbook).__name__}")
    return SheetWriter(workbook, retry=retry)
