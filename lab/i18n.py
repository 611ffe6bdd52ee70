"""Russian and English: the choice is remembered, else taken from the browser."""

from __future__ import annotations

from flask import Flask, current_app, request
from flask.globals import _cv_app
from flask_babel import Babel, get_translations
from flask_babel.speaklater import LazyString
from flask_login import current_user
from jinja2 import pass_eval_context
from markupsafe import Markup

LANG_COOKIE = "lab_lang"


def select_locale() -> str:
    """The remembered choice (cookie, then profile), else the browser's, else Russian."""
    languages = current_app.config["LANGUAGES"]
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in languages:
        return chosen
    user = current_user
    if user and user.is_authenticated and user.locale in languages:
        return user.locale
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"]


def remember_language(user, lang: str) -> None:
    """Keep the choice on the profile so it follows the user to another device."""
    user.locale = lang


def _translations():
    """The request's catalogue, looked up once. Flask-Babel's own lookup goes through the
    request context some eight times per string (domain, locale, cache key), and a page
    has about a hundred strings: a tenth of the time of rendering the Lab's map. The
    locale is chosen once per request (nothing here switches it midway). The app
    context is read from its context variable, not through the `g` proxy: a proxy
    lookup costs as much as the catalogue's own."""
    context = _cv_app.get(None)
    if context is None:
        return get_translations()
    held = context.g.__dict__
    found = held.get("lab_translations")
    if found is None:
        found = held["lab_translations"] = get_translations()
    return found


def gettext(string: str, **variables) -> str:
    """Flask-Babel's gettext through the request's catalogue looked up once."""
    text = _translations().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    """Flask-Babel's ngettext through the request's catalogue looked up once (`num` is
    one of the variables, as in the templates)."""
    variables.setdefault("num", num)
    return _translations().ungettext(singular, plural, num) % variables


def lazy_gettext(string: str, **variables) -> LazyString:
    """A label translated when shown (module-level texts: navigation, form labels), the
    same LazyString as Flask-Babel's but resolved through the request's catalogue."""
    return LazyString(gettext, string, **variables)


# Both take the evaluation context, not the template's: Jinja gives a function marked
# pass_context, called inside a loop or a block with variables of its own, a new derived
# Context each call (some fifty a view of My TNPS), and only autoescape is read here.
@pass_eval_context
def _template_gettext(eval_ctx, string: str, /, **variables) -> str:
    """Jinja's new-style gettext in one call: `_()` and `{% trans %}` went through three
    `Context.call`s and an alias per string, about a hundred strings a page. The same
    result: escaped when autoescaping, always formatted (so "%%" is "%")."""
    text = _translations().ugettext(string)
    if eval_ctx.autoescape:
        text = Markup(text)  # noqa: S704 (our own catalogue, as Jinja's gettext does)
    if not variables and "%" not in text:
        return text  # what "% {}" would give, without Markup's formatting machinery
    return text % variables


@pass_eval_context
def _template_ngettext(eval_ctx, singular: str, plural: str, num: int, /, **variables
                       ) -> str:
    """Jinja's new-style ngettext in one call, as `_template_gettext`."""
    variables.setdefault("num", num)
    text = _translations().ungettext(singular, plural, num)
    if eval_ctx.autoescape:
        text = Markup(text)  # noqa: S704 (our own catalogue, as Jinja's gettext does)
    return text % variables


def init_app(app: Flask) -> None:
    """Attach Flask-Babel; translations live in lab/translations."""
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(app.root_path) + "/translations")
    Babel(app, locale_selector=select_locale)
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
    app.jinja_env.globals.update(_=_template_gettext, gettext=_template_gettext,
                                 ngettext=_template_ngettext)
