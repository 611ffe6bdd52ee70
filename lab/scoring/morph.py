"""Word-level language knowledge: dictionary forms, parts of speech, known words."""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3
import simplemma

# pymorphy tags a person's first name, patronymic and surname; they are marked "NAME".
_NAME_TAGS = frozenset({"Name", "Patr", "Surn"})


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def analyse(word: str, lang: str) -> tuple[str, str]:
    """Return (lemma, coarse part of speech) of a lower-case word; POS is '' when unknown."""
    word = word.replace("ё", "е")
    if word.isdigit():
        return word, "NUMB"
    if lang == "ru" and re.search("[а-я]", word):
        parse = _morph().parse(word)[0]
        name = not _NAME_TAGS.isdisjoint(parse.tag.grammemes)
        return parse.normal_form.replace("ё", "е"), "NAME" if name else str(parse.tag.POS or "")
    return simplemma.lemmatize(word, lang="en").lower(), ""


@lru_cache(maxsize=200_000)
def is_known(word: str, lang: str) -> bool:
    """True when the lemmatiser's dictionary has the lower-case word (so it is no typo)."""
    if "-" in word or not word.isalpha():
        return True
    if lang == "ru" and re.search("[а-я]", word):
        return bool(_morph().word_is_known(word.replace("ё", "е")))
    return bool(simplemma.is_known(word, lang="en"))


def lemma(word: str, lang: str) -> str:
    """Return the dictionary form of a word in lang."""
    return analyse(word.lower(), lang)[0]
