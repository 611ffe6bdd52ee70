"""Months named in a text: "1 ноября", "в середине сентября", "from 1 November", "mid-October".

A sector file names every month an agent may need (the price changed on 1 November, the
SMS went on 1 October). A reply that dates the call's facts in another month ("уведомление
мы направили в середине сентября") states a wrong fact, as a wrong figure does, and the day
alone ("1") is too common a figure to tell. Both sides are read by the same rule, as month
numbers. Plain Python: the loader reads the file's months, the scorer the reply's.
"""

from __future__ import annotations

import re

# Stems long enough that no everyday word starts with them ("март" is no "марка"); "may" is
# left out, since "you may" is no month.
_STEMS = (
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("ма[йея]", 5), ("июн", 6),
    ("июл", 7), ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("june", 6), ("july", 7),
    ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
)
# Russian months decline ("ноября", "в сентябре"); English ones are whole words ("marching"
# is no month).
_MONTH = re.compile(r"(?<!\w)(?:" + "|".join(
    f"({stem})" + (r"\w*" if stem[0] >= "а" else r"\b") for stem, _ in _STEMS) + ")",
    re.IGNORECASE)
# May is a month only as the whole word "май", "мая", "мае": "майка" is not.
_ALONE = frozenset({"май", "мая", "мае"})


def months(text: str) -> frozenset[int]:
    """The month numbers a text names."""
    found = set()
    for match in _MONTH.finditer(text):
        index = next(i for i, group in enumerate(match.groups()) if group)
        word = match.group(0).lower()
        if _STEMS[index][1] == 5 and word not in _ALONE:
            continue
        found.add(_STEMS[index][1])
    return frozenset(found)
