"""Wording the sector authors found misread: blame, passing the buck, warmth, closings."""

from __future__ import annotations

import pytest

from lab.scoring import default_scorer
from lab.scoring.analysis import Analysis, analyse
from tests.unit.scoring.helpers import sector


def read(sector_id: str, step: int, text: str, lang: str) -> Analysis:
    """Analyse a reply to a step of a sector."""
    scorer = default_scorer()
    return analyse(scorer.prepare(sector(sector_id).trial(step), lang), text, scorer.lexicon)


def harms(text: str, lang: str) -> set[str]:
    """Lexicon harms found in a reply to sector 1, step 1 (no warnings, no allow there)."""
    return {n for n, hits in read("unexpected-charge", 1, text, lang).harms.items() if hits}


def good(text: str, lang: str) -> set[str]:
    """Good concepts found in a reply."""
    found = read("unexpected-charge", 1, text, lang).concepts
    return {n for n, hits in found.items() if hits and default_scorer().lexicon.concepts[n].kind
            == "good"}


@pytest.mark.parametrize("lang,text", [
    ("en", "It's your own fault for not having a backup."),
    ("en", "That's on you, I'm afraid."),
    ("ru", "Ну думайте, только сами потом не жалуйтесь."),
    ("ru", "Надо было заранее думать о запасной связи."),
    ("ru", "Вы сами не звонили, надо было сразу сообщать."),
    ("ru", "Может, вы не брали трубку, когда вам звонили."),
    ("ru", "Зря вы тянете с решением."),
])
def test_blame_is_found(lang: str, text: str) -> None:
    """Reproaches about the customer's own past choices are blame."""
    assert "blame" in harms(text, lang)


@pytest.mark.parametrize("lang,text", [
    ("ru", "Перезванивать должны инженеры, это их задача, не моя."),
    ("en", "Callbacks are the engineers' thing: their job, not mine."),
])
def test_not_mine_is_passing_the_buck(lang: str, text: str) -> None:
    """Disowning the task hands the problem back."""
    assert "buck_passing" in harms(text, lang)


def test_think_it_over_is_not_dismissive() -> None:
    """«Подумайте» respects a decision; only «подумаешь» shrugs the problem off."""
    assert "dismissive" not in harms("Конечно, подумайте спокойно, время есть.", "ru")
    assert "dismissive" in harms("Ну подумаешь, ещё месяц заплатите.", "ru")


@pytest.mark.parametrize("lang,text,concept", [
    ("en", "I completely understand.", "acknowledge"),
    ("en", "That's completely understandable.", "acknowledge"),
    ("en", "I believe you.", "acknowledge"),
    ("ru", "Понимаю, для пенсии это ощутимо.", "acknowledge"),
    ("ru", "Я вам верю.", "acknowledge"),
    ("en", "Does that work for you?", "check_understanding"),
    ("ru", "Как вам такой вариант?", "check_understanding"),
    ("ru", "Всего вам доброго!", "closing"),
])
def test_warm_phrases_are_found(lang: str, text: str, concept: str) -> None:
    """Common ways to acknowledge, check and close count as such."""
    assert concept in good(text, lang)


def test_i_believe_you_is_no_hedge() -> None:
    """'I believe you' trusts the customer; 'I believe it will' still hedges."""
    assert not harms("I believe you, and I'm sorry.", "en") & {"hedge", "hedge_weak"}
    assert "hedge_weak" in harms("I believe it will arrive tomorrow.", "en")


def test_an_honest_limit_before_a_firm_statement_is_no_hedge() -> None:
    """'I can't promise X, but Y is fixed' is honest; 'I can't promise, but I'll try' hedges."""
    firm = "I can't promise prices will never change, but the price of Simple is fixed."
    assert "hedge" not in harms(firm, "en")
    assert "hedge" not in harms("Не обещаю, что цены не изменятся никогда, но цена "
                                "«Простого» закреплена в условиях.", "ru")
    assert "hedge" in harms("I can't promise anything, but I'll try.", "en")
    assert "hedge" in harms("I can't promise anything.", "en")


@pytest.mark.parametrize("lang,text", [
    ("ru", "Пожалуйста, Валентина Ивановна! Я передам вашу просьбу. Всего доброго!"),
    ("ru", "Да, на этом всё. Спасибо за обращение, Сергей, всего доброго!"),
    ("ru", "Хорошо, Артём. Обращайтесь, если что. До свидания."),
    ("en", "All right, Artem. Call us if you have questions. Bye."),
    ("en", "Of course, Mrs Orlova! I'll pass your request on. Take care!"),
])
def test_short_closings_are_not_keyword_lists(lang: str, text: str) -> None:
    """Names, interjections and courtesy formulas do not make a reply a list of words."""
    assert "keyword_list" not in read("unexpected-charge", 6, text, lang).signals


@pytest.mark.parametrize("lang,text", [
    ("ru", "Возврат. 299. 24 часа. Отключено. Блокировка."),
    ("en", "Refund. 299. 24 hours. Cancelled. Block."),
    ("ru", "Здравствуйте, спасибо, извините, возврат, 299, 24 часа, запрет, СМС."),
])
def test_real_keyword_lists_are_still_found(lang: str, text: str) -> None:
    """Words without the grammar of sentences remain a keyword list."""
    assert "keyword_list" in read("unexpected-charge", 1, text, lang).signals
