"""Turning a reply into sentences, clauses and lemmas, with negation scope marked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lab.scoring.morph import analyse, is_known, lemma  # noqa: F401 (lemma: re-exported)
from lab.scoring.numerals import spelled

_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,:]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*)"
    # A semicolon joins two halves of one thought ("ads carry banners; one tap starts it"),
    # so it parts clauses, not sentences.
    r"|(?P<stop>[.!?…]+|\n\s*\n|\n(?=\s*[-*•]))"
    # Quotes only mark a name («Простой», "Smart"); they part nothing.
    r"|(?P<pause>[,:;()—–]|\s-\s)"
)
_CONTRACTIONS = {"won't": ("will", "not"), "can't": ("can", "not"), "cannot": ("can", "not"),
                 "shan't": ("shall", "not"), "ain't": ("be", "not")}
_SUFFIXES = {"n't": "not", "'ll": "will", "'re": "be", "'ve": "have", "'m": "be", "'d": "would"}
_S_IS = {"it", "that", "there", "here", "what", "he", "she", "who", "where", "everything"}
_RU_FUNCTION_POS = {"NPRO", "PREP", "CONJ", "PRCL"}
# Halves of "что-то", "кто-нибудь", "по-моему" are particles, not words of their own.
_PARTICLES = {"то", "либо", "нибудь", "ка", "таки", "де"}


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
    # Words that make no clause of their own: "конечно", "please", "goodbye" (keyword lists).
    light_words: frozenset[str] = frozenset()
    # English has no tagger here: these words (auxiliaries, modals) mark a finite verb.
    finite_markers: frozenset[str] = frozenset()
    # "But" after an honest limit: "I can't promise that, but the price is fixed".
    contrast: frozenset[str] = frozenset()


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
    # Coarse part of speech ("VERB", "NOUN"...; "NAME" for a person's name; "" unknown).
    pos: list[str] = field(default_factory=list)
    finite_verbs: int = 0
    sentences: int = 0
    index: dict[str, list[int]] = field(default_factory=dict)
    # Positions of words the lemmatiser does not know: candidates for typo correction.
    unknown: list[int] = field(default_factory=list)


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


# Short forms a name or figure follows ("ул. Лесной", "Mr. Belov"): their dot never ends
# the sentence, whatever the case of what comes next...
_BEFORE_NAMES = frozenset({"ул", "пр", "им", "тел", "доб", "mr", "mrs", "ms", "dr", "approx"})
# ...and short forms whose dot ends no sentence when the text goes on in lower case or with
# a figure or comma: "299 р., вернутся", "5 мин. и всё".
_ABBREVIATIONS = _BEFORE_NAMES | frozenset({
    "р", "руб", "коп", "тыс", "млн", "мин", "сек", "ч", "д", "г", "гг", "т", "е", "п", "см",
    "стр", "кв", "мес", "min", "mins", "hr", "hrs", "no", "vs", "etc", "st", "e", "g", "i"})


def _abbreviation_dot(text: str, match: re.Match[str], previous: str) -> bool:
    """True when this "." closes a short form inside a sentence, not the sentence."""
    if match.group() != "." or previous not in _ABBREVIATIONS:
        return False
    rest = text[match.end():].lstrip()
    return bool(rest) and (previous in _BEFORE_NAMES or rest[0] in ",;:" or rest[0].isdigit()
                           or rest[0].islower())


def tokenise(text: str, language: Language) -> Doc:
    """Split text into words with lemma, sentence, clause and negation marks."""
    doc = Doc(text)
    sentence = clause = 0
    pending = False  # a word seen since the last boundary, so empty sentences are not counted
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "stop":
            if doc.words and _abbreviation_dot(text, match, doc.words[-1]):
                continue
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
            # An English name: capitalised and unknown, or capitalised mid-sentence ("Artem").
            if language.code == "en" and raw[:1].isupper() and part != "i" and \
                    (pending or not is_known(part, "en")):
                pos = "NAME"
            if lem in language.clause_breaks:
                clause += 1
            doc.words.append(part)
            doc.lemmas.append(lem)
            doc.spans.append(match.span())
            doc.sentence.append(sentence)
            doc.clause.append(clause)
            doc.function.append(pos in _RU_FUNCTION_POS or lem in language.function_words)
            doc.pos.append(pos)
            doc.finite_verbs += pos == "VERB"
            pending = True
            if not is_known(part, language.code):
                doc.unknown.append(len(doc.lemmas) - 1)
    doc.sentences = sentence + (1 if pending else 0)
    _merge_parentheticals(doc, language)
    doc.negated = _negation(doc, language)
    for position, lem in enumerate(doc.lemmas):
        doc.index.setdefault(lem, []).append(position)
        # Exact forms are indexed too, for patterns that need an imperative ("=звоните").
        doc.index.setdefault("=" + doc.words[position].replace("ё", "е"), []).append(position)
        # "paid-content block", "контент-провайдер": each half also counts as its own word.
        halves = doc.words[position].split("-")
        if len(halves) > 1 and all(len(h) > 2 and h not in _PARTICLES for h in halves):
            for half in halves:
                doc.index.setdefault(analyse(half, language.code)[0], []).append(position)
    # "двести девяносто девять", "forty-eight": a figure in words is that figure.
    for position, value in spelled(doc.lemmas):
        places = doc.index.setdefault(str(value), [])
        places.append(position)
        places.sort()
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
