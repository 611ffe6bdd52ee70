"""The conversation as the trial page shows it: who said what, step by step."""

from __future__ import annotations

import json
from dataclasses import dataclass

from lab.content import Sector
from lab.training.models import Attempt, Reply


@dataclass(frozen=True)
class Line:
    """One bubble: the customer's or the agent's words."""

    who: str  # customer | agent
    text: str
    mood: str | None = None
    reply: Reply | None = None


def customer_turn(sector: Sector, attempt: Attempt, step: int, lang: str) -> list[Line]:
    """What the customer says at `step`: the reaction to the last reply, then the new message."""
    lines: list[Line] = []
    trial = sector.trial(step)
    mood = trial.mood
    if step > 1 and len(attempt.replies) >= step - 1:
        previous = attempt.replies[step - 2]
        branch = sector.trial(step - 1).branches.get(previous.category)
        mood = branch.mood
        lines.append(Line("customer", branch.text.get(lang), mood))
    lines.append(Line("customer", trial.customer.get(lang), mood))
    return lines


def closing_words(sector: Sector, attempt: Attempt, lang: str) -> Line | None:
    """The customer's last words after the final reply."""
    if len(attempt.replies) < len(sector.trials):
        return None
    last = attempt.replies[-1]
    branch = sector.trials[-1].branches.get(last.category)
    return Line("customer", branch.text.get(lang), branch.mood)


def transcript(sector: Sector, attempt: Attempt, lang: str) -> list[Line]:
    """Every line so far, including the customer's message waiting for a reply."""
    lines: list[Line] = []
    for reply in attempt.replies:
        lines += customer_turn(sector, attempt, reply.step, lang)
        lines.append(Line("agent", reply.text, reply=reply))
    if len(attempt.replies) < len(sector.trials):
        lines += customer_turn(sector, attempt, len(attempt.replies) + 1, lang)
    return lines


def feedback_of(reply: Reply) -> list[dict[str, str]]:
    """The stored feedback items of a reply."""
    return json.loads(reply.feedback)
