"""Live warnings on a draft: what to avoid, where it is, and which Codex section explains."""

from __future__ import annotations

import pytest

from lab.scoring import find_warnings
from tests.unit.scoring.helpers import sector


def kinds(step: int, text: str, lang: str) -> dict[str, str]:
    """Kinds of warnings found in a draft, with their Codex links."""
    return {w.kind: w.codex for w in find_warnings(sector().trial(step), text, lang)}


@pytest.mark.parametrize("lang,text,kind,codex", [
    ("ru", "Сами виноваты, надо было читать условия.", "blame", "forbidden-words#blame"),
    ("en", "You should have read the terms.", "blame", "forbidden-words#blame"),
    ("ru", "Постараюсь вернуть деньги.", "hedge", "forbidden-words#hedging"),
    ("en", "I can't promise anything.", "hedge", "forbidden-words#hedging"),
    ("ru", "Возможно, деньги вернутся.", "hedge_weak", "forbidden-words#hedging"),
    ("ru", "Отстаньте от меня.", "rudeness", "forbidden-words#rudeness"),
    ("en", "Shut up and listen.", "rudeness", "forbidden-words#rudeness"),
    ("ru", "В соответствии с регламентом услуга подключена.", "jargon", "forbidden-words#jargon"),
    ("en", "As per policy, the service stays.", "jargon", "forbidden-words#jargon"),
    ("ru", "Это не к нам, обращайтесь к провайдеру.", "buck_passing",
     "ownership#no-passing-the-buck"),
    ("en", "Please contact the provider yourself.", "buck_passing",
     "ownership#no-passing-the-buck"),
    ("en", "Would you like our special offer on a new plan?", "upsell",
     "forbidden-words#upsell-instead-of-fix"),
    ("ru", "ВЫ ЧТО, НЕ ПОНИМАЕТЕ, ЧТО ПОДПИСКА ПЛАТНАЯ", "caps", "forbidden-words#shouting"),
])
def test_forbidden_things_are_found(lang: str, text: str, kind: str, codex: str) -> None:
    """Each forbidden move is found in a draft with its Codex link."""
    assert kinds(1, text, lang).get(kind) == codex


def test_trial_warnings_are_found() -> None:
    """A step's own warnings are checked too ("it's only 299 roubles" at step 3)."""
    found = find_warnings(sector().trial(3), "Это же всего 299 рублей, подождите.", "ru")
    trial = [w for w in found if w.kind == "trial"]
    assert trial and trial[0].codex == "listening#acknowledge-feelings"
    assert "299" in trial[0].message


def test_warning_spans_point_into_the_draft() -> None:
    """Each warning carries the span of the words that triggered it."""
    text = "Здравствуйте. Вы сами виноваты."
    [warning] = [w for w in find_warnings(sector().trial(1), text, "ru") if w.kind == "blame"]
    assert text[warning.start:warning.end] == "сами виноваты"
    assert warning.to_json()["kind"] == "blame"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_model_answers_raise_no_warnings(lang: str) -> None:
    """The model answers are clean drafts."""
    for trial in sector().trials:
        assert find_warnings(trial, trial.model_answer.get(lang), lang) == ()


def test_acronyms_are_not_shouting() -> None:
    """SMS and similar acronyms do not count as capitals."""
    assert "caps" not in kinds(3, "Вы получите SMS, как только деньги придут.", "ru")
