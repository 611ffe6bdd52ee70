"""The team pages run the same number of SQL statements for 3 agents and for 30."""

from __future__ import annotations

from datetime import UTC, datetime

from lab.training.models import Attempt, Badge, CodexRead, LabProfile, Reply, SectorAccess
from tests.factories import make_team, make_user
from tests.sqlcount import page_statements

# The overview's figures are one statement (lab.team.figures): with the user, the led
# teams, the members, practice progress (two) and BEGIN, seven; its JSON looks the team
# up by id first.
MAX_STATEMENTS = {"/team?team={}": 7, "/team/{}/overview.json": 8}


def _practised_team(db, lead, name: str, size: int):
    """A team whose agents each have attempts, replies, reads, access, a profile, a badge."""
    team = make_team(db, name, (lead,))
    for number in range(size):
        agent = make_user(db, f"{name.lower()}-{number}", team=team)
        db.add(LabProfile(user_id=agent.id, xp=40))
        db.add(CodexRead(user_id=agent.id, chapter="first-words"))
        db.add(SectorAccess(user_id=agent.id, sector_id="price-change"))
        db.add(Badge(user_id=agent.id, code="first-promoter"))
        done = Attempt(user_id=agent.id, sector_id="unexpected-charge", content_version="x",
                       finished_at=datetime.now(UTC), loyalty_code=50.0, stars=1)
        done.replies = [Reply(step=step, lang="en", text="Hello", mood="calm", reliability=80,
                              empathy=70, inspiration=60, rating=9, category="promoter",
                              feedback="[]") for step in range(1, 7)]
        db.add_all([done, Attempt(user_id=agent.id, sector_id="poor-connection",
                                  content_version="x")])
    db.commit()
    return team


def test_team_pages_do_not_grow_with_the_team(app, auth, client, db):
    """/team, its JSON, the team page, coaching and training effect: same count at 3 and 30."""
    lead = make_user(db, "lead", "lead")
    small = _practised_team(db, lead, "Small", 3)
    large = _practised_team(db, lead, "Large", 30)
    auth.login("lead")
    for path in ("/team?team={}", "/team/{}/overview.json", "/team/{}",
                 "/team/{}/coaching", "/team/{}/training-effect"):
        few = page_statements(app, client, path.format(small.id))
        many = page_statements(app, client, path.format(large.id))
        assert few == many, f"{path}: {few} statements for 3 agents, {many} for 30"
        assert few <= MAX_STATEMENTS.get(path, few), f"{path}: {few} statements"
