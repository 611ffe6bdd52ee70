"""The forms of the alerts page."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField


class ReadAllForm(FlaskForm):
    """Mark everything under the bell as read."""

    submit = SubmitField(_l("Mark all as read"))


class PreferencesForm(FlaskForm):
    """The checkboxes are named in_app-KIND and email-KIND; the route reads them."""

    submit = SubmitField(_l("Save my alert choices"))
