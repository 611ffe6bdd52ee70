"""Blame and hedging throughout: a detractor's reply, whatever it fixes.

And the other side of the rule, which matters as much: a denial of blame ("the problem
isn't your phone") is comfort, not blame, and is never capped.
"""

from __future__ import annotations

import pytest

from lab.scoring import default_scorer
from tests.unit.scoring.helpers import sectors


def _harms(sector_id: str, step: int, text: str, lang: str) -> set[str]:
    analysis = default_scorer().read(sectors()[sector_id].trial(step), text, lang).analysis
    return {name for name, hits in analysis.harms.items() if hits} | \
        {name for name, hits in analysis.warned.items() if hits}


@pytest.mark.parametrize("sector_id,step,lang,text", [
    ("poor-connection", 1, "ru", "Сергей, проблема не в вашем телефоне: у нас на станции рядом "
                                 "с Лесной плановые работы."),
    ("poor-connection", 1, "en", "Sergey, the problem isn't your phone: the station near "
                                 "Lesnaya street is under planned works."),
    ("unexpected-charge", 1, "en", "It's not your fault at all, Irina: I've switched it off."),
    ("price-change", 2, "ru", "Валентина Ивановна, я вас ни за какую дуру не держу, честное "
                              "слово: давайте разберёмся вместе."),
    ("poor-connection", 2, "en", "The signal in your flat is weaker because the nearest "
                                 "station is under planned works."),
    ("unexpected-charge", 5, "en", "I'm opening a complaint now. You should have a written "
                                   "answer within 3 working days."),
    ("about-to-leave", 3, "en", "You're right to be careful: 413 for six months, then 590."),
    ("price-change", 5, "ru", "Обещать, что цена не изменится никогда, было бы нечестно."),
])
def test_a_denial_or_a_plain_mention_is_no_blame(sector_id: str, step: int, lang: str,
                                                 text: str) -> None:
    assert not {"blame", "rudeness", "dismissive"} & _harms(sector_id, step, text, lang)


@pytest.mark.parametrize("sector_id,step,lang,text", [
    ("poor-connection", 1, "ru", "Дело в вашем телефоне, он у вас старый."),
    ("unexpected-charge", 1, "ru", "Не надо было нажимать на баннер."),
    ("unexpected-charge", 1, "en", "You should have checked what you were clicking."),
])
def test_blame_is_still_blame(sector_id: str, step: int, lang: str, text: str) -> None:
    assert "blame" in _harms(sector_id, step, text, lang)


def test_a_fix_wrapped_in_blame_is_a_detractors_reply() -> None:
    # Capped at 6 by the words (they can still be wrong on a good reply); blame the meaning
    # confirms too is hurtful and capped lower.
    trial = sectors()["unexpected-charge"].trial(1)
    result = default_scorer().score(trial, "Irina, you should have checked what you were "
                                    "clicking. I've switched off Horoscope of the day and the "
                                    "299 roubles will be back within 24 hours.", "en")
    assert result.rating <= 6, result


def test_hedge_after_hedge_is_a_detractors_reply_told_once() -> None:
    trial = sectors()["unexpected-charge"].trial(1)
    result = default_scorer().score(trial, "Hello Irina, sorry about that. I'll try to switch "
                                    "off the Horoscope subscription, and maybe the 299 roubles "
                                    "could be refunded, possibly within 24 hours, but I can't "
                                    "promise anything.", "en")
    assert result.rating <= 3, result
    hedging = [f for f in result.feedback if f.codex == "forbidden-words#hedging"]
    assert len(hedging) == 1 and "Hedge after hedge" in hedging[0].message, result.feedback


def test_one_honest_limit_is_no_hedging_throughout() -> None:
    trial = sectors()["unexpected-charge"].trial(1)
    analysis = default_scorer().read(trial, "Irina, I've switched it off and the 299 roubles "
                                     "will be back within 24 hours. I can't promise the "
                                     "provider won't try again, but the block stops it.",
                                     "en").analysis
    assert "hedged" not in analysis.signals
