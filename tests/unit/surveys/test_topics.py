"""The comment topic classifier shared by My TNPS and the team pages."""

import pytest

from lab.surveys.topics import language_of, topics_of


@pytest.mark.parametrize("comment, topic", [
    ("С меня сняли 199 рублей за какую-то подписку на игры!", "charges"),
    ("They charged me twice for the same month and no refund yet.", "charges"),
    ("Дома вообще не ловит, интернет пропадает каждый вечер.", "connection"),
    ("No signal in my flat since Monday, calls keep dropping.", "connection"),
    ("Тариф подорожал на сто рублей без всякого объяснения.", "tariffs"),
    ("The price of my plan went up again, too expensive now.", "tariffs"),
    ("Ухожу к конкуренту, там дешевле и связь лучше.", "leaving"),
    ("I'm switching to a competitor next week.", "leaving"),
    ("Девушка-оператор была очень вежливой и всё объяснила.", "service"),
    ("The agent was rude and hung up on me.", "service"),
])
def test_topic_is_found_by_meaning(comment, topic):
    """Each comment is tagged with its topic, whatever the word form."""
    assert topic in topics_of(comment)


def test_no_comment_no_topic():
    """An empty or missing comment has no topic."""
    assert topics_of("") == () and topics_of("   ") == ()


def test_language_is_told_by_the_alphabet():
    """Cyrillic means Russian."""
    assert language_of("Спасибо") == "ru" and language_of("Thanks") == "en"


# Wordings written after the classifier, not the ones its word lists came from.
@pytest.mark.parametrize("comment", [
    "Оператор попросил поставить десятку, сказал, что от этого зависит премия.",
    "Девушка в конце разговора намекнула, что ей очень важна высокая оценка.",
    "Меня буквально упрашивали оценить звонок на 10 баллов.",
    "Сотрудник напомнил, что придёт опрос, и просил не ставить ниже максимума.",
    "The agent asked me to give a 10 in the survey.",
    "She begged for a ten at the end of the call, a bit awkward.",
    "He reminded me twice that only top marks count for him.",
    "Was told to rate the call 10 out of 10 when the survey comes.",
])
def test_asked_for_a_score_is_a_topic_of_its_own(comment):
    """A customer saying the agent asked for a good score is found in both languages."""
    assert "asked_score" in topics_of(comment)


@pytest.mark.parametrize("comment", [
    "Оператор попросил подождать, потом всё решил. Ставлю 10.",
    "Спросили номер договора и быстро нашли ошибку, оценка отличная.",
    "The agent asked for my account number and fixed it. 10 from me.",
    "I asked for a refund and got it, great service.",
    "Ten minutes on hold, then a rude answer.",
])
def test_asking_and_a_score_apart_are_not_begging(comment):
    """Asking for something else, or a score alone, is everyday speech, not begging."""
    assert "asked_score" not in topics_of(comment)


def test_the_simulated_customers_everyday_comments_are_not_begging():
    """None of the feed's ordinary comments trips the begging topic."""
    from lab.surveys.comments import COMMENTS
    tripped = [text for topic in COMMENTS.values() for texts in topic.values()
               for text in texts if "asked_score" in topics_of(text)]
    assert tripped == []
