"""rate limit counters

Revision ID: 5b1e0c7d9a21
Revises: 20c7cf779791
Create Date: 2026-12-03 06:30:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic. Without the example (copier), this follows the users.
revision: str = "5b1e0c7d9a21"
# copier:if example
down_revision: str | Sequence[str] | None = "20c7cf779791"
# copier:end example
# copier:unless example
# down_revision: str | Sequence[str] | None = "93ed762b510c"
# copier:end example
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    # UNLOGGED, as in the model: autogenerate does not write table prefixes.
    op.create_table(
        "rate_limit_counters",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limit_counters")),
        prefixes=["UNLOGGED"],
    )
    op.create_index(
        op.f("ix_rate_limit_counters_expires_at"),
        "rate_limit_counters",
        ["expires_at"],
        unique=False,
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_rate_limit_counters_expires_at"), table_name="rate_limit_counters")
    op.drop_table("rate_limit_counters")
