"""Demo practice: some agents have read the Codex and played, scored by the real scorer."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.content import Content, Sector
from lab.db import utcnow
from lab.training import play
from lab.training.awards import finish
from lab.training.models import Attempt, CodexRead
from lab.training.state import load_progress, profile_of

# How far each demo agent got: sectors played, and the chance of a model-quality reply.
PLAYERS = {1: (2, 0.9), 2: (1, 0.7), 3: (3, 0.85), 4: (1, 0.4), 5: (2, 0.6), 6: (1, 0.8),
           7: (4, 0.95), 8: (1, 0.5)}
WEAK = {"ru": "Понимаю. Я посмотрю, что можно сделать, и вам сообщат.",
        "en": "I see. I'll look into what can be done and someone will let you know."}


def _first_sentences(text: str, count: int) -> str:
    return " ".join(re.split(r"(?<=[.!?])\s+", text)[:count])


def _reply_text(sector: Sector, step: int, rng: random.Random, skill: float, lang: str) -> str:
    model = sector.trial(step).model_answer.get(lang)
    roll = rng.random()
    if roll < skill:
        return model
    if roll < skill + (1 - skill) / 2:
        return _first_sentences(model, 2)  # a start, without the rest of the fix
    return WEAK[lang]


def load_practice(session: Session, content: Content, versions: dict[str, str],
                  agents: Sequence[User], marks: Sequence[float], lang: str = "ru") -> int:
    """Play sectors for the demo agents who have not played yet; returns replies stored."""
    stored = 0
    for agent in agents:
        number = int(agent.login.removeprefix("agent") or 0)
        if number not in PLAYERS or session.scalar(
                select(func.count()).select_from(Attempt).where(Attempt.user_id == agent.id)):
            continue
        sectors_played, skill = PLAYERS[number]
        rng = random.Random(number)  # the same demo every time
        for chapter in content.codex.chapters:
            if session.get(CodexRead, (agent.id, chapter.slug)) is None:
                session.add(CodexRead(user_id=agent.id, chapter=chapter.slug))
        profile_of(session, agent).tour_done_at = utcnow()
        session.flush()
        for sector in content.sectors[:sectors_played]:
            progress_ = load_progress(session, agent, content)
            try:
                attempt = play.start(session, agent, sector, versions[sector.id], progress_)
            except play.PlayError:
                break  # the previous sector was not passed: the demo agent stops there
            for step in range(1, len(sector.trials) + 1):
                text = _reply_text(sector, step, rng, skill, lang)
                play.reply(session, agent, sector, attempt, step=step, text=text, lang=lang,
                           version=versions[sector.id])
                stored += 1
            finish(session, agent, attempt, content, marks)
    return stored
