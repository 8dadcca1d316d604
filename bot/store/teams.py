"""Teams conversation references: where a proactive message (a reminder, a staff notice) can
go, and the references Teams refused because the app was removed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Engine, delete, select

from bot.store.database import aware, now, upsert
from bot.store.schema import teams_conversations, teams_dropped_conversations


@dataclass(frozen=True)
class TeamsConversation:
    """Where a proactive Teams message can go; empty strings where Teams sent no value."""

    conversation_id: str
    conversation_type: str
    service_url: str
    tenant_id: str
    user_id: str = ""
    user_aad_object_id: str = ""
    team_id: str = ""
    channel_id: str = ""
    bot_id: str = ""
    locale: str = ""


@dataclass(frozen=True)
class DroppedTeamsConversation:
    conversation_id: str
    user_id: str
    status: int
    dropped_at: datetime


class TeamsConversations(Protocol):
    def save(self, conversation: TeamsConversation) -> None:
        """Insert or replace: the latest service URL and ids win."""
        ...

    def get(self, conversation_id: str) -> TeamsConversation | None: ...

    def personal(self, user_key: str) -> TeamsConversation | None:
        """The personal chat with a user, by Teams user id (29:…) or Entra object id."""
        ...

    def all(self) -> list[TeamsConversation]: ...

    def drop(self, conversation_id: str, *, status: int) -> None:
        """Forget a reference Teams refused (app removed), and record why."""
        ...

    def dropped(self) -> list[DroppedTeamsConversation]: ...


_FIELDS = tuple(field.name for field in fields(TeamsConversation))


def _conversation(row: Any) -> TeamsConversation:
    return TeamsConversation(**{name: getattr(row, name) for name in _FIELDS})


class SqlTeamsConversations:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def save(self, conversation: TeamsConversation) -> None:
        values = {**asdict(conversation), "updated_at": now()}
        changes = {key: value for key, value in values.items() if key != "conversation_id"}
        insert = upsert(self.engine, teams_conversations).values(**values)
        with self.engine.begin() as connection:
            connection.execute(
                insert.on_conflict_do_update(index_elements=["conversation_id"], set_=changes)
            )

    def get(self, conversation_id: str) -> TeamsConversation | None:
        table = teams_conversations
        with self.engine.connect() as connection:
            row = connection.execute(
                select(table).where(table.c.conversation_id == conversation_id)
            ).first()
        return _conversation(row) if row is not None else None

    def personal(self, user_key: str) -> TeamsConversation | None:
        table = teams_conversations
        with self.engine.connect() as connection:
            row = connection.execute(
                select(table)
                .where(
                    table.c.conversation_type == "personal",
                    (table.c.user_id == user_key) | (table.c.user_aad_object_id == user_key),
                )
                .order_by(table.c.updated_at.desc())
            ).first()
        return _conversation(row) if row is not None else None

    def all(self) -> list[TeamsConversation]:
        table = teams_conversations
        with self.engine.connect() as connection:
            rows = connection.execute(select(table).order_by(table.c.conversation_id)).all()
        return [_conversation(row) for row in rows]

    def drop(self, conversation_id: str, *, status: int) -> None:
        table = teams_conversations
        with self.engine.begin() as connection:
            row = connection.execute(
                select(table.c.user_id).where(table.c.conversation_id == conversation_id)
            ).first()
            connection.execute(delete(table).where(table.c.conversation_id == conversation_id))
            connection.execute(
                teams_dropped_conversations.insert().values(
                    conversation_id=conversation_id,
                    user_id=row.user_id if row is not None else "",
                    status=status,
                    dropped_at=now(),
                )
            )

    def dropped(self) -> list[DroppedTeamsConversation]:
        table = teams_dropped_conversations
        with self.engine.connect() as connection:
            rows = connection.execute(select(table).order_by(table.c.id)).all()
        return [
            DroppedTeamsConversation(
                row.conversation_id, row.user_id, row.status, aware(row.dropped_at)
            )
            for row in rows
        ]
