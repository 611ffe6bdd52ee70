"""Figures written in words: "двести девяносто девять", "first of October", "forty-eight".

A rubric asks for a figure (`numbers: [299]`) and a reply may spell it out. The words are
read from lemmas (so every case counts: "тридцати", "пятисот"), summed within a run
("two hundred and fifty" is 250), and the value is indexed where the run starts, beside
the digits a reply writes itself.
"""

from __future__ import annotations

_UNITS = {
    # Russian cardinals and ordinals, by lemma.
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
    "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16,
    "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "первый": 1, "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5,
    "шестой": 6, "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10,
    # English.
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_TENS = {
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
    "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "двадцатый": 20, "тридцатый": 30,
    "сороковой": 40,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
}
_HUNDREDS = {
    "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
    "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900, "сотый": 100,
}
_JOINERS = frozenset({"and", "и"})


def _value(word: str) -> tuple[int, int] | None:
    """(value, rank) of one number word: rank 0 units, 1 tens, 2 hundreds, 3 "hundred"."""
    if word in _UNITS:
        return _UNITS[word], 0
    if word in _TENS:
        return _TENS[word], 1
    if word in _HUNDREDS:
        return _HUNDREDS[word], 2
    if word in ("hundred", "hundredth"):
        return 100, 3
    return None


def spelled(lemmas: list[str]) -> list[tuple[int, int]]:
    """(position, value) of each figure written in words, at the position it starts."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(lemmas):
        parts = lemmas[i].split("-")  # "ninety-nine", "forty-eight"
        if _value(parts[0]) is None:
            i += 1
            continue
        start, total, last_rank, j = i, 0, 9, i
        while j < len(lemmas):
            pieces = lemmas[j].split("-")
            values = [_value(p) for p in pieces]
            if lemmas[j] in _JOINERS and j > start and j + 1 < len(lemmas) and \
                    _value(lemmas[j + 1].split("-")[0]) is not None:
                j += 1
                continue
            if any(v is None for v in values):
                break
            for value, rank in values:  # type: ignore[misc]
                if rank == 3:  # "two hundred": multiplies what came before
                    total = (total or 1) * 100
                    last_rank = 2
                elif rank < last_rank:
                    total += value
                    last_rank = rank
                else:  # "пять шесть": a new figure starts
                    break
            else:
                j += 1
                continue
            break
        if j == start:  # "forty-something": a number word inside a word that is none
            i += 1
            continue
        found.append((start, total))
        i = j
    return found
