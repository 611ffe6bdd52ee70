"""`lab score`: score replies from the command line, one at a time or as JSON lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from lab.content import ContentInvalid, Sector, load_sectors
from lab.paths import SECTORS_DIR
from lab.scoring.scorer import Scorer

_LANGS = ("ru", "en")


class _BadInput(Exception):
    """A problem in the input, reported to the user without a traceback."""


def _sector(sector_id: str) -> Sector:
    try:
        sectors = load_sectors(SECTORS_DIR)
    except ContentInvalid as exc:
        raise _BadInput(str(exc)) from exc
    for sector in sectors:
        if sector.id == sector_id:
            return sector
    known = ", ".join(s.id for s in sectors) or "none"
    raise _BadInput(f"unknown sector {sector_id!r} (known: {known})")


def _check(sector: Sector, step: Any, lang: Any, where: str = "") -> tuple[int, str]:
    if type(step) is not int or not 1 <= step <= sector.steps:
        raise _BadInput(f"{where}step must be a whole number from 1 to {sector.steps}, "
                        f"got {step!r}")
    if lang not in _LANGS:
        raise _BadInput(f"{where}lang must be ru or en, got {lang!r}")
    return step, lang


def _lines(stream: IO[str], sector: Sector, step: int, lang: str
           ) -> Iterator[tuple[int, int, str, str]]:
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        where = f"line {number}: "
        try:
            item = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise _BadInput(f"{where}not valid JSON ({exc.msg})") from exc
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise _BadInput(f"{where}expected an object with a \"text\" string")
        line_step, line_lang = _check(sector, item.get("step", step), item.get("lang", lang),
                                      where)
        yield number, line_step, line_lang, item["text"]


@click.command("score")
@click.option("--sector", "sector_id", required=True, help="Sector id, e.g. unexpected-charge.")
@click.option("--step", type=int, default=1, show_default=True, help="Trial step, from 1.")
@click.option("--lang", type=click.Choice(_LANGS), default="ru", show_default=True)
@click.option("--jsonl", "jsonl", type=click.File("r", encoding="utf-8"),
              help='File (or - for stdin) with one {"text": ...} per line; "step" and "lang" '
                   "may be given per line.")
@click.argument("text", required=False)
def score_command(sector_id: str, step: int, lang: str, jsonl: IO[str] | None,
                  text: str | None) -> None:
    """Score a reply (TEXT) or many (--jsonl) and print the result JSON."""
    try:
        sector = _sector(sector_id)
        _check(sector, step, lang)
        if (text is None) == (jsonl is None):
            raise _BadInput("give either TEXT or --jsonl FILE")
        scorer = Scorer()
        if jsonl is None:
            result = scorer.score(sector.trial(step), text or "", lang)
            click.echo(json.dumps(result.to_json(), ensure_ascii=False))
            return
        for _, line_step, line_lang, line_text in _lines(jsonl, sector, step, lang):
            result = scorer.score(sector.trial(line_step), line_text, line_lang)
            click.echo(json.dumps(result.to_json(), ensure_ascii=False))
            sys.stdout.flush()
    except _BadInput as exc:
        click.echo(f"Error: {exc}", err=True)
        raise SystemExit(2) from None
