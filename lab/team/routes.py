"""The team overview (page, CSV, JSON), one team's training page, and what a lead changes there."""

from datetime import date

from flask import Response, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lab.accounts.access import visible_team_list
from lab.auth.access import leads, team_readers
from lab.system.csvsafe import DIALECTS, STANDARD
from lab.system.settings import audit
from lab.team import bp, export
from lab.team import overview as team_overview
from lab.team.agent_rows import agent_rows
from lab.team.common import agent_or_404, chosen_team, lang, min_n, now, team_or_404, timezone
from lab.team.common import window as chosen_window
from lab.team.flags import FLAGS
from lab.team.forms import BoardForm, OpenSectorForm
from lab.team.trend_chart import trend_chart
from lab.team.window import DAY_CHOICES
from lab.training.assign import open_sector
from lab.training.state import load_progress_many
from lab.web_content import get_content
from lab.web_db import get_session


def _open_form() -> OpenSectorForm:
    form = OpenSectorForm()
    form.sector_id.choices = [(s.id, f"{s.order}. {s.title.get(lang())}")
                              for s in get_content().sectors]
    return form


def _view_args() -> dict:
    """Sort and filter arguments, shared by the page and its CSV."""
    return {"sort": request.args.get("sort", "name"), "dir": request.args.get("dir", "asc"),
            "flagged": request.args.get("flagged") == "1", "q": request.args.get("q", "")}


def _built(team):
    data = team_overview.build(get_session(), team, get_content(), chosen_window(), timezone(),
                          now(), min_n())
    args = _view_args()
    rows = team_overview.arrange(data.rows, args["sort"], args["dir"] == "desc", args["flagged"],
                            args["q"])
    return data, rows, args


@bp.route("/team")
@team_readers
def overview():
    """The team's agents: sectors, codes, dimensions, live TNPS and who needs help now."""
    teams = visible_team_list(get_session(), current_user)
    team = chosen_team(teams)
    if team is None:
        return render_template("team/overview.html", teams=teams, team=None)
    data, rows, args = _built(team)
    return render_template(
        "team/overview.html", teams=teams, team=team, data=data, rows=rows, args=args,
        content=get_content(), lang=lang(), min_n=min_n(), flags=FLAGS,
        day_choices=DAY_CHOICES, sorts=team_overview.SORTS, trend_chart=trend_chart,
        agent_rows=agent_rows)


@bp.route("/team/<int:team_id>/overview.csv")
@team_readers
def overview_csv(team_id: int):
    """The overview as CSV, with the page's filters and sorting."""
    team = team_or_404(team_id)
    data, rows, _args = _built(team)
    # ?sep=semicolon: ';' and decimal commas, as Excel in a Russian locale opens them.
    dialect = DIALECTS.get(request.args.get("sep", ""), STANDARD)
    name = f"team-{team.id}-{data.window.start}-{data.window.end}.csv"
    return Response(export.overview_csv(rows, dialect), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/team/<int:team_id>/overview.json")
@team_readers
def overview_json(team_id: int):
    """The overview as JSON: report rows (n, counts, TNPS, interval) with flags."""
    team = team_or_404(team_id)
    data, rows, _args = _built(team)
    return jsonify(
        team=data.live.to_row("team", team.name), start=data.window.start.isoformat(),
        end=data.window.end.isoformat(), min_n=min_n(),
        agents=[{**row.live.to_row("agent", row.agent.login), "name": row.agent.name,
                 "enough_data": row.live.enough_data, "passed": row.passed,
                 "loyalty_code": row.code, "flags": list(row.flags)}
                for row in rows])


@bp.route("/team/<int:team_id>")
@team_readers
def detail(team_id: int):
    """One team: each agent's sectors, stars and codes; open sectors; the board setting."""
    team = team_or_404(team_id)
    db, content = get_session(), get_content()
    agents = [m for m in team.members if m.role == "agent"]
    progress = load_progress_many(db, agents, content)
    return render_template(
        "team/detail.html", team=team, agents=agents, progress=progress, content=content,
        lang=lang(), open_form=_open_form(),
        board_form=BoardForm(anonymous=team.leaderboard_anonymous), today=date.today())


@bp.route("/team/<int:team_id>/agents/<int:agent_id>/sectors", methods=["POST"])
@leads
def open_for_agent(team_id: int, agent_id: int):
    """Open a sector for one of the team's agents."""
    team = team_or_404(team_id)
    agent = agent_or_404(team, agent_id)
    db = get_session()
    form = _open_form()
    if not form.validate_on_submit():
        flash(_("Choose a sector and a valid date."), "error")
    else:
        open_sector(db, current_user, agent, form.sector_id.data, form.due_on.data)
        db.commit()
        flash(_("Sector opened for %(name)s.", name=agent.name), "info")
    return redirect(url_for("team.detail", team_id=team.id))


@bp.route("/team/<int:team_id>/board", methods=["POST"])
@leads
def board_setting(team_id: int):
    """Hide or show names on the team's practice leaderboard."""
    team = team_or_404(team_id)
    form = BoardForm()
    if form.validate_on_submit():
        db = get_session()
        team.leaderboard_anonymous = form.anonymous.data
        audit(db, "team.board", team.name, f"anonymous={form.anonymous.data}",
              actor=current_user)
        db.commit()
        flash(_("Saved."), "info")
    return redirect(url_for("team.detail", team_id=team.id))
