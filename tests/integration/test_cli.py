"""The `lab` command, run the way an admin runs it."""

from __future__ import annotations

from sqlalchemy import func, select

from lab.accounts.models import Team, User
from lab.calibration.agreement import MIN_REVIEWS
from lab.calibration.models import ReplyReview
from lab.cli import cli


def _invoke(app, *args, **kwargs):
    runner = app.test_cli_runner()
    return runner.invoke(cli, list(args), catch_exceptions=False, **kwargs)


def test_db_upgrade_is_idempotent(app):
    """Running the migrations on an up-to-date database changes nothing and says so."""
    result = _invoke(app, "db", "upgrade")
    assert result.exit_code == 0
    assert "up to date" in result.output


def test_teams_and_users_create(app, db):
    """An admin creates a lead, a team led by them and an agent in it."""
    assert _invoke(app, "users", "create", "olga", "--role", "lead",
                   "--password", "long-enough").exit_code == 0
    assert _invoke(app, "teams", "create", "East", "--lead", "olga").exit_code == 0
    result = _invoke(app, "users", "create", "ivan", "--role", "agent", "--team", "East",
                     "--password", "long-enough", "--name", "Иван Петров")
    assert result.exit_code == 0, result.output
    ivan = db.scalar(select(User).where(User.login == "ivan"))
    assert ivan.team.name == "East" and ivan.name == "Иван Петров"
    assert ivan.password_hash.startswith("$argon2id$")
    east = db.scalar(select(Team).where(Team.name == "East"))
    assert [lead.login for lead in east.leads] == ["olga"]


def test_users_create_asks_for_the_password(app, db, monkeypatch):
    """Without --password the command asks for it twice."""
    monkeypatch.setenv("LAB_ALLOW_STDIN_PASSWORD", "1")
    result = _invoke(app, "users", "create", "boss", "--role", "admin",
                     input="typed-secret\ntyped-secret\n")
    assert result.exit_code == 0, result.output
    assert db.scalar(select(User).where(User.login == "boss")).role == "admin"


def test_users_create_explains_mistakes(app):
    """Bad input gets a one-line reason and a non-zero exit, no traceback."""
    result = _invoke(app, "users", "create", "x1", "--role", "agent", "--password", "long-enough")
    assert result.exit_code != 0 and "needs a team" in result.output
    result = _invoke(app, "users", "create", "x2", "--role", "agent", "--team", "Nowhere",
                     "--password", "long-enough")
    assert "no team 'Nowhere'" in result.output
    result = _invoke(app, "users", "create", "x3", "--role", "admin", "--password", "short")
    assert "at least 8 characters" in result.output
    result = _invoke(app, "users", "create", "bad login!", "--role", "admin",
                     "--password", "long-enough")
    assert "login:" in result.output
    assert "Traceback" not in result.output


def test_duplicate_team_is_refused(app):
    """A second team with the same name (any case) is refused."""
    assert _invoke(app, "teams", "create", "West").exit_code == 0
    result = _invoke(app, "teams", "create", "west")
    assert result.exit_code != 0 and "already exists" in result.output


def test_demo_is_idempotent_and_complete(app, db):
    """`lab demo` twice: two teams led by lead1/lead2, an admin, 12 agents, same password."""
    first = _invoke(app, "demo")
    reviews = db.scalar(select(func.count()).select_from(ReplyReview))
    second = _invoke(app, "demo")
    assert first.exit_code == second.exit_code == 0
    assert "already present" in second.output
    # Leads reviewed some replies (some overridden, with comments), once.
    assert reviews >= MIN_REVIEWS and "replies reviewed by the demo leads" in first.output
    assert db.scalar(select(func.count()).select_from(ReplyReview)) == reviews
    assert db.scalar(select(func.count()).select_from(ReplyReview)
                     .where(ReplyReview.verdict == "override",
                            ReplyReview.comment.is_not(None))) > 0
    count = db.scalar(select(func.count()).select_from(User).where(User.role == "agent"))
    assert count == 12
    teams = db.scalars(select(Team).order_by(Team.name)).all()
    assert [[lead.login for lead in team.leads] for team in teams] == [["lead1"], ["lead2"]]
    assert {len(team.members) for team in teams} == {6}
    assert db.scalar(select(User).where(User.login == "admin")).role == "admin"


def test_demo_accounts_can_sign_in(app, auth):
    """Every demo account signs in with the demo password."""
    _invoke(app, "demo")
    for login in ("admin", "lead1", "lead2", "agent1", "agent12"):
        client = app.test_client()
        from tests.web import AuthActions

        assert AuthActions(client).login(login, "tnps-demo").status_code == 302, login


def test_deactivate_command(app, world, auth):
    """A deactivated user can no longer sign in."""
    assert _invoke(app, "users", "deactivate", "agent_a").exit_code == 0
    assert auth.login("agent_a").status_code == 403
