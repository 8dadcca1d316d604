"""Alembic's environment for the store. bot/store/migrate.py runs it with a connection inside
its locked transaction (online), or with a URL only for `g40bot migrate --sql` (offline)."""

from alembic import context

from bot.store.schema import metadata

config = context.config
if context.is_offline_mode():
    context.configure(url=config.attributes["url"], target_metadata=metadata, literal_binds=True)
else:
    context.configure(connection=config.attributes["connection"], target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
