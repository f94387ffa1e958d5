"""Summaries exported as accessible web pages.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

The summary can be written as HTML as well as PDF (issue 17, decision 0014). ``exports.kind``
gains "html" so such a file is recorded as what it is, and offered for deletion with its
session like the others. SQLite cannot alter a CHECK constraint, so the table is rebuilt
(Alembic's batch mode copies the rows across).
"""

from __future__ import annotations

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def _kinds(*kinds: str) -> str:
    return f"kind IN ({', '.join(repr(kind) for kind in kinds)})"


def upgrade() -> None:
    with op.batch_alter_table("exports", recreate="always") as batch:
        batch.drop_constraint("ck_exports_kind", type_="check")
        batch.create_check_constraint(op.f("ck_exports_kind"), _kinds("pdf", "csv", "json", "html"))


def downgrade() -> None:
    # An older version knows no HTML export: its records go, the files stay where they are.
    op.execute("DELETE FROM exports WHERE kind = 'html'")
    with op.batch_alter_table("exports", recreate="always") as batch:
        batch.drop_constraint("ck_exports_kind", type_="check")
        batch.create_check_constraint(op.f("ck_exports_kind"), _kinds("pdf", "csv", "json"))
