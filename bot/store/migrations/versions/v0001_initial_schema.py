"""The first schema, as create_all made it before there were migrations.

Processed events, reminder subscriptions and deliveries, Teams conversations, candidacies with
their outbox and audit log.

The tables below are a frozen copy, never to be edited: later changes are later revisions.
bot/store/migrate.py also uses this copy to adopt a database that create_all made (it creates
only the tables such a database lacks, then stamps this revision).
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)
from sqlalchemy.schema import CreateIndex, CreateTable, DropTable

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

frozen = MetaData()

processed_events = Table(
    "processed_events",
    frozen,
    Column("platform", String(32), nullable=False),
    Column("event_id", String(200), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("platform", "event_id", name="pk_processed_events"),
)

reminder_subscriptions = Table(
    "reminder_subscriptions",
    frozen,
    Column("platform", String(32), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("language", String(2), nullable=False),
    Column("subscribed", Boolean, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("platform", "user_id", name="pk_reminder_subscriptions"),
)

reminder_deliveries = Table(
    "reminder_deliveries",
    frozen,
    Column("reminder_key", String(400), nullable=False),
    Column("target", String(250), nullable=False),
    Column("state", String(16), nullable=False),
    Column("owner", String(64), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("detail", String(500), nullable=False),
    Column("due_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("reminder_key", "target", name="pk_reminder_deliveries"),
)

teams_conversations = Table(
    "teams_conversations",
    frozen,
    Column("conversation_id", String(512), nullable=False),
    Column("conversation_type", String(32), nullable=False),
    Column("service_url", String(500), nullable=False),
    Column("tenant_id", String(100), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("user_aad_object_id", String(100), nullable=False),
    Column("team_id", String(200), nullable=False),
    Column("channel_id", String(200), nullable=False),
    Column("bot_id", String(200), nullable=False),
    Column("locale", String(20), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("conversation_id", name="pk_teams_conversations"),
)

teams_dropped_conversations = Table(
    "teams_dropped_conversations",
    frozen,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(512), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("status", Integer, nullable=False),
    Column("dropped_at", DateTime(timezone=True), nullable=False),
)

candidacies = Table(
    "candidacies",
    frozen,
    Column("submission_id", String(40), primary_key=True),
    Column("platform", String(32), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("role", String(100), nullable=False),
    Column("name", String(100), nullable=False),
    Column("email", String(254), nullable=False),
    Column("municipality", String(100), nullable=False),
    Column("office", String(20), nullable=False),
    Column("motivation", Text, nullable=False),
    Column("language", String(2), nullable=False),
    Column("status", String(16), nullable=False),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index(
    "uq_candidacies_active",
    candidacies.c.platform,
    candidacies.c.user_id,
    candidacies.c.role,
    unique=True,
    sqlite_where=candidacies.c.status == "ingediend",
    postgresql_where=candidacies.c.status == "ingediend",
)

candidacy_outbox = Table(
    "candidacy_outbox",
    frozen,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("submission_id", String(40), nullable=False, index=True),
    Column("operation", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", String(500), nullable=False, default=""),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("claimed_until", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("done_at", DateTime(timezone=True), nullable=True),
)

candidacy_audit = Table(
    "candidacy_audit",
    frozen,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("platform", String(32), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("submission_id", String(40), nullable=False, index=True),
    Column("action", String(40), nullable=False),
    Column("detail", String(500), nullable=False),
)


def upgrade() -> None:
    # The DDL create_all emitted, also as text for `g40bot migrate --sql`.
    for table in frozen.sorted_tables:
        op.execute(CreateTable(table))
        for index in sorted(table.indexes, key=lambda index: str(index.name)):
            op.execute(CreateIndex(index))


def downgrade() -> None:
    for table in reversed(frozen.sorted_tables):
        op.execute(DropTable(table))
