"""Replies that say the right things without doing any: a menu recited, sympathy stacked,
the customer quoted back. Each is capped, and an honest reply of the same length is not."""

from __future__ import annotations

import pytest

from lab.scoring.menus import recited
from tests.unit.scoring.helpers import score_text


@pytest.mark.parametrize("lang,text", [
    ("ru", "Ирина, у нас предусмотрены следующие действия: 1) отключение подписки; 2) возврат "
           "денег; 3) запрет платного контента; 4) СМС с подтверждением. Выбирайте."),
    ("ru", "Мы можем: отключить подписку, вернуть 299 рублей, поставить запрет, прислать СМС, "
           "принять жалобу. Что из этого вам нужно?"),
    ("en", "Options available to you: switching the subscription off; a refund of 299 roubles; "
           "the paid-content block; an SMS confirmation. Let me know."),
])
def test_a_recited_menu_is_capped_as_gaming(lang: str, text: str) -> None:
    assert recited(text, lang)
    result = score_text("unexpected-charge", 1, lang, text)
    assert result.rating <= 2, result
    assert "recital" in result.findings.harms


@pytest.mark.parametrize("lang,text", [
    ("ru", "Могу предложить два варианта: перейти на «Простой» или оставить «Комфорт» и "
           "подключить любимый номер. Что вам удобнее?"),
    ("en", "Here's what I've done: switched the subscription off, arranged the refund of 299 "
           "roubles within 24 hours, turned on the block and sent you an SMS."),
])
def test_a_choice_or_a_report_of_work_is_no_menu(lang: str, text: str) -> None:
    assert not recited(text, lang)


def test_sympathy_stacked_without_a_fix_is_a_detractor() -> None:
    text = ("Ирина, я вас так хорошо понимаю. Это очень обидно и неприятно, правда. Мне "
            "искренне жаль, что вам пришлось с этим столкнуться. Любой бы на вашем месте "
            "расстроился. Я полностью на вашей стороне и очень вам сочувствую.")
    result = score_text("unexpected-charge", 1, "ru", text)
    assert result.rating <= 3, result
    assert "talk_only" in result.findings.harms


def test_warmth_with_the_fix_is_not_talk() -> None:
    text = ("Ирина, понимаю, как неприятно. Это подписка «Гороскоп дня», она включилась через "
            "баннер на мобильном сайте. Я её отключила. 299 рублей вернутся на баланс в "
            "течение 24 часов. Чтобы такое не повторилось, подключила бесплатный запрет.")
    result = score_text("unexpected-charge", 1, "ru", text)
    assert "talk_only" not in result.findings.harms
    assert result.rating >= 9, result


def test_a_short_kind_reply_without_the_fix_is_left_to_the_model() -> None:
    """Two sentences of sympathy are a mediocre reply, not a gaming one: no hard cap."""
    result = score_text("unexpected-charge", 1, "en",
                        "I'm so sorry, Irina, that's really frustrating. Let me look into it.")
    assert "talk_only" not in result.findings.harms


def test_the_customers_message_quoted_back_is_a_copy() -> None:
    text = ("Thank you for your message: 'You've taken 299 roubles from me and I never signed "
            "up for anything!' We value your feedback and will use it to improve.")
    result = score_text("unexpected-charge", 1, "en", text)
    assert "copy" in result.findings.harms, result
    assert result.rating <= 3
