"""one customer, one voice (customer hash, repeat_of) and leads' notes on fairness flags

Revision ID: f16_fair_numbers
Revises: l11_reply_reviews
Create Date: 2026-12-01 12:20:00
"""
from alembic import op
import sqlalchemy as sa
import lab.db


revision = 'f16_fair_numbers'
down_revision = 'l11_reply_reviews'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('customer_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('repeat_of', sa.Integer(), nullable=True))
        batch_op.create_index('ix_survey_responses_customer', ['customer_hash', 'call_ended_at'],
                              unique=False,
                              sqlite_where=sa.text('customer_hash IS NOT NULL'),
                              postgresql_where=sa.text('customer_hash IS NOT NULL'))
    op.create_table('fairness_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_fairness_reviews_agent_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_fairness_reviews_reviewer_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fairness_reviews'))
    )
    with op.batch_alter_table('fairness_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_fairness_reviews_agent', ['agent_id', 'kind', 'created_at'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('fairness_reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_fairness_reviews_agent')
    op.drop_table('fairness_reviews')
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_responses_customer')
        batch_op.drop_column('repeat_of')
        batch_op.drop_column('customer_hash')
