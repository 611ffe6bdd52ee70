"""Demo reviews: the demo leads judged some of their agents' replies, so the agreement
page and the agents' result pages show calibration from a fresh start."""

from __future__ import annotations

import random

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.calibration.models import OVERRIDE, RIGHT, ReplyReview
from lab.calibration.reviews import review_reply
from lab.training.models import Attempt, Reply

# What a lead says when the scorer was too kind or too strict (the demo speaks Russian).
NITPICKS = ("Всё по делу, но длинно для звонка: клиент устал бы слушать.",
            "Решение верное, но ни слова сочувствия в начале.")
TOO_HIGH = ("Нет срока: клиент не знает, когда вернутся деньги.",
            "Вежливо, но без конкретного действия: клиент позвонит снова.")
TOO_LOW = ("Коротко, но честно: клиент понял, что будет дальше.",
           "Тёплый тон, клиент бы остался, хотя решения пока нет.")
SHARE = 0.45  # of the demo agents' replies that their lead reviews


def load_reviews(session: Session) -> int:
    """Review some demo replies by the agents' own leads (once); returns reviews made."""
    if session.scalar(select(func.count()).select_from(ReplyReview)):
        return 0
    rng = random.Random(11)  # the same demo every time
    rows = session.execute(
        select(Reply, User).join(Attempt, Reply.attempt_id == Attempt.id)
        .join(User, Attempt.user_id == User.id)
        .where(User.role == "agent").order_by(Reply.id)).all()
    made = 0
    for reply, agent in rows:
        lead = agent.team.leads[0] if agent.team and agent.team.leads else None
        if lead is None or rng.random() > SHARE:
            continue
        roll = rng.random()
        if roll < 0.55:
            review_reply(session, reply, lead, RIGHT)
        elif reply.rating >= 9:
            review_reply(session, reply, lead, OVERRIDE, reply.rating - rng.choice((1, 2)),
                         rng.choice(NITPICKS))
        elif roll < 0.8 and reply.rating >= 2:
            review_reply(session, reply, lead, OVERRIDE, max(0, reply.rating - rng.choice(
                (2, 3))), rng.choice(TOO_HIGH))
        else:
            review_reply(session, reply, lead, OVERRIDE, min(10, reply.rating + rng.choice(
                (1, 2))), rng.choice(TOO_LOW))
        made += 1
    return made
