"""GET /healthz, the same on Slack and Teams: is there a snapshot to answer from, how old is
it, did the last read of the sheet fail (and since when), and does the store answer.

503 when the bot cannot do its work (no snapshot, or the store is down); 200 otherwise, also
while it serves the last good version of a sheet it cannot read now ("degraded"). The body
names no file, spreadsheet or account: /healthz is public, the log has the full message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.models import SourceHealth
from bot.store import Store


class HealthSource(Protocol):
    def health(self) -> SourceHealth: ...


def store_reachable(store: Store) -> bool:
    try:
        with store.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return False
    return True


def _moment(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None


def _seconds(since: datetime | None, now: datetime) -> int | None:
    return None if since is None else max(0, round((now - since).total_seconds()))


def health_report(
    source: HealthSource | None,
    store: Store,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> tuple[int, dict[str, Any]]:
    """(HTTP status, JSON body) for /healthz."""
    moment = now()
    sheet = source.health() if source is not None else None
    reachable = store_reachable(store)
    serving = sheet is not None and sheet.serving
    if not serving or not reachable:
        status = "unavailable"
    elif sheet is not None and sheet.degraded:
        status = "degraded"
    else:
        status = "ok"
    error = None
    if sheet is not None and sheet.error_kind is not None:
        error = {
            "kind": sheet.error_kind,
            "since": _moment(sheet.failing_since),
            "seconds": _seconds(sheet.failing_since, moment),
        }
    body = {
        "status": status,
        "snapshot": {
            "read_at": _moment(sheet.read_at) if sheet else None,
            "age_seconds": _seconds(sheet.read_at, moment) if sheet else None,
            "kept_tabs": list(sheet.kept_tabs) if sheet else [],
            "unreadable_tabs": list(sheet.unreadable_tabs) if sheet else [],
        },
        "last_refresh_error": error,
        "store": {"reachable": reachable},
    }
    return (503 if status == "unavailable" else 200), body
