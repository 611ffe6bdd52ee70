"""Forms on the admin pages."""

from flask_wtf import FlaskForm
from wtforms import (
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from lab.i18n import lazy_gettext as _l

ROLE_CHOICES = [SelectChoice("agent", _l("Agent")), SelectChoice("lead", _l("Team lead")),
                SelectChoice("manager", _l("Manager")), SelectChoice("admin", _l("Administrator"))]


def team_choices(teams) -> list[SelectChoice]:
    """'No team' and every team, for a select."""
    return [SelectChoice("", _l("— no team —")),
            *(SelectChoice(str(team.id), team.name) for team in teams)]


class CreateUserForm(FlaskForm):
    """A new user."""

    login = StringField(_l("Login"), validators=[DataRequired(), Length(max=40)])
    name = StringField(_l("Name"), validators=[Optional(), Length(max=120)])
    role = SelectField(_l("Role"), choices=ROLE_CHOICES)
    team_id = SelectField(_l("Team"), validate_choice=False)
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    submit = SubmitField(_l("Create the user"))


class EmailForm(FlaskForm):
    """Where a user's alerts and the weekly digest are mailed (empty: none)."""

    # One @, no spaces, a dot in the domain: the mail server is the real judge.
    email = StringField(_l("E-mail"), validators=[
        Optional(), Length(max=254),
        Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Type an e-mail address."))])
    submit = SubmitField(_l("Save the e-mail"))


class RoleForm(FlaskForm):
    """Change a user's role and team."""

    role = SelectField(_l("Role"), choices=ROLE_CHOICES)
    team_id = SelectField(_l("Team"), validate_choice=False)
    submit = SubmitField(_l("Save role and team"))


class PasswordForm(FlaskForm):
    """Set a new password (the user's other sessions end)."""

    password = PasswordField(_l("New password"), validators=[DataRequired()])
    submit = SubmitField(_l("Reset the password"))


class ActionForm(FlaskForm):
    """A button that only needs its CSRF token."""

    submit = SubmitField(_l("Confirm"))


class TeamForm(FlaskForm):
    """A new team, optionally with its lead."""

    name = StringField(_l("Team name"), validators=[DataRequired(), Length(max=80)])
    lead = SelectField(_l("Lead (optional)"), validate_choice=False)
    submit = SubmitField(_l("Create the team"))


class LeadForm(FlaskForm):
    """Add a lead to a team."""

    lead = SelectField(_l("Lead"), validate_choice=False, validators=[DataRequired()])
    submit = SubmitField(_l("Add the lead"))


class SchemeForm(FlaskForm):
    """The bonus scheme's tiers and the n below which no bonus is paid."""

    tiers = TextAreaField(_l("Tiers, one per line: min TNPS: bonus %"),
                          validators=[DataRequired(), Length(max=2000)])
    min_n = IntegerField(_l("Minimum answers for a bonus"),
                         validators=[DataRequired(), NumberRange(min=1, max=100000)])
    submit = SubmitField(_l("Save the scheme"))


class FixForm(FlaskForm):
    """Correct one field of a quarantined row and try it again."""

    field = SelectField(_l("Field"), validate_choice=False)
    value = StringField(_l("New value (empty for none)"), validators=[Length(max=2000)])
    why = TextAreaField(_l("Why (required when the agent changes: it moves the answer into "
                           "another agent's TNPS and bonus)"), validators=[Length(max=500)])
    submit = SubmitField(_l("Save and re-process"))


class BulkDismissForm(FlaskForm):
    """Dismiss the ticked rows, or every open row of one reason."""

    reason = StringField(validators=[Length(max=60)])
    submit = SubmitField(_l("Dismiss the selected rows"))
