"""The kinds of alert, who may get each, and what they get unless they choose otherwise."""

from __future__ import annotations

from lab.accounts.roles import Role

ALARMING_DETRACTOR = "alarming_detractor"
FOLLOWUP_OVERDUE = "followup_overdue"
SECTOR_ASSIGNED = "sector_assigned"
KINDS: tuple[str, ...] = (ALARMING_DETRACTOR, FOLLOWUP_OVERDUE, SECTOR_ASSIGNED)

# Who an alert of each kind can reach: a team's detractors concern its leads and the
# managers above them; an assignment concerns the agent it was made for.
AUDIENCE: dict[str, frozenset[str]] = {
    ALARMING_DETRACTOR: frozenset({Role.LEAD, Role.MANAGER}),
    FOLLOWUP_OVERDUE: frozenset({Role.LEAD, Role.MANAGER}),
    SECTOR_ASSIGNED: frozenset({Role.AGENT}),
}
# E-mail is on by default for leads only: they are the ones who call the customer back.
EMAIL_BY_DEFAULT: frozenset[str] = frozenset({Role.LEAD})


def kinds_for(role: str) -> tuple[str, ...]:
    """The kinds a user of this role may choose to get."""
    return tuple(kind for kind in KINDS if role in AUDIENCE[kind])
