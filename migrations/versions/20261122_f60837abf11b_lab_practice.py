"""lab practice: attempts, replies, hints, codex reads, access, profiles, badges

Revision ID: f60837abf11b
Revises: f20c19a0924c
Create Date: 2026-11-22 11:03:19.158437
"""
from alembic import op
import sqlalchemy as sa
import lab.db


revision = 'f60837abf11b'
down_revision = 'f20c19a0924c'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('sector_id', sa.String(length=60), nullable=False),
    sa.Column('content_version', sa.String(length=40), nullable=False),
    sa.Column('started_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('finished_at', lab.db.UTCDateTime(timezone=True), nullable=True),
    sa.Column('loyalty_code', sa.Float(), nullable=True),
    sa.Column('stars', sa.Integer(), nullable=False),
    sa.Column('xp', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_attempts_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attempts'))
    )
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attempts_user_id'), ['user_id'], unique=False)

    op.create_table('badges',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('earned_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_badges_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'code', name=op.f('pk_badges'))
    )
    op.create_table('codex_reads',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('chapter', sa.String(length=60), nullable=False),
    sa.Column('read_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_codex_reads_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'chapter', name=op.f('pk_codex_reads'))
    )
    op.create_table('lab_profiles',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('xp', sa.Integer(), nullable=False),
    sa.Column('tour_done_at', lab.db.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_lab_profiles_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', name=op.f('pk_lab_profiles'))
    )
    op.create_table('sector_access',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('sector_id', sa.String(length=60), nullable=False),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('created_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['opened_by_id'], ['users.id'], name=op.f('fk_sector_access_opened_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sector_access_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'sector_id', name=op.f('pk_sector_access'))
    )
    op.create_table('hint_uses',
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempts.id'], name=op.f('fk_hint_uses_attempt_id_attempts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('attempt_id', 'step', name=op.f('pk_hint_uses'))
    )
    op.create_table('replies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=5), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('mood', sa.String(length=20), nullable=False),
    sa.Column('reliability', sa.Integer(), nullable=False),
    sa.Column('empathy', sa.Integer(), nullable=False),
    sa.Column('inspiration', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=10), nullable=False),
    sa.Column('feedback', sa.Text(), nullable=False),
    sa.Column('hint_used', sa.Boolean(), nullable=False),
    sa.Column('xp', sa.Integer(), nullable=False),
    sa.Column('created_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempts.id'], name=op.f('fk_replies_attempt_id_attempts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_replies')),
    sa.UniqueConstraint('attempt_id', 'step', name=op.f('uq_replies_attempt_id'))
    )
    with op.batch_alter_table('teams', schema=None) as batch_op:
        batch_op.add_column(sa.Column('leaderboard_anonymous', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))



def downgrade() -> None:
    with op.batch_alter_table('teams', schema=None) as batch_op:
        batch_op.drop_column('leaderboard_anonymous')

    op.drop_table('replies')
    op.drop_table('hint_uses')
    op.drop_table('sector_access')
    op.drop_table('lab_profiles')
    op.drop_table('codex_reads')
    op.drop_table('badges')
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attempts_user_id'))

    op.drop_table('attempts')
