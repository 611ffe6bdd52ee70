"""Forms on the team pages."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    SelectField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from lab.calibration.reviews import COMMENT_MAX
from lab.i18n import lazy_gettext as _l


class OpenSectorForm(FlaskForm):
    """Open a sector for an agent, with an optional due date."""

    sector_id = SelectField(_l("Sector"), validators=[DataRequired()])
    due_on = DateField(_l("Due date (optional)"), validators=[Optional()])
    submit = SubmitField(_l("Open for the agent"))


class BoardForm(FlaskForm):
    """Show or hide names on the team's practice leaderboard."""

    anonymous = BooleanField(_l("Hide names on the team board"))
    submit = SubmitField(_l("Save"))


class NoteForm(FlaskForm):
    """A lead's note about an agent."""

    text = TextAreaField(_l("Note"), validators=[DataRequired(), Length(max=4000)])
    submit = SubmitField(_l("Add the note"))


class ReviewForm(FlaskForm):
    """A lead's review of one reply's rating: right as it is, or the rating they would give.

    Made with the prefix of its reply, so every reply's form on the page has its own ids."""

    rating = SelectField(_l("Your rating"), coerce=int,
                         choices=[SelectChoice(n, str(n)) for n in range(10, -1, -1)])
    comment = TextAreaField(_l("Why (required when you change the rating)"),
                            validators=[Optional(), Length(max=COMMENT_MAX)])
    right = SubmitField(_l("The rating is right"))
    override = SubmitField(_l("Save my rating"))


STATUS_LABELS = {
    "new": _l("New"), "in_progress": _l("Being worked on"), "called_back": _l("Called back"),
    "resolved": _l("Resolved"), "unreachable": _l("Could not reach"),
}
OUTCOME_LABELS = {
    "won_back": _l("Customer won back"), "problem_fixed": _l("Problem fixed"),
    "explained": _l("Explained, nothing to fix"), "not_fixed": _l("Could not fix"),
    "no_answer": _l("No answer after several tries"),
}


class FollowUpForm(FlaskForm):
    """Move a follow-up on; closing needs an outcome and a note (checked by the rules)."""

    status = SelectField(_l("Status"),
                         choices=[SelectChoice(k, v) for k, v in STATUS_LABELS.items()])
    outcome = SelectField(_l("Outcome (when closing)"), validate_choice=False,
                          choices=[SelectChoice("", "—"),
                                   *(SelectChoice(k, v) for k, v in OUTCOME_LABELS.items())])
    note = TextAreaField(_l("Note"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Save"))


class AssignForm(FlaskForm):
    """Assign a suggested sector with a due date."""

    sector_id = HiddenField(validators=[DataRequired()])
    due_on = DateField(_l("Due date"), validators=[DataRequired()])
    submit = SubmitField(_l("Assign"))
