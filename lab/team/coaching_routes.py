"""Coaching: sectors suggested by live comments, assigned with a due date; does training work?"""

from datetime import timedelta

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lab.auth.access import leads, team_readers
from lab.coaching import charts
from lab.coaching.effect import DEFAULT_DAYS
from lab.coaching.services import effects_for, suggestions_for
from lab.team import bp
from lab.team.common import agent_or_404, lang, min_n, now, team_or_404, timezone
from lab.team.common import window as chosen_window
from lab.team.forms import AssignForm
from lab.team.overview import practice_code
from lab.tnps import queries
from lab.tnps.summary import summarize
from lab.tnps.tally import Tally
from lab.training.assign import open_sector
from lab.training.state import load_progress_many
from lab.web_content import get_content
from lab.web_db import get_session

ASSIGN_WITHIN_DAYS = 7


def _agents(team):
    return [m for m in team.members if m.role == "agent"]


@bp.route("/team/<int:team_id>/coaching")
@team_readers
def coaching(team_id: int):
    """What each agent's detractor comments are about, and the sector that trains it."""
    team = team_or_404(team_id)
    db, content, period = get_session(), get_content(), chosen_window()
    agents = _agents(team)
    found = suggestions_for(db, agents, content, period.since(timezone()))
    progress = load_progress_many(db, agents, content)
    due = (now().astimezone(timezone()) + timedelta(days=ASSIGN_WITHIN_DAYS)).date()
    return render_template(
        "team/coaching.html", team=team, found=found, progress=progress, window=period,
        titles={s.id: s.title.get(lang()) for s in content.sectors}, assign_form=AssignForm(),
        default_due=due, today=now().astimezone(timezone()).date())


@bp.route("/team/<int:team_id>/coaching/<int:agent_id>/assign", methods=["POST"])
@leads
def assign_sector(team_id: int, agent_id: int):
    """Assign a suggested sector with a due date; the agent sees it on their map."""
    team = team_or_404(team_id)
    person = agent_or_404(team, agent_id)
    form = AssignForm()
    known = {s.id: s for s in get_content().sectors}
    if not form.validate_on_submit() or form.sector_id.data not in known:
        flash(_("Choose a sector and a valid due date."), "error")
    elif form.due_on.data < now().astimezone(timezone()).date():
        flash(_("The due date is in the past."), "error")
    else:
        db = get_session()
        open_sector(db, current_user, person, form.sector_id.data, form.due_on.data)
        db.commit()
        flash(_("%(sector)s assigned to %(name)s, due %(date)s.",
                sector=known[form.sector_id.data].title.get(lang()), name=person.name,
                date=form.due_on.data.strftime("%d.%m.%Y")), "info")
    return redirect(url_for("team.coaching", team_id=team.id))


@bp.route("/team/<int:team_id>/training-effect")
@team_readers
def training_effect(team_id: int):
    """Practice codes against live TNPS, and live TNPS before and after passing a sector."""
    team = team_or_404(team_id)
    db, content, period = get_session(), get_content(), chosen_window()
    agents = _agents(team)
    tallies = queries.by_agent(db, period.start, period.end, team_id=team.id)
    progress = load_progress_many(db, agents, content)
    points = []
    for person in agents:
        code = practice_code(progress[person.id])
        live = summarize(tallies.get(person.login, Tally()), min_n())
        points.append((person, code, live))
    drawn = [(p, code, live) for p, code, live in points
             if code is not None and live.tnps is not None]
    plotted = [(p.name, code, live.tnps, live.ci_low, live.ci_high, live.enough_data)
               for p, code, live in drawn]
    frame = charts.axes_for(plotted)
    dots = charts.scatter(plotted, frame)
    # The number drawn beside each dot, shown again in the table's row of that agent.
    numbers = {p.id: number for number, (p, _c, _l) in enumerate(drawn, start=1)}
    return render_template(
        "team/effect.html", team=team, window=period, points=points, numbers=numbers,
        dots=dots, axes=charts.axes(frame), effects=effects_for(db, agents, min_n()),
        titles={s.id: s.title.get(lang()) for s in content.sectors}, days=DEFAULT_DAYS,
        min_n=min_n(), tz=timezone())
