"""tnps monthly rollup, filled from tnps_daily

Reports over long ranges read whole months here instead of ~30 daily rows each.

Revision ID: 89d25f16458d
Revises: adf2050e1d6d
Create Date: 2026-11-22 12:08:21.812082
"""
from alembic import op
import sqlalchemy as sa


revision = '89d25f16458d'
down_revision = 'adf2050e1d6d'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tnps_monthly',
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=3), nullable=False),
    sa.Column('promoters', sa.Integer(), nullable=False),
    sa.Column('passives', sa.Integer(), nullable=False),
    sa.Column('detractors', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_tnps_monthly_agent_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('month', 'agent_id', 'channel', name=op.f('pk_tnps_monthly'))
    )
    with op.batch_alter_table('tnps_monthly', schema=None) as batch_op:
        batch_op.create_index('ix_tnps_monthly_agent_month', ['agent_id', 'month'], unique=False)

    # An existing install has days counted already: their months start from them, in the
    # same transaction, so a report never sees the new table empty beside a full daily one.
    if op.get_bind().dialect.name == "sqlite":
        month = "strftime('%Y-%m-01', day)"  # Date is 'YYYY-MM-DD' text on SQLite
    else:
        month = "CAST(date_trunc('month', day) AS date)"
    op.execute(
        "INSERT INTO tnps_monthly (month, agent_id, channel, promoters, passives, detractors) "
        f"SELECT {month}, agent_id, channel, SUM(promoters), SUM(passives), SUM(detractors) "
        f"FROM tnps_daily GROUP BY {month}, agent_id, channel"
    )


def downgrade() -> None:
    with op.batch_alter_table('tnps_monthly', schema=None) as batch_op:
        batch_op.drop_index('ix_tnps_monthly_agent_month')

    op.drop_table('tnps_monthly')
