"""The Lab's pages: the map, Eva's welcome, a sector's briefing, the trial, the result."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from lab.accounts.roles import Role
from lab.auth.access import practising, public
from lab.calibration import reviews as lead_reviews
from lab.db import utcnow
from lab.training import bp, conversation, play
from lab.training.awards import finish
from lab.training.board import team_board
from lab.training.forms import ActionForm, ReplyForm
from lab.training.models import Attempt
from lab.training.progress import code_category
from lab.training.state import load_progress, profile_of, state_of
from lab.ui.params import parse_db_id
from lab.web_content import get_content, sector_version
from lab.web_db import get_session

MESSAGES = {
    "locked": lambda: _("This sector is still locked: pass the one before it first."),
    "empty": lambda: _("Write a reply first."),
    "too_long": lambda: _("A reply is at most %(max)d characters.", max=play.MAX_REPLY),
    "stale": lambda: _("This sector was updated while you were typing. Your text is kept "
                       "below: check it against the new message and send it again."),
    "out_of_order": lambda: _("That step is not the current one; here is where you are."),
    "finished": lambda: _("This attempt is already finished."),
    "duplicate": lambda: _("This reply was already sent."),
    "answered": lambda: _("That step was already answered (perhaps the page was sent again "
                          "from the browser's history). Your new text is kept below: send it "
                          "as the reply to the current step, or change it first."),
    "busy": lambda: _("You have an attempt at this sector under way: finish it first, then "
                      "try a step again from its result."),
    "stale_retry": lambda: _("This sector has changed since that attempt, so its replies "
                             "cannot be kept: play it again from the start."),
    "in_russian": lambda: _("This call is held in English, and your reply is in Russian. "
                            "Write it in English; to hold a call in Russian, switch the Lab "
                            "to RU at the top of the page before its first reply."),
    "in_english": lambda: _("This call is held in Russian, and your reply is in English. "
                            "Write it in Russian; to hold a call in English, switch the Lab "
                            "to EN at the top of the page before its first reply."),
}


def _lang() -> str:
    return str(get_locale() or "ru")


def _sector_or_404(sector_id: str):
    try:
        return get_content().sector(sector_id)
    except KeyError:
        abort(404)


@bp.route("/")
@public
def home():
    """Signed-in users go to the Lab, others to the login page."""
    if current_user.is_authenticated:
        if current_user.role == Role.MANAGER:
            return redirect(url_for("centre.overview"))  # a manager has no Lab of their own
        return redirect(url_for("training.sector_map"))
    return redirect(url_for("auth.login"))


@bp.route("/lab")
@practising
def sector_map():
    """The sector map; the first visit starts with Eva's welcome."""
    db = get_session()
    progress_ = load_progress(db, current_user, get_content())
    # The tour is an agent's first step; leads and admins can still open it from the map.
    if not progress_.tour_done and current_user.role == Role.AGENT:
        return redirect(url_for("training.welcome"))
    return render_template("training/map.html", progress=progress_, content=get_content(),
                           lang=_lang(), board=team_board(db, current_user),
                           lead_marks=lead_reviews.marks_for(db, current_user),
                           action_form=ActionForm())


@bp.route("/lab/welcome", methods=["GET", "POST"])
@practising
def welcome():
    """Eva's guided tour: what TNPS is, how customers are surveyed, why it matters."""
    form = ActionForm()
    if form.validate_on_submit():
        db = get_session()
        profile_of(db, current_user).tour_done_at = utcnow()
        db.commit()
        return redirect(url_for("training.sector_map"))
    return render_template("training/welcome.html", form=form)


@bp.route("/lab/<sector_id>")
@practising
def briefing(sector_id: str):
    """The sector's briefing: the situation, the customer card, what the agent may do."""
    sector = _sector_or_404(sector_id)
    db = get_session()
    progress_ = load_progress(db, current_user, get_content())
    state = state_of(progress_, sector.id)
    if state.status == "locked":
        flash(MESSAGES["locked"](), "error")
        return redirect(url_for("training.sector_map"))
    return render_template("training/briefing.html", sector=sector, state=state, lang=_lang(),
                           attempt=play.current_attempt(db, current_user, sector.id),
                           best=progress_.best.get(sector.id), form=ActionForm())


@bp.route("/lab/<sector_id>/start", methods=["POST"])
@practising
def start(sector_id: str):
    """Begin (or continue) an attempt."""
    sector = _sector_or_404(sector_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    db = get_session()
    try:
        play.start(db, current_user, sector, sector_version(sector.id),
                   load_progress(db, current_user, get_content()))
    except play.PlayError as error:
        flash(MESSAGES[error.code](), "error")
        return redirect(url_for("training.sector_map"))
    db.commit()
    return redirect(url_for("training.trial", sector_id=sector.id))


@bp.route("/lab/<sector_id>/play", methods=["GET", "POST"])
@practising
def trial(sector_id: str):
    """The current trial: the conversation, the reply box and Eva's help."""
    sector = _sector_or_404(sector_id)
    db = get_session()
    attempt = play.current_attempt(db, current_user, sector.id)
    if attempt is None:
        return redirect(url_for("training.briefing", sector_id=sector.id))
    form = ReplyForm()
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                sent = play.reply(db, current_user, sector, attempt, step=form.step.data,
                                  text=form.text.data, lang=play.call_lang(attempt, _lang()),
                                  version=form.version.data or "")
            except play.PlayError as error:
                db.rollback()
                form.text.errors = [MESSAGES[error.code]()]
                status = 409 if error.code in ("stale", "out_of_order", "duplicate",
                                                "answered") else 400
            else:
                if len(attempt.replies) == len(sector.trials):
                    done = finish(db, current_user, attempt, get_content(),
                                  current_app.config["TRAINING_STAR_MARKS"])
                    db.commit()
                    return redirect(url_for("training.result", sector_id=sector.id,
                                            attempt_id=attempt.id, new=",".join(done.new_badges)))
                db.commit()
                return redirect(url_for("training.trial", sector_id=sector.id,
                                        after=sent.reply.step))
        else:
            status = 400
    return _trial_page(sector, attempt, form, status)


def _trial_page(sector, attempt: Attempt, form: ReplyForm, status: int):
    db = get_session()
    step = play.next_step(attempt)
    after = parse_db_id(request.args.get("after"))
    last = next((r for r in attempt.replies if r.step == after), None)
    if request.method == "GET":
        form.text.data = ""
    form.step.data = step
    form.version.data = attempt.content_version
    stale = attempt.content_version != sector_version(sector.id)
    call_lang = play.call_lang(attempt, _lang())
    return render_template(
        "training/trial.html", sector=sector, attempt=attempt, step=step, lang=_lang(),
        call_lang=call_lang, trial=sector.trial(step),
        lines=conversation.transcript(sector, attempt, call_lang),
        form=form, last=last, stale=stale,
        last_feedback=conversation.feedback_of(last) if last else [],
        hint=play.hint_used(db, attempt, step),
        mood=conversation.mood_at(sector, attempt, step),
        move=conversation.last_move(sector, attempt),
        action_form=ActionForm(),
    ), status


@bp.route("/lab/<sector_id>/hint", methods=["POST"])
@practising
def hint(sector_id: str):
    """Show Eva's hint for the current step (it costs a little XP)."""
    sector = _sector_or_404(sector_id)
    db = get_session()
    attempt = play.current_attempt(db, current_user, sector.id)
    if attempt is None or not ActionForm().validate_on_submit():
        return redirect(url_for("training.briefing", sector_id=sector.id))
    play.use_hint(db, attempt, play.next_step(attempt))
    db.commit()
    return redirect(url_for("training.trial", sector_id=sector.id) + "#eva-hint")


@bp.route("/lab/<sector_id>/attempts/<int:attempt_id>/retry/<int:step>", methods=["POST"])
@practising
def retry(sector_id: str, attempt_id: int, step: int):
    """Try one step of a finished attempt again: the replies before it are kept."""
    if not ActionForm().validate_on_submit():
        abort(400)
    sector = _sector_or_404(sector_id)
    db = get_session()
    source = db.get(Attempt, attempt_id)
    if source is None or source.user_id != current_user.id or source.sector_id != sector.id:
        abort(404)
    try:
        play.retry_from(db, current_user, sector, source, step, sector_version(sector.id))
    except play.PlayError as error:
        db.rollback()
        flash(MESSAGES[error.code](), "error")
        if error.code == "busy":
            return redirect(url_for("training.trial", sector_id=sector.id))
        return redirect(url_for("training.result", sector_id=sector.id, attempt_id=attempt_id))
    db.commit()
    return redirect(url_for("training.trial", sector_id=sector.id))


@bp.route("/lab/<sector_id>/attempts/<int:attempt_id>")
@practising
def result(sector_id: str, attempt_id: int):
    """A finished attempt: the loyalty code, stars, every reply's rating, new badges."""
    sector = _sector_or_404(sector_id)
    db = get_session()
    attempt = db.get(Attempt, attempt_id)
    if attempt is None or attempt.user_id != current_user.id or attempt.sector_id != sector.id:
        abort(404)
    if attempt.finished_at is None:
        return redirect(url_for("training.trial", sector_id=sector.id))
    progress_ = load_progress(db, current_user, get_content())
    position = [s.id for s in get_content().sectors].index(sector.id)
    following = get_content().sectors[position + 1] if position + 1 < len(
        get_content().sectors) else None
    # ?new= only says which badges to celebrate: an unknown or unearned one is not shown.
    asked = set(request.args.get("new", "").split(","))
    new_badges = [code for code in progress_.badges if code in asked]
    # The call is replayed in the language it was held in, like the trial page.
    call_lang = play.call_lang(attempt, _lang())
    return render_template(
        "training/result.html", sector=sector, attempt=attempt, lang=_lang(),
        reviews=lead_reviews.reviews_of(db, list(attempt.replies)),
        progress=progress_, following=following, new_badges=new_badges,
        closing=conversation.closing_words(sector, attempt, call_lang), form=ActionForm(),
        replay=conversation.replay(sector, attempt, call_lang), call_lang=call_lang,
        code_category=code_category(attempt.loyalty_code,
                                    current_app.config["TRAINING_STAR_MARKS"]),
    )
