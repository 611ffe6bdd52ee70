"""The one-voice rule on one customer's answers, and the keyed hash of their key."""

from datetime import UTC, datetime, timedelta

import pytest

from lab.fairness.customers import FIRST, LATEST, Answer, customer_hash, repeats

SIX_MONTHS = timedelta(days=183)


def _day(month: int, day: int = 1, year: int = 2026) -> datetime:
    return datetime(year, month, day, 10, tzinfo=UTC)


def test_first_rule_counts_the_first_and_marks_the_rest_of_the_window():
    answers = [Answer(1, _day(1)), Answer(2, _day(3)), Answer(3, _day(6, 30)),
               Answer(4, _day(8)), Answer(5, _day(9))]
    # 4 is 212 days after 1: counts again, and 5 repeats it.
    assert repeats(answers, SIX_MONTHS, FIRST) == {1: None, 2: 1, 3: 1, 4: None, 5: 4}


def test_latest_rule_is_the_mirror():
    answers = [Answer(1, _day(1)), Answer(2, _day(3)), Answer(3, _day(5))]
    assert repeats(answers, SIX_MONTHS, LATEST) == {3: None, 2: 3, 1: 3}


def test_the_outcome_does_not_depend_on_arrival_order():
    answers = [Answer(7, _day(5)), Answer(3, _day(2)), Answer(9, _day(2))]
    assert repeats(answers, SIX_MONTHS) == repeats(list(reversed(answers)), SIX_MONTHS)
    assert repeats(answers, SIX_MONTHS) == {3: None, 9: 3, 7: 3}  # a tie goes to the lower id


def test_exactly_the_window_later_counts_again():
    assert repeats([Answer(1, _day(1)), Answer(2, _day(1) + SIX_MONTHS)], SIX_MONTHS) == {
        1: None, 2: None}


def test_an_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="first"):
        repeats([], SIX_MONTHS, "middle")


def test_the_hash_is_keyed_stable_and_not_the_key():
    one = customer_hash(b"secret", "+79001112233")
    assert one == customer_hash(b"secret", "+79001112233") and len(one) == 64
    assert one != customer_hash(b"other", "+79001112233")
    assert "79001112233" not in one and customer_hash(b"secret", None) is None
