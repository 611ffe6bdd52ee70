"""Which of the Lab's languages a reply is written in, by its letters.

A Russian reply read by the English rules finds no words it knows and comes out a keyword
list at 1 of 10, with advice to do what the reply did: so the Lab asks for the call's
language first instead of scoring. Letters decide, not words: a Russian reply may name
"SMS", "Wi-Fi" or "Smart" in Latin letters, and an English one the customer in Cyrillic.
Plain Python.
"""

from __future__ import annotations

# Too few letters to tell ("OK", "299 ₽"): no verdict, the reply is scored as it is.
_MIN_LETTERS = 12
# Shares of Cyrillic letters: at least this much is Russian, at most that much English.
_RUSSIAN = 0.6
_ENGLISH = 0.2
# Said while typing, in the call's language, before the reply is sent back for it.
OTHER_LANGUAGE = {
    "en": "This call is in English: a reply in Russian is not scored. Write it in English.",
    "ru": "Этот звонок идёт на русском: ответ на английском не будет оценён. Напишите его "
          "по-русски.",
}


def written_in(text: str) -> str | None:
    """"ru" or "en" when the letters say so clearly, else None."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < _MIN_LETTERS:
        return None
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters)
    if cyrillic >= _RUSSIAN:
        return "ru"
    return "en" if cyrillic <= _ENGLISH else None
