"""The bonus scheme as the text an admin edits: one 'min TNPS: percent' tier per line."""

from __future__ import annotations

import re

from lab.system.messages import Explained
from lab.tnps.bonus import BonusScheme

_LINE = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*[:;=]\s*(\d+(?:[.,]\d+)?)\s*%?\s*$")


class SchemeTextError(Explained):
    """What is wrong with the text, naming the line."""


def scheme_to_text(scheme: BonusScheme) -> str:
    """One tier per line, lowest first: '-100: 0', '30: 10'."""
    return "\n".join(f"{m:g}: {p:g}" for m, p in scheme.tiers)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def parse_scheme(text: str, min_n: int) -> BonusScheme:
    """A validated scheme from the text and min n; SchemeTextError says what is wrong."""
    tiers = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if not match:
            raise SchemeTextError("line %(number)d: write 'min TNPS: bonus %%', e.g. '30: 10'",
                                      number=number)
        low = _number(match.group(1))
        if not -100 <= low <= 100:
            raise SchemeTextError("line %(number)d: the minimum TNPS must be from -100 to 100",
                                  number=number)
        if tiers and low <= tiers[-1][0]:
            raise SchemeTextError("line %(number)d: each tier's minimum TNPS must be above "
                                  "the line before", number=number)
        tiers.append((low, _number(match.group(2))))
    if not tiers:
        raise SchemeTextError("write at least one tier, e.g. '30: 10'")
    try:
        return BonusScheme(tiers, min_n=min_n)
    except ValueError as exc:
        raise SchemeTextError(str(exc)) from None
