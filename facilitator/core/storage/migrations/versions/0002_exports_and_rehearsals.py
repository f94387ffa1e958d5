"""Exported files and rehearsals.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03

``exports`` records every file the app writes from a session, so deleting the session can
say which of them still exist and offer to delete them too. ``sessions.rehearsal`` marks a
rehearsal, which stays out of period reports and, by default, out of the history.

Written out in full, like 0001, so it keeps doing the same thing when the models move on.
Adding a column with a constant default needs no table rebuild on SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

TIMESTAMP = sa.String(27)


def upgrade() -> None:
    op.add_column(
        "sessions",
        sa.Column("rehearsal", sa.Boolean(), nullable=False, server_default=sa.text("0")),
    )
    op.create_table(
        "exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_exports"),
        sa.CheckConstraint("kind IN ('pdf', 'csv', 'json')", name="ck_exports_kind"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            ondelete="CASCADE",
            name="fk_exports_session_id_sessions",
        ),
    )
    op.create_index("ix_exports_session_id", "exports", ["session_id"])


def downgrade() -> None:
    op.drop_index("ix_exports_session_id", table_name="exports")
    op.drop_table("exports")
    with op.batch_alter_table("sessions") as batch:
        batch.drop_column("rehearsal")
