"""Needs matched by meaning: each clause of a reply against each need's example phrasings.

The patterns find the words a sector author thought of; agents find others ("за сутки",
"блокировка", "it's off"). The encoder compares every sentence and clause of the reply with
the need's phrasings (the sector file's `examples` plus the model answer's sentences that meet
the need) and keeps the closest. Similarity alone cannot tell "we will refund" from "we won't
refund", so a clause only counts for a phrasing of the same polarity, and a hedged clause
counts for less, exactly as with the patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from lab.scoring.encoder import Encoder
from lab.scoring.nlp import Doc, Language, tokenise

# Replies are split at sentence ends; long sentences also at clause breaks, so one clause
# that meets a need is not diluted by the rest of its sentence.
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
_MIN_CLAUSE_WORDS = 2
_MAX_UNITS = 24
# Characters the encoder reads per reply, sentences and clauses together. The encoder's
# time grows with what it reads; 97% of the corpus' replies fit within it whole.
_READ_BUDGET = 800
HARM_PHRASINGS = Path(__file__).resolve().parent / "lexicon" / "harm_phrasings.yaml"
HARM_KINDS = ("blame", "dismissive", "buck_passing", "refusal", "overpromise", "upsell")

# Sentences that meet no need in any call: what an unrelated sentence scores against a
# need's phrasings is that need's own floor.
NEUTRAL = {
    "ru": ("Здравствуйте!", "Спасибо, что позвонили.", "Минуточку, сейчас посмотрю.",
           "Понимаю вас.", "Хорошо.", "Чем ещё могу помочь?", "Всего доброго!",
           "Меня зовут Анна, я оператор.", "Давайте разберёмся.", "Одну секунду."),
    "en": ("Hello!", "Thank you for calling.", "One moment, let me look.", "I understand.",
           "All right.", "What else can I help with?", "Have a good day!",
           "My name is Anna, I'm an agent.", "Let's sort this out.", "Just a second."),
}


@dataclass(frozen=True)
class NeedPhrasings:
    """A need's phrasings as vectors, their polarity, and the floor an unrelated text hits."""

    vectors: np.ndarray
    negative: np.ndarray
    floor: float


@dataclass(frozen=True)
class Unit:
    """A sentence or clause of the reply, with where it sits and its polarity."""

    text: str
    sentence: int
    negative: bool


@dataclass(frozen=True)
class Closest:
    """The reply's closest unit to a need: its similarity above the need's floor (0-1)."""

    similarity: float
    lift: float
    sentence: int


def _negative(doc: Doc, positions: range | list[int], language: Language) -> bool:
    return any(doc.lemmas[p] in language.negators for p in positions)


def phrasings(texts: list[str], encoder: Encoder, language: Language,
              neutral: np.ndarray) -> NeedPhrasings:
    """Vectors, polarity and floor of one need's phrasings."""
    vectors = encoder.phrasings(texts)
    negative = np.array([_negative(d, range(len(d.lemmas)), language)
                         for d in (tokenise(t, language) for t in texts)], dtype=bool)
    floor = float(np.max(neutral @ vectors.T)) if len(texts) and len(neutral) else 0.8
    return NeedPhrasings(vectors, negative, floor)


def units(doc: Doc, language: Language) -> list[Unit]:
    """Sentences of the reply, and the clauses of its sentences that have several.

    Every sentence is read whole. Its clauses are read too while the text read stays within
    _READ_BUDGET characters, sentence by sentence from the start: in a long reply the later
    sentences are read whole only, which keeps a sent reply of 120 words under 300 ms.
    """
    sentences: list[tuple[Unit, list[list[int]]]] = []
    by_sentence: dict[int, list[int]] = {}
    for position, sentence in enumerate(doc.sentence):
        by_sentence.setdefault(sentence, []).append(position)
    for sentence, positions in by_sentence.items():
        start, end = doc.spans[positions[0]][0], doc.spans[positions[-1]][1]
        whole = Unit(doc.text[start:end], sentence, _negative(doc, positions, language))
        clauses: dict[int, list[int]] = {}
        for p in positions:
            clauses.setdefault(doc.clause[p], []).append(p)
        parts = [part for part in clauses.values() if len(part) >= _MIN_CLAUSE_WORDS]
        sentences.append((whole, parts if len(clauses) > 1 else []))
    left = _READ_BUDGET - sum(len(whole.text) for whole, _ in sentences)
    found: list[Unit] = []
    for whole, parts in sentences:
        found.append(whole)
        texts = [doc.text[doc.spans[part[0]][0]:doc.spans[part[-1]][1]] for part in parts]
        if not parts or sum(map(len, texts)) > left:
            continue
        left -= sum(map(len, texts))
        found += [Unit(text, whole.sentence, _negative(doc, part, language))
                  for text, part in zip(texts, parts, strict=True)]
    return found[:_MAX_UNITS]


def closest(needs: dict[str, NeedPhrasings], found: list[Unit], vectors: np.ndarray
            ) -> dict[str, Closest]:
    """For each need, the unit of the reply closest in meaning, of the same polarity."""
    result: dict[str, Closest] = {}
    if not found:
        return {name: Closest(0.0, 0.0, -1) for name in needs}
    negative = np.array([u.negative for u in found], dtype=bool)
    for name, need in needs.items():
        sims = vectors @ need.vectors.T  # units x phrasings
        sims = np.where(negative[:, None] == need.negative[None, :], sims, -1.0)
        best = int(np.argmax(sims))
        unit, _ = divmod(best, sims.shape[1])
        similarity = float(sims.flat[best])
        lift = max(0.0, (similarity - need.floor) / max(1e-6, 1 - need.floor))
        result[name] = Closest(similarity, lift, found[unit].sentence)
    return result


_harms: dict[tuple[int, str], dict[str, NeedPhrasings]] = {}


def harm_phrasings(encoder: Encoder, language: Language, neutral: np.ndarray
                   ) -> dict[str, NeedPhrasings]:
    """What customers hate, by meaning (lexicon/harm_phrasings.yaml), per language."""
    key = (id(encoder), language.code)
    if key not in _harms:
        data = yaml.safe_load(HARM_PHRASINGS.read_text(encoding="utf-8"))
        found = {kind: phrasings(list(data[kind][language.code]), encoder, language, neutral)
                 for kind in HARM_KINDS}
        # Polarity is no guide here ("we won't refund" is the harm): every clause counts.
        _harms[key] = {kind: NeedPhrasings(p.vectors, np.zeros(len(p.negative), dtype=bool),
                                           p.floor) for kind, p in found.items()}
    return _harms[key]
