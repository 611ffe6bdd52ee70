"""comment topics tagged on arrival, a daily topic rollup, indexes for My TNPS

Each response keeps its comment's topics as a bit mask, and tnps_topic_daily counts
on-time answers per local day, agent and topic, so My TNPS no longer re-classifies six
months of comments on every view. Existing rows are tagged and counted here.

Revision ID: p13_topics_rollup
Revises: 89d25f16458d
Create Date: 2026-12-01 09:50:00
"""
import os
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from lab.db import UTCDateTime
from lab.surveys.topics import TOPIC_BIT, topic_mask

revision = 'p13_topics_rollup'
down_revision = '89d25f16458d'
branch_labels = None
depends_on = None

CHUNK = 20_000


def _slot(score: int) -> int:
    return 0 if score >= 9 else 1 if score >= 7 else 2


def upgrade() -> None:
    op.add_column('survey_responses',
                  sa.Column('topics', sa.SmallInteger(), nullable=False, server_default='0'))
    op.create_table('tnps_topic_daily',
    sa.Column('agent_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('topic', sa.String(length=12), nullable=False),
    sa.Column('promoters', sa.Integer(), nullable=False),
    sa.Column('passives', sa.Integer(), nullable=False),
    sa.Column('detractors', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agent_id'], ['users.id'], name=op.f('fk_tnps_topic_daily_agent_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agent_id', 'day', 'topic', name=op.f('pk_tnps_topic_daily'))
    )
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.create_index('ix_survey_responses_agent_id', ['agent_id', 'id'], unique=False)
        batch_op.create_index('ix_survey_responses_agent_comments',
                              ['agent_id', 'answered_at', 'id'], unique=False,
                              sqlite_where=sa.text('comment IS NOT NULL'),
                              postgresql_where=sa.text('comment IS NOT NULL'))

    # Validation already stores an empty comment as NULL; make sure no older row says
    # otherwise, since the comment list now relies on it (and on its partial index).
    op.execute("UPDATE survey_responses SET comment = NULL WHERE TRIM(comment) = ''")
    _backfill()


def _backfill() -> None:
    """Tag every stored comment and count the on-time ones per day, agent and topic, in
    the zone the daily rollup was counted in (lab tnps rebuild recounts after a change)."""
    tz = ZoneInfo(os.environ.get('LAB_TIMEZONE') or 'Europe/Moscow')
    bind = op.get_bind()
    responses = sa.table('survey_responses', sa.column('id', sa.Integer()),
                         sa.column('agent_id', sa.Integer()),
                         sa.column('call_ended_at', UTCDateTime()),
                         sa.column('score', sa.Integer()), sa.column('comment', sa.Text()),
                         sa.column('late', sa.Boolean()), sa.column('topics', sa.Integer()))
    update = (sa.update(responses).where(responses.c.id == sa.bindparam('row_id'))
              .values(topics=sa.bindparam('mask')))
    counts: dict[tuple, list[int]] = {}
    last = 0
    while True:
        rows = bind.execute(
            sa.select(responses.c.id, responses.c.agent_id, responses.c.call_ended_at,
                      responses.c.score, responses.c.comment, responses.c.late)
            .where(responses.c.comment.is_not(None), responses.c.id > last)
            .order_by(responses.c.id).limit(CHUNK)).all()
        if not rows:
            break
        last = rows[-1].id
        tagged = []
        for row in rows:
            mask = topic_mask(row.comment)
            if not mask:
                continue
            tagged.append({'row_id': row.id, 'mask': mask})
            if row.late:
                continue
            day = row.call_ended_at.astimezone(tz).date()
            for topic, bit in TOPIC_BIT.items():
                if mask & bit:
                    counts.setdefault((row.agent_id, day, topic), [0, 0, 0])[_slot(row.score)] += 1
        if tagged:
            bind.execute(update, tagged)
    if counts:
        op.bulk_insert(sa.table('tnps_topic_daily', sa.column('agent_id', sa.Integer()),
                                sa.column('day', sa.Date()), sa.column('topic', sa.String()),
                                sa.column('promoters', sa.Integer()),
                                sa.column('passives', sa.Integer()),
                                sa.column('detractors', sa.Integer())),
                       [{'agent_id': agent, 'day': day, 'topic': topic, 'promoters': p,
                         'passives': s, 'detractors': d}
                        for (agent, day, topic), (p, s, d) in sorted(counts.items())])


def downgrade() -> None:
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_responses_agent_comments')
        batch_op.drop_index('ix_survey_responses_agent_id')
    op.drop_table('tnps_topic_daily')
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.drop_column('topics')
