"""tnps_topic_daily summed per local month

My TNPS tallies an agent's comment topics over six months: some 900 daily topic rows a
view. tnps_topic_monthly holds their month sums (whole months are read there, the first
month's days from the daily rows), kept by the rollup's writer; existing days are summed
here.

Revision ID: p14c_topic_monthly
Revises: p14b_team_daily
Create Date: 2026-12-02 00:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = 'p14c_topic_monthly'
down_revision = 'p14b_team_daily'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tnps_topic_monthly',
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('topic', sa.String(length=12), nullable=False),
    sa.Column('promoters', sa.Integer(), nullable=False),
    sa.Column('passives', sa.Integer(), nullable=False),
    sa.Column('detractors', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_tnps_topic_monthly_agent_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agent_id', 'month', 'topic', name=op.f('pk_tnps_topic_monthly'))
    )
    if op.get_bind().dialect.name == "sqlite":
        month = "strftime('%Y-%m-01', day)"  # Date is 'YYYY-MM-DD' text on SQLite
    else:
        month = "CAST(date_trunc('month', day) AS date)"
    op.execute(
        "INSERT INTO tnps_topic_monthly (agent_id, month, topic, promoters, passives, "
        f"detractors) SELECT agent_id, {month}, topic, SUM(promoters), SUM(passives), "
        f"SUM(detractors) FROM tnps_topic_daily GROUP BY agent_id, {month}, topic"
    )


def downgrade() -> None:
    op.drop_table('tnps_topic_monthly')
