"""CSV that a spreadsheet opens as data: a text cell that looks like a formula is quoted.

Excel and LibreOffice run a cell beginning with = + - @ (or a tab or carriage return
before one) as a formula, so a team or a comment named "=HYPERLINK(...)" would run on
the reader's machine. Numbers, also negative ones such as a TNPS of -12.5, stay numbers.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import dataclass
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


# Excel on Windows opens a .csv in the system's ANSI code page unless the file starts
# with a byte order mark: Cyrillic came out as mojibake. With the BOM it reads UTF-8.
BOM = "\ufeff"


@dataclass(frozen=True)
class Dialect:
    """How a spreadsheet expects its CSV: the separator, the decimal mark, a BOM."""

    delimiter: str = ","
    decimal: str = "."
    bom: bool = True

    def number(self, value: float | None, digits: int = 1) -> str:
        """A number as this dialect writes it (empty for none)."""
        return "" if value is None else f"{value:.{digits}f}".replace(".", self.decimal)


# The default: commas and a decimal point, as the world's tools read CSV.
STANDARD = Dialect()
# Excel in a Russian (or most European) locale splits on ';' and reads '45,5' as a number.
EXCEL_SEMICOLON = Dialect(delimiter=";", decimal=",")
DIALECTS = {"comma": STANDARD, "semicolon": EXCEL_SEMICOLON}


class SafeWriter:
    """csv.writer whose every row goes through safe_cell."""

    def __init__(self, out: IO[str], dialect: Dialect | None = None) -> None:
        self._writer = csv.writer(out, lineterminator="\n",
                                  delimiter=(dialect or Dialect()).delimiter)
        if dialect is not None and dialect.bom:
            out.write(BOM)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(value) for value in row])
