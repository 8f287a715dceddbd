"""remove the tasks example

A project started without the example (copier, example=false) gets this migration right after
the example's last one (devtools/project/start.py), so its database never keeps the table.

Revision ID: 7a5c0e1d2b3f
Revises: 20c7cf779791
Create Date: 2026-11-22 05:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "7a5c0e1d2b3f"
down_revision: str | Sequence[str] | None = "20c7cf779791"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXED = ("created_at", "due_date", "priority", "status", "updated_at")


def upgrade() -> None:
    """Drop the example's table (its indexes and constraints go with it)."""
    op.drop_table("tasks")


def downgrade() -> None:
    """The table as the example's migrations left it."""
    op.create_table(
        "tasks",
        sa.Column("id", sa.Integer(), sa.Identity(always=False), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "todo",
                "doing",
                "done",
                name="status",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("priority", sa.SmallInteger(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("priority BETWEEN 1 AND 5", name=op.f("ck_tasks_priority_range")),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("fk_tasks_owner_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
        sa.UniqueConstraint("owner_id", "title", name=op.f("uq_tasks_owner_id_title")),
    )
    op.create_index("ix_tasks_owner_id_id", "tasks", ["owner_id", "id"], unique=False)
    for column in INDEXED:
        op.create_index(
            f"ix_tasks_owner_id_{column}_id", "tasks", ["owner_id", column, "id"], unique=False
        )
