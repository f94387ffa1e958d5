"""Self-study answers and progress.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-10

A person can take a module alone and keep a logbook of their answers (issue 19). The answers
and where the person is in each module get tables of their own, with no foreign key into the
session tables: they are personal, so nothing that gathers a group session's content can
reach them, and deleting a session leaves them alone.

Written out in full, like 0001 and 0002, so it keeps doing the same thing when the models
move on. New tables only: nothing existing is rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

TIMESTAMP = sa.String(27)


def upgrade() -> None:
    op.create_table(
        "self_study_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("module_id", sa.Text(), nullable=False),
        sa.Column("module_version", sa.Text(), nullable=False),
        sa.Column("module_title", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Text(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("answered_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_self_study_answers"),
        sa.UniqueConstraint("uuid", name="uq_self_study_answers_uuid"),
        sa.UniqueConstraint(
            "module_id", "step_id", name="uq_self_study_answers_module_id_step_id"
        ),
    )
    op.create_index("ix_self_study_answers_updated_at", "self_study_answers", ["updated_at"])
    op.create_table(
        "self_study_progress",
        sa.Column("module_id", sa.Text(), nullable=False),
        sa.Column("module_version", sa.Text(), nullable=False),
        sa.Column("current_step_id", sa.Text(), nullable=True),
        sa.Column("started_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("module_id", name="pk_self_study_progress"),
    )


def downgrade() -> None:
    # An older version knows no self-study: the answers go with their tables.
    op.drop_table("self_study_progress")
    op.drop_index("ix_self_study_answers_updated_at", table_name="self_study_answers")
    op.drop_table("self_study_answers")
