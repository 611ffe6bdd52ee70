"""The Codex pages: contents, a chapter, search."""

from flask import abort, render_template, request
from flask_babel import get_locale

from lab.auth.access import signed_in
from lab.codex import bp
from lab.codex.search import MAX_QUERY, search
from lab.web_content import get_content


def _lang() -> str:
    return str(get_locale() or "ru")


@bp.route("/codex")
@signed_in
def index():
    """The Codex's chapters, and search results when there is a query."""
    codex = get_content().codex
    query = request.args.get("q", "").strip()[:MAX_QUERY]
    hits = search(codex, query, _lang()) if query else None
    return render_template("codex/index.html", codex=codex, lang=_lang(), query=query, hits=hits)


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
    return render_template("codex/chapter.html", chapter=found, lang=_lang(),
                           previous=previous, following=following, total=len(codex.chapters))
