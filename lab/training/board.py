"""The team's practice leaderboard for one agent: neighbours only, names hidden on request."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.accounts.roles import Role
from lab.training.leaderboard import Place, neighbours, ranked
from lab.training.models import LabProfile


@dataclass(frozen=True)
class Board:
    """The places shown, how many agents the team has, and whether names are hidden."""

    places: list[Place]
    team_size: int
    anonymous: bool


# Built once: the map runs it on every view. Each row carries the team's anonymity
# flag (teams joined in): reading the team as an object for it was a statement more.
_TEAM_XP = (select(User.id, User.name, LabProfile.xp, Team.leaderboard_anonymous)
            .join(Team, Team.id == User.team_id)
            .outerjoin(LabProfile, LabProfile.user_id == User.id)
            .where(User.team_id == bindparam("team_id"), User.role == Role.AGENT,
                   User.active.is_(True)))


def team_board(session: Session, user: User) -> Board | None:
    """The board of the user's team, or None for users without a team."""
    if user.team_id is None or user.role != Role.AGENT:
        return None
    rows = session.execute(_TEAM_XP, {"team_id": user.team_id}).all()
    # The user is an active agent of the team, so a row at least: else read the flag.
    anonymous = rows[0][3] if rows else user.team.leaderboard_anonymous
    places = ranked([(uid, name, xp or 0) for uid, name, xp, _anonymous in rows], me=user.id)
    shown = neighbours(places)
    if anonymous:
        shown = [p if p.is_me else Place(p.rank, p.user_id, _("Colleague"), p.xp, False)
                 for p in shown]
    return Board(shown, len(places), anonymous)
