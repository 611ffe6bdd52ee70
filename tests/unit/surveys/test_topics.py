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
