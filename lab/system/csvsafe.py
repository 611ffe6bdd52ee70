"""CSV that a spreadsheet opens as data: a text cell that looks like a formula is quoted.

Excel and LibreOffice run a cell beginning with = + - @ (or a tab or carriage return
before one) as a formula, so a team or a comment named "=HYPERLINK(...)" would run on
the reader's machine. Numbers, also negative ones such as a TNPS of -12.5, stay numbers.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from typing import IO

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def safe_cell(value: object) -> object:
    """The value to write: text that a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_TRIGGERS) and not _is_number(value):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer whose every row goes through safe_cell."""

    def __init__(self, out: IO[str]) -> None:
        self._writer = csv.writer(out, lineterminator="\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(value) for value in row])
