"""The scorer understands more than one way of saying a thing: synonyms, typos, registers."""

from __future__ import annotations

import pytest

from lab.scoring import default_scorer
from lab.scoring.analysis import analyse
from lab.scoring.constants import WEIGHTS
from lab.scoring.nlp import tokenise
from lab.scoring.signals import is_repetitive
from tests.unit.scoring.helpers import sector


def found(step: int, text: str, lang: str) -> set[str]:
    """Names of the needs met and the concepts present in a reply."""
    scorer = default_scorer()
    analysis = analyse(scorer.prepare(sector().trial(step), lang), text, scorer.lexicon)
    return {n for n, r in analysis.needs.items() if r.credit > 0} | \
        {n for n, hits in analysis.concepts.items() if hits}


@pytest.mark.parametrize("lang,text,need", [
    ("ru", "Я зарегестрирую жалобу на провайдера.", "complaint"),
    ("en", "I have regsitered a complaint about the provider.", "complaint"),
    ("en", "I've cancelled the subscriptoin.", "switch-off"),
])
def test_one_slip_of_the_keyboard_is_forgiven(lang: str, text: str, need: str) -> None:
    """A word one letter away from a word we look for, and unknown itself, still counts."""
    assert need in found(5 if need == "complaint" else 1, text, lang)


def test_semicolon_keeps_one_thought_together() -> None:
    """A banner and its tap on either side of a semicolon still explain the mechanism."""
    text = "It came from an ad banner on the site; one tap on it starts a subscription."
    assert "mechanism" in found(2, text, "en")


def test_halves_of_a_compound_count() -> None:
    """"Paid-content block" is a block on paid content."""
    assert "recap-block" in found(6, "The paid-content block is on now.", "en")


@pytest.mark.parametrize("lang,text,concept", [
    ("ru", "Подписку я уже деактивировала.", "-jargon"),
    ("ru", "Вашей вины тут нет, такие баннеры легко задеть.", "acknowledge"),
    ("ru", "Вашей вины тут нет, такие баннеры легко задеть.", "-blame"),
    ("en", "It's not your fault at all.", "acknowledge"),
    ("en", "That will be back a good deal sooner.", "-upsell"),
    ("ru", "Такое бывает, если нажать на баннер на сайте.", "-dismissive"),
    ("ru", "Такое у всех бывает.", "dismissive"),
    ("ru", "Мы тут ни при чём, это партнёр.", "buck_passing"),
])
def test_concepts_read_by_meaning(lang: str, text: str, concept: str) -> None:
    """Synonyms and negation decide a concept, not a single word out of context."""
    present = concept.lstrip("-") in found(1, text, lang)
    assert present != concept.startswith("-")


def test_a_phrase_said_again_and_again_is_repetition() -> None:
    """One phrase four times is a stuck record even with other words around it."""
    language = default_scorer().lexicon.languages["en"]
    stuck = "Within 24 hours. Within 24 hours, refund 299, within 24 hours, SMS. Within 24 hours."
    assert is_repetitive(tokenise(stuck, language), WEIGHTS)
    plain = ("The 299 roubles will be back within 24 hours, and you'll get an SMS when the "
             "299 roubles arrive on your balance.")
    assert not is_repetitive(tokenise(plain, language), WEIGHTS)

