"""Word-level language knowledge: dictionary forms, parts of speech, known words."""

from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3
import simplemma

# pymorphy tags a person's first name, patronymic and surname; they are marked "NAME".
_NAME_TAGS = frozenset({"Name", "Patr", "Surn"})


_VERB_POS = frozenset({"VERB", "INFN", "GRND", "PRTF", "PRTS"})
# Imperfective endings and the perfective ones they pair with: отключать/отключить,
# оформлять/оформить, проверять/проверить, возвращать/возвратить, подписывать/подписать.
_ASPECT_PAIRS = (("ывать", ("ать", "ить")), ("ивать", ("ить", "ать")), ("щать", ("тить",)),
                 ("лять", ("ить",)), ("ять", ("ить",)), ("ать", ("ить",)))


@lru_cache(maxsize=20_000)
def _perfective(infinitive: str) -> str:
    """The perfective partner of an imperfective verb, when the dictionary knows one.

    "Отключаю", "сейчас отключу" and "уже отключила" are one committed action to the
    customer, so they share a lemma; verbs with no regular partner keep their own.
    """
    for ending, replacements in _ASPECT_PAIRS:
        if not infinitive.endswith(ending):
            continue
        stem = infinitive[: -len(ending)]
        stems = [stem]
        if ending == "ивать" and "а" in stem:
            stems.append(stem[::-1].replace("а", "о", 1)[::-1])  # перезванивать: перезвонить
        for base in stems:
            for replacement in replacements:
                candidate = base + replacement
                if _morph().word_is_known(candidate) and any(
                        p.normal_form == candidate and "INFN" in p.tag and "perf" in p.tag
                        for p in _morph().parse(candidate)):
                    return candidate
    return infinitive


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
        normal = parse.normal_form.replace("ё", "е")
        if parse.tag.aspect == "impf" and parse.tag.POS in _VERB_POS:
            normal = _perfective(normal)
        return normal, "NAME" if name else str(parse.tag.POS or "")
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
