"""The alarm of a detractor's answer: score and alarming words, in Russian and English."""

import pytest

from lab.followup.alarm import alarm_of, signals_of


@pytest.mark.parametrize("comment, kind", [
    ("Пойду в суд, если деньги не вернут", "legal"),
    ("Подам иск и найму юриста", "legal"),
    ("Напишу жалобу в Роспотребнадзор", "regulator"),
    ("Буду писать в прокуратуру", "regulator"),
    ("Оставлю жалобу на вас", "complaint"),
    ("Ухожу к конкуренту", "leaving"),
    ("Расторгну договор завтра же", "leaving"),
    ("Третий раз звоню из-за одного и того же", "repeat"),
    ("I'll take you to court over this", "legal"),
    ("I'm complaining to the regulator", "regulator"),
    ("I will file a complaint", "complaint"),
    ("Moving to a competitor next week", "leaving"),
    ("I want to port my number", "leaving"),
    ("Posting this on social media", "public"),
])
def test_alarming_words_are_found(comment, kind):
    """Each alarming word, in either language, names its kind."""
    assert kind in signals_of(comment)


@pytest.mark.parametrize("comment", [
    "Долго искали решение, но нашли", "Судя по всему, всё починили",
    "The agent was polite", "", None,
])
def test_ordinary_words_are_not_alarming(comment):
    """Words that merely look alike (искали, судя) raise no alarm."""
    assert signals_of(comment) == ()


def test_lower_score_is_more_alarming():
    """Without alarming words, a 0 comes before a 6."""
    assert alarm_of(0, "плохо").points > alarm_of(6, "плохо").points


def test_words_outweigh_one_point_of_score():
    """A 6 threatening court comes before a silent 0."""
    assert alarm_of(6, "подам в суд").points > alarm_of(0, None).points


def test_levels():
    """Regulator plus a low score is high; a quiet 6 is low."""
    assert alarm_of(1, "жалоба в Роспотребнадзор").level == "high"
    assert alarm_of(6, None).level == "low"
    assert alarm_of(2, "опять").level == "medium"


def test_score_out_of_range_is_refused():
    """An impossible score is an error, not an alarm."""
    with pytest.raises(ValueError):
        alarm_of(11, None)
