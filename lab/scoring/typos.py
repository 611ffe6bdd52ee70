"""Typo tolerance: a word the dictionary does not know may be a slip of a word we look for.

Customers' agents type fast ("зарегестрирую", "subscriptoin"). A word the lemmatiser does
not know is matched to a pattern word one edit away (a letter missing, extra, wrong or two
letters swapped), found through shared one-letter deletions. Only words we look for are
candidates, so a correction can never invent a concept the reply does not come close to.
"""

from __future__ import annotations

from collections.abc import Iterable

from lab.scoring.nlp import Doc
from lab.scoring.patterns import Pattern

# Short words sit one edit away from too many others ("сайт"/"сайты", "card"/"cart").
MIN_LENGTH = 6
# English typos keep their ending, which the lemmatiser then cannot strip: try without it.
_EN_ENDINGS = ("ing", "ed", "es", "s", "d")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


class Speller:
    """The words of some patterns, indexed by their one-letter deletions."""

    def __init__(self, patterns: Iterable[Pattern], lang: str) -> None:
        self.lang = lang
        self._index: dict[str, set[str]] = {}
        for pattern in patterns:
            for group in pattern.groups:
                for word in group.lemmas:
                    if len(word) >= MIN_LENGTH and word.isalpha():
                        for key in _deletions(word) | {word}:
                            self._index.setdefault(key, set()).add(word)

    def _candidates(self, doc: Doc, position: int) -> list[str]:
        word, lemma = doc.words[position], doc.lemmas[position]
        found = [lemma, word]
        if self.lang == "en":
            found += [word[: -len(e)] for e in _EN_ENDINGS if word.endswith(e)]
        return [w for w in found if len(w) >= MIN_LENGTH]

    def correct(self, doc: Doc) -> None:
        """Index each unknown word of doc also under the pattern word it is a slip of."""
        for position in doc.unknown:
            matches: set[str] = set()
            for candidate in self._candidates(doc, position):
                for key in _deletions(candidate) | {candidate}:
                    matches |= self._index.get(key, set())
            matches.discard(doc.lemmas[position])
            # Two equally close words ("отменить"/"отменять") are fine; many are a guess.
            if 0 < len(matches) <= 2:
                for word in sorted(matches):
                    doc.index.setdefault(word, []).append(position)
