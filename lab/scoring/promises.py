"""Promises no agent can keep: the money at once where the call's facts give it a time,
and anything for ever.

"Через минуту 299 рублей будут на счёте", "I've put it back this very second, you can call
straight away": a refund that takes up to 24 hours cannot be on the balance in a minute;
the customer who was told it would be calls again within the hour, angrier. The leads rate
such a promise poor, however warm the rest. Only a sentence naming the money counts, and
only when none of the file's own periods is in it ("оформила возврат пару минут назад,
деньги придут за сутки" states the right time), the SMS is not what comes in minutes, and
no negation stands beside the word ("моментально, к сожалению, не получится", "I can't make
it instant").

"Цена больше никогда не изменится", "50% off forever": prices change with notice and offers
have terms. Saying that no one can promise it ("навсегда цену не гарантирует ни один
оператор", "it'd be dishonest to promise it will never change") is the right answer, not
the promise. Plain Python: the scorer calls both with the reply's text.
"""

from __future__ import annotations

import re

from lab.content.periods import periods

_MONEY = {
    "ru": re.compile(r"(?<!\w)(?:верн\w*|возвра\w*|зачисл\w*|поступ\w*|баланс\w*|сч[её]т\w*|"
                     r"деньг\w*|денег|руб\w*)|₽", re.IGNORECASE),
    "en": re.compile(r"\b(?:refund\w*|back|credit\w*|balance|roubles?|rubles?|money)\b",
                     re.IGNORECASE),
}
_AT_ONCE = {
    "ru": re.compile(
        r"(?<!\w)(?:моментальн\w*|мгновенн\w*|сию\s+(?:же\s+)?секунду|"
        r"(?:через|за|в\s+течение)\s+(?:\w+\s+)?(?:минут\w*|секунд\w*)|"
        r"(?:можете|можно|сможете)\s+(?:уже\s+)?звонить\s+(?:хоть\s+|прямо\s+)?(?:сейчас|сразу))",
        re.IGNORECASE),
    "en": re.compile(
        r"\b(?:instant\w*|this\s+(?:very\s+)?(?:second|minute)|"
        r"(?:in|within)\s+(?:the\s+next\s+)?(?:a\s+)?(?:few\s+|couple\s+of\s+|\d+\s+|two\s+|"
        r"five\s+)?minutes?|"
        r"(?:can|could)\s+(?:start\s+)?(?:call|calling|ring)\w*\s+(?:straight|right)\s+away)\b",
        re.IGNORECASE),
}
# Minutes that are the SMS's time or already past are no promise about the money.
_NOT_MONEY = {
    "ru": re.compile(r"(?<!\w)(?:смс\w*|sms|сообщени\w*|эсэмэск\w*|назад)(?!\w)", re.IGNORECASE),
    "en": re.compile(r"\b(?:sms|text|message|ago)\b", re.IGNORECASE),
}
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")
_WORD = re.compile(r"[\w']+")
# How many words either side of the promise a negation reverses it.
_NEAR = 4


def instant_money(text: str, lang: str, named: frozenset[float],
                  negators: frozenset[str]) -> list[str]:
    """The sentences of text that promise the money at once, when the file names its time."""
    if not named or lang not in _MONEY:
        return []
    found = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        at_once = _AT_ONCE[lang].search(sentence)
        if at_once is None or not _MONEY[lang].search(sentence) \
                or _NOT_MONEY[lang].search(sentence) or periods(sentence) & named:
            continue
        before = _WORD.findall(sentence[:at_once.start()])[-_NEAR:]
        after = _WORD.findall(sentence[at_once.end():])[:_NEAR]
        if any(_negator(word, negators) for word in before + after):
            continue
        found.append(sentence.strip())
    return found


def _negator(word: str, negators: frozenset[str]) -> bool:
    low = word.lower()
    return low in negators or low.endswith("n't")


# "Навсегда", "никогда не изменится", "forever", "it'll never go up": a promise no agent
# can keep (prices change with 30 days' notice; discounts and offers have terms).
_FOREVER = {
    "ru": re.compile(r"(?<!\w)(?:навсегда|больше\s+никогда|никогда\s+(?:больше\s+)?не\s+\w+|"
                     r"не\s+\w+\s+никогда|пожизненн\w*|бессрочн\w*|"
                     r"без\s+ограничени\w+\s+(?:по\s+)?срок\w*|"
                     r"пока\s+вы\s+(?:с\s+нами|наш\w*\s+клиент\w*|остаётесь|остаетесь))(?!\w)",
                     re.IGNORECASE),
    # Not "for good": a subscription is switched off for good, and rightly said so.
    # "For as long as you're with us", "no time limit", "nobody will ever raise it" say it
    # in other words.
    "en": re.compile(r"\b(?:forever|(?:will|'ll|would)\s+never|never\s+(?:again|go\s+up|goes\s+up|"
                     r"change|changes|rise|rises|increase)|ever\s+again|for\s+life|lifetime|"
                     r"no\s+time\s+limit|for\s+as\s+long\s+as\s+you(?:'re|\s+are|\s+stay)|"
                     r"(?:no\s*-?one|nobody)\s+(?:\w+\s+){0,3}(?:will|'ll)\s+ever)\b",
                     re.IGNORECASE),
}
# ...unless the sentence says that no one can promise it.
_NO_ONE_CAN = {
    "ru": re.compile(r"(?<!\w)(?:не\s+(?:могу|можем|может|вправе|буду|стану|гарантиру\w*|"
                     r"обеща\w*|получится)|никто\s+не|ни\s+один|нечестно|нельзя|невозможно|"
                     r"врать|обманывать)(?!\w)", re.IGNORECASE),
    "en": re.compile(r"\b(?:can't|cannot|can\s+not|won't\s+pretend|"
                     r"(?:no\s+one|nobody)\s+(?:can|could)|no\s+operator|dishonest|"
                     r"honest|impossible)\b|(?:n't|not)\s+(?:last|stay|be)\s+forever",
                     re.IGNORECASE),
}


def forever(text: str, lang: str) -> list[str]:
    """The sentences of text that promise something for ever."""
    if lang not in _FOREVER:
        return []
    return [m.group(0).strip() for m in _SENTENCE.finditer(text)
            if _FOREVER[lang].search(m.group(0)) and not _NO_ONE_CAN[lang].search(m.group(0))]
