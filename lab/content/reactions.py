"""What the customer says back, by what the reply did, and what the call already settled.

A trial may list `reactions`: rules that pick the customer's next words from the needs the
reply met or missed and the harms it showed, each with several variants so a replay differs.
A need may be `carried_from` an earlier trial's need (met there, it counts as met here), and
`customer_given` swaps the customer's message for one that builds on what was already said,
so the customer never asks again what has been answered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lab.content.errors import Collector
from lab.content.text import Text, check_keys, read_text, where

MOVES: tuple[str, ...] = ("calmer", "same", "angrier")
# How a reply of each category moves the customer's mood when no reaction rule applies.
CATEGORY_MOVES: dict[str, str] = {"promoter": "calmer", "passive": "same",
                                  "detractor": "angrier"}
# The harm kinds a reaction may answer: the scorer's harmful concepts and gaming signs, and
# `refusal` (the fix refused outright). Kept in step with the scorer's lexicon by a test.
HARM_KINDS: tuple[str, ...] = (
    "blame", "buck_passing", "caps", "copy", "dismissive", "empty_words", "hedge",
    "hedge_weak", "hurtful", "ignored", "jargon", "keyword_list", "negated_need",
    "officialese", "padding", "refusal", "repetition", "rudeness", "upsell", "wrong_figure",
    "hedged", "wrong_period", "instant_money", "forever_promise", "recital", "talk_only",
)
_CONDITION_KEYS = ("harm", "missed", "untimed", "met", "category")
_REF = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Condition:
    """When a reaction applies: every key given must hold; a key holds when any of its
    values does (`missed: [refund, cause]`: the refund or the cause is missing)."""

    harm: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()
    untimed: tuple[str, ...] = ()
    met: tuple[str, ...] = ()
    category: tuple[str, ...] = ()

    def needs(self) -> tuple[str, ...]:
        """The need ids this condition names."""
        return self.missed + self.untimed + self.met


@dataclass(frozen=True)
class Reaction:
    """The customer's answer to a reply the condition describes, and how it moves the mood."""

    when: Condition
    move: str
    say: tuple[Text, ...]


@dataclass(frozen=True)
class GivenMessage:
    """The customer's message at a step when earlier replies already said `given`."""

    given: tuple[str, ...]  # trial-id.need-id, all of them met earlier in the call
    text: Text


def move_mood(moods: tuple[str, ...], mood: str, move: str) -> str:
    """The mood one step calmer, the same, or one step angrier, within the scale."""
    index = moods.index(mood) + {"calmer": -1, "same": 0, "angrier": 1}[move]
    return moods[max(0, min(len(moods) - 1, index))]


def _names(value: Any, place: str, issues: Collector, what: str) -> tuple[str, ...]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not values or \
            not all(isinstance(v, str) and v for v in values):
        issues.add(place, f"expected {what} or a list of them")
        return ()
    return tuple(values)


def read_refs(node: Any, place: str, issues: Collector) -> tuple[str, ...]:
    """Read a list of `trial-id.need-id` references (checked against the sector later)."""
    refs = _names(node, place, issues, "a trial-id.need-id reference")
    bad = [ref for ref in refs if not _REF.match(ref)]
    if bad:
        issues.add(place, f"{bad[0]!r} is not a trial-id.need-id reference, "
                   "e.g. first-words.refund")
        return ()
    return refs


def read_reactions(node: Any, place: str, issues: Collector,
                   categories: tuple[str, ...]) -> tuple[Reaction, ...]:
    """Read a trial's `reactions` list; need ids are checked by the sector reader."""
    if not isinstance(node, list) or not node:
        issues.add(place, "expected a non-empty list of reactions")
        return ()
    result = []
    for i, item in enumerate(node, start=1):
        item_place = where(place, i)
        if not isinstance(item, dict):
            issues.add(item_place, "expected a mapping with when, move and say")
            continue
        check_keys(item, item_place, issues, allowed=("when", "move", "say"),
                   required=("when", "move", "say"))
        when = _read_condition(item.get("when"), where(item_place, "when"), issues, categories)
        move = item.get("move")
        if "move" in item and move not in MOVES:
            issues.add(where(item_place, "move"), f"expected one of {', '.join(MOVES)}")
        say = _read_variants(item.get("say"), where(item_place, "say"), issues) \
            if "say" in item else ()
        if when is not None and move in MOVES and say:
            result.append(Reaction(when, move, say))
    return tuple(result)


def _read_condition(node: Any, place: str, issues: Collector,
                    categories: tuple[str, ...]) -> Condition | None:
    if not isinstance(node, dict) or not node:
        issues.add(place, f"expected a mapping with any of {', '.join(_CONDITION_KEYS)}")
        return None
    check_keys(node, place, issues, allowed=_CONDITION_KEYS)
    found = {key: _names(node[key], where(place, key), issues, "a name")
             for key in _CONDITION_KEYS if key in node}
    unknown = [h for h in found.get("harm", ()) if h not in HARM_KINDS]
    if unknown:
        issues.add(where(place, "harm"), f"unknown harm {unknown[0]!r}; known: "
                   f"{', '.join(HARM_KINDS)}")
        return None
    wrong = [c for c in found.get("category", ()) if c not in categories]
    if wrong:
        issues.add(where(place, "category"), f"expected any of {', '.join(categories)}")
        return None
    if any(not values for values in found.values()):
        return None
    return Condition(**found)


def _read_variants(node: Any, place: str, issues: Collector) -> tuple[Text, ...]:
    if not isinstance(node, list) or not node:
        issues.add(place, "expected a list of {ru, en} variants (two or more read best)")
        return ()
    texts = [read_text(item, where(place, i), issues) for i, item in enumerate(node, start=1)]
    return tuple(t for t in texts if t is not None) if None not in texts else ()


def read_given_messages(node: Any, place: str, issues: Collector) -> tuple[GivenMessage, ...]:
    """Read a trial's `customer_given` list: {given: [refs], ru, en}."""
    if not isinstance(node, list) or not node:
        issues.add(place, "expected a non-empty list of {given, ru, en}")
        return ()
    result = []
    for i, item in enumerate(node, start=1):
        item_place = where(place, i)
        text = read_text(item, item_place, issues, extra=("given",))
        if not isinstance(item, dict):
            continue
        if "given" not in item:
            issues.add(where(item_place, "given"), "missing")
            continue
        refs = read_refs(item["given"], where(item_place, "given"), issues)
        if refs and text:
            result.append(GivenMessage(refs, text))
    return tuple(result)
