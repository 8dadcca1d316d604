"""Questions the bot could not answer, and the readings people picked: the loop with staff.

Frozen like every released revision: later changes are later revisions.
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Column, DateTime, Integer, PrimaryKeyConstraint, String, Text

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "unanswered_questions",
        Column("question_key", String(500), nullable=False),
        Column("question", Text, nullable=False),
        Column("language", String(2), nullable=False),
        Column("kind", String(16), nullable=False),
        Column("times", Integer, nullable=False),
        Column("first_asked", DateTime(timezone=True), nullable=False),
        Column("last_asked", DateTime(timezone=True), nullable=False),
        PrimaryKeyConstraint("question_key", name="pk_unanswered_questions"),
    )
    op.create_table(
        "reading_picks",
        Column("question_key", String(500), nullable=False),
        Column("picked", String(500), nullable=False),
        Column("times", Integer, nullable=False),
        Column("last_picked", DateTime(timezone=True), nullable=False),
        PrimaryKeyConstraint("question_key", "picked", name="pk_reading_picks"),
    )


def downgrade() -> None:
    op.drop_table("reading_picks")
    op.drop_table("unanswered_questions")
