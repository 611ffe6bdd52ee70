"""How alarming a detractor's answer is: its score and the words of its comment.

Plain rules, no Flask: the queue shows the most alarming answers first. Words are
matched by stem, so «в суд», «суда» and «судом» count alike; a match names its kind,
so the lead sees *why* an answer is on top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (kind, weight, patterns). Weights say what costs most if nobody calls back: a
# regulator or a court first, then a formal complaint or a customer leaving.
_SIGNALS: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("regulator", 40, (
        r"роспотребнадзор\w*", r"прокуратур\w*", r"фас", r"ркн", r"роскомнадзор\w*",
        r"омбудсмен\w*", r"регулятор\w*", r"regulator\w*", r"ombudsman", r"ofcom",
        r"consumer protection", r"trading standards",
    )),
    ("legal", 40, (
        r"суд", r"суда", r"суде", r"судом", r"суду", r"судебн\w*", r"иск", r"иска", r"иском",
        r"иске", r"иски",
        r"юрист\w*", r"адвокат\w*", r"court\w*", r"sue", r"suing", r"lawyer\w*",
        r"lawsuit\w*", r"legal action", r"solicitor\w*",
    )),
    ("complaint", 25, (
        r"жалоб\w*", r"пожалуюсь", r"пожаловаться", r"жаловаться", r"претензи\w*",
        r"complain\w*", r"complaint\w*", r"formal claim",
    )),
    ("leaving", 25, (
        r"конкурент\w*", r"уйду", r"ухожу", r"уйти", r"перейду", r"перехожу",
        r"к другому оператору", r"расторг\w*", r"перенос\w* номер\w*", r"перенести номер",
        r"competitor\w*", r"leaving", r"i'?m leaving", r"switch\w* to", r"another provider",
        r"cancel\w* (?:the |my )?contract", r"port\w* my number", r"i will leave",
    )),
    ("public", 15, (
        r"соцсет\w*", r"напишу везде", r"отзыв\w* в интернете", r"журналист\w*", r"сми",
        r"social media", r"twitter", r"journalist\w*", r"the press", r"review online",
    )),
    ("repeat", 10, (
        r"(?:второй|третий|четвёртый|четвертый|пятый) раз", r"опять", r"снова",
        r"(?:second|third|fourth|fifth) (?:time|call)", r"again",
    )),
)
_COMPILED = tuple(
    (kind, weight, re.compile(r"(?<![\w])(?:" + "|".join(patterns) + r")(?![\w])",
                              re.IGNORECASE))
    for kind, weight, patterns in _SIGNALS
)
KINDS: tuple[str, ...] = tuple(kind for kind, _w, _p in _SIGNALS)
HIGH = 50
MEDIUM = 25


@dataclass(frozen=True)
class Alarm:
    """How alarming an answer is (higher first), why, and a level for the badge."""

    points: int
    kinds: tuple[str, ...]

    @property
    def level(self) -> str:
        """high, medium or low."""
        if self.points >= HIGH:
            return "high"
        return "medium" if self.points >= MEDIUM else "low"


def signals_of(comment: str | None) -> tuple[str, ...]:
    """The alarming kinds a comment mentions, in KINDS order."""
    if not comment:
        return ()
    text = comment.replace("ё", "е").replace("Ё", "Е")
    return tuple(kind for kind, _weight, pattern in _COMPILED
                 if pattern.search(text) or pattern.search(comment))


def alarm_of(score: int, comment: str | None) -> Alarm:
    """The alarm of one answer: 5 points per step below 7, plus the words' weights."""
    if not 0 <= score <= 10:
        raise ValueError(f"a score is 0-10, got {score!r}")
    kinds = signals_of(comment)
    weights = dict((kind, weight) for kind, weight, _p in _SIGNALS)
    base = max(0, 7 - score) * 5  # 0 -> 35, 6 -> 5: the angriest first among equals
    return Alarm(points=base + sum(weights[kind] for kind in kinds), kinds=kinds)
