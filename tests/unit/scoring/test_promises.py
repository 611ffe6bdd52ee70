"""Promises no agent can keep: money at once where the refund takes its time, a price or a
discount for ever. A poor reply, however warm.

And the other side: the right time said beside a minute ("I arranged it two minutes ago"),
the SMS that comes in minutes, "I can't make it instant" or "no operator can promise a price
for ever" are no such promise.
"""

from __future__ import annotations

import pytest

from lab.scoring import default_scorer
from lab.scoring.promises import forever, instant_money
from tests.unit.scoring.helpers import assert_customer_questions, score_text, sectors

_STEP = 3  # "when do I get the money back?": the refund takes up to 24 hours


@pytest.mark.parametrize("lang,text", [
    ("ru", "Ирина, не переживайте! Деньги вернутся через пару минут, можно сразу звонить."),
    ("ru", "Понимаю вас. Возврат оформила, 299 ₽ поступят мгновенно."),
    ("ru", "Всё уже сделано: 299 рублей на балансе, можете звонить хоть сейчас."),
    ("en", "I'm so sorry, Irina. The 299 roubles will be back on your balance in a minute."),
    ("en", "Refund done, the money is credited instantly, so you can call right away."),
])
def test_money_promised_at_once_is_a_poor_reply(lang: str, text: str) -> None:
    result = score_text("unexpected-charge", _STEP, lang, text)
    assert result.rating <= 3, result
    assert "instant_money" in result.findings.harms
    trial = sectors()["unexpected-charge"].trial(_STEP)
    assert_customer_questions(trial, _STEP, result, "instant_money")


@pytest.mark.parametrize("lang,text", [
    ("ru", "Ирина, возврат я оформила пару минут назад: 299 рублей вернутся на баланс в "
           "течение 24 часов, и придёт СМС."),
    ("ru", "Понимаю, как неудобно без связи. Мгновенно зачислить, к сожалению, не получится, "
           "но в течение суток 299 рублей будут на балансе."),
    ("ru", "Понимаю, Ирина, без связи тяжело. Деньги вернутся в течение 24 часов. СМС о "
           "зачислении придёт через пару минут после того, как они поступят."),
    ("en", "I know you need to call, Irina. I'm sorry I can't make it instant, but the 299 "
           "roubles will be back within 24 hours."),
    ("en", "I understand how awkward this is. The refund is under way and lands within 24 "
           "hours; you'll get a text within minutes of the money arriving."),
])
def test_the_right_time_beside_a_minute_is_no_such_promise(lang: str, text: str) -> None:
    trial = sectors()["unexpected-charge"].trial(_STEP)
    analysis = default_scorer().read(trial, text, lang).analysis
    assert "instant_money" not in analysis.signals
    assert score_text("unexpected-charge", _STEP, lang, text).rating >= 7


def test_a_trial_without_a_time_for_the_money_has_nothing_to_break() -> None:
    assert instant_money("Деньги вернутся через минуту.", "ru", frozenset(), frozenset()) == []


@pytest.mark.parametrize("sector_id,step,lang,text", [
    ("price-change", 5, "ru", "Валентина Ивановна, не волнуйтесь: цена на «Простой» больше "
                              "никогда не изменится, я вам гарантирую."),
    ("price-change", 5, "en", "I understand, Valentina Ivanovna. The price of Simple will never "
                              "go up, you have my word."),
    ("about-to-leave", 3, "ru", "Подвоха нет: 413 рублей останутся у вас навсегда, ничего "
                                "платного не подключится."),
    ("about-to-leave", 3, "en", "No catch, Artem: the 413 is yours forever, nothing extra ever."),
    # The same promise in other words.
    ("price-change", 5, "en", "Don't worry, Valentina Ivanovna: Simple stays at 390 for as long "
                              "as you're with us, and nobody will ever raise it."),
    ("about-to-leave", 3, "ru", "Подвоха нет, Артём: 413 рублей — это ваша цена, пока вы с "
                                "нами."),
])
def test_a_promise_for_ever_is_a_poor_reply(sector_id: str, step: int, lang: str,
                                            text: str) -> None:
    result = score_text(sector_id, step, lang, text)
    assert result.rating <= 3, result
    assert any(item.codex == "ownership#promises-you-can-keep" for item in result.feedback)
    assert_customer_questions(sectors()[sector_id].trial(step), step, result, "forever_promise")


@pytest.mark.parametrize("lang,text", [
    ("ru", "Навсегда цену не гарантирует ни один оператор, но о любом изменении вы узнаете по "
           "СМС за 30 дней."),
    ("ru", "Обещать, что цена не изменится никогда, было бы нечестно. Зато без уведомления за "
           "30 дней её не поднимут."),
    ("en", "No operator can promise a price forever, but any change comes with 30 days' notice "
           "by SMS."),
    ("en", "The subscription is switched off for good, and I've checked: nothing else is paid."),
    ("en", "These offers don't last forever, but this one is yours for seven days."),
    ("en", "Nobody can promise a price will never change, but you'll hear 30 days ahead."),
])
def test_saying_no_one_can_promise_it_is_no_such_promise(lang: str, text: str) -> None:
    assert forever(text, lang) == []
