"""What the admin pages show for stored codes, in the reader's language.

Quarantine reasons, survey fields and audit entries are stored as codes and plain
English details (the domain layer speaks no language); these turn them into UI text.
"""

from __future__ import annotations

import json
import re

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from lab.ui.context import ROLE_NAMES

REASONS = {
    "dismissed": _l("Survey not answered"),
    "bad_score": _l("Score not 0-10"),
    "missing_field": _l("Field missing"),
    "bad_timestamp": _l("Date not readable"),
    "naive_timestamp": _l("Date without time zone"),
    "timestamp_out_of_range": _l("Date out of range"),
    "bad_comment": _l("Comment not text"),
    "comment_too_long": _l("Comment too long"),
    "bad_id": _l("Bad answer id"),
    "bad_channel": _l("Unknown channel"),
    "unknown_agent": _l("Unknown agent"),
    "answered_before_call": _l("Answered before the call"),
    "answered_before_sent": _l("Answered before the SMS"),
    "sent_before_call": _l("SMS sent before the call"),
    "ivr_with_sent_at": _l("IVR answer with an SMS time"),
    "sms_without_sent_at": _l("SMS answer without a sending time"),
}
EXPLANATIONS = {
    "dismissed": _l("The customer skipped the survey or left it empty: there is nothing to "
                    "fix. Dismiss these rows."),
    "bad_score": _l("The score must be a whole number from 0 to 10."),
    "missing_field": _l("A required field is empty."),
    "bad_timestamp": _l("A date could not be read as a date and time."),
    "naive_timestamp": _l("A date has no time zone offset, so the moment is unknown."),
    "timestamp_out_of_range": _l("A date lies too far in the past or the future."),
    "bad_comment": _l("The comment is not text."),
    "comment_too_long": _l("The comment is longer than the store allows."),
    "bad_id": _l("The answer's id is not a whole number."),
    "bad_channel": _l("The channel must be IVR or SMS."),
    "unknown_agent": _l("No agent has this login: create the user, then re-process."),
    "answered_before_call": _l("The answer is dated before the call ended."),
    "answered_before_sent": _l("The answer is dated before the SMS was sent."),
    "sent_before_call": _l("The SMS is dated before the call ended."),
    "ivr_with_sent_at": _l("An IVR answer carries an SMS sending time."),
    "sms_without_sent_at": _l("An SMS answer has no sending time."),
}
# Reasons nobody can fix: the customer gave no answer.
UNFIXABLE = frozenset({"dismissed"})
FIELDS = {
    "id": _l("store id"), "response_id": _l("answer id"), "call_id": _l("call id"),
    "agent_login": _l("agent's login"), "channel": _l("channel"),
    "call_ended_at": _l("call ended"), "sent_at": _l("SMS sent"),
    "answered_at": _l("answered"), "score": _l("score"), "comment": _l("comment"),
    "customer_key": _l("customer key"),
}
SOURCES = {"sync": _l("store sync"), "push": _l("push"), "import": _l("file import")}
RESOLUTIONS = {"fixed": _l("fixed"), "stored": _l("stored"), "dismissed": _l("dismissed"),
               "duplicate": _l("already stored"), "reprocessed": _l("re-processed")}
ACTIONS = {
    "user.create": _l("user created"), "user.role": _l("role changed"),
    "user.password": _l("password reset"), "user.activate": _l("user activated"),
    "user.deactivate": _l("user deactivated"),
    "user.sessions_ended": _l("signed out everywhere"),
    "team.create": _l("team created"), "team.lead": _l("lead assigned"),
    "team.unlead": _l("lead removed"), "bonus.scheme": _l("bonus scheme changed"),
    "quarantine.fix": _l("quarantine row fixed"),
    "quarantine.dismiss": _l("quarantine row dismissed"),
    "quarantine.dismiss_bulk": _l("quarantine rows dismissed"),
    "followup.status": _l("follow-up status"), "sector.open": _l("sector assigned"),
    "agent.note": _l("note on an agent"), "response.reassign": _l("answer moved to another agent"),
    "reply.review": _l("reply rating reviewed"),
    "fairness.review": _l("fair-numbers sign looked into"),
}


SIGN_KINDS = {"steering": _l("channel steering"), "begging": _l("asking for a score")}


def pairs_kind(detail: str) -> str:
    """The sign kind of a fair-numbers note's stored detail ("kind=steering")."""
    return detail.partition("kind=")[2] if detail.startswith("kind=") else ""


def reason_label(code: str) -> str:
    """A quarantine reason for people."""
    return str(REASONS.get(code, code))


def explanation(code: str) -> str:
    """Why rows with this reason are held, and what to do."""
    return str(EXPLANATIONS.get(code, REASONS.get(code, code)))


def field_label(name: str | None) -> str:
    """A survey field for people ('—' for none)."""
    return "—" if not name else str(FIELDS.get(name, name))


def resolution_label(code: str | None) -> str:
    """How a quarantine row was closed."""
    return "" if code is None else str(RESOLUTIONS.get(code, code))


def action_label(code: str) -> str:
    """An audited action for people."""
    return str(ACTIONS.get(code, code))


def actor_label(event) -> str:
    """Who did it: a login, or the command line."""
    return event.actor_label if event.actor_id is not None else str(_l("command line"))


def _statuses() -> dict[str, str]:
    from lab.team.forms import OUTCOME_LABELS, STATUS_LABELS

    return {**{k: str(v) for k, v in STATUS_LABELS.items()},
            **{k: str(v) for k, v in OUTCOME_LABELS.items()}}


def _role(value: str) -> str:
    return next((str(label) for role, label in ROLE_NAMES.items() if role.value == value), value)


_PAIRS = re.compile(r"(\w+)=(\S*)")
_CHARS = re.compile(r"^(\d+) characters$")
_TARGET = re.compile(r"^(row|response) (.+)$")
_ROWS = re.compile(r"^(\d+) rows$")
_REVIEW = re.compile(r"^(right|override): scorer (\d+), lead (\d+)$")
_REPLY = re.compile(r"^reply (\d+)$")


def why_text(event) -> str:
    """The reason an admin gave for a change (moving an answer to another agent)."""
    if event.action != "quarantine.fix":
        return ""
    try:
        return str(json.loads(event.detail or "").get("why") or "")
    except (ValueError, AttributeError):
        return ""


def target_text(event) -> str:
    """The audited thing: a login or team as stored, a quarantine row or answer by id."""
    many = _ROWS.match(event.target or "")
    if many:
        return ngettext("%(num)d quarantine row", "%(num)d quarantine rows", int(many.group(1)))
    reply = _REPLY.match(event.target or "")
    if reply:
        return str(_l("practice reply %(id)s", id=reply.group(1)))
    found = _TARGET.match(event.target or "")
    if not found:
        return event.target or ""
    kind, ident = found.groups()
    if kind == "row":
        return str(_l("quarantine row %(id)s", id=ident))
    return str(_l("answer %(id)s", id=ident))


def detail_text(event, titles: dict[str, str] | None = None) -> str:
    """An audit entry's detail in the reader's language, from the stored plain form
    (`titles`: sector ids to their titles in that language)."""
    detail = event.detail or ""
    action = event.action
    chars = _CHARS.match(detail)
    if chars:
        return ngettext("%(num)d character", "%(num)d characters", int(chars.group(1)))
    if action == "followup.status" and " -> " in detail:
        names = _statuses()
        before, _, rest = detail.partition(" -> ")
        after, _, outcome = rest.partition(" outcome=")
        text = f"{names.get(before, before)} → {names.get(after, after)}"
        return text + (f" ({names.get(outcome, outcome)})" if outcome else "")
    if action == "user.role" and " -> " in detail:
        before, _, after = detail.partition(" -> ")
        role, _, team = after.partition("/")
        text = f"{_role(before)} → {_role(role)}"
        return text + (" · " + str(_l("team %(name)s", name=team)) if team else "")
    if action == "quarantine.dismiss":
        return reason_label(detail)
    review = _REVIEW.match(detail) if action == "reply.review" else None
    if review:
        verdict, scorer, lead = review.groups()
        if verdict == "right":
            return str(_l("rating %(n)s confirmed", n=scorer))
        return str(_l("scorer %(scorer)s, lead %(lead)s", scorer=scorer, lead=lead))
    if action == "fairness.review" and pairs_kind(detail):
        return str(SIGN_KINDS.get(pairs_kind(detail), pairs_kind(detail)))
    if action == "quarantine.fix":
        try:
            change = json.loads(detail)
            return f"{field_label(change['field'])}: {change['from']} → {change['to']}"
        except (ValueError, KeyError, TypeError):
            return detail
    if action == "quarantine.dismiss_bulk":
        try:
            return ", ".join(reason_label(code) for code in json.loads(detail)["reasons"])
        except (ValueError, KeyError, TypeError):
            return detail
    pairs = dict(_PAIRS.findall(detail))
    if pairs and action in ("user.create", "team.create", "team.unlead", "sector.open"):
        parts = []
        if "role" in pairs:
            parts.append(str(_l("role: %(role)s", role=_role(pairs["role"]))))
        if pairs.get("team"):
            parts.append(str(_l("team: %(name)s", name=pairs["team"])))
        if pairs.get("lead"):
            parts.append(str(_l("lead: %(login)s", login=pairs["lead"])))
        if pairs.get("sector"):
            title = (titles or {}).get(pairs["sector"], pairs["sector"])
            parts.append(str(_l("sector: “%(title)s”", title=title)))
        if pairs.get("due"):
            parts.append(str(_l("due: %(day)s", day=pairs["due"])))
        return " · ".join(parts) if parts else "—"
    return detail
