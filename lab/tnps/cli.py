"""`lab tnps ...`: reports over the stored responses, from the command line.

Flask stays out of lab/tnps: the `lab` group hands each command Flask's ScriptInfo as
the click context object, and load_app() gives the app (its config and sessions).
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import click

from lab.db import writing
from lab.fairness.recount import apply_to_all
from lab.surveys.settings import customer_rule_from
from lab.tnps import queries, rollup
from lab.tnps import report as reports
from lab.tnps.summary import summarize

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _app():
    return click.get_current_context().find_root().obj.load_app()


@click.group("tnps")
def tnps_group() -> None:
    """Live TNPS from the stored survey responses."""


@tnps_group.command("report")
@click.option("--by", "by", type=click.Choice(["agent", "team"]), default="agent",
              show_default=True, help="One row per agent or per team.")
@click.option("--from", "start", type=DATE, help="First day (local), included. "
              "Default: 29 days before --to.")
@click.option("--to", "end", type=DATE, help="Last day (local), included. Default: today.")
@click.option("--channel", type=click.Choice(["ivr", "sms"]), help="Only one survey channel.")
@click.option("--json", "as_json", is_flag=True, help="The report rows as a JSON list.")
@click.option("--csv", "as_csv", is_flag=True, help="The report rows as CSV.")
@click.option("--min-n", type=int, help="Scores needed to show a TNPS (default TNPS_MIN_N).")
def report_command(by: str, start: datetime | None, end: datetime | None, channel: str | None,
                   as_json: bool, as_csv: bool, min_n: int | None) -> None:
    """TNPS by agent or team over a range of days (counted by the call's end)."""
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    app = _app()
    tz = ZoneInfo(app.config["TIMEZONE"])
    last: date = end.date() if end else datetime.now(tz).date()
    first: date = start.date() if start else last - timedelta(days=29)
    if last < first:
        raise click.UsageError(f"--to {last} is before --from {first}")
    min_n = min_n or int(app.config.get("TNPS_MIN_N") or 30)
    with app.extensions["lab.db"].sessions() as session:
        rows = reports.report(session, by, first, last, channel, min_n)
        centre = summarize(queries.total(session, first, last, channel), min_n)
    if as_json:
        click.echo(json.dumps([row.to_row() for row in rows], ensure_ascii=False, indent=2))
    elif as_csv:
        click.echo(reports.as_csv(rows, by), nl=False)
    else:
        scope = f", {channel.upper()} only" if channel else ""
        click.echo(f"TNPS by {by}, {first} to {last} ({app.config['TIMEZONE']}){scope}")
        click.echo(reports.as_table(rows, min_n))
        low, high = round(centre.ci_low, 1), round(centre.ci_high, 1)
        click.echo(f"whole centre: n {centre.tally.n}, TNPS "
                   + (f"{centre.tnps:.1f} ({low} .. {high})" if centre.tnps is not None
                      else "— (no answers)"))


@tnps_group.command("rebuild")
def rebuild_command() -> None:
    """Recount the daily and monthly rollups from the responses (after changing
    LAB_TIMEZONE, LAB_CUSTOMER_WINDOW_DAYS or LAB_CUSTOMER_RULE)."""
    app = _app()
    tz = ZoneInfo(app.config["TIMEZONE"])
    with writing(), app.extensions["lab.db"].sessions() as session, session.begin():
        # The one-voice rule first (its window or rule may have changed), then the counts.
        apply_to_all(session, customer_rule_from(app.config), tz)
        counted = rollup.rebuild(session, tz)
    click.echo(f"rollup rebuilt from {counted} responses in {app.config['TIMEZONE']}")
