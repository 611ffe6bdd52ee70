"""The sector's own model answers are what a promoter reply looks like."""

from __future__ import annotations

import pytest

from tests.unit.scoring.helpers import score, sector


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("step", range(1, 7))
def test_model_answer_is_a_promoter(step: int, lang: str) -> None:
    """Each model answer rates 9 or 10 in both languages."""
    result = score(step, sector().trial(step).model_answer.get(lang), lang)
    assert result.rating >= 9 and result.category == "promoter", result


@pytest.mark.parametrize("lang,text", [
    ("ru", "Здравствуйте, Ирина, извините! Подписка подключилась после нажатия на баннер. Я её "
           "отключила, 299 рублей вернутся в течение 24 часов. Подключить бесплатный запрет?"),
    ("en", "Hello Irina, I'm sorry! A banner tap switched on the subscription. I've cancelled "
           "it, and the 299 roubles will be back within 24 hours. Shall I add a free block?"),
])
def test_short_complete_reply_can_be_a_promoter(lang: str, text: str) -> None:
    """Thirty words that do the job are enough for a promoter."""
    assert len(text.split()) < 35
    assert score(1, text, lang).category == "promoter"
