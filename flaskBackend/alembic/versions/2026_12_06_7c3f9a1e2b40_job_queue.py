"""job queue (procrastinate's tables and functions)

Revision ID: 7c3f9a1e2b40
Revises: e44b5134f0d7
Create Date: 2026-12-06 02:45:00.000000

"""

from collections.abc import Sequence

from alembic import op
from procrastinate.schema import SchemaManager

# revision identifiers, used by Alembic.
revision: str = "7c3f9a1e2b40"
down_revision: str | Sequence[str] | None = "e44b5134f0d7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# procrastinate's objects all start with procrastinate_; alembic/env.py leaves them out of
# autogenerate. A later procrastinate release ships its own SQL migrations
# (procrastinate/sql/migrations/): apply the new ones in a new revision, in their order.
DROP_ALL = r"""
DO $$
DECLARE item record;
BEGIN
    FOR item IN SELECT p.oid::regprocedure AS name FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND p.proname LIKE 'procrastinate\_%' LOOP
        EXECUTE format('DROP FUNCTION %s CASCADE', item.name);
    END LOOP;
    FOR item IN SELECT tablename AS name FROM pg_tables
            WHERE schemaname = current_schema() AND tablename LIKE 'procrastinate\_%' LOOP
        EXECUTE format('DROP TABLE %I CASCADE', item.name);
    END LOOP;
    FOR item IN SELECT t.typname AS name FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname = current_schema() AND t.typname LIKE 'procrastinate\_%'
            AND t.typtype IN ('c', 'e') LOOP
        EXECUTE format('DROP TYPE IF EXISTS %I CASCADE', item.name);
    END LOOP;
END $$;
"""


def upgrade() -> None:
    """Upgrade schema."""
    # The driver's own execute: both scripts hold % signs and many statements, and no parameters.
    op.get_bind().connection.driver_connection.execute(SchemaManager.get_schema())


def downgrade() -> None:
    """Downgrade schema."""
    op.get_bind().connection.driver_connection.execute(DROP_ALL)
