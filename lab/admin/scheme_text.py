"""The bonus scheme as the text an admin edits: one 'min TNPS: percent' tier per line."""

from __future__ import annotations

import re

from lab.tnps.bonus import BonusScheme

_LINE = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*[:;=]\s*(\d+(?:[.,]\d+)?)\s*%?\s*$")


class SchemeTextError(ValueError):
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
            raise SchemeTextError(f"line {number}: write 'min TNPS: bonus %', e.g. '30: 10'")
        tiers.append((_number(match.group(1)), _number(match.group(2))))
    try:
        return BonusScheme(tiers, min_n=min_n)
    except ValueError as exc:
        raise SchemeTextError(str(exc)) from None
