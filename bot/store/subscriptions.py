"""Reminder subscriptions: who wants election reminders by DM, in which language (the Slack
App Home switch, `herinneringen aan|uit`). Delivering them is the clock's (deliveries.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Engine, select

from bot.reply import Language
from bot.store.database import now, upsert
from bot.store.schema import reminder_subscriptions


@dataclass(frozen=True)
class Subscription:
    platform: str
    user_id: str
    language: Language
    subscribed: bool


class Subscriptions(Protocol):
    def get(self, platform: str, user_id: str) -> Subscription | None: ...

    def set(
        self, platform: str, user_id: str, *, language: Language, subscribed: bool
    ) -> Subscription: ...

    def subscribers(self, platform: str) -> list[Subscription]:
        """Everyone on `platform` who is subscribed now."""
        ...


def _subscription(row: Any) -> Subscription:
    language: Language = "en" if row.language == "en" else "nl"
    return Subscription(row.platform, row.user_id, language, bool(row.subscribed))


class SqlSubscriptions:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, platform: str, user_id: str) -> Subscription | None:
        table = reminder_subscriptions
        with self.engine.connect() as connection:
            row = connection.execute(
                select(table).where(table.c.platform == platform, table.c.user_id == user_id)
            ).first()
        return _subscription(row) if row is not None else None

    def set(
        self, platform: str, user_id: str, *, language: Language, subscribed: bool
    ) -> Subscription:
        values = {"language": language, "subscribed": subscribed, "updated_at": now()}
        insert = upsert(self.engine, reminder_subscriptions).values(
            platform=platform, user_id=user_id, **values
        )
        with self.engine.begin() as connection:
            connection.execute(
                insert.on_conflict_do_update(index_elements=["platform", "user_id"], set_=values)
            )
        return Subscription(platform, user_id, language, subscribed)

    def subscribers(self, platform: str) -> list[Subscription]:
        table = reminder_subscriptions
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(table).where(table.c.platform == platform, table.c.subscribed.is_(True))
            ).all()
        return [_subscription(row) for row in rows]
