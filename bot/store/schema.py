"""Every table of the store, in one `MetaData`: what the code expects the database to hold.

A change here needs a migration (bot/store/migrations/versions/); tests/test_migrations.py fails
until the migrations produce exactly these tables.
"""

from __future__ import annotations

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

metadata = MetaData()

# --- processed events (idempotency of platform retries) ------------------------------------

processed_events = Table(
    "processed_events",
    metadata,
    Column("platform", String(32), nullable=False),
    Column("event_id", String(200), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("platform", "event_id", name="pk_processed_events"),
)

# --- reminder subscriptions (App Home toggle; delivery is the reminders feature's) ----------

reminder_subscriptions = Table(
    "reminder_subscriptions",
    metadata,
    Column("platform", String(32), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("language", String(2), nullable=False),
    Column("subscribed", Boolean, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("platform", "user_id", name="pk_reminder_subscriptions"),
)

# --- reminder deliveries (the clock's ledger: each reminder once per target) ----------------

reminder_deliveries = Table(
    "reminder_deliveries",
    metadata,
    # PlannedReminder.key (phase|offset|date): a moved date is a new key.
    Column("reminder_key", String(400), nullable=False),
    # "slack:channel:C0123", "slack:user:U0123"; "*" is the reminder's closing record.
    Column("target", String(250), nullable=False),
    Column("state", String(16), nullable=False),
    Column("owner", String(64), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("detail", String(500), nullable=False),
    Column("due_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("reminder_key", "target", name="pk_reminder_deliveries"),
)

# --- Teams conversation references (proactive messages need them) -------------------------

teams_conversations = Table(
    "teams_conversations",
    metadata,
    # A personal chat "a:1…", a channel "19:…@thread.tacv2" (without ";messageid=…"), a group chat.
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

# Sends the connector refused because the app was removed (403/404): the reference is dropped.
teams_dropped_conversations = Table(
    "teams_dropped_conversations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(512), nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("status", Integer, nullable=False),
    Column("dropped_at", DateTime(timezone=True), nullable=False),
)

# --- candidacies: records, the sheet outbox, the audit log ----------------------------------

candidacies = Table(
    "candidacies",
    metadata,
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
# One active candidacy per person per function, whatever races between processes.
Index(
    "uq_candidacies_active",
    candidacies.c.platform,
    candidacies.c.user_id,
    candidacies.c.role,
    unique=True,
    sqlite_where=candidacies.c.status == "ingediend",
    postgresql_where=candidacies.c.status == "ingediend",
)

# Sheet writes not yet done: stored in the same transaction as the change they carry, so a
# candidacy is never lost between the store and the sheet; drained by handlers.candidacy.
candidacy_outbox = Table(
    "candidacy_outbox",
    metadata,
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
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("platform", String(32), nullable=False),
    Column("actor", String(200), nullable=False),
    Column("submission_id", String(40), nullable=False, index=True),
    Column("action", String(40), nullable=False),
    Column("detail", String(500), nullable=False),
)

# --- questions the bot could not answer (bot/handlers/unanswered.py) ------------------------
# Text and dates only, never who asked: staff read them to teach the bot (the Onbeantwoord tab).

unanswered_questions = Table(
    "unanswered_questions",
    metadata,
    # The question folded to its words, so "Wie is X?" and "wie is x" count as one.
    Column("question_key", String(500), nullable=False),
    Column("question", Text, nullable=False),
    Column("language", String(2), nullable=False),
    # "fallback" (no answer) or "clarify" (only readings offered).
    Column("kind", String(16), nullable=False),
    Column("times", Integer, nullable=False),
    Column("first_asked", DateTime(timezone=True), nullable=False),
    Column("last_asked", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("question_key", name="pk_unanswered_questions"),
)

# Which offered reading people picked for a question: the strongest hint of a missing alias.
reading_picks = Table(
    "reading_picks",
    metadata,
    Column("question_key", String(500), nullable=False),
    Column("picked", String(500), nullable=False),
    Column("times", Integer, nullable=False),
    Column("last_picked", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("question_key", "picked", name="pk_reading_picks"),
)
