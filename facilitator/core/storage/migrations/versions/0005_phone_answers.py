"""Answers from the group's phones.

Revision ID: 0005
Revises: 0004
Create Date: 2027-01-15

Participants may answer from their phones on the room's own network (issue 20). Their answers
get a table of their own, tied to the session (deleted with it), with the device only as a
salted hash. A reflection made from an approved answer says so: ``reflections.source`` is
"phones" for it and "leader" for everything typed by the leader, which every existing row is.

Written out in full, like the earlier revisions. A new table and one added column with a
default: nothing existing is rebuilt.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

TIMESTAMP = sa.String(27)


def upgrade() -> None:
    op.add_column(
        "reflections",
        sa.Column("source", sa.String(16), nullable=False, server_default="leader"),
    )
    op.create_table(
        "phone_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(36), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("step_key", sa.Text(), nullable=False),
        sa.Column("question_key", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("question_text", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("option_index", sa.Integer(), nullable=True),
        sa.Column("option_text", sa.Text(), nullable=True),
        sa.Column("device_hash", sa.String(64), nullable=False),
        sa.Column("nonce", sa.String(64), nullable=False),
        sa.Column("received_at", TIMESTAMP, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reflection_uuid", sa.String(36), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_phone_answers"),
        sa.UniqueConstraint("uuid", name="uq_phone_answers_uuid"),
        sa.UniqueConstraint(
            "session_id",
            "device_hash",
            "nonce",
            "question_key",
            name="uq_phone_answers_session_id_device_hash_nonce_question_key",
        ),
        sa.CheckConstraint(
            "kind IN ('prompt', 'reflection', 'evaluation')", name="ck_phone_answers_kind"
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'approved', 'rejected')", name="ck_phone_answers_status"
        ),
        sa.CheckConstraint(
            "(text IS NULL) != (option_index IS NULL)", name="ck_phone_answers_text_or_option"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            ondelete="CASCADE",
            name="fk_phone_answers_session_id_sessions",
        ),
    )
    op.create_index(
        "ix_phone_answers_session_id_status", "phone_answers", ["session_id", "status"]
    )


def downgrade() -> None:
    # An older version knows no phones: their answers go with the table, and a reflection
    # made from one stays as a reflection.
    op.drop_index("ix_phone_answers_session_id_status", table_name="phone_answers")
    op.drop_table("phone_answers")
    with op.batch_alter_table("reflections") as batch:
        batch.drop_column("source")
