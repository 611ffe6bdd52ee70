"""What the issue's users ran into: the scorer must understand wording it was never given."""

from __future__ import annotations

import pytest

from lab.scoring import default_scorer
from tests.unit.scoring.helpers import score, sector


def credit(step: int, text: str, lang: str, need: str) -> float:
    """The credit a need gets in a reply to sector 1's step."""
    reading = default_scorer().read(sector().trial(step), text, lang)
    return reading.analysis.needs[need].credit


def advice(step: int, text: str, lang: str) -> list[str]:
    """The feedback messages a reply to sector 1's step gets."""
    return [f.message for f in score(step, text, lang).feedback]


@pytest.mark.parametrize("lang,text", [
    ("ru", "Отключаю подписку."),
    ("ru", "Сейчас отключу эту подписку."),
    ("ru", "Подписку уже отключила."),
    ("ru", "Подписка отключена."),
    ("ru", "Гороскоп я уже выключил."),
    ("en", "It's off now."),
    ("en", "I'm cancelling it now."),
    ("en", "The subscription has been cancelled."),
    ("en", "I've switched the horoscope off."),
])
def test_a_committed_action_counts_in_any_tense_and_voice(lang: str, text: str) -> None:
    """Present, future, perfective past and passive all switch the subscription off."""
    assert credit(1, text, lang, "switch-off") >= 0.5


@pytest.mark.parametrize("lang,text", [
    ("ru", "Попробую отключить подписку."),
    ("en", "I'll try to cancel the subscription."),
])
def test_a_hedged_action_is_not_a_committed_one(lang: str, text: str) -> None:
    """"I'll try" earns less than doing it."""
    committed = "Отключаю подписку." if lang == "ru" else "I'm cancelling the subscription."
    assert credit(1, text, lang, "switch-off") < credit(1, committed, lang, "switch-off")


@pytest.mark.parametrize("lang,text", [
    ("ru", "Подписку отключила, 299 рублей вернутся завтра."),
    ("ru", "Подписку отключила, 299 рублей вернём за сутки."),
    ("en", "It's cancelled, and the 299 roubles will be back by tomorrow."),
])
def test_a_time_in_other_words_is_a_time(lang: str, text: str) -> None:
    """"Завтра", "за сутки", "by tomorrow" give the refund its time."""
    assert credit(1, text, lang, "refund") >= 0.9


@pytest.mark.parametrize("lang,text", [
    ("ru", "Я поставлю вам запрет на платные подписки."),
    ("ru", "Подключу блокировку платного контента, бесплатно."),
    ("ru", "Включу защиту от подписок, чтобы такое не повторилось."),
    ("en", "I'll put a free barring on paid content so it can't happen again."),
])
def test_the_block_by_any_name(lang: str, text: str) -> None:
    """"Запрет", "блокировка", "защита от подписок" are the same block."""
    assert credit(1, text, lang, "prevent") >= 0.5


@pytest.mark.parametrize("lang,text,wrong", [
    ("ru", "Ирина, понимаю вас. Это подписка «Гороскоп дня» с баннера на сайте. Я прямо "
           "сейчас её отключаю, 299 рублей вернутся в течение суток, и поставлю бесплатный "
           "запрет платного контента.", ("отключен", "вернуть 299")),
    ("en", "I'm so sorry, Irina. A banner tap on a mobile site started \"Horoscope of the "
           "day\". I'm switching it off right now, the 299 roubles will be back within a day, "
           "and the free block on paid content is on.", ("switched off", "within 24 hours")),
])
def test_advice_never_asks_for_what_the_reply_did(lang: str, text: str,
                                                  wrong: tuple[str, ...]) -> None:
    """No "say it is switched off" after "I'm switching it off", no "give the time" after one."""
    messages = " ".join(advice(1, text, lang)).lower()
    assert not any(w in messages for w in wrong), messages


@pytest.mark.parametrize("lang,text", [
    ("ru", "Деньги мы возвращать не будем."),
    ("en", "We won't refund it."),
])
def test_a_plain_refusal_is_a_detractor(lang: str, text: str) -> None:
    """Refusing what the agent is allowed to do is never a middling reply."""
    assert score(1, text, lang).rating <= 3


@pytest.mark.parametrize("lang,text", [
    ("ru", "Уважаемая клиентка, в рамках действующего регламента обслуживания сообщаем, что "
           "в соответствии с вашим обращением подписка отключена отключена, возврат 299 "
           "рублей в течение 24 часов, в течение 24 часов, запрет, запрет платного контента, "
           "благодарим за обращение, благодарим за обращение, надеемся на понимание."),
    ("en", "Dear valued customer, in accordance with our service procedures please be advised "
           "that subscription off, switched off, refund 299 refund 299 within 24 hours within "
           "24 hours, block, content block, we thank you for your patience, we thank you for "
           "your patience and understanding at this time."),
])
def test_padded_officialese_around_the_right_words_is_not_a_ten(lang: str, text: str) -> None:
    """Filler and repetition around the key words is gaming, rated 3 or less."""
    assert score(1, text, lang).rating <= 3


@pytest.mark.parametrize("lang,text", [
    ("ru", "Подписку отключила, 299 рублей вернула. Запрет на платный контент поставила."),
    ("en", "Most likely it was a banner on a mobile site. I've cancelled it and the 299 "
           "roubles will be back within 24 hours."),
])
def test_short_complete_sentences_are_not_gaming(lang: str, text: str) -> None:
    """Verbless short sentences and "most likely" about the cause raise no alarm.

    The Russian reply gives neither the cause nor the refund's time, so a low passive or a
    high detractor (6-8) is the fair rating; what it must never get is a gaming sign's cap.
    """
    reading = default_scorer().read(sector().trial(1), text, lang)
    assert not reading.analysis.signals.get("keyword_list")
    assert not reading.analysis.harms.get("hedge") and not reading.analysis.harms.get(
        "hedge_weak")
    assert not reading.tally.caps
    assert score(1, text, lang).rating >= 6
