"""Processed events: a platform's retried delivery (a Slack event, a staff notice) is handled
once, whichever process receives it."""

from __future__ import annotations

from datetime import timedelta
from typing import Protocol

from sqlalchemy import Engine, delete
from sqlalchemy.exc import IntegrityError

from bot.store.database import now
from bot.store.schema import processed_events


class EventClaims(Protocol):
    def claim(self, platform: str, event_id: str) -> bool:
        """True for the first caller with this id, in any process; False for every repeat."""
        ...

    def forget(self, platform: str, event_id: str) -> bool:
        """Undo a claim whose work failed, so a later delivery may try again; True for the
        one caller, in any process, that removed it."""
        ...

    def forget_before(self, age: timedelta) -> int:
        """Drop claims older than `age` (platforms stop retrying within hours)."""
        ...


class SqlEventClaims:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def claim(self, platform: str, event_id: str) -> bool:
        try:
            with self.engine.begin() as connection:
                connection.execute(
                    processed_events.insert().values(
                        platform=platform, event_id=event_id, received_at=now()
                    )
                )
        except IntegrityError:
            return False
        return True

    def forget(self, platform: str, event_id: str) -> bool:
        with self.engine.begin() as connection:
            result = connection.execute(
                delete(processed_events).where(
                    processed_events.c.platform == platform,
                    processed_events.c.event_id == event_id,
                )
            )
        return bool(result.rowcount == 1)

    def forget_before(self, age: timedelta) -> int:
        with self.engine.begin() as connection:
            result = connection.execute(
                delete(processed_events).where(processed_events.c.received_at < now() - age)
            )
        return result.rowcount
