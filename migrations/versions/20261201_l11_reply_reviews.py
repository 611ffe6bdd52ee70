"""leads' reviews of reply ratings, to calibrate the scorer

Revision ID: l11_reply_reviews
Revises: t11_reply_findings
Create Date: 2026-12-01 12:20:00
"""
from alembic import op
import sqlalchemy as sa
import lab.db


revision = 'l11_reply_reviews'
down_revision = 't11_reply_findings'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reply_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reply_id', sa.Integer(), nullable=False),
    sa.Column('verdict', sa.String(length=10), nullable=False),
    sa.Column('lead_rating', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('reviewer_label', sa.String(length=60), nullable=False),
    sa.Column('created_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', lab.db.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['reply_id'], ['replies.id'], name=op.f('fk_reply_reviews_reply_id_replies'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_reply_reviews_reviewer_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reply_reviews')),
    sa.UniqueConstraint('reply_id', name=op.f('uq_reply_reviews_reply_id'))
    )


def downgrade() -> None:
    op.drop_table('reply_reviews')
