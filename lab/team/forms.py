"""Forms on the team pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, SubmitField
from wtforms.validators import DataRequired, Optional


class OpenSectorForm(FlaskForm):
    """Open a sector for an agent, with an optional due date."""

    sector_id = SelectField(_l("Sector"), validators=[DataRequired()])
    due_on = DateField(_l("Due date (optional)"), validators=[Optional()])
    submit = SubmitField(_l("Open for the agent"))


class BoardForm(FlaskForm):
    """Show or hide names on the team's practice leaderboard."""

    anonymous = BooleanField(_l("Hide names on the team board"))
    submit = SubmitField(_l("Save"))
