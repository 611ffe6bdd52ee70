"""Periods: a time the call's facts never name is a wrong fact, in any wording of the unit."""

from __future__ import annotations

import pytest

from lab.content.periods import periods
from lab.scoring import default_scorer
from tests.unit.scoring.helpers import assert_customer_questions, sectors


@pytest.mark.parametrize("text,hours", [
    ("в течение 24 часов", {24}),
    ("в течение суток", {24}),
    ("within 48 hours", {48}),
    ("3 рабочих дня", {72}),
    ("две недели", {336}),
    ("a 48-hour check", {48}),
    ("valid for 30 days", {720}),
    # Minutes are the network's or a tariff's, never a time the call promises.
    ("одну минуту, пожалуйста", set()),
    ("SMS через пару минут, 300 минут в пакете", set()),
    ("the 1st of October", set()),
])
def test_periods_are_read_in_hours(text: str, hours: set[float]) -> None:
    assert periods(text) == hours


def test_the_file_names_its_periods() -> None:
    trial = sectors()["unexpected-charge"].trial(3)
    assert {24, 72} <= trial.periods  # the refund's 24 hours, the complaint's 3 working days


def _wrong(sector_id: str, step: int, text: str, lang: str) -> bool:
    analysis = default_scorer().read(sectors()[sector_id].trial(step), text, lang).analysis
    return "wrong_period" in analysis.signals


def test_a_period_the_call_never_names_is_named_by_eva() -> None:
    assert _wrong("unexpected-charge", 3, "Возврат у нас проходит в течение 10 рабочих дней, "
                  "так что ближе к концу месяца увидите.", "ru")
    assert _wrong("about-to-leave", 5, "No problem at all, Artem. The offer's valid for 30 "
                  "days, so there's no rush whatsoever.", "en")


@pytest.mark.parametrize("lang,text", [
    ("ru", "Ирина, 299 рублей вернутся на баланс в течение суток, придёт SMS."),
    ("ru", "Возврат 299 рублей оформила, деньги придут в течение 24 часов."),
    ("en", "The 299 roubles will be back within 24 hours; an SMS will confirm it."),
    ("en", "The refund of 299 roubles is on its way: within a day, and an SMS will say so."),
])
def test_the_calls_own_period_in_other_words_is_right(lang: str, text: str) -> None:
    assert not _wrong("unexpected-charge", 3, text, lang)


def test_eva_names_the_wrong_period() -> None:
    trial = sectors()["unexpected-charge"].trial(3)
    result = default_scorer().score(trial, "Ирина, понимаю, как важно сейчас звонить. Возврат "
                                    "299 рублей оформила, деньги придут в течение 5 суток, "
                                    "вам придёт SMS.", "ru")
    assert any("Такого срока нет" in f.message for f in result.feedback), result.feedback


def test_the_customer_questions_a_wrong_refund_time() -> None:
    trial = sectors()["unexpected-charge"].trial(3)
    result = default_scorer().score(trial, "Ирина, возврат 299 рублей оформила, деньги придут "
                                    "в течение 10 рабочих дней, вам придёт SMS.", "ru")
    assert_customer_questions(trial, 3, result, "wrong_period")


@pytest.mark.parametrize("lang,text", [
    ("ru", "Ирина, подписку отключила, а 299 рублей вернутся в течение 10 рабочих дней."),
    ("en", "The subscription is off and the 299 roubles will be back within 5 to 7 working days."),
    ("ru", "Жалобу зарегистрировала, ответ придёт вам в течение часа."),
])
def test_a_deadline_the_call_never_names_caps_like_a_wrong_figure(lang: str, text: str) -> None:
    """A time given for the fix is one the customer holds the agent to: named by Eva as a
    wrong period, and the rating is a detractor's."""
    trial = sectors()["unexpected-charge"].trial(3)
    result = default_scorer().score(trial, text, lang)
    assert "wrong_period" in result.findings.harms
    assert result.rating <= 6, result


def test_a_wait_the_customer_names_is_no_deadline() -> None:
    """"Can't wait three weeks" is the customer's wait worked out, not a promise."""
    from lab.content.periods import deadlines
    assert not deadlines("Work calls and homework can't wait three weeks, I know.")
    assert deadlines("the answer comes within 3 working days") == {72}
