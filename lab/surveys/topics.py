"""What a customer's comment is about: one classifier for My TNPS and the team pages.

Topics match the Lab's sectors (charges, connection, tariffs, leaving), plus `service`
for comments about how the agent behaved, and `asked_score` for a customer saying the
agent asked for a good score (a sign of a gamed TNPS). A comment is tagged with every
topic whose words it uses (by lemma, so «списали» and «списание» count alike); most
comments have one topic, some none. `asked_score` needs two things in one sentence: a
word of asking and a word of the score, since either alone is everyday speech.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lab.scoring.morph import lemma

TOPICS = ("charges", "connection", "tariffs", "leaving", "service", "asked_score")
ASKED_SCORE = "asked_score"
# A response stores its topics as a bit mask (bit i for TOPICS[i]): tagged once, when
# the answer arrives, so pages filter and count by topic without re-reading comments.
TOPIC_BIT = {topic: 1 << index for index, topic in enumerate(TOPICS)}

def _w(text: str) -> frozenset[str]:
    """A word list written as one string, for readability."""
    return frozenset(text.split())


# Lemmas (lower case) that mark a topic. Kept to words a customer would use.
_WORDS: dict[str, dict[str, frozenset[str]]] = {
    "charges": {
        "ru": _w("""списать списание списываться снять подписка платный услуга деньги
            вернуть возврат счёт баланс рубль контент снимать начисление оплата"""),
        "en": _w("""charge charged subscription refund refunded money bill balance
            debit paid fee rouble content deduct"""),
    },
    "connection": {
        "ru": _w("""связь интернет сеть сигнал обрываться ловить скорость покрытие
            вышка гудок слышно дозвониться недоступный недоступен мастер инженер починить
            сим-карта симка авария район"""),
        "en": _w("""connection signal internet network coverage drop dropped
            speed slow mast bars reception outage unavailable reach engineer fix fixed
            sim area"""),
    },
    "tariffs": {
        "ru": _w("""тариф цена стоимость подорожать дорого абонентский подняли
            пакет гигабайт дешевле переплачивать платить выгодный выгоднее"""),
        "en": _w("""tariff plan price cost expensive increase raised package
            gigabyte cheaper pricing overpay overpaying pay deal"""),
    },
    "leaving": {
        "ru": _w("""уйти уходить перейти конкурент расторгнуть расторгать расторжение
            перенос перенести переносить остаться удержать терять договор"""),
        "en": _w("""leave leaving switch switching competitor port porting
            elsewhere stay staying keep losing contract go"""),
    },
    "service": {
        "ru": _w("""оператор сотрудник девушка вежливый грубый хамить помочь
            спасибо благодарить вежливо объяснить скрипт перезвонить разговор отдел
            ждать"""),
        "en": _w("""agent operator polite rude helpful friendly thank thanks
            explained patient script rang call waited hold"""),
    },
}
# asked_score: an asking word and a score word in the same sentence ("10" counts as a
# score word; digits are read apart from words).
_ASKING: dict[str, frozenset[str]] = {
    "ru": _w("""просить попросить упрашивать уговаривать намекнуть намекать напомнить
        настаивать умолять клянчить выпрашивать"""),
    "en": _w("""ask asked asking begged beg begging urged urge pleaded plead hinted
        reminded pushed insisted nudged told"""),
}
_SCORE_WORDS: dict[str, frozenset[str]] = {
    "ru": _w("""десятка десять оценка оценить поставить балл высокий максимальный
        максимум пятёрка отлично опрос"""),
    "en": _w("""ten score rate rating rated survey mark marks top highest maximum
        stars"""),
}
_TEN = re.compile(r"(?<!\d)10(?!\d)")
_SENTENCE = re.compile(r"[.!?;\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def language_of(text: str) -> str:
    """ru when the comment has Cyrillic letters, else en."""
    return "ru" if _CYRILLIC.search(text) else "en"


@lru_cache(maxsize=20_000)
def topics_of(comment: str) -> tuple[str, ...]:
    """The topics a comment is about, in TOPICS order (empty for none or no comment)."""
    if not comment or not comment.strip():
        return ()
    lang = language_of(comment)
    words = {word.lower() for word in _WORD.findall(comment)}
    lemmas = words | {lemma(word, lang) for word in words}
    found = [topic for topic in TOPICS[:-1] if lemmas & _WORDS[topic][lang]]
    if _asked_for_score(comment, lang):
        found.append(ASKED_SCORE)
    return tuple(found)


def _asked_for_score(comment: str, lang: str) -> bool:
    """True when one sentence has both an asking word and a score word (or a 10)."""
    for sentence in _SENTENCE.split(comment):
        words = {word.lower() for word in _WORD.findall(sentence)}
        lemmas = words | {lemma(word, lang) for word in words}
        if lemmas & _ASKING[lang] and (lemmas & _SCORE_WORDS[lang] or _TEN.search(sentence)):
            return True
    return False


def topic_mask(comment: str | None) -> int:
    """The comment's topics as a bit mask (0 for none or no comment)."""
    mask = 0
    for topic in topics_of(comment or ""):
        mask |= TOPIC_BIT[topic]
    return mask


@lru_cache(maxsize=256)  # a handful of topics: a few dozen masks, each a fixed tuple
def topics_in(mask: int) -> tuple[str, ...]:
    """The topics of a mask, in TOPICS order."""
    return tuple(topic for topic in TOPICS if mask & TOPIC_BIT[topic])
