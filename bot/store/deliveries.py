"""The reminder ledger: each reminder reaches each target once, across restarts and processes.

States of a (reminder, target) row: "claimed" while one process sends it, then "sent"; "retry"
when a send failed and the next tick may claim it again; "failed" when the platform says this
target can never receive it. The "*" row closes a reminder whose grace window has passed:
"closed" (every target reached) or "skipped" (some were not).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from sqlalchemy import Engine, delete, select, update

from bot.store.database import now, upsert, utc
from bot.store.schema import reminder_deliveries

CLAIMED, SENT, RETRY, FAILED = "claimed", "sent", "retry", "failed"
CLOSED, SKIPPED = "closed", "skipped"
CLOSING_TARGET = "*"


class DeliveryLedger(Protocol):
    def claim(self, key: str, target: str, *, owner: str, due_at: datetime) -> bool:
        """True for exactly one caller, in any process: the one that may send now."""
        ...

    def finish(self, key: str, target: str, *, owner: str, state: str, detail: str = "") -> None:
        """Record the outcome of `owner`'s claim: SENT, RETRY (released) or FAILED."""
        ...

    def states(self, keys: Iterable[str]) -> dict[str, dict[str, str]]:
        """reminder key -> target -> state, for the given keys (closing rows included)."""
        ...

    def close_reminder(self, key: str, *, state: str, detail: str, due_at: datetime) -> bool:
        """Write the closing row of a reminder whose grace window passed; True for the one
        caller (in any process) that wrote it, so the outcome is logged once."""
        ...

    def prune(self, before: datetime) -> int:
        """Forget every row of the reminders due before `before`; how many rows went."""
        ...


class SqlDeliveryLedger:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def claim(self, key: str, target: str, *, owner: str, due_at: datetime) -> bool:
        # A new pair is claimed by INSERT (the primary key decides the race); a released one by
        # an UPDATE that only matches while it is still released.
        table = reminder_deliveries
        moment = now()
        claim = (
            upsert(self.engine, table)
            .values(
                reminder_key=key,
                target=target,
                state=CLAIMED,
                owner=owner,
                attempts=1,
                detail="",
                due_at=utc(due_at),
                updated_at=moment,
            )
            .on_conflict_do_nothing(index_elements=["reminder_key", "target"])
            # RETURNING, not rowcount: drivers report -1 for an INSERT's rowcount.
            .returning(table.c.reminder_key)
        )
        reclaim = (
            update(table)
            .where(table.c.reminder_key == key, table.c.target == target, table.c.state == RETRY)
            .values(state=CLAIMED, owner=owner, attempts=table.c.attempts + 1, updated_at=moment)
        )
        with self.engine.begin() as connection:
            if connection.execute(claim).first() is not None:
                return True
            return bool(connection.execute(reclaim).rowcount == 1)

    def finish(self, key: str, target: str, *, owner: str, state: str, detail: str = "") -> None:
        table = reminder_deliveries
        with self.engine.begin() as connection:
            connection.execute(
                update(table)
                .where(
                    table.c.reminder_key == key,
                    table.c.target == target,
                    table.c.owner == owner,
                    table.c.state == CLAIMED,
                )
                .values(state=state, detail=detail[:500], updated_at=now())
            )

    def states(self, keys: Iterable[str]) -> dict[str, dict[str, str]]:
        wanted = sorted(set(keys))
        states: dict[str, dict[str, str]] = {key: {} for key in wanted}
        table = reminder_deliveries
        with self.engine.connect() as connection:
            for start in range(0, len(wanted), 500):
                rows = connection.execute(
                    select(table.c.reminder_key, table.c.target, table.c.state).where(
                        table.c.reminder_key.in_(wanted[start : start + 500])
                    )
                ).all()
                for row in rows:
                    states[row.reminder_key][row.target] = row.state
        return states

    def close_reminder(self, key: str, *, state: str, detail: str, due_at: datetime) -> bool:
        closing = (
            upsert(self.engine, reminder_deliveries)
            .values(
                reminder_key=key,
                target=CLOSING_TARGET,
                state=state,
                owner="",
                attempts=0,
                detail=detail[:500],
                due_at=utc(due_at),
                updated_at=now(),
            )
            .on_conflict_do_nothing(index_elements=["reminder_key", "target"])
            .returning(reminder_deliveries.c.reminder_key)
        )
        with self.engine.begin() as connection:
            return connection.execute(closing).first() is not None

    def prune(self, before: datetime) -> int:
        table = reminder_deliveries
        with self.engine.begin() as connection:
            result = connection.execute(delete(table).where(table.c.due_at < utc(before)))
        return result.rowcount
