"""what the scorer found in each reply, so the customer can answer what was said

Revision ID: t11_reply_findings
Revises: h12_user_sessions
Create Date: 2026-12-01 12:30:00
"""
from alembic import op
import sqlalchemy as sa


revision = 't11_reply_findings'
down_revision = 'h12_user_sessions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('replies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('findings', sa.Text(), server_default='{}',
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('replies', schema=None) as batch_op:
        batch_op.drop_column('findings')
