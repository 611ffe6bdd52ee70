"""What one trial asks of a reply: the needs the scorer looks for, as data in sector.yaml."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from lab.content.errors import Collector
from lab.content.phrases import Patterns, read_lines, read_patterns
from lab.content.reactions import read_refs
from lab.content.text import LANGS, Text, check_keys, read_text, where

DIMENSIONS: tuple[str, ...] = ("reliability", "empathy", "inspiration")
_LINK = re.compile(r"^[a-z0-9-]+#[a-z0-9-]+$")
# Harms a trial may switch off with `allow:` because, in some calls, saying it is the fix:
# offering a cheaper tariff or a discount is no upsell when the rubric asks for that offer,
# and "I can't guarantee the price forever" no hedge when promising it would be untrue.
# Blame, rudeness or passing the buck never are. Kept in step with the lexicon by a test.
ALLOWABLE_HARMS: tuple[str, ...] = ("upsell", "hedge", "hedge_weak")


@dataclass(frozen=True)
class Need:
    """Something this step's reply must do or say, e.g. promise the refund with a time."""

    id: str
    dimension: str
    weight: float
    codex: str
    feedback: Text
    match: Patterns
    numbers: tuple[str, ...] = ()
    timed: bool = False
    core: bool = False
    # Phrasings that meet the need, matched by meaning (the scorer's sentence encoder), so
    # wording the patterns never listed still counts. Several ways of meeting one need go
    # side by side here: any of them is enough.
    examples: Examples | None = None
    # Earlier needs of the same call (trial-id.need-id) that settle this one: met there, it
    # counts as met here, and the agent is not asked to say it again.
    carried_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class Examples:
    """Example phrasings of a need, per language."""

    ru: tuple[str, ...]
    en: tuple[str, ...]

    def get(self, lang: str) -> tuple[str, ...]:
        """Return the phrasings for lang."""
        return self.ru if lang == "ru" else self.en


@dataclass(frozen=True)
class Rubric:
    """The needs of a trial plus the generic service concepts that count at this step."""

    needs: tuple[Need, ...]
    concepts: tuple[tuple[str, float], ...]
    # Harmful lexicon concepts not counted in this trial (the trial's own warnings still are).
    allow: tuple[str, ...] = ()


def check_link(value: Any, place: str, issues: Collector, anchors: Collection[str] | None) -> str:
    """Validate a `chapter#section` Codex link, against known anchors when they are given."""
    if not isinstance(value, str) or not _LINK.match(value):
        issues.add(place, f"expected a Codex link like 'ownership#concrete-actions', got {value!r}")
        return ""
    if anchors is not None and value not in anchors:
        issues.add(place, f"Codex link {value!r} points to no chapter#section")
    return value


def read_rubric(
    node: Any,
    place: str,
    issues: Collector,
    anchors: Collection[str] | None,
    concepts: Collection[str] | None,
) -> Rubric | None:
    """Read and validate a trial's rubric."""
    if not isinstance(node, dict):
        issues.add(place, "expected a mapping with needs and concepts")
        return None
    check_keys(node, place, issues, allowed=("needs", "concepts", "allow"), required=("needs",))
    allow = node.get("allow", [])
    if not isinstance(allow, list) or not all(a in ALLOWABLE_HARMS for a in allow):
        issues.add(where(place, "allow"), f"expected a list of: {', '.join(ALLOWABLE_HARMS)}")
        allow = []
    weights = _read_concepts(node.get("concepts", {}), where(place, "concepts"), issues, concepts)
    raw_needs = node.get("needs")
    if not isinstance(raw_needs, list) or not raw_needs:
        if "needs" in node:
            issues.add(where(place, "needs"), "expected a non-empty list of needs")
        return None
    needs = [
        _read_need(item, where(where(place, "needs"), i), issues, anchors)
        for i, item in enumerate(raw_needs, start=1)
    ]
    ids = [need.id for need in needs if need is not None]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        issues.add(where(place, "needs"), f"need id {dup!r} is used more than once")
    if not any(need is not None and need.core for need in needs):
        issues.add(where(place, "needs"), "at least one need must be core: true")
    if any(need is None for need in needs) or weights is None:
        return None
    return Rubric(tuple(n for n in needs if n is not None), weights, tuple(allow))


def _read_concepts(
    node: Any, place: str, issues: Collector, known: Collection[str] | None
) -> tuple[tuple[str, float], ...] | None:
    if not isinstance(node, dict):
        issues.add(place, "expected a mapping of concept: weight")
        return None
    result = []
    for name, weight in node.items():
        # "acknowledge|apology: 2" gives the credit for either concept.
        unknown = [alt for alt in str(name).split("|") if known is not None and alt not in known]
        if unknown:
            issues.add(where(place, str(name)), f"unknown concept {unknown[0]!r}; known: "
                       f"{', '.join(known or ())}")
        if not _is_weight(weight):
            issues.add(where(place, str(name)), "weight must be a number from 0.5 to 10")
            continue
        result.append((str(name), float(weight)))
    return tuple(result)


def _read_need(
    node: Any, place: str, issues: Collector, anchors: Collection[str] | None
) -> Need | None:
    if not isinstance(node, dict):
        issues.add(place, "expected a mapping describing the need")
        return None
    allowed = ("id", "dimension", "weight", "codex", "feedback", "match", "examples", "numbers",
               "timed", "core", "carried_from")
    check_keys(node, place, issues, allowed, required=("id", "dimension", "weight", "codex",
                                                       "feedback", "match"))
    ok = True
    need_id = node.get("id")
    if "id" in node and not (isinstance(need_id, str) and re.match(r"^[a-z0-9-]+$", need_id)):
        issues.add(where(place, "id"), "expected a slug of lowercase letters, digits, -")
        ok = False
    dimension = node.get("dimension")
    if "dimension" in node and dimension not in DIMENSIONS:
        issues.add(where(place, "dimension"), f"expected one of {', '.join(DIMENSIONS)}")
        ok = False
    weight = node.get("weight")
    if "weight" in node and not _is_weight(weight):
        issues.add(where(place, "weight"), "weight must be a number from 0.5 to 10")
        ok = False
    codex = check_link(node.get("codex"), where(place, "codex"), issues, anchors) \
        if "codex" in node else ""
    feedback = read_text(node.get("feedback"), where(place, "feedback"), issues) \
        if "feedback" in node else None
    match = read_patterns(node.get("match"), where(place, "match"), issues) \
        if "match" in node else None
    examples = _read_examples(node["examples"], where(place, "examples"), issues) \
        if "examples" in node else None
    if "examples" in node and examples is None:
        ok = False
    numbers = node.get("numbers", [])
    if not isinstance(numbers, list) or not all(str(n).isdigit() for n in numbers):
        issues.add(where(place, "numbers"), "expected a list of numbers like [299]")
        ok = False
    for flag in ("timed", "core"):
        if not isinstance(node.get(flag, False), bool):
            issues.add(where(place, flag), "expected true or false")
            ok = False
    carried = read_refs(node["carried_from"], where(place, "carried_from"), issues) \
        if "carried_from" in node else ()
    if "carried_from" in node and not carried:
        ok = False
    if not (ok and codex and feedback and match):
        return None
    return Need(
        id=need_id, dimension=dimension, weight=float(weight), codex=codex, feedback=feedback,
        match=match, numbers=tuple(str(n) for n in numbers),
        timed=bool(node.get("timed", False)), core=bool(node.get("core", False)),
        examples=examples, carried_from=carried,
    )


def _example_problem(line: Any) -> str | None:
    if isinstance(line, str) and 2 <= len(line.split()) <= 40:
        return None
    return "expected a phrasing of 2 to 40 words (text)"


def _read_examples(node: Any, place: str, issues: Collector) -> Examples | None:
    """Read {ru: [...], en: [...]} example phrasings: plain sentences, both languages."""
    found, bad = read_lines(node, place, issues, "example phrasings", _example_problem)
    return Examples(**found) if len(found) == len(LANGS) and not bad else None


def _is_weight(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0.5 <= value <= 10
