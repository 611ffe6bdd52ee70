"""Figures in a reply that the call's facts do not contain: a wrong amount, date or period.

The sector file states every figure an agent may need (the card's prices and dates, the
times the allowed actions take); agents also work out a difference ("160 less than now"). A
figure that is none of those is, in the corpus, almost always a wrong fact ("590 instead of
413", "within 10 working days", "a 50% discount forever"): on the training part none of
528 excellent replies and 240 good ones has one, and 42 of 384 poor ones do. So it caps the
rating at 6, a detractor's, like the gaming signs.
"""

from __future__ import annotations

from lab.content.months import months
from lab.content.periods import deadlines, periods
from lab.scoring.nlp import Doc

# Small counts ("two SMS", "one number") are everyday words, not facts of the call; 112,
# the emergency number free from any phone, is a fact every caller may be reminded of.
_EVERYDAY = frozenset(str(n) for n in range(11)) | {"112"}
# Longer runs are phone and ticket numbers, read in pieces elsewhere.
_MAX_DIGITS = 5


def known(figures: frozenset[str]) -> frozenset[str]:
    """The figures a reply may state: the file's, the difference of two, small ones (none
    at all when the file states none: then nothing is known of the call)."""
    if not figures:
        return frozenset()
    values = sorted({int(f) for f in figures if len(f) <= _MAX_DIGITS})
    found = {str(v) for v in values}
    # Differences of amounts only ("160 less than now"): sums, or the small counts among
    # them, would let nearly every figure pass (on the training part, sums caught 35 poor
    # replies' wrong figures where differences alone caught 42, with the same 2 excellent).
    values = [v for v in values if v > 10]
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            found.add(str(b - a))
    return frozenset(found) | _EVERYDAY


def unknown(doc: Doc, allowed: frozenset[str]) -> list[str]:
    """Figures of the reply outside `allowed` (none when nothing is known of the call)."""
    if not allowed:
        return []
    return sorted({str(int(k)) for k in doc.index if k.isdigit() and len(k) <= _MAX_DIGITS}
                  - allowed)


def unknown_periods(text: str, named: frozenset[float]) -> list[str]:
    """Periods of the reply the file never names ("10 рабочих дней" where the refund takes
    24 hours), as hours. The file's and the reply's are read by one rule, so "сутки" and
    "24 часа" agree. On the training part such a period came in 11 poor and 7 gaming replies
    and in 1 excellent one (of 664); on the holdout in 2 excellent ones and no poor one, so
    it is advice and a feature, never a cap (see analysis)."""
    if not named:
        return []
    return [f"{hours:g}h" for hours in sorted(periods(text) - named)]


def unknown_months(text: str, named: frozenset[int]) -> list[int]:
    """Months of the reply the file never names ("уведомление направили в середине сентября"
    where it went on 1 October), none when the file names no month. On the training part
    such a month came in 6 poor replies and in no other; so it caps like a wrong figure."""
    if not named:
        return []
    return sorted(months(text) - named)


def unknown_deadlines(text: str, named: frozenset[float]) -> list[str]:
    """The reply's deadlines the file never names ("в течение 10 рабочих дней", "within a
    month" where the refund takes 24 hours), as hours: a time the customer will be held
    to. On the training part such a deadline came in 22 poor replies and in no other
    (a period that is not a deadline, "can't wait three weeks", stays advice), so it caps
    like a wrong figure."""
    if not named:
        return []
    return [f"{hours:g}h" for hours in sorted(deadlines(text) - named)]
