"""The four roles; every user has exactly one."""

from enum import StrEnum


class Role(StrEnum):
    """Who a user is in the contact centre."""

    AGENT = "agent"
    LEAD = "lead"
    # Reads the whole centre (teams, agents, comments, follow-ups, training) and changes
    # nothing: the head of the centre and CX managers.
    MANAGER = "manager"
    ADMIN = "admin"


ALL_ROLES = frozenset(Role)
