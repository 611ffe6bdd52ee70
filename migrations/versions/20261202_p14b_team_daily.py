"""the team's daily counts, summed over its current members

My TNPS shows the agent's team beside the agent; summing the members' tnps_daily rows
read every agent's days of six months on each view. tnps_team_daily holds the sums per
team and local day, kept by the rollup's writer and recounted when an agent changes
team; existing rows are summed here.

Revision ID: p14b_team_daily
Revises: p14_comment_monthly
Create Date: 2026-12-02 00:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = 'p14b_team_daily'
down_revision = 'p14_comment_monthly'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tnps_team_daily',
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('promoters', sa.Integer(), nullable=False),
    sa.Column('passives', sa.Integer(), nullable=False),
    sa.Column('detractors', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['teams.id'], name=op.f('fk_tnps_team_daily_team_id_teams'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('team_id', 'day', name=op.f('pk_tnps_team_daily'))
    )
    op.execute(
        "INSERT INTO tnps_team_daily (team_id, day, promoters, passives, detractors) "
        "SELECT users.team_id, tnps_daily.day, SUM(tnps_daily.promoters), "
        "SUM(tnps_daily.passives), SUM(tnps_daily.detractors) "
        "FROM tnps_daily JOIN users ON users.id = tnps_daily.agent_id "
        "WHERE users.team_id IS NOT NULL GROUP BY users.team_id, tnps_daily.day")


def downgrade() -> None:
    op.drop_table('tnps_team_daily')
