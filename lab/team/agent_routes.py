"""One agent, as their lead sees them: every attempt with its replies, live comments, notes."""

import json

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from lab.auth.access import leads, team_readers
from lab.calibration.models import OVERRIDE, RIGHT
from lab.calibration.reviews import COMMENT_MAX, ReviewError, review_reply, reviews_of
from lab.coaching.services import NoteError, add_note, notes_of
from lab.dashboard.present import CATEGORY_LABELS, CHANNEL_LABELS, DIMENSION_LABELS
from lab.surveys.models import SurveyResponse
from lab.team import bp
from lab.team.common import agent_or_404, lang, min_n, team_or_404, timezone
from lab.team.common import window as chosen_window
from lab.team.forms import NoteForm, ReviewForm
from lab.team.overview import practice_code
from lab.tnps import queries
from lab.tnps.summary import summarize
from lab.training.models import Attempt, Reply
from lab.training.state import load_progress
from lab.web_content import get_content
from lab.web_db import get_session

COMMENTS_SHOWN = 50


def _attempts(agent_id: int) -> list[Attempt]:
    # The page shows every attempt's replies: one statement for all of them, not one each.
    return list(get_session().scalars(
        select(Attempt).where(Attempt.user_id == agent_id).order_by(Attempt.id.desc())
        .options(selectinload(Attempt.replies))))


def _feedback(raw: str) -> list[dict]:
    try:
        items = json.loads(raw or "[]")
    except ValueError:
        return []
    return [item for item in items if isinstance(item, dict)]


@bp.route("/team/<int:team_id>/agents/<int:agent_id>")
@team_readers
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
    attempts = _attempts(person.id)
    reviews = reviews_of(db, [reply for attempt in attempts for reply in attempt.replies])
    return render_template(
        "team/agent.html", team=team, agent=person, live=live, window=period,
        progress=progress, code=practice_code(progress), attempts=attempts,
        reviews=reviews, review_form=_review_form,
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


def _review_form(reply: Reply, review=None) -> ReviewForm:
    form = ReviewForm(prefix=f"r{reply.id}", formdata=None)
    form.rating.data = review.lead_rating if review else reply.rating
    form.comment.data = review.comment if review else ""
    return form


REVIEW_ERRORS = {
    "rating": lambda: _("Choose a rating from 0 to 10."),
    "comment_missing": lambda: _("Say in a few words why you would give another rating."),
    "comment_long": lambda: _("The comment is at most %(max)d characters.", max=COMMENT_MAX),
    "verdict": lambda: _("Choose whether the rating is right or give your own."),
}


@bp.route("/team/<int:team_id>/agents/<int:agent_id>/replies/<int:reply_id>/review",
          methods=["POST"])
@leads
def review_agent_reply(team_id: int, agent_id: int, reply_id: int):
    """Mark a reply's rating as right, or give the rating the lead would give, with why."""
    team = team_or_404(team_id)
    person = agent_or_404(team, agent_id)
    db = get_session()
    reply = db.get(Reply, reply_id)
    if reply is None or reply.attempt.user_id != person.id:
        abort(404)
    form = ReviewForm(prefix=f"r{reply.id}")
    back = url_for("team.agent", team_id=team.id, agent_id=person.id) + f"#reply-{reply.id}"
    if not form.validate_on_submit():
        if form.comment.errors:
            code = "comment_long"
        elif form.rating.errors:
            code = "rating"
        else:
            flash(_("The form expired: please try again."), "error")
            return redirect(back)
        flash(REVIEW_ERRORS[code](), "error")
        return redirect(back)
    verdict = RIGHT if form.right.data else OVERRIDE if form.override.data else ""
    try:
        review_reply(db, reply, current_user, verdict, form.rating.data, form.comment.data)
    except ReviewError as error:
        db.rollback()
        flash(REVIEW_ERRORS[error.code](), "error")
        return redirect(back)
    db.commit()
    flash(_("Review saved: the agent sees it on the result page."), "info")
    return redirect(back)
