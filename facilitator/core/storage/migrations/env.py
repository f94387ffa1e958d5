"""Alembic environment. At run time the app passes an open connection in
``config.attributes["connection"]`` (see ``facilitator/core/storage/migrate.py``); the URL branch
is only for authors running the ``alembic`` command against a scratch file."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from facilitator.core.storage.models import Base


def _run(connection: Connection) -> None:
    # render_as_batch: SQLite alters most things only by rebuilding the table, which Alembic's
    # batch mode does; autogenerate then writes revisions that work here.
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = context.config.attributes.get("connection")
    if isinstance(connection, Connection):
        _run(connection)
        return
    url = context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no connection given and no sqlalchemy.url configured")
    with create_engine(url).connect() as author_connection:
        _run(author_connection)
        author_connection.commit()


_main()
