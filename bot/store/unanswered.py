"""Questions the bot could not answer (or only answered by offering readings), and which
reading people picked: counted per question, with when it was first and last asked — never
who asked. Staff turn them into aliases and questions-and-answers (bot/handlers/unanswered.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Engine, select

from bot.reply import Language
from bot.store.database import aware, upsert, utc
from bot.store.schema import reading_picks, unanswered_questions

MAX_QUESTION = 500


@dataclass(frozen=True)
class Asked:
    key: str
    question: str
    language: Language
    kind: str
    times: int
    first_asked: datetime
    last_asked: datetime


@dataclass(frozen=True)
class Pick:
    key: str
    picked: str
    times: int


class UnansweredLog(Protocol):
    def record(self, key: str, question: str, language: Language, kind: str, at: datetime) -> None:
        """Count one more asking of the question with this key (the latest wording is kept)."""
        ...

    def record_pick(self, key: str, picked: str, at: datetime) -> None:
        """Count that someone picked `picked` among the readings offered for this question."""
        ...

    def asked(self, since: datetime | None = None) -> list[Asked]:
        """Every question counted (last asked at or after `since`), most asked first."""
        ...

    def picks(self) -> list[Pick]: ...


def _asked(row: Any) -> Asked:
    language: Language = "en" if row.language == "en" else "nl"
    return Asked(
        row.question_key,
        row.question,
        language,
        row.kind,
        row.times,
        aware(row.first_asked),
        aware(row.last_asked),
    )


class SqlUnansweredLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, key: str, question: str, language: Language, kind: str, at: datetime) -> None:
        table = unanswered_questions
        moment = utc(at)
        counted = (
            upsert(self.engine, table)
            .values(
                question_key=key[:MAX_QUESTION],
                question=question[:MAX_QUESTION],
                language=language,
                kind=kind,
                times=1,
                first_asked=moment,
                last_asked=moment,
            )
            .on_conflict_do_update(
                index_elements=["question_key"],
                set_={
                    "question": question[:MAX_QUESTION],
                    "language": language,
                    "kind": kind,
                    "times": table.c.times + 1,
                    "last_asked": moment,
                },
            )
        )
        with self.engine.begin() as connection:
            connection.execute(counted)

    def record_pick(self, key: str, picked: str, at: datetime) -> None:
        table = reading_picks
        moment = utc(at)
        counted = (
            upsert(self.engine, table)
            .values(
                question_key=key[:MAX_QUESTION],
                picked=picked[:MAX_QUESTION],
                times=1,
                last_picked=moment,
            )
            .on_conflict_do_update(
                index_elements=["question_key", "picked"],
                set_={"times": table.c.times + 1, "last_picked": moment},
            )
        )
        with self.engine.begin() as connection:
            connection.execute(counted)

    def asked(self, since: datetime | None = None) -> list[Asked]:
        table = unanswered_questions
        query = select(table).order_by(table.c.times.desc(), table.c.last_asked.desc())
        if since is not None:
            query = query.where(table.c.last_asked >= utc(since))
        with self.engine.connect() as connection:
            return [_asked(row) for row in connection.execute(query)]

    def picks(self) -> list[Pick]:
        table = reading_picks
        with self.engine.connect() as connection:
            rows = connection.execute(select(table).order_by(table.c.times.desc())).all()
        return [Pick(row.question_key, row.picked, row.times) for row in rows]
