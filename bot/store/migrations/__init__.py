"""The store's Alembic migrations, run by bot/store/migrate.py (no alembic.ini needed).

To change the schema: edit bot/store/schema.py, then add `versions/vNNNN_what.py` with
`revision = "NNNN"`, `down_revision` = the previous one and `upgrade()` / `downgrade()` written
with `alembic.op`, and set `HEAD_REVISION` in bot/store/migrate.py. tests/test_migrations.py
fails, showing the difference, until the migrations produce exactly the tables of schema.py.
Never edit a revision that has been released: a database that ran it will not run it again.
"""
