"""an index of detractor answers by agent and answer time, for the team overview

The overview counts each agent's detractors of the last days. Without this index the
count read every answer the team's agents ever had (35k rows for one agent with a long
history, ~25 ms a view). Detractors are about one answer in six, so the index costs
the inserts little.

Revision ID: p13b_detractor_index
Revises: h12_user_sessions
Create Date: 2026-12-01 12:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = 'p13b_detractor_index'
down_revision = 'h12_user_sessions'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_survey_responses_agent_detractors', 'survey_responses',
                    ['agent_id', 'answered_at'],
                    sqlite_where=sa.text('score <= 6'), postgresql_where=sa.text('score <= 6'))


def downgrade() -> None:
    op.drop_index('ix_survey_responses_agent_detractors', table_name='survey_responses')
