"""survey responses, quarantine, sync state, daily rollup

Revision ID: f20c19a0924c
Revises: be0762708cf1
Create Date: 2026-11-22 10:51:30.748851
"""
from alembic import op
import sqlalchemy as sa
import lab.db


revision = 'f20c19a0924c'
down_revision = 'be0762708cf1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('quarantine',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('received_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=6), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('response_id', sa.String(length=200), nullable=True),
    sa.Column('agent_login', sa.String(length=200), nullable=True),
    sa.Column('store_id', sa.BigInteger(), nullable=True),
    sa.Column('resolved_at', lab.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('resolution', sa.String(length=20), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarantine')),
    sa.UniqueConstraint('fingerprint', name=op.f('uq_quarantine_fingerprint'))
    )
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.create_index('ix_quarantine_open', ['resolved_at', 'reason'], unique=False)

    op.create_table('sync_state',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('store', sa.String(length=400), nullable=False),
    sa.Column('cursor_id', sa.BigInteger(), nullable=False),
    sa.Column('last_run_at', lab.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_success_at', lab.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error_at', lab.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('lag', sa.BigInteger(), nullable=True),
    sa.Column('taken', sa.BigInteger(), nullable=False),
    sa.Column('duplicate', sa.BigInteger(), nullable=False),
    sa.Column('quarantined', sa.BigInteger(), nullable=False),
    sa.Column('late', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_sync_state'))
    )
    op.create_table('survey_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.String(length=100), nullable=False),
    sa.Column('store_id', sa.BigInteger(), nullable=True),
    sa.Column('call_id', sa.String(length=100), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=3), nullable=False),
    sa.Column('call_ended_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sent_at', lab.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('answered_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('score', sa.SmallInteger(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('late_reason', sa.String(length=20), nullable=True),
    sa.Column('source', sa.String(length=6), nullable=False),
    sa.Column('received_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint("channel IN ('ivr', 'sms')", name=op.f('ck_survey_responses_channel')),
    sa.CheckConstraint("source IN ('sync', 'push', 'import')", name=op.f('ck_survey_responses_source')),
    sa.CheckConstraint('score BETWEEN 0 AND 10', name=op.f('ck_survey_responses_score')),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_survey_responses_agent_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_responses')),
    sa.UniqueConstraint('response_id', name=op.f('uq_survey_responses_response_id'))
    )
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.create_index('ix_survey_responses_agent_ended', ['agent_id', 'call_ended_at'], unique=False)

    op.create_table('tnps_daily',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=3), nullable=False),
    sa.Column('promoters', sa.Integer(), nullable=False),
    sa.Column('passives', sa.Integer(), nullable=False),
    sa.Column('detractors', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_tnps_daily_agent_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('day', 'agent_id', 'channel', name=op.f('pk_tnps_daily'))
    )
    with op.batch_alter_table('tnps_daily', schema=None) as batch_op:
        batch_op.create_index('ix_tnps_daily_agent_day', ['agent_id', 'day'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('tnps_daily', schema=None) as batch_op:
        batch_op.drop_index('ix_tnps_daily_agent_day')

    op.drop_table('tnps_daily')
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_responses_agent_ended')

    op.drop_table('survey_responses')
    op.drop_table('sync_state')
    with op.batch_alter_table('quarantine', schema=None) as batch_op:
        batch_op.drop_index('ix_quarantine_open')

    op.drop_table('quarantine')
