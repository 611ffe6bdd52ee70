"""The three roles; every user has exactly one."""

from enum import StrEnum


class Role(StrEnum):
    """Who a user is in the contact centre."""

    AGENT = "agent"
    LEAD = "lead"
    ADMIN = "admin"


ALL_ROLES = frozenset(Role)
