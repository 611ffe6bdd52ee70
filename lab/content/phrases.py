"""Phrase patterns: how sector and lexicon files describe what to look for in a reply.

A pattern is a line of synonym groups separated by spaces; words in a group are separated
by `|`. All groups must occur close together in one sentence, in any order; the first
group is the head, whose negation decides the phrase's polarity. Words are
written in any form (they are reduced to their dictionary form), `word*` matches any word
starting with `word`, a leading `!` means the phrase must be negated ("won't charge"),
`=word` matches that exact form only (e.g. an imperative), and a trailing `~N` widens the
window to N words (default 6).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lab.content.errors import Collector
from lab.content.text import LANGS, check_keys, where

DEFAULT_WINDOW = 6
_ALTERNATIVE = re.compile(r"^=?[\w'’-]+\*?$")


@dataclass(frozen=True)
class PatternSpec:
    """A parsed pattern: synonym groups that must co-occur within a window of words."""

    groups: tuple[tuple[str, ...], ...]
    window: int
    negated: bool


@dataclass(frozen=True)
class Patterns:
    """Pattern lines per language."""

    ru: tuple[str, ...]
    en: tuple[str, ...]

    def get(self, lang: str) -> tuple[str, ...]:
        """Return the pattern lines for lang."""
        return self.ru if lang == "ru" else self.en


def parse_pattern(line: str) -> PatternSpec:
    """Parse one pattern line; raise ValueError with a readable reason when it is malformed."""
    words = line.split()
    negated = bool(words) and words[0] == "!"
    if negated:
        words = words[1:]
    elif words and words[0].startswith("!"):
        negated, words[0] = True, words[0][1:]
    window = DEFAULT_WINDOW
    if words and words[-1].startswith("~"):
        if not words[-1][1:].isdigit() or not 1 <= int(words[-1][1:]) <= 30:
            raise ValueError(f"window {words[-1]!r} must be ~1 to ~30")
        window = int(words.pop()[1:])
    if not words:
        raise ValueError("pattern has no words")
    groups = []
    for word in words:
        alternatives = tuple(alt.lower() for alt in word.split("|"))
        for alt in alternatives:
            if not _ALTERNATIVE.match(alt):
                raise ValueError(f"{alt!r} is not a word (use letters, digits, and | between)")
        groups.append(alternatives)
    return PatternSpec(tuple(groups), max(window, len(groups)), negated)


def read_lines(node: Any, place: str, issues: Collector, what: str,
               problem: Callable[[Any], str | None]) -> tuple[dict[str, tuple[str, ...]], bool]:
    """Read {ru: [...], en: [...]} lists of text lines, both languages required.

    `problem` names what is wrong with one line (None when it is fine). Returns the lines
    found per language and whether any line had a problem (each one is reported).
    """
    if not isinstance(node, dict):
        issues.add(place, f"expected a mapping with ru and en lists of {what}")
        return {}, True
    check_keys(node, place, issues, allowed=LANGS, required=LANGS)
    found: dict[str, tuple[str, ...]] = {}
    bad = False
    for lang in LANGS:
        lines = node.get(lang)
        if lang not in node:
            continue
        if not isinstance(lines, list) or not lines:
            issues.add(where(place, lang), f"expected a non-empty list of {what}")
            bad = True
            continue
        for index, line in enumerate(lines, start=1):
            message = problem(line)
            if message:
                issues.add(where(where(place, lang), index), message)
                bad = True
        found[lang] = tuple(str(line).strip() for line in lines)
    return found, bad


def _pattern_problem(line: Any) -> str | None:
    if not isinstance(line, str):
        return "expected a pattern line (text)"
    try:
        parse_pattern(line)
    except ValueError as exc:
        return f"bad pattern: {exc}"
    return None


def read_patterns(node: Any, place: str, issues: Collector) -> Patterns | None:
    """Read {ru: [...], en: [...]} pattern lines and check their syntax."""
    found, _ = read_lines(node, place, issues, "patterns", _pattern_problem)
    if len(found) != len(LANGS):
        return None
    return Patterns(**found)
