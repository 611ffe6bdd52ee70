"""The Codex pages: contents, a chapter, search."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from lab.auth.access import practising, signed_in
from lab.codex import bp
from lab.codex.search import MAX_QUERY, search
from lab.training.awards import award_badges
from lab.training.forms import ActionForm
from lab.training.models import CodexRead
from lab.training.state import chapters_read, codex_done
from lab.web_content import get_content
from lab.web_db import get_session


def _lang() -> str:
    return str(get_locale() or "ru")


@bp.route("/codex")
@signed_in
def index():
    """The Codex's chapters, and search results when there is a query."""
    codex = get_content().codex
    query = request.args.get("q", "").strip()[:MAX_QUERY]
    hits = search(codex, query, _lang()) if query else None
    read = chapters_read(get_session(), current_user)
    return render_template("codex/index.html", codex=codex, lang=_lang(), query=query, hits=hits,
                           read=read)


@bp.route("/codex/<slug>")
@signed_in
def chapter(slug: str):
    """One chapter, rendered from Markdown and sanitised."""
    codex = get_content().codex
    try:
        found = codex.chapter(slug)
    except KeyError:
        abort(404)
    position = codex.chapters.index(found)
    previous = codex.chapters[position - 1] if position > 0 else None
    following = codex.chapters[position + 1] if position + 1 < len(codex.chapters) else None
    read = found.slug in chapters_read(get_session(), current_user)
    return render_template("codex/chapter.html", chapter=found, lang=_lang(), read=read,
                           previous=previous, following=following, total=len(codex.chapters),
                           form=ActionForm())


@bp.route("/codex/<slug>/read", methods=["POST"])
@practising
def mark_read(slug: str):
    """Mark a chapter as read; when the last one is read, sector 1 opens."""
    content = get_content()
    try:
        content.codex.chapter(slug)
    except KeyError:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    db = get_session()
    if db.get(CodexRead, (current_user.id, slug)) is None:
        db.add(CodexRead(user_id=current_user.id, chapter=slug))
        db.flush()
        if codex_done(chapters_read(db, current_user), content):
            flash(_("You have read the whole Codex: sector 1 is open!"), "info")
            if "codex_scholar" in award_badges(db, current_user, content):
                flash(_("New badge: Codex scholar. It is on your map."), "info")
    db.commit()
    position = [c.slug for c in content.codex.chapters].index(slug)
    following = content.codex.chapters[position + 1:position + 2]
    if following:
        return redirect(url_for("codex.chapter", slug=following[0].slug))
    return redirect(url_for("codex.index"))
