"""tnps_topic_monthly: the topic rollup's month sums, kept with the daily rows, and My
TNPS's topic tallies read from both (a month's days, then whole months)."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from lab.dashboard.period import month_of
from lab.dashboard.summary import read_history
from lab.surveys.models import TnpsTopicDaily, TnpsTopicMonthly
from lab.surveys.sync import sync_once
from lab.tnps import rollup
from lab.tnps.tally import Tally
from tests.integration.surveys.rows import store_row

MSK = ZoneInfo("Europe/Moscow")
LINE = "No signal at home, the internet is slow"
CHARGES = "Списали деньги за подписку, а тариф подорожал"  # charges and tariffs


def _monthly(db) -> dict[tuple, tuple[int, int, int]]:
    db.rollback()
    return {(agent, str(month), topic): (p, s, d) for agent, month, topic, p, s, d in
            db.execute(select(TnpsTopicMonthly.agent_id, TnpsTopicMonthly.month,
                              TnpsTopicMonthly.topic, TnpsTopicMonthly.promoters,
                              TnpsTopicMonthly.passives, TnpsTopicMonthly.detractors))}


def _at(day: str) -> dict[str, str]:
    return {"call_ended_at": f"{day}T10:00:00+03:00", "answered_at": f"{day}T10:01:00+03:00"}


def test_topic_months_and_the_pages_tallies(db, world, store, sessions, settings):
    store.append([store_row(score=score, comment=comment, **_at(day)) for day, score, comment
                  in (("2026-09-10", 2, LINE), ("2026-09-25", 9, LINE),
                      ("2026-10-03", 10, CHARGES), ("2026-10-31", 7, LINE),
                      ("2026-11-20", 1, CHARGES))])
    sync_once(sessions, store, settings)
    agent = world.agent_a.id
    expected = _monthly(db)
    assert expected[(agent, "2026-09-01", "connection")] == (1, 0, 1)
    assert expected[(agent, "2026-10-01", "connection")] == (0, 1, 0)
    assert expected[(agent, "2026-11-01", "charges")] == (0, 0, 1)
    for since in (date(2026, 9, 1), date(2026, 9, 20), date(2026, 10, 31), date(2026, 11, 21)):
        history, _facts = read_history(db, world.agent_a, since, date(2026, 11, 25), since,
                                       month_of(date(2026, 11, 25), MSK))
        sums = db.execute(select(TnpsTopicDaily.topic, func.sum(TnpsTopicDaily.promoters),
                                 func.sum(TnpsTopicDaily.passives),
                                 func.sum(TnpsTopicDaily.detractors))
                          .where(TnpsTopicDaily.agent_id == agent, TnpsTopicDaily.day >= since)
                          .group_by(TnpsTopicDaily.topic))
        assert history.topics == {topic: Tally(int(p), int(s), int(d))
                                  for topic, p, s, d in sums}, since
    db.execute(TnpsTopicMonthly.__table__.delete())  # drifted or emptied: rebuild repairs it
    db.commit()
    rollup.rebuild(db, MSK)
    db.commit()
    assert _monthly(db) == expected
