"""Sign-in, sign-out and language forms (all CSRF-protected by Flask-WTF)."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import AnyOf, DataRequired, EqualTo, Length

from lab.i18n import lazy_gettext as _l


class LoginForm(FlaskForm):
    """Login and password."""

    login = StringField(
        _l("Login"),
        validators=[DataRequired(_l("Enter your login.")), Length(max=40, message=_l(
            "A login is at most 40 characters."))],
        render_kw={"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(_l("Enter your password.")), Length(max=200, message=_l(
            "A password is at most 200 characters."))],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Keep me signed in on this device"))
    submit = SubmitField(_l("Sign in"))


class LogoutForm(FlaskForm):
    """Sign out: a POST with a CSRF token, so no other site can sign a user out."""

    submit = SubmitField(_l("Sign out"))


class LanguageForm(FlaskForm):
    """Switch the interface language."""

    lang = HiddenField(validators=[AnyOf(("ru", "en"))])
    next = HiddenField()


class ChangePasswordForm(FlaskForm):
    """A user's own new password: the current one first, the new one twice."""

    current = PasswordField(
        _l("Current password"),
        validators=[DataRequired(_l("Enter your current password.")), Length(max=200)],
        render_kw={"autocomplete": "current-password"},
    )
    new = PasswordField(
        _l("New password"),
        validators=[DataRequired(_l("Enter the new password.")), Length(max=200, message=_l(
            "A password is at most 200 characters."))],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("New password again"),
        validators=[DataRequired(_l("Enter the new password again.")),
                    EqualTo("new", _l("The two new passwords differ."))],
        render_kw={"autocomplete": "new-password"},
    )
    submit = SubmitField(_l("Change password"))
