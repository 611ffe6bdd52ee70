"""Demo teams and accounts: idempotent, so `lab demo` can run at every start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from lab.accounts.services import assign_lead, create_team, create_user, find_team, find_user
from lab.db import utcnow
from lab.system.settings import DEMO_MODE, set_setting

DEMO_PASSWORD = "tnps-demo"  # noqa: S105 (the documented demo password)

TEAMS = {"North": "lead1", "South": "lead2"}
LEADS = {"lead1": "Марина Орлова", "lead2": "Денис Котов"}
AGENTS = [
    "Анна Смирнова", "Игорь Волков", "Ольга Попова", "Максим Лебедев", "Елена Козлова",
    "Сергей Новиков", "Дарья Морозова", "Павел Соколов", "Юлия Федорова", "Артём Егоров",
    "Ксения Павлова", "Никита Семёнов",
]


@dataclass(frozen=True)
class DemoReport:
    """What `load_demo` created this time (empty on a second run)."""

    created: tuple[str, ...]


# How long each demo agent has been with the centre, in days: the centre page's tenure
# bands need new agents, settled ones and veterans.
TENURE_DAYS = (40, 75, 130, 200, 300, 420, 520, 640, 60, 160, 380, 900)


def load_demo(session: Session) -> DemoReport:
    """Create what is missing of the demo: 2 teams, 2 leads, an admin, a manager, 12 agents."""
    created: list[str] = []
    if find_user(session, "admin") is None:
        create_user(session, "admin", "admin", DEMO_PASSWORD, name="Вера Админова")
        created.append("admin")
    if find_user(session, "manager") is None:
        manager = create_user(session, "manager", "manager", DEMO_PASSWORD,
                              name="Ирина Руденко")
        manager.email = "manager@example.org"
        created.append("manager")
    for team_name, lead_login in TEAMS.items():
        if find_user(session, lead_login) is None:
            lead = create_user(session, lead_login, "lead", DEMO_PASSWORD,
                               name=LEADS[lead_login])
            lead.email = f"{lead_login}@example.org"
            created.append(lead_login)
        lead = find_user(session, lead_login)
        if lead is not None and lead.email is None:
            lead.email = f"{lead_login}@example.org"  # where the lead's alert e-mail goes
        team = find_team(session, team_name)
        if team is None:
            team = create_team(session, team_name)
            created.append(f"team {team_name}")
        assign_lead(session, team, lead_login)
    team_names = list(TEAMS)
    for number, name in enumerate(AGENTS, start=1):
        login = f"agent{number}"
        if find_user(session, login) is None:
            # Odd agents in the first team, even in the second.
            team = team_names[(number - 1) % len(team_names)]
            agent = create_user(session, login, "agent", DEMO_PASSWORD, name=name,
                                team_name=team)
            agent.created_at = utcnow() - timedelta(days=TENURE_DAYS[number - 1])
            created.append(login)
    set_setting(session, DEMO_MODE, "1")
    session.flush()
    return DemoReport(tuple(created))


def demo_logins() -> list[tuple[str, str]]:
    """(login, what it shows) for the run command and the login page."""
    return [
        ("admin", "admin"),
        ("manager", "manager, the whole centre"),
        ("lead1", "team lead, North"),
        ("lead2", "team lead, South"),
        ("agent1 … agent12", "agents"),
    ]
