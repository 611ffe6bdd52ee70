"""`lab eval export`: every reviewed reply as a labelled JSONL set."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from lab.calibration.reviews import all_reviewed, export_rows


@click.group("eval")
def eval_group() -> None:
    """Measuring the scorer on real replies."""


@eval_group.command("export")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: standard output).")
@with_appcontext
def export_command(out: Path | None) -> None:
    """Write every reply a lead reviewed, labelled with the lead's rating, one JSON a line."""
    session = current_app.extensions["lab.db"].sessions()
    try:
        rows = export_rows(all_reviewed(session))
    finally:
        session.close()
    lines = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if out is None:
        click.echo(lines, nl=False)
        return
    try:
        out.write_text(lines, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc.strerror}") from None
    click.echo(f"{len(rows)} reviewed replies written to {out}", err=True)
