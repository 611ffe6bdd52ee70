"""follow-ups of detractor answers (with their history) and leads' notes on agents

Revision ID: adf2050e1d6d
Revises: f60837abf11b
Create Date: 2026-11-22 11:40:07.151132
"""
from alembic import op
import sqlalchemy as sa
import lab.db


revision = 'adf2050e1d6d'
down_revision = 'f60837abf11b'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('agent_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('author_label', sa.String(length=60), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_agent_notes_agent_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_agent_notes_author_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agent_notes'))
    )
    with op.batch_alter_table('agent_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agent_notes_agent_id'), ['agent_id'], unique=False)

    op.create_table('follow_ups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('closed_at', lab.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('updated_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("status IN ('new', 'in_progress', 'called_back', 'resolved', 'unreachable')", name=op.f('ck_follow_ups_status')),
    sa.ForeignKeyConstraint(['response_id'], ['survey_responses.id'], name=op.f('fk_follow_ups_response_id_survey_responses'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_follow_ups_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_ups')),
    sa.UniqueConstraint('response_id', name=op.f('uq_follow_ups_response_id'))
    )
    op.create_table('follow_up_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('follow_up_id', sa.Integer(), nullable=False),
    sa.Column('at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_label', sa.String(length=60), nullable=False),
    sa.Column('status_from', sa.String(length=12), nullable=False),
    sa.Column('status_to', sa.String(length=12), nullable=False),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_follow_up_events_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['follow_up_id'], ['follow_ups.id'], name=op.f('fk_follow_up_events_follow_up_id_follow_ups'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_follow_up_events'))
    )
    with op.batch_alter_table('follow_up_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_follow_up_events_follow_up_id'), ['follow_up_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('follow_up_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_follow_up_events_follow_up_id'))

    op.drop_table('follow_up_events')
    op.drop_table('follow_ups')
    with op.batch_alter_table('agent_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agent_notes_agent_id'))

    op.drop_table('agent_notes')
