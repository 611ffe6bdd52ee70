"""One agent, as their lead sees them: every attempt with its replies, live comments, notes."""

import json

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from lab.auth.access import leads
from lab.coaching.services import NoteError, add_note, notes_of
from lab.dashboard.present import CATEGORY_LABELS, CHANNEL_LABELS, DIMENSION_LABELS
from lab.surveys.models import SurveyResponse
from lab.team import bp
from lab.team.common import agent_or_404, lang, min_n, team_or_404, timezone
from lab.team.common import window as chosen_window
from lab.team.forms import NoteForm
from lab.team.overview import practice_code
from lab.tnps import queries
from lab.tnps.summary import summarize
from lab.training.models import Attempt
from lab.training.state import load_progress
from lab.web_content import get_content
from lab.web_db import get_session

COMMENTS_SHOWN = 50


def _attempts(agent_id: int) -> list[Attempt]:
    return list(get_session().scalars(
        select(Attempt).where(Attempt.user_id == agent_id).order_by(Attempt.id.desc())))


def _feedback(raw: str) -> list[dict]:
    try:
        items = json.loads(raw or "[]")
    except ValueError:
        return []
    return [item for item in items if isinstance(item, dict)]


@bp.route("/team/<int:team_id>/agents/<int:agent_id>")
@leads
def agent(team_id: int, agent_id: int):
    """Attempts with the agent's actual replies, scores and Eva's feedback; comments; notes."""
    team = team_or_404(team_id)
    person = agent_or_404(team, agent_id)
    db, content, period = get_session(), get_content(), chosen_window()
    live = summarize(queries.total(db, period.start, period.end, agent_id=person.id), min_n())
    comments = db.scalars(
        select(SurveyResponse).where(SurveyResponse.agent_id == person.id,
                                     SurveyResponse.comment.is_not(None))
        .order_by(SurveyResponse.answered_at.desc()).limit(COMMENTS_SHOWN)).all()
    progress = load_progress(db, person, content)
    titles = {s.id: s.title.get(lang()) for s in content.sectors}
    return render_template(
        "team/agent.html", team=team, agent=person, live=live, window=period,
        progress=progress, code=practice_code(progress), attempts=_attempts(person.id),
        feedback=_feedback, titles=titles, comments=comments, notes=notes_of(db, person),
        note_form=NoteForm(), min_n=min_n(), tz=timezone(), content=content, lang=lang(),
        category_labels=CATEGORY_LABELS, channel_labels=CHANNEL_LABELS,
        dimension_labels=DIMENSION_LABELS)


@bp.route("/team/<int:team_id>/agents/<int:agent_id>/notes", methods=["POST"])
@leads
def add_agent_note(team_id: int, agent_id: int):
    """Save a note about the agent."""
    team = team_or_404(team_id)
    person = agent_or_404(team, agent_id)
    form = NoteForm()
    if form.validate_on_submit():
        db = get_session()
        try:
            add_note(db, person, current_user, form.text.data)
        except NoteError:
            flash(_("The note is empty or too long."), "error")
        else:
            db.commit()
            flash(_("Note saved."), "info")
    else:
        flash(_("The note is empty or too long."), "error")
    return redirect(url_for("team.agent", team_id=team.id, agent_id=person.id) + "#notes")
