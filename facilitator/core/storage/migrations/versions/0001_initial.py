"""The first schema: sessions and everything recorded during them.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Written out in full rather than derived from the models, so this revision keeps creating the
same schema when the models move on. Timestamps are fixed-width UTC text (27 characters).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

TIMESTAMP = sa.String(27)


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("plan_json", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("leader_name", sa.Text(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("current_step_key", sa.Text(), nullable=True),
        sa.Column("engine_state_json", sa.Text(), nullable=True),
        sa.Column("started_at", TIMESTAMP, nullable=True),
        sa.Column("ended_at", TIMESTAMP, nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.UniqueConstraint("uuid", name="uq_sessions_uuid"),
        sa.CheckConstraint(
            "status IN ('planned', 'running', 'interrupted', 'finished')",
            name="ck_sessions_status",
        ),
    )
    op.create_index("ix_sessions_started_at", "sessions", ["started_at"])
    op.create_index("ix_sessions_status_started_at", "sessions", ["status", "started_at"])

    op.create_table(
        "session_modules",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("module_id", sa.Text(), nullable=False),
        sa.Column("version", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("session_id", "position", name="pk_session_modules"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            ondelete="CASCADE",
            name="fk_session_modules_session_id_sessions",
        ),
    )
    op.create_index("ix_session_modules_module_id", "session_modules", ["module_id"])

    op.create_table(
        "step_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("step_key", sa.Text(), nullable=False),
        sa.Column("module_id", sa.Text(), nullable=False),
        sa.Column("step_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("planned_seconds", sa.Integer(), nullable=False),
        sa.Column("actual_seconds", sa.Integer(), nullable=True),
        sa.Column("skipped", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_step_runs"),
        sa.UniqueConstraint("session_id", "step_key", name="uq_step_runs_session_id_step_key"),
        sa.CheckConstraint("planned_seconds >= 0", name="ck_step_runs_planned_seconds"),
        sa.CheckConstraint(
            "actual_seconds IS NULL OR actual_seconds >= 0", name="ck_step_runs_actual_seconds"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            ondelete="CASCADE",
            name="fk_step_runs_session_id_sessions",
        ),
    )

    op.create_table(
        "reflections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("step_key", sa.Text(), nullable=False),
        sa.Column("prompt_text", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("edited_at", TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_reflections"),
        sa.UniqueConstraint("uuid", name="uq_reflections_uuid"),
        sa.CheckConstraint(
            "kind IN ('note', 'quote', 'parking', 'action')", name="ck_reflections_kind"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            ondelete="CASCADE",
            name="fk_reflections_session_id_sessions",
        ),
    )
    op.create_index(
        "ix_reflections_session_id_step_key", "reflections", ["session_id", "step_key"]
    )

    counts = (
        "women",
        "men",
        "other",
        "not_stated",
        "integration_staff",
        "newcomer_staff",
        "managers",
        "elected",
        "volunteers",
    )
    op.create_table(
        "attendance",
        sa.Column("session_id", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in counts),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("session_id", name="pk_attendance"),
        *(sa.CheckConstraint(f"{name} >= 0", name=f"ck_attendance_{name}") for name in counts),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            ondelete="CASCADE",
            name="fk_attendance_session_id_sessions",
        ),
    )

    op.create_table(
        "evaluation_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("question_position", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Text(), nullable=False),
        sa.Column("question_text", sa.Text(), nullable=False),
        sa.Column("option_index", sa.Integer(), nullable=False),
        sa.Column("option_text", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("knowledge_indicator", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evaluation_answers"),
        sa.UniqueConstraint(
            "session_id",
            "question_id",
            "option_index",
            name="uq_evaluation_answers_session_id_question_id_option_index",
        ),
        sa.CheckConstraint("count >= 0", name="ck_evaluation_answers_count"),
        sa.CheckConstraint("option_index >= 0", name="ck_evaluation_answers_option_index"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            ondelete="CASCADE",
            name="fk_evaluation_answers_session_id_sessions",
        ),
    )

    op.create_table(
        "private_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("step_key", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_private_notes"),
        sa.UniqueConstraint("session_id", "step_key", name="uq_private_notes_session_id_step_key"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            ondelete="CASCADE",
            name="fk_private_notes_session_id_sessions",
        ),
    )


def downgrade() -> None:
    for table in (
        "private_notes",
        "evaluation_answers",
        "attendance",
        "reflections",
        "step_runs",
        "session_modules",
        "sessions",
    ):
        op.drop_table(table)
