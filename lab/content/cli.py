"""`lab sectors check`: validate sector and Codex files from the command line."""

from __future__ import annotations

import click

from lab.content.check import read_all
from lab.paths import CODEX_DIR, ROOT, SECTORS_DIR


@click.group("sectors")
def sectors_group() -> None:
    """Sector and Codex content."""


@sectors_group.command("check")
def check_command() -> None:
    """Validate all sector and Codex files; errors name the file and the place in it."""
    sectors, codex, errors = read_all(SECTORS_DIR, CODEX_DIR)
    if errors:
        for error in errors:
            click.echo(error.describe(ROOT), err=True)
        click.echo(f"{len(errors)} problem(s) found.", err=True)
        raise SystemExit(1)
    trials = sum(sector.steps for sector in sectors)
    click.echo(f"OK: {len(sectors)} sectors, {trials} trials, {len(codex.chapters)} codex "
               "chapters.")
