"""Compiled lemma patterns: synonym groups that co-occur in a window, in any word order."""

from __future__ import annotations

from dataclasses import dataclass

from lab.content.phrases import parse_pattern
from lab.scoring.nlp import Doc, lemma


@dataclass(frozen=True)
class Group:
    """One slot of a pattern: any of these lemmas, or any lemma starting with a prefix."""

    lemmas: frozenset[str]
    prefixes: tuple[str, ...]

    def positions(self, doc: Doc) -> list[int]:
        """Positions in doc whose lemma fills this slot."""
        found: list[int] = []
        for lem in self.lemmas:
            found += doc.index.get(lem, ())
        if self.prefixes:
            for lem, where in doc.index.items():
                if lem.startswith(self.prefixes):
                    found += where
        return found


@dataclass(frozen=True)
class Hit:
    """Where a pattern matched, and whether that place is under negation."""

    positions: tuple[int, ...]
    negated: bool

    def span(self, doc: Doc) -> tuple[int, int]:
        """Character span of the matched words in the original text."""
        return doc.spans[min(self.positions)][0], doc.spans[max(self.positions)][1]


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern line; `negated` patterns only count under negation."""

    source: str
    groups: tuple[Group, ...]
    window: int
    negated: bool

    def hits(self, doc: Doc) -> list[Hit]:
        """Every place the pattern matches with the polarity it asks for.

        The first group is the head: only its negation flips the meaning, so in
        "подписок на номере нет, я проверил" the check still counts as done.
        """
        slots = [group.positions(doc) for group in self.groups]
        if not all(slots):
            return []
        found: list[Hit] = []
        used: set[int] = set()
        for head in sorted(slots[0]):
            chosen = [head]
            for other in slots[1:]:
                near = [q for q in other if q not in chosen
                        and doc.sentence[q] == doc.sentence[head]
                        and abs(q - head) < self.window]
                if not near:
                    break
                chosen.append(min(near, key=lambda q: abs(q - head)))
            else:
                if max(chosen) - min(chosen) >= self.window or used.intersection(chosen):
                    continue
                if doc.negated[head] == self.negated:
                    found.append(Hit(tuple(sorted(chosen)), doc.negated[head]))
                    used.update(chosen)
        return found


def compile_pattern(line: str, lang: str) -> Pattern:
    """Compile a pattern line, reducing its words to lemmas of lang once, at load time."""
    spec = parse_pattern(line)
    groups = []
    for alternatives in spec.groups:
        words = [a for a in alternatives if not a.endswith("*") and not a.startswith("=")]
        exact = {a.replace("ё", "е") for a in alternatives if a.startswith("=")}
        prefixes = tuple(a[:-1] for a in alternatives if a.endswith("*"))
        # The written form is kept beside its lemma so numbers and rare words still match.
        lemmas = {w.replace("ё", "е") for w in words} | {lemma(w, lang) for w in words}
        groups.append(Group(frozenset(lemmas | exact), prefixes))
    return Pattern(line, tuple(groups), spec.window, spec.negated)
