"""Turning a reply into sentences, clauses and lemmas, with negation scope marked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pymorphy3
import simplemma

_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,:]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*)"
    r"|(?P<stop>[.!?…;]+|\n\s*\n|\n(?=\s*[-*•]))"
    r"|(?P<pause>[,:()\"«»“”—–]|\s-\s)"
)
_CONTRACTIONS = {"won't": ("will", "not"), "can't": ("can", "not"), "cannot": ("can", "not"),
                 "shan't": ("shall", "not"), "ain't": ("be", "not")}
_SUFFIXES = {"n't": "not", "'ll": "will", "'re": "be", "'ve": "have", "'m": "be", "'d": "would"}
_S_IS = {"it", "that", "there", "here", "what", "he", "she", "who", "where", "everything"}
_RU_FUNCTION_POS = {"NPRO", "PREP", "CONJ", "PRCL"}


@dataclass(frozen=True)
class Language:
    """Per-language word lists that steer tokenising (from the lexicon files)."""

    code: str
    negators: frozenset[str]
    passes_negation: frozenset[str]
    existential: frozenset[str]
    clause_breaks: frozenset[str]
    function_words: frozenset[str]
    parentheticals: frozenset[str] = frozenset()


@dataclass(slots=True)
class Doc:
    """A tokenised reply: parallel lists, one entry per word."""

    text: str
    words: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    sentence: list[int] = field(default_factory=list)
    clause: list[int] = field(default_factory=list)
    negated: list[bool] = field(default_factory=list)
    function: list[bool] = field(default_factory=list)
    finite_verbs: int = 0
    sentences: int = 0
    index: dict[str, list[int]] = field(default_factory=dict)


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
        return parse.normal_form.replace("ё", "е"), str(parse.tag.POS or "")
    return simplemma.lemmatize(word, lang="en").lower(), ""


def lemma(word: str, lang: str) -> str:
    """Return the dictionary form of a word in lang."""
    return analyse(word.lower(), lang)[0]


def _expand(word: str) -> list[str]:
    low = word.lower().replace("’", "'")
    if low in _CONTRACTIONS:
        return list(_CONTRACTIONS[low])
    for suffix, full in _SUFFIXES.items():
        if low.endswith(suffix) and len(low) > len(suffix):
            return [low[: -len(suffix)], full]
    if low.endswith("'s"):
        stem = low[:-2]
        return [stem, "be"] if stem in _S_IS else [stem]
    return [low]


def tokenise(text: str, language: Language) -> Doc:
    """Split text into words with lemma, sentence, clause and negation marks."""
    doc = Doc(text)
    sentence = clause = 0
    pending = False  # a word seen since the last boundary, so empty sentences are not counted
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "stop":
            if pending:
                sentence, clause, pending = sentence + 1, clause + 1, False
            continue
        if kind == "pause":
            clause += 1
            continue
        raw = match.group()
        parts = _expand(raw) if language.code == "en" else [raw.lower()]
        for part in parts:
            lem, pos = analyse(part, language.code)
            if lem in language.clause_breaks:
                clause += 1
            doc.words.append(part)
            doc.lemmas.append(lem)
            doc.spans.append(match.span())
            doc.sentence.append(sentence)
            doc.clause.append(clause)
            doc.function.append(pos in _RU_FUNCTION_POS or lem in language.function_words)
            doc.finite_verbs += pos == "VERB"
            pending = True
    doc.sentences = sentence + (1 if pending else 0)
    _merge_parentheticals(doc, language)
    doc.negated = _negation(doc, language)
    for position, lem in enumerate(doc.lemmas):
        doc.index.setdefault(lem, []).append(position)
        # Exact forms are indexed too, for patterns that need an imperative ("=звоните").
        doc.index.setdefault("=" + doc.words[position].replace("ё", "е"), []).append(position)
    return doc


def _merge_parentheticals(doc: Doc, language: Language) -> None:
    """Let ", к сожалению, " or ", I'm afraid, " sit inside a clause instead of splitting it."""
    clauses: dict[int, list[int]] = {}
    for position, clause in enumerate(doc.clause):
        clauses.setdefault(clause, []).append(position)
    order = sorted(clauses)
    for index in range(1, len(order) - 1):
        clause, before, after = order[index], order[index - 1], order[index + 1]
        if not (clauses[clause] and clauses[before] and clauses[after]):
            continue
        if all(doc.lemmas[p] in language.parentheticals for p in clauses[clause]) and \
                doc.sentence[clauses[before][-1]] == doc.sentence[clauses[after][0]]:
            for position in clauses[clause] + clauses[after]:
                doc.clause[position] = before
            clauses[before] += clauses[clause] + clauses[after]
            clauses[clause], clauses[after] = [], []
            order[index + 1] = before


def _negation(doc: Doc, language: Language) -> list[bool]:
    """Mark words under a negator: the next word, passed on through modals and auxiliaries."""
    lemmas, clause = doc.lemmas, doc.clause
    negated = [False] * len(lemmas)
    for i, lem in enumerate(lemmas):
        if lem not in language.negators:
            continue
        nxt = i + 1
        if nxt < len(lemmas) and lemmas[nxt] in ("только", "only"):
            continue  # "not only ... but also" affirms
        while nxt < len(lemmas) and clause[nxt] == clause[i]:
            negated[nxt] = True
            if lemmas[nxt] not in language.passes_negation:
                break
            nxt += 1
        following = lemmas[i + 1] if i + 1 < len(lemmas) else ""
        if lem in language.existential or following in language.existential:
            # "списаний больше не будет", "других подписок нет": the negated thing comes first
            back = i - 1
            while back >= 0 and clause[back] == clause[i] and i - back <= 6:
                negated[back] = True
                back -= 1
    return negated
