"""Composition root: builds the long-lived parts (sheet source, handlers) from Settings.

Every process (console, Slack web, Teams web, clock) starts here, so each one reads the same
sheet the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.models import Snapshot
from bot.settings import Settings
from bot.sheets import SnapshotSource, open_local_workbook

log = logging.getLogger(__name__)


def open_source(
    settings: Settings,
    *,
    on_new_problems: Callable[[Snapshot], None] | None = None,
    announce: Callable[[str], None] | None = None,
) -> SnapshotSource:
    """The sheet the settings select, read once (raises WorkbookError when it cannot be read)."""
    workbook, created = open_local_workbook(settings.workbook, settings.seed_dir)
    if created and announce:
        announce(f"Nieuw werkboek gemaakt uit de seed: {workbook.location}")
    source = SnapshotSource(workbook, on_new_problems=on_new_problems)
    source.current()
    return source
