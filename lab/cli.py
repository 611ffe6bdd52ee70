"""The `lab` command: a Flask CLI group with the project's own commands."""

from __future__ import annotations

import ipaddress
import os
import sys
from contextlib import contextmanager

import click
from flask import current_app
from flask.cli import FlaskGroup, routes_command, shell_command, with_appcontext
from sqlalchemy import select

from lab import create_app, migrate
from lab.accounts import services
from lab.accounts.demo import DEMO_PASSWORD, demo_logins, load_demo
from lab.accounts.models import User
from lab.calibration.cli import eval_group
from lab.calibration.demo import load_reviews
from lab.centre.cli import digest_command
from lab.content import ContentInvalid
from lab.content.cli import sectors_group
from lab.db import writing
from lab.scoring.cli import score_command
from lab.scoring.fit_cli import scorer_group
from lab.security_headers import QuietRequestHandler
from lab.surveys.cli import surveys_group
from lab.surveys.demo import DEMO_DAYS, demo_feed, keep_live
from lab.system.settings import is_demo
from lab.tnps.cli import tnps_group
from lab.training.demo import load_practice
from lab.web_content import EXTENSION, VERSIONS


def _make_app():
    try:
        return create_app()
    except ContentInvalid as exc:
        # The content authors need the list of problems, not a traceback.
        raise click.ClickException(str(exc)) from None


cli = FlaskGroup(name="lab", create_app=_make_app, add_default_commands=False,
                 help="TNPS Lab: the training lab and the live TNPS feed.")
cli.add_command(shell_command)
cli.add_command(routes_command)
cli.add_command(surveys_group)
cli.add_command(tnps_group)
cli.add_command(eval_group)
cli.add_command(digest_command)


def _session():
    return current_app.extensions["lab.db"].sessions()


@contextmanager
def _transaction():
    """One write transaction for a command: committed when the block ends, closed always;
    an AccountError becomes a one-line error with a non-zero exit."""
    with writing():
        session = _session()
        try:
            yield session
            session.commit()
        except services.AccountError as exc:
            session.rollback()
            raise click.ClickException(str(exc)) from None
        finally:
            session.close()


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


@cli.command("run")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=5000, show_default=True, type=int, help="Port to listen on.")
def run_command(host: str, port: int) -> None:
    """Serve the app (for a single machine; use gunicorn in production)."""
    if _is_loopback(host):
        # Plain http on this machine only: the browser would drop Secure cookies.
        os.environ.setdefault("LAB_COOKIE_SECURE", "0")
    app = _make_app()
    if migrate.pending(app.config["DATABASE_URL"]):
        raise click.ClickException("the database is not up to date: run `lab db upgrade` first")
    with app.app_context():
        session = _session()
        demo = is_demo(session)
        session.close()
    click.echo(f"TNPS Lab on http://{host}:{port}/")
    if demo:
        keep_live(app.config)
        click.echo(f"Demo accounts (password {DEMO_PASSWORD}):")
        for login, what in demo_logins():
            click.echo(f"  {login:<18} {what}")
    # Under the `lab` group Flask believes a CLI server is already running and would
    # ignore app.run(); this command is that server.
    os.environ.pop("FLASK_RUN_FROM_CLI", None)
    app.run(host=host, port=port, threaded=True, use_reloader=False,
            request_handler=QuietRequestHandler)


@cli.group("db")
def db_group() -> None:
    """The app database's schema."""


@db_group.command("upgrade")
@with_appcontext
def db_upgrade() -> None:
    """Create or migrate the schema to the newest version."""
    migrate.upgrade(current_app.config["DATABASE_URL"])
    click.echo("database is up to date")


@cli.group("teams")
def teams_group() -> None:
    """Teams of agents."""


@teams_group.command("create")
@click.argument("name")
@click.option("--lead", "lead_login", help="Login of an existing lead to lead the team.")
@with_appcontext
def teams_create(name: str, lead_login: str | None) -> None:
    """Create a team."""
    with _transaction() as session:
        team = services.create_team(session, name, lead_login)
    click.echo(f"team {team.name} created")


@cli.group("users")
def users_group() -> None:
    """User accounts."""


@users_group.command("create")
@click.argument("login")
@click.option("--role", type=click.Choice(["agent", "lead", "manager", "admin"]), required=True)
@click.option("--team", "team_name", help="The agent's team, or the team a lead leads.")
@click.option("--name", help="Display name (defaults to the login).")
@click.option("--password", help="Asked for when not given (safer: stays out of history).")
@with_appcontext
def users_create(login: str, role: str, team_name: str | None, name: str | None,
                 password: str | None) -> None:
    """Create a user."""
    if password is None:
        if not sys.stdin.isatty() and not os.environ.get("LAB_ALLOW_STDIN_PASSWORD"):
            raise click.ClickException("give --password, or run in a terminal to be asked")
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with _transaction() as session:
        user = services.create_user(session, login, role, password, name=name,
                                    team_name=team_name)
    click.echo(f"user {user.login} ({user.role}) created")


@users_group.command("deactivate")
@click.argument("login")
@with_appcontext
def users_deactivate(login: str) -> None:
    """Deactivate a user: they can no longer sign in, and their sessions end."""
    with _transaction() as session:
        user = services.find_user(session, login)
        if user is None:
            raise click.ClickException(f"no user {login!r}")
        services.set_active(session, user, False)
    click.echo(f"user {login} deactivated")


@cli.command("demo")
@with_appcontext
def demo_command() -> None:
    """Load the demo teams and accounts (safe to run again)."""
    with _transaction() as session:
        report = load_demo(session)
        agents = session.scalars(select(User).where(User.role == "agent")).all()
        replies = load_practice(
            session, current_app.extensions[EXTENSION], current_app.extensions[VERSIONS],
            agents, current_app.config["TRAINING_STAR_MARKS"])
        reviews = load_reviews(session)
    if report.created:
        click.echo("demo created: " + ", ".join(report.created))
    else:
        click.echo("demo data already present")
    if replies:
        click.echo(f"demo practice: {replies} replies scored for the demo agents")
    if reviews:
        click.echo(f"demo calibration: {reviews} replies reviewed by the demo leads")
    # After the commit above: on SQLite an open write transaction would block the sync.
    feed = demo_feed(current_app.config, current_app.extensions["lab.db"].sessions)
    if feed.written:
        click.echo(f"demo survey store: {feed.written} responses over {DEMO_DAYS} days")
    click.echo(f"survey sync: {feed.report.taken} taken, {feed.report.duplicate} duplicate, "
               f"{feed.report.quarantined} quarantined, {feed.report.late} late")
    click.echo(f"demo password for every account: {DEMO_PASSWORD}")


# Content and scoring commands read the files directly and need no app.
cli.add_command(sectors_group)
cli.add_command(score_command)
cli.add_command(scorer_group)


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="lab")
