"""an index of answers by agent and answer time, for the team overview

The overview counts each agent's answers and detractors of the last days. Without this
index the count read every answer the team's agents ever had (35k rows for one agent with
a long history, ~25 ms a view).

Revision ID: p13b_agent_answered_index
Revises: c15_centre
Create Date: 2026-12-01 12:20:00
"""
from alembic import op

revision = 'p13b_agent_answered_index'
down_revision = 'c15_centre'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_survey_responses_agent_answered', 'survey_responses',
                    ['agent_id', 'answered_at'])


def downgrade() -> None:
    op.drop_index('ix_survey_responses_agent_answered', table_name='survey_responses')
