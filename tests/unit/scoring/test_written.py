"""Which language a reply is written in, by its letters."""

from __future__ import annotations

import pytest

from lab.scoring.written import written_in


@pytest.mark.parametrize("text, lang", [
    ("Подписку отключила, 299 рублей вернутся в течение 24 часов.", "ru"),
    ("Включила вам Wi-Fi Calling и оформила заявку 48213, придёт SMS.", "ru"),
    ("I've switched the subscription off; the money is back within 24 hours.", "en"),
    ("Sorry, Ирина, I've switched it off and the refund is on its way.", "en"),
    ("OK, 299 ₽", None),
    ("Hello, здравствуйте, thank you, спасибо", None),
])
def test_the_letters_tell_the_language(text: str, lang: str | None) -> None:
    assert written_in(text) == lang
