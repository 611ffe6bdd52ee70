"""Sectors of the Lab and their trials, as loaded from sectors/<id>/sector.yaml."""

from __future__ import annotations

from dataclasses import dataclass

from lab.content.phrases import Patterns
from lab.content.reactions import CATEGORY_MOVES, GivenMessage, Reaction
from lab.content.rubric import Rubric
from lab.content.text import Text

MOODS: tuple[str, ...] = ("calm", "worried", "annoyed", "angry", "furious")
TOPICS: tuple[str, ...] = ("charges", "connection", "tariffs", "leaving")
CATEGORIES: tuple[str, ...] = ("promoter", "passive", "detractor")


@dataclass(frozen=True)
class CardRow:
    """One line of the customer card shown in the briefing."""

    label: Text
    value: Text


@dataclass(frozen=True)
class Briefing:
    """What the agent reads before the call: situation, customer card, what is allowed."""

    situation: Text
    customer_card: tuple[CardRow, ...]
    allowed: tuple[Text, ...]


@dataclass(frozen=True)
class TrialWarning:
    """A move or phrase to avoid at this step; `match` lets drafts be checked while typing."""

    text: Text
    codex: str
    match: Patterns | None = None


@dataclass(frozen=True)
class Branch:
    """The customer's reaction to a reply of one category, when no reaction rule applies.

    It moves the mood one step: a promoter's reply calms the customer, a passive's leaves
    the mood as it was, a detractor's makes it worse.
    """

    category: str
    text: Text

    @property
    def move(self) -> str:
        """calmer, same or angrier."""
        return CATEGORY_MOVES[self.category]


@dataclass(frozen=True)
class Branches:
    """Reactions by category: promoter (calmer), passive, detractor (angrier)."""

    promoter: Branch
    passive: Branch
    detractor: Branch

    def get(self, category: str) -> Branch:
        """Return the branch for a category name."""
        if category not in CATEGORIES:
            raise ValueError(f"unknown category {category!r}")
        return getattr(self, category)


@dataclass(frozen=True)
class Trial:
    """One step of a sector: the customer's message and what a good reply does."""

    id: str
    step: int
    mood: str
    customer: Text
    hint: Text
    warnings: tuple[TrialWarning, ...]
    model_answer: Text
    rubric: Rubric
    branches: Branches
    # Reaction rules by what the reply did, first match wins (else the category's branch).
    reactions: tuple[Reaction, ...] = ()
    # The customer's message when earlier replies already said something (first match).
    customer_given: tuple[GivenMessage, ...] = ()
    # Every figure the sector's file states (card, briefing, messages, answers), as digits:
    # a figure in a reply that is none of these, nor one sum or difference of two, is a
    # wrong fact more often than not ("590 instead of 413", "within 10 working days").
    figures: frozenset[str] = frozenset()
    # Every period the file names, in hours (lab/content/periods.py): a reply naming another
    # ("10 рабочих дней" for a refund of 24 hours) states a wrong time.
    periods: frozenset[float] = frozenset()
    # Every month the file names (lab/content/months.py): a reply dating the call's facts in
    # another ("в середине сентября" for an SMS of 1 October) states a wrong fact.
    months: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Sector:
    """A sector of the Lab: a kind of hard call played as an ordered list of trials."""

    id: str
    order: int
    topic: str
    title: Text
    summary: Text
    briefing: Briefing
    trials: tuple[Trial, ...]
    path: str = ""

    @property
    def steps(self) -> int:
        """Number of trials in the sector."""
        return len(self.trials)

    def trial(self, step: int) -> Trial:
        """Return the trial at a 1-based step; LookupError names the valid range."""
        if not 1 <= step <= len(self.trials):
            raise LookupError(f"sector {self.id!r} has steps 1..{len(self.trials)}, not {step}")
        return self.trials[step - 1]
