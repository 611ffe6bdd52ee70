"""The reply form and the small action forms of the Lab."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from lab.i18n import lazy_gettext as _l
from lab.training.play import MAX_REPLY


class ReplyForm(FlaskForm):
    """The agent's reply to the customer's message."""

    text = TextAreaField(_l("Your reply"), validators=[
        DataRequired(_l("Write a reply first.")),
        Length(max=MAX_REPLY, message=_l("A reply is at most %(max)d characters.", max=MAX_REPLY)),
    ])
    step = IntegerField(validators=[DataRequired()])
    version = HiddenField()
    submit = SubmitField(_l("Send to the customer"))


class ActionForm(FlaskForm):
    """A button that changes something (start, hint, skip the tour): CSRF only."""
