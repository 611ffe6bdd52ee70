"""The scorer reads language: lemmas, free word order, synonyms and negation."""

from __future__ import annotations

import pytest

from lab.scoring import default_scorer
from lab.scoring.analysis import analyse
from tests.unit.scoring.helpers import sector


def needs(step: int, text: str, lang: str) -> dict[str, float]:
    """Credit of each need of a step for a reply."""
    scorer = default_scorer()
    found = analyse(scorer.prepare(sector().trial(step), lang), text, scorer.lexicon)
    return {name: result.credit for name, result in found.needs.items()}


@pytest.mark.parametrize("lang,text", [
    ("ru", "Мы не вернём деньги."),
    ("ru", "Вернуть 299 рублей я, к сожалению, не смогу."),
    ("en", "I won't refund the 299 roubles."),
    ("en", "We're not able to give you a refund."),
])
def test_negated_refund_is_no_refund(lang: str, text: str) -> None:
    """A refused refund earns nothing for the refund need."""
    assert needs(1, text, lang)["refund"] == 0


@pytest.mark.parametrize("lang,text", [
    ("ru", "Мы не вернём деньги, подписка подключена правильно."),
    ("en", "We won't refund the money, the subscription is valid."),
])
def test_refusal_is_flagged(lang: str, text: str) -> None:
    """Refusing what the briefing allows is a detractor with advice to check the briefing."""
    result = default_scorer().score(sector().trial(1), text, lang)
    assert result.category == "detractor"
    assert any(f.codex == "ownership#confidence" for f in result.feedback)


@pytest.mark.parametrize("lang,text", [
    ("ru", "Вернём вам 299 рублей в течение 24 часов."),
    ("ru", "299 рублей в течение 24 часов вам вернём."),
    ("ru", "В течение суток 299 рублей поступят обратно на ваш баланс."),
    ("ru", "Деньги, 299 рублей, зачислим на счёт до конца дня."),
    ("en", "We'll refund the 299 roubles within 24 hours."),
    ("en", "Within 24 hours the 299 roubles will be credited back to you."),
    ("en", "You'll get your 299 roubles back within a day."),
])
def test_refund_in_any_order_and_wording(lang: str, text: str) -> None:
    """Synonyms, inflections and free word order all count as the refund with its time."""
    assert needs(1, text, lang)["refund"] == 1


def test_missing_time_and_amount_give_partial_credit() -> None:
    """A refund without a time or the amount is only part of the answer."""
    assert 0 < needs(1, "Деньги вам вернём.", "ru")["refund"] < 1
    assert 0 < needs(1, "We'll refund you.", "en")["refund"] < 1


@pytest.mark.parametrize("lang,text", [
    ("ru", "Больше списаний не будет, подписка отключена."),
    ("ru", "В следующем месяце ничего не спишется."),
    ("en", "You won't be charged again next month."),
    ("en", "There will be no more charges."),
])
def test_a_need_that_is_itself_a_negation(lang: str, text: str) -> None:
    """"No more charges" is recognised as the promise step 4 needs."""
    assert needs(4, text, lang)["no-charge"] == 1


@pytest.mark.parametrize("lang,text", [
    ("ru", "Других платных подписок на вашем номере нет."),
    ("en", "There are no other paid subscriptions on your number."),
])
def test_negation_reaches_back_for_there_is_none(lang: str, text: str) -> None:
    """"Других подписок нет" negates the subscriptions before it."""
    assert needs(4, text, lang)["others-checked"] == 1


def test_not_only_does_not_negate() -> None:
    """"Не только ... но и" affirms what follows."""
    assert needs(1, "Я не только отключила подписку, но и вернула 299 рублей сегодня.",
                 "ru")["switch-off"] == 1


def test_hedged_action_gets_less_credit() -> None:
    """"I'll try to refund" is worth less than "I'll refund"."""
    sure = needs(1, "I'll refund the 299 roubles within 24 hours.", "en")["refund"]
    hedged = needs(1, "I'll try to refund the 299 roubles within 24 hours.", "en")["refund"]
    assert hedged < sure


@pytest.mark.parametrize("mood", ["annoyed", "furious"])
def test_angrier_customer_needs_more_empathy(mood: str) -> None:
    """A cold but correct reply loses more with a furious customer than with a calm one."""
    text = "Подписку отключила, 299 рублей вернутся на баланс в течение 24 часов."
    calm = default_scorer().score(sector().trial(1), text, "ru", mood="calm")
    angry = default_scorer().score(sector().trial(1), text, "ru", mood=mood)
    assert angry.rating <= calm.rating


def test_unknown_language_is_refused() -> None:
    """Only ru and en can be scored."""
    with pytest.raises(ValueError, match="unknown language"):
        default_scorer().score(sector().trial(1), "Hallo", "de")


@pytest.mark.parametrize(("lang", "text", "figures"), [
    ("ru", "Вернём двести девяносто девять рублей за сутки.", {"299"}),
    ("ru", "Уведомление ушло первого октября, за тридцать дней.", {"1", "30"}),
    ("ru", "Спишется пятьсот рублей вместо семисот пятидесяти.", {"500", "750"}),
    ("en", "Two hundred and ninety-nine roubles back within twenty-four hours.", {"299", "24"}),
    ("en", "I'll ring you within forty-eight hours.", {"48"}),
    ("en", "Forty-something customers asked the same.", set()),
])
def test_figures_in_words_count_as_figures(lang: str, text: str, figures: set[str]) -> None:
    """A figure spelled out is indexed as the figure, so `numbers: [299]` finds it."""
    from lab.scoring.lexicon import load_lexicon
    from lab.scoring.nlp import tokenise

    doc = tokenise(text, load_lexicon().languages[lang])
    assert {key for key in doc.index if key.isdigit()} == figures


@pytest.mark.parametrize(("lang", "text", "sentences"), [
    ("ru", "Уже выключил, деньги, 299 р., вернутся в течение 24 часов.", 1),
    ("ru", "Станция на ул. Лесной работает вполсилы.", 1),
    ("ru", "Вернём 299 р. Подписку отключила.", 2),
    ("en", "Porting takes approx. 8 days and it's free.", 1),
])
def test_a_short_form_dot_ends_no_sentence(lang: str, text: str, sentences: int) -> None:
    """"299 р., вернутся" goes on: the dot of a short form followed by lower case, a figure
    or a comma is not a sentence end."""
    from lab.scoring.lexicon import load_lexicon
    from lab.scoring.nlp import tokenise

    assert tokenise(text, load_lexicon().languages[lang]).sentences == sentences
