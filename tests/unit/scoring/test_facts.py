"""Figures the call's facts do not contain: a wrong amount, date or period."""

from __future__ import annotations

from lab.scoring import default_scorer, facts
from tests.unit.scoring.helpers import assert_customer_questions, sectors


def _unknown(sector_id: str, step: int, text: str, lang: str) -> list[str]:
    trial = sectors()[sector_id].trial(step)
    return default_scorer().read(trial, text, lang).analysis.unknown_figures


def test_every_figure_of_the_sector_file_is_known_to_its_trials() -> None:
    trial = sectors()["price-change"].trial(3)
    assert {"550", "450", "390", "500", "30"} <= trial.figures


def test_a_wrong_price_or_period_is_an_unknown_figure() -> None:
    assert _unknown("price-change", 3, "There is Simple at 450 roubles with 300 minutes, from "
                    "next month.", "en") == []  # both figures are in the card
    assert _unknown("price-change", 3, "Есть тариф «Простой» за 350 рублей, переход через "
                    "45 дней.", "ru") == ["350", "45", "1080h"]
    # 14 is no figure of the call, and 14 working days no period of it (336 hours).
    assert _unknown("unexpected-charge", 3, "Возврат пройдёт в течение 14 рабочих дней.",
                    "ru") == ["14", "336h"]


def test_a_worked_out_difference_and_small_counts_are_known() -> None:
    # 550 - 390 = 160: an agent who does the sum states no wrong fact.
    assert _unknown("price-change", 3, "Simple is 390, that's 160 less than now, and two "
                    "SMS will confirm it.", "en") == []


def test_without_the_calls_facts_nothing_is_unknown() -> None:
    allowed = facts.known(frozenset())
    doc = default_scorer().read(sectors()["price-change"].trial(3), "It costs 777.",
                                "en").analysis.doc
    assert facts.unknown(doc, allowed) == []


def test_eva_names_a_wrong_figure_and_a_right_one_goes_unremarked() -> None:
    trial = sectors()["about-to-leave"].trial(5)
    wrong = default_scorer().score(trial, "Of course, take your time. The offer is valid for "
                                   "45 days, 99 a month.", "en")
    right = default_scorer().score(trial, "Of course, take your time. The offer is valid for "
                                   "7 days, and the terms are in the SMS.", "en")
    message = "neither in the card nor in the terms"
    assert any(message in f.message for f in wrong.feedback), wrong.feedback
    assert not any(message in f.message for f in right.feedback), right.feedback


def test_the_customer_questions_a_wrong_price() -> None:
    # The simulated customer answers what was said: a price that is in no SMS and no card
    # is questioned, not greeted as the fix.
    trial = sectors()["price-change"].trial(3)
    result = default_scorer().score(trial, "Valentina Ivanovna, I can move you to Simple: "
                                    "it's 199 a month, free to switch, from today.", "en")
    assert_customer_questions(trial, 3, result, "wrong_figure")


def test_a_wrong_refund_amount_is_no_promoters_reply() -> None:
    trial = sectors()["unexpected-charge"].trial(1)
    reply = ("Hello Irina, I understand how upsetting this is. A tap on a banner switched on "
             "Horoscope of the day on 3 November. I've switched it off, and the {} roubles "
             "will be back on your balance within 24 hours. I'm also adding the free "
             "paid-content block.")
    right = default_scorer().score(trial, reply.format(299), "en")
    wrong = default_scorer().score(trial, reply.format(199), "en")
    assert right.category == "promoter", right
    assert wrong.rating <= 6, wrong


def test_the_customer_questions_a_wrong_amount_in_the_first_reply() -> None:
    trial = sectors()["unexpected-charge"].trial(1)
    result = default_scorer().score(trial, "Hello Irina, I've switched the subscription off "
                                    "and the 199 roubles will be back within 24 hours.", "en")
    assert_customer_questions(trial, 1, result, "wrong_figure")


def test_a_month_the_call_never_names_is_a_wrong_fact() -> None:
    """The SMS went on 1 October: "in mid-September" is wrong even without a wrong figure."""
    from lab.content.months import months

    trial = sectors()["price-change"].trial(1)
    assert {10, 11} <= trial.months
    assert months("в середине сентября, 1 ноября, mid-October") == {9, 10, 11}
    wrong = default_scorer().score(trial, "Валентина Ивановна, с 1 ноября «Комфорт» стоит 550 "
                                   "рублей, а СМС мы отправили ещё в середине сентября.", "ru")
    assert "wrong_figure" in wrong.findings.harms and wrong.rating <= 6
    right = default_scorer().read(trial, "С 1 ноября «Комфорт» стоит 550 рублей, СМС мы "
                                  "отправили 1 октября, за 30 дней.", "ru").analysis
    assert "wrong_figure" not in right.signals
