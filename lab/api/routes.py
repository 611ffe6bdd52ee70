"""JSON endpoints: who I am, a team's members, health, survey push."""

from flask import abort, current_app, jsonify, request
from flask_login import current_user
from sqlalchemy import text

from lab import csrf
from lab.accounts.access import can_see_team
from lab.accounts.models import Team, User
from lab.api import bp
from lab.auth.access import public, signed_in, team_readers
from lab.surveys import push
from lab.surveys.settings import settings_from
from lab.web_db import get_session


def _user_json(user: User) -> dict:
    return {
        "login": user.login,
        "name": user.name,
        "role": user.role,
        "team": user.team.name if user.team else None,
        "leads": [team.name for team in user.led_teams],
    }


@bp.route("/health")
@public
def health():
    """Liveness and database reachability, for the load balancer."""
    get_session().execute(text("SELECT 1"))
    return jsonify(status="ok")


@bp.route("/me")
@signed_in
def me():
    """The signed-in user."""
    return jsonify(_user_json(current_user))


@bp.route("/teams/<int:team_id>")
@team_readers
def team(team_id: int):
    """A team and its agents; someone else's team is not found."""
    found = get_session().get(Team, team_id)
    if found is None or not can_see_team(current_user, found):
        abort(404)
    return jsonify(
        id=found.id,
        name=found.name,
        leads=[lead.login for lead in found.leads],
        agents=[_user_json(member) for member in found.members if member.role == "agent"],
    )


@bp.route("/surveys", methods=["POST"])
@public  # no session: the platform proves itself with the HMAC signature instead
@csrf.exempt
def surveys_push():
    """Survey rows pushed by a platform: one JSON object or a list; answers the counts."""
    try:
        report = push.receive(get_session(), settings_from(current_app.config),
                              request.headers.get(push.TIMESTAMP_HEADER),
                              request.headers.get(push.SIGNATURE_HEADER), request.get_data())
    except push.PushRefused as refused:
        return jsonify(error=refused.reason, status=refused.status), refused.status
    return jsonify(report.as_dict())
