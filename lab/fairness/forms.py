"""The lead's note on a fairness flag."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SubmitField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length

from lab.fairness.signals import KINDS


class ReviewForm(FlaskForm):
    """'I looked into it': what the lead found. Changes no number."""

    kind = HiddenField(validators=[DataRequired(), AnyOf(KINDS)])
    note = TextAreaField(_l("What you found"), validators=[DataRequired(), Length(max=2000)])
    submit = SubmitField(_l("I looked into it"))
