"""Periods written in a text: "24 часа", "3 рабочих дня", "within 48 hours", "две недели".

A sector file states every time an agent may name (the refund's 24 hours, the engineers' 48
hours, the offer's 30 days); a reply that names another ("10 рабочих дней", "within a
month by post") states a wrong fact. Both sides are read by the same rule, in hours, so
"сутки" and "24 hours" are one period. Plain Python: the loader reads the file's periods,
the scorer the reply's.
"""

from __future__ import annotations

import re

_WORDS = {
    "один": 1, "одна": 1, "одну": 1, "одного": 1, "одни": 1, "одних": 1, "два": 2, "две": 2,
    "двух": 2, "пару": 2, "три": 3, "трёх": 3, "трех": 3, "четыре": 4, "четырёх": 4,
    "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7,
    "десять": 10, "десяти": 10, "четырнадцать": 14, "четырнадцати": 14, "тридцать": 30,
    "тридцати": 30, "вторую": 2, "третью": 3, "третий": 3,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10,
    "fourteen": 14, "thirty": 30, "couple": 2, "second": 2, "third": 3,
}
_NUMBER = r"(\d+|" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)) + r")"
# Hours in each unit, by the start of the unit's word.
_HOURS = (("мин", 1 / 60), ("час", 1), ("ч", 1), ("сут", 24), ("дн", 24), ("ден", 24),
          ("нед", 168), ("мес", 720), ("год", 8760), ("лет", 8760),
          ("minute", 1 / 60), ("min", 1 / 60), ("hour", 1), ("hr", 1), ("h", 1), ("day", 24),
          ("week", 168), ("month", 720), ("year", 8760))
_PERIOD = re.compile(
    r"(?<![\w.,])" + _NUMBER + r"(?:[\s-]+(?:of\s+)?|(?=[чh]\b))"
    r"(?:рабоч\w*\s+|календарн\w*\s+|working\s+|business\s+|calendar\s+)?"
    r"(минут\w*|мин\b|час\w*|ч\b|суто?к\w*|сутки|дн(?:я|ей|ям|ях)\b|день|недел\w*|месяц\w*|"
    r"мес\b|год\w*|лет\b|minutes?\b|mins?\b|hours?\b|hrs?\b|h\b|days?\b|weeks?\b|months?\b|"
    r"years?\b)", re.IGNORECASE)
# "Сутки" on their own are a period of their own: "в течение суток" is 24 hours.
_A_DAY = re.compile(r"(?<![\w-])(?:сутки|суток)\b", re.IGNORECASE)
# Minutes are no time of the call: "одну минуту, пожалуйста" asks the customer to hold on,
# "SMS через пару минут" is the network's time, "300 минут" a tariff's package.
_MINUTES = 1 / 60


def period_spans(text: str) -> list[tuple[float, int]]:
    """Each period written with a number, in hours, with where it starts in text."""
    found = []
    for match in _PERIOD.finditer(text):
        raw, unit = match.group(1).lower(), match.group(2).lower()
        number = int(raw) if raw.isdigit() else _WORDS[raw]
        hours = next(h for start, h in _HOURS if unit.startswith(start))
        if hours != _MINUTES:
            found.append((round(number * hours, 3), match.start()))
    return found


def periods(text: str) -> frozenset[float]:
    """The periods named in text, in hours (rounded to a thousandth)."""
    found = {hours for hours, _ in period_spans(text)}
    if _A_DAY.search(text):
        found.add(24.0)
    return frozenset(found)


# "В течение 3 рабочих дней", "within 5 to 7 working days", "через неделю": a period that
# says when something will be done, not how long the customer has waited ("can't wait three
# weeks"). A word or two may stand between ("within 5 to 7 days" reads the 7).
_DEADLINE = re.compile(r"(?:в\s+течени[еи]|within|через|за|in|up\s+to|до|не\s+более|"
                       r"не\s+позднее)\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
# ...and the ones written without a number: "в течение часа", "within a month", and a
# term: "скидка на целый год", "for a whole year".
_BARE_DEADLINE = re.compile(r"(?<!\w)(?:(?:в\s+течени[еи]|within|in)\s+(?:an?\s+|одной\s+|"
                            r"одного\s+)?(часа|недели|месяца|hour|week|month)|(?:на|for\s+a)\s+"
                            r"(?:целый\s+|whole\s+|full\s+)?(год|year))\b", re.IGNORECASE)
_BARE_HOURS = {"ч": 1.0, "h": 1.0, "н": 168.0, "w": 168.0, "м": 720.0, "m": 720.0,
               "г": 8760.0, "y": 8760.0}


def deadlines(text: str) -> frozenset[float]:
    """The periods text gives as the time something takes, in hours."""
    found = {hours for hours, start in period_spans(text)
             if _DEADLINE.search(text[max(0, start - 30):start])}
    found |= {_BARE_HOURS[(m.group(1) or m.group(2))[0].lower()]
              for m in _BARE_DEADLINE.finditer(text)}
    return frozenset(found)
